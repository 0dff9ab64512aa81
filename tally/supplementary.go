package tally

import (
	"cmp"
	"slices"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/quota"
)

// afterSeatsChange sets the next round once seats were closed or filled, and returns its reasons:
// done; seats closed by the rules when no further supplementary round is allowed; or a
// supplementary round numbered number for the open seats, with its list or its list tie.
func (e *Election) afterSeatsChange(number int) []Reason {
	open := e.Open()
	e.listTie = nil
	if open <= 0 {
		e.done, e.next = true, Round{}
		return nil
	}
	if m := e.rules.Shortfall.MaxRounds; m > 0 && e.supRounds >= m {
		why := Reason{Kind: ReasonRoundsExhausted, Figures: Figures{Rounds: m, Missing: open}, Rule: e.rules.cite(e.rules.Cite.Shortfall)}
		closed := why
		e.closed = append(e.closed, Reduction{After: e.number, Seats: open, ByRules: &closed})
		e.done, e.next = true, Round{}
		return []Reason{why}
	}
	list, tie := e.supplementaryList(open)
	e.next = Round{Number: number, Kind: Supplementary, Slate: list}
	rule := e.rules.cite(e.rules.Cite.List)
	if tie != nil {
		tie.Round = number
		e.listTie = tie
		ids := append(slices.Clone(tie.Listed), tie.Tied...)
		return []Reason{{Kind: ReasonListTie, Candidates: ids, Rule: rule,
			Figures: Figures{VotesOf: e.refVotes(ids), Listed: len(tie.Listed), Places: tie.Places, Seats: open}}}
	}
	ids := list.IDs()
	out := []Reason{{Kind: ReasonSupplementary, Candidates: ids, Figures: Figures{VotesOf: e.refVotes(ids), Seats: open}, Rule: rule}}
	if len(ids) <= open {
		out = append(out, Reason{Kind: ReasonListNoSurplus, Candidates: slices.Clone(ids), Figures: Figures{Seats: open}, Rule: rule})
	}
	return out
}

// refVotes returns the For votes of the candidates in the first regular round.
func (e *Election) refVotes(ids []string) []int {
	out := make([]int, len(ids))
	for i, id := range ids {
		out[i] = e.ref[id]
	}
	return out
}

// listing is a candidate not yet elected, with their For votes in the first regular round.
type listing struct{ pos, votes int }

// supplementaryList makes the list of a supplementary round for open seats (docs/rules.md A7,
// B8): the best-placed candidates not elected, by their votes in the first regular round, as
// many as the rules' list bounds require, in slate order. A tie at the list's cut-off that the
// rules do not settle by taking everyone tied is returned instead, with an empty list.
func (e *Election) supplementaryList(open int) (ballot.Slate, *ListTieError) {
	var pool []listing
	for i, c := range e.slate.Candidates {
		if !e.isElected[c.ID] {
			pool = append(pool, listing{i, e.ref[c.ID]})
		}
	}
	slices.SortFunc(pool, func(a, b listing) int {
		if c := cmp.Compare(b.votes, a.votes); c != 0 {
			return c
		}
		return cmp.Compare(a.pos, b.pos)
	})
	size, most := e.rules.listBounds(open)
	list, tied := cutList(pool, size, most, e.rules.Shortfall.ListTie)
	s := ballot.Slate{Office: e.slate.Office, Seats: open}
	if tied != nil {
		slices.SortFunc(tied, func(a, b listing) int { return cmp.Compare(a.pos, b.pos) })
		return s, &ListTieError{Seats: open, Listed: e.listingIDs(list), Tied: e.listingIDs(tied),
			Places: size - len(list), Votes: tied[0].votes, Err: ErrListNeeded}
	}
	slices.SortFunc(list, func(a, b listing) int { return cmp.Compare(a.pos, b.pos) })
	for _, l := range list {
		s.Candidates = append(s.Candidates, e.slate.Candidates[l.pos].Clone())
	}
	return s, nil
}

func (e *Election) listingIDs(ls []listing) []string {
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = e.slate.Candidates[l.pos].ID
	}
	return out
}

// listDifference is the difference rule of a supplementary round: Shortfall.Difference, or
// Rules.Difference.
func (r Rules) listDifference() quota.Difference {
	if r.Shortfall.Difference != nil {
		return *r.Shortfall.Difference
	}
	return r.Difference
}

// listBounds returns the size of the supplementary list for open seats, and the most candidates
// it may have (0: no maximum): two and two for one seat under TwoForOne; otherwise the list's
// difference rule's minimum and maximum.
func (r Rules) listBounds(open int) (size, most int) {
	if r.Shortfall.TwoForOne && open == 1 {
		return 2, 2
	}
	d := r.listDifference()
	if m, ok := d.MaxCandidates(open); ok {
		most = m
	}
	return d.MinCandidates(open), most
}

// cutList cuts the pool (by votes, more first) at size places. It returns the list; or, when
// candidates tie at the cut-off and the rule does not take them all in (ListTieNominate, or a list
// that would grow beyond most), the part of the list sure of its places and the tied.
func cutList(pool []listing, size, most int, rule ListTieRule) (list, tied []listing) {
	if size >= len(pool) || pool[size].votes != pool[size-1].votes {
		return pool[:min(size, len(pool))], nil
	}
	v := pool[size-1].votes
	end := size
	for end < len(pool) && pool[end].votes == v {
		end++
	}
	if rule == ListTieTakeAll && (most == 0 || end <= most) {
		return pool[:end], nil
	}
	start := size - 1
	for start > 0 && pool[start-1].votes == v {
		start--
	}
	return pool[:start], pool[start:end]
}
