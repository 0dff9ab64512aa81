package ballot

import (
	"errors"
	"maps"
	"slices"
)

// Candidate is one person standing for election.
type Candidate struct {
	// ID is unique within a slate and is the key of the candidate in every count and result.
	ID string
	// Name is the name printed on the ballot paper.
	Name string
	// Attrs holds attributes used by composition reports and tie rules, e.g. gender=female,
	// ethnicity=Zhuang, sector=frontline, born=1970-05-01 (dates as YYYY-MM-DD). May be nil.
	Attrs map[string]string
}

// Clone returns a deep copy of c (its Attrs map is copied).
func (c Candidate) Clone() Candidate {
	if c.Attrs != nil {
		c.Attrs = maps.Clone(c.Attrs)
	}
	return c
}

// Slate is one ballot paper: the office, how many seats it fills, and the candidates in the order
// they are printed.
type Slate struct {
	Office     string
	Seats      int
	Candidates []Candidate
}

// Clone returns a deep copy of s, sharing nothing with it.
func (s Slate) Clone() Slate {
	c := s
	c.Candidates = make([]Candidate, len(s.Candidates))
	for i, cand := range s.Candidates {
		c.Candidates[i] = cand.Clone()
	}
	return c
}

// Index returns the position of the candidate with the given ID, or -1.
func (s Slate) Index(id string) int {
	for i := range s.Candidates {
		if s.Candidates[i].ID == id {
			return i
		}
	}
	return -1
}

// IDs returns the candidate IDs in slate order, in a new slice.
func (s Slate) IDs() []string {
	ids := make([]string, len(s.Candidates))
	for i := range s.Candidates {
		ids[i] = s.Candidates[i].ID
	}
	return ids
}

// Names returns the candidates' names in slate order, in a new slice (for Reader.Names).
func (s Slate) Names() []string {
	names := make([]string, len(s.Candidates))
	for i := range s.Candidates {
		names[i] = s.Candidates[i].Name
	}
	return names
}

// Validate reports every problem with the slate at once, as *SlateError values joined with
// errors.Join, in a fixed order: the slate's own problems (seats, no candidates, fewer candidates
// than seats), then each candidate's in slate order. It returns nil for a well-formed slate.
//
// Validate does not decide whether the slate has enough candidates for a difference election: that
// is the difference rule's job (quota.Difference).
func (s Slate) Validate() error {
	var errs []error
	if s.Seats < 1 {
		errs = append(errs, &SlateError{Candidate: -1, Err: ErrSeats})
	}
	if len(s.Candidates) == 0 {
		errs = append(errs, &SlateError{Candidate: -1, Err: ErrNoCandidates})
	} else if s.Seats > len(s.Candidates) {
		errs = append(errs, &SlateError{Candidate: -1, Err: ErrFewerCandidatesThanSeats})
	}
	seen := make(map[string]int, len(s.Candidates))
	for i, c := range s.Candidates {
		if c.ID == "" {
			errs = append(errs, &SlateError{Candidate: i, Err: ErrEmptyID})
		} else if _, dup := seen[c.ID]; dup {
			errs = append(errs, &SlateError{Candidate: i, ID: c.ID, Err: ErrDuplicateID})
		} else {
			seen[c.ID] = i
		}
		if NormalizeName(c.Name) == "" {
			errs = append(errs, &SlateError{Candidate: i, ID: c.ID, Err: ErrEmptyName})
		}
	}
	return errors.Join(errs...)
}

// Equal reports whether two slates describe the same ballot paper: same office, seats, and
// candidate IDs in the same order. Names and attributes are not compared.
func (s Slate) Equal(t Slate) bool {
	return s.Office == t.Office && s.Seats == t.Seats &&
		slices.EqualFunc(s.Candidates, t.Candidates, func(a, b Candidate) bool { return a.ID == b.ID })
}
