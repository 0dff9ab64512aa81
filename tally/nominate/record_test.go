package nominate_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/quota"
	"github.com/chae-go/chae/tally/nominate"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// fullNomination exercises every step and every member of the record: two ups (the first redone
// with a second recommendation's counts), decisions, a list sent down, a tie settled, vetting,
// a notice with objections, nominees from above, and a slate with attributes.
func fullNomination(t testing.TB) *nominate.Nomination {
	orgs := []nominate.Org{{ID: "unit", Name: "单位\t\"一\"", Kind: nominate.ElectionUnit, Places: 2},
		{ID: "c1", Parent: "unit", Kind: nominate.Committee},
		{ID: "b1", Parent: "c1", Members: 5, Probationary: 1}, {ID: "b2", Parent: "c1", Members: 4},
		{ID: "b3", Parent: "unit", Members: 3}}
	tree, err := nominate.NewTree(orgs)
	if err != nil {
		t.Fatal(err)
	}
	reg := nominate.NewRegistry()
	for _, c := range []ballot.Candidate{{ID: "A", Name: "Li Wei", Attrs: map[string]string{"gender": "female", "born": "1970-05-01"}},
		{ID: "B", Name: "Wang Fang"}, {ID: "N", Name: "From Above"}} {
		reg.Register(c)
	}
	file := "org,box,probationary,spoiled,names\nb1,h,,,A,B\nb1,h,,,A,C\nb1,m,yes,,D\nb1,h,,yes,A\nb2,h,,,B,C\nb2,h,,,B,A\nb2,h,,,E,F,G\nb3,h,,,C,E\nb3,h,,,E\nb3,h,,,F\n"
	sheets, err := nominate.ReadSheets(strings.NewReader(file), tree, reg, nominate.BallotRule{Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	rules := nominate.Rules{
		Default: nominate.Rule{Members: nominate.MemberBar{Threshold: quota.Threshold{Share: quota.Ratio(1, 3), Boundary: quota.AtLeast}, Base: nominate.OfTookPart}},
		ByKind: map[nominate.Kind]nominate.Rule{
			nominate.Committee: {Basis: nominate.ByEither, Orgs: nominate.OrgBar{Threshold: quota.Majority()}, Source: "committee"},
			nominate.ElectionUnit: {Basis: nominate.ByBoth, Universe: nominate.ChildLists,
				Members: nominate.MemberBar{Threshold: quota.Threshold{Share: quota.Ratio(1, 6)}, Base: nominate.OfValid},
				Orgs:    nominate.OrgBar{Scope: nominate.Branches, Base: nominate.CountedOrgs}, Order: []nominate.Key{nominate.KeyVotes, nominate.KeyBranches},
				Size:      nominate.Surplus(quota.Difference{MinShare: quota.Percent(150), MinBoundary: quota.AtLeast, Steps: []quota.SurplusStep{{MinSeats: 1, MinSurplus: 1}}, Source: "x"}),
				Shortfall: nominate.Shortfall{Rule: nominate.SecondRound, Candidates: quota.Difference{MinSurplus: 1}}, Source: "unit"},
		},
		ByOrg: map[nominate.OrgID]nominate.Rule{"b3": {Participation: quota.Threshold{Share: quota.Ratio(1, 2)}}},
	}
	ds := []nominate.Decision{
		{Org: "unit", Op: nominate.OpAdd, Persons: []string{"N"}, Ground: nominate.FromAbove, Ref: "central list"},
		{Org: "c1", Op: nominate.OpRemove, Persons: []string{"D"}, Ground: nominate.Consultation, Ref: "m-1"},
	}
	n, err := nominate.New(tree, reg, 2, nominate.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p, err := n.Up(nominate.Up{Rules: rules, Sheets: sheets, Decisions: ds})
	if err != nil {
		t.Fatal(err)
	}
	if root := p.Root(); root.Short == 0 || len(root.Second) == 0 {
		t.Fatalf("no second round: %+v", root)
	} else {
		slate, _ := p.SecondSlate("unit")
		votes := make([]int, len(slate.Candidates))
		for i := range votes {
			votes[i] = len(votes) - i
		}
		sec := secondCounts(slate.IDs(), len(votes)+1, votes)
		if _, err := n.Redo(nominate.Up{Rules: rules, Sheets: sheets, Decisions: ds, Second: []nominate.Second{{Org: "unit", Counts: sec}}}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := n.Down("unit", 0); err != nil {
		t.Fatal(err)
	}
	inspect := nominate.ListRule{Places: 2, Size: nominate.Full(), Source: "inspection"}
	if sl, err := n.Narrow(nominate.Inspected, inspect, nil); err != nil || sl.Tie == nil {
		t.Fatalf("%v, tie %v", err, sl)
	}
	if _, err := n.Narrow(nominate.Inspected, inspect, []string{"B", "A"}); err != nil {
		t.Fatal(err)
	}
	if _, err := n.Vet([]nominate.Removal{{Person: "B", Ground: nominate.Integrity, Ref: "four musts"}}, nominate.NextRanked, nil); err != nil {
		t.Fatal(err)
	}
	d := func(s string) nominate.Date { v, _ := nominate.ParseDate(s); return v }
	if _, err := n.Notice(nominate.Notice{Scope: "unit", From: d("2022-04-01"), To: d("2022-04-08"), MinDays: 5,
		Calendar:   nominate.Calendar{WorkingDays: true, Holidays: []nominate.Date{d("2022-04-05"), d("2022-04-04")}, Workdays: []nominate.Date{d("2022-04-02")}},
		Objections: []nominate.Objection{{Received: d("2022-04-06"), Person: "A", Ground: nominate.PublicNotice, Ref: "letter\n2"}}},
		nominate.NoReplacement, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := n.Slate("unit delegates", quota.Difference{MinBoundary: quota.MoreThan, EqualAllowed: true, Source: "s"}, false); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestRecordGolden(t *testing.T) {
	rec := fullNomination(t).Record()
	got, err := rec.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", "record.golden")
	if *update {
		os.MkdirAll("testdata", 0o755)
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("the record differs from %s (run with -update to accept):\n%s", path, got)
	}
	// The digest is the SHA-256 of the encoding without its digest member.
	i := bytes.LastIndex(got, []byte(`,"digest":"`))
	sum := sha256.Sum256(append(bytes.Clone(got[:i]), '}'))
	digest, _ := rec.Digest()
	if digest != "sha256:"+hex.EncodeToString(sum[:]) || !bytes.HasSuffix(got, []byte(`,"digest":"`+digest+`"}`)) {
		t.Errorf("digest %s", digest)
	}
	// Escapes: a tab and a quote in a name, a newline in a reference.
	for _, s := range []string{`"name":"单位\u0009\"一\""`, `"ref":"letter\u000a2"`, `"min_share":"150%"`, `"max":-1`} {
		if !bytes.Contains(got, []byte(s)) {
			t.Errorf("record lacks %s", s)
		}
	}
}

func TestRecordRoundTrip(t *testing.T) {
	n := fullNomination(t)
	b, _ := n.Record().MarshalJSON()
	r, err := nominate.DecodeRecord(b)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := r.MarshalJSON()
	if !bytes.Equal(again, b) {
		t.Error("decoding and encoding again changed the record")
	}
	if r.Funnel() != n.Funnel() {
		t.Errorf("funnel %+v, the nomination's %+v", r.Funnel(), n.Funnel())
	}
	if len(r.Passes) == 0 || len(r.Passes[0].Nodes) != n.Tree().Len() {
		t.Fatal("passes")
	}
	if _, ok := r.Passes[0].Node("b2"); !ok {
		t.Error("a decoded pass cannot find its nodes")
	}
}

// Tallies not kept are null, tallies kept but empty are [], and both read back as they were.
func TestRecordTallies(t *testing.T) {
	orgs := []nominate.Org{{ID: "R", Kind: nominate.ElectionUnit, Places: 1}, {ID: "b1", Parent: "R", Members: 2}, {ID: "b2", Parent: "R", Members: 2}}
	tree, reg, sheets := fixture(t, orgs, map[nominate.OrgID][]string{"b1": {"A", "A"}}, nominate.BallotRule{})
	rec := &nominate.Record{Unit: tree.Root(), Seats: 1, Orgs: tree.Orgs()}
	for _, levels := range []int{0, 1} {
		p, err := nominate.Aggregate(tree, reg, nominate.Up{Round: 1, Sheets: sheets}, nominate.Options{TallyLevels: levels})
		if err != nil {
			t.Fatal(err)
		}
		rec.Passes = append(rec.Passes, p)
	}
	b, err := rec.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(`"tallies":[]`)) || !bytes.Contains(b, []byte(`"tallies":null`)) {
		t.Fatalf("record %s", b)
	}
	r, err := nominate.DecodeRecord(b)
	if err != nil {
		t.Fatal(err)
	}
	n0, _ := r.Passes[0].Node("b2")
	n1, _ := r.Passes[1].Node("b2")
	if n0.Tallies == nil || len(n0.Tallies) != 0 || n1.Tallies != nil {
		t.Errorf("b2's tallies read back as %#v and %#v", n0.Tallies, n1.Tallies)
	}
}

// The decoder refuses whatever is not byte for byte the canonical encoding.
func TestRecordRefusals(t *testing.T) {
	b, _ := fullNomination(t).Record().MarshalJSON()
	s := string(b)
	for _, tc := range []struct {
		name string
		edit func(string) string
	}{
		{"a space", func(s string) string { return strings.Replace(s, `,"seats"`, `, "seats"`, 1) }},
		{"a final newline", func(s string) string { return s + "\n" }},
		{"members reordered", func(s string) string {
			return strings.Replace(s, `"unit":"unit","seats":2`, `"seats":2,"unit":"unit"`, 1)
		}},
		{"another escape", func(s string) string { return strings.Replace(s, `\u000a`, `\n`, 1) }},
		{"an escaped letter", func(s string) string { return strings.Replace(s, `"unit":"unit"`, `"unit":"\u0075nit"`, 1) }},
		{"a fraction not in lowest terms", func(s string) string { return strings.Replace(s, `"share":"1/2"`, `"share":"2/4"`, 1) }},
		{"an unknown member", func(s string) string { return strings.Replace(s, `{"format"`, `{"x":1,"format"`, 1) }},
		{"a missing member", func(s string) string { return strings.Replace(s, `"seats":2,`, ``, 1) }},
		{"null for an empty list", func(s string) string { return strings.Replace(s, `"settle":[]`, `"settle":null`, 1) }},
		{"a figure changed", func(s string) string { return strings.Replace(s, `"members":5`, `"members":6`, 1) }},
		{"the digest changed", func(s string) string {
			i := strings.LastIndex(s, `sha256:`) + 7
			c := "0"
			if s[i] == '0' {
				c = "1"
			}
			return s[:i] + c + s[i+1:]
		}},
		{"another format", func(s string) string { return strings.Replace(s, `chae.nomination/1`, `chae.nomination/2`, 1) }},
		{"a number with a plus", func(s string) string { return strings.Replace(s, `"seats":2`, `"seats":2.0`, 1) }},
		{"an unknown kind", func(s string) string { return strings.Replace(s, `"kind":"committee"`, `"kind":"cell"`, 1) }},
		{"two records", func(s string) string { return s + s }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			edited := tc.edit(s)
			if edited == s {
				t.Fatal("the edit changed nothing")
			}
			if _, err := nominate.DecodeRecord([]byte(edited)); !errors.Is(err, nominate.ErrRecord) {
				t.Errorf("error %v, want ErrRecord", err)
			}
		})
	}
}

func FuzzDecodeRecord(f *testing.F) {
	b, _ := fullNomination(f).Record().MarshalJSON()
	f.Add(b)
	f.Add([]byte(`{"format":"chae.nomination/1"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := nominate.DecodeRecord(data)
		if err != nil {
			if !errors.Is(err, nominate.ErrRecord) {
				t.Fatalf("error %v does not wrap ErrRecord", err)
			}
			return
		}
		again, err := r.MarshalJSON()
		if err != nil || !bytes.Equal(again, data) {
			t.Fatalf("accepted a record that does not encode to itself: %v", err)
		}
	})
}
