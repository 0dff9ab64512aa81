// Command branch simulates a party branch electing its committee under the CPC grassroots rules:
// 7 members from 9 candidates, with 50 members entitled to vote and 46 present. The ballots of
// every round are generated from fixed seeds, so every run prints the same record: the first
// round fills five seats (one ballot over-votes, one is declared spoiled, one carries a write-in);
// a supplementary election for the two missing seats ends in a tie for the last one; a runoff
// between the tied decides it.
//
//	go run ./examples/branch
//	go run ./examples/branch -json   # the canonical record, with its SHA-256 digest
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/quota"
	"github.com/chae-go/chae/tally"
	"github.com/chae-go/chae/tally/count"
	"github.com/chae-go/chae/tally/report"
)

const (
	entitled = 50
	present  = 46
)

func main() {
	asJSON := flag.Bool("json", false, "print the canonical record as JSON instead of the readable record")
	flag.Parse()
	if err := run(os.Stdout, *asJSON); err != nil {
		fmt.Fprintln(os.Stderr, "branch:", err)
		os.Exit(1)
	}
}

// slate is the ballot paper: the candidates printed in the order of their surnames' strokes
// (docs/rules.md B3), whatever order they were nominated in.
func slate() ballot.Slate {
	names := []string{"王丽", "李强", "张伟", "刘洋", "陈静", "杨帆", "赵敏", "黄磊", "周婷"}
	s := ballot.Slate{Office: "Branch committee (支部委员会)", Seats: 7}
	for i, n := range names {
		s.Candidates = append(s.Candidates, ballot.Candidate{ID: fmt.Sprintf("C%d", i+1), Name: n})
	}
	return s.StrokeOrdered()
}

// byID returns the positions of the slate's candidates in ID order: the voters below consider the
// candidates in an order that does not depend on how the paper is printed.
func byID(s ballot.Slate) []int {
	pos := make([]int, len(s.Candidates))
	for i := range pos {
		pos[i] = i
	}
	slices.SortFunc(pos, func(a, b int) int { return strings.Compare(s.Candidates[a].ID, s.Candidates[b].ID) })
	return pos
}

// plan is how the voters of one round behave: a seed for the generator and each candidate's level
// of support, in percent, by candidate ID.
type plan struct {
	seed    uint64
	support map[string]int
}

// The seeds were found by trying seeds from 1 upwards until the round produced the situation the
// record is meant to show; generate checks that it still does.
var plans = []plan{
	// Round 1, regular: five candidates clear the bar, two seats stay open.
	{seed: 1, support: map[string]int{"C1": 92, "C2": 88, "C3": 80, "C4": 75, "C5": 65, "C6": 50, "C7": 46, "C8": 44, "C9": 30}},
	// Round 2, supplementary for two seats: a tie for the second.
	{seed: 31, support: map[string]int{"C6": 55, "C7": 55, "C8": 55}},
	// Round 3, runoff between the tied for one seat.
	{seed: 2, support: map[string]int{"C6": 50, "C7": 50}},
}

// ballots generates one ballot per member present for the round. Each voter looks at the
// candidates in a random order and marks each For with the candidate's level of support while
// seats remain, Against with a small chance, and otherwise abstains. In the first round one voter
// over-votes, one ballot is declared spoiled, and one voter writes in a name.
func ballots(s ballot.Slate, p plan, first bool) []ballot.Ballot {
	rng := rand.New(rand.NewPCG(p.seed, uint64(len(s.Candidates))))
	out := make([]ballot.Ballot, 0, present)
	order := byID(s)
	for v := range present {
		b := ballot.Ballot{Marks: make([]ballot.Mark, len(s.Candidates))}
		chosen := 0
		for _, k := range rng.Perm(len(s.Candidates)) {
			i := order[k]
			switch r := rng.IntN(100); {
			case r < p.support[s.Candidates[i].ID] && chosen < s.Seats:
				b.Marks[i] = ballot.For
				chosen++
			case r >= 95:
				b.Marks[i] = ballot.Against
			}
		}
		if first {
			switch v {
			case 7: // marks all nine For: chooses more persons than the 7 seats
				for i := range b.Marks {
					b.Marks[i] = ballot.For
				}
			case 19: // the counting staff find identifying marks
				b.Spoiled = true
			case 31: // against the last candidate, and writes in another member instead
				b.Marks[order[len(order)-1]] = ballot.Against
				if b.Chosen() >= s.Seats {
					for _, i := range order {
						if b.Marks[i] == ballot.For {
							b.Marks[i] = ballot.Abstain
							break
						}
					}
				}
				b.WriteIns = []string{"孙　悦"} // with an ideographic space, normalised when counted
			}
		}
		out = append(out, b)
	}
	return out
}

