package tally_test

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/chae-go/chae/quota"
	"github.com/chae-go/chae/tally"
)

func TestPresets(t *testing.T) {
	t.Parallel()
	majority := quota.Majority()
	tests := []struct {
		name   string
		rules  tally.Rules
		quorum quota.Threshold
		base   tally.Base
		void   tally.Base
		tie    tally.TieRule
		writes bool
		rows   []string // docs/rules.md rows the source must cite
	}{
		{"CPC grassroots committee", tally.CPCGrassrootsCommittee(), quota.Threshold{Share: quota.Ratio(4, 5)}, tally.OfPresent, tally.OfIssued, tally.TieRunoff, true, []string{"B2", "B5", "B6", "B7", "B8", "unverified"}},
		{"CPC grassroots delegates", tally.CPCGrassrootsDelegates(), quota.Threshold{Share: quota.Ratio(4, 5)}, tally.OfPresent, tally.OfIssued, tally.TieRunoff, true, []string{"B1", "B6"}},
		{"CPC local delegates", tally.CPCLocalDelegates(), majority, tally.OfEntitled, tally.OfIssued, tally.TieRunoff, true, []string{"C3", "C4", "C6", "unverified"}},
		{"CPC local committee", tally.CPCLocalCommittee(), majority, tally.OfEntitled, tally.OfIssued, tally.TieRunoff, true, []string{"C4", "C6"}},
		{"National Congress delegates", tally.NationalCongressDelegates(), majority, tally.OfEntitled, tally.OfIssued, tally.TieRunoff, true, []string{"D1", "C4"}},
		{"Central Committee preliminary", tally.CentralCommitteePreliminary(), majority, tally.OfEntitled, tally.OfIssued, tally.TieRunoff, true, []string{"D3", "D5", "unverified"}},
		{"Electoral Law direct", tally.ElectoralLawDirect(), majority, tally.OfPresent, tally.OfPresent, tally.TieRunoff, true, []string{"A1", "A3", "A4", "A7", "A8"}},
		{"Electoral Law indirect", tally.ElectoralLawIndirect(), quota.Threshold{}, tally.OfEntitled, tally.OfPresent, tally.TieRunoff, true, []string{"A2", "A5", "A7", "A8"}},
		{"Vietnam National Assembly", tally.VietnamNationalAssembly(), majority, tally.OfValid, tally.OfPresent, tally.TieOlder, false, []string{"E1", "E3", "E4", "unverified"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r := tc.rules
			if err := r.Validate(); err != nil {
				t.Fatal(err)
			}
			if !r.Threshold.Share.Equal(quota.Ratio(1, 2)) || r.Threshold.Boundary != quota.MoreThan {
				t.Errorf("threshold %v, want more than 1/2 (docs/rules.md N1: every threshold is strict)", r.Threshold)
			}
			if !r.Quorum.Share.Equal(tc.quorum.Share) || r.Quorum.Boundary != tc.quorum.Boundary {
				t.Errorf("quorum %v, want %v", r.Quorum, tc.quorum)
			}
			if r.Base != tc.base || r.VoidWhenReturnedExceeds != tc.void || r.Tie != tc.tie || r.WriteIns != tc.writes {
				t.Errorf("base %v void %v tie %v write-ins %v", r.Base, r.VoidWhenReturnedExceeds, r.Tie, r.WriteIns)
			}
			for _, row := range tc.rows {
				if !strings.Contains(r.Source, row) {
					t.Errorf("source %q does not cite %s", r.Source, row)
				}
			}
			b, err := json.Marshal(r)
			if err != nil {
				t.Fatal(err)
			}
			var back tally.Rules
			if err := json.Unmarshal(b, &back); err != nil {
				t.Fatal(err)
			}
			b2, _ := json.Marshal(back)
			if string(b) != string(b2) {
				t.Errorf("JSON round trip:\n%s\n%s", b, b2)
			}
			if back.Difference.MinCandidates(7) != r.Difference.MinCandidates(7) {
				t.Error("difference rule lost in the round trip")
			}
		})
	}
	t.Run("Electoral Law direct: supplementary at least one third of the ballots", func(t *testing.T) {
		b := tally.ElectoralLawDirect().Shortfall.Bar
		if b == nil || !b.Threshold.Passes(30, 90) || b.Threshold.Passes(29, 90) || b.Base != tally.OfReturned {
			t.Errorf("supplementary bar %v", b)
		}
	})
	t.Run("Vietnam: one additional election, quorum waived after one failure", func(t *testing.T) {
		r := tally.VietnamNationalAssembly()
		if r.Shortfall.MaxRounds != 1 || r.QuorumWaivedAfter != 1 {
			t.Errorf("max rounds %d, waived after %d", r.Shortfall.MaxRounds, r.QuorumWaivedAfter)
		}
	})
}

