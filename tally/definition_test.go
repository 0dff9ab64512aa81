package tally_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/quota"
	"github.com/chae-go/chae/tally"
)

const goodDefinition = `{
  "office": "Branch committee",
  "seats": 2,
  "candidates": [
    {"id": "c1", "name": "Li Wei", "attrs": {"gender": "female"}},
    {"id": "c2", "name": "Wang Fang"},
    {"id": "c3", "name": "Zhang Min"}
  ],
  "rules": "cpc-grassroots-committee",
  "turnout": [{"entitled": 50, "present": 46, "issued": 46}]
}`

const spelledRules = `{
    "name": "Our rules", "source": "our meeting",
    "difference": {"min_share": "20%", "min_boundary": "at-least"},
    "quorum": {"share": "4/5", "boundary": "more-than"},
    "threshold": {"share": "1/2", "boundary": "more-than"},
    "base": "present", "void_when_returned_exceeds": "issued", "tie": "runoff",
    "runoff": null,
    "shortfall": {"bar": {"threshold": {"share": "1/3", "boundary": "at-least"}, "base": "returned"}, "max_rounds": 1},
    "write_ins": true
  }`

func TestReadDefinition(t *testing.T) {
	t.Parallel()
	def, err := tally.ReadDefinition(strings.NewReader(goodDefinition))
	if err != nil {
		t.Fatal(err)
	}
	if def.Preset != "cpc-grassroots-committee" || def.Rules.Name != tally.CPCGrassrootsCommittee().Name ||
		def.Slate.Seats != 2 || len(def.Slate.Candidates) != 3 || def.Slate.Candidates[0].Attrs["gender"] != "female" ||
		len(def.Turnout) != 1 || def.Turnout[0].Present != 46 {
		t.Errorf("decoded %+v", def)
	}
	spelled := strings.Replace(goodDefinition, `"cpc-grassroots-committee"`, spelledRules, 1)
	def, err = tally.ReadDefinition(strings.NewReader(spelled))
	if err != nil {
		t.Fatal(err)
	}
	r := def.Rules
	if def.Preset != "" || !r.Quorum.Share.Equal(quota.Ratio(4, 5)) || !r.Difference.MinShare.Equal(quota.Percent(20)) ||
		r.Shortfall.Bar == nil || r.Shortfall.Bar.Threshold.Boundary != quota.AtLeast || r.Shortfall.Bar.Base != tally.OfReturned ||
		r.VoidWhenReturnedExceeds != tally.OfIssued || !r.WriteIns || r.Shortfall.MaxRounds != 1 {
		t.Errorf("decoded rules %+v", r)
	}
}

