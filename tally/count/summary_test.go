package count_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/tally/count"
	"golang.org/x/text/encoding/simplifiedchinese"
	"pgregory.net/rapid"
)

var sumSlate = ballot.Slate{Office: "Committee", Seats: 2, Candidates: []ballot.Candidate{
	{ID: "c1", Name: "Li Wei"}, {ID: "c2", Name: "Wang Fang"}, {ID: "c3", Name: "Zhang Min"},
}}

const sumHead = "box,ballots,valid,invalid,spoiled,c1:for,c1:against,c1:abstain,c2:for,c2:against,c2:abstain,c3:for,c3:against,c3:abstain"

func TestReadSummaryBadInput(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		in        string
		line, col int
		err       error
	}{
		{"empty file", "", 1, 0, count.ErrSummaryColumn},
		{"unknown column", sumHead + ",c9:for\n", 1, 15, count.ErrSummaryColumn},
		{"duplicate column", sumHead + ",c1:for\n", 1, 15, count.ErrSummaryColumn},
		{"missing column", "box,ballots,valid,invalid,spoiled,c1:for,c1:against\n", 1, 0, count.ErrSummaryColumn},
		{"not a number", sumHead + "\nA,10,10,0,0,x,5,0,5,5,0,5,5,0\n", 2, 6, count.ErrSummaryNumber},
		{"negative count", sumHead + "\nA,10,10,0,0,-5,5,0,5,5,0,5,5,0\n", 2, 6, count.ErrSummaryNumber},
		{"wrong field count", sumHead + "\nA,10,10,0,0,5,5,0\n", 2, 9, count.ErrSummaryNumber},
		{"ballots do not add up", sumHead + "\nA,11,10,0,0,5,5,0,5,5,0,5,5,0\n", 2, 0, count.ErrSummaryTotals},
		{"candidate does not add up", sumHead + "\nA,10,10,0,0,5,5,1,5,5,0,5,5,0\n", 2, 0, count.ErrSummaryTotals},
		{"more chosen than seats allow", sumHead + "\nA,10,10,0,0,10,0,0,10,0,0,1,9,0\n", 2, 0, count.ErrSummaryTotals},
		{"write-in over valid", sumHead + ",write-in:Zhao Liu\nA,10,10,0,0,5,5,0,5,5,0,5,5,0,11\n", 2, 0, count.ErrSummaryTotals},
		{"box counted twice", sumHead + "\nA,10,10,0,0,5,5,0,5,5,0,5,5,0\nA,10,10,0,0,5,5,0,5,5,0,5,5,0\n", 3, 1, count.ErrDuplicateBox},
		{"empty box name", sumHead + "\n,10,10,0,0,5,5,0,5,5,0,5,5,0\n", 2, 1, count.ErrSummaryColumn},
		{"bare quote", sumHead + "\nA\"B,10,10,0,0,5,5,0,5,5,0,5,5,0\n", 2, 2, count.ErrSummaryNumber},
		{"non-UTF-8 bytes", sumHead + "\nA\xff\xfe,10,10,0,0,5,5,0,5,5,0,5,5,0\n", 2, 0, count.ErrSummaryNumber},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := count.ReadSummary(strings.NewReader(tc.in), sumSlate)
			if !errors.Is(err, tc.err) {
				t.Fatalf("error %v, want %v", err, tc.err)
			}
			var se *count.SummaryError
			if !errors.As(err, &se) {
				t.Fatalf("%T %v is not a *SummaryError", err, err)
			}
			if se.Line != tc.line || se.Column != tc.col {
				t.Errorf("line %d column %d, want line %d column %d (%v)", se.Line, se.Column, tc.line, tc.col, err)
			}
		})
	}
}

