package main

import (
	"math/rand/v2"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/tally/count"
)

// temper describes how a unit's congress votes: how much its delegates disagree about the
// candidates and how many of them choose fewer persons than there are seats.
type temper struct {
	Noise   int `json:"noise"`   // spread of each voter's private judgement, added to a candidate's support
	Partial int `json:"partial"` // permille of voters who choose fewer persons than seats
	Fewest  int `json:"fewest"`  // permille of the seats the most reticent of them still choose
}

// Rates of the voter model, in permille: of ballots returned for the irregular ballots, of the
// candidates a voter does not choose for the crossed-out ones.
const (
	spoiledRate  = 3   // declared spoiled by the counting staff (identifying marks)
	overVoteRate = 4   // one person too many chosen: invalid
	writeInRate  = 9   // a candidate crossed out and another person written in
	againstRate  = 850 // a candidate not chosen is crossed out (×); the others are left unmarked
)

// castBallots generates the ballots of one round and counts them: present voters each return one
// ballot for a slate whose candidates have the given support (one per candidate, in slate order).
// A voter scores the candidates by support plus a private judgement, chooses the best up to the
// seats (fewer if reticent), crosses out most of the others and leaves the rest unmarked. Some
// ballots are spoiled, over-voted or carry a write-in from the unit's pool of names. Ballots are
// counted as they are made; nothing is kept.
func castBallots(r *rand.Rand, s ballot.Slate, support []int, present int, t temper, writeIns []string) (count.Counts, error) {
	c, err := count.NewCounter(s)
	if err != nil {
		return count.Counts{}, err
	}
	n := len(s.Candidates)
	score := make([]int, n)
	order := make([]int, n)
	b := ballot.Ballot{Marks: make([]ballot.Mark, n)}
	better := func(i, j int) bool { return score[i] > score[j] || score[i] == score[j] && i < j }
	for range present {
		for i := range n {
			score[i] = support[i] + r.IntN(t.Noise+1)
			order[i] = i
		}
		k := s.Seats
		if permille(r, t.Partial) {
			k = s.Seats * between(r, t.Fewest, 1000) / 1000
		}
		x := r.IntN(1000)
		if x < overVoteRate && k < n {
			k++ // one too many: an over-vote
		}
		// the k best first, the k-th best at k−1 (by score, then slate order), the rest after
		selectBest(order, k, better)
		b.WriteIns = b.WriteIns[:0]
		b.Spoiled = false
		for rank, i := range order {
			switch {
			case rank < k:
				b.Marks[i] = ballot.For
			case permille(r, againstRate):
				b.Marks[i] = ballot.Against
			default:
				b.Marks[i] = ballot.Abstain
			}
		}
		switch {
		case x >= overVoteRate && x < overVoteRate+spoiledRate:
			b.Spoiled = true
		case x >= overVoteRate+spoiledRate && x < overVoteRate+spoiledRate+writeInRate && k > 0 && len(writeIns) > 0:
			// cross out the last chosen candidate and write in someone else
			b.Marks[order[k-1]] = ballot.Against
			b.WriteIns = append(b.WriteIns, writeIns[min(r.IntN(len(writeIns)), r.IntN(len(writeIns)))])
		}
		if err := c.Add(b); err != nil {
			return count.Counts{}, err
		}
	}
	return c.Counts(), nil
}

// selectBest reorders xs so that its k best elements by better (a strict total order) come first
// with the k-th best at k−1, in linear expected time (quickselect with a deterministic pivot).
func selectBest(xs []int, k int, better func(a, b int) bool) {
	if k <= 0 || k > len(xs) {
		return
	}
	lo, hi := 0, len(xs)-1
	for lo < hi {
		mid := lo + (hi-lo)/2
		// median of three as the pivot, moved to hi
		if better(xs[mid], xs[lo]) {
			xs[mid], xs[lo] = xs[lo], xs[mid]
		}
		if better(xs[hi], xs[lo]) {
			xs[hi], xs[lo] = xs[lo], xs[hi]
		}
		if better(xs[mid], xs[hi]) {
			xs[mid], xs[hi] = xs[hi], xs[mid]
		}
		p := xs[hi]
		st := lo
		for i := lo; i < hi; i++ {
			if better(xs[i], p) {
				xs[i], xs[st] = xs[st], xs[i]
				st++
			}
		}
		xs[st], xs[hi] = xs[hi], xs[st]
		switch {
		case st == k-1:
			return
		case st < k-1:
			lo = st + 1
		default:
			hi = st - 1
		}
	}
}
