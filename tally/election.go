package tally

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/quota"
	"github.com/chae-go/chae/tally/count"
)

// Sentinels of the election procedure; match with errors.Is.
var (
	// ErrRules: the rules are malformed (a base or tie rule out of range, a negative count).
	ErrRules = errors.New("invalid rules")
	// ErrTurnout: the turnout figures are inconsistent (see Turnout.Check).
	ErrTurnout = errors.New("inconsistent turnout")
	// ErrCounts: the counts are not those of the round's slate, or do not add up.
	ErrCounts = errors.New("counts do not match the round")
	// ErrDone: the election is over; there is no round to decide.
	ErrDone = errors.New("election is done")
	// ErrNotDone: the election is not over yet.
	ErrNotDone = errors.New("election is not done")
	// ErrLotsNeeded: the rules settle the tie by lot; draw it and pass the order to DrawLots.
	ErrLotsNeeded = errors.New("tie to be settled by lot")
	// ErrNoShortfall: seats can be reduced, or candidates nominated, only when a supplementary
	// round is due.
	ErrNoShortfall = errors.New("no supplementary round is due")
	// ErrReduce: a reduction must close between one and the open seats, and give a reason.
	ErrReduce = errors.New("invalid seat reduction")
	// ErrBirthDate: the older-candidate tie rule needs a "born" attribute, YYYY-MM-DD.
	ErrBirthDate = errors.New("missing or malformed birth date")
)

// CountsError reports counts that do not belong to the round or do not add up.
type CountsError struct {
	Round     int    // the number of the round being decided
	Candidate string // the candidate ID concerned, or ""
	Detail    string
	Err       error // ErrCounts
}

func (e *CountsError) Error() string {
	s := fmt.Sprintf("tally: round %d: counts", e.Round)
	if e.Candidate != "" {
		s += fmt.Sprintf(": candidate %q", e.Candidate)
	}
	return s + ": " + e.Detail
}

// Unwrap returns the sentinel.
func (e *CountsError) Unwrap() error { return e.Err }

// TieError reports a tie across the last open seats that the caller must settle by lot.
type TieError struct {
	Round int      // the number of the round being decided
	IDs   []string // the tied, in slate order
	Seats int      // the seats they contest
	Err   error    // ErrLotsNeeded
}

func (e *TieError) Error() string {
	return fmt.Sprintf("tally: round %d: %d candidates (%s) tied for %s: %v",
		e.Round, len(e.IDs), strings.Join(e.IDs, ", "), plural(e.Seats, "seat"), e.Err)
}

// Unwrap returns the sentinel.
func (e *TieError) Unwrap() error { return e.Err }

// CandidateError reports a candidate attribute the rules need but cannot read.
type CandidateError struct {
	ID    string
	Attr  string
	Value string
	Err   error // ErrBirthDate
}

func (e *CandidateError) Error() string {
	return fmt.Sprintf("tally: candidate %q: attribute %s=%q: %v", e.ID, e.Attr, e.Value, e.Err)
}

// Unwrap returns the sentinel.
func (e *CandidateError) Unwrap() error { return e.Err }

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
//		counts := ... // count the ballots of round.Slate with a Counter
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
	lots      []string
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
// election is done it returns the zero Round.
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

// DrawLots passes in the order drawn by lot (first drawn, first placed) for a tie that the rules
// settle by lot (TieLots), before calling Decide again with the same figures. The order must name
// each tied candidate once; it is checked by Decide and recorded in the decision.
func (e *Election) DrawLots(order []string) error {
	if e.done {
		return fmt.Errorf("tally: draw lots: %w", ErrDone)
	}
	e.lots = slices.Clone(order)
	return nil
}

// ReduceSeats records the caller's decision to close n of the seats a shortfall left open, and
// not to elect anyone to them (减少名额, RULES.md B8: "if close to the seat count", with more than
// half of the electors consenting or by decision of the presidium; the library cannot judge
// "close"). The reason is kept in the record. It is allowed only while a supplementary round is
// due (ErrNoShortfall otherwise); n must be between 1 and the open seats and the reason non-empty
// (ErrReduce). Closing every open seat ends the election; closing fewer resizes the supplementary
// round, whose list is then made again from the slate (replacing any list given to Nominate).
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

