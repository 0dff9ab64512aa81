package tally_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/chae-go/chae/tally"
	"github.com/chae-go/chae/tally/count"
)

// TestDeclaredReturned: the ballots returned declared as 0 are not the ballots returned left
// undeclared. A round that took place with no ballot counted is refused unless the counting team
// declares that none was returned; a declared figure must equal the ballots counted.
func TestDeclaredReturned(t *testing.T) {
	t.Parallel()
	s := slateOf(2, 3)
	none := countsOf(s, 0, 0, 0, []int{0, 0, 0})
	some := countsOf(s, 36, 0, 0, []int{30, 20, 10})
	tests := []struct {
		name    string
		turnout tally.Turnout
		counts  count.Counts
		err     error // nil: decided
	}{
		{"1,400 present, no ballot counted, returned not declared", tally.Turnout{Entitled: 1500, Present: 1400, Issued: 1400}, none, tally.ErrTurnout},
		{"1,400 present, returned declared 0", tally.Turnout{Entitled: 1500, Present: 1400, Issued: 1400, Returned: tally.Declare(0)}, none, nil},
		{"36 counted, returned not declared: as counted", tally.Turnout{Entitled: 50, Present: 46, Issued: 46}, some, nil},
		{"36 counted, 46 returned: a file cut short", tally.Turnout{Entitled: 50, Present: 46, Issued: 46, Returned: tally.Declare(46)}, some, tally.ErrTurnout},
		{"36 counted, 36 returned", tally.Turnout{Entitled: 50, Present: 46, Issued: 46, Returned: tally.Declare(36)}, some, nil},
		{"returned declared negative", tally.Turnout{Entitled: 50, Present: 46, Issued: 46, Returned: tally.Declare(-1)}, some, tally.ErrTurnout},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			e, err := tally.NewElection(s, tally.CPCGrassrootsCommittee())
			if err != nil {
				t.Fatal(err)
			}
			d, err := e.Decide(tc.turnout, tc.counts)
			if !errors.Is(err, tc.err) {
				t.Fatalf("Decide: %v, want %v", err, tc.err)
			}
			if err != nil {
				var te *tally.TurnoutError
				if !errors.As(err, &te) || te.Field != "returned" {
					t.Errorf("error %v is not about the ballots returned", err)
				}
				return
			}
			if d.Turnout != tc.turnout {
				t.Errorf("decision's turnout %+v, want it as given %+v", d.Turnout, tc.turnout)
			}
		})
	}
}

// TestDeclaredInRecord: the record writes a declared figure as a number and an undeclared one as
// null; the two decode back as they were and have different digests.
func TestDeclaredInRecord(t *testing.T) {
	t.Parallel()
	s := slateOf(2, 3)
	decide := func(tu tally.Turnout) tally.Result {
		e, err := tally.NewElection(s, tally.CPCGrassrootsCommittee())
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.Decide(tu, countsOf(s, 46, 0, 0, []int{40, 30, 10})); err != nil {
			t.Fatal(err)
		}
		return e.Result()
	}
	undeclared := decide(tally.Turnout{Entitled: 50, Present: 46, Issued: 46})
	declared := decide(tally.Turnout{Entitled: 50, Present: 46, Issued: 46, Returned: tally.Declare(46)})
	if undeclared.Digest() == declared.Digest() {
		t.Error("declaring the ballots returned leaves the digest unchanged")
	}
	for _, tc := range []struct {
		res  tally.Result
		want string
	}{{undeclared, `"returned":null`}, {declared, `"returned":46`}} {
		b, err := json.Marshal(tc.res)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(b, []byte(`"turnout":{"entitled":50,"present":46,"issued":46,`+tc.want+`}`)) {
			t.Errorf("record lacks %s:\n%s", tc.want, b)
		}
		var back tally.Result
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatal(err)
		}
		if back.Decisions[0].Turnout != tc.res.Decisions[0].Turnout {
			t.Errorf("turnout %+v decoded as %+v", tc.res.Decisions[0].Turnout, back.Decisions[0].Turnout)
		}
		if err := back.Verify(); err != nil {
			t.Error(err)
		}
	}
}

