package tally_test

import (
	"errors"
	"reflect"
	"slices"
	"testing"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/quota"
	"github.com/chae-go/chae/tally"
	"github.com/chae-go/chae/tally/count"
)

// The Electoral Law's supplementary list (docs/rules.md A7): 3 seats, c1 and c2 elected, one seat
// left; the list is the best placed not elected by their first-round votes, and for one seat it
// has exactly two candidates.

// directSlate is a slate of c1–c5 for 3 seats (5 candidates: within one third to one times more).
func directSlate() ballot.Slate {
	s := ballot.Slate{Office: "constituency 7", Seats: 3}
	for _, id := range []string{"c1", "c2", "c3", "c4", "c5"} {
		s.Candidates = append(s.Candidates, ballot.Candidate{ID: id, Name: id})
	}
	return s
}

// directFirstRound decides the first round with c1 and c2 elected and the others' votes as given,
// on 2,000 voters of 2,400 (more than half of the 2,000 who voted is 1,001).
func directFirstRound(t *testing.T, c3, c4, c5 int) (*tally.Election, tally.Decision) {
	t.Helper()
	e, err := tally.NewElection(directSlate(), tally.ElectoralLawDirect())
	if err != nil {
		t.Fatal(err)
	}
	turnout := tally.Turnout{Entitled: 2400, Present: 2000, Issued: 2000}
	d, err := e.Decide(turnout, countsOf(e.Next().Slate, 2000, 0, 0, []int{1500, 1400, c3, c4, c5}))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(d.Elected, []string{"c1", "c2"}) || d.Missing != 1 {
		t.Fatalf("elected %v, missing %d", d.Elected, d.Missing)
	}
	return e, d
}

func TestElectoralLawListOfTwo(t *testing.T) {
	t.Parallel()
	e, d := directFirstRound(t, 700, 600, 500)
	next := e.Next()
	if next.Kind != tally.Supplementary || next.Slate.Seats != 1 || !slices.Equal(next.Slate.IDs(), []string{"c3", "c4"}) {
		t.Fatalf("next %v round for %d among %v, want supplementary for 1 among [c3 c4]", next.Kind, next.Slate.Seats, next.Slate.IDs())
	}
	want := tally.Reason{Kind: tally.ReasonSupplementary, Candidates: []string{"c3", "c4"},
		Figures: tally.Figures{VotesOf: []int{700, 600}, Seats: 1}, Rule: "docs/rules.md A7"}
	if got := d.Reasons[len(d.Reasons)-1]; !reflect.DeepEqual(got, want) {
		t.Errorf("last reason %+v, want %+v", got, want)
	}
}

func TestElectoralLawListTie(t *testing.T) {
	t.Parallel()
	e, d := directFirstRound(t, 680, 600, 600)
	// The list tie is data: c3 is on the list, c4 and c5 tie with 600 votes for its last place.
	want := tally.Reason{Kind: tally.ReasonListTie, Candidates: []string{"c3", "c4", "c5"},
		Figures: tally.Figures{VotesOf: []int{680, 600, 600}, Listed: 1, Places: 1, Seats: 1}, Rule: "docs/rules.md A7"}
	if got := d.Reasons[len(d.Reasons)-1]; !reflect.DeepEqual(got, want) {
		t.Fatalf("last reason %+v, want %+v", got, want)
	}
	// The election does not take everyone tied: the round has no list until the organisers give one.
	next := e.Next()
	if next.Kind != tally.Supplementary || next.Slate.Seats != 1 || len(next.Slate.Candidates) != 0 {
		t.Fatalf("next %v round for %d among %v, want a supplementary round with no list yet", next.Kind, next.Slate.Seats, next.Slate.IDs())
	}
	turnout := tally.Turnout{Entitled: 2400, Present: 2000, Issued: 2000}
	_, err := e.Decide(turnout, countsOf(slateOfIDs(1, "c3", "c4", "c5"), 2000, 0, 0, []int{700, 600, 500}))
	var lt *tally.ListTieError
	if !errors.As(err, &lt) || !errors.Is(err, tally.ErrListNeeded) {
		t.Fatalf("deciding before the list is given: %v, want a *ListTieError", err)
	}
	if lt.Round != 2 || lt.Seats != 1 || !slices.Equal(lt.Listed, []string{"c3"}) || !slices.Equal(lt.Tied, []string{"c4", "c5"}) || lt.Places != 1 || lt.Votes != 600 {
		t.Errorf("list tie %+v", lt)
	}
	// Three candidates, or one, break the list rule; two are taken.
	for _, bad := range [][]string{{"c3", "c4", "c5"}, {"c3"}} {
		err := e.Nominate(slateOfIDs(1, bad...))
		var le *tally.ListError
		if !errors.As(err, &le) || !errors.Is(err, tally.ErrTwoForOne) {
			t.Errorf("list %v: %v, want a *ListError wrapping ErrTwoForOne", bad, err)
		}
	}
	if err := e.Nominate(slateOfIDs(1, "c3", "c5")); err != nil {
		t.Fatal(err)
	}
	d2, err := e.Decide(turnout, countsOf(e.Next().Slate, 2000, 0, 0, []int{700, 800}))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(d2.Elected, []string{"c5"}) || !e.Done() {
		t.Fatalf("elected %v, done %v", d2.Elected, e.Done())
	}
	if err := e.Result().Verify(); err != nil {
		t.Fatalf("the record does not verify: %v", err)
	}
}

