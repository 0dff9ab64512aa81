package nominate_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/chae-go/chae/quota"
	"github.com/chae-go/chae/tally/count"
	"github.com/chae-go/chae/tally/nominate"
)

// fixture builds a tree and its sheets from ballots written as strings: the persons named,
// separated by spaces, after an optional "~" (a probationary member's ballot) or "!" (spoiled).
func fixture(t *testing.T, orgs []nominate.Org, ballots map[nominate.OrgID][]string, br nominate.BallotRule) (*nominate.Tree, *nominate.Registry, []nominate.Sheet) {
	t.Helper()
	tree, err := nominate.NewTree(orgs)
	if err != nil {
		t.Fatal(err)
	}
	reg := nominate.NewRegistry()
	var sheets []nominate.Sheet
	for _, o := range tree.Orgs() {
		bs, ok := ballots[o.ID]
		if !ok {
			continue
		}
		c := nominate.NewCounter(reg, br)
		for _, s := range bs {
			var b nominate.Ballot
			for _, f := range strings.Fields(s) {
				switch f {
				case "~":
					b.Probationary = true
				case "!":
					b.Spoiled = true
				default:
					p, err := reg.Intern(f)
					if err != nil {
						t.Fatal(err)
					}
					b.Persons = append(b.Persons, p)
				}
			}
			if err := c.Add(b); err != nil {
				t.Fatal(err)
			}
		}
		sheets = append(sheets, c.Sheet(o.ID))
	}
	return tree, reg, sheets
}

