package count

import (
	"fmt"
	"math"
)

// Merge returns the sum of two counts of the same slate: the counts of two ballot boxes make the
// count of both. Each must be consistent in itself (the part of Check that needs no slate: figures
// that add up, well-formed write-ins), and the candidates must be the same IDs in the same order
// (ErrSlateMismatch); ballots adding up to more than math.MaxInt wrap ErrOverflow (every other
// figure of a consistent count is at most its ballots, so no other sum can overflow first), and
// so do skipped rows (which are not ballots, and are added apart). The error is a *CountsError.
// Write-ins are summed by name; a name flagged SameAs a candidate in either count keeps the flag
// (the lesser ID, should the two differ). An empty Counts (no candidates, no ballots) is the
// identity, save for its SkippedRows, which are added all the same: a total can start from the
// zero value. The result shares nothing with a or b.
//
// Merge is commutative and associative: boxes merge in any order and grouping to the count of all
// their ballots, as Counter.Merge does. Its cost is linear in the candidates and write-ins of a and
// b, and the sort of the write-ins: to sum many boxes, SumBoxes sorts once.
func Merge(a, b Counts) (Counts, error) {
	if err := consistent(a); err != nil {
		return Counts{}, err
	}
	if err := consistent(b); err != nil {
		return Counts{}, err
	}
	if isEmpty(a) || isEmpty(b) {
		skipped, err := addSkipped(a.SkippedRows, b.SkippedRows)
		if err != nil {
			return Counts{}, err
		}
		c := a
		if isEmpty(a) {
			c = b
		}
		c = c.Clone()
		c.SkippedRows = skipped
		return c, nil
	}
	var s summer
	s.add(a) // consistent and not empty: cannot fail
	if err := s.add(b); err != nil {
		return Counts{}, err
	}
	return s.counts(), nil
}

// isEmpty reports whether c holds no candidate and no ballot: the identity of Merge, save for the
// rows it skipped, which are added all the same.
func isEmpty(c Counts) bool {
	return len(c.Candidates) == 0 && c.Ballots == 0 && c.Valid == 0 && c.Invalid == 0 && c.Spoiled == 0 && len(c.WriteIns) == 0
}

// SumBoxes merges the counts of ballot boxes into the count of them all, checking each box as
// Merge does. A box named twice wraps ErrDuplicateBox (a box must be counted once, whether from its
// ballots or from a hand count). The error is a *CountsError naming the box. Its cost is linear in
// the figures and write-ins of the boxes, and one sort of the distinct names written in.
func SumBoxes(boxes []BoxCounts) (Counts, error) {
	var s summer
	seen := make(map[string]bool, len(boxes))
	for _, b := range boxes {
		if seen[b.Box] {
			return Counts{}, &CountsError{Box: b.Box, Err: ErrDuplicateBox}
		}
		seen[b.Box] = true
		if err := consistent(b.Counts); err != nil {
			return Counts{}, inBox(err, b.Box)
		}
		if err := s.add(b.Counts); err != nil {
			return Counts{}, inBox(err, b.Box)
		}
	}
	return s.counts(), nil
}

// summer adds consistent counts: the figures, the candidates' marks, and the write-ins by name in
// a map, sorted once at the end.
type summer struct {
	total   Counts
	started bool           // a count that is not empty has been added: total.Candidates is set
	names   map[string]int // write-in name → index in total.WriteIns
}

// add adds the consistent count c, or returns a *CountsError: a count of other candidates
// (ErrSlateMismatch), or ballots or skipped rows beyond the int range (ErrOverflow). On error the
// sum is unchanged.
func (s *summer) add(c Counts) error {
	if isEmpty(c) {
		skipped, err := addSkipped(s.total.SkippedRows, c.SkippedRows)
		if err != nil {
			return err
		}
		s.total.SkippedRows = skipped
		return nil
	}
	t := &s.total
	if !s.started {
		s.started = true
		t.Candidates = make([]CandidateCount, len(c.Candidates))
		for i, x := range c.Candidates {
			t.Candidates[i].ID = x.ID
		}
		t.WriteIns = make([]WriteInCount, 0, len(c.WriteIns))
		s.names = make(map[string]int, len(c.WriteIns))
	}
	if len(c.Candidates) != len(t.Candidates) {
		return &CountsError{Detail: fmt.Sprintf("%d and %d candidates", len(t.Candidates), len(c.Candidates)), Err: ErrSlateMismatch}
	}
	for i, x := range c.Candidates {
		if x.ID != t.Candidates[i].ID {
			return &CountsError{Candidate: i + 1, ID: x.ID, Detail: fmt.Sprintf("%q in the other counts", t.Candidates[i].ID), Err: ErrSlateMismatch}
		}
	}
	if c.Ballots > math.MaxInt-t.Ballots {
		return &CountsError{Detail: fmt.Sprintf("%d ballots and %d more", t.Ballots, c.Ballots), Err: ErrOverflow}
	}
	skipped, err := addSkipped(t.SkippedRows, c.SkippedRows)
	if err != nil {
		return err
	}
	// No sum below overflows: each figure is at most the ballots of its count (see consistent).
	t.SkippedRows = skipped
	t.Ballots += c.Ballots
	t.Valid += c.Valid
	t.Invalid += c.Invalid
	t.Spoiled += c.Spoiled
	for i, x := range c.Candidates {
		y := &t.Candidates[i]
		y.For += x.For
		y.Against += x.Against
		y.Abstain += x.Abstain
	}
	for _, w := range c.WriteIns {
		i, ok := s.names[w.Name]
		if !ok {
			s.names[w.Name] = len(t.WriteIns)
			t.WriteIns = append(t.WriteIns, w)
			continue
		}
		v := &t.WriteIns[i]
		v.Votes += w.Votes
		if w.SameAs != "" && (v.SameAs == "" || w.SameAs < v.SameAs) {
			v.SameAs = w.SameAs
		}
	}
	return nil
}

// counts returns the sum, its write-ins in Counts order.
func (s *summer) counts() Counts {
	if !s.started {
		return Counts{SkippedRows: s.total.SkippedRows}
	}
	SortWriteIns(s.total.WriteIns)
	return s.total
}

// inBox returns err, a *CountsError, with its box set to box.
func inBox(err error, box string) error {
	if ce, ok := err.(*CountsError); ok {
		e := *ce
		e.Box = box
		return &e
	}
	return err
}

// addSkipped returns the sum of two counts of skipped rows, which, unlike the other figures, are
// not bounded by the ballots: a sum beyond math.MaxInt wraps ErrOverflow.
func addSkipped(a, b int) (int, error) {
	if b > math.MaxInt-a {
		return 0, &CountsError{Detail: fmt.Sprintf("%d skipped rows and %d more", a, b), Err: ErrOverflow}
	}
	return a + b, nil
}