// Nominate replaces the candidate list of the supplementary round that is due by the caller's
// (for example newly nominated candidates): slate.Seats must equal the open seats, the slate must
// validate, and no candidate may already be elected. The list is recorded with the round. Lists of
// later supplementary rounds are made from the original slate only.
func (e *Election) Nominate(slate ballot.Slate) error {
	if e.done {
		return fmt.Errorf("tally: nominate: %w", ErrDone)
	}
	if e.next.Kind != Supplementary {
		return fmt.Errorf("tally: nominate: %w", ErrNoShortfall)
	}
	if err := slate.Validate(); err != nil {
		return err
	}
	if slate.Seats != e.Open() {
		return fmt.Errorf("tally: nominate: %d seats, %d open: %w", slate.Seats, e.Open(), ErrReduce)
	}
	for i, c := range slate.Candidates {
		if e.isElected[c.ID] {
			return &ballot.SlateError{Candidate: i, ID: c.ID, Err: ballot.ErrDuplicateID}
		}
	}
	e.next.Slate = slate.Clone()
	return nil
}

// afterSeatsChange sets the next round once seats were closed or filled: done, or a supplementary
// round numbered number for the open seats.
func (e *Election) afterSeatsChange(number int) {
	open := e.Open()
	if open <= 0 {
		e.done = true
		e.next = Round{}
		return
	}
	if m := e.rules.Shortfall.MaxRounds; m > 0 && e.supRounds >= m {
		e.closed = append(e.closed, Reduction{After: e.number, Seats: open, ByRules: true,
			Reason: fmt.Sprintf("the rules allow no more than %s; %s stay empty", plural(m, "supplementary round"), plural(open, "seat"))})
		e.done = true
		e.next = Round{}
		return
	}
	e.next = Round{Number: number, Kind: Supplementary, Slate: e.supplementarySlate(open)}
}

// supplementarySlate builds the list of a supplementary round for open seats: the best-placed
// candidates not elected, by their votes in the first regular round, as many as the difference
// rule requires, with everyone tied at the cut-off; in slate order.
func (e *Election) supplementarySlate(open int) ballot.Slate {
	type cand struct {
		i     int
		votes int
	}
	var pool []cand
	for i, c := range e.slate.Candidates {
		if !e.isElected[c.ID] {
			pool = append(pool, cand{i, e.ref[c.ID]})
		}
	}
	slices.SortFunc(pool, func(a, b cand) int {
		if c := cmp.Compare(b.votes, a.votes); c != 0 {
			return c
		}
		return cmp.Compare(a.i, b.i)
	})
	d := e.rules.Difference
	if e.rules.Shortfall.Difference != nil {
		d = *e.rules.Shortfall.Difference
	}
	size := d.MinCandidates(open)
	if size < len(pool) {
		cut := pool[size-1].votes
		for size < len(pool) && pool[size].votes == cut {
			size++
		}
		pool = pool[:size]
	}
	slices.SortFunc(pool, func(a, b cand) int { return cmp.Compare(a.i, b.i) })
	s := ballot.Slate{Office: e.slate.Office, Seats: open, Candidates: make([]ballot.Candidate, len(pool))}
	for j, c := range pool {
		s.Candidates[j] = e.slate.Candidates[c.i].Clone()
	}
	return s
}

// inSlate reports whether id is a candidate of the election's slate (not a write-in).
func (e *Election) inSlate(id string) bool {
	_, ok := e.index[id]
	return ok
}

// verb is "elected" or, in a preliminary election, "placed on the formal list".
func (e *Election) verb() string {
	if e.prelim {
		return "placed on the formal list"
	}
	return "elected"
}