func aggregate(t *testing.T, tree *nominate.Tree, reg *nominate.Registry, sheets []nominate.Sheet, rules nominate.Rules, ds ...nominate.Decision) *nominate.Pass {
	t.Helper()
	p, err := nominate.Aggregate(tree, reg, nominate.Up{Round: 1, Rules: rules, Sheets: sheets, Decisions: ds}, nominate.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func passers(n nominate.Node) []string {
	var out []string
	for _, tl := range n.Tallies {
		if tl.Passed {
			out = append(out, tl.Person)
		}
	}
	return out
}

func listed(n nominate.Node) []string {
	var out []string
	for _, e := range n.List {
		out = append(out, e.Person)
	}
	return out
}

func th(num, den int64, b quota.Boundary) quota.Threshold {
	return quota.Threshold{Share: quota.Ratio(num, den), Boundary: b}
}

// Basis: X clears only the member bar, Y only the organisation bar, Z both, W neither.
func TestBasis(t *testing.T) {
	orgs := []nominate.Org{{ID: "R", Kind: nominate.ElectionUnit}, {ID: "b1", Parent: "R", Members: 8},
		{ID: "b2", Parent: "R", Members: 5}, {ID: "b3", Parent: "R", Members: 5}}
	ballots := map[nominate.OrgID][]string{
		"b1": {"X Z", "X Z", "X Z", "X Z", "X Z", "X Z", "X", "Z"},
		"b2": {"Y", "Y Z", "W"},
		"b3": {"Y", "Z"},
	}
	tree, reg, sheets := fixture(t, orgs, ballots, nominate.BallotRule{})
	for _, tc := range []struct {
		basis nominate.Basis
		want  []string
	}{
		{nominate.ByMembers, []string{"X", "Z"}},
		{nominate.ByOrgs, []string{"Y", "Z"}},
		{nominate.ByEither, []string{"X", "Y", "Z"}},
		{nominate.ByBoth, []string{"Z"}},
	} {
		t.Run(tc.basis.String(), func(t *testing.T) {
			rules := nominate.Rules{ByKind: map[nominate.Kind]nominate.Rule{nominate.ElectionUnit: {
				Basis:   tc.basis,
				Members: nominate.MemberBar{Threshold: quota.Majority(), Base: nominate.OfTookPart}, // 13 took part: 7
				Orgs:    nominate.OrgBar{Threshold: quota.Majority()},                               // 3 branches: 2
			}}}
			root := aggregate(t, tree, reg, sheets, rules).Root()
			if got := passers(root); !slices.Equal(got, tc.want) {
				t.Errorf("passers %v, want %v", got, tc.want)
			}
			if root.MemberBase != 13 || root.MemberNeeded != 7 || root.OrgBase != 3 || root.OrgNeeded != 2 {
				t.Errorf("bars %d/%d, %d/%d", root.MemberNeeded, root.MemberBase, root.OrgNeeded, root.OrgBase)
			}
		})
	}
}

// Universe: V has a quarter of the ballots but no branch's majority.
func TestUniverse(t *testing.T) {
	orgs := []nominate.Org{{ID: "R", Kind: nominate.ElectionUnit}, {ID: "b1", Parent: "R", Members: 4}, {ID: "b2", Parent: "R", Members: 4}}
	ballots := map[nominate.OrgID][]string{"b1": {"A", "A", "A V", "V"}, "b2": {"B", "B", "B V", "V"}}
	tree, reg, sheets := fixture(t, orgs, ballots, nominate.BallotRule{})
	for _, tc := range []struct {
		u    nominate.Universe
		want []string
	}{
		{nominate.AllNamed, []string{"V", "A", "B"}}, // V has 4 votes, A and B 3
		{nominate.ChildLists, []string{"A", "B"}},
	} {
		t.Run(tc.u.String(), func(t *testing.T) {
			rules := nominate.Rules{
				Default: nominate.Rule{Members: nominate.MemberBar{Threshold: quota.Majority(), Base: nominate.OfTookPart}},
				ByKind: map[nominate.Kind]nominate.Rule{nominate.ElectionUnit: {Universe: tc.u,
					Members: nominate.MemberBar{Threshold: th(1, 4, quota.AtLeast), Base: nominate.OfTookPart}}},
			}
			if got := listed(aggregate(t, tree, reg, sheets, rules).Root()); !slices.Equal(got, tc.want) {
				t.Errorf("list %v, want %v", got, tc.want)
			}
		})
	}
}

// Member bar: each base, with a share that A's 5 votes reach exactly — passing "at least" and
// failing "more than". b2's sheet does not count (4 of 10 took part, under half).
func TestMemberBases(t *testing.T) {
	orgs := []nominate.Org{{ID: "R", Kind: nominate.ElectionUnit}, {ID: "b1", Parent: "R", Members: 10}, {ID: "b2", Parent: "R", Members: 10}}
	ballots := map[nominate.OrgID][]string{
		"b1": {"A", "A", "A", "A", "A", "B", "A B", "! A"},
		"b2": {"A", "A", "A", "A"},
	}
	tree, reg, sheets := fixture(t, orgs, ballots, nominate.BallotRule{Limit: 1})
	for _, tc := range []struct {
		base nominate.MemberBase
		fig  int // the base figure: 20 entitled, 10 entitled in counted branches, 8 took part, 6 valid
	}{
		{nominate.OfEntitled, 20}, {nominate.OfEntitledCounted, 10}, {nominate.OfTookPart, 8}, {nominate.OfValid, 6},
	} {
		for _, b := range []quota.Boundary{quota.AtLeast, quota.MoreThan} {
			t.Run(tc.base.String()+"/"+b.String(), func(t *testing.T) {
				rules := nominate.Rules{
					Default: nominate.Rule{Participation: th(1, 2, quota.AtLeast)},
					ByKind: map[nominate.Kind]nominate.Rule{nominate.ElectionUnit: {
						Members: nominate.MemberBar{Threshold: th(5, int64(tc.fig), b), Base: tc.base}}},
				}
				root := aggregate(t, tree, reg, sheets, rules).Root()
				if root.MemberBase != tc.fig {
					t.Fatalf("base %d, want %d", root.MemberBase, tc.fig)
				}
				_, passed := onList(root, "A")
				if want := b == quota.AtLeast; passed != want {
					t.Errorf("A (5 votes) passes: %t, want %t (needed %d)", passed, want, root.MemberNeeded)
				}
			})
		}
	}
}

// Organisation bar: scope and base, each on both sides. A is listed by b1 and b2 (so by c1);
// b3 lists no one; b4's sheet does not count, so c2 has no counted branch.
func TestOrgBars(t *testing.T) {
	orgs := []nominate.Org{{ID: "R", Kind: nominate.ElectionUnit},
		{ID: "c1", Parent: "R", Kind: nominate.Committee}, {ID: "c2", Parent: "R", Kind: nominate.Committee},
		{ID: "b1", Parent: "c1", Members: 2}, {ID: "b2", Parent: "c1", Members: 2}, {ID: "b3", Parent: "c1", Members: 2},
		{ID: "b4", Parent: "c2", Members: 2}}
	ballots := map[nominate.OrgID][]string{"b1": {"A", "A"}, "b2": {"A", "A"}, "b3": {"B", "C"}}
	tree, reg, sheets := fixture(t, orgs, ballots, nominate.BallotRule{})
	for _, tc := range []struct {
		scope        nominate.OrgScope
		base         nominate.OrgBase
		count, base_ int
	}{
		{nominate.Children, nominate.AllOrgs, 1, 2},
		{nominate.Children, nominate.CountedOrgs, 1, 1},
		{nominate.Branches, nominate.AllOrgs, 2, 4},
		{nominate.Branches, nominate.CountedOrgs, 2, 3},
	} {
		for _, b := range []quota.Boundary{quota.AtLeast, quota.MoreThan} {
			t.Run(tc.scope.String()+"/"+tc.base.String()+"/"+b.String(), func(t *testing.T) {
				rules := nominate.Rules{
					Default: nominate.Rule{Members: nominate.MemberBar{Threshold: quota.Majority(), Base: nominate.OfTookPart}},
					ByKind: map[nominate.Kind]nominate.Rule{
						nominate.Committee: {Basis: nominate.ByMembers, Members: nominate.MemberBar{Threshold: quota.Majority(), Base: nominate.OfTookPart}},
						nominate.ElectionUnit: {Basis: nominate.ByOrgs,
							Orgs: nominate.OrgBar{Threshold: th(int64(tc.count), int64(tc.base_), b), Scope: tc.scope, Base: tc.base}},
					},
				}
				root := aggregate(t, tree, reg, sheets, rules).Root()
				if root.OrgBase != tc.base_ {
					t.Fatalf("base %d, want %d", root.OrgBase, tc.base_)
				}
				_, passed := onList(root, "A")
				if want := b == quota.AtLeast; passed != want {
					t.Errorf("A passes: %t, want %t", passed, want)
				}
			})
		}
	}
}

// six persons with 6, 5, 4, 3, 2, 1 votes in one branch of 6 members.
func sixPersons(t *testing.T, places int) (*nominate.Tree, *nominate.Registry, []nominate.Sheet) {
	orgs := []nominate.Org{{ID: "R", Kind: nominate.ElectionUnit, Places: places}, {ID: "b1", Parent: "R", Members: 6}}
	ballots := map[nominate.OrgID][]string{"b1": {"A B C D E F", "A B C D E", "A B C D", "A B C", "A B", "A"}}
	return fixture(t, orgs, ballots, nominate.BallotRule{})
}

// List sizes: every passer, full quota, a surplus (both boundaries), a share, which size to
// take, and the shortfall when too few pass.
func TestSizes(t *testing.T) {
	d := func(share quota.Fraction, b quota.Boundary, maxShare quota.Fraction) quota.Difference {
		return quota.Difference{MinShare: share, MinBoundary: b, MaxShare: maxShare}
	}
	for _, tc := range []struct {
		name     string
		places   int
		size     nominate.Size
		min, max int
		want     int // listed
		short    int
	}{
		{"all", 2, nominate.Size{}, 0, -1, 6, 0},
		{"full", 2, nominate.Full(), 2, 2, 2, 0},
		{"full short", 7, nominate.Full(), 7, 7, 6, 1},
		{"30% at least of 10", 10, nominate.Surplus(d(quota.Percent(30), quota.AtLeast, quota.Fraction{})), 13, -1, 6, 7},
		{"30% more than of 10", 10, nominate.Surplus(d(quota.Percent(30), quota.MoreThan, quota.Fraction{})), 14, -1, 6, 8},
		{"half at least of 2, take min", 2, nominate.Surplus(d(quota.Ratio(1, 2), quota.AtLeast, quota.Ratio(1, 1))), 3, 4, 3, 0},
		{"half at least of 2, take max", 2, nominate.Size{Kind: nominate.SizeSurplus, Surplus: d(quota.Ratio(1, 2), quota.AtLeast, quota.Ratio(1, 1)), Take: nominate.TakeMax}, 3, 4, 4, 0},
		{"half at least of 2, take all", 2, nominate.Size{Kind: nominate.SizeSurplus, Surplus: d(quota.Ratio(1, 2), quota.AtLeast, quota.Ratio(1, 1)), Take: nominate.TakeAll}, 3, 4, 4, 0},
		{"take all without max", 2, nominate.Size{Kind: nominate.SizeSurplus, Surplus: d(quota.Ratio(1, 2), quota.AtLeast, quota.Fraction{}), Take: nominate.TakeAll}, 3, -1, 6, 0},
		{"3/2 at least of 2", 2, nominate.Size{Kind: nominate.SizeShare, Share: th(3, 2, quota.AtLeast)}, 3, 3, 3, 0},
		{"3/2 more than of 2", 2, nominate.Size{Kind: nominate.SizeShare, Share: th(3, 2, quota.MoreThan)}, 4, 4, 4, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tree, reg, sheets := sixPersons(t, tc.places)
			rules := nominate.Rules{ByKind: map[nominate.Kind]nominate.Rule{nominate.ElectionUnit: {Size: tc.size}}}
			root := aggregate(t, tree, reg, sheets, rules).Root()
			if root.Min != tc.min || root.Max != tc.max || len(root.List) != tc.want || root.Short != tc.short {
				t.Errorf("min %d max %d listed %d short %d, want %d %d %d %d", root.Min, root.Max, len(root.List), root.Short, tc.min, tc.max, tc.want, tc.short)
			}
			if got := listed(root); !slices.Equal(got, []string{"A", "B", "C", "D", "E", "F"}[:len(got)]) {
				t.Errorf("list %v not in vote order", got)
			}
		})
	}
}

// Ranking keys: B has more votes, A more branches; the order decides who makes a list of one.
func TestOrder(t *testing.T) {
	orgs := []nominate.Org{{ID: "R", Kind: nominate.ElectionUnit, Places: 1},
		{ID: "b1", Parent: "R", Members: 4}, {ID: "b2", Parent: "R", Members: 4}}
	ballots := map[nominate.OrgID][]string{"b1": {"A B", "A B", "B", "B"}, "b2": {"A", "A", "C", "C"}}
	tree, reg, sheets := fixture(t, orgs, ballots, nominate.BallotRule{})
	for _, tc := range []struct {
		order []nominate.Key
		want  string
	}{
		{nil, ""}, // votes alone: A and B tie
		{[]nominate.Key{nominate.KeyBranches, nominate.KeyVotes}, "A"},
		{[]nominate.Key{nominate.KeyVotes, nominate.KeyBranches}, "A"},
	} {
		t.Run(strings.Trim(strings.Join(strings.Fields(strings.Trim(keyNames(tc.order), "[]")), ","), ","), func(t *testing.T) {
			rules := nominate.Rules{
				Default: nominate.Rule{Members: nominate.MemberBar{Threshold: th(1, 2, quota.AtLeast), Base: nominate.OfTookPart}},
				ByKind:  map[nominate.Kind]nominate.Rule{nominate.ElectionUnit: {Size: nominate.Full(), Order: tc.order}},
			}
			root := aggregate(t, tree, reg, sheets, rules).Root()
			if root.Tie != nil {
				if tc.order != nil {
					t.Fatalf("tie %+v", root.Tie)
				}
				// A and B have 4 votes each: ranked by votes alone they tie for the one place.
				if !slices.Equal(root.Tie.Persons, []string{"A", "B"}) || root.Tie.Places != 1 {
					t.Errorf("tie %+v", root.Tie)
				}
				return
			}
			if got := listed(root); !slices.Equal(got, []string{tc.want}) {
				t.Errorf("list %v, want %s", got, tc.want)
			}
		})
	}
}

func keyNames(ks []nominate.Key) string {
	var s []string
	for _, k := range ks {
		s = append(s, k.String())
	}
	if len(s) == 0 {
		return "default"
	}
	return strings.Join(s, " ")
}

// A cut inside a tie: reported as data, included, excluded, or settled by a recorded order.
func TestTieAtCut(t *testing.T) {
	orgs := []nominate.Org{{ID: "R", Kind: nominate.ElectionUnit, Places: 2}, {ID: "b1", Parent: "R", Members: 3}}
	ballots := map[nominate.OrgID][]string{"b1": {"A B C", "A B C", "A D"}} // A 3, B 2, C 2, D 1
	tree, reg, sheets := fixture(t, orgs, ballots, nominate.BallotRule{})
	rule := func(at nominate.CutRule) nominate.Rules {
		return nominate.Rules{ByKind: map[nominate.Kind]nominate.Rule{nominate.ElectionUnit: {Size: nominate.Full(), AtCut: at}}}
	}
	t.Run("report", func(t *testing.T) {
		root := aggregate(t, tree, reg, sheets, rule(nominate.ReportTie)).Root()
		if got := listed(root); !slices.Equal(got, []string{"A"}) || root.Tie == nil ||
			!slices.Equal(root.Tie.Persons, []string{"B", "C"}) || root.Tie.Places != 1 || root.Tie.Rank != 2 {
			t.Errorf("list %v tie %+v", got, root.Tie)
		}
		if root.Short != 0 {
			t.Errorf("short %d with a tie pending", root.Short)
		}
	})
	t.Run("ranking", func(t *testing.T) {
		p := aggregate(t, tree, reg, sheets, rule(nominate.ReportTie))
		es, err := p.Ranking("R")
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range es {
			got = append(got, fmt.Sprintf("%s%d", e.Person, e.Rank))
		}
		if !slices.Equal(got, []string{"A1", "B2", "C2", "D4"}) {
			t.Errorf("ranking %v", got)
		}
		kept, err := nominate.Aggregate(tree, reg, nominate.Up{Rules: rule(nominate.ReportTie), Sheets: sheets}, nominate.Options{TallyLevels: 1})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := kept.Ranking("b1"); !errors.Is(err, nominate.ErrNoTallies) {
			t.Errorf("ranking of a level not kept: %v", err)
		}
	})
	t.Run("include", func(t *testing.T) {
		root := aggregate(t, tree, reg, sheets, rule(nominate.IncludeTied)).Root()
		if got := listed(root); !slices.Equal(got, []string{"A", "B", "C"}) || root.Tie != nil {
			t.Errorf("list %v tie %+v", got, root.Tie)
		}
	})
	t.Run("exclude", func(t *testing.T) {
		root := aggregate(t, tree, reg, sheets, rule(nominate.ExcludeTied)).Root()
		if got := listed(root); !slices.Equal(got, []string{"A"}) || root.Tie != nil || root.Short != 1 {
			t.Errorf("list %v tie %+v short %d", got, root.Tie, root.Short)
		}
	})
	t.Run("settled", func(t *testing.T) {
		d := nominate.Decision{Org: "R", Op: nominate.OpOrder, Persons: []string{"C", "B"}, Ref: "minute 3"}
		root := aggregate(t, tree, reg, sheets, rule(nominate.ReportTie), d).Root()
		if got := listed(root); !slices.Equal(got, []string{"A", "C"}) || root.Tie != nil {
			t.Errorf("list %v tie %+v", got, root.Tie)
		}
		if !slices.ContainsFunc(root.Reasons, func(r nominate.Reason) bool { return r.Kind == nominate.ReasonTieSettled && r.Ref == "minute 3" }) {
			t.Errorf("reasons %v", root.Reasons)
		}
	})
	for _, tc := range []struct {
		name string
		d    nominate.Decision
	}{
		{"order naming others", nominate.Decision{Org: "R", Op: nominate.OpOrder, Persons: []string{"C", "D"}}},
		{"order without a tie", nominate.Decision{Org: "b1", Op: nominate.OpOrder, Persons: []string{"B", "C"}}},
		{"unknown person", nominate.Decision{Org: "R", Op: nominate.OpAdd, Persons: []string{"Z"}}},
		{"unknown organisation", nominate.Decision{Org: "Q", Op: nominate.OpAdd, Persons: []string{"A"}}},
		{"add a listed person", nominate.Decision{Org: "b1", Op: nominate.OpAdd, Persons: []string{"A"}}},
		{"a person twice", nominate.Decision{Org: "R", Op: nominate.OpRemove, Persons: []string{"D", "D"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := nominate.Aggregate(tree, reg, nominate.Up{Rules: rule(nominate.ReportTie), Sheets: sheets, Decisions: []nominate.Decision{tc.d}}, nominate.Options{})
			var de *nominate.DecisionError
			if !errors.As(err, &de) {
				t.Fatalf("error %v, want a *DecisionError", err)
			}
		})
	}
}

// Shortfall: reported, or a second recommendation among the most-voted of the rest, whose
// counts fill the places.
func TestShortfallSecondRound(t *testing.T) {
	orgs := []nominate.Org{{ID: "R", Kind: nominate.ElectionUnit, Places: 3}, {ID: "b1", Parent: "R", Members: 4}}
	ballots := map[nominate.OrgID][]string{"b1": {"A B", "A C", "A D", "B E"}} // A 3, B 2, C D E 1
	tree, reg, sheets := fixture(t, orgs, ballots, nominate.BallotRule{})
	rules := nominate.Rules{ByKind: map[nominate.Kind]nominate.Rule{nominate.ElectionUnit: {
		Members: nominate.MemberBar{Threshold: quota.Majority(), Base: nominate.OfTookPart}, // 3 of 4
		Size:    nominate.Full(),
	}}}
	root := aggregate(t, tree, reg, sheets, rules).Root()
	if got := listed(root); !slices.Equal(got, []string{"A"}) || root.Short != 2 || root.Second != nil {
		t.Fatalf("list %v short %d second %v", got, root.Short, root.Second)
	}
	r := rules.ByKind[nominate.ElectionUnit]
	r.Shortfall = nominate.Shortfall{Rule: nominate.SecondRound, Candidates: quota.Difference{MinShare: quota.Ratio(1, 2), MinBoundary: quota.AtLeast}}
	rules.ByKind[nominate.ElectionUnit] = r
	p := aggregate(t, tree, reg, sheets, rules)
	root = p.Root()
	// 2 missing, at least half as many again: 3 candidates, B (2 votes), then C, D and E tied at
	// 1 — all three included.
	if !slices.Equal(root.Second, []string{"B", "C", "D", "E"}) {
		t.Fatalf("second %v", root.Second)
	}
	slate, err := p.SecondSlate("R")
	if err != nil || slate.Seats != 2 || !slices.Equal(slate.IDs(), root.Second) {
		t.Fatalf("slate %+v, %v", slate, err)
	}
	// The second recommendation: 4 ballots, B 4, C 3, D 1, E 0.
	second := secondCounts(slate.IDs(), 4, []int{4, 3, 1, 0})
	q, err := nominate.Aggregate(tree, reg, nominate.Up{Rules: rules, Sheets: sheets, Second: []nominate.Second{{Org: "R", Counts: second}}}, nominate.Options{})
	if err != nil {
		t.Fatal(err)
	}
	root = q.Root()
	if got := listed(root); !slices.Equal(got, []string{"A", "B", "C"}) || root.Short != 0 {
		t.Fatalf("list %v short %d", got, root.Short)
	}
	if root.List[1].Origin != nominate.SecondRanked {
		t.Errorf("origin %v", root.List[1].Origin)
	}
	// Two counts for one organisation.
	twice := nominate.Up{Rules: rules, Sheets: sheets, Second: []nominate.Second{{Org: "R", Counts: second}, {Org: "R", Counts: second}}}
	if _, err := nominate.Aggregate(tree, reg, twice, nominate.Options{}); !errors.Is(err, nominate.ErrSecond) {
		t.Errorf("two counts: error %v, want ErrSecond", err)
	}
	// Counts for a slate that was not asked for.
	bad := secondCounts([]string{"B", "C"}, 4, []int{4, 3})
	if _, err := nominate.Aggregate(tree, reg, nominate.Up{Rules: rules, Sheets: sheets, Second: []nominate.Second{{Org: "R", Counts: bad}}}, nominate.Options{}); !errors.Is(err, nominate.ErrSecond) {
		t.Errorf("error %v, want ErrSecond", err)
	}
}

// Names per ballot, over-limit ballots and a name written twice.
func TestBallotRules(t *testing.T) {
	for _, tc := range []struct {
		name    string
		rule    nominate.BallotRule
		ballot  string
		invalid bool
		votesA  int
	}{
		{"within the limit", nominate.BallotRule{Limit: 2}, "A B", false, 1},
		{"over the limit", nominate.BallotRule{Limit: 2}, "A B C", true, 0},
		{"no limit", nominate.BallotRule{}, "A B C D E F G", false, 1},
		{"twice, once", nominate.BallotRule{Limit: 2}, "A A B", false, 1},
		{"twice, invalid", nominate.BallotRule{Limit: 2, Duplicates: nominate.DupInvalid}, "A A", true, 0},
		{"empty ballot", nominate.BallotRule{Limit: 2}, "", false, 0},
		{"spoiled", nominate.BallotRule{Limit: 2}, "! A", false, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			orgs := []nominate.Org{{ID: "R"}, {ID: "b", Parent: "R", Members: 1}}
			_, _, sheets := fixture(t, orgs, map[nominate.OrgID][]string{"b": {tc.ballot}}, tc.rule)
			s := sheets[0]
			if s.All.Ballots != 1 || (s.All.Invalid == 1) != tc.invalid {
				t.Errorf("turnout %+v", s.All)
			}
			a := 0
			if len(s.Votes) > 0 && s.Votes[0].Person == 0 {
				a = s.Votes[0].Votes
			}
			if a != tc.votesA {
				t.Errorf("A has %d votes, want %d", a, tc.votesA)
			}
		})
	}
}

// Participation: a branch's sheet counts when its turnout reaches the minimum.
func TestParticipation(t *testing.T) {
	for _, tc := range []struct {
		name    string
		min     quota.Threshold
		ballots int
		counted bool
	}{
		{"4 of 5, at least 4/5", nominate.OwipParticipation(), 4, true},
		{"3 of 5, at least 4/5", nominate.OwipParticipation(), 3, false},
		{"4 of 5, more than 4/5", th(4, 5, quota.MoreThan), 4, false},
		{"3 of 5, more than half", quota.Majority(), 3, true},
		{"0 of 5, default", quota.Threshold{}, 0, false},
		{"1 of 5, default", quota.Threshold{}, 1, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			orgs := []nominate.Org{{ID: "R"}, {ID: "b", Parent: "R", Members: 5}}
			bs := make([]string, tc.ballots)
			for i := range bs {
				bs[i] = "A"
			}
			tree, reg, sheets := fixture(t, orgs, map[nominate.OrgID][]string{"b": bs}, nominate.BallotRule{})
			p := aggregate(t, tree, reg, sheets, nominate.Rules{Default: nominate.Rule{Participation: tc.min}})
			b, _ := p.Node("b")
			if b.Counted != tc.counted || p.Root().Counted != tc.counted {
				t.Errorf("counted %t, want %t", b.Counted, tc.counted)
			}
			if !tc.counted && (p.Root().All.Ballots != 0 || p.Root().Uncounted != tc.ballots || len(p.Root().Tallies) != 0) {
				t.Errorf("an uncounted sheet reached the root: %+v", p.Root())
			}
		})
	}
}

