package nominate_test

import (
	"bytes"
	"slices"
	"testing"

	"github.com/chae-go/chae/tally/nominate"
	"pgregory.net/rapid"
)

// Conservation: at every organisation, every person's votes (and full members' and Against) are
// the sum over the counted branches below; the root's votes are the names on the counted valid
// ballots, recounted from the raw ballots; Branches counts the branches whose lists include the
// person and Orgs the children's lists; the turnout figures add up.
func TestPropertyConservation(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := drawScenario(t, false)
		p, tree, _ := s.aggregate(t)
		nodes := map[nominate.OrgID]nominate.Node{}
		for _, n := range p.Nodes {
			nodes[n.Org] = n
		}
		// The root against a recount of the raw ballots.
		root := p.Root()
		want := map[string]int{}
		ballots := 0
		for _, leaf := range s.leaves {
			if !nodes[leaf].Counted {
				continue
			}
			for _, b := range s.ballots[leaf] {
				ballots++
				if d, ok := s.valid(b); ok {
					for _, k := range d {
						want[k]++
					}
				}
			}
		}
		if root.All.Ballots != ballots {
			t.Fatalf("root: %d ballots, recount %d", root.All.Ballots, ballots)
		}
		for _, tl := range root.Tallies {
			if tl.Votes != want[tl.Person] {
				t.Fatalf("root: %s has %d votes, recount %d", tl.Person, tl.Votes, want[tl.Person])
			}
			delete(want, tl.Person)
		}
		for k, v := range want {
			if v > 0 {
				t.Fatalf("root: %s missing (%d votes)", k, v)
			}
		}
		// Every inner organisation against its children.
		for _, n := range p.Nodes {
			kids := tree.Children(n.Org)
			if len(kids) == 0 {
				continue
			}
			var all nominate.Turnout
			received := 0
			for _, k := range kids {
				c := nodes[k]
				if c.Counted {
					all.Ballots += c.All.Ballots
					all.Invalid += c.All.Invalid
					all.Spoiled += c.All.Spoiled
				}
				received += len(c.List)
			}
			if all != n.All || received != n.Received {
				t.Fatalf("%s: turnout %+v, children %+v; received %d, children's lists %d", n.Org, n.All, all, n.Received, received)
			}
			persons := map[string]bool{}
			for _, tl := range n.Tallies {
				persons[tl.Person] = true
			}
			for _, k := range kids {
				for _, tl := range nodes[k].Tallies {
					persons[tl.Person] = true
				}
			}
			for person := range persons {
				var votes, full, against, orgs, branches int
				for _, k := range kids {
					c := nodes[k]
					ct := tallyOf(c, person)
					if c.Counted {
						votes += ct.Votes
						full += ct.Full
						against += ct.Against
					}
					if _, ok := onList(c, person); ok {
						orgs++
						if tree.IsLeaf(k) {
							branches++
						}
					}
					if !tree.IsLeaf(k) {
						branches += ct.Branches
					}
				}
				tl := tallyOf(n, person)
				if tl.Votes != votes || tl.Full != full || tl.Against != against || tl.Orgs != orgs || tl.Branches != branches {
					t.Fatalf("%s: %s has %+v; the children give votes %d, full %d, against %d, orgs %d, branches %d",
						n.Org, person, tl, votes, full, against, orgs, branches)
				}
			}
		}
	})
}

// Merge laws: the ballots of a branch split into boxes, counted box by box and merged in any
// order and grouping, give the count of all of them in one counter; an empty counter is the
// identity.
func TestPropertyMergeLaws(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := drawScenario(t, false)
		reg := nominate.NewRegistry()
		leaf := rapid.SampledFrom(s.leaves).Draw(t, "leaf")
		bs := s.ballots[leaf]
		one := nominate.NewCounter(reg, s.rule)
		for _, b := range bs {
			one.Add(s.toBallot(reg, b))
		}
		nbox := rapid.IntRange(1, 4).Draw(t, "boxes")
		boxes := make([]*nominate.Counter, nbox)
		for i := range boxes {
			boxes[i] = nominate.NewCounter(reg, s.rule)
		}
		for i, b := range bs {
			boxes[rapid.IntRange(0, nbox-1).Draw(t, "box")].Add(s.toBallot(reg, bs[i]))
			_ = b
		}
		// Merge in a random order, folding left or right.
		order := rapid.Permutation(identity(nbox)).Draw(t, "order")
		acc := nominate.NewCounter(reg, s.rule)
		if rapid.Bool().Draw(t, "right") {
			for i := len(order) - 1; i >= 0; i-- {
				c := nominate.NewCounter(reg, s.rule)
				c.Merge(boxes[order[i]])
				c.Merge(acc)
				acc = c
			}
		} else {
			for _, i := range order {
				acc.Merge(boxes[i])
			}
		}
		acc.Merge(nominate.NewCounter(reg, s.rule)) // identity
		got, want := acc.Sheet(leaf), one.Sheet(leaf)
		if got.All != want.All || got.Full != want.Full || !slices.Equal(got.Votes, want.Votes) {
			t.Fatalf("merged %+v, one counter %+v", got, want)
		}
	})
}

