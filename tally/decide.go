package tally

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/tally/count"
)

// Decide decides the round Next returned, from its turnout and its counts (a Counter's counts for
// the round's slate, possibly merged from many ballot boxes), and moves the election on. It is a
// pipeline of steps, each recording its reason:
//
//  1. Attendance: without quorum (Rules.Quorum of Present over Entitled; for an election by voters,
//     VoterTurnout, the turnout that makes it valid) the round did not take place, and is held
//     again. Such a round needs no counts: the zero Counts is accepted.
//  2. Validity: with more ballots returned than Rules.VoidWhenReturnedExceeds allows, the poll is
//     void and is held again.
//  3. The bar of the round: the regular bar, the runoff's (or the most votes), the supplementary
//     round's.
//  4. The contestants: the candidates and, where Rules.WriteIns allows, the written-in persons.
//  5. Ranking: those whose For votes clear the bar, by For votes.
//  6. The cut at the round's seats, and 7. a tie across it settled by Rules.Tie: a runoff among
//     exactly the tied for exactly the seats left, the older first, or lots. A tie inside the
//     elected set changes nothing.
//  8. The order of election and 9. the shortfall: fewer clearing the bar than seats leaves the
//     rest open, never filled from below the bar.
//  10. Commit: the next round is a runoff, a supplementary round for the open seats (unless the
//     caller reduces the seats), or none.
//
// The returned Decision is also kept in the Result. On error nothing changes: the election done
// (ErrDone), a supplementary list awaiting the organisers (*ListTieError), invalid turnout
// (*TurnoutError), counts that are not a count of the round's slate (*count.CountsError from
// count.Check), or a tie to be settled by lot (*LotsError wrapping ErrLotsNeeded: see DrawLots).
func (e *Election) Decide(t Turnout, c count.Counts) (Decision, error) {
	if e.done {
		return Decision{}, fmt.Errorf("tally: decide: %w", ErrDone)
	}
	if e.listTie != nil {
		err := *e.listTie
		err.Listed, err.Tied = slices.Clone(err.Listed), slices.Clone(err.Tied)
		return Decision{}, &err
	}
	if err := t.checkFigures(); err != nil {
		return Decision{}, err
	}
	round := e.Next()
	present, stands := attendance(e.rules, t, e.noQuorum)
	if !stands && isZero(c) {
		return e.notTakenPlace(Decision{Round: round, Outcome: NoQuorum, Turnout: t, Reasons: []Reason{present}}), nil
	}
	if err := count.Check(round.Slate, c); err != nil {
		return Decision{}, err
	}
	if err := t.Check(c); err != nil {
		return Decision{}, err
	}
	d := Decision{Round: round, Turnout: t, Counts: c.Clone(), Reasons: []Reason{present}}
	if !stands {
		d.Outcome = NoQuorum
		return e.notTakenPlace(d), nil
	}
	valid, why := validity(e.rules, d.Turnout, c)
	d.Reasons = append(d.Reasons, why)
	if !valid {
		d.Outcome = Void
		return e.notTakenPlace(d), nil
	}
	v, err := e.vote(round, d.Turnout, c)
	if err != nil {
		var le *LotsError
		if errors.As(err, &le) {
			le.Round = round.Number
			pending := *le
			e.lotTie = &pending
		}
		return Decision{}, err
	}
	v.fill(&d)
	return e.commit(d, v), nil
}

// isZero reports whether c is the zero Counts: no candidates, no ballots, no write-ins, no rows
// skipped.
func isZero(c count.Counts) bool {
	return len(c.Candidates) == 0 && len(c.WriteIns) == 0 && c.Ballots == 0 && c.Valid == 0 && c.Invalid == 0 && c.Spoiled == 0 && c.SkippedRows == 0
}

// attendance is step 1: whether the round takes place, by the rules' quorum (or turnout) of those
// present against those entitled, and the reason. After QuorumWaivedAfter rounds without it, the
// round takes place whatever the attendance.
func attendance(r Rules, t Turnout, failed int) (Reason, bool) {
	q := r.Quorum
	kinds := [3]ReasonKind{ReasonQuorumMet, ReasonNoQuorum, ReasonQuorumWaived}
	if r.Attendance == VoterTurnout {
		kinds = [3]ReasonKind{ReasonTurnoutMet, ReasonTurnoutShort, ReasonTurnoutWaived}
	}
	why := Reason{Kind: kinds[0], Rule: r.cite(r.Cite.Quorum), Figures: Figures{Entitled: t.Entitled, Present: t.Present,
		Share: q.Share, Boundary: q.Boundary, Needed: q.Needed(t.Entitled)}}
	switch {
	case q.Passes(t.Present, t.Entitled):
		return why, true
	case r.QuorumWaivedAfter > 0 && failed >= r.QuorumWaivedAfter:
		why.Kind, why.Figures.Rounds = kinds[2], failed
		return why, true
	}
	why.Kind = kinds[1]
	return why, false
}