func TestReadSummaryAccepts(t *testing.T) {
	t.Parallel()
	want := []count.BoxCounts{{Box: "流动票箱", Counts: count.Counts{Ballots: 12, Valid: 11, Invalid: 1,
		Candidates: []count.CandidateCount{{ID: "c1", For: 8, Against: 2, Abstain: 1}, {ID: "c2", For: 5, Against: 6}, {ID: "c3", For: 3, Against: 3, Abstain: 5}},
		WriteIns:   []count.WriteInCount{{Name: "Li Wei", Votes: 2, SameAs: "c1"}, {Name: "Zhao Liu", Votes: 1}}}}}
	plain := "c3:for,c3:against,box,ballots,valid,invalid,spoiled,c1:for,c1:against,c1:abstain,c2:for,c2:against,write-in:Zhao  Liu,write-in:Li Wei\n" +
		"3,3,流动票箱,12,11,1,0,8,2,1,5,6,1,2\n"
	for _, tc := range []struct{ name, in string }{
		{"plain, any column order, abstain derived", plain},
		{"BOM and CRLF", "\uFEFF" + strings.ReplaceAll(plain, "\n", "\r\n")},
		{"trailing empty columns", strings.ReplaceAll(plain, "\n", ",,\n")},
		{"GB18030", gb18030(t, plain)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := count.ReadSummary(strings.NewReader(tc.in), sumSlate)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("got %+v, want %+v", got, want)
			}
		})
	}
}

// drawBallots draws ballots for the slate: valid, over-votes, spoiled, with write-ins.
func drawBallots(t *rapid.T, s ballot.Slate, label string) []ballot.Ballot {
	mark := rapid.SampledFrom([]ballot.Mark{ballot.Abstain, ballot.For, ballot.Against})
	b := rapid.Custom(func(t *rapid.T) ballot.Ballot {
		b := ballot.Ballot{Marks: rapid.SliceOfN(mark, len(s.Candidates), len(s.Candidates)).Draw(t, "marks")}
		b.WriteIns = rapid.SliceOfN(rapid.SampledFrom([]string{"Zhao Liu", "Li Wei", "钱七"}), 0, 2).Draw(t, "writeIns")
		b.Spoiled = rapid.IntRange(0, 9).Draw(t, "spoiled") == 0
		return b
	})
	return rapid.SliceOfN(b, 0, 30).Draw(t, label)
}

func countOf(t *rapid.T, s ballot.Slate, bs []ballot.Ballot) count.Counts {
	c, err := count.Count(s, bs)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestMergeCountsLaws: merging is commutative and associative, the empty Counts is its identity,
// and merging the counts of a partition equals counting all the ballots.
func TestMergeCountsLaws(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		a, b, c := drawBallots(t, sumSlate, "a"), drawBallots(t, sumSlate, "b"), drawBallots(t, sumSlate, "c")
		ca, cb, cc := countOf(t, sumSlate, a), countOf(t, sumSlate, b), countOf(t, sumSlate, c)
		merge := func(x, y count.Counts) count.Counts {
			m, err := count.Merge(x, y)
			if err != nil {
				t.Fatal(err)
			}
			return m
		}
		all := countOf(t, sumSlate, append(append(append([]ballot.Ballot(nil), a...), b...), c...))
		if got := merge(merge(ca, cb), cc); !reflect.DeepEqual(got, all) {
			t.Fatalf("(a+b)+c = %+v, count of all %+v", got, all)
		}
		if l, r := merge(merge(ca, cb), cc), merge(ca, merge(cb, cc)); !reflect.DeepEqual(l, r) {
			t.Fatalf("not associative: %+v vs %+v", l, r)
		}
		if l, r := merge(ca, cb), merge(cb, ca); !reflect.DeepEqual(l, r) {
			t.Fatalf("not commutative: %+v vs %+v", l, r)
		}
		if got := merge(count.Counts{}, ca); !reflect.DeepEqual(got, ca) {
			t.Fatalf("empty is not an identity: %+v vs %+v", got, ca)
		}
		if err := count.Check(sumSlate, all); err != nil {
			t.Fatalf("real counts fail the check: %v", err)
		}
	})
}

