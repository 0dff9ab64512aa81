package count

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/chae-go/chae/ballot"
)

// CandidateCount is one candidate's marks on the valid ballots.
type CandidateCount struct {
	ID      string `json:"id"`
	For     int    `json:"for"`
	Against int    `json:"against"`
	Abstain int    `json:"abstain"`
}

// WriteInCount is the number of valid ballots on which a name was written in.
type WriteInCount struct {
	// Name is the match key (ballot.MatchKey) under which the votes were matched.
	Name  string `json:"name"`
	Votes int    `json:"votes"`
	// SameAs is the ID of a slate candidate whose name has the same key, for the counting team
	// to see: such votes stay write-ins and are never added to that candidate's For votes.
	SameAs string `json:"same_as,omitempty"`
}

// Counts is the count of a set of returned ballots for one slate. It is a plain value the caller
// owns. Ballots = Valid + Invalid + Spoiled, and for every candidate For + Against + Abstain = Valid.
type Counts struct {
	Ballots int `json:"ballots"` // ballots counted (returned ballots)
	Valid   int `json:"valid"`   // valid ballots
	Invalid int `json:"invalid"` // invalid ballots: over-votes, choosing more persons than seats
	Spoiled int `json:"spoiled"` // ballots declared spoiled by the counting staff
	// Candidates holds one entry per slate candidate, in slate order.
	Candidates []CandidateCount `json:"candidates"`
	// WriteIns holds every name written in on a valid ballot, by votes descending, then by name.
	WriteIns []WriteInCount `json:"write_ins"`
	// SkippedRows is how many rows of the ballot files counted were skipped as holding no ballot:
	// the entirely empty rows that end a file, as a spreadsheet exports the rows below its data
	// (see ballot.Reader.Skipped). They are no ballots and change no other figure; they are kept so
	// that every row of every file is accounted for, counted or skipped. CountFile sets it, Merge
	// and SumBoxes add it up; a Counter, which is given ballots and not rows, leaves it 0. In a
	// record it is left out when it is 0.
	SkippedRows int `json:"skipped_rows,omitzero"`
}

// Clone returns a copy of c that shares no slice with it.
func (c Counts) Clone() Counts {
	c.Candidates = slices.Clone(c.Candidates)
	c.WriteIns = slices.Clone(c.WriteIns)
	return c
}

// Counter counts ballots for one slate. The zero value is not usable: create it with NewCounter.
// A Counter is not safe for concurrent use; count in parallel with one Counter per goroutine and
// Merge them.
//
// Its figures are ints that cannot overflow: each counts ballots given to the counter one at a time
// (Add, or AddBatch over ballots held in memory), and every figure is at most the ballots given, of
// which no program can give 2⁶³ (three centuries at a billion ballots a second); Merge, which adds
// the ballots of two counters, refuses a sum beyond math.MaxInt (ErrOverflow).
type Counter struct {
	slate   ballot.Slate
	given   int               // ballots given to Add, counted or not: the position of the next one is given+1
	names   map[string]string // candidate match key → ID, for flagging write-ins (read only once built)
	valid   int
	invalid int
	spoiled int
	marks   lanes // For and Against marks of valid ballots, per candidate (see lanes.go)
	writeIn map[string]int
}

// NewCounter returns an empty counter for the slate. The slate is copied. It is an error (joined
// *ballot.SlateError values) if the slate does not validate.
func NewCounter(s ballot.Slate) (*Counter, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	return &Counter{slate: s.Clone(), marks: newLanes(len(s.Candidates)), names: candidateNames(s)}, nil
}

// candidateNames maps the match key (ballot.MatchKey) of each candidate's name to the candidate's
// ID, the first in slate order where two names share a key: the SameAs of a write-in count.
func candidateNames(s ballot.Slate) map[string]string {
	names := make(map[string]string, len(s.Candidates))
	for _, cand := range s.Candidates {
		k := ballot.MatchKey(cand.Name)
		if _, dup := names[k]; !dup {
			names[k] = cand.ID
		}
	}
	return names
}

// Reset empties the counter for reuse, as NewCounter of its slate would return it, keeping its
// memory: counting many ballot boxes one after another needs one counter, not one a box.
func (c *Counter) Reset() {
	c.given, c.valid, c.invalid, c.spoiled = 0, 0, 0, 0
	c.marks.reset()
	clear(c.writeIn)
}

// Slate returns a copy of the counter's slate.
func (c *Counter) Slate() ballot.Slate { return c.slate.Clone() }

// Ballots returns the number of ballots counted so far.
func (c *Counter) Ballots() int { return c.valid + c.invalid + c.spoiled }