func TestReadDefinitionBadInput(t *testing.T) {
	t.Parallel()
	repl := func(old, new string) string { return strings.Replace(goodDefinition, old, new, 1) }
	spelled := func(old, new string) string {
		return strings.Replace(goodDefinition, `"cpc-grassroots-committee"`, strings.Replace(spelledRules, old, new, 1), 1)
	}
	tests := []struct {
		name      string
		in        string
		path      string
		line, col int
		err       error
	}{
		{"empty file", "", "", 1, 1, tally.ErrDefinitionSyntax},
		{"malformed JSON", repl(`"seats": 2,`, `"seats": 2`), "", 4, 3, tally.ErrDefinitionSyntax},
		{"not an object", "[1]", "$", 1, 1, tally.ErrFieldValue},
		{"unknown top-level field", repl(`"seats": 2`, `"seats": 2, "chairman": "x"`), "$.chairman", 3, 15, tally.ErrUnknownField},
		{"unknown candidate field", repl(`"name": "Wang Fang"`, `"name": "Wang Fang", "age": 50`), "$.candidates[1].age", 6, 39, tally.ErrUnknownField},
		{"repeated field", repl(`"seats": 2`, `"seats": 2, "seats": 3`), "$.seats", 3, 15, tally.ErrUnknownField},
		{"seats as a string", repl(`"seats": 2`, `"seats": "2"`), "$.seats", 3, 12, tally.ErrFieldValue},
		{"fractional seats", repl(`"seats": 2`, `"seats": 2.5`), "$.seats", 3, 12, tally.ErrFieldValue},
		{"missing rules", repl(`"rules": "cpc-grassroots-committee",`, ``), "$.rules", 0, 0, tally.ErrMissingField},
		{"unknown preset", repl(`cpc-grassroots-committee`, `cpc-grassroots`), "$.rules", 9, 12, tally.ErrUnknownPreset},
		{"fraction 1/0", spelled(`"1/2"`, `"1/0"`), "$.rules.threshold.share", 13, 28, quota.ErrZeroDenominator},
		{"negative fraction", spelled(`"20%"`, `"-20%"`), "$.rules.difference.min_share", 11, 33, quota.ErrFractionNegative},
		{"unknown base", spelled(`"base": "present"`, `"base": "everyone"`), "$.rules.base", 14, 13, tally.ErrRules},
		{"unknown boundary", spelled(`"at-least"`, `"atleast"`), "$.rules.difference.min_boundary", 11, 56, quota.ErrFractionSyntax},
		{"unknown rules field", spelled(`"write_ins": true`, `"write_ins": true, "lots": 1`), "$.rules.lots", 17, 24, tally.ErrUnknownField},
		{"negative turnout", repl(`"present": 46`, `"present": -1`), "$.turnout[0].present", 10, 43, tally.ErrTurnout},
		{"more present than entitled", repl(`"present": 46`, `"present": 51`), "$.turnout[0].present", 10, 43, tally.ErrTurnout},
		{"duplicate candidate ID", repl(`"id": "c3"`, `"id": "c2"`), "$.candidates[2].id", 7, 12, ballot.ErrDuplicateID},
		{"empty candidate name", repl(`"name": "Zhang Min"`, `"name": " "`), "$.candidates[2].name", 7, 26, ballot.ErrEmptyName},
		{"zero seats", repl(`"seats": 2`, `"seats": 0`), "$.seats", 3, 12, ballot.ErrSeats},
		{"too few candidates for the rule", repl(`"seats": 2`, `"seats": 3`), "$.candidates", 4, 17, quota.ErrTooFewCandidates},
		{"trailing data", goodDefinition + "{}", "", 11, 2, tally.ErrDefinitionSyntax},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := tally.ReadDefinition(strings.NewReader(tc.in))
			if !errors.Is(err, tc.err) {
				t.Fatalf("error %v, want %v", err, tc.err)
			}
			var de *tally.DefinitionError
			if !errors.As(err, &de) {
				t.Fatalf("%T %v is not a *DefinitionError", err, err)
			}
			if de.Path != tc.path || de.Line != tc.line || de.Column != tc.col {
				t.Errorf("at %s line %d column %d, want %s line %d column %d (%v)", de.Path, de.Line, de.Column, tc.path, tc.line, tc.col, err)
			}
		})
	}
}

func FuzzReadDefinition(f *testing.F) {
	f.Add([]byte(goodDefinition))
	f.Add([]byte(strings.Replace(goodDefinition, `"cpc-grassroots-committee"`, spelledRules, 1)))
	f.Fuzz(func(t *testing.T, data []byte) {
		def, err := tally.ReadDefinition(bytes.NewReader(data))
		if err != nil {
			return
		}
		enc, err := def.MarshalJSON()
		if err != nil {
			t.Fatalf("decoded but not encodable: %v", err)
		}
		again, err := tally.ReadDefinition(bytes.NewReader(enc))
		if err != nil {
			t.Fatalf("re-encoded definition unreadable: %v\n%s", err, enc)
		}
		enc2, err := again.MarshalJSON()
		if err != nil || !bytes.Equal(enc, enc2) {
			t.Fatalf("round trip changed the definition:\n%s\n%s", enc, enc2)
		}
	})
}