// validity is step 2: whether the poll is valid, no more ballots returned (t.Returned, or the
// ballots counted when it is not declared) than the rules' limit, and the reason.
func validity(r Rules, t Turnout, c count.Counts) (bool, Reason) {
	base := r.VoidWhenReturnedExceeds
	why := Reason{Kind: ReasonPollValid, Rule: r.cite(r.Cite.Validity), Figures: Figures{Returned: t.Returned.Or(c.Ballots),
		Valid: c.Valid, Invalid: c.Invalid, Spoiled: c.Spoiled, Limit: base.of(t, c), Base: base}}
	if why.Figures.Returned > why.Figures.Limit {
		why.Kind = ReasonPollVoid
		return false, why
	}
	return true, why
}

// roundBar is step 3: the bar of a round of the kind, and the reason. A runoff without a bar
// (Rules.Runoff nil) is decided by the most votes: the bar is nil. A supplementary round's bar is
// Shortfall.Bar, or the regular bar.
func roundBar(r Rules, kind RoundKind, t Turnout, c count.Counts) (*Bar, Reason) {
	b, part := r.regularBar(), r.Cite.Threshold
	switch {
	case kind == Runoff && r.Runoff == nil:
		return nil, Reason{Kind: ReasonMostVotes, Rule: r.cite(r.Cite.Ties)}
	case kind == Runoff:
		b, part = *r.Runoff, r.Cite.Ties
	case kind == Supplementary && r.Shortfall.Bar != nil:
		b, part = *r.Shortfall.Bar, r.Cite.Shortfall
	}
	fig := b.Base.of(t, c)
	return &b, Reason{Kind: ReasonBar, Rule: r.cite(part), Figures: Figures{Share: b.Threshold.Share,
		Boundary: b.Threshold.Boundary, Base: b.Base, BaseFigure: fig, Needed: b.Threshold.Needed(fig)}}
}

// contestant is a candidate or write-in in the decision of one round.
type contestant struct {
	st       Standing
	pos      int    // slate position, then write-ins after
	born     string // "" when unknown
	eligible bool
}

// contestants is step 4: the round's candidates, then the names written in, with whether each may
// be elected here (a candidate not yet elected; a write-in where the rules allow, outside a runoff,
// whose name is no candidate's or member's), and the reasons about write-ins.
func (e *Election) contestants(round Round, c count.Counts) ([]contestant, []Reason) {
	cs := make([]contestant, 0, len(c.Candidates)+len(c.WriteIns))
	for i, cc := range c.Candidates {
		cs = append(cs, contestant{pos: i, born: e.born[cc.ID], eligible: !e.isElected[cc.ID],
			st: Standing{ID: cc.ID, Name: round.Slate.Candidates[i].Name, WriteIn: strings.HasPrefix(cc.ID, WriteInPrefix) && !e.inSlate(cc.ID),
				For: cc.For, Against: cc.Against, Abstain: cc.Abstain}})
	}
	rule := e.rules.cite(e.rules.Cite.WriteIns)
	var why []Reason
	taken := e.namesTaken()
	for j, w := range c.WriteIns {
		id := WriteInPrefix + w.Name
		ct := contestant{st: Standing{ID: id, Name: w.Name, WriteIn: true, For: w.Votes}, pos: len(c.Candidates) + j}
		other, clash := taken[w.Name]
		ct.eligible = e.rules.WriteIns && round.Kind != Runoff && !clash && w.SameAs == "" && round.Slate.Index(id) < 0
		if e.rules.WriteIns && round.Kind != Runoff && clash && w.Votes > 0 {
			why = append(why, Reason{Kind: ReasonWriteInSameName, Candidates: []string{id, other}, Figures: Figures{Votes: w.Votes}, Rule: rule})
		}
		cs = append(cs, ct)
	}
	switch {
	case len(c.WriteIns) == 0:
	case !e.rules.WriteIns:
		why = append(why, Reason{Kind: ReasonWriteInsBarred, Rule: rule})
	case round.Kind == Runoff:
		why = append(why, Reason{Kind: ReasonWriteInsRunoff, Rule: e.rules.cite(e.rules.Cite.Ties)})
	}
	return cs, why
}

