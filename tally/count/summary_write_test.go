package count_test

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/chae-go/chae/tally/count"
)

// TestWriteSummaryRefuses: what ReadSummary would refuse, WriteSummary refuses before writing,
// with the sentinel and a message prefixed once with the package.
func TestWriteSummaryRefuses(t *testing.T) {
	t.Parallel()
	good := func() count.Counts {
		return count.Counts{Ballots: 2, Valid: 2, Candidates: []count.CandidateCount{
			{ID: "c1", For: 1, Abstain: 1}, {ID: "c2", Against: 2}, {ID: "c3", Abstain: 2}}, WriteIns: []count.WriteInCount{}}
	}
	with := func(f func(*count.Counts)) count.Counts { c := good(); f(&c); return c }
	tests := []struct {
		name  string
		boxes []count.BoxCounts
		err   error
	}{
		{"a box twice", []count.BoxCounts{{Box: "A", Counts: good()}, {Box: "A", Counts: good()}}, count.ErrDuplicateBox},
		{"an empty box name", []count.BoxCounts{{Box: "", Counts: good()}}, count.ErrSummaryColumn},
		{"a padded box name", []count.BoxCounts{{Box: " A", Counts: good()}}, count.ErrSummaryColumn},
		{"fewer candidates", []count.BoxCounts{{Box: "A", Counts: with(func(c *count.Counts) { c.Candidates = c.Candidates[:2] })}}, count.ErrSlateMismatch},
		{"another candidate", []count.BoxCounts{{Box: "A", Counts: with(func(c *count.Counts) { c.Candidates[2].ID = "c9" })}}, count.ErrSlateMismatch},
		{"figures not adding up", []count.BoxCounts{{Box: "A", Counts: with(func(c *count.Counts) { c.Ballots = 3 })}}, count.ErrCounts},
		{"a write-in not a match key", []count.BoxCounts{{Box: "A", Counts: with(func(c *count.Counts) {
			c.WriteIns = []count.WriteInCount{{Name: " Zhao  Liu", Votes: 1}}
		})}}, count.ErrCounts},
		// What a summary cannot hold is refused, not dropped: it would not read back as written.
		{"skipped rows", []count.BoxCounts{{Box: "A", Counts: with(func(c *count.Counts) { c.SkippedRows = 3 })}}, count.ErrCounts},
		{"a candidate's name written in, not flagged", []count.BoxCounts{{Box: "A", Counts: with(func(c *count.Counts) {
			c.WriteIns = []count.WriteInCount{{Name: "Li Wei", Votes: 1}}
		})}}, count.ErrCounts},
		{"a candidate's name flagged as another", []count.BoxCounts{{Box: "A", Counts: with(func(c *count.Counts) {
			c.WriteIns = []count.WriteInCount{{Name: "Li Wei", Votes: 1, SameAs: "c2"}}
		})}}, count.ErrCounts},
		{"another name flagged as a candidate", []count.BoxCounts{{Box: "A", Counts: with(func(c *count.Counts) {
			c.WriteIns = []count.WriteInCount{{Name: "Zhao Liu", Votes: 1, SameAs: "c1"}}
		})}}, count.ErrCounts},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			err := count.WriteSummary(io.Discard, sumSlate, tc.boxes)
			if !errors.Is(err, tc.err) {
				t.Fatalf("error %v, want %v", err, tc.err)
			}
			if msg := err.Error(); !strings.HasPrefix(msg, "count: ") || strings.Count(msg, "count:") != 1 {
				t.Errorf("message %q is not prefixed once with the package", msg)
			}
		})
	}
}

// TestWriteSummaryKeepsSameAs: a write-in of a candidate's name, flagged as the counter flags it,
// is written and read back with its flag.
func TestWriteSummaryKeepsSameAs(t *testing.T) {
	t.Parallel()
	c := count.Counts{Ballots: 2, Valid: 2, Candidates: []count.CandidateCount{
		{ID: "c1", For: 1, Abstain: 1}, {ID: "c2", Against: 2}, {ID: "c3", Abstain: 2}},
		WriteIns: []count.WriteInCount{{Name: "Li Wei", Votes: 1, SameAs: "c1"}}}
	var buf strings.Builder
	if err := count.WriteSummary(&buf, sumSlate, []count.BoxCounts{{Box: "A", Counts: c}}); err != nil {
		t.Fatal(err)
	}
	back, err := count.ReadSummary(strings.NewReader(buf.String()), sumSlate)
	if err != nil {
		t.Fatal(err)
	}
	if got := back[0].Counts.WriteIns; len(got) != 1 || got[0] != c.WriteIns[0] {
		t.Fatalf("read back %+v, written %+v", got, c.WriteIns)
	}
}

// TestReadSummaryRefusesSignedCounts: a vote count is digits only; "+5" is not read as 5.
func TestReadSummaryRefusesSignedCounts(t *testing.T) {
	t.Parallel()
	in := "box,ballots,valid,invalid,spoiled,c1:for,c1:against,c2:for,c2:against,c3:for,c3:against\n" +
		"A,+2,2,0,0,1,0,0,2,0,0\n"
	_, err := count.ReadSummary(strings.NewReader(in), sumSlate)
	var se *count.SummaryError
	if !errors.Is(err, count.ErrSummaryNumber) || !errors.As(err, &se) || se.Line != 2 || se.Column != 2 {
		t.Fatalf("error %v, want ErrSummaryNumber at line 2, column 2", err)
	}
}
