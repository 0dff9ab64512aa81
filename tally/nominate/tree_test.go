package nominate_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/tally/count"
	"github.com/chae-go/chae/tally/nominate"
)

func TestNewTreeErrors(t *testing.T) {
	for _, tc := range []struct {
		name  string
		orgs  []nominate.Org
		want  error
		index int // of the first error; -1 for the tree as a whole
	}{
		{"empty", nil, nominate.ErrRoot, -1},
		{"empty ID", []nominate.Org{{ID: "R"}, {ID: "", Parent: "R"}}, nominate.ErrOrgID, 1},
		{"ID with spaces", []nominate.Org{{ID: "R"}, {ID: " b", Parent: "R"}}, nominate.ErrOrgID, 1},
		{"duplicate", []nominate.Org{{ID: "R"}, {ID: "b", Parent: "R"}, {ID: "b", Parent: "R"}}, nominate.ErrDuplicateOrg, 2},
		{"unknown parent", []nominate.Org{{ID: "R"}, {ID: "b", Parent: "X"}}, nominate.ErrUnknownParent, 1},
		{"two roots", []nominate.Org{{ID: "R"}, {ID: "S"}}, nominate.ErrRoot, 1},
		{"no root", []nominate.Org{{ID: "a", Parent: "b"}, {ID: "b", Parent: "a"}}, nominate.ErrRoot, -1},
		{"cycle", []nominate.Org{{ID: "R"}, {ID: "a", Parent: "c"}, {ID: "b", Parent: "a"}, {ID: "c", Parent: "b"}, {ID: "d", Parent: "c"}}, nominate.ErrCycle, 1},
		{"cycle met from an organisation hanging from it", []nominate.Org{{ID: "R"}, {ID: "d", Parent: "c"}, {ID: "a", Parent: "c"}, {ID: "b", Parent: "a"}, {ID: "c", Parent: "b"}}, nominate.ErrCycle, 2},
		{"members on an inner organisation", []nominate.Org{{ID: "R", Members: 3}, {ID: "b", Parent: "R", Members: 2}}, nominate.ErrInnerFigures, 0},
		{"more probationary than members", []nominate.Org{{ID: "R"}, {ID: "b", Parent: "R", Members: 2, Probationary: 3}}, nominate.ErrFigures, 1},
		{"negative places", []nominate.Org{{ID: "R", Places: -1}}, nominate.ErrFigures, 0},
		{"kind out of range", []nominate.Org{{ID: "R", Kind: 9}}, nominate.ErrKind, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := nominate.NewTree(tc.orgs)
			var te *nominate.TreeError
			if !errors.Is(err, tc.want) || !errors.As(err, &te) {
				t.Fatalf("error %v, want %v", err, tc.want)
			}
			if te.Index != tc.index {
				t.Errorf("index %d, want %d (%v)", te.Index, tc.index, err)
			}
			if !strings.HasPrefix(err.Error(), "nominate: ") {
				t.Errorf("message %q", err)
			}
		})
	}
	// Every problem at once, in input order.
	_, err := nominate.NewTree([]nominate.Org{{ID: "R"}, {ID: "b", Parent: "X"}, {ID: "R"}})
	if !errors.Is(err, nominate.ErrUnknownParent) || !errors.Is(err, nominate.ErrDuplicateOrg) {
		t.Errorf("joined errors: %v", err)
	}
}

func TestTreeOrder(t *testing.T) {
	orgs := []nominate.Org{{ID: "c", Parent: "R"}, {ID: "R", Places: 4}, {ID: "b2", Parent: "a", Members: 2},
		{ID: "a", Parent: "R"}, {ID: "b1", Parent: "a", Members: 3, Probationary: 1}, {ID: "b3", Parent: "c", Members: 5, Places: 1}}
	tree, err := nominate.NewTree(orgs)
	if err != nil {
		t.Fatal(err)
	}
	var ids []nominate.OrgID
	for _, o := range tree.Orgs() {
		ids = append(ids, o.ID)
	}
	if !slices.Equal(ids, []nominate.OrgID{"R", "a", "b1", "b2", "c", "b3"}) {
		t.Errorf("tree order %v", ids)
	}
	slices.Reverse(orgs)
	other, _ := nominate.NewTree(orgs)
	if !slices.Equal(tree.Orgs(), other.Orgs()) {
		t.Error("tree order depends on the input order")
	}
	if m, p := tree.Members("a"); m != 5 || p != 1 {
		t.Errorf("members of a: %d, %d", m, p)
	}
	if !slices.Equal(tree.Leaves("R"), []nominate.OrgID{"b1", "b2", "b3"}) || !slices.Equal(tree.Children("R"), []nominate.OrgID{"a", "c"}) {
		t.Errorf("leaves %v children %v", tree.Leaves("R"), tree.Children("R"))
	}
	if tree.Places("b2") != 4 || tree.Places("b3") != 1 {
		t.Errorf("places %d, %d", tree.Places("b2"), tree.Places("b3"))
	}
	sub, err := tree.Subtree("a")
	if err != nil || sub.Root() != "a" || sub.Len() != 3 || sub.Places("a") != 4 {
		t.Errorf("subtree %v %v", sub, err)
	}
	if tree.IsLeaf("a") || !tree.IsLeaf("b3") || tree.IsLeaf("zz") {
		t.Error("IsLeaf")
	}
}