// want is the situation each round of the record is meant to show.
var want = []func(tally.Decision) bool{
	func(d tally.Decision) bool { return d.Round.Kind == tally.Regular && d.Missing == 2 },
	func(d tally.Decision) bool {
		return d.Round.Kind == tally.Supplementary && len(d.Tied) == 2 && len(d.Elected) == 1
	},
	func(d tally.Decision) bool { return d.Round.Kind == tally.Runoff && len(d.Elected) == 1 },
}

// elect runs the election: each round's ballots are generated, counted and decided.
func elect() (tally.Result, error) {
	s := slate()
	e, err := tally.NewElection(s, tally.CPCGrassrootsCommittee())
	if err != nil {
		return tally.Result{}, err
	}
	turnout := tally.Turnout{Entitled: entitled, Present: present, Issued: present}
	for i := 0; !e.Done(); i++ {
		if i >= len(plans) {
			return tally.Result{}, errors.New("the election needs more rounds than planned")
		}
		round := e.Next()
		counts, err := count.Count(round.Slate, ballots(round.Slate, plans[i], i == 0))
		if err != nil {
			return tally.Result{}, err
		}
		d, err := e.Decide(turnout, counts)
		if err != nil {
			return tally.Result{}, err
		}
		if !want[i](d) {
			return tally.Result{}, fmt.Errorf("round %d did not produce the planned situation: %s", d.Round.Number, strings.Join(report.Reasons(e.Result(), d, report.English), " "))
		}
	}
	return e.Result(), nil
}

func run(w io.Writer, asJSON bool) error {
	res, err := elect()
	if err != nil {
		return err
	}
	if asJSON {
		b, err := json.Marshal(res)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(w, "%s\n", b)
		return err
	}
	return record(w, res)
}

// record prints the readable record of the election.
func record(w io.Writer, res tally.Result) error {
	s, rules := res.Slate, res.Rules
	fmt.Fprintf(w, "%s: %d seats, %d candidates\n", s.Office, s.Seats, len(s.Candidates))
	fmt.Fprintf(w, "Rules: %s (%s)\n", rules.Name, rules.Source)
	fmt.Fprintf(w, "Candidate surplus %s%%: the rule requires at least %d candidates for %d seats.\n",
		quota.SurplusPercent(s.Seats, len(s.Candidates), 1).StringFixed(1), rules.Difference.MinCandidates(s.Seats), s.Seats)
	for _, d := range res.Decisions {
		fmt.Fprintf(w, "\n== Round %d: %s, %d of %d seats\n", d.Round.Number, d.Round.Kind, d.Round.Slate.Seats, s.Seats)
		t, c := d.Turnout, d.Counts
		fmt.Fprintf(w, "Entitled %d, present %d, ballots issued %d, returned %d: valid %d, invalid (over-vote) %d, spoiled %d\n\n",
			t.Entitled, t.Present, t.Issued, t.Returned.Or(c.Ballots), c.Valid, c.Invalid, c.Spoiled)
		// The name comes last: tabwriter counts runes, and a Chinese character is two columns wide.
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintf(tw, "ID\tFor %s\tAgainst %s\tAbstain\tStanding\t  Name\n", ballot.For.Symbol(), ballot.Against.Symbol())
		for _, st := range d.Standings {
			id := st.ID
			if st.WriteIn {
				id = "write-in"
			}
			fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%s\t  %s\n", id, st.For, st.Against, st.Abstain, st.Status, st.Name)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		fmt.Fprintln(w)
		for _, r := range report.Reasons(res, d, report.English) {
			fmt.Fprintln(w, "  "+r)
		}
	}
	fmt.Fprintln(w, "\n"+strings.Repeat("=", 60))
	fmt.Fprintln(w, "Elected, in order:")
	for _, m := range res.Elected {
		fmt.Fprintf(w, "  %d. %s (%s), %d votes in round %d (%s)\n", m.Rank, m.Name, m.ID, m.Votes, m.Round, m.Kind)
	}
	// The committee as announced: its members in the order of their surnames' strokes (B3).
	committee := ballot.Slate{Office: s.Office, Seats: s.Seats}
	for _, m := range res.Elected {
		committee.Candidates = append(committee.Candidates, ballot.Candidate{ID: m.ID, Name: m.Name})
	}
	var names []string
	for _, c := range committee.StrokeOrdered().Candidates {
		names = append(names, c.Name)
	}
	fmt.Fprintf(w, "The committee, in surname stroke order: %s\n", strings.Join(names, "、"))
	fmt.Fprintf(w, "Record digest: %s\n", res.Digest())
	return nil
}