// Two seats open: the list of three (a third to one times more) ties at its cut-off, and taking
// both tied would still keep within the maximum of four; the Electoral Law presets report the tie
// all the same, for the organisers.
func TestElectoralLawListTieWithinMaximum(t *testing.T) {
	t.Parallel()
	e, err := tally.NewElection(directSlate(), tally.ElectoralLawDirect())
	if err != nil {
		t.Fatal(err)
	}
	turnout := tally.Turnout{Entitled: 2400, Present: 2000, Issued: 2000}
	d, err := e.Decide(turnout, countsOf(e.Next().Slate, 2000, 0, 0, []int{1500, 700, 650, 600, 600}))
	if err != nil {
		t.Fatal(err)
	}
	want := tally.Reason{Kind: tally.ReasonListTie, Candidates: []string{"c2", "c3", "c4", "c5"},
		Figures: tally.Figures{VotesOf: []int{700, 650, 600, 600}, Listed: 2, Places: 1, Seats: 2}, Rule: "docs/rules.md A7"}
	if got := d.Reasons[len(d.Reasons)-1]; !reflect.DeepEqual(got, want) {
		t.Fatalf("last reason %+v, want %+v", got, want)
	}
	if err := e.Nominate(slateOfIDs(2, "c2", "c3", "c4", "c5")); err != nil {
		t.Fatalf("the organisers' list of four for two seats: %v", err)
	}
	if err := e.Nominate(slateOfIDs(2, "c2", "c3", "c4", "c5", "n1")); !errors.Is(err, quota.ErrTooManyCandidates) {
		t.Fatalf("a list of five for two seats: %v", err)
	}
}

// slateOfIDs is a slate of the given candidates for seats seats.
func slateOfIDs(seats int, ids ...string) ballot.Slate {
	s := ballot.Slate{Office: "constituency 7", Seats: seats}
	for _, id := range ids {
		s.Candidates = append(s.Candidates, ballot.Candidate{ID: id, Name: id})
	}
	return s
}