// Order independence: shuffling the organisations, the registry's order, the sheets and the
// decisions, and changing the number of workers, gives the same record, byte for byte.
func TestPropertyOrderIndependence(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := drawScenario(t, true)
		run := func(orgs, persons, sheets, decisions []int, workers int) []byte {
			tree, reg, sh := s.build(t, orgs, persons, sheets)
			ds := make([]nominate.Decision, len(s.decisions))
			for i, j := range decisions {
				ds[i] = s.decisions[j]
			}
			n, err := nominate.New(tree, reg, 1+len(s.persons)/3, nominate.Options{Workers: workers})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := n.Up(nominate.Up{Rules: s.rules, Sheets: sh, Decisions: ds}); err != nil {
				t.Fatal(err)
			}
			b, err := n.Record().MarshalJSON()
			if err != nil {
				t.Fatal(err)
			}
			return b
		}
		// The root stays first: a tree's input order is free but its root is the org without a
		// parent wherever it stands; permute everything.
		want := run(identity(len(s.orgs)), identity(len(s.persons)), identity(len(s.leaves)), identity(len(s.decisions)), 1)
		got := run(rapid.Permutation(identity(len(s.orgs))).Draw(t, "orgs"),
			rapid.Permutation(identity(len(s.persons))).Draw(t, "persons"),
			rapid.Permutation(identity(len(s.leaves))).Draw(t, "sheets"),
			rapid.Permutation(identity(len(s.decisions))).Draw(t, "decisions"),
			rapid.IntRange(2, 5).Draw(t, "workers"))
		if !bytes.Equal(got, want) {
			i := 0
			for i < min(len(got), len(want)) && got[i] == want[i] {
				i++
			}
			t.Fatalf("records differ at byte %d:\n%s\n%s", i, want[max(0, i-80):min(len(want), i+80)], got[max(0, i-80):min(len(got), i+80)])
		}
	})
}

// Monotonicity: one more recommendation for a person — their name added to a valid ballot with
// room for it — never lowers their rank and never removes them from a list, at any organisation.
func TestPropertyMonotonicity(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := drawScenario(t, false)
		before, _, _ := s.aggregate(t)
		person := rapid.SampledFrom(s.persons).Draw(t, "person")
		// A valid ballot that does not name the person and has room for one more.
		type at struct {
			leaf nominate.OrgID
			i    int
		}
		var room []at
		for _, leaf := range s.leaves {
			for i, b := range s.ballots[leaf] {
				d, ok := s.valid(b)
				if ok && !slices.Contains(d, person) && (s.rule.Limit == 0 || len(d) < s.rule.Limit) {
					room = append(room, at{leaf, i})
				}
			}
		}
		if len(room) == 0 {
			t.Skip("no ballot with room")
		}
		pick := rapid.SampledFrom(room).Draw(t, "ballot")
		b := &s.ballots[pick.leaf][pick.i]
		b.persons = append(slices.Clone(b.persons), person)
		after, _, _ := s.aggregate(t)
		for k, nb := range before.Nodes {
			na := after.Nodes[k]
			eb, listed := onList(nb, person)
			ea, still := onList(na, person)
			if listed && !still {
				t.Fatalf("%s: %s left the list %v → %v", nb.Org, person, nb.List, na.List)
			}
			if listed && eb.Origin == nominate.Ranked && ea.Rank > eb.Rank {
				t.Fatalf("%s: %s fell from rank %d to %d", nb.Org, person, eb.Rank, ea.Rank)
			}
			tb, ta := tallyOf(nb, person), tallyOf(na, person)
			if tb.Passed && !ta.Passed {
				t.Fatalf("%s: %s no longer clears the bars: %+v → %+v", nb.Org, person, tb, ta)
			}
		}
	})
}

