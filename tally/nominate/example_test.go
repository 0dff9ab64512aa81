package nominate_test

import (
	"fmt"
	"strings"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/quota"
	"github.com/chae-go/chae/tally/count"
	"github.com/chae-go/chae/tally/nominate"
)

// opinions counts one branch's opinion ballots on a list sent down: each string is one member's
// marks, a letter per name (F agree, A disagree, - abstain), counted with count.Counter exactly
// like a ballot.
func opinions(reg *nominate.Registry, org nominate.OrgID, slate ballot.Slate, members ...string) nominate.Sheet {
	var bs []ballot.Ballot
	for _, m := range members {
		b := ballot.Ballot{}
		for _, c := range m {
			mark, _ := ballot.ParseMark(string(c))
			b.Marks = append(b.Marks, mark)
		}
		bs = append(bs, b)
	}
	c, err := count.Count(slate, bs)
	if err != nil {
		panic(err)
	}
	s, err := nominate.OpinionSheet(reg, org, slate, c, count.Counts{})
	if err != nil {
		panic(err)
	}
	return s
}

// A three-level nomination — branches, committees, the election unit — by three ups and two
// downs, then inspection with more people than places, vetting, public notice, and the slate.
func Example() {
	tree, err := nominate.NewTree([]nominate.Org{
		{ID: "unit", Kind: nominate.ElectionUnit, Places: 2},
		{ID: "c1", Parent: "unit", Kind: nominate.Committee},
		{ID: "c2", Parent: "unit", Kind: nominate.Committee},
		{ID: "b1", Parent: "c1", Members: 7, Probationary: 1},
		{ID: "b2", Parent: "c1", Members: 6},
		{ID: "b3", Parent: "c2", Members: 5},
		{ID: "b4", Parent: "c2", Members: 6},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	reg := nominate.NewRegistry()
	for _, c := range []ballot.Candidate{
		{ID: "p1", Name: "Li Wei"}, {ID: "p2", Name: "Wang Fang"}, {ID: "p3", Name: "Zhang Min"},
		{ID: "p4", Name: "Liu Yang"}, {ID: "p5", Name: "Chen Jing"}, {ID: "p6", Name: "Yang Li"},
	} {
		reg.Register(c)
	}
	// 一上: recommendation ballots, at most 3 names each.
	file := `org,box,probationary,names
b1,hall,,p1,p2,p3
b1,hall,,p1,p2
b1,hall,,p1,p4
b1,mobile,,p2,p1
b1,hall,yes,p5
b1,hall,,p1,p2,p3,p4
b2,hall,,p2,p3
b2,hall,,p3,p2,p5
b2,hall,,p3
b2,hall,,p2,p6
b3,hall,,p4,p5
b3,hall,,p4,p1
b3,hall,,p5,p4,p6
b4,hall,,p5,p6,p4
b4,hall,,p6,p5
b4,hall,,p4,p5
b4,mobile,,p5
`
	sheets, err := nominate.ReadSheets(strings.NewReader(file), tree, reg, nominate.BallotRule{Limit: 3})
	if err != nil {
		fmt.Println(err)
		return
	}
	unitRule := func(size nominate.Size) nominate.Rule {
		return nominate.Rule{Members: nominate.MemberBar{Threshold: quota.Threshold{Share: quota.Ratio(1, 4), Boundary: quota.AtLeast}, Base: nominate.OfTookPart},
			Size: size, Order: []nominate.Key{nominate.KeyVotes, nominate.KeyBranches}, Source: "unit rule"}
	}
	rules := nominate.Rules{
		Default: nominate.BranchMajority(),
		ByKind: map[nominate.Kind]nominate.Rule{
			nominate.Committee:    nominate.LevelBelow(),
			nominate.ElectionUnit: unitRule(nominate.Size{Kind: nominate.SizeShare, Share: quota.Threshold{Share: quota.Ratio(3, 1), Boundary: quota.AtLeast}}),
		},
	}
	rules.ByKind[nominate.Committee] = nominate.Rule{Basis: nominate.ByEither, Universe: nominate.AllNamed,
		Members: nominate.MemberBar{Threshold: quota.Threshold{Share: quota.Ratio(1, 3)}, Base: nominate.OfTookPart},
		Orgs:    nominate.OrgBar{Threshold: quota.Majority()}}
	n, _ := nominate.New(tree, reg, 2, nominate.Options{})
	show := func(p *nominate.Pass) {
		for _, org := range []nominate.OrgID{"unit", "c1", "c2"} {
			nd, _ := p.Node(org)
			var names []string
			for _, e := range nd.List {
				names = append(names, fmt.Sprintf("%s(%d)", e.Person, e.Full))
			}
			fmt.Printf("  %s: %s\n", org, strings.Join(names, " "))
		}
	}
	p, err := n.Up(nominate.Up{Rules: rules, Sheets: sheets})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("一上")
	show(p)

	// 一下 and 二上: the unit's list goes down; members agree (F), disagree (A) or abstain (-).
	down, _ := n.Down("unit", 0)
	fmt.Println("一下", down.IDs())
	round2 := []nominate.Sheet{
		opinions(reg, "b1", down, "FFFFAA", "FFF-AF", "FFAFAA", "FFFF-A", "FFFAFA", "FAFFAA"),
		opinions(reg, "b2", down, "FFFFAF", "AFFFAF", "FFF--F", "FFFFAA"),
		opinions(reg, "b3", down, "FFFFAF", "FFAFFF", "AFFFAF"),
		opinions(reg, "b4", down, "FFFFAF", "AF-F-F", "FFAFFF", "FFFFAF"),
	}
	rules.Default = nominate.Rule{Members: nominate.MemberBar{Threshold: quota.Majority(), Base: nominate.OfValid}, Source: "opinion rule"}
	rules.ByKind[nominate.Committee] = nominate.Rule{Members: nominate.MemberBar{Threshold: quota.Majority(), Base: nominate.OfValid}}
	rules.ByKind[nominate.ElectionUnit] = unitRule(nominate.Size{Kind: nominate.SizeShare, Share: quota.Threshold{Share: quota.Ratio(5, 2), Boundary: quota.AtLeast}})
	if p, err = n.Up(nominate.Up{Rules: rules, Sheets: round2}); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("二上")
	show(p)

	// 二下 and 三上.
	down, _ = n.Down("unit", 0)
	fmt.Println("二下", down.IDs())
	round3 := []nominate.Sheet{
		opinions(reg, "b1", down, "FFFFA", "FFFF-", "FFAFF", "FFFFF", "FFFFA", "FAFFF"),
		opinions(reg, "b2", down, "FFFFA", "FFFFA", "FFF-F", "FFFFA"),
		opinions(reg, "b3", down, "FF-FF", "FFAFF", "AFAFF"),
		opinions(reg, "b4", down, "FFAFF", "AF-FF", "FFAFF", "FFFFA"),
	}
	rules.ByKind[nominate.ElectionUnit] = unitRule(nominate.Size{})
	if p, err = n.Up(nominate.Up{Rules: rules, Sheets: round3}); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("三上")
	show(p)

	// Inspection of more people than the preliminary list's 3 places (差额考察), vetting, the
	// preliminary list (more than 15% over the 2 seats), public notice, the slate.
	more := quota.Difference{MinShare: quota.Percent(15), MinBoundary: quota.MoreThan, Source: "more than 15%"}
	inspect := nominate.ListRule{Places: 3, Size: nominate.Surplus(quota.Difference{MinBoundary: quota.MoreThan})}
	sl, err := n.Narrow(nominate.Inspected, inspect, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("inspected", entries(sl.List), "tie:", sl.Tie.Persons, "for", sl.Tie.Places)
	// The committee settles the tie by a recorded order.
	if sl, err = n.Narrow(nominate.Inspected, inspect, []string{"p6", "p5"}); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("inspected", entries(sl.List))
	v, err := n.Vet([]nominate.Removal{{Person: "p6", Ground: nominate.Integrity, Ref: "review 7"}}, nominate.NextRanked, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("vetted", entries(v.List), v.Reasons)
	if sl, err = n.Narrow(nominate.Preliminary, nominate.ListRule{Size: nominate.Surplus(more)}, nil); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("preliminary", entries(sl.List))
	d := func(s string) nominate.Date { v, _ := nominate.ParseDate(s); return v }
	notice := nominate.CadreNotice()
	notice.Scope, notice.From, notice.To = "election unit", d("2022-03-07"), d("2022-03-11")
	notice.Objections = []nominate.Objection{
		{Received: d("2022-03-08"), Person: "p1", Ground: nominate.PublicNotice, Ref: "letter 1"},
		{Received: d("2022-03-09"), Person: "p4", Ground: nominate.Identity, Upheld: true, Ref: "letter 2"},
	}
	nt, err := n.Notice(notice, nominate.NextRanked, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("notice", nt.Days, "working days:", nt.Reasons)
	slate, err := n.Slate("unit delegates", more, true)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("slate", slate.Seats, "seats:", slate.IDs())
	f := n.Funnel()
	fmt.Printf("funnel: named %d, recommended %d, inspected %d, preliminary %d, candidates %d\n",
		f.Named, f.Recommended, f.Inspected, f.Preliminary, f.Candidates)
	members, branches := n.Participation()
	fmt.Printf("participation: members %s%%, branches %s%%\n", members.Percent(2, false), branches.Percent(0, false))
	// Output:
	// 一上
	//   unit: p5(7) p2(6) p4(6) p1(5) p3(4) p6(4)
	//   c1: p2(6) p1(4) p3(4)
	//   c2: p5(6) p4(5) p6(3)
	// 一下 [p5 p2 p4 p1 p3 p6]
	// 二上
	//   unit: p2(16) p1(14) p5(14) p4(13) p6(11)
	//   c1: p2(9) p4(9) p5(9) p1(7)
	//   c2: p1(7) p2(7) p6(7) p5(5) p4(4)
	// 二下 [p2 p1 p5 p4 p6]
	// 三上
	//   unit: p1(16) p4(16) p2(15) p5(10) p6(10)
	//   c1: p2(10) p1(9) p4(9) p5(9)
	//   c2: p1(7) p4(7) p6(6) p2(5)
	// inspected [p1 p4 p2] tie: [p5 p6] for 1
	// inspected [p1 p4 p2 p6]
	// vetted [p1 p4 p2 p5] [vetoed persons=p6 ground=integrity ref="review 7" replaced persons=p5]
	// preliminary [p1 p4 p2]
	// notice 5 working days: [notice days=5 required=5 objection-dismissed persons=p1 ground=public-notice ref="letter 1" objection-upheld persons=p4 ground=identity ref="letter 2"]
	// slate 2 seats: [p1 p2 p5]
	// funnel: named 6, recommended 5, inspected 4, preliminary 3, candidates 3
	// participation: members 70.83%, branches 100%
}

func entries(es []nominate.Entry) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.Person)
	}
	return out
}
