// Command branch simulates a party branch electing its committee: 7 members from 9 candidates,
// with 50 members entitled to vote and 46 present. The ballots are generated from a fixed seed, so
// every run prints the same thing; among them are an over-vote, a spoiled ballot and a write-in.
//
//	go run ./examples/branch
package main

import (
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/quota"
	"github.com/chae-go/chae/tally"
)

const (
	entitled = 50
	present  = 46
	seed     = 20261125
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "branch:", err)
		os.Exit(1)
	}
}

func slate() ballot.Slate {
	names := []string{"王丽", "李强", "张伟", "刘洋", "陈静", "杨帆", "赵敏", "黄磊", "周婷"}
	s := ballot.Slate{Office: "Branch committee (支部委员会)", Seats: 7}
	for i, n := range names {
		s.Candidates = append(s.Candidates, ballot.Candidate{ID: fmt.Sprintf("C%d", i+1), Name: n})
	}
	return s
}

// ballots generates one ballot per member present. Each candidate has a level of support; each
// voter marks every candidate For with that probability, Against with a small one, and otherwise
// abstains, keeping within the seats. One voter over-votes, one ballot is declared spoiled, and one
// voter writes in a name.
func ballots(s ballot.Slate) []ballot.Ballot {
	rng := rand.New(rand.NewPCG(seed, 1))
	support := []int{95, 90, 88, 85, 80, 72, 60, 45, 40} // percent
	out := make([]ballot.Ballot, 0, present)
	for v := range present {
		b := ballot.Ballot{Marks: make([]ballot.Mark, len(s.Candidates))}
		chosen := 0
		for i, p := range support {
			switch r := rng.IntN(100); {
			case r < p && chosen < s.Seats:
				b.Marks[i] = ballot.For
				chosen++
			case r >= 95:
				b.Marks[i] = ballot.Against
			}
		}
		switch v {
		case 7: // marks all nine For: chooses more persons than the 7 seats
			for i := range b.Marks {
				b.Marks[i] = ballot.For
			}
		case 19: // the counting staff find identifying marks
			b.Spoiled = true
		case 31: // against the last candidate, and writes in another member instead
			b.Marks[len(b.Marks)-1] = ballot.Against
			if b.Chosen() >= s.Seats {
				for i := len(b.Marks) - 2; i >= 0; i-- {
					if b.Marks[i] == ballot.For {
						b.Marks[i] = ballot.Abstain
						break
					}
				}
			}
			b.WriteIns = []string{"孙　悦"} // with an ideographic space, normalised when counted
		}
		out = append(out, b)
	}
	return out
}

func run(w io.Writer) error {
	s := slate()
	rule := quota.CPCGrassrootsCommittee()
	if err := rule.Check(s.Seats, len(s.Candidates)); err != nil {
		return err
	}
	counts, err := tally.Count(s, ballots(s))
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%s: %d seats, %d candidates (surplus %s%%, the rule requires at least %d candidates)\n",
		s.Office, s.Seats, len(s.Candidates), quota.SurplusPercent(s.Seats, len(s.Candidates), 1), rule.MinCandidates(s.Seats))
	fmt.Fprintf(w, "Entitled %d, present %d; ballots returned %d: valid %d, invalid (over-vote) %d, spoiled %d\n\n",
		entitled, present, counts.Ballots, counts.Valid, counts.Invalid, counts.Spoiled)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "ID\tName\tFor ○\tAgainst ×\tAbstain\t")
	for i, c := range counts.Candidates {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t\n", c.ID, s.Candidates[i].Name, c.For, c.Against, c.Abstain)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(counts.WriteIns) > 0 {
		fmt.Fprintln(w, "\nWrite-ins:")
		for _, wi := range counts.WriteIns {
			fmt.Fprintf(w, "  %s: %d\n", wi.Name, wi.Votes)
		}
	}
	fmt.Fprintln(w, "\n"+strings.Repeat("-", 40))
	fmt.Fprintf(w, "A candidate needs more than half of those present: %d votes.\n", quota.Majority().Needed(present))
	return nil
}