// Nesting: at one organisation, with everything below it unchanged, "both" passes no one
// "members" or "organisations" does not, each of which passes no one "either" does not; and the
// universe of the children's lists passes no one every name's universe does not.
func TestPropertyNesting(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := drawScenario(t, false)
		passers := func(b nominate.Basis, u nominate.Universe) map[string]bool {
			r := s.rules.ByKind[nominate.ElectionUnit]
			r.Basis, r.Universe = b, u
			r.Size = nominate.Size{} // every passer
			s.rules.ByKind[nominate.ElectionUnit] = r
			p, _, _ := s.aggregate(t)
			out := map[string]bool{}
			for _, tl := range p.Root().Tallies {
				if tl.Passed {
					out[tl.Person] = true
				}
			}
			return out
		}
		subset := func(a, b map[string]bool, what string) {
			for k := range a {
				if !b[k] {
					t.Fatalf("%s: %s passes the first but not the second", what, k)
				}
			}
		}
		u := nominate.Universe(rapid.IntRange(0, 1).Draw(t, "u"))
		both, members, orgs, either := passers(nominate.ByBoth, u), passers(nominate.ByMembers, u), passers(nominate.ByOrgs, u), passers(nominate.ByEither, u)
		subset(both, members, "both ⊆ members")
		subset(members, either, "members ⊆ either")
		subset(both, orgs, "both ⊆ organisations")
		subset(orgs, either, "organisations ⊆ either")
		b := nominate.Basis(rapid.IntRange(0, 3).Draw(t, "basis"))
		subset(passers(b, nominate.ChildLists), passers(b, nominate.AllNamed), "child lists ⊆ all named")
	})
}

// Provenance: every name on a list has a member's recommendation below it (votes the rule counts
// at that organisation), or was added there by a recorded decision, or — only where the rule
// allows names without counted votes — has a probationary member's recommendation or was added
// by a recorded decision somewhere below.
func TestPropertyProvenance(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := drawScenario(t, true)
		p, tree, _ := s.aggregate(t)
		nodes := map[nominate.OrgID]nominate.Node{}
		for _, n := range p.Nodes {
			nodes[n.Org] = n
		}
		decided := func(org nominate.OrgID, person string) bool {
			return slices.ContainsFunc(p.Decisions, func(d nominate.Decision) bool {
				return d.Org == org && d.Op == nominate.OpAdd && slices.Contains(d.Persons, person)
			})
		}
		var below func(org nominate.OrgID, person string) bool
		below = func(org nominate.OrgID, person string) bool {
			for _, k := range tree.Children(org) {
				if e, ok := onList(nodes[k], person); ok && (e.Origin == nominate.Added || e.Origin == nominate.Above) {
					return true
				}
				if below(k, person) {
					return true
				}
			}
			return false
		}
		for _, n := range p.Nodes {
			o, _ := tree.Org(n.Org)
			r := s.rules.For(o)
			for _, e := range n.List {
				counted := e.Full
				if r.CountProbationary {
					counted = e.Votes
				}
				switch {
				case e.Origin == nominate.Added || e.Origin == nominate.Above:
					if !decided(n.Org, e.Person) {
						t.Fatalf("%s: %s added without a decision", n.Org, e.Person)
					}
				case counted > 0:
				case !r.AllowUnvoted:
					t.Fatalf("%s: %s sent up with no member's recommendation", n.Org, e.Person)
				case e.Votes > 0: // a probationary member's, which this rule does not count
				case !below(n.Org, e.Person):
					t.Fatalf("%s: %s sent up from nowhere", n.Org, e.Person)
				}
			}
		}
	})
}

// Subtree locality: an organisation's node is the root node of the same up run on its subtree
// alone.
func TestPropertySubtreeLocality(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := drawScenario(t, false)
		p, tree, reg := s.aggregate(t)
		nodes := p.Nodes
		if inner := slices.DeleteFunc(slices.Clone(p.Nodes), func(n nominate.Node) bool { return tree.IsLeaf(n.Org) }); len(inner) > 1 {
			nodes = inner // a branch's locality is trivial; the organisations above are the test
		}
		n := rapid.SampledFrom(nodes).Draw(t, "org")
		sub, err := tree.Subtree(n.Org)
		if err != nil {
			t.Fatal(err)
		}
		var sheets []nominate.Sheet
		for _, leaf := range sub.Leaves(sub.Root()) {
			c := nominate.NewCounter(reg, s.rule)
			for _, b := range s.ballots[leaf] {
				c.Add(s.toBallot(reg, b))
			}
			sheets = append(sheets, c.Sheet(leaf))
		}
		q, err := nominate.Aggregate(sub, reg, nominate.Up{Round: 1, Rules: s.rules, Sheets: sheets}, nominate.Options{})
		if err != nil {
			t.Fatal(err)
		}
		got := q.Root()
		got.Depth = n.Depth
		if !equalNodes(got, n) {
			t.Fatalf("%s:\nwhole tree %+v\nsubtree    %+v", n.Org, n, got)
		}
	})
}

func equalNodes(a, b nominate.Node) bool {
	ra := &nominate.Record{Passes: []*nominate.Pass{{Nodes: []nominate.Node{a}}}}
	rb := &nominate.Record{Passes: []*nominate.Pass{{Nodes: []nominate.Node{b}}}}
	x, _ := ra.MarshalJSON()
	y, _ := rb.MarshalJSON()
	return bytes.Equal(x, y)
}
