package main

import (
	"fmt"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/tally"
)

// maxRounds bounds the rounds of one unit's election; the simulation converges long before.
const maxRounds = 30

// unitRules returns the rules of the unit's election of National Congress delegates: the preset,
// with the equal-numbers exception for the two authorised units.
func unitRules(u Unit) tally.Rules {
	r := tally.NationalCongressDelegates()
	r.Difference = differenceRule(u)
	return r
}

// decide holds the unit's election, round by round, as tally.Election asks: ballots for each round
// are drawn from the voter model and counted; a supplementary round is held, or the seats are
// closed by the unit's decision when the shortfall is close to the quota (seeded) or after two
// supplementary rounds.
func decide(seed uint64, i int, run *unitRun, pool []string) error {
	u := run.Unit
	rules := unitRules(u)
	e, err := tally.NewElection(run.Slate, rules)
	if err != nil {
		return err
	}
	support := make(map[string]int, len(run.Slate.Candidates))
	for c, cand := range run.Slate.Candidates {
		support[cand.ID] = run.Support[c]
	}
	dr := stream(seed, i, streamDecision)
	supplementary := 0 // supplementary rounds held
	for r := 0; !e.Done(); r++ {
		if r == maxRounds {
			return fmt.Errorf("no result after %d rounds", maxRounds)
		}
		round := e.Next()
		t := run.Temper
		if round.Kind != tally.Regular {
			// between rounds the congress confers: later rounds are less divided
			t = temper{Noise: run.Temper.Noise, Partial: 20, Fewest: 900}
		}
		if round.Kind == tally.Supplementary {
			open := e.Open()
			nearQuota := open <= max(1, run.Seats/50) && permille(dr, 500)
			if nearQuota || supplementary >= 2 {
				reason := fmt.Sprintf("%d of %d seats filled, close to the quota: the presidium decides not to hold a supplementary election", run.Seats-open, run.Seats)
				if !nearQuota {
					reason = fmt.Sprintf("%d of %d seats filled after %d supplementary elections: the presidium decides to leave the rest empty", run.Seats-open, run.Seats, supplementary)
				}
				if err := e.ReduceSeats(open, reason); err != nil {
					return err
				}
				run.Reduced += open
				continue
			}
			supplementary++
		}
		sup := make([]int, len(round.Slate.Candidates))
		for c, cand := range round.Slate.Candidates {
			sup[c] = support[cand.ID]
		}
		counts, err := castBallots(stream(seed, i, streamVotes+16*uint64(r)), round.Slate, sup, run.Turnout.Present, t, pool)
		if err != nil {
			return err
		}
		if _, err := e.Decide(run.Turnout, counts); err != nil {
			return err
		}
	}
	run.Result = e.Result()
	run.Elected = run.Result.ElectedIDs()
	return nil
}

// candidate returns the unit's candidate with the given ID.
func (u *unitRun) candidate(id string) (ballot.Candidate, bool) {
	if k := u.Slate.Index(id); k >= 0 {
		return u.Slate.Candidates[k], true
	}
	return ballot.Candidate{}, false
}
