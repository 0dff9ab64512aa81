package count_test

import (
	"slices"
	"testing"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/tally/count"
)

// TestCountsOwnedByCaller: Counts returns a value that shares nothing with the counter, and the
// counter keeps its own copy of the slate it was given.
func TestCountsOwnedByCaller(t *testing.T) {
	t.Parallel()
	s := ballot.Slate{Office: "o", Seats: 2, Candidates: []ballot.Candidate{
		{ID: "c1", Name: "Li Wei"}, {ID: "c2", Name: "Wang Fang"}, {ID: "c3", Name: "Zhang Min"},
	}}
	c, err := count.NewCounter(s)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range []ballot.Ballot{
		{Marks: []ballot.Mark{ballot.For, ballot.Against, ballot.Abstain}},
		{Marks: []ballot.Mark{ballot.For, ballot.For, ballot.Against}, WriteIns: []string{"Zhao Liu"}}, // over-vote
		{Marks: []ballot.Mark{ballot.Abstain, ballot.For, ballot.Against}, WriteIns: []string{"Zhao Liu"}},
	} {
		if err := c.Add(b); err != nil {
			t.Fatal(err)
		}
	}
	s.Candidates[0].ID = "changed" // the caller's slate, changed after NewCounter
	first := c.Counts()
	keep, keepW := slices.Clone(first.Candidates), slices.Clone(first.WriteIns)
	first.Candidates[0].For = 99
	first.Candidates[1].ID = "x"
	first.WriteIns[0].Votes = 99
	again := c.Counts()
	if !slices.Equal(again.Candidates, keep) || !slices.Equal(again.WriteIns, keepW) {
		t.Fatalf("changing a returned Counts changed the counter: %+v, want %+v %+v", again, keep, keepW)
	}
	if again.Candidates[0].ID != "c1" {
		t.Fatalf("the counter shares the caller's slate: candidate 1 is %q", again.Candidates[0].ID)
	}
}
