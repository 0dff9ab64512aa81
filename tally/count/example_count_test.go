package count_test

import (
	"fmt"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/quota"
	"github.com/chae-go/chae/tally/count"
)

// Count a branch election: two seats, three candidates, five members present.
func ExampleCount() {
	slate := ballot.Slate{Office: "Branch committee", Seats: 2, Candidates: []ballot.Candidate{
		{ID: "c1", Name: "Li Wei"}, {ID: "c2", Name: "Wang Fang"}, {ID: "c3", Name: "Zhang Min"},
	}}
	F, A, X := ballot.For, ballot.Against, ballot.Abstain
	ballots := []ballot.Ballot{
		{Marks: []ballot.Mark{F, F, A}},
		{Marks: []ballot.Mark{F, A, F}},
		{Marks: []ballot.Mark{F, F, X}},
		{Marks: []ballot.Mark{F, F, F}},                                // over-vote: invalid
		{Marks: []ballot.Mark{X, F, A}, WriteIns: []string{"Sun　Yue"}}, // write-in, normalised
	}
	counts, err := count.Count(slate, ballots)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("ballots %d: valid %d, invalid %d, spoiled %d\n", counts.Ballots, counts.Valid, counts.Invalid, counts.Spoiled)
	needed := quota.Majority().Needed(5) // more than half of the 5 present
	for _, c := range counts.Candidates {
		fmt.Printf("%s for %d against %d abstain %d, passes: %t\n", c.ID, c.For, c.Against, c.Abstain, c.For >= needed)
	}
	for _, w := range counts.WriteIns {
		fmt.Printf("write-in %q: %d\n", w.Name, w.Votes)
	}
	// Output:
	// ballots 5: valid 4, invalid 1, spoiled 0
	// c1 for 3 against 0 abstain 1, passes: true
	// c2 for 3 against 1 abstain 0, passes: true
	// c3 for 1 against 2 abstain 1, passes: false
	// write-in "Sun Yue": 1
}

// Ballot boxes are counted separately and merged.
func ExampleCounter_Merge() {
	slate := ballot.Slate{Office: "Committee", Seats: 1, Candidates: []ballot.Candidate{{ID: "a", Name: "A"}, {ID: "b", Name: "B"}}}
	box1, _ := count.NewCounter(slate)
	box2, _ := count.NewCounter(slate)
	_ = box1.Add(ballot.Ballot{Marks: []ballot.Mark{ballot.For, ballot.Against}})
	_ = box2.Add(ballot.Ballot{Marks: []ballot.Mark{ballot.Against, ballot.For}})
	_ = box2.Add(ballot.Ballot{Spoiled: true})
	if err := box1.Merge(box2); err != nil {
		fmt.Println(err)
		return
	}
	c := box1.Counts()
	fmt.Println(c.Ballots, c.Valid, c.Spoiled, c.Candidates[0].For, c.Candidates[1].For)
	// Output: 3 2 1 1 1
}
