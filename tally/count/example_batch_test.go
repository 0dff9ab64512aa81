package count_test

import (
	"fmt"
	"io"
	"strings"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/tally/count"
)

// A Batch holds ballots compactly for bulk counting; AddBatchParallel counts it on several
// goroutines with the same result as Add, ballot by ballot.
func ExampleBatch() {
	slate := ballot.Slate{Office: "Branch committee", Seats: 2, Candidates: []ballot.Candidate{
		{ID: "c1", Name: "Li Wei"}, {ID: "c2", Name: "Wang Fang"}, {ID: "c3", Name: "Zhang Min"},
	}}
	F, A, X := ballot.For, ballot.Against, ballot.Abstain
	batch, err := count.NewBatch(len(slate.Candidates), 4)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, b := range []ballot.Ballot{
		{Marks: []ballot.Mark{F, F, A}},
		{Marks: []ballot.Mark{F, A, X}, WriteIns: []string{"Sun Yue"}},
		{Marks: []ballot.Mark{F, F, F}}, // over-vote
		{Marks: []ballot.Mark{X, X, X}, Spoiled: true},
	} {
		if err := batch.Append(b); err != nil {
			fmt.Println(err)
			return
		}
	}
	fmt.Println(batch.Append(ballot.Ballot{Marks: []ballot.Mark{F, F}}))

	c, _ := count.NewCounter(slate)
	if err := c.AddBatchParallel(batch, 0); err != nil {
		fmt.Println(err)
		return
	}
	counts := c.Counts()
	fmt.Printf("ballots %d: valid %d, invalid %d, spoiled %d\n", counts.Ballots, counts.Valid, counts.Invalid, counts.Spoiled)
	for _, cc := range counts.Candidates {
		fmt.Printf("%s for %d against %d abstain %d\n", cc.ID, cc.For, cc.Against, cc.Abstain)
	}
	// Output:
	// ballot: ballot 5: wrong number of marks (2 marks for 3 candidates)
	// ballots 4: valid 2, invalid 1, spoiled 1
	// c1 for 2 against 0 abstain 0
	// c2 for 1 against 1 abstain 0
	// c3 for 0 against 1 abstain 1
}

// A ballot file read in batches of a fixed size is counted in memory that does not grow with the
// file.
func ExampleBatch_ReadFrom() {
	slate := ballot.Slate{Office: "Branch committee", Seats: 2, Candidates: []ballot.Candidate{
		{ID: "c1", Name: "Li Wei"}, {ID: "c2", Name: "Wang Fang"}, {ID: "c3", Name: "Zhang Min"},
	}}
	file := "c1,c2,c3,write-in,spoiled\n○,○,×,,\n○,×,,Sun Yue,\n○,○,○,,\n,,,,1\nF,-,A,,\n"
	r := ballot.NewReader(strings.NewReader(file))
	r.Candidates = slate.IDs()
	batch, _ := count.NewBatch(len(slate.Candidates), 2)
	c, _ := count.NewCounter(slate)
	for {
		batch.Reset()
		_, err := batch.ReadFrom(r, 2)
		if err := c.AddBatch(batch); err != nil {
			fmt.Println(err)
			return
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Println(err)
			return
		}
	}
	counts := c.Counts()
	fmt.Printf("ballots %d: valid %d, invalid %d, spoiled %d; c1 for %d\n",
		counts.Ballots, counts.Valid, counts.Invalid, counts.Spoiled, counts.Candidates[0].For)
	// Output:
	// ballots 5: valid 3, invalid 1, spoiled 1; c1 for 3
}