func TestCounter(t *testing.T) {
	reg := nominate.NewRegistry()
	a, _ := reg.Intern("A")
	b, _ := reg.Intern(" B ") // normalised
	if k := reg.Key(b); k != "B" {
		t.Errorf("key %q", k)
	}
	if _, err := reg.Intern("  "); !errors.Is(err, nominate.ErrPerson) {
		t.Errorf("empty key: %v", err)
	}
	c := nominate.NewCounter(reg, nominate.BallotRule{Limit: 2})
	for _, bl := range []nominate.Ballot{
		{Persons: []nominate.Person{a, b}},
		{Persons: []nominate.Person{a}, Probationary: true},
		{Persons: []nominate.Person{b, b, a}},
		{Persons: []nominate.Person{a}, Spoiled: true, Probationary: true},
	} {
		if err := c.Add(bl); err != nil {
			t.Fatal(err)
		}
	}
	err := c.Add(nominate.Ballot{Persons: []nominate.Person{a, 7}})
	var be *nominate.BallotError
	if !errors.As(err, &be) || be.Ballot != 5 || be.Name != 2 || !errors.Is(err, nominate.ErrPerson) {
		t.Errorf("error %v", err)
	}
	s := c.Sheet("b")
	want := nominate.Sheet{Org: "b", Limit: 2, All: nominate.Turnout{Ballots: 4, Spoiled: 1}, Full: nominate.Turnout{Ballots: 2},
		Votes: []nominate.Vote{{Person: a, Votes: 3, Full: 2}, {Person: b, Votes: 2, Full: 2}}}
	if s.All != want.All || s.Full != want.Full || !slices.Equal(s.Votes, want.Votes) {
		t.Errorf("sheet %+v, want %+v", s, want)
	}
	if err := c.Merge(nominate.NewCounter(reg, nominate.BallotRule{Limit: 3})); !errors.Is(err, nominate.ErrMerge) {
		t.Errorf("merging another rule: %v", err)
	}
	c.Reset()
	if c.Ballots() != 0 || len(c.Sheet("b").Votes) != 0 {
		t.Error("Reset")
	}
	// Registering details.
	if _, err := reg.Register(ballot.Candidate{ID: "A", Name: "Li Wei", Attrs: map[string]string{"gender": "female"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := reg.Register(ballot.Candidate{ID: "A", Name: "Li Wei (2)"}); !errors.Is(err, nominate.ErrDuplicatePerson) {
		t.Errorf("registered twice: %v", err)
	}
	if cand := reg.Candidate(a); cand.Name != "Li Wei" || cand.Attrs["gender"] != "female" {
		t.Errorf("candidate %+v", cand)
	}
}

// The opinions on a list sent down are counted like a ballot and become the next sheet.
func TestOpinionSheet(t *testing.T) {
	reg := nominate.NewRegistry()
	slate := ballot.Slate{Office: "unit", Seats: 2, Candidates: []ballot.Candidate{{ID: "A", Name: "A"}, {ID: "B", Name: "B"}}}
	F, X, A := ballot.For, ballot.Abstain, ballot.Against
	full, err := count.Count(slate, []ballot.Ballot{
		{Marks: []ballot.Mark{F, A}},
		{Marks: []ballot.Mark{F, X}, WriteIns: []string{"C"}},
		{Marks: []ballot.Mark{F, F}, WriteIns: []string{"C"}}, // over-vote: invalid
		{Marks: []ballot.Mark{A, X}, WriteIns: []string{"A"}}, // a write-in of a listed person
	})
	if err != nil {
		t.Fatal(err)
	}
	prob, _ := count.Count(slate, []ballot.Ballot{{Marks: []ballot.Mark{F, F}}})
	s, err := nominate.OpinionSheet(reg, "b", slate, full, prob)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]nominate.Vote{}
	for _, v := range s.Votes {
		got[reg.Key(v.Person)] = v
	}
	if s.All != (nominate.Turnout{Ballots: 5, Invalid: 1}) || s.Full != (nominate.Turnout{Ballots: 4, Invalid: 1}) || s.Limit != 2 {
		t.Errorf("turnout %+v %+v", s.All, s.Full)
	}
	if v := got["A"]; v.Votes != 3 || v.Full != 2 || v.Against != 1 {
		t.Errorf("A %+v", v)
	}
	if v := got["B"]; v.Votes != 1 || v.Full != 0 || v.Against != 1 {
		t.Errorf("B %+v", v)
	}
	if v := got["C"]; v.Votes != 1 || v.Full != 1 {
		t.Errorf("C %+v", v)
	}
	other := slate.Clone()
	other.Candidates[1].ID = "Z"
	if _, err := nominate.OpinionSheet(reg, "b", other, full, count.Counts{}); !errors.Is(err, nominate.ErrSheet) {
		t.Errorf("another slate: %v", err)
	}
	bad := full.Clone()
	bad.Valid++
	if _, err := nominate.OpinionSheet(reg, "b", slate, bad, count.Counts{}); !errors.Is(err, nominate.ErrSheet) {
		t.Errorf("impossible counts: %v", err)
	}
}