func ExampleReadDefinition() {
	def, err := tally.ReadDefinition(strings.NewReader(goodDefinition))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(def.Slate.Office, def.Slate.Seats, def.Slate.IDs(), def.Rules.Name, def.Turnout[0].Present)
	_, err = tally.ReadDefinition(strings.NewReader(strings.Replace(goodDefinition, `"seats": 2`, `"seats": 2, "seat": 3`, 1)))
	fmt.Println(err)
	// Output:
	// Branch committee 2 [c1 c2 c3] CPC grassroots committee 46
	// tally: definition: line 3, column 15: $.seat: unknown field: unknown field "seat"
}

// TestDefinitionSpellsOutEveryPreset: every preset, written out field by field, reads back as the
// same rules. It fails if the rules gain a field the definition file cannot express.
func TestDefinitionSpellsOutEveryPreset(t *testing.T) {
	t.Parallel()
	slate := ballot.Slate{Office: "Committee", Seats: 4}
	for i := range 6 {
		id := fmt.Sprintf("c%d", i+1)
		slate.Candidates = append(slate.Candidates, ballot.Candidate{ID: id, Name: "Name " + id, Attrs: map[string]string{"born": fmt.Sprintf("19%d0-01-01", i+5)}})
	}
	for _, name := range tally.PresetNames() {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			rules, err := tally.Preset(name)
			if err != nil {
				t.Fatal(err)
			}
			for _, preset := range []string{"", name} {
				def := tally.Definition{Slate: slate, Rules: rules, Preset: preset, Turnout: []tally.Turnout{{Entitled: 10, Present: 9, Issued: 9}}}
				enc, err := def.MarshalJSON()
				if err != nil {
					t.Fatal(err)
				}
				got, err := tally.ReadDefinition(bytes.NewReader(enc))
				if err != nil {
					t.Fatalf("%v\n%s", err, enc)
				}
				a, _ := rules.MarshalJSON()
				b, _ := got.Rules.MarshalJSON()
				if !bytes.Equal(a, b) || got.Preset != preset {
					t.Errorf("read back\n%s\nwant\n%s", b, a)
				}
			}
		})
	}
	if _, err := tally.Preset("nonesuch"); !errors.Is(err, tally.ErrUnknownPreset) {
		t.Errorf("Preset(nonesuch): %v", err)
	}
}

func ExamplePresetNames() {
	for _, name := range tally.PresetNames() {
		r, _ := tally.Preset(name)
		fmt.Printf("%-30s %s\n", name, r.Name)
	}
	// Output:
	// cpc-grassroots-committee       CPC grassroots committee
	// cpc-grassroots-delegates       CPC grassroots congress delegates
	// cpc-local-delegates            CPC local congress delegates
	// cpc-local-committee            CPC local committee
	// national-congress-delegates    CPC National Congress delegates
	// central-committee-preliminary  CPC Central Committee preliminary election
	// electoral-law-direct           PRC Electoral Law, direct election
	// electoral-law-indirect         PRC Electoral Law, indirect election
	// vietnam-national-assembly      Vietnam National Assembly
}

func TestDefinitionUnmarshalJSON(t *testing.T) {
	t.Parallel()
	var v struct {
		Election tally.Definition `json:"election"`
	}
	if err := json.Unmarshal([]byte(`{"election": `+goodDefinition+`}`), &v); err != nil {
		t.Fatal(err)
	}
	if v.Election.Slate.Seats != 2 || v.Election.Preset != "cpc-grassroots-committee" {
		t.Errorf("decoded %+v", v.Election)
	}
	err := json.Unmarshal([]byte(`{"election": {"seats": "x"}}`), &v)
	if !errors.Is(err, tally.ErrFieldValue) {
		t.Errorf("got %v, want ErrFieldValue", err)
	}
}