// Probationary members: counted or set aside, in the votes and in the base.
func TestProbationary(t *testing.T) {
	orgs := []nominate.Org{{ID: "R", Kind: nominate.ElectionUnit}, {ID: "b", Parent: "R", Members: 4, Probationary: 1}}
	ballots := map[nominate.OrgID][]string{"b": {"~ A", "A", "B", "C"}}
	tree, reg, sheets := fixture(t, orgs, ballots, nominate.BallotRule{})
	for _, count := range []bool{false, true} {
		t.Run(map[bool]string{false: "set aside", true: "counted"}[count], func(t *testing.T) {
			r := nominate.Rule{CountProbationary: count, Members: nominate.MemberBar{Threshold: th(1, 2, quota.AtLeast), Base: nominate.OfEntitled}}
			root := aggregate(t, tree, reg, sheets, nominate.Rules{Default: r}).Root()
			wantBase, wantA := 3, false // A has 1 full vote of 3: not half
			if count {
				wantBase, wantA = 4, true // 2 of 4
			}
			_, a := onList(root, "A")
			if root.MemberBase != wantBase || a != wantA {
				t.Errorf("base %d, A listed %t; want %d, %t", root.MemberBase, a, wantBase, wantA)
			}
			// Participation of at least 3/4: 4 of 4 members, or 3 of 3 full members; with a
			// full member's ballot missing, 3 of 4 or 2 of 3.
			r.Participation = th(3, 4, quota.AtLeast)
			if !aggregate(t, tree, reg, sheets, nominate.Rules{Default: r}).Root().Counted {
				t.Error("every member took part, yet the sheet does not count")
			}
			_, _, short := fixture(t, orgs, map[nominate.OrgID][]string{"b": {"~ A", "A", "B"}}, nominate.BallotRule{})
			if got := aggregate(t, tree, reg, short, nominate.Rules{Default: r}).Root().Counted; got != count {
				t.Errorf("3 of 4 members (2 of 3 full): counted %t, want %t", got, count)
			}
		})
	}
}