// Add classifies one returned ballot and counts it. A malformed ballot is not counted: Add returns a
// *ballot.BallotError whose Ballot field is the ballot's 1-based position among those given to this
// counter (counted or not). Add does not allocate for a ballot without write-ins.
func (c *Counter) Add(b ballot.Ballot) error {
	c.given++
	if b.Spoiled {
		c.spoiled++
		return nil
	}
	if len(b.Marks) != c.marks.n {
		return c.malformed(b)
	}
	if len(b.WriteIns) > 0 {
		return c.addWithWriteIns(b)
	}
	// The common ballot: added in one pass, taken back if malformed or an over-vote.
	nf, bad := c.marks.add(b.Marks)
	if bad != 0 {
		c.marks.sub(b.Marks)
		return c.malformed(b)
	}
	if nf > c.slate.Seats {
		c.marks.sub(b.Marks)
		c.invalid++
		return nil
	}
	c.valid++
	c.marks.commit()
	return nil
}

func (c *Counter) addWithWriteIns(b ballot.Ballot) error {
	class, err := c.slate.Classify(b)
	if err != nil {
		return c.position(err)
	}
	if class == ballot.OverVote {
		c.invalid++
		return nil
	}
	c.valid++
	c.marks.add(b.Marks)
	c.marks.commit()
	c.countWriteIns(b.WriteIns)
	return nil
}

// countWriteIns counts the distinct persons (ballot.MatchKey) written in on one valid ballot.
func (c *Counter) countWriteIns(ws []string) {
	if c.writeIn == nil {
		c.writeIn = make(map[string]int)
	}
	seen := make([]string, 0, len(ws))
	for _, w := range ws {
		k := ballot.MatchKey(w)
		if slices.Contains(seen, k) {
			continue
		}
		seen = append(seen, k)
		c.writeIn[k]++
	}
}

func (c *Counter) malformed(b ballot.Ballot) error {
	_, err := c.slate.Classify(b)
	if err == nil {
		err = &ballot.BallotError{Err: ballot.ErrMarkValue}
	}
	return c.position(err)
}

func (c *Counter) position(err error) error {
	var be *ballot.BallotError
	if errors.As(err, &be) {
		e := *be
		e.Ballot = c.given
		return &e
	}
	return err
}

// Merge adds the counts of o to c. It refuses (ErrSlateMismatch) a counter of a different slate
// (different office, seats, or candidate IDs or order), and (ErrOverflow) counters whose ballots
// together would be more than math.MaxInt; then c is unchanged. o is unchanged; merging a counter
// into itself counts its ballots twice.
func (c *Counter) Merge(o *Counter) error {
	if !c.slate.Equal(o.slate) {
		return fmt.Errorf("count: merge: %w: %q and %q", ErrSlateMismatch, c.slate.Office, o.slate.Office)
	}
	if o.given > math.MaxInt-c.given {
		// Every figure of a counter is at most the ballots given to it: no other sum overflows.
		return fmt.Errorf("count: merge: %w: %d ballots and %d more", ErrOverflow, c.given, o.given)
	}
	c.given += o.given
	c.valid += o.valid
	c.invalid += o.invalid
	c.spoiled += o.spoiled
	c.marks.merge(&o.marks)
	if len(o.writeIn) > 0 && c.writeIn == nil {
		c.writeIn = make(map[string]int, len(o.writeIn))
	}
	for n, v := range o.writeIn {
		c.writeIn[n] += v
	}
	return nil
}

// Counts returns the counts so far as a new value.
func (c *Counter) Counts() Counts {
	out := Counts{
		Ballots:    c.Ballots(),
		Valid:      c.valid,
		Invalid:    c.invalid,
		Spoiled:    c.spoiled,
		Candidates: make([]CandidateCount, c.marks.n),
		WriteIns:   make([]WriteInCount, 0, len(c.writeIn)),
	}
	for i := range out.Candidates {
		f, a := c.marks.forCount(i), c.marks.againstCount(i)
		out.Candidates[i] = CandidateCount{ID: c.slate.Candidates[i].ID, For: f, Against: a, Abstain: c.valid - f - a}
	}
	for n, v := range c.writeIn {
		out.WriteIns = append(out.WriteIns, WriteInCount{Name: n, Votes: v, SameAs: c.names[n]})
	}
	SortWriteIns(out.WriteIns)
	return out
}

// SortWriteIns sorts write-in counts by votes descending, then by name (byte order): the order
// Counts uses.
func SortWriteIns(w []WriteInCount) {
	slices.SortFunc(w, func(a, b WriteInCount) int {
		if c := cmp.Compare(b.Votes, a.Votes); c != 0 {
			return c
		}
		return cmp.Compare(a.Name, b.Name)
	})
}

// Count counts the ballots for the slate: a convenience for NewCounter and Add. It stops at the first
// malformed ballot, returning its *ballot.BallotError with the 1-based position.
func Count(s ballot.Slate, ballots []ballot.Ballot) (Counts, error) {
	c, err := NewCounter(s)
	if err != nil {
		return Counts{}, err
	}
	for _, b := range ballots {
		if err := c.Add(b); err != nil {
			return Counts{}, err
		}
	}
	return c.Counts(), nil
}
