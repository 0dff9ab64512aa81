package nominate_test

import (
	"fmt"
	"slices"

	"github.com/chae-go/chae/quota"
	"github.com/chae-go/chae/tally/nominate"
	"pgregory.net/rapid"
)

// fataler is what both *testing.T and *rapid.T offer.
type fataler interface {
	Helper()
	Fatal(args ...any)
	Fatalf(format string, args ...any)
}

// rawBallot is a recommendation ballot as written: person keys.
type rawBallot struct {
	persons      []string
	probationary bool
	spoiled      bool
}

// scenario is a random nomination input: a tree, every branch's ballots, rules and decisions.
type scenario struct {
	orgs      []nominate.Org
	ballots   map[nominate.OrgID][]rawBallot
	persons   []string
	rule      nominate.BallotRule
	rules     nominate.Rules
	decisions []nominate.Decision
	leaves    []nominate.OrgID
}

var shares = []quota.Fraction{{}, quota.Ratio(1, 4), quota.Ratio(1, 3), quota.Ratio(1, 2), quota.Ratio(2, 3)}

func drawThreshold(t *rapid.T, label string) quota.Threshold {
	return quota.Threshold{
		Share:    rapid.SampledFrom(shares).Draw(t, label+".share"),
		Boundary: rapid.SampledFrom([]quota.Boundary{quota.MoreThan, quota.AtLeast}).Draw(t, label+".boundary"),
	}
}

func drawRule(t *rapid.T, label string, decisions bool) nominate.Rule {
	r := nominate.Rule{
		Basis:    nominate.Basis(rapid.IntRange(0, 3).Draw(t, label+".basis")),
		Universe: nominate.Universe(rapid.IntRange(0, 1).Draw(t, label+".universe")),
		Members: nominate.MemberBar{Threshold: drawThreshold(t, label+".members"),
			Base: nominate.MemberBase(rapid.IntRange(0, 3).Draw(t, label+".members.base"))},
		Orgs: nominate.OrgBar{Threshold: drawThreshold(t, label+".orgs"),
			Scope: nominate.OrgScope(rapid.IntRange(0, 1).Draw(t, label+".orgs.scope")),
			Base:  nominate.OrgBase(rapid.IntRange(0, 1).Draw(t, label+".orgs.base"))},
		AtCut:             nominate.CutRule(rapid.IntRange(0, 2).Draw(t, label+".atcut")),
		CountProbationary: rapid.Bool().Draw(t, label+".probationary"),
	}
	if decisions {
		r.AllowUnvoted = rapid.Bool().Draw(t, label+".unvoted")
	}
	switch rapid.IntRange(0, 3).Draw(t, label+".size") {
	case 1:
		r.Size = nominate.Full()
	case 2:
		r.Size = nominate.Surplus(quota.Difference{MinShare: rapid.SampledFrom(shares).Draw(t, label+".surplus"),
			MinBoundary: quota.AtLeast, MaxShare: quota.Ratio(1, 1)})
		r.Size.Take = nominate.Take(rapid.IntRange(0, 2).Draw(t, label+".take"))
	case 3:
		r.Size = nominate.Size{Kind: nominate.SizeShare, Share: quota.Threshold{Share: quota.Ratio(3, 2), Boundary: quota.AtLeast}}
	}
	keys := rapid.SliceOfNDistinct(rapid.SampledFrom([]nominate.Key{nominate.KeyVotes, nominate.KeyFull,
		nominate.KeyOrgs, nominate.KeyBranches, nominate.KeyAgainst}), 0, 3, rapid.ID[nominate.Key]).Draw(t, label+".order")
	r.Order = keys
	if rapid.IntRange(0, 3).Draw(t, label+".participation") == 0 {
		r.Participation = quota.Threshold{Share: quota.Ratio(1, 2), Boundary: quota.AtLeast}
	}
	return r
}