// Unvoted names: a person added by a committee with no member's vote goes up only where the
// rule allows it.
func TestAllowUnvoted(t *testing.T) {
	orgs := []nominate.Org{{ID: "R", Kind: nominate.ElectionUnit}, {ID: "c", Parent: "R", Kind: nominate.Committee},
		{ID: "b", Parent: "c", Members: 2}}
	tree, reg, sheets := fixture(t, orgs, map[nominate.OrgID][]string{"b": {"A", "A"}}, nominate.BallotRule{})
	reg.Intern("N")
	add := nominate.Decision{Org: "c", Op: nominate.OpAdd, Persons: []string{"N"}, Ground: nominate.Structure, Ref: "minute 1"}
	for _, allow := range []bool{false, true} {
		t.Run(map[bool]string{false: "forbidden", true: "allowed"}[allow], func(t *testing.T) {
			rules := nominate.Rules{ByKind: map[nominate.Kind]nominate.Rule{nominate.ElectionUnit: {
				Basis: nominate.ByOrgs, Universe: nominate.ChildLists, AllowUnvoted: allow,
				Orgs: nominate.OrgBar{Threshold: quota.Majority()}}}}
			p := aggregate(t, tree, reg, sheets, rules, add)
			c, _ := p.Node("c")
			if e, ok := onList(c, "N"); !ok || e.Origin != nominate.Added {
				t.Fatalf("committee list %v", c.List)
			}
			_, up := onList(p.Root(), "N")
			if up != allow {
				t.Errorf("N sent up: %t, want %t", up, allow)
			}
			if !allow && !slices.ContainsFunc(p.Root().Reasons, func(r nominate.Reason) bool { return r.Kind == nominate.ReasonUnvoted }) {
				t.Errorf("no unvoted reason: %v", p.Root().Reasons)
			}
		})
	}
}