// TestRecordWithReturnedAsCounted: a record written when an undeclared figure was recorded as the
// ballots counted (testdata/record-returned-as-counted.json, the sample election of examples/count)
// still decodes and verifies: its figures read as declared, equal to the ballots counted.
func TestRecordWithReturnedAsCounted(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile("testdata/record-returned-as-counted.json")
	if err != nil {
		t.Fatal(err)
	}
	var res tally.Result
	if err := json.Unmarshal(bytes.TrimSpace(b), &res); err != nil {
		t.Fatal(err)
	}
	if err := res.Verify(); err != nil {
		t.Fatal(err)
	}
	for _, d := range res.Decisions {
		if n, ok := d.Turnout.Returned.Get(); !ok || n != d.Counts.Ballots {
			t.Errorf("round %d: returned %v, counted %d", d.Round.Number, d.Turnout.Returned, d.Counts.Ballots)
		}
	}
}

// TestDefinitionTurnoutFigures: a definition's turnout needs those entitled, those present and
// the ballots issued; the ballots returned may be left out (not declared) or given as 0
// (declared), and writing the definition keeps the difference.
func TestDefinitionTurnoutFigures(t *testing.T) {
	t.Parallel()
	const head = `{"office": "Branch committee", "seats": 1, "candidates": [{"id": "c1", "name": "A"}, {"id": "c2", "name": "B"}], "rules": "cpc-grassroots-committee", "turnout": [`
	tests := []struct {
		name     string
		turnout  string
		path     string // of the error; "" for none
		returned tally.Declared
	}{
		{"returned left out", `{"entitled": 50, "present": 46, "issued": 46}`, "", tally.Declared{}},
		{"returned 0", `{"entitled": 50, "present": 46, "issued": 46, "returned": 0}`, "", tally.Declare(0)},
		{"returned 46", `{"entitled": 50, "present": 46, "issued": 46, "returned": 46}`, "", tally.Declare(46)},
		{"issued left out", `{"entitled": 50, "present": 46, "returned": 46}`, "$.turnout[0].issued", tally.Declared{}},
		{"present left out", `{"entitled": 50, "issued": 46}`, "$.turnout[0].present", tally.Declared{}},
		{"entitled left out", `{"present": 46, "issued": 46}`, "$.turnout[0].entitled", tally.Declared{}},
		{"returned negative", `{"entitled": 50, "present": 46, "issued": 46, "returned": -1}`, "$.turnout[0].returned", tally.Declared{}},
		{"returned not a number", `{"entitled": 50, "present": 46, "issued": 46, "returned": "46"}`, "$.turnout[0].returned", tally.Declared{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			def, err := tally.ReadDefinition(strings.NewReader(head + tc.turnout + "]}"))
			if tc.path != "" {
				var de *tally.DefinitionError
				if !errors.As(err, &de) || de.Path != tc.path {
					t.Fatalf("error %v, want one at %s", err, tc.path)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := def.Turnout[0].Returned; got != tc.returned {
				t.Fatalf("returned %v, want %v", got, tc.returned)
			}
			b, err := json.Marshal(def)
			if err != nil {
				t.Fatal(err)
			}
			back, err := tally.ReadDefinition(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			if back.Turnout[0] != def.Turnout[0] {
				t.Errorf("written and read back: %+v, want %+v", back.Turnout[0], def.Turnout[0])
			}
		})
	}
}

func ExampleDeclare() {
	none, unknown := tally.Declare(0), tally.Declared{}
	fmt.Println(none, none.IsDeclared(), none.Or(36))
	fmt.Println(unknown, unknown.IsDeclared(), unknown.Or(36))
	// Output:
	// 0 true 0
	// not declared false 36
}
