package tally_test

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"testing"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/quota"
	"github.com/chae-go/chae/tally"
	"github.com/chae-go/chae/tally/count"
)

func TestPreliminaryFormalSlate(t *testing.T) {
	t.Parallel()
	// C2, C5: a preliminary vote places 4 of 6 on the formal list for 3 seats.
	s := slateOf(3, 6)
	e, err := tally.NewPreliminary(s, tally.CPCLocalCommittee(), 4)
	if err != nil {
		t.Fatal(err)
	}
	if r := e.Next(); r.Slate.Seats != 4 {
		t.Fatalf("preliminary ballot for %d places, want 4", r.Slate.Seats)
	}
	if _, err := e.Result().FormalSlate(); !errors.Is(err, tally.ErrNotDone) {
		t.Fatalf("formal slate before the end: %v", err)
	}
	turnout := tally.Turnout{Entitled: 100, Present: 90, Issued: 90}
	d, err := e.Decide(turnout, countsOf(e.Next().Slate, 90, 0, 0, []int{52, 80, 20, 70, 60, 10}))
	if err != nil {
		t.Fatal(err)
	}
	placed := tally.Reason{Kind: tally.ReasonElected, Candidates: []string{"B", "D", "E", "A"},
		Figures: tally.Figures{VotesOf: []int{80, 70, 60, 52}}, Rule: "docs/rules.md C4"}
	if !slices.Equal(d.Elected, []string{"B", "D", "E", "A"}) || !reflect.DeepEqual(d.Reasons[len(d.Reasons)-1], placed) {
		t.Fatalf("placed %q: %+v", d.Elected, d.Reasons)
	}
	formal, err := e.Result().FormalSlate()
	if err != nil {
		t.Fatal(err)
	}
	if formal.Seats != 3 || !slices.Equal(formal.IDs(), []string{"B", "D", "E", "A"}) {
		t.Fatalf("formal slate %d seats %q", formal.Seats, formal.IDs())
	}
	// The formal election under the local committee rule (10%: 3 seats need 4).
	if _, err := tally.NewElection(formal, tally.CPCLocalCommittee()); err != nil {
		t.Fatal(err)
	}
	if _, err := tally.NewPreliminary(s, tally.CPCLocalCommittee(), 2); !errors.Is(err, quota.ErrTooFewCandidates) {
		t.Fatalf("a list shorter than the seats: %v", err)
	}
}

func TestNominate(t *testing.T) {
	t.Parallel()
	e, err := tally.NewElection(slateOf(2, 3), tally.CPCGrassrootsCommittee())
	if err != nil {
		t.Fatal(err)
	}
	fresh := ballot.Slate{Office: "committee", Seats: 1, Candidates: []ballot.Candidate{{ID: "X", Name: "X"}, {ID: "Y", Name: "Y"}}}
	if err := e.Nominate(fresh); !errors.Is(err, tally.ErrNoShortfall) {
		t.Fatalf("nominating before a shortfall: %v", err)
	}
	turnout := tally.Turnout{Entitled: 10, Present: 10, Issued: 10}
	if _, err := e.Decide(turnout, countsOf(e.Next().Slate, 10, 0, 0, []int{8, 2, 3})); err != nil {
		t.Fatal(err)
	}
	withElected := fresh.Clone()
	withElected.Candidates[0].ID = "A"
	if err := e.Nominate(withElected); !errors.Is(err, ballot.ErrDuplicateID) {
		t.Fatalf("nominating an elected member: %v", err)
	}
	if err := e.Nominate(fresh); err != nil {
		t.Fatal(err)
	}
	if r := e.Next(); r.Kind != tally.Supplementary || !slices.Equal(r.Slate.IDs(), []string{"X", "Y"}) {
		t.Fatalf("next %v %q", r.Kind, r.Slate.IDs())
	}
	d, err := e.Decide(turnout, countsOf(e.Next().Slate, 10, 0, 0, []int{3, 7}))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(d.Elected, []string{"Y"}) || !e.Done() {
		t.Fatalf("elected %q, done %v", d.Elected, e.Done())
	}
}

// A CPC local organisation holds a preliminary vote (差额预选) to make the formal list of four
// candidates for three committee seats.
func ExampleNewPreliminary() {
	slate := ballot.Slate{Office: "Standing committee", Seats: 3}
	for i, n := range []string{"Li Wei", "Wang Fang", "Zhang Min", "Liu Yang", "Chen Jing", "Yang Fan"} {
		slate.Candidates = append(slate.Candidates, ballot.Candidate{ID: fmt.Sprint(i + 1), Name: n})
	}
	e, err := tally.NewPreliminary(slate, tally.CPCLocalCommittee(), 4)
	if err != nil {
		fmt.Println(err)
		return
	}
	round := e.Next()
	// 90 of the 100 delegates vote; each marks at most four names For.
	counts := count.Counts{Ballots: 90, Valid: 90, WriteIns: []count.WriteInCount{}}
	for i, f := range []int{52, 80, 20, 70, 60, 10} {
		counts.Candidates = append(counts.Candidates, count.CandidateCount{ID: round.Slate.Candidates[i].ID, For: f, Against: 90 - f})
	}
	if _, err := e.Decide(tally.Turnout{Entitled: 100, Present: 90, Issued: 90}, counts); err != nil {
		fmt.Println(err)
		return
	}
	formal, err := e.Result().FormalSlate()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s: %d seats\n", formal.Office, formal.Seats)
	for _, c := range formal.Candidates {
		fmt.Println(c.ID, c.Name)
	}
	// Output:
	// Standing committee: 3 seats
	// 2 Wang Fang
	// 4 Liu Yang
	// 5 Chen Jing
	// 1 Li Wei
}