// checkCounts verifies that c is a count of the round's slate and adds up.
func checkCounts(number int, s ballot.Slate, c count.Counts) error {
	fail := func(id, format string, a ...any) error {
		return &CountsError{Round: number, Candidate: id, Detail: fmt.Sprintf(format, a...), Err: ErrCounts}
	}
	if len(c.Candidates) != len(s.Candidates) {
		return fail("", "%d candidates counted, the round's slate has %d", len(c.Candidates), len(s.Candidates))
	}
	if c.Valid < 0 || c.Invalid < 0 || c.Spoiled < 0 || c.Ballots != c.Valid+c.Invalid+c.Spoiled {
		return fail("", "ballots %d ≠ valid %d + invalid %d + spoiled %d", c.Ballots, c.Valid, c.Invalid, c.Spoiled)
	}
	for i, cc := range c.Candidates {
		if cc.ID != s.Candidates[i].ID {
			return fail(cc.ID, "counted at position %d, where the round's slate has %q", i+1, s.Candidates[i].ID)
		}
		if cc.For < 0 || cc.Against < 0 || cc.Abstain < 0 || cc.For+cc.Against+cc.Abstain != c.Valid {
			return fail(cc.ID, "for %d + against %d + abstain %d ≠ valid %d", cc.For, cc.Against, cc.Abstain, c.Valid)
		}
	}
	seen := make(map[string]bool, len(c.WriteIns))
	for _, w := range c.WriteIns {
		if w.Votes < 0 || w.Votes > c.Valid || ballot.NormalizeName(w.Name) != w.Name || w.Name == "" || seen[w.Name] {
			return fail("", "write-in %q with %d votes", w.Name, w.Votes)
		}
		seen[w.Name] = true
	}
	return nil
}

// contestant is a candidate or write-in in the decision of one round.
type contestant struct {
	st       Standing
	pos      int    // slate position, then write-ins after
	born     string // "" when unknown
	eligible bool
}

