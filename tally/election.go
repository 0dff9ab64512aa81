package tally

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/quota"
)

// WriteInPrefix begins the ID of a written-in person: "writein:" + the normalised name.
const WriteInPrefix = "writein:"

// Election is the statutory procedure of one difference election: it asks for rounds of voting
// (Next), decides each from its turnout and counts (Decide), and proceeds through runoffs among
// tied candidates and supplementary rounds until every seat is filled or closed (Done). Every
// decision is kept, with its reasons, in the Result.
//
// A typical loop:
//
//	e, err := tally.NewElection(slate, tally.CPCGrassrootsCommittee())
//	for !e.Done() {
//		round := e.Next()
//		counts := ... // count the ballots of round.Slate with a count.Counter
//		if _, err := e.Decide(turnout, counts); err != nil { ... }
//	}
//	res := e.Result()
//
// An Election is not safe for concurrent use.
type Election struct {
	slate  ballot.Slate
	rules  Rules
	prelim bool
	seats  int
	born   map[string]string // candidate ID → YYYY-MM-DD, for TieOlder
	index  map[string]int    // candidate ID → position in the slate

	next      Round
	done      bool
	number    int
	decisions []Decision
	closed    []Reduction
	elected   []ElectedMember
	isElected map[string]bool
	ref       map[string]int // For votes in the first decided regular round
	noQuorum  int            // rounds without quorum so far
	supRounds int            // supplementary rounds decided
	lots      []string       // the order drawn for the pending lot tie
	lotTie    *LotsError     // the tie awaiting lots, if any
	listTie   *ListTieError  // the supplementary list awaiting the organisers, if any
}

// NewElection starts the election of slate.Seats members from the slate under the rules. The slate
// must validate (joined *ballot.SlateError values) and satisfy the rules' difference rule (a
// *quota.DifferenceError), unless the rule allows as many candidates as seats; the rules must
// validate (ErrRules); under TieOlder every candidate needs a "born" date (*CandidateError). The
// slate and rules are copied.
func NewElection(slate ballot.Slate, rules Rules) (*Election, error) {
	return newElection(slate, rules, slate.Seats, false)
}

func newElection(slate ballot.Slate, rules Rules, seats int, prelim bool) (*Election, error) {
	if err := slate.Validate(); err != nil {
		return nil, err
	}
	if err := rules.Validate(); err != nil {
		return nil, err
	}
	if err := rules.Difference.Check(seats, len(slate.Candidates)); err != nil {
		return nil, err
	}
	if seats > len(slate.Candidates) {
		return nil, &quota.DifferenceError{Seats: seats, Candidates: len(slate.Candidates), Bound: seats, Err: quota.ErrTooFewCandidates}
	}
	e := &Election{
		slate:     slate.Clone(),
		rules:     cloneRules(rules),
		prelim:    prelim,
		seats:     seats,
		isElected: make(map[string]bool),
		index:     make(map[string]int, len(slate.Candidates)),
	}
	for i, c := range slate.Candidates {
		e.index[c.ID] = i
	}
	if rules.Tie == TieOlder {
		e.born = make(map[string]string, len(slate.Candidates))
		for _, c := range slate.Candidates {
			b := c.Attrs["born"]
			if _, err := time.Parse(time.DateOnly, b); err != nil {
				return nil, &CandidateError{ID: c.ID, Attr: "born", Value: b, Err: ErrBirthDate}
			}
			e.born[c.ID] = b
		}
	}
	round := e.slate.Clone()
	round.Seats = seats
	e.next = Round{Number: 1, Kind: Regular, Slate: round}
	return e, nil
}

func cloneRules(r Rules) Rules {
	r.Difference.Steps = slices.Clone(r.Difference.Steps)
	if r.Runoff != nil {
		b := *r.Runoff
		r.Runoff = &b
	}
	if r.Shortfall.Bar != nil {
		b := *r.Shortfall.Bar
		r.Shortfall.Bar = &b
	}
	if r.Shortfall.Difference != nil {
		d := *r.Shortfall.Difference
		d.Steps = slices.Clone(d.Steps)
		r.Shortfall.Difference = &d
	}
	return r
}

// Done reports whether every seat is filled or closed.
func (e *Election) Done() bool { return e.done }

// Next returns the round to vote on next: its number, kind and ballot paper (a copy). After the
// election is done it returns the zero Round. A supplementary round whose list is tied at its
// cut-off under ListTieNominate has no candidates: the last decision's ReasonListTie says who is
// tied, and Decide refuses the round (*ListTieError) until Nominate gives its list.
func (e *Election) Next() Round {
	if e.done {
		return Round{}
	}
	r := e.next
	r.Slate = r.Slate.Clone()
	return r
}

// Open returns the number of seats neither filled nor closed.
func (e *Election) Open() int {
	n := e.seats - len(e.elected)
	for _, c := range e.closed {
		n -= c.Seats
	}
	return n
}

// DrawLots passes in the order drawn by lot (first drawn, first placed) for the tie Decide last
// reported as awaiting lots (a *LotsError wrapping ErrLotsNeeded), before calling Decide again
// with the same figures. The order must name each tied candidate exactly once and no one else:
// otherwise DrawLots refuses it with a *LotsError wrapping ErrLotsOrder. Without a tie awaiting
// lots it returns an error wrapping ErrNoLots. The order is recorded in the decision.
func (e *Election) DrawLots(order []string) error {
	switch {
	case e.done:
		return fmt.Errorf("tally: draw lots: %w", ErrDone)
	case e.lotTie == nil:
		return fmt.Errorf("tally: draw lots: %w", ErrNoLots)
	case !isPermutation(order, e.lotTie.IDs):
		err := *e.lotTie
		err.IDs, err.Order, err.Err = slices.Clone(err.IDs), slices.Clone(order), ErrLotsOrder
		return &err
	}
	e.lots = slices.Clone(order)
	return nil
}