func TestNominateRefuses(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		rules tally.Rules
		slate ballot.Slate
		err   error
	}{
		{"one candidate for one seat under the Electoral Law", tally.ElectoralLawDirect(), slateOfIDs(1, "c4"), tally.ErrTwoForOne},
		{"three candidates for one seat under the Electoral Law", tally.ElectoralLawDirect(), slateOfIDs(1, "c3", "c4", "n1"), tally.ErrTwoForOne},
		{"the wrong number of seats", tally.ElectoralLawDirect(), slateOfIDs(2, "c3", "c4", "c5"), tally.ErrListSeats},
		{"a member already elected", tally.ElectoralLawDirect(), slateOfIDs(1, "c1", "c4"), ballot.ErrDuplicateID},
		{"the CPC difference rule: 20% more", tally.CPCGrassrootsCommittee(), slateOfIDs(1, "c4"), quota.ErrTooFewCandidates},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			e, err := tally.NewElection(directSlate(), tc.rules)
			if err != nil {
				t.Fatal(err)
			}
			turnout := tally.Turnout{Entitled: 2400, Present: 2000, Issued: 2000}
			if _, err := e.Decide(turnout, countsOf(e.Next().Slate, 2000, 0, 0, []int{1500, 1400, 700, 600, 500})); err != nil {
				t.Fatal(err)
			}
			before := e.Next()
			err = e.Nominate(tc.slate)
			if !errors.Is(err, tc.err) {
				t.Fatalf("error %v, want %v", err, tc.err)
			}
			if after := e.Next(); !reflect.DeepEqual(after, before) {
				t.Errorf("a refused list changed the round: %v", after.Slate.IDs())
			}
		})
	}
	t.Run("the CPC rules take a list of two for one seat", func(t *testing.T) {
		e, _ := tally.NewElection(directSlate(), tally.CPCGrassrootsCommittee())
		turnout := tally.Turnout{Entitled: 2400, Present: 2000, Issued: 2000}
		if _, err := e.Decide(turnout, countsOf(e.Next().Slate, 2000, 0, 0, []int{1500, 1400, 700, 600, 500})); err != nil {
			t.Fatal(err)
		}
		if err := e.Nominate(slateOfIDs(1, "c5", "n1")); err != nil {
			t.Fatal(err)
		}
	})
}

// Under the CPC rules a tie at the list's cut-off takes in everyone tied (docs/rules.md B8 sets
// no list rule, and the CPC difference rules no maximum).
func TestCPCListTakesTheTied(t *testing.T) {
	t.Parallel()
	e, err := tally.NewElection(directSlate(), tally.CPCGrassrootsCommittee())
	if err != nil {
		t.Fatal(err)
	}
	turnout := tally.Turnout{Entitled: 2400, Present: 2000, Issued: 2000}
	d, err := e.Decide(turnout, countsOf(e.Next().Slate, 2000, 0, 0, []int{1500, 1400, 680, 600, 600}))
	if err != nil {
		t.Fatal(err)
	}
	if next := e.Next(); !slices.Equal(next.Slate.IDs(), []string{"c3", "c4", "c5"}) {
		t.Fatalf("list %v, want [c3 c4 c5]", next.Slate.IDs())
	}
	if last := d.Reasons[len(d.Reasons)-1]; last.Kind != tally.ReasonSupplementary {
		t.Errorf("last reason %v", last.Kind)
	}
}

// A round without quorum did not take place: it needs no counts.
func TestNoQuorumNeedsNoCounts(t *testing.T) {
	t.Parallel()
	for _, rules := range []tally.Rules{tally.CPCGrassrootsCommittee(), tally.ElectoralLawDirect()} {
		e, err := tally.NewElection(directSlate(), rules)
		if err != nil {
			t.Fatal(err)
		}
		d, err := e.Decide(tally.Turnout{Entitled: 2400, Present: 1000}, count.Counts{})
		if err != nil {
			t.Fatalf("%s: %v", rules.Name, err)
		}
		if d.Outcome != tally.NoQuorum || len(d.Reasons) != 1 || e.Next().Number != 2 || e.Next().Kind != tally.Regular {
			t.Fatalf("%s: outcome %v, reasons %+v, next %+v", rules.Name, d.Outcome, d.Reasons, e.Next())
		}
		if err := e.Result().Verify(); err != nil {
			t.Fatalf("%s: %v", rules.Name, err)
		}
		// With quorum, the zero Counts is refused: the round took place and must be counted.
		if _, err := e.Decide(tally.Turnout{Entitled: 2400, Present: 2000}, count.Counts{}); !errors.Is(err, count.ErrSlateMismatch) {
			t.Fatalf("%s: zero counts of a round that took place: %v", rules.Name, err)
		}
	}
}