// Sheets with impossible figures are refused with the organisation and the sentinel.
func TestSheetErrors(t *testing.T) {
	orgs := []nominate.Org{{ID: "R"}, {ID: "c", Parent: "R"}, {ID: "b", Parent: "c", Members: 3, Probationary: 1}}
	tree, _ := nominate.NewTree(orgs)
	reg := nominate.NewRegistry()
	a, _ := reg.Intern("A")
	b, _ := reg.Intern("B")
	ok := nominate.Sheet{Org: "b", Limit: 1, All: nominate.Turnout{Ballots: 2}, Full: nominate.Turnout{Ballots: 2}, Votes: []nominate.Vote{{Person: a, Votes: 1, Full: 1}}}
	for _, tc := range []struct {
		name   string
		edit   func(s *nominate.Sheet)
		sheets int
		want   error
	}{
		{"unknown organisation", func(s *nominate.Sheet) { s.Org = "x" }, 1, nominate.ErrUnknownOrg},
		{"inner organisation", func(s *nominate.Sheet) { s.Org = "c" }, 1, nominate.ErrNotLeaf},
		{"two sheets", func(*nominate.Sheet) {}, 2, nominate.ErrDuplicateSheet},
		{"more ballots than members", func(s *nominate.Sheet) { s.All.Ballots = 4; s.Full.Ballots = 2 }, 1, nominate.ErrSheet},
		{"more full ballots than full members", func(s *nominate.Sheet) { s.All.Ballots = 3; s.Full.Ballots = 3 }, 1, nominate.ErrSheet},
		{"invalid over ballots", func(s *nominate.Sheet) { s.All.Invalid = 3 }, 1, nominate.ErrSheet},
		{"votes over valid", func(s *nominate.Sheet) { s.Votes[0].Votes, s.Votes[0].Full = 3, 3 }, 1, nominate.ErrSheet},
		{"full over votes", func(s *nominate.Sheet) { s.Votes[0].Full = 2 }, 1, nominate.ErrSheet},
		{"names over the limit", func(s *nominate.Sheet) {
			s.Votes = []nominate.Vote{{Person: a, Votes: 2, Full: 2}, {Person: b, Votes: 1, Full: 1}}
		}, 1, nominate.ErrSheet},
		{"persons repeated", func(s *nominate.Sheet) { s.Votes = append(s.Votes, s.Votes[0]) }, 1, nominate.ErrSheet},
		{"person outside the registry", func(s *nominate.Sheet) { s.Votes[0].Person = 9 }, 1, nominate.ErrPerson},
		{"negative", func(s *nominate.Sheet) { s.All.Spoiled = -1 }, 1, nominate.ErrSheet},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := ok.Clone()
			tc.edit(&s)
			sheets := []nominate.Sheet{s}
			if tc.sheets == 2 {
				sheets = append(sheets, s.Clone())
			}
			_, err := nominate.Aggregate(tree, reg, nominate.Up{Sheets: sheets}, nominate.Options{})
			var se *nominate.SheetError
			if !errors.Is(err, tc.want) || !errors.As(err, &se) {
				t.Fatalf("error %v, want %v in a *SheetError", err, tc.want)
			}
			if !strings.HasPrefix(err.Error(), "nominate: ") {
				t.Errorf("message %q", err)
			}
		})
	}
	if _, err := nominate.Aggregate(tree, reg, nominate.Up{Sheets: []nominate.Sheet{ok}}, nominate.Options{}); err != nil {
		t.Errorf("the valid sheet: %v", err)
	}
}

