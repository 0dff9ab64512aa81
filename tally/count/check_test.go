package count_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/tally/count"
)

// goodCounts is a consistent count of sumSlate (2 seats, c1–c3): 10 ballots, 9 valid.
func goodCounts() count.Counts {
	return count.Counts{Ballots: 10, Valid: 9, Invalid: 1,
		Candidates: []count.CandidateCount{{ID: "c1", For: 6, Against: 2, Abstain: 1}, {ID: "c2", For: 5, Against: 4}, {ID: "c3", For: 4, Abstain: 5}},
		WriteIns:   []count.WriteInCount{{Name: "Zhao Liu", Votes: 2}, {Name: "Li Wei", Votes: 1, SameAs: "c1"}}}
}

// TestCheck breaks one figure at a time: each break is refused with the sentinel and the position,
// and the message carries the package prefix once.
func TestCheck(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		change    func(*count.Counts)
		err       error
		candidate int
		writeIn   int
	}{
		{"consistent", func(*count.Counts) {}, nil, 0, 0},
		{"fewer candidates than the slate", func(c *count.Counts) { c.Candidates = c.Candidates[:2] }, count.ErrSlateMismatch, 0, 0},
		{"another candidate in slate position 2", func(c *count.Counts) { c.Candidates[1].ID = "c9" }, count.ErrSlateMismatch, 2, 0},
		{"negative invalid", func(c *count.Counts) { c.Invalid, c.Valid = -1, 11 }, count.ErrCounts, 0, 0},
		{"ballots not valid + invalid + spoiled", func(c *count.Counts) { c.Ballots = 11 }, count.ErrCounts, 0, 0},
		{"marks not the valid ballots", func(c *count.Counts) { c.Candidates[2].Abstain = 4 }, count.ErrCounts, 3, 0},
		{"negative against", func(c *count.Counts) { c.Candidates[0].Against, c.Candidates[0].Abstain = -1, 4 }, count.ErrCounts, 1, 0},
		{"write-in over the valid ballots", func(c *count.Counts) { c.WriteIns[0].Votes = 10 }, count.ErrCounts, 0, 1},
		{"negative write-in", func(c *count.Counts) { c.WriteIns[0].Votes = -1 }, count.ErrCounts, 0, 1},
		{"write-in not normalised", func(c *count.Counts) { c.WriteIns[1].Name = "Li  Wei" }, count.ErrCounts, 0, 2},
		{"write-in empty", func(c *count.Counts) { c.WriteIns[1].Name = "" }, count.ErrCounts, 0, 2},
		{"write-in named twice", func(c *count.Counts) { c.WriteIns[1] = c.WriteIns[0] }, count.ErrCounts, 0, 2},
		{"write-in same as no candidate", func(c *count.Counts) { c.WriteIns[1].SameAs = "c9" }, count.ErrCounts, 0, 2},
		// 2 seats × 9 valid = 18 persons at most: 6 + 5 + 4 + 2 + 1 = 18 passes, one more does not.
		{"one person more than seats × valid", func(c *count.Counts) { c.Candidates[2].For, c.Candidates[2].Abstain = 5, 4 }, count.ErrCounts, 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c := goodCounts()
			tc.change(&c)
			err := count.Check(sumSlate, c)
			if !errors.Is(err, tc.err) || (err == nil) != (tc.err == nil) {
				t.Fatalf("error %v, want %v", err, tc.err)
			}
			if err == nil {
				return
			}
			var ce *count.CountsError
			if !errors.As(err, &ce) || ce.Candidate != tc.candidate || ce.WriteIn != tc.writeIn {
				t.Fatalf("error %#v, want candidate %d, write-in %d", err, tc.candidate, tc.writeIn)
			}
			if strings.Count(err.Error(), "count:") != 1 || !strings.HasPrefix(err.Error(), "count: ") {
				t.Errorf("message %q: the prefix once", err)
			}
		})
	}
}

// Decide's case: 20 persons chosen on 10 valid ballots for 1 seat is refused.
func TestCheckPersonsChosen(t *testing.T) {
	t.Parallel()
	s := ballot.Slate{Office: "x", Seats: 1, Candidates: []ballot.Candidate{{ID: "a", Name: "A"}, {ID: "b", Name: "B"}}}
	c := count.Counts{Ballots: 10, Valid: 10, Candidates: []count.CandidateCount{{ID: "a", For: 10}, {ID: "b", For: 10}}}
	if err := count.Check(s, c); !errors.Is(err, count.ErrCounts) {
		t.Fatalf("20 chosen on 10 ballots for 1 seat: %v", err)
	}
	c.Candidates[1] = count.CandidateCount{ID: "b", Against: 10}
	if err := count.Check(s, c); err != nil {
		t.Fatalf("10 chosen on 10 ballots for 1 seat: %v", err)
	}
}

// Merge and SumBoxes refuse inconsistent inputs, naming the box; a good total still adds up.
func TestMergeChecksInputs(t *testing.T) {
	t.Parallel()
	bad := goodCounts()
	bad.Candidates[0].For++
	for _, pair := range [][2]count.Counts{{goodCounts(), bad}, {bad, goodCounts()}, {count.Counts{}, bad}} {
		if _, err := count.Merge(pair[0], pair[1]); !errors.Is(err, count.ErrCounts) {
			t.Errorf("Merge of an inconsistent count: %v", err)
		}
	}
	_, err := count.SumBoxes([]count.BoxCounts{{Box: "Hall", Counts: goodCounts()}, {Box: "Mobile", Counts: bad}})
	var ce *count.CountsError
	if !errors.As(err, &ce) || ce.Box != "Mobile" || ce.Candidate != 1 || !errors.Is(err, count.ErrCounts) {
		t.Fatalf("SumBoxes: %#v", err)
	}
	if want := `count: box "Mobile": candidate 1 ("c1"): 7 for + 2 against + 1 abstain, 9 valid: counts do not add up`; err.Error() != want {
		t.Errorf("message %q, want %q", err, want)
	}
	_, err = count.SumBoxes([]count.BoxCounts{{Box: "Hall", Counts: goodCounts()}, {Box: "Hall", Counts: goodCounts()}})
	if !errors.Is(err, count.ErrDuplicateBox) || err.Error() != `count: box "Hall": ballot box counted twice` {
		t.Errorf("duplicate box: %v", err)
	}
	total, err := count.SumBoxes([]count.BoxCounts{{Box: "Hall", Counts: goodCounts()}, {Box: "Mobile", Counts: goodCounts()}})
	if err != nil {
		t.Fatal(err)
	}
	if err := count.Check(sumSlate, total); err != nil {
		t.Errorf("the sum of two good boxes: %v", err)
	}
}