func TestRulesValidate(t *testing.T) {
	t.Parallel()
	r := tally.Rules{Base: 9, Tie: 7, Runoff: &tally.Bar{Base: 8}}
	err := r.Validate()
	if !errors.Is(err, tally.ErrRules) {
		t.Fatalf("error %v", err)
	}
	if n := strings.Count(err.Error(), "\n") + 1; n != 3 {
		t.Errorf("%d problems reported, want 3: %v", n, err)
	}
	over := tally.Rules{Threshold: quota.Threshold{Share: quota.Ratio(3, 2)}}
	if err := over.Validate(); !errors.Is(err, tally.ErrRules) {
		t.Errorf("threshold above 1: %v", err)
	}
	var zero tally.Rules
	if err := zero.Validate(); err != nil {
		t.Errorf("zero rules: %v", err)
	}
}

func TestEnumText(t *testing.T) {
	t.Parallel()
	for b := tally.OfPresent; b <= tally.OfValid; b++ {
		text, err := b.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back tally.Base
		if err := back.UnmarshalText(text); err != nil || back != b {
			t.Errorf("base %v: %q → %v, %v", b, text, back, err)
		}
	}
	var b tally.Base
	if err := b.UnmarshalText([]byte("ballots")); !errors.Is(err, tally.ErrRules) {
		t.Errorf("unknown base: %v", err)
	}
	for tr := tally.TieRunoff; tr <= tally.TieLots; tr++ {
		text, _ := tr.MarshalText()
		var back tally.TieRule
		if err := back.UnmarshalText(text); err != nil || back != tr {
			t.Errorf("tie rule %v: %q → %v, %v", tr, text, back, err)
		}
	}
	bar := tally.Bar{Threshold: quota.Threshold{Share: quota.Ratio(1, 3), Boundary: quota.AtLeast}, Base: tally.OfReturned}
	if got := bar.String(); got != "at least 1/3 of returned" {
		t.Errorf("bar %q", got)
	}
	raw, _ := json.Marshal(bar)
	var back tally.Bar
	if err := json.Unmarshal(raw, &back); err != nil || !reflect.DeepEqual(back.String(), bar.String()) {
		t.Errorf("bar round trip %s → %v, %v", raw, back, err)
	}
}

// The record encodes every field of quota.Difference and quota.Threshold by name; a field added
// there must be added to the record (and to this count), or the digest would not cover it.
func TestRecordCoversQuotaTypes(t *testing.T) {
	t.Parallel()
	if n := reflect.TypeFor[quota.Difference]().NumField(); n != 8 {
		t.Errorf("quota.Difference has %d fields; the record encodes 8", n)
	}
	if n := reflect.TypeFor[quota.Threshold]().NumField(); n != 2 {
		t.Errorf("quota.Threshold has %d fields; the record encodes 2", n)
	}
	if n := reflect.TypeFor[tally.Rules]().NumField(); n != 14 {
		t.Errorf("tally.Rules has %d fields; the record encodes 14", n)
	}
	if n := reflect.TypeFor[tally.Shortfall]().NumField(); n != 5 {
		t.Errorf("tally.Shortfall has %d fields; the record encodes 5", n)
	}
}
