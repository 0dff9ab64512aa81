package tally_test

import (
	"encoding/json"
	"errors"
	"math"
	"os"
	"testing"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/tally"
	"github.com/chae-go/chae/tally/count"
)

// TestOverflowElectsNoOne: counts whose figures add up only in wrapping int arithmetic — c1 with
// For = MaxInt, Against = MaxInt and Abstain = 7 on 5 valid ballots — elect no one: Decide refuses
// them, and a record holding them (testdata/overflow-record.json, whose digest matches its
// content) does not verify.
func TestOverflowElectsNoOne(t *testing.T) {
	t.Parallel()
	s := ballot.Slate{Office: "Branch committee", Seats: 1, Candidates: []ballot.Candidate{{ID: "c1", Name: "Mallory"}, {ID: "c2", Name: "Li Wei"}}}
	e, err := tally.NewElection(s, tally.CPCGrassrootsCommittee())
	if err != nil {
		t.Fatal(err)
	}
	c := count.Counts{Ballots: 5, Valid: 5, WriteIns: []count.WriteInCount{}, Candidates: []count.CandidateCount{
		{ID: "c1", For: math.MaxInt, Against: math.MaxInt, Abstain: 7},
		{ID: "c2", For: 1, Against: 4},
	}}
	turnout := tally.Turnout{Entitled: 5, Present: 5, Issued: 5}
	if d, err := e.Decide(turnout, c); !errors.Is(err, count.ErrCounts) {
		t.Fatalf("Decide: %v (elected %v), want count.ErrCounts", err, d.Elected)
	}
	// Ballots = valid + invalid + spoiled wrapping.
	c = count.Counts{Ballots: 5, Valid: math.MaxInt, Invalid: math.MaxInt, Spoiled: 7,
		Candidates: []count.CandidateCount{{ID: "c1", For: math.MaxInt}, {ID: "c2", Against: math.MaxInt}}}
	if d, err := e.Decide(turnout, c); !errors.Is(err, count.ErrCounts) {
		t.Fatalf("Decide: %v (elected %v), want count.ErrCounts", err, d.Elected)
	}

	data, err := os.ReadFile("testdata/overflow-record.json")
	if err != nil {
		t.Fatal(err)
	}
	var res tally.Result
	if err := json.Unmarshal(data, &res); err != nil {
		t.Fatalf("the crafted record does not decode: %v", err)
	}
	if got := res.ElectedIDs(); len(got) != 1 || got[0] != "c1" {
		t.Fatalf("the crafted record elects %v", got)
	}
	err = res.Verify()
	if !errors.Is(err, tally.ErrRecord) || !errors.Is(err, count.ErrCounts) {
		t.Fatalf("Verify of the crafted record: %v, want ErrRecord and count.ErrCounts", err)
	}
}