// namesTaken maps the normalised names of the slate's candidates and of the members elected to
// their IDs: a name written in that is one of them elects no one.
func (e *Election) namesTaken() map[string]string {
	names := make(map[string]string, len(e.slate.Candidates)+len(e.elected))
	for _, sc := range e.slate.Candidates {
		names[ballot.MatchKey(sc.Name)] = sc.ID
	}
	for _, m := range e.elected {
		names[ballot.MatchKey(m.Name)] = m.ID
	}
	return names
}

// rank is step 5: it marks who cleared the bar, and fails the eligible who did not (the others are
// ineligible); it returns the eligible who cleared it, by For votes (more first), then position.
func rank(cs []contestant, clears func(int) bool) []int {
	var ranked []int
	for i := range cs {
		cs[i].st.Cleared = clears(cs[i].st.For)
		switch {
		case !cs[i].eligible:
			cs[i].st.Status = Ineligible
		case cs[i].st.Cleared:
			ranked = append(ranked, i)
		default:
			cs[i].st.Status = Failed
		}
	}
	slices.SortFunc(ranked, func(a, b int) int {
		if c := cmp.Compare(cs[b].st.For, cs[a].st.For); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	return ranked
}

// cut is step 6: it splits the ranked at the round's seats into those sure of a seat and those
// tied across the last seat (none when the seats fall between two vote counts), in rank order, and
// marks the rest outranked.
func cut(cs []contestant, ranked []int, seats int) (sure, at []int) {
	if len(ranked) <= seats {
		return ranked, nil
	}
	v := cs[ranked[seats-1]].st.For
	straddles := cs[ranked[seats]].st.For == v
	for _, i := range ranked {
		switch f := cs[i].st.For; {
		case f > v, f == v && !straddles:
			sure = append(sure, i)
		case f == v:
			at = append(at, i)
		default:
			cs[i].st.Status = Outranked
		}
	}
	return sure, at
}

// settlement is what the tie rule makes of a tie across the last seats.
type settlement struct {
	elected []int    // of the tied, in the order the rule places them
	tied    []int    // still tied, in slate order: to a runoff for seats seats
	seats   int      // the runoff's seats
	lots    []string // the order drawn, under TieLots
	reasons []Reason
}

// settle is step 7: it applies the rules' tie rule to the contestants at (in rank order, so slate
// order), tied for left seats; it returns what the rule decides, or a *LotsError (its Round not
// set) when lots must be drawn first.
func (e *Election) settle(cs []contestant, at []int, left int) (settlement, error) {
	var s settlement
	switch e.rules.Tie {
	case TieOlder:
		s = settleByAge(cs, at, left)
	case TieLots:
		var err error
		if s, err = settleByLot(cs, at, left, e.lots); err != nil {
			return settlement{}, err
		}
	default:
		s = settlement{tied: at, seats: left}
	}
	tie := Reason{Kind: ReasonTie, Candidates: idsOf(cs, at), Figures: Figures{Votes: cs[at[0]].st.For, Seats: left}}
	s.reasons = append([]Reason{tie}, s.reasons...)
	for _, i := range s.tied {
		cs[i].st.Status = Tied
	}
	if len(s.tied) > 0 {
		s.reasons = append(s.reasons, Reason{Kind: ReasonRunoff, Candidates: idsOf(cs, s.tied), Figures: Figures{Seats: s.seats}})
	}
	for i := range s.reasons {
		s.reasons[i].Rule = e.rules.cite(e.rules.Cite.Ties)
	}
	return s, nil
}

// settleByAge settles a tie under TieOlder: the older first, by birth date; those born on the same
// day across the last seat still tie, and so do all the tied when one of them has no date.
func settleByAge(cs []contestant, at []int, left int) settlement {
	var undated []int
	for _, i := range at {
		if cs[i].born == "" {
			undated = append(undated, i)
		}
	}
	if len(undated) > 0 {
		return settlement{tied: at, seats: left, reasons: []Reason{{Kind: ReasonNoBirthDate, Candidates: idsOf(cs, undated)}}}
	}
	byAge := slices.Clone(at)
	slices.SortStableFunc(byAge, func(a, b int) int { return cmp.Compare(cs[a].born, cs[b].born) })
	s := settlement{reasons: []Reason{{Kind: ReasonTieByAge, Candidates: idsOf(cs, byAge), Figures: Figures{Seats: left}}}}
	taken := 0 // seats placed, or left to a runoff among those born on the same day
	for g, h := 0, 0; g < len(byAge); g = h {
		for h = g; h < len(byAge) && cs[byAge[h]].born == cs[byAge[g]].born; h++ {
		}
		group := byAge[g:h]
		switch {
		case taken+len(group) <= left:
			s.elected = append(s.elected, group...)
			taken += len(group)
		case taken < left:
			s.tied, s.seats = slices.Sorted(slices.Values(group)), left-taken
			s.reasons = append(s.reasons, Reason{Kind: ReasonSameBirthDate, Candidates: idsOf(cs, s.tied), Figures: Figures{Seats: s.seats}})
			taken = left
		default:
			for _, i := range group {
				cs[i].st.Status = Outranked
			}
		}
	}
	return s
}

// settleByLot settles a tie under TieLots by the order drawn, which must name exactly the tied.
func settleByLot(cs []contestant, at []int, left int, order []string) (settlement, error) {
	ids := idsOf(cs, at)
	if !isPermutation(order, ids) {
		return settlement{}, &LotsError{IDs: ids, Seats: left, Err: ErrLotsNeeded}
	}
	byLot := slices.Clone(at)
	slices.SortFunc(byLot, func(a, b int) int {
		return cmp.Compare(slices.Index(order, cs[a].st.ID), slices.Index(order, cs[b].st.ID))
	})
	for _, i := range byLot[left:] {
		cs[i].st.Status = Outranked
	}
	return settlement{elected: byLot[:left], lots: slices.Clone(order),
		reasons: []Reason{{Kind: ReasonLots, Candidates: slices.Clone(order), Figures: Figures{Seats: left}}}}, nil
}

func idsOf(cs []contestant, xs []int) []string {
	out := make([]string, len(xs))
	for j, i := range xs {
		out[j] = cs[i].st.ID
	}
	return out
}

// vote is the decision proper of a round that took place: steps 3 to 9.
type vote struct {
	bar         *Bar
	base        int // the figure of the bar's base
	needed      int // the fewest For votes that clear the bar
	cs          []contestant
	elected     []int // in the order of election
	tied        []int
	runoffSeats int
	missing     int
	lots        []string
	reasons     []Reason
}

// vote decides who is elected in the round from the counts; it changes nothing in e.
func (e *Election) vote(round Round, t Turnout, c count.Counts) (vote, error) {
	var v vote
	bar, why := roundBar(e.rules, round.Kind, t, c)
	v.reasons = append(v.reasons, why)
	clears := func(int) bool { return true }
	if bar != nil {
		v.bar, v.base, v.needed = bar, why.Figures.BaseFigure, why.Figures.Needed
		clears = func(votes int) bool { return bar.Threshold.Passes(votes, v.base) }
	}
	cs, notes := e.contestants(round, c)
	v.cs = cs
	v.reasons = append(v.reasons, notes...)
	ranked := rank(cs, clears)
	seats := round.Slate.Seats
	sure, at := cut(cs, ranked, seats)
	v.elected = sure
	if len(at) > 0 {
		s, err := e.settle(cs, at, seats-len(sure))
		if err != nil {
			return vote{}, err
		}
		v.elected = append(v.elected, s.elected...)
		v.tied, v.runoffSeats, v.lots = s.tied, s.seats, s.lots
		v.reasons = append(v.reasons, s.reasons...)
	}
	for _, i := range v.elected {
		cs[i].st.Status = Elected
	}
	e.orderElected(cs, v.elected, v.lots)
	v.missing = max(0, seats-len(v.elected)-v.runoffSeats)
	v.reasons = append(v.reasons, e.outcome(round, cs, v.elected, len(ranked), v.missing)...)
	return v, nil
}

// orderElected is step 8: it orders the elected by For votes (more first), then by the rules'
// tie order (the older first, the order drawn), then slate position.
func (e *Election) orderElected(cs []contestant, elected []int, lots []string) {
	slices.SortStableFunc(elected, func(a, b int) int {
		if c := cmp.Compare(cs[b].st.For, cs[a].st.For); c != 0 {
			return c
		}
		if c := e.tieOrder(cs[a], cs[b], lots); c != 0 {
			return c
		}
		return cmp.Compare(cs[a].pos, cs[b].pos)
	})
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

// outcome is step 9: the reasons saying who is elected (or that no one is) and, when fewer cleared
// the bar than the round has seats, that the missing seats stay open.
func (e *Election) outcome(round Round, cs []contestant, elected []int, cleared, missing int) []Reason {
	part := e.rules.Cite.Threshold
	switch round.Kind {
	case Runoff:
		part = e.rules.Cite.Ties
	case Supplementary:
		part = e.rules.Cite.Shortfall
	}
	out := []Reason{{Kind: ReasonNoneElected, Rule: e.rules.cite(part)}}
	if len(elected) > 0 {
		votes := make([]int, len(elected))
		for j, i := range elected {
			votes[j] = cs[i].st.For
		}
		out[0] = Reason{Kind: ReasonElected, Candidates: idsOf(cs, elected), Figures: Figures{VotesOf: votes}, Rule: e.rules.cite(part)}
	}
	if missing > 0 {
		out = append(out, Reason{Kind: ReasonShortfall, Rule: e.rules.cite(e.rules.Cite.Shortfall),
			Figures: Figures{Cleared: cleared, Seats: round.Slate.Seats, Missing: missing}})
	}
	return out
}

// fill writes the vote into the decision.
func (v vote) fill(d *Decision) {
	if v.bar != nil {
		b := *v.bar
		d.Bar = &b
	}
	d.BaseFigure, d.Needed = v.base, v.needed
	for _, ct := range v.cs {
		d.Standings = append(d.Standings, ct.st)
	}
	d.Elected = idsOf(v.cs, v.elected)
	if len(v.tied) > 0 {
		d.Tied = idsOf(v.cs, v.tied)
	}
	d.RunoffSeats, d.Missing, d.Lots = v.runoffSeats, v.missing, v.lots
	d.Reasons = append(d.Reasons, v.reasons...)
}

// record appends a decision and makes its round the last decided.
func (e *Election) record(d Decision) {
	e.number = d.Round.Number
	e.decisions = append(e.decisions, d)
	e.lots, e.lotTie = nil, nil
}

// notTakenPlace commits a round without quorum or with a void poll: it is held again, with the
// next number.
func (e *Election) notTakenPlace(d Decision) Decision {
	e.record(d)
	if d.Outcome == NoQuorum {
		e.noQuorum++
	}
	e.next.Number = e.number + 1
	return d.clone()
}

// commit is step 10: it records the decision of a round that took place and the members it
// elected, keeps the first regular round's votes (for supplementary lists), and sets the next
// round: a runoff among the tied, a supplementary round for the open seats, or none. The reasons
// of what follows are added to the decision.
func (e *Election) commit(d Decision, v vote) Decision {
	e.record(d)
	e.noQuorum = 0
	if d.Round.Kind == Supplementary {
		e.supRounds++
	}
	if d.Round.Kind == Regular && e.ref == nil {
		e.ref = make(map[string]int, len(d.Counts.Candidates))
		for _, cc := range d.Counts.Candidates {
			e.ref[cc.ID] = cc.For
		}
	}
	e.addElected(d.Round, v)
	last := &e.decisions[len(e.decisions)-1]
	if len(v.tied) > 0 {
		e.next = Round{Number: e.number + 1, Kind: Runoff, Slate: e.runoffSlate(v)}
	} else {
		last.Reasons = append(last.Reasons, e.afterSeatsChange(e.number+1)...)
	}
	return last.clone()
}

// addElected adds the members the vote elected, in order. Members of the same round whose order
// neither votes nor the rules' tie order separate share a rank.
func (e *Election) addElected(round Round, v vote) {
	for j, i := range v.elected {
		ct := v.cs[i]
		m := ElectedMember{ID: ct.st.ID, Name: ct.st.Name, WriteIn: ct.st.WriteIn,
			Round: round.Number, Kind: round.Kind, Votes: ct.st.For, Rank: len(e.elected) + 1}
		if j > 0 {
			p := v.cs[v.elected[j-1]]
			if p.st.For == ct.st.For && e.tieOrder(p, ct, v.lots) == 0 {
				m.Rank = e.elected[len(e.elected)-1].Rank
			}
		}
		e.elected = append(e.elected, m)
		e.isElected[m.ID] = true
	}
}

// runoffSlate is the ballot paper of a runoff among the tied, for the seats left to them.
func (e *Election) runoffSlate(v vote) ballot.Slate {
	s := ballot.Slate{Office: e.slate.Office, Seats: v.runoffSeats}
	for _, i := range v.tied {
		st := v.cs[i].st
		if p, ok := e.index[st.ID]; ok {
			s.Candidates = append(s.Candidates, e.slate.Candidates[p].Clone())
		} else {
			s.Candidates = append(s.Candidates, ballot.Candidate{ID: st.ID, Name: st.Name})
		}
	}
	return s
}
