package count

import (
	"fmt"
	"math/big"
	"math/bits"

	"github.com/chae-go/chae/ballot"
)

// Check is the one check of a Counts value: it reports whether c can be the count of real ballots
// for the slate s. The candidates must be the slate's, in slate order (ErrSlateMismatch); and the
// figures must add up (ErrCounts): no figure negative; ballots = valid + invalid + spoiled; for each
// candidate For + Against + Abstain = valid; each write-in named once, by a normalised name
// (ballot.NormalizeName), with no more votes than valid ballots, and SameAs empty or a slate
// candidate's ID; and no more persons chosen, For votes and write-in votes together, than the
// valid ballots could choose: s.Seats × valid. A Counter's counts always pass; a hand count that
// fails is wrong somewhere. The error is a *CountsError saying where.
//
// The sums are exact, whatever the size of the figures: no sum is taken in wrapping int
// arithmetic, so figures that add up only modulo 2⁶⁴ (For = Against = math.MaxInt and Abstain = 7
// on 5 valid ballots) are refused, and the persons chosen are summed and compared with
// seats × valid in 128 bits.
//
// Merge, SumBoxes, ReadSummary and WriteSummary check their counts with it, and so does
// tally.Election.Decide.
func Check(s ballot.Slate, c Counts) error {
	if len(c.Candidates) != len(s.Candidates) {
		return &CountsError{Detail: fmt.Sprintf("%d candidates counted, the slate has %d", len(c.Candidates), len(s.Candidates)), Err: ErrSlateMismatch}
	}
	for i, x := range c.Candidates {
		if x.ID != s.Candidates[i].ID {
			return &CountsError{Candidate: i + 1, ID: x.ID, Detail: fmt.Sprintf("the slate has %q here", s.Candidates[i].ID), Err: ErrSlateMismatch}
		}
	}
	if err := consistent(c); err != nil {
		return err
	}
	var chosen sum128
	for _, x := range c.Candidates {
		chosen.add(x.For)
	}
	var ids map[string]bool // the slate's IDs, built for the first write-in with a SameAs
	for i, w := range c.WriteIns {
		if w.SameAs != "" {
			if ids == nil {
				ids = make(map[string]bool, len(s.Candidates))
				for _, cand := range s.Candidates {
					ids[cand.ID] = true
				}
			}
			if !ids[w.SameAs] {
				return &CountsError{WriteIn: i + 1, Name: w.Name, Detail: fmt.Sprintf("same as %q, who is not a candidate", w.SameAs), Err: ErrCounts}
			}
		}
		chosen.add(w.Votes)
	}
	var most sum128 // seats × valid; a slate of no seats (which does not validate) chooses no one
	most.hi, most.lo = bits.Mul64(uint64(max(s.Seats, 0)), uint64(c.Valid))
	if chosen.cmp(most) > 0 {
		return &CountsError{Detail: fmt.Sprintf("%s persons chosen on %d valid ballots for %d seats", chosen, c.Valid, s.Seats), Err: ErrCounts}
	}
	return nil
}

// sum128 is an exact sum of non-negative ints: 128 bits hold the sum of 2⁶⁴ of them.
type sum128 struct{ hi, lo uint64 }

// add adds v ≥ 0.
func (s *sum128) add(v int) {
	var carry uint64
	s.lo, carry = bits.Add64(s.lo, uint64(v), 0)
	s.hi += carry
}

// cmp returns -1, 0 or +1 as s is less than, equal to or greater than t.
func (s sum128) cmp(t sum128) int {
	switch {
	case s.hi != t.hi:
		return cmpUint(s.hi, t.hi)
	case s.lo != t.lo:
		return cmpUint(s.lo, t.lo)
	}
	return 0
}

func cmpUint(a, b uint64) int {
	if a < b {
		return -1
	}
	return 1
}

// String returns the sum in decimal.
func (s sum128) String() string {
	n := new(big.Int).SetUint64(s.hi)
	n.Lsh(n, 64)
	return n.Or(n, new(big.Int).SetUint64(s.lo)).String()
}

// consistent is the part of Check that needs no slate: the figures add up, each candidate's marks
// make the valid ballots, and the write-ins are well formed. Merge checks its inputs with it.
//
// Every comparison is exact: with no figure negative, valid ≤ ballots, invalid ≤ ballots − valid
// and spoiled = ballots − valid − invalid are differences that cannot overflow, and so are the
// candidates' For ≤ valid, Against ≤ valid − For and Abstain = valid − For − Against. Hence every
// figure of a consistent count is at most its ballots.
func consistent(c Counts) error {
	if c.Ballots < 0 || c.Valid < 0 || c.Invalid < 0 || c.Spoiled < 0 {
		return &CountsError{Detail: fmt.Sprintf("negative figure: ballots %d, valid %d, invalid %d, spoiled %d", c.Ballots, c.Valid, c.Invalid, c.Spoiled), Err: ErrCounts}
	}
	if c.SkippedRows < 0 {
		return &CountsError{Detail: fmt.Sprintf("negative figure: %d skipped rows", c.SkippedRows), Err: ErrCounts}
	}
	if c.Valid > c.Ballots || c.Invalid > c.Ballots-c.Valid || c.Spoiled != c.Ballots-c.Valid-c.Invalid {
		return &CountsError{Detail: fmt.Sprintf("%d ballots, but %d valid + %d invalid + %d spoiled", c.Ballots, c.Valid, c.Invalid, c.Spoiled), Err: ErrCounts}
	}
	for i, x := range c.Candidates {
		if x.For < 0 || x.Against < 0 || x.Abstain < 0 || x.For > c.Valid || x.Against > c.Valid-x.For || x.Abstain != c.Valid-x.For-x.Against {
			return &CountsError{Candidate: i + 1, ID: x.ID, Detail: fmt.Sprintf("%d for + %d against + %d abstain, %d valid", x.For, x.Against, x.Abstain, c.Valid), Err: ErrCounts}
		}
	}
	seen := make(map[string]bool, len(c.WriteIns))
	for i, w := range c.WriteIns {
		bad := ""
		switch {
		case w.Name == "" || ballot.NormalizeName(w.Name) != w.Name:
			bad = "name empty or not normalised"
		case seen[w.Name]:
			bad = "named twice"
		case w.Votes < 0 || w.Votes > c.Valid:
			bad = fmt.Sprintf("%d votes, %d valid", w.Votes, c.Valid)
		}
		if bad != "" {
			return &CountsError{WriteIn: i + 1, Name: w.Name, Detail: bad, Err: ErrCounts}
		}
		seen[w.Name] = true
	}
	return nil
}