// A rule that cannot be applied.
func TestRuleErrors(t *testing.T) {
	tree, _ := nominate.NewTree([]nominate.Org{{ID: "R"}, {ID: "b", Parent: "R", Members: 1}})
	reg := nominate.NewRegistry()
	for _, tc := range []struct {
		name string
		r    nominate.Rule
		want error
	}{
		{"size without places", nominate.Rule{Size: nominate.Full()}, nominate.ErrRule},
		{"take max without max", nominate.Rule{Size: nominate.Size{Kind: nominate.SizeSurplus, Take: nominate.TakeMax}}, nominate.ErrRule},
		{"repeated key", nominate.Rule{Order: []nominate.Key{nominate.KeyVotes, nominate.KeyVotes}}, nominate.ErrRule},
		{"basis out of range", nominate.Rule{Basis: 9}, nominate.ErrKind},
		{"key zero", nominate.Rule{Order: []nominate.Key{0}}, nominate.ErrKind},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := nominate.Aggregate(tree, reg, nominate.Up{Rules: nominate.Rules{Default: tc.r}}, nominate.Options{})
			var re *nominate.RuleError
			if !errors.Is(err, tc.want) || !errors.As(err, &re) {
				t.Errorf("error %v, want %v", err, tc.want)
			}
		})
	}
}

