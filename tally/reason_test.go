package tally_test

import (
	"encoding/json"
	"reflect"
	"slices"
	"testing"

	"github.com/chae-go/chae/tally"
)

// carries restates, kind by kind, the figures each reason kind documents that it carries.
var carries = map[tally.ReasonKind][]string{
	tally.ReasonQuorumMet:       {"Entitled", "Present", "Share", "Boundary", "Needed"},
	tally.ReasonNoQuorum:        {"Entitled", "Present", "Share", "Boundary", "Needed"},
	tally.ReasonQuorumWaived:    {"Entitled", "Present", "Share", "Boundary", "Needed", "Rounds"},
	tally.ReasonTurnoutMet:      {"Entitled", "Present", "Share", "Boundary", "Needed"},
	tally.ReasonTurnoutShort:    {"Entitled", "Present", "Share", "Boundary", "Needed"},
	tally.ReasonTurnoutWaived:   {"Entitled", "Present", "Share", "Boundary", "Needed", "Rounds"},
	tally.ReasonPollValid:       {"Returned", "Valid", "Invalid", "Spoiled", "Limit", "Base"},
	tally.ReasonPollVoid:        {"Returned", "Valid", "Invalid", "Spoiled", "Limit", "Base"},
	tally.ReasonBar:             {"Share", "Boundary", "Base", "BaseFigure", "Needed"},
	tally.ReasonMostVotes:       {},
	tally.ReasonWriteInSameName: {"Votes"},
	tally.ReasonWriteInsBarred:  {},
	tally.ReasonWriteInsRunoff:  {},
	tally.ReasonTie:             {"Votes", "Seats"},
	tally.ReasonTieByAge:        {"Seats"},
	tally.ReasonSameBirthDate:   {"Seats"},
	tally.ReasonNoBirthDate:     {},
	tally.ReasonLots:            {"Seats"},
	tally.ReasonRunoff:          {"Seats"},
	tally.ReasonElected:         {"VotesOf"},
	tally.ReasonNoneElected:     {},
	tally.ReasonShortfall:       {"Cleared", "Seats", "Missing"},
	tally.ReasonSupplementary:   {"VotesOf", "Seats"},
	tally.ReasonListNoSurplus:   {"Seats"},
	tally.ReasonListTie:         {"VotesOf", "Listed", "Places", "Seats"},
	tally.ReasonRoundsExhausted: {"Rounds", "Missing"},
}

// checkReason fails when a reason carries a figure its kind does not document, or its VotesOf
// does not match its candidates.
func checkReason(t interface{ Fatalf(string, ...any) }, r tally.Reason) {
	allowed, ok := carries[r.Kind]
	if !ok {
		t.Fatalf("reason kind %v undocumented here", r.Kind)
	}
	v := reflect.ValueOf(r.Figures)
	for i := range v.NumField() {
		name := v.Type().Field(i).Name
		if !v.Field(i).IsZero() && !slices.Contains(allowed, name) {
			t.Fatalf("%v carries %s = %v, which it does not document", r.Kind, name, v.Field(i))
		}
	}
	if r.Figures.VotesOf != nil && len(r.Figures.VotesOf) != len(r.Candidates) {
		t.Fatalf("%v: %d votes for %d candidates", r.Kind, len(r.Figures.VotesOf), len(r.Candidates))
	}
}

func TestReasonKinds(t *testing.T) {
	t.Parallel()
	kinds := tally.ReasonKinds()
	if len(kinds) != len(carries) {
		t.Fatalf("%d kinds, %d documented here", len(kinds), len(carries))
	}
	seen := map[string]bool{}
	for _, k := range kinds {
		text, err := k.MarshalText()
		if err != nil || seen[string(text)] {
			t.Fatalf("kind %d: %q, %v", k, text, err)
		}
		seen[string(text)] = true
		var back tally.ReasonKind
		if err := back.UnmarshalText(text); err != nil || back != k {
			t.Errorf("kind %v: %q → %v, %v", k, text, back, err)
		}
	}
	var k tally.ReasonKind
	if err := k.UnmarshalText([]byte("quorum")); err == nil {
		t.Error("an unknown kind was read")
	}
	// The record leaves out the figures that are zero, and reads them back.
	r := tally.Reason{Kind: tally.ReasonShortfall, Figures: tally.Figures{Seats: 3, Missing: 3}, Rule: "docs/rules.md B8"}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"kind":"shortfall","figures":{"seats":3,"missing":3},"rule":"docs/rules.md B8"}`; string(b) != want {
		t.Errorf("%s, want %s", b, want)
	}
	var back tally.Reason
	if err := json.Unmarshal(b, &back); err != nil || !reflect.DeepEqual(back, r) {
		t.Errorf("read back %+v, %v", back, err)
	}
}
