package count_test

import (
	"errors"
	"math"
	"testing"

	"github.com/chae-go/chae/tally/count"
)

// TestSkippedRowsAddUp: the empty rows skipped at the end of ballot files are added up by Merge
// and SumBoxes wherever they are — in a count of ballots, or in a count that holds nothing else
// (the identity of Merge, which must not drop them) — and never change another figure; a sum
// beyond the int range wraps ErrOverflow, and a negative number is refused by Check and Merge.
func TestSkippedRowsAddUp(t *testing.T) {
	t.Parallel()
	ballots := func(skipped int) count.Counts {
		c := count.Zero(pairSlate)
		c.Ballots, c.Valid = 2, 2
		c.Candidates[0].For, c.Candidates[0].Against = 2, 0
		c.Candidates[1].For, c.Candidates[1].Abstain = 0, 2
		c.SkippedRows = skipped
		return c
	}
	rowsOnly := count.Counts{SkippedRows: 4}
	tests := []struct {
		name    string
		a, b    count.Counts
		skipped int
		ballots int
	}{
		{"two counts of ballots", ballots(3), ballots(2), 5, 4},
		{"rows only, then ballots", rowsOnly, ballots(3), 7, 2},
		{"ballots, then rows only", ballots(3), rowsOnly, 7, 2},
		{"rows only, twice", rowsOnly, rowsOnly, 8, 0},
		{"the zero count of the slate and rows", count.Zero(pairSlate), ballots(1), 1, 2},
		{"nothing skipped", ballots(0), ballots(0), 0, 4},
	}
	for _, tc := range tests {
		m, err := count.Merge(tc.a, tc.b)
		if err != nil || m.SkippedRows != tc.skipped || m.Ballots != tc.ballots {
			t.Errorf("%s: Merge gives %d rows skipped, %d ballots (%v), want %d, %d", tc.name, m.SkippedRows, m.Ballots, err, tc.skipped, tc.ballots)
		}
		s, err := count.SumBoxes([]count.BoxCounts{{Box: "A", Counts: tc.a}, {Box: "B", Counts: tc.b}})
		if err != nil || s.SkippedRows != tc.skipped || s.Ballots != tc.ballots {
			t.Errorf("%s: SumBoxes gives %d rows skipped, %d ballots (%v), want %d, %d", tc.name, s.SkippedRows, s.Ballots, err, tc.skipped, tc.ballots)
		}
		if tc.ballots > 0 && count.Check(pairSlate, m) != nil {
			t.Errorf("%s: Check refuses the sum: %v", tc.name, count.Check(pairSlate, m))
		}
	}
	for _, pair := range [][2]count.Counts{{ballots(math.MaxInt), ballots(1)}, {{SkippedRows: math.MaxInt}, {SkippedRows: 1}}, {ballots(math.MaxInt), {SkippedRows: 1}}} {
		if _, err := count.Merge(pair[0], pair[1]); !errors.Is(err, count.ErrOverflow) {
			t.Errorf("Merge of %d and %d rows skipped: %v, want ErrOverflow", pair[0].SkippedRows, pair[1].SkippedRows, err)
		}
		if _, err := count.SumBoxes([]count.BoxCounts{{Box: "A", Counts: pair[0]}, {Box: "B", Counts: pair[1]}}); !errors.Is(err, count.ErrOverflow) {
			t.Errorf("SumBoxes of %d and %d rows skipped: %v, want ErrOverflow", pair[0].SkippedRows, pair[1].SkippedRows, err)
		}
	}
	if err := count.Check(pairSlate, ballots(-1)); !errors.Is(err, count.ErrCounts) {
		t.Errorf("Check of -1 rows skipped: %v, want ErrCounts", err)
	}
	if _, err := count.Merge(count.Counts{SkippedRows: -1}, ballots(0)); !errors.Is(err, count.ErrCounts) {
		t.Errorf("Merge of -1 rows skipped: %v, want ErrCounts", err)
	}
}
