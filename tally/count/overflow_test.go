package count_test

import (
	"errors"
	"math"
	"testing"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/tally/count"
)

// pairSlate is one seat between two candidates.
var pairSlate = ballot.Slate{Office: "Committee", Seats: 1, Candidates: []ballot.Candidate{{ID: "c1", Name: "Mallory"}, {ID: "c2", Name: "Li Wei"}}}

// wrapped is the count of 5 valid ballots on which c1 has MaxInt For, MaxInt Against and 7
// abstentions: in int arithmetic the marks add up to 5 (MaxInt + MaxInt + 7 wraps to 5), and the
// persons chosen (MaxInt + 1) wrap to a negative number.
func wrapped() count.Counts {
	return count.Counts{Ballots: 5, Valid: 5, WriteIns: []count.WriteInCount{}, Candidates: []count.CandidateCount{
		{ID: "c1", For: math.MaxInt, Against: math.MaxInt, Abstain: 7},
		{ID: "c2", For: 1, Against: 4},
	}}
}

// TestCheckRefusesWrappingSums: figures that add up only in wrapping int arithmetic cannot be the
// count of real ballots, and Check refuses them; so do Merge and SumBoxes. Figures that add up
// exactly are accepted however large (seats × valid beyond the int range).
func TestCheckRefusesWrappingSums(t *testing.T) {
	t.Parallel()
	const big = 1 << 62 // big + big wraps to math.MinInt
	tests := []struct {
		name  string
		slate ballot.Slate
		c     count.Counts
		err   error
		merge bool // Merge refuses it too: the figures do not add up without the slate either
	}{
		{"For MaxInt, Against MaxInt, Abstain 7 on 5 valid", pairSlate, wrapped(), count.ErrCounts, true},
		{"ballots = valid + invalid + spoiled wrapping to 5", pairSlate, count.Counts{Ballots: 5, Valid: math.MaxInt, Invalid: math.MaxInt, Spoiled: 7,
			Candidates: []count.CandidateCount{{ID: "c1", Against: math.MaxInt}, {ID: "c2", Against: math.MaxInt}}}, count.ErrCounts, true},
		{"persons chosen wrapping to a negative sum", pairSlate, count.Counts{Ballots: big, Valid: big,
			Candidates: []count.CandidateCount{{ID: "c1", For: big}, {ID: "c2", For: big}}}, count.ErrCounts, false},
		{"write-in votes wrapping the persons chosen", pairSlate, count.Counts{Ballots: big, Valid: big,
			Candidates: []count.CandidateCount{{ID: "c1", For: big}, {ID: "c2", Against: big}},
			WriteIns:   []count.WriteInCount{{Name: "Zhao Liu", Votes: big}}}, count.ErrCounts, false},
		{"seats × valid beyond the int range, chosen within it", ballot.Slate{Office: "Congress", Seats: 3, Candidates: []ballot.Candidate{
			{ID: "c1", Name: "A"}, {ID: "c2", Name: "B"}, {ID: "c3", Name: "C"}, {ID: "c4", Name: "D"}}},
			count.Counts{Ballots: big, Valid: big, Candidates: []count.CandidateCount{{ID: "c1", For: big}, {ID: "c2", Against: big},
				{ID: "c3", Abstain: big}, {ID: "c4", Against: big}}}, nil, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if err := count.Check(tc.slate, tc.c); !errors.Is(err, tc.err) || (err == nil) != (tc.err == nil) {
				t.Fatalf("Check: %v, want %v", err, tc.err)
			}
			if tc.err == nil {
				return
			}
			// Merge checks each input as Check does, but for the persons chosen (it has no slate).
			if _, err := count.Merge(count.Counts{}, tc.c); tc.merge && !errors.Is(err, count.ErrCounts) {
				t.Errorf("Merge: %v, want ErrCounts", err)
			}
		})
	}
	if _, err := count.Merge(count.Counts{}, wrapped()); !errors.Is(err, count.ErrCounts) {
		t.Errorf("Merge: %v, want ErrCounts", err)
	}
	if _, err := count.SumBoxes([]count.BoxCounts{{Box: "Hall", Counts: wrapped()}}); !errors.Is(err, count.ErrCounts) {
		t.Errorf("SumBoxes: %v, want ErrCounts", err)
	}
}

// TestMergeRefusesOverflow: boxes whose ballots add up to more than math.MaxInt cannot be merged
// (the totals would wrap to negative figures); the error wraps ErrOverflow and names the box.
func TestMergeRefusesOverflow(t *testing.T) {
	t.Parallel()
	box := func(n int) count.Counts {
		return count.Counts{Ballots: n, Valid: n, Candidates: []count.CandidateCount{{ID: "c1", For: n}, {ID: "c2", Against: n}},
			WriteIns: []count.WriteInCount{}}
	}
	if _, err := count.Merge(box(math.MaxInt-1), box(2)); !errors.Is(err, count.ErrOverflow) {
		t.Errorf("Merge: %v, want ErrOverflow", err)
	}
	if m, err := count.Merge(box(math.MaxInt-2), box(2)); err != nil || m.Ballots != math.MaxInt || m.Candidates[0].For != math.MaxInt {
		t.Errorf("Merge up to MaxInt: %v, %+v", err, m)
	}
	_, err := count.SumBoxes([]count.BoxCounts{{Box: "Hall", Counts: box(math.MaxInt / 2)}, {Box: "School", Counts: box(math.MaxInt / 2)},
		{Box: "Mobile", Counts: box(2)}})
	var ce *count.CountsError
	if !errors.Is(err, count.ErrOverflow) || !errors.As(err, &ce) || ce.Box != "Mobile" {
		t.Errorf("SumBoxes: %v, want ErrOverflow in box Mobile", err)
	}
	// Counters refuse a merge whose ballots would overflow as well (a counter merged into itself
	// doubles: 63 times is beyond any int).
	c, _ := count.NewCounter(pairSlate)
	if err := c.Add(ballot.Ballot{Marks: []ballot.Mark{ballot.For, ballot.Against}}); err != nil {
		t.Fatal(err)
	}
	var merr error
	for range 64 {
		if merr = c.Merge(c); merr != nil {
			break
		}
	}
	if !errors.Is(merr, count.ErrOverflow) || c.Ballots() != 1<<62 {
		t.Errorf("merging a counter into itself: %v after %d ballots", merr, c.Ballots())
	}
}