// Per-kind and per-organisation rules: Chongqing in 2022 combined full quota and an enlarged
// proportion across its recommending units.
func TestRulesFor(t *testing.T) {
	orgs := []nominate.Org{{ID: "R", Kind: nominate.ElectionUnit},
		{ID: "u1", Parent: "R", Kind: nominate.RecommendingUnit, Places: 2},
		{ID: "u2", Parent: "R", Kind: nominate.RecommendingUnit, Places: 2},
		{ID: "b1", Parent: "u1", Members: 6}, {ID: "b2", Parent: "u2", Members: 6}}
	bs := []string{"A B C D E F", "A B C D E", "A B C D", "A B C", "A B", "A"}
	tree, reg, sheets := fixture(t, orgs, map[nominate.OrgID][]string{"b1": bs, "b2": bs}, nominate.BallotRule{})
	rules := nominate.Rules{
		ByKind: map[nominate.Kind]nominate.Rule{nominate.RecommendingUnit: {Size: nominate.Full()}},
		ByOrg:  map[nominate.OrgID]nominate.Rule{"u2": {Size: nominate.Size{Kind: nominate.SizeShare, Share: th(3, 2, quota.AtLeast)}}},
	}
	p := aggregate(t, tree, reg, sheets, rules)
	u1, _ := p.Node("u1")
	u2, _ := p.Node("u2")
	if len(u1.List) != 2 || len(u2.List) != 3 {
		t.Errorf("full quota lists %d, enlarged %d", len(u1.List), len(u2.List))
	}
}