// TestReadDefinitionText: what encoding/json would read silently — a repeated attribute (the last
// one winning), bytes that are not UTF-8 or an escaped half of a surrogate pair (read as U+FFFD) —
// is refused with its place, and so is text a slate may not hold (a NUL in the office, a
// bidirectional override in a name).
func TestReadDefinitionText(t *testing.T) {
	t.Parallel()
	repl := func(old, new string) string {
		if !strings.Contains(goodDefinition, old) {
			t.Fatalf("no %s in the definition", old)
		}
		return strings.Replace(goodDefinition, old, new, 1)
	}
	tests := []struct {
		name      string
		in        string
		path      string
		line, col int
		err       error
	}{
		{"a repeated attribute", repl(`{"gender": "female"}`, `{"gender": "male", "gender": "female"}`), "$.candidates[0].attrs.gender", 5, 64, tally.ErrUnknownField},
		{"an attribute that is not a string", repl(`{"gender": "female"}`, `{"gender": 1}`), "$.candidates[0].attrs.gender", 5, 56, tally.ErrFieldValue},
		{"attributes that are not an object", repl(`{"gender": "female"}`, `["female"]`), "$.candidates[0].attrs", 5, 45, tally.ErrFieldValue},
		{"bytes that are not UTF-8", repl(`"Wang Fang"`, "\"Wang \xffFang\""), "", 6, 32, tally.ErrDefinitionSyntax},
		{"a lone surrogate", repl(`"Wang Fang"`, `"Wang \udc00Fang"`), "", 6, 32, tally.ErrDefinitionSyntax},
		{"a high surrogate without its pair", repl(`"Wang Fang"`, `"Wang \ud83dFang"`), "", 6, 32, tally.ErrDefinitionSyntax},
		{"a NUL in the office", repl(`"Branch committee"`, `"Branch\u0000committee"`), "$.office", 2, 13, ballot.ErrNameText},
		{"a right-to-left override in a name", repl(`"Wang Fang"`, "\"Wang \u202eFang\""), "$.candidates[1].name", 6, 26, ballot.ErrNameText},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := tally.ReadDefinition(strings.NewReader(tc.in))
			var de *tally.DefinitionError
			if !errors.Is(err, tc.err) || !errors.As(err, &de) {
				t.Fatalf("error %v, want a *DefinitionError wrapping %v", err, tc.err)
			}
			if de.Path != tc.path || de.Line != tc.line || de.Column != tc.col {
				t.Errorf("at %s line %d column %d, want %s line %d column %d (%v)", de.Path, de.Line, de.Column, tc.path, tc.line, tc.col, err)
			}
		})
	}
	// A pair of surrogates is one character, and reads.
	def, err := tally.ReadDefinition(strings.NewReader(repl(`"Wang Fang"`, `"Wang Fang \ud83d\ude00"`)))
	if err != nil || def.Slate.Candidates[1].Name != "Wang Fang 😀" {
		t.Fatalf("a surrogate pair: %v, %q", err, def.Slate.Candidates[1].Name)
	}
}

// TestReadDefinitionSizeLimit: a definition of MaxDefinitionBytes (16 MiB) reads; one byte more is
// refused before it is decoded.
func TestReadDefinitionSizeLimit(t *testing.T) {
	t.Parallel()
	if tally.MaxDefinitionBytes != 16<<20 {
		t.Fatalf("MaxDefinitionBytes = %d", tally.MaxDefinitionBytes)
	}
	pad := strings.Repeat(" ", tally.MaxDefinitionBytes-len(goodDefinition))
	if _, err := tally.ReadDefinition(strings.NewReader(goodDefinition + pad)); err != nil {
		t.Fatalf("a definition of exactly %d bytes: %v", tally.MaxDefinitionBytes, err)
	}
	_, err := tally.ReadDefinition(strings.NewReader(goodDefinition + pad + " "))
	if !errors.Is(err, tally.ErrFieldValue) || !strings.Contains(err.Error(), "16 MiB") {
		t.Fatalf("a definition of one byte more: %v", err)
	}
}
