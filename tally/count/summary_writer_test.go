package count_test

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/chae-go/chae/tally/count"
)

// TestSummaryWriter: writing boxes one at a time gives the bytes WriteSummary gives for the same
// boxes, and ReadSummary reads them back as they were; a name written in without a column is
// refused.
func TestSummaryWriter(t *testing.T) {
	t.Parallel()
	boxes := []count.BoxCounts{
		{Box: "A", Counts: count.Counts{Ballots: 3, Valid: 2, Spoiled: 1, Candidates: []count.CandidateCount{
			{ID: "c1", For: 1, Abstain: 1}, {ID: "c2", Against: 2}, {ID: "c3", Abstain: 2}},
			WriteIns: []count.WriteInCount{{Name: "Zhao Liu", Votes: 1}}}},
		{Box: "B", Counts: count.Counts{Ballots: 1, Valid: 1, Candidates: []count.CandidateCount{
			{ID: "c1", For: 1}, {ID: "c2", Against: 1}, {ID: "c3", Abstain: 1}},
			WriteIns: []count.WriteInCount{{Name: "Qian Li", Votes: 1}}}},
	}
	var want bytes.Buffer
	if err := count.WriteSummary(&want, sumSlate, boxes); err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	sw, err := count.NewSummaryWriter(&got, sumSlate, []string{"Zhao Liu", "Qian Li", "Zhao Liu"})
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range boxes {
		if err := sw.Write(b); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Fatalf("SummaryWriter wrote\n%s\nWriteSummary\n%s", got.String(), want.String())
	}
	back, err := count.ReadSummary(&got, sumSlate)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, boxes) {
		t.Errorf("read back %+v, want %+v", back, boxes)
	}
	sw, err = count.NewSummaryWriter(&got, sumSlate, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := sw.Write(boxes[0]); !errors.Is(err, count.ErrSummaryColumn) {
		t.Errorf("a write-in without a column: %v, want ErrSummaryColumn", err)
	}
	if _, err := count.NewSummaryWriter(&got, sumSlate, []string{" Zhao Liu"}); !errors.Is(err, count.ErrSummaryColumn) {
		t.Errorf("a column that is not a match key: %v, want ErrSummaryColumn", err)
	}
}

// TestSummaryTotalsSaidOnce: a box whose figures do not add up is reported with the box, the line
// and the figures, and says "figures do not add up" once, without a second sentinel's words.
func TestSummaryTotalsSaidOnce(t *testing.T) {
	t.Parallel()
	in := "box,ballots,valid,invalid,spoiled,c1:for,c1:against,c2:for,c2:against,c3:for,c3:against\n" +
		"Mobile,6,5,0,0,1,0,0,2,0,0\n"
	_, err := count.ReadSummary(strings.NewReader(in), sumSlate)
	if !errors.Is(err, count.ErrSummaryTotals) {
		t.Fatalf("error %v, want ErrSummaryTotals", err)
	}
	want := "count: summary: line 2 (Mobile): figures do not add up: 6 ballots, but 5 valid + 0 invalid + 0 spoiled"
	if err.Error() != want {
		t.Errorf("message\n%q, want\n%q", err.Error(), want)
	}
}