// drawScenario draws a tree of one to three inner levels, branches of 1 to 8 members, ballots
// naming up to limit+1 of a small pool (so that over-votes and duplicates occur), rules per
// kind, and (with decisions) additions of persons to inner lists.
func drawScenario(t *rapid.T, decisions bool) *scenario {
	s := &scenario{ballots: map[nominate.OrgID][]rawBallot{}}
	np := rapid.IntRange(2, 7).Draw(t, "persons")
	for i := range np {
		s.persons = append(s.persons, fmt.Sprintf("p%d", i))
	}
	s.rule = nominate.BallotRule{Limit: rapid.IntRange(0, 3).Draw(t, "limit"),
		Duplicates: nominate.DupRule(rapid.IntRange(0, 1).Draw(t, "dup"))}
	s.orgs = append(s.orgs, nominate.Org{ID: "root", Kind: nominate.ElectionUnit, Places: rapid.IntRange(1, 3).Draw(t, "places")})
	depth := rapid.IntRange(1, 3).Draw(t, "depth")
	kinds := []nominate.Kind{nominate.RecommendingUnit, nominate.Committee, nominate.GeneralBranch}
	var grow func(parent nominate.OrgID, level int)
	n := 0
	grow = func(parent nominate.OrgID, level int) {
		k := rapid.IntRange(1, 3).Draw(t, "fanout")
		for range k {
			n++
			id := nominate.OrgID(fmt.Sprintf("o%02d", n))
			if level < depth && rapid.IntRange(0, 3).Draw(t, "inner") > 0 {
				s.orgs = append(s.orgs, nominate.Org{ID: id, Parent: parent, Kind: kinds[level-1]})
				grow(id, level+1)
				continue
			}
			m := rapid.IntRange(1, 8).Draw(t, "members")
			pr := rapid.IntRange(0, min(2, m)).Draw(t, "prob")
			s.orgs = append(s.orgs, nominate.Org{ID: id, Parent: parent, Kind: nominate.Branch, Members: m, Probationary: pr})
			s.leaves = append(s.leaves, id)
			nb := rapid.IntRange(0, m).Draw(t, "ballots")
			probLeft := pr
			fullLeft := m - pr
			for range nb {
				b := rawBallot{}
				if probLeft > 0 && (fullLeft == 0 || rapid.IntRange(0, 3).Draw(t, "isprob") == 0) {
					b.probationary = true
					probLeft--
				} else if fullLeft > 0 {
					fullLeft--
				} else {
					continue
				}
				b.spoiled = rapid.IntRange(0, 9).Draw(t, "spoiled") == 0
				k := rapid.IntRange(0, max(s.rule.Limit, 2)+1).Draw(t, "names")
				for range k {
					b.persons = append(b.persons, rapid.SampledFrom(s.persons).Draw(t, "name"))
				}
				s.ballots[id] = append(s.ballots[id], b)
			}
		}
	}
	grow("root", 1)
	if len(s.leaves) == 0 { // the root alone is never drawn, but keep the tree valid
		s.orgs = append(s.orgs, nominate.Org{ID: "o99", Parent: "root", Members: 1})
		s.leaves = append(s.leaves, "o99")
	}
	s.rules = nominate.Rules{Default: drawRule(t, "branch", decisions), ByKind: map[nominate.Kind]nominate.Rule{}}
	for _, k := range []nominate.Kind{nominate.GeneralBranch, nominate.Committee, nominate.RecommendingUnit, nominate.ElectionUnit} {
		s.rules.ByKind[k] = drawRule(t, k.String(), decisions)
	}
	if decisions {
		for _, o := range s.orgs {
			if o.Kind == nominate.Branch || o.ID == "root" {
				continue
			}
			if rapid.IntRange(0, 3).Draw(t, "decide") == 0 {
				ground := rapid.SampledFrom([]nominate.Ground{nominate.FromAbove, nominate.Structure}).Draw(t, "ground")
				s.decisions = append(s.decisions, nominate.Decision{Org: o.ID, Op: nominate.OpAdd,
					Persons: []string{"x-" + string(o.ID)}, Ground: ground, Ref: "minute"})
			}
		}
	}
	return s
}

// build returns the tree, registry and sheets, interning persons in the given order and giving
// the sheets in the given order.
func (s *scenario) build(tb fataler, orgOrder, personOrder, sheetOrder []int) (*nominate.Tree, *nominate.Registry, []nominate.Sheet) {
	tb.Helper()
	orgs := make([]nominate.Org, len(s.orgs))
	for i, j := range orgOrder {
		orgs[i] = s.orgs[j]
	}
	tree, err := nominate.NewTree(orgs)
	if err != nil {
		tb.Fatal(err)
	}
	reg := nominate.NewRegistry()
	for _, j := range personOrder {
		reg.Intern(s.persons[j])
	}
	for _, d := range s.decisions {
		for _, p := range d.Persons {
			reg.Intern(p)
		}
	}
	var sheets []nominate.Sheet
	for _, leaf := range s.leaves {
		c := nominate.NewCounter(reg, s.rule)
		for _, b := range s.ballots[leaf] {
			if err := c.Add(s.toBallot(reg, b)); err != nil {
				tb.Fatal(err)
			}
		}
		sheets = append(sheets, c.Sheet(leaf))
	}
	out := make([]nominate.Sheet, len(sheets))
	for i, j := range sheetOrder {
		out[i] = sheets[j]
	}
	return tree, reg, out
}

func (s *scenario) toBallot(reg *nominate.Registry, b rawBallot) nominate.Ballot {
	nb := nominate.Ballot{Probationary: b.probationary, Spoiled: b.spoiled}
	for _, k := range b.persons {
		p, _ := reg.Intern(k)
		nb.Persons = append(nb.Persons, p)
	}
	return nb
}

func identity(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

// aggregate runs the scenario in input order with one worker.
func (s *scenario) aggregate(tb fataler) (*nominate.Pass, *nominate.Tree, *nominate.Registry) {
	tb.Helper()
	tree, reg, sheets := s.build(tb, identity(len(s.orgs)), identity(len(s.persons)), identity(len(s.leaves)))
	p, err := nominate.Aggregate(tree, reg, nominate.Up{Round: 1, Rules: s.rules, Sheets: sheets, Decisions: s.decisions}, nominate.Options{Workers: 1})
	if err != nil {
		tb.Fatal(err)
	}
	return p, tree, reg
}

// valid reports whether a raw ballot is valid under the ballot rule, and its distinct persons.
func (s *scenario) valid(b rawBallot) ([]string, bool) {
	if b.spoiled {
		return nil, false
	}
	d := slices.Clone(b.persons)
	slices.Sort(d)
	d = slices.Compact(d)
	if s.rule.Limit > 0 && len(d) > s.rule.Limit {
		return nil, false
	}
	if len(d) < len(b.persons) && s.rule.Duplicates == nominate.DupInvalid {
		return nil, false
	}
	return d, true
}

func tallyOf(n nominate.Node, person string) nominate.Tally {
	for _, t := range n.Tallies {
		if t.Person == person {
			return t
		}
	}
	return nominate.Tally{Person: person}
}

func onList(n nominate.Node, person string) (nominate.Entry, bool) {
	for _, e := range n.List {
		if e.Person == person {
			return e, true
		}
	}
	return nominate.Entry{}, false
}
