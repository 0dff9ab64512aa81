package count

import (
	"fmt"

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
	chosen := 0
	for _, x := range c.Candidates {
		chosen += x.For
	}
	for i, w := range c.WriteIns {
		if w.SameAs != "" && s.Index(w.SameAs) < 0 {
			return &CountsError{WriteIn: i + 1, Name: w.Name, Detail: fmt.Sprintf("same as %q, who is not a candidate", w.SameAs), Err: ErrCounts}
		}
		chosen += w.Votes
	}
	if chosen > s.Seats*c.Valid {
		return &CountsError{Detail: fmt.Sprintf("%d persons chosen on %d valid ballots for %d seats", chosen, c.Valid, s.Seats), Err: ErrCounts}
	}
	return nil
}

// consistent is the part of Check that needs no slate: the figures add up, each candidate's marks
// make the valid ballots, and the write-ins are well formed. Merge checks its inputs with it.
func consistent(c Counts) error {
	if c.Ballots < 0 || c.Valid < 0 || c.Invalid < 0 || c.Spoiled < 0 {
		return &CountsError{Detail: fmt.Sprintf("negative figure: ballots %d, valid %d, invalid %d, spoiled %d", c.Ballots, c.Valid, c.Invalid, c.Spoiled), Err: ErrCounts}
	}
	if c.Ballots != c.Valid+c.Invalid+c.Spoiled {
		return &CountsError{Detail: fmt.Sprintf("%d ballots, but %d valid + %d invalid + %d spoiled", c.Ballots, c.Valid, c.Invalid, c.Spoiled), Err: ErrCounts}
	}
	for i, x := range c.Candidates {
		if x.For < 0 || x.Against < 0 || x.Abstain < 0 || x.For+x.Against+x.Abstain != c.Valid {
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