// Decisions: a committee keeps a person off its list (the cut takes the next) and adds another.
func TestDecisions(t *testing.T) {
	tree, reg, sheets := sixPersons(t, 2)
	rules := nominate.Rules{ByKind: map[nominate.Kind]nominate.Rule{nominate.ElectionUnit: {Size: nominate.Full()}}}
	p := aggregate(t, tree, reg, sheets, rules,
		nominate.Decision{Org: "R", Op: nominate.OpRemove, Persons: []string{"A"}, Ground: nominate.Consultation, Ref: "m1"},
		nominate.Decision{Org: "R", Op: nominate.OpAdd, Persons: []string{"F"}, Ground: nominate.FromAbove, Ref: "m2"})
	// The pass keeps the decisions in canonical order: by organisation, then op (add first).
	if len(p.Decisions) != 2 || p.Decisions[0].Op != nominate.OpAdd || p.Decisions[1].Op != nominate.OpRemove {
		t.Errorf("decisions %+v", p.Decisions)
	}
	root := p.Root()
	if got := listed(root); !slices.Equal(got, []string{"B", "C", "F"}) {
		t.Fatalf("list %v", got)
	}
	if root.List[2].Origin != nominate.Above || root.List[2].Rank != 0 {
		t.Errorf("F: %+v", root.List[2])
	}
	var kinds []string
	for _, r := range root.Reasons {
		kinds = append(kinds, r.Kind.String())
	}
	if !slices.Equal(kinds, []string{"removed", "cut", "added"}) {
		t.Errorf("reasons %v", kinds)
	}
}

// secondCounts is the count of a second recommendation of the given candidates: ballots, and
// each candidate's For votes (the rest abstain).
func secondCounts(ids []string, ballots int, votes []int) count.Counts {
	c := count.Counts{Ballots: ballots, Valid: ballots, WriteIns: []count.WriteInCount{}}
	for i, id := range ids {
		c.Candidates = append(c.Candidates, count.CandidateCount{ID: id, For: votes[i], Abstain: ballots - votes[i]})
	}
	return c
}
