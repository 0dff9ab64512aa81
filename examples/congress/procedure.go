package main

import (
	"cmp"
	"slices"

	"github.com/chae-go/chae/quota"
)

// decide holds the unit's election: TEMPORARY single regular round, majority of those entitled,
// until tally.Election lands.
func decide(seed uint64, i int, run *unitRun, pool []string) error {
	rv := stream(seed, i, streamVotes)
	counts, err := castBallots(rv, run.Slate, run.Support, run.Turnout.Present, run.Temper, pool)
	if err != nil {
		return err
	}
	needed := quota.Majority().Needed(run.Turnout.Entitled)
	idx := make([]int, 0, len(counts.Candidates))
	for c, cc := range counts.Candidates {
		if cc.For >= needed {
			idx = append(idx, c)
		}
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(counts.Candidates[b].For, counts.Candidates[a].For) })
	if len(idx) > run.Seats {
		idx = idx[:run.Seats]
	}
	rr := roundRun{Kind: "regular", Seats: run.Seats, Candidates: run.Slate.IDs(), Needed: needed, Counts: counts}
	for _, c := range idx {
		rr.Elected = append(rr.Elected, run.Slate.Candidates[c].ID)
	}
	run.Rounds = append(run.Rounds, rr)
	run.Elected = rr.Elected
	run.Reduced = run.Seats - len(rr.Elected)
	return nil
}

// turnout is TEMPORARY until tally.Turnout lands.
type turnout struct{ Entitled, Present, Issued int }