// TestSummaryRoundTrip: counts of real ballots per box, written as a summary, read back equal.
func TestSummaryRoundTrip(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(0, 4).Draw(t, "boxes")
		var boxes []count.BoxCounts
		for i := range n {
			boxes = append(boxes, count.BoxCounts{Box: fmt.Sprintf("box %d", i+1), Counts: countOf(t, sumSlate, drawBallots(t, sumSlate, "ballots"))})
		}
		var buf bytes.Buffer
		if err := count.WriteSummary(&buf, sumSlate, boxes); err != nil {
			t.Fatal(err)
		}
		got, err := count.ReadSummary(&buf, sumSlate)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, boxes) {
			t.Fatalf("read back %+v, want %+v", got, boxes)
		}
	})
}

func TestSumBoxesRefusesDuplicate(t *testing.T) {
	t.Parallel()
	c := count.Counts{Candidates: []count.CandidateCount{{ID: "c1"}}}
	if _, err := count.SumBoxes([]count.BoxCounts{{Box: "A", Counts: c}, {Box: "A", Counts: c}}); !errors.Is(err, count.ErrDuplicateBox) {
		t.Errorf("got %v, want ErrDuplicateBox", err)
	}
	d := count.Counts{Candidates: []count.CandidateCount{{ID: "c2"}}}
	if _, err := count.Merge(c, d); !errors.Is(err, count.ErrSlateMismatch) {
		t.Errorf("got %v, want ErrSlateMismatch", err)
	}
}

func FuzzReadSummary(f *testing.F) {
	f.Add([]byte(sumHead + ",write-in:Zhao Liu\nA,10,9,1,0,5,4,0,4,5,0,5,4,0,2\n"))
	f.Add([]byte("\uFEFF" + sumHead + "\r\nB,0,0,0,0,0,0,0,0,0,0,0,0,0\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		boxes, err := count.ReadSummary(bytes.NewReader(data), sumSlate)
		if err != nil {
			return
		}
		var buf bytes.Buffer
		if err := count.WriteSummary(&buf, sumSlate, boxes); err != nil {
			t.Fatalf("read but not writable: %v", err)
		}
		again, err := count.ReadSummary(&buf, sumSlate)
		if err != nil {
			t.Fatalf("rewritten summary unreadable: %v\n%s", err, buf.Bytes())
		}
		if !reflect.DeepEqual(boxes, again) {
			t.Fatalf("round trip changed the counts:\n%+v\n%+v", boxes, again)
		}
	})
}

func ExampleReadSummary() {
	in := `box,ballots,valid,invalid,spoiled,c1:for,c1:against,c2:for,c2:against,c3:for,c3:against,write-in:Zhao Liu
Mobile,12,11,1,0,8,2,5,6,3,3,1
`
	boxes, err := count.ReadSummary(strings.NewReader(in), sumSlate)
	if err != nil {
		fmt.Println(err)
		return
	}
	counted, _ := count.Count(sumSlate, []ballot.Ballot{
		{Marks: []ballot.Mark{ballot.For, ballot.For, ballot.Against}},
		{Marks: []ballot.Mark{ballot.For, ballot.Against, ballot.Abstain}},
	})
	boxes = append(boxes, count.BoxCounts{Box: "Hall", Counts: counted})
	total, err := count.SumBoxes(boxes)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(total.Ballots, total.Valid, total.Candidates[0], total.WriteIns)
	count.WriteSummary(os.Stdout, sumSlate, boxes)
	// Output:
	// 14 13 {c1 10 2 1} [{Zhao Liu 1 }]
	// box,ballots,valid,invalid,spoiled,c1:for,c1:against,c1:abstain,c2:for,c2:against,c2:abstain,c3:for,c3:against,c3:abstain,write-in:Zhao Liu
	// Mobile,12,11,1,0,8,2,1,5,6,0,3,3,5,1
	// Hall,2,2,0,0,2,0,0,1,1,0,0,1,1,0
}

func gb18030(t *testing.T, s string) string {
	t.Helper()
	out, err := simplifiedchinese.GB18030.NewEncoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