// ReduceSeats records the caller's decision to close n of the seats a shortfall left open, and
// not to elect anyone to them (减少名额, docs/rules.md B8: "if close to the seat count", with more
// than half of the electors consenting or by decision of the presidium; the library cannot judge
// "close"). The reason, in the caller's words, is kept in the record. It is allowed only while a
// supplementary round is due (ErrNoShortfall otherwise); n must be between 1 and the open seats
// and the reason non-empty (ErrReduce). Closing every open seat ends the election; closing fewer
// resizes the supplementary round, whose list is then made again from the slate (replacing any
// list given to Nominate).
func (e *Election) ReduceSeats(n int, reason string) error {
	if e.done {
		return fmt.Errorf("tally: reduce seats: %w", ErrDone)
	}
	if e.next.Kind != Supplementary {
		return fmt.Errorf("tally: reduce seats: %w", ErrNoShortfall)
	}
	open := e.Open()
	if n < 1 || n > open {
		return fmt.Errorf("tally: reduce seats by %d with %d open: %w", n, open, ErrReduce)
	}
	if strings.TrimSpace(reason) == "" {
		return fmt.Errorf("tally: reduce seats: no reason given: %w", ErrReduce)
	}
	e.closed = append(e.closed, Reduction{After: e.number, Seats: n, Reason: reason})
	e.afterSeatsChange(e.number + 1)
	return nil
}

// Nominate replaces the candidate list of the supplementary round that is due by the organisers'
// (the list of a tie at the cut-off, or newly nominated candidates). The list must be for the open
// seats (a *ListError wrapping ErrListSeats), validate (joined *ballot.SlateError values), name no
// one already elected (a *ballot.SlateError wrapping ballot.ErrDuplicateID), and keep the rules'
// list rules: exactly two candidates for one seat under Shortfall.TwoForOne (ErrTwoForOne), and
// otherwise the difference rule of the supplementary round, Shortfall.Difference or
// Rules.Difference (a *ListError wrapping the *quota.DifferenceError). The list is recorded with
// the round. Lists of later supplementary rounds are made from the original slate only.
func (e *Election) Nominate(slate ballot.Slate) error {
	if e.done {
		return fmt.Errorf("tally: nominate: %w", ErrDone)
	}
	if e.next.Kind != Supplementary {
		return fmt.Errorf("tally: nominate: %w", ErrNoShortfall)
	}
	open := e.Open()
	fail := func(err error) error {
		return &ListError{Open: open, Seats: slate.Seats, Candidates: len(slate.Candidates), Err: err}
	}
	if slate.Seats != open {
		return fail(ErrListSeats)
	}
	if err := slate.Validate(); err != nil {
		return err
	}
	for i, c := range slate.Candidates {
		if e.isElected[c.ID] {
			return &ballot.SlateError{Candidate: i, ID: c.ID, Err: ballot.ErrDuplicateID}
		}
	}
	if e.rules.Shortfall.TwoForOne && open == 1 {
		if len(slate.Candidates) != 2 {
			return fail(ErrTwoForOne)
		}
	} else if err := e.rules.listDifference().Check(open, len(slate.Candidates)); err != nil {
		return fail(err)
	}
	e.next.Slate = slate.Clone()
	e.listTie = nil
	return nil
}

// inSlate reports whether id is a candidate of the election's slate (not a write-in).
func (e *Election) inSlate(id string) bool {
	_, ok := e.index[id]
	return ok
}

func isPermutation(order, ids []string) bool {
	if len(order) != len(ids) {
		return false
	}
	a, b := slices.Clone(order), slices.Clone(ids)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b) && len(slices.Compact(a)) == len(ids)
}

// Result returns the state of the election so far as a new value: every decision, the seats
// closed, the elected in order, and whether it is done.
func (e *Election) Result() Result {
	r := Result{
		Slate:       e.slate.Clone(),
		Rules:       cloneRules(e.rules),
		Preliminary: e.prelim,
		Seats:       e.seats,
		Decisions:   make([]Decision, len(e.decisions)),
		Closed:      make([]Reduction, len(e.closed)),
		Elected:     slices.Clone(e.elected),
		Done:        e.done,
	}
	for i, d := range e.decisions {
		r.Decisions[i] = d.clone()
	}
	for i, c := range e.closed {
		if c.ByRules != nil {
			why := c.ByRules.clone()
			c.ByRules = &why
		}
		r.Closed[i] = c
	}
	if r.Elected == nil {
		r.Elected = []ElectedMember{}
	}
	return r
}

// clone returns a copy of d that shares no slice with it.
func (d Decision) clone() Decision {
	d.Round.Slate = d.Round.Slate.Clone()
	d.Counts = d.Counts.Clone()
	d.Standings = slices.Clone(d.Standings)
	d.Elected = slices.Clone(d.Elected)
	d.Tied = slices.Clone(d.Tied)
	d.Lots = slices.Clone(d.Lots)
	rs := d.Reasons
	d.Reasons = make([]Reason, len(rs))
	for i, r := range rs {
		d.Reasons[i] = r.clone()
	}
	if d.Bar != nil {
		b := *d.Bar
		d.Bar = &b
	}
	return d
}

// clone returns a copy of r that shares no slice with it.
func (r Reason) clone() Reason {
	r.Candidates = slices.Clone(r.Candidates)
	r.Figures.VotesOf = slices.Clone(r.Figures.VotesOf)
	return r
}