// Decide decides the round Next returned, from its turnout and its counts (a Counter's counts for
// the round's slate, possibly merged from many ballot boxes), and moves the election on:
//
//  1. Without quorum (Rules.Quorum of Present over Entitled) the round did not take place, and is
//     held again.
//  2. With more ballots returned than Rules.VoidWhenReturnedExceeds allows, the poll is void and
//     is held again.
//  3. Otherwise the candidates (and, where Rules.WriteIns allows, the written-in persons) whose For
//     votes clear the round's bar, ranked by For votes, fill the seats of the round. A tie across
//     the last seat is settled by Rules.Tie: a runoff among exactly the tied for exactly the seats
//     left, the older first, or lots. A tie inside the elected set changes nothing.
//  4. Fewer clearing the bar than seats: the rest stay open, never filled from below the bar; the
//     next round is a supplementary round for them, unless the caller reduces the seats.
//
// The returned Decision is also kept in the Result. On error nothing changes: invalid turnout
// (*TurnoutError), counts not of this round (*CountsError), the election done (ErrDone), or a tie
// to be settled by lot (*TieError wrapping ErrLotsNeeded).
func (e *Election) Decide(t Turnout, c count.Counts) (Decision, error) {
	if e.done {
		return Decision{}, fmt.Errorf("tally: decide: %w", ErrDone)
	}
	round := e.Next()
	if err := t.Check(c); err != nil {
		return Decision{}, err
	}
	if err := checkCounts(round.Number, round.Slate, c); err != nil {
		return Decision{}, err
	}
	d := Decision{Round: round, Turnout: t.withReturned(c), Counts: c.Clone()}
	what := fmt.Sprintf("Round %d (%s, %s, %s)", round.Number, round.Kind, plural(round.Slate.Seats, "seat"), plural(len(round.Slate.Candidates), "candidate"))

	// 1. Quorum.
	q := e.rules.Quorum
	waived := e.rules.QuorumWaivedAfter > 0 && e.noQuorum >= e.rules.QuorumWaivedAfter
	if !q.Passes(t.Present, t.Entitled) {
		if !waived {
			d.Outcome = NoQuorum
			d.Reasons = append(d.Reasons, fmt.Sprintf("%s did not take place: %d present of %d entitled is not %s of those entitled (%d needed); it is held again.",
				what, t.Present, t.Entitled, q, q.Needed(t.Entitled)))
			e.commit(d)
			e.noQuorum++
			e.next.Number = e.number + 1
			return d, nil
		}
		d.Reasons = append(d.Reasons, fmt.Sprintf("%s: %d present of %d entitled is not %s, but after %s without quorum the rules let the vote stand.",
			what, t.Present, t.Entitled, q, plural(e.noQuorum, "round")))
	} else {
		d.Reasons = append(d.Reasons, fmt.Sprintf("%s: %d present of %d entitled, %s (%d needed): quorum met.",
			what, t.Present, t.Entitled, q, q.Needed(t.Entitled)))
	}

	// 2. Poll validity.
	vb := e.rules.VoidWhenReturnedExceeds
	if limit := vb.Of(t, c); d.Turnout.Returned > limit {
		d.Outcome = Void
		d.Reasons = append(d.Reasons, fmt.Sprintf("%d ballots returned exceed %s (%d): the poll is void and is held again.",
			d.Turnout.Returned, vb.Describe(), limit))
		e.commit(d)
		e.next.Number = e.number + 1
		return d, nil
	}
	d.Reasons = append(d.Reasons, fmt.Sprintf("%d ballots returned (%d valid, %d invalid, %d spoiled), not more than %s (%d): the poll is valid.",
		d.Turnout.Returned, c.Valid, c.Invalid, c.Spoiled, vb.Describe(), vb.Of(t, c)))

	// 3. The bar.
	var bar *Bar
	switch round.Kind {
	case Regular:
		b := e.rules.regularBar()
		bar = &b
	case Runoff:
		bar = e.rules.Runoff
	case Supplementary:
		b := e.rules.regularBar()
		if e.rules.Shortfall.Bar != nil {
			b = *e.rules.Shortfall.Bar
		}
		bar = &b
	}
	clears := func(int) bool { return true }
	if bar != nil {
		d.Bar = &Bar{Threshold: bar.Threshold, Base: bar.Base}
		d.BaseFigure = bar.Base.Of(t, c)
		d.Needed = bar.Threshold.Needed(d.BaseFigure)
		fig := d.BaseFigure
		th := bar.Threshold
		clears = func(v int) bool { return th.Passes(v, fig) }
		d.Reasons = append(d.Reasons, fmt.Sprintf("To be %s a candidate needs %s of %s (%d): %d For votes.",
			e.verb(), th, bar.Base.Describe(), fig, d.Needed))
	} else {
		d.Reasons = append(d.Reasons, "In a runoff the most For votes win (RULES.md A6).")
	}

	// Contestants.
	cs := make([]contestant, 0, len(c.Candidates)+len(c.WriteIns))
	names := make(map[string]string, len(e.slate.Candidates))
	for _, sc := range e.slate.Candidates {
		names[ballot.NormalizeName(sc.Name)] = sc.ID
	}
	for _, m := range e.elected {
		names[ballot.NormalizeName(m.Name)] = m.ID
	}
	for i, cc := range c.Candidates {
		sc := round.Slate.Candidates[i]
		cs = append(cs, contestant{
			st:       Standing{ID: cc.ID, Name: sc.Name, WriteIn: strings.HasPrefix(cc.ID, WriteInPrefix) && !e.inSlate(cc.ID), For: cc.For, Against: cc.Against, Abstain: cc.Abstain},
			pos:      i,
			born:     e.born[cc.ID],
			eligible: !e.isElected[cc.ID],
		})
	}
	var wiNotes []string
	for j, w := range c.WriteIns {
		id := WriteInPrefix + w.Name
		ct := contestant{st: Standing{ID: id, Name: w.Name, WriteIn: true, For: w.Votes}, pos: len(c.Candidates) + j}
		switch other, clash := names[w.Name]; {
		case !e.rules.WriteIns:
			ct.st.Status = Ineligible
		case round.Kind == Runoff:
			ct.st.Status = Ineligible
		case clash || w.SameAs != "" || round.Slate.Index(id) >= 0:
			ct.st.Status = Ineligible
			if w.Votes > 0 && clash {
				wiNotes = append(wiNotes, fmt.Sprintf("The written-in name %q is the name of %q: its %d votes are not added to anyone and elect no one.", w.Name, other, w.Votes))
			}
		default:
			ct.eligible = true
		}
		cs = append(cs, ct)
	}
	if !e.rules.WriteIns && len(c.WriteIns) > 0 {
		wiNotes = append(wiNotes, "Write-ins are counted but the rules do not let them elect anyone.")
	} else if round.Kind == Runoff && len(c.WriteIns) > 0 {
		wiNotes = append(wiNotes, "In a runoff only the tied candidates can be elected; write-ins are not.")
	}
	d.Reasons = append(d.Reasons, wiNotes...)

	// Ranking of those who clear the bar.
	var ranked []int
	for i := range cs {
		if !cs[i].eligible {
			if cs[i].st.Status != Ineligible {
				cs[i].st.Status = Ineligible
			}
			cs[i].st.Cleared = clears(cs[i].st.For)
			continue
		}
		if clears(cs[i].st.For) {
			cs[i].st.Cleared = true
			ranked = append(ranked, i)
		} else {
			cs[i].st.Status = Failed
		}
	}
	slices.SortFunc(ranked, func(a, b int) int {
		if c := cmp.Compare(cs[b].st.For, cs[a].st.For); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	k := round.Slate.Seats
	var elected, tied []int
	var lotsUsed []string
	switch {
	case len(ranked) <= k:
		elected = ranked
	case cs[ranked[k-1]].st.For > cs[ranked[k]].st.For:
		elected = ranked[:k]
		for _, i := range ranked[k:] {
			cs[i].st.Status = Outranked
		}
	default:
		v := cs[ranked[k-1]].st.For
		var above, at, below []int
		for _, i := range ranked {
			switch f := cs[i].st.For; {
			case f > v:
				above = append(above, i)
			case f == v:
				at = append(at, i)
			default:
				below = append(below, i)
			}
		}
		left := k - len(above)
		elected = above
		for _, i := range below {
			cs[i].st.Status = Outranked
		}
		idsOf := func(xs []int) []string {
			s := make([]string, len(xs))
			for j, i := range xs {
				s[j] = cs[i].st.ID
			}
			return s
		}
		atNames := func(xs []int) string {
			s := make([]string, len(xs))
			for j, i := range xs {
				s[j] = cs[i].st.Name
			}
			return strings.Join(s, ", ")
		}
		d.Reasons = append(d.Reasons, fmt.Sprintf("%s have %d For votes each, tied for %s.", atNames(at), v, lastSeats(left)))
		switch e.rules.Tie {
		case TieOlder:
			known := true
			for _, i := range at {
				known = known && cs[i].born != ""
			}
			if known {
				slices.SortStableFunc(at, func(a, b int) int { return cmp.Compare(cs[a].born, cs[b].born) })
				// groups of the same birth date, oldest first
				taken := 0
				for g := 0; g < len(at); {
					h := g
					for h < len(at) && cs[at[h]].born == cs[at[g]].born {
						h++
					}
					grp := at[g:h]
					switch {
					case taken+len(grp) <= left:
						elected = append(elected, grp...)
						taken += len(grp)
					case taken < left:
						tied = slices.Clone(grp)
						d.RunoffSeats = left - taken
						taken = left
					default:
						for _, i := range grp {
							cs[i].st.Status = Outranked
						}
					}
					g = h
				}
				d.Reasons = append(d.Reasons, "The rules settle the tie by age, the older first (RULES.md E3).")
				if len(tied) > 0 {
					d.Reasons = append(d.Reasons, fmt.Sprintf("%s were born on the same day: the tie stands.", atNames(tied)))
				}
			} else {
				tied, d.RunoffSeats = at, left
				d.Reasons = append(d.Reasons, "The rules settle ties by age, but not every tied person has a birth date.")
			}
		case TieLots:
			ids := idsOf(at)
			order := e.lots
			if !isPermutation(order, ids) {
				slices.SortFunc(at, func(a, b int) int { return cmp.Compare(cs[a].pos, cs[b].pos) })
				return Decision{}, &TieError{Round: round.Number, IDs: idsOf(at), Seats: left, Err: ErrLotsNeeded}
			}
			lotsUsed = slices.Clone(order)
			posOf := func(id string) int { return slices.Index(order, id) }
			slices.SortFunc(at, func(a, b int) int { return cmp.Compare(posOf(cs[a].st.ID), posOf(cs[b].st.ID)) })
			elected = append(elected, at[:left]...)
			for _, i := range at[left:] {
				cs[i].st.Status = Outranked
			}
			d.Reasons = append(d.Reasons, fmt.Sprintf("Lots were drawn in the order %s: the first %d %s.", strings.Join(order, ", "), left, e.verb()))
		default:
			tied, d.RunoffSeats = at, left
		}
		if len(tied) > 0 {
			slices.SortFunc(tied, func(a, b int) int { return cmp.Compare(cs[a].pos, cs[b].pos) })
			for _, i := range tied {
				cs[i].st.Status = Tied
			}
			d.Tied = idsOf(tied)
			d.Reasons = append(d.Reasons, fmt.Sprintf("Runoff among %s only, for %s (RULES.md A6, B8).", atNames(tied), plural(d.RunoffSeats, "seat")))
		}
	}
	for _, i := range elected {
		cs[i].st.Status = Elected
	}
	// The order of election: votes, then the tie rule's order, then slate order (shared rank).
	slices.SortStableFunc(elected, func(a, b int) int {
		if c := cmp.Compare(cs[b].st.For, cs[a].st.For); c != 0 {
			return c
		}
		if c := e.tieOrder(cs[a], cs[b], lotsUsed); c != 0 {
			return c
		}
		return cmp.Compare(cs[a].pos, cs[b].pos)
	})
	d.Missing = k - len(elected) - d.RunoffSeats
	if d.Missing < 0 {
		d.Missing = 0
	}
	for _, i := range elected {
		d.Elected = append(d.Elected, cs[i].st.ID)
	}
	for _, ct := range cs {
		d.Standings = append(d.Standings, ct.st)
	}
	d.Lots = lotsUsed
	if len(elected) > 0 {
		parts := make([]string, len(elected))
		for j, i := range elected {
			parts[j] = fmt.Sprintf("%s (%d)", cs[i].st.Name, cs[i].st.For)
		}
		d.Reasons = append(d.Reasons, fmt.Sprintf("%s: %s.", capitalize(e.verb()), strings.Join(parts, ", ")))
	} else {
		d.Reasons = append(d.Reasons, fmt.Sprintf("No one %s in this round.", e.verb()))
	}
	if d.Missing > 0 {
		d.Reasons = append(d.Reasons, fmt.Sprintf("Only %d cleared the bar for %s: %s stay open, and are not filled from those below it (RULES.md B8).",
			len(ranked), plural(k, "seat"), plural(d.Missing, "seat")))
	}

	// Commit.
	e.commit(d)
	e.noQuorum = 0
	e.lots = nil
	if round.Kind == Supplementary {
		e.supRounds++
	}
	if round.Kind == Regular && e.ref == nil {
		e.ref = make(map[string]int, len(c.Candidates))
		for _, cc := range c.Candidates {
			e.ref[cc.ID] = cc.For
		}
	}
	for j, i := range elected {
		m := ElectedMember{ID: cs[i].st.ID, Name: cs[i].st.Name, WriteIn: cs[i].st.WriteIn,
			Round: round.Number, Kind: round.Kind, Votes: cs[i].st.For, Rank: len(e.elected) + 1}
		if j > 0 {
			p := cs[elected[j-1]]
			if p.st.For == cs[i].st.For && e.tieOrder(p, cs[i], lotsUsed) == 0 {
				m.Rank = e.elected[len(e.elected)-1].Rank
			}
		}
		e.elected = append(e.elected, m)
		e.isElected[m.ID] = true
	}
	if len(tied) > 0 {
		rs := ballot.Slate{Office: e.slate.Office, Seats: d.RunoffSeats}
		for _, i := range tied {
			if p, ok := e.index[cs[i].st.ID]; ok {
				rs.Candidates = append(rs.Candidates, e.slate.Candidates[p].Clone())
			} else {
				rs.Candidates = append(rs.Candidates, ballot.Candidate{ID: cs[i].st.ID, Name: cs[i].st.Name})
			}
		}
		e.next = Round{Number: e.number + 1, Kind: Runoff, Slate: rs}
	} else {
		e.afterSeatsChange(e.number + 1)
		if !e.done {
			e.decisions[len(e.decisions)-1].Reasons = append(e.decisions[len(e.decisions)-1].Reasons, e.supplementaryReason())
		} else if n := len(e.closed); n > 0 && e.closed[n-1].ByRules && e.closed[n-1].After == e.number {
			e.decisions[len(e.decisions)-1].Reasons = append(e.decisions[len(e.decisions)-1].Reasons, capitalize(e.closed[n-1].Reason)+".")
		}
	}
	return e.decisions[len(e.decisions)-1], nil
}

// supplementaryReason explains the supplementary round that is due.
func (e *Election) supplementaryReason() string {
	s := e.next.Slate
	parts := make([]string, len(s.Candidates))
	for i, c := range s.Candidates {
		parts[i] = fmt.Sprintf("%s (%d)", c.Name, e.ref[c.ID])
	}
	r := fmt.Sprintf("Next: a supplementary election for %s among %s: the best-placed not yet %s, by their votes in the first regular round, as many as the difference rule requires, with any tied at the cut-off (RULES.md A7, B8); unless the seats are reduced.",
		plural(s.Seats, "seat"), strings.Join(parts, ", "), e.verb())
	if len(s.Candidates) <= s.Seats {
		r += fmt.Sprintf(" Only %s remain for %s: the list has no surplus; nominate more candidates or reduce the seats.",
			plural(len(s.Candidates), "candidate"), plural(s.Seats, "seat"))
	}
	return r
}

// tieOrder orders two contestants with equal votes by the rules' tie order: the older first under
// TieOlder, the drawn order under TieLots; 0 when the rules do not separate them.
func (e *Election) tieOrder(a, b contestant, lots []string) int {
	switch e.rules.Tie {
	case TieOlder:
		if a.born != "" && b.born != "" {
			return cmp.Compare(a.born, b.born)
		}
	case TieLots:
		ia, ib := slices.Index(lots, a.st.ID), slices.Index(lots, b.st.ID)
		if ia >= 0 && ib >= 0 {
			return cmp.Compare(ia, ib)
		}
	}
	return 0
}

func (e *Election) commit(d Decision) {
	e.number = d.Round.Number
	e.decisions = append(e.decisions, d)
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

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
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
		Closed:      slices.Clone(e.closed),
		Elected:     slices.Clone(e.elected),
		Done:        e.done,
	}
	for i, d := range e.decisions {
		d.Round.Slate = d.Round.Slate.Clone()
		d.Counts = d.Counts.Clone()
		d.Standings = slices.Clone(d.Standings)
		d.Elected = slices.Clone(d.Elected)
		d.Tied = slices.Clone(d.Tied)
		d.Lots = slices.Clone(d.Lots)
		d.Reasons = slices.Clone(d.Reasons)
		if d.Bar != nil {
			b := *d.Bar
			d.Bar = &b
		}
		r.Decisions[i] = d
	}
	if r.Closed == nil {
		r.Closed = []Reduction{}
	}
	if r.Elected == nil {
		r.Elected = []ElectedMember{}
	}
	return r
}

// plural returns "1 seat", "2 seats".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// lastSeats returns "the last open seat" or "the last 2 open seats".
func lastSeats(n int) string {
	if n == 1 {
		return "the last open seat"
	}
	return fmt.Sprintf("the last %d open seats", n)
}
