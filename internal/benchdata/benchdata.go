// Package benchdata builds the inputs that the benchmarks of several packages share. Only tests
// import it.
package benchdata

import (
	"fmt"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/tally"
	"github.com/chae-go/chae/tally/count"
)

// WriteInElection returns a committee election of 2 seats among 3 candidates (the CPC
// grassroots committee preset, names written in allowed), not yet decided, with the turnout and
// the counts of a round of n valid ballots and n names written in: 1 or 2 votes each, none
// clearing the bar.
func WriteInElection(n int) (*tally.Election, tally.Turnout, count.Counts, error) {
	s := ballot.Slate{Office: "Branch committee", Seats: 2, Candidates: []ballot.Candidate{
		{ID: "c1", Name: "Li Wei"}, {ID: "c2", Name: "Wang Fang"}, {ID: "c3", Name: "Zhang Min"}}}
	r := tally.CPCGrassrootsCommittee()
	r.WriteIns = true
	e, err := tally.NewElection(s, r)
	if err != nil {
		return nil, tally.Turnout{}, count.Counts{}, err
	}
	c := count.Counts{Ballots: n, Valid: n, Candidates: []count.CandidateCount{
		{ID: "c1", For: n / 2, Against: n - n/2}, {ID: "c2", Against: n}, {ID: "c3", Abstain: n}}}
	for i := range n {
		c.WriteIns = append(c.WriteIns, count.WriteInCount{Name: fmt.Sprintf("Person %07d", i), Votes: 1 + i%2})
	}
	count.SortWriteIns(c.WriteIns)
	return e, tally.Turnout{Entitled: n, Present: n, Issued: n}, c, nil
}
