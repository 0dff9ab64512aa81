package tally_test

import (
	"fmt"
	"slices"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/tally"
	"github.com/chae-go/chae/tally/count"
)

// repeat returns n copies of a ballot with the given marks.
func repeat(n int, marks ...ballot.Mark) []ballot.Ballot {
	out := make([]ballot.Ballot, n)
	for i := range out {
		out[i] = ballot.Ballot{Marks: slices.Clone(marks)}
	}
	return out
}

// A branch committee of three is elected from five candidates by the 20 members present of 22.
// Two candidates tie for the last seat, and a runoff between them decides it.
func ExampleElection() {
	slate := ballot.Slate{Office: "Branch committee", Seats: 3, Candidates: []ballot.Candidate{
		{ID: "a", Name: "Li Wei"}, {ID: "b", Name: "Wang Fang"}, {ID: "c", Name: "Zhang Min"},
		{ID: "d", Name: "Liu Yang"}, {ID: "e", Name: "Chen Jing"},
	}}
	e, err := tally.NewElection(slate, tally.CPCGrassrootsCommittee())
	if err != nil {
		fmt.Println(err)
		return
	}
	const F, X = ballot.For, ballot.Abstain
	rounds := [][]ballot.Ballot{
		// Round 1: Li Wei 18, Wang Fang 15, Zhang Min 12, Liu Yang 12, Chen Jing 2.
		slices.Concat(repeat(8, F, F, F, X, X), repeat(7, F, F, X, F, X), repeat(3, F, X, F, F, X),
			repeat(1, X, X, F, F, F), repeat(1, X, X, X, F, F)),
		// Round 2, the runoff: Zhang Min 8, Liu Yang 11, one blank.
		slices.Concat(repeat(8, F, X), repeat(11, X, F), repeat(1, X, X)),
	}
	turnout := tally.Turnout{Entitled: 22, Present: 20, Issued: 20}
	for _, ballots := range rounds {
		round := e.Next()
		counts, err := count.Count(round.Slate, ballots)
		if err != nil {
			fmt.Println(err)
			return
		}
		d, err := e.Decide(turnout, counts)
		if err != nil {
			fmt.Println(err)
			return
		}
		// The reasons are values: a kind, the candidates, the figures, the rule applied.
		for _, r := range d.Reasons {
			fmt.Println(r.Kind, r.Candidates, r.Rule)
		}
		fmt.Println()
	}
	res := e.Result()
	fmt.Println("done:", res.Done)
	for _, m := range res.Elected {
		fmt.Printf("%d. %s, %d votes in round %d (%v)\n", m.Rank, m.Name, m.Votes, m.Round, m.Kind)
	}
	// Output:
	// quorum-met [] docs/rules.md B5
	// poll-valid [] docs/rules.md B7
	// bar [] docs/rules.md B6
	// tie [c d] docs/rules.md B8
	// runoff [c d] docs/rules.md B8
	// elected [a b] docs/rules.md B6
	//
	// quorum-met [] docs/rules.md B5
	// poll-valid [] docs/rules.md B7
	// most-votes [] docs/rules.md B8
	// elected [d] docs/rules.md B8
	//
	// done: true
	// 1. Li Wei, 18 votes in round 1 (regular)
	// 2. Wang Fang, 15 votes in round 1 (regular)
	// 3. Liu Yang, 11 votes in round 2 (runoff)
}

// Five seats, but only four candidates clear the bar. The presidium decides that four is close
// enough to five and closes the last seat instead of holding a supplementary election (docs/rules.md B8).
func ExampleElection_ReduceSeats() {
	slate := ballot.Slate{Office: "Branch committee", Seats: 5}
	for _, n := range []string{"Li Wei", "Wang Fang", "Zhang Min", "Liu Yang", "Chen Jing", "Yang Fan"} {
		slate.Candidates = append(slate.Candidates, ballot.Candidate{ID: n, Name: n})
	}
	e, err := tally.NewElection(slate, tally.CPCGrassrootsCommittee())
	if err != nil {
		fmt.Println(err)
		return
	}
	counts := count.Counts{Ballots: 30, Valid: 30, WriteIns: []count.WriteInCount{}}
	for i, f := range []int{28, 25, 22, 17, 14, 9} {
		counts.Candidates = append(counts.Candidates, count.CandidateCount{ID: slate.Candidates[i].ID, For: f, Against: 30 - f})
	}
	d, err := e.Decide(tally.Turnout{Entitled: 32, Present: 30, Issued: 30}, counts)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.Elected, "missing:", d.Missing)
	next := e.Next()
	fmt.Println("next:", next.Kind, "for", next.Slate.Seats, "seat among", next.Slate.IDs())
	if err := e.ReduceSeats(1, "four of five elected; the presidium decided not to hold another election"); err != nil {
		fmt.Println(err)
		return
	}
	res := e.Result()
	fmt.Println("done:", res.Done, "elected:", len(res.Elected), "closed:", res.Closed[0].Seats, "-", res.Closed[0].Reason)
	// Output:
	// [Li Wei Wang Fang Zhang Min Liu Yang] missing: 1
	// next: supplementary for 1 seat among [Chen Jing Yang Fan]
	// done: true elected: 4 closed: 1 - four of five elected; the presidium decided not to hold another election
}

// Alternate members (候补委员) are listed by votes, and equal votes by surname stroke order (docs/rules.md
// C7): with a nil comparator, OrderAlternates compares names with stroke.CompareNames, so 丁 (2
// strokes) comes before 王 (4).
func ExampleOrderAlternates() {
	slate := ballot.Slate{Office: "Alternates", Seats: 3, Candidates: []ballot.Candidate{
		{ID: "1", Name: "王芳"}, {ID: "2", Name: "丁强"}, {ID: "3", Name: "李明"},
	}}
	elected := []tally.ElectedMember{{ID: "1", Name: "王芳", Votes: 40}, {ID: "2", Name: "丁强", Votes: 40}, {ID: "3", Name: "李明", Votes: 45}}
	for _, m := range tally.OrderAlternates(elected, slate, nil) {
		fmt.Println(m.Rank, m.Name, m.Votes)
	}
	// Output:
	// 1 李明 45
	// 2 丁强 40
	// 3 王芳 40
}
