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
// closed by the unit's decision when the shortfall is close to the quota (seeded); a supplementary
// list shorter than the difference rule requires is completed by new nominations.
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
			if open <= max(1, run.Seats/50) && permille(dr, 500) {
				reason := fmt.Sprintf("%d of %d seats filled, close to the quota: the presidium decides not to hold a supplementary election", run.Seats-open, run.Seats)
				if err := e.ReduceSeats(open, reason); err != nil {
					return err
				}
				run.Reduced += open
				continue
			}
			if need := rules.Difference.MinCandidates(open); !u.Equal && len(round.Slate.Candidates) < need {
				s := round.Slate
				for len(s.Candidates) < need {
					k := len(run.Slate.Candidates) + len(run.Nominees) + 1
					c := newCandidate(dr, u, fmt.Sprintf("%s-%03d", u.Code, k), personName(dr))
					run.Nominees = append(run.Nominees, c)
					support[c.ID] = between(dr, 500, 1000)
					s.Candidates = append(s.Candidates, c)
				}
				if err := e.Nominate(s); err != nil {
					return err
				}
				round = e.Next()
			}
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

// candidate returns the unit's candidate with the given ID, from the slate or the later nominees.
func (u *unitRun) candidate(id string) (ballot.Candidate, bool) {
	if k := u.Slate.Index(id); k >= 0 {
		return u.Slate.Candidates[k], true
	}
	for _, c := range u.Nominees {
		if c.ID == id {
			return c, true
		}
	}
	return ballot.Candidate{}, false
}
