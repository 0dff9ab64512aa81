package nominate_test

import (
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strings"
	"testing"

	"github.com/chae-go/chae/quota"
	"github.com/chae-go/chae/tally/nominate"
)

// ranked returns a nomination whose election unit recommends n persons q0001…, with n, n−1, …,
// 1 votes (no ties), for the seats; above more persons a0001… are nominated from above.
func ranked(t *testing.T, n, seats, above int) *nominate.Nomination {
	t.Helper()
	tree, err := nominate.NewTree([]nominate.Org{{ID: "unit", Kind: nominate.ElectionUnit, Places: seats},
		{ID: "b", Parent: "unit", Members: n}})
	if err != nil {
		t.Fatal(err)
	}
	reg := nominate.NewRegistry()
	persons := make([]nominate.Person, n)
	for i := range persons {
		persons[i], _ = reg.Intern(fmt.Sprintf("q%04d", i+1))
	}
	c := nominate.NewCounter(reg, nominate.BallotRule{})
	for j := 1; j <= n; j++ {
		c.Add(nominate.Ballot{Persons: persons[:j]})
	}
	var ds []nominate.Decision
	for i := range above {
		key := fmt.Sprintf("a%04d", i+1)
		reg.Intern(key)
		ds = append(ds, nominate.Decision{Org: "unit", Op: nominate.OpAdd, Persons: []string{key}, Ground: nominate.FromAbove})
	}
	nm, err := nominate.New(tree, reg, seats, nominate.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := nm.Up(nominate.Up{Sheets: []nominate.Sheet{c.Sheet("b")}, Decisions: ds}); err != nil {
		t.Fatal(err)
	}
	return nm
}

func moreThan(p int64) quota.Difference {
	return quota.Difference{MinShare: quota.Percent(p), MinBoundary: quota.MoreThan}
}

func atLeast(p int64) quota.Difference {
	return quota.Difference{MinShare: quota.Percent(p), MinBoundary: quota.AtLeast}
}

// Central state organs, 18th Congress: 108 seats, "more than 15%": at least 125 candidates; 126
// and 125 pass, 124 fails.
func TestCentralStateOrgans(t *testing.T) {
	for _, tc := range []struct {
		candidates int
		ok         bool
	}{{126, true}, {125, true}, {124, false}} {
		t.Run(fmt.Sprint(tc.candidates), func(t *testing.T) {
			n := ranked(t, tc.candidates, 108, 0)
			s, err := n.Slate("central state organs", moreThan(15), true)
			var de *quota.DifferenceError
			switch {
			case tc.ok && (err != nil || len(s.Candidates) != tc.candidates):
				t.Fatalf("slate of %d: %v", len(s.Candidates), err)
			case !tc.ok && (!errors.Is(err, quota.ErrTooFewCandidates) || !errors.As(err, &de) || de.Bound != 125):
				t.Fatalf("error %v, want too few (at least 125)", err)
			}
		})
	}
}

// Guangdong, 18th Congress: 85 preliminary candidates, 6 removed by the provincial plenum, 79
// for 67 seats; "21.2%" is eliminated over the initial list, 17.9% the surplus over the seats.
func TestGuangdong(t *testing.T) {
	n := ranked(t, 85, 67, 0)
	if _, err := n.Narrow(nominate.Preliminary, nominate.ListRule{}, nil); err != nil {
		t.Fatal(err)
	}
	f := n.Funnel()
	if got := f.Eliminated().Percent(1, false).String(); got != "21.2" {
		t.Errorf("eliminated %s%%, want 21.2%%", got)
	}
	var rs []nominate.Removal
	for i := range 6 {
		rs = append(rs, nominate.Removal{Person: fmt.Sprintf("q%04d", 80+i), Ground: nominate.OtherGround, Ref: "plenum"})
	}
	if _, err := n.Vet(rs, nominate.NoReplacement, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := n.Narrow(nominate.Prospective, nominate.ListRule{}, nil); err != nil {
		t.Fatal(err)
	}
	s, err := n.Slate("Guangdong delegates", moreThan(15), true)
	if err != nil || len(s.Candidates) != 79 {
		t.Fatalf("slate of %d: %v", len(s.Candidates), err)
	}
	f = n.Funnel()
	if f.Preliminary != 79 || f.Prospective != 79 || f.Candidates != 79 {
		t.Errorf("funnel %+v", f)
	}
	if got := f.Surplus().Percent(1, false).String(); got != "17.9" {
		t.Errorf("surplus %s%%, want 17.9%%", got)
	}
	if min := moreThan(15).MinCandidates(67); min != 78 {
		t.Errorf("minimum %d, want 78", min)
	}
}

// Ningxia, 18th Congress: 66 recommended, 43 inspected for 38 preliminary candidates (13.2%
// more).
func TestNingxia(t *testing.T) {
	for _, b := range []quota.Boundary{quota.MoreThan, quota.AtLeast} {
		t.Run(b.String(), func(t *testing.T) {
			n := ranked(t, 66, 30, 0)
			inspect := nominate.ListRule{Places: 38, Size: nominate.Surplus(quota.Difference{MinShare: quota.Percent(13), MinBoundary: b})}
			sl, err := n.Narrow(nominate.Inspected, inspect, nil)
			if err != nil || len(sl.List) != 43 || sl.Min != 43 {
				t.Fatalf("inspected %d (min %d): %v", len(sl.List), sl.Min, err)
			}
			if _, err := n.Narrow(nominate.Preliminary, nominate.ListRule{Places: 38, Size: nominate.Full()}, nil); err != nil {
				t.Fatal(err)
			}
			f := n.Funnel()
			if f.Recommended != 66 || f.Inspected != 43 || f.Preliminary != 38 {
				t.Errorf("funnel %+v", f)
			}
			if got := f.InspectionSurplus().Percent(1, false).String(); got != "13.2" {
				t.Errorf("inspection surplus %s%%", got)
			}
			if !slices.Equal(entryKeys(sl.List[:3]), []string{"q0001", "q0002", "q0003"}) {
				t.Errorf("inspected in the wrong order: %v", entryKeys(sl.List[:3]))
			}
		})
	}
	// At 10% the same 38 places need only 42 (3.8 more: 4 either way).
	if got := (quota.Difference{MinShare: quota.Percent(10)}).MinCandidates(38); got != 42 {
		t.Errorf("10%%: %d", got)
	}
}

// Sichuan, 11th provincial congress (2017): 1,153 inspected, 1,035 prospective candidates plus
// 38 nominated by the provincial committee, 1,073 for 860 seats, at least 20% more — met with
// the nominees in the base or out of it.
func TestSichuan(t *testing.T) {
	for _, inBase := range []bool{true, false} {
		t.Run(fmt.Sprint("in base ", inBase), func(t *testing.T) {
			n := ranked(t, 1153, 860, 38)
			if _, err := n.Narrow(nominate.Inspected, nominate.ListRule{}, nil); err != nil {
				t.Fatal(err)
			}
			if _, err := n.Narrow(nominate.Prospective, nominate.ListRule{Places: 1035, Size: nominate.Full()}, nil); err != nil {
				t.Fatal(err)
			}
			s, err := n.Slate("Sichuan delegates", atLeast(20), inBase)
			if err != nil || len(s.Candidates) != 1073 {
				t.Fatalf("slate of %d: %v", len(s.Candidates), err)
			}
			f := n.Funnel()
			if f.Inspected != 1153 || f.Prospective != 1035 || f.FromAbove != 38 || f.Candidates != 1073 {
				t.Errorf("funnel %+v", f)
			}
			if got := f.Surplus().Percent(1, false).String(); got != "24.8" {
				t.Errorf("surplus %s%%", got)
			}
			if got := (nominate.Rate{Num: 1073 - 860, Den: 860 - 38}).Percent(1, false).String(); got != "25.9" {
				t.Errorf("bottom-up surplus %s%%", got)
			}
			if got := (nominate.Rate{Num: 1153 - 1035, Den: 1035}).Percent(1, false).String(); got != "11.4" {
				t.Errorf("inspected over prospective %s%%", got)
			}
		})
	}
	if a, b := atLeast(20).MinCandidates(860), atLeast(20).MinCandidates(822); (a != 1032) || (b != 987) {
		t.Errorf("minimums %d, %d", a, b)
	}
}

// Guangxi, 20th Congress: 55 candidates for 48 seats meet "more than 15%" only if at least two
// central nominees stand outside the base.
func TestGuangxiNomineesFromAbove(t *testing.T) {
	for _, tc := range []struct {
		above  int
		inBase bool
		ok     bool
	}{{0, true, false}, {2, true, false}, {1, false, false}, {2, false, true}} {
		t.Run(fmt.Sprintf("%d above, in base %t", tc.above, tc.inBase), func(t *testing.T) {
			n := ranked(t, 55-tc.above, 48, tc.above)
			_, err := n.Slate("Guangxi delegates", moreThan(15), tc.inBase)
			if (err == nil) != tc.ok {
				t.Errorf("error %v, want ok %t", err, tc.ok)
			}
		})
	}
}

// Wujiang 2016: 408 formal candidates for 222 seats (83.8%), and 1,797 for 1,074 in the towns
// (67.3%).
func TestWujiang(t *testing.T) {
	for _, tc := range []struct {
		candidates, seats int
		want              string
	}{{408, 222, "83.8"}, {1797, 1074, "67.3"}} {
		f := nominate.Funnel{Candidates: tc.candidates, Seats: tc.seats}
		if got := f.Surplus().Percent(1, false).String(); got != tc.want {
			t.Errorf("%d for %d: %s%%, want %s%%", tc.candidates, tc.seats, got, tc.want)
		}
	}
}

// Chongqing 2012: 1,772 recommendations naming 786 persons, from 42 recommending units.
func TestChongqing(t *testing.T) {
	orgs := []nominate.Org{{ID: "unit", Kind: nominate.ElectionUnit, Places: 42}}
	ballots := map[nominate.OrgID][]string{}
	start := 0
	for u := range 42 {
		id := nominate.OrgID(fmt.Sprintf("u%02d", u))
		orgs = append(orgs, nominate.Org{ID: id, Parent: "unit", Kind: nominate.RecommendingUnit, Members: 1})
		n := 42
		if u < 8 {
			n = 43
		}
		var names []string
		for k := range n {
			names = append(names, fmt.Sprintf("p%03d", (start+k)%786))
		}
		start += n
		ballots[id] = []string{strings.Join(names, " ")}
	}
	tree, reg, sheets := fixture(t, orgs, ballots, nominate.BallotRule{})
	n, _ := nominate.New(tree, reg, 42, nominate.Options{})
	if _, err := n.Up(nominate.Up{Sheets: sheets}); err != nil {
		t.Fatal(err)
	}
	f := n.Funnel()
	if f.Recommendations != 1772 || f.Distinct != 786 {
		t.Errorf("recommendations %d naming %d persons", f.Recommendations, f.Distinct)
	}
}

// The county report: 376 branches, 5,275 members, 4,026 took part in person and 722 by
// telephone: 90.01%, printed "90%".
func TestCountyParticipation(t *testing.T) {
	orgs := []nominate.Org{{ID: "county", Kind: nominate.ElectionUnit}}
	var sheets []nominate.Sheet
	reg := nominate.NewRegistry()
	g, took := 0, 0 // members so far, and of them those who took part
	for i := range 376 {
		m := 14
		if i < 5275-376*14 {
			m = 15
		}
		id := nominate.OrgID(fmt.Sprintf("b%03d", i))
		orgs = append(orgs, nominate.Org{ID: id, Parent: "county", Members: m})
		// 4,748 of the 5,275 take part, spread evenly; the first 4,026 in person (one ballot
		// box), the others by telephone (another), merged per branch.
		box := nominate.NewCounter(reg, nominate.BallotRule{})
		tel := nominate.NewCounter(reg, nominate.BallotRule{})
		for range m {
			g++
			if g*4748/5275 > took {
				took++
				if took <= 4026 {
					box.Add(nominate.Ballot{})
				} else {
					tel.Add(nominate.Ballot{})
				}
			}
		}
		box.Merge(tel)
		sheets = append(sheets, box.Sheet(id))
	}
	tree, err := nominate.NewTree(orgs)
	if err != nil {
		t.Fatal(err)
	}
	n, _ := nominate.New(tree, reg, 3, nominate.Options{})
	if _, err := n.Up(nominate.Up{Sheets: sheets}); err != nil {
		t.Fatal(err)
	}
	members, branches := n.Participation()
	if members.Num != 4026+722 || members.Den != 5275 {
		t.Fatalf("participation %+v", members)
	}
	if got := members.Percent(2, false).String(); got != "90.01" {
		t.Errorf("%s%%, want 90.01%%", got)
	}
	if got := members.Percent(0, false).String(); got != "90" {
		t.Errorf("%s%%, want 90%%", got)
	}
	if got := branches.Percent(0, false).String(); got != "100" {
		t.Errorf("branches %s%%", got)
	}
}

// Printed percentages: half-up, and a rate short of the whole printed as 100% or capped below.
func TestPercentPrinting(t *testing.T) {
	for _, tc := range []struct {
		r      nominate.Rate
		places int32
		cap    bool
		want   string
	}{
		{nominate.Rate{Num: 1, Den: 8}, 1, false, "12.5"},
		{nominate.Rate{Num: 1, Den: 16}, 2, false, "6.25"},
		{nominate.Rate{Num: 1, Den: 16}, 1, false, "6.3"}, // 6.25 rounds half up
		{nominate.Rate{Num: 9999, Den: 10000}, 1, false, "100"},
		{nominate.Rate{Num: 9999, Den: 10000}, 1, true, "99.9"},
		{nominate.Rate{Num: 9999, Den: 10000}, 2, true, "99.99"},
		{nominate.Rate{Num: 1, Den: 1}, 2, true, "100"},
		{nominate.Rate{Num: 0, Den: 0}, 1, false, "0"},
	} {
		if got := tc.r.Percent(tc.places, tc.cap).String(); got != tc.want {
			t.Errorf("%d/%d at %d places, cap %t: %s, want %s", tc.r.Num, tc.r.Den, tc.places, tc.cap, got, tc.want)
		}
	}
}

// "Average participation": the mean of the units' rates and the pooled rate differ.
func TestAverageParticipation(t *testing.T) {
	rs := []nominate.Rate{{Num: 99, Den: 100}, {Num: 1, Den: 2}}
	if p := nominate.Pooled(rs); p.Num != 100 || p.Den != 102 {
		t.Errorf("pooled %+v", p)
	}
	if m := nominate.Mean(rs); m.Cmp(big.NewRat(149, 200)) != 0 {
		t.Errorf("mean %v", m)
	}
	if got := nominate.PercentOf(nominate.Mean(rs), 1, false).String(); got != "74.5" {
		t.Errorf("mean %s%%", got)
	}
	if got := nominate.Pooled(rs).Percent(1, false).String(); got != "98" {
		t.Errorf("pooled %s%%", got)
	}
}

// Replacement after a veto: none, the next in rank, or reopening.
func TestReplacement(t *testing.T) {
	for _, tc := range []struct {
		p      nominate.Replace
		want   []string
		reopen int
	}{
		{nominate.NoReplacement, []string{"q0001", "q0003"}, 0},
		{nominate.NextRanked, []string{"q0001", "q0003", "q0004"}, 0},
		{nominate.Reopen, []string{"q0001", "q0003"}, 1},
	} {
		t.Run(tc.p.String(), func(t *testing.T) {
			n := ranked(t, 6, 2, 0)
			if _, err := n.Narrow(nominate.Inspected, nominate.ListRule{Places: 2, Size: nominate.Surplus(quota.Difference{MinBoundary: quota.MoreThan})}, nil); err != nil {
				t.Fatal(err)
			}
			v, err := n.Vet([]nominate.Removal{{Person: "q0002", Ground: nominate.Political}}, tc.p, nil)
			if err != nil {
				t.Fatal(err)
			}
			if got := entryKeys(v.List); !slices.Equal(got, tc.want) || v.Reopen != tc.reopen {
				t.Errorf("list %v reopen %d", got, v.Reopen)
			}
			// A removed person never comes back.
			if _, err := n.Vet([]nominate.Removal{{Person: "q0002"}}, nominate.NoReplacement, nil); !errors.Is(err, nominate.ErrVeto) {
				t.Errorf("removing again: %v", err)
			}
			if tc.p == nominate.NextRanked {
				v, _ := n.Vet([]nominate.Removal{{Person: "q0001", Ground: nominate.Withdrawn}}, nominate.NextRanked, nil)
				if got := entryKeys(v.List); !slices.Equal(got, []string{"q0003", "q0004", "q0005"}) {
					t.Errorf("second replacement %v", got)
				}
			}
		})
	}
}

// A nominee from above removed by vetting leaves the funnel's count of them, in the nomination
// and in its record.
func TestFunnelVettedFromAbove(t *testing.T) {
	n := ranked(t, 6, 2, 2)
	if f := n.Funnel(); f.FromAbove != 2 || f.Recommended != 6 {
		t.Fatalf("funnel %+v", f)
	}
	if _, err := n.Vet([]nominate.Removal{{Person: "a0001", Ground: nominate.Political}}, nominate.NoReplacement, nil); err != nil {
		t.Fatal(err)
	}
	if f := n.Funnel(); f.FromAbove != 1 || f.Recommended != 6 {
		t.Errorf("after vetting: funnel %+v", f)
	}
}

// Public notice: days counted as working or calendar days, holidays and working weekends,
// objections inside the period and about listed persons only.
func TestNotice(t *testing.T) {
	d := func(s string) nominate.Date {
		v, err := nominate.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for _, tc := range []struct {
		name string
		nt   nominate.Notice
		days int
		want error
	}{
		{"five working days, Monday to Friday", nominate.Notice{From: d("2022-03-07"), To: d("2022-03-11"), MinDays: 5, Calendar: nominate.Calendar{WorkingDays: true}}, 5, nil},
		{"four working days", nominate.Notice{From: d("2022-03-07"), To: d("2022-03-10"), MinDays: 5, Calendar: nominate.Calendar{WorkingDays: true}}, 0, nominate.ErrNotice},
		{"a week of calendar days", nominate.Notice{From: d("2022-03-07"), To: d("2022-03-13"), MinDays: 7}, 7, nil},
		{"the same week in working days", nominate.Notice{From: d("2022-03-07"), To: d("2022-03-13"), MinDays: 7, Calendar: nominate.Calendar{WorkingDays: true}}, 0, nominate.ErrNotice},
		{"a holiday", nominate.Notice{From: d("2022-04-01"), To: d("2022-04-08"), MinDays: 5, Calendar: nominate.Calendar{WorkingDays: true,
			Holidays: []nominate.Date{d("2022-04-04"), d("2022-04-05")}, Workdays: []nominate.Date{d("2022-04-02")}}}, 5, nil},
		{"ends before it begins", nominate.Notice{From: d("2022-03-07"), To: d("2022-03-06")}, 0, nominate.ErrNotice},
		{"objection outside", nominate.Notice{From: d("2022-03-07"), To: d("2022-03-11"), Objections: []nominate.Objection{{Received: d("2022-03-12"), Person: "q0001"}}}, 0, nominate.ErrNotice},
		{"objection about someone not listed", nominate.Notice{From: d("2022-03-07"), To: d("2022-03-11"), Objections: []nominate.Objection{{Received: d("2022-03-08"), Person: "q0009"}}}, 0, nominate.ErrNotice},
		{"a date that does not exist", nominate.Notice{From: nominate.Date{Year: 2022, Month: 2, Day: 30}, To: d("2022-03-11")}, 0, nominate.ErrDate},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := ranked(t, 4, 2, 0)
			st, err := n.Notice(tc.nt, nominate.NoReplacement, nil)
			if !errors.Is(err, tc.want) {
				t.Fatalf("error %v, want %v", err, tc.want)
			}
			if err == nil && st.Days != tc.days {
				t.Errorf("days %d, want %d", st.Days, tc.days)
			}
		})
	}
	if _, err := nominate.ParseDate("2022-3-7"); !errors.Is(err, nominate.ErrDate) {
		t.Errorf("ParseDate: %v", err)
	}
}

// Steps in order: nothing after the slate, no narrowing backwards, no step over an unsettled
// tie.
func TestStepOrder(t *testing.T) {
	n := ranked(t, 5, 2, 0)
	if _, err := n.Narrow(nominate.Recommended, nominate.ListRule{}, nil); !errors.Is(err, nominate.ErrStep) {
		t.Errorf("narrowing to recommended: %v", err)
	}
	if _, err := n.Narrow(nominate.Preliminary, nominate.ListRule{}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := n.Narrow(nominate.Inspected, nominate.ListRule{}, nil); !errors.Is(err, nominate.ErrStep) {
		t.Errorf("narrowing backwards: %v", err)
	}
	if _, err := n.Up(nominate.Up{}); !errors.Is(err, nominate.ErrStep) {
		t.Errorf("an up after the steps: %v", err)
	}
	if _, err := n.Slate("x", moreThan(15), true); err != nil {
		t.Fatal(err)
	}
	if _, err := n.Vet(nil, nominate.NoReplacement, nil); !errors.Is(err, nominate.ErrStep) {
		t.Errorf("vetting after the slate: %v", err)
	}
	// An unsettled tie blocks the next step until the same narrowing settles it.
	m := ranked(t, 2, 1, 0)
	tree := m.Tree()
	_ = tree
	tied := tiedNomination(t)
	sl, err := tied.Narrow(nominate.Inspected, nominate.ListRule{Places: 1, Size: nominate.Full()}, nil)
	if err != nil || sl.Tie == nil {
		t.Fatalf("tie %+v, %v", sl, err)
	}
	if _, err := tied.Vet(nil, nominate.NoReplacement, nil); !errors.Is(err, nominate.ErrStep) {
		t.Errorf("vetting over a tie: %v", err)
	}
	if _, err := tied.Narrow(nominate.Inspected, nominate.ListRule{Places: 1, Size: nominate.Full()}, []string{"B", "X"}); err == nil {
		t.Errorf("an order naming others settled the tie")
	}
	if sl, err = tied.Narrow(nominate.Inspected, nominate.ListRule{Places: 1, Size: nominate.Full()}, []string{"B", "A"}); err != nil || !slices.Equal(entryKeys(sl.List), []string{"B"}) {
		t.Errorf("settled %v, %v", sl, err)
	}
}

// tiedNomination recommends A and B with one vote each.
func tiedNomination(t *testing.T) *nominate.Nomination {
	orgs := []nominate.Org{{ID: "unit", Kind: nominate.ElectionUnit, Places: 1}, {ID: "b", Parent: "unit", Members: 1}}
	tree, reg, sheets := fixture(t, orgs, map[nominate.OrgID][]string{"b": {"A B"}}, nominate.BallotRule{})
	n, _ := nominate.New(tree, reg, 1, nominate.Options{})
	if _, err := n.Up(nominate.Up{Sheets: sheets}); err != nil {
		t.Fatal(err)
	}
	return n
}

func entryKeys(es []nominate.Entry) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.Person)
	}
	return out
}

// Apportionment of the unit's places among its recommending units, by members or branches.
func TestApportion(t *testing.T) {
	tree, err := nominate.NewTree([]nominate.Org{{ID: "unit", Kind: nominate.ElectionUnit},
		{ID: "u1", Parent: "unit", Kind: nominate.RecommendingUnit}, {ID: "u2", Parent: "unit", Kind: nominate.RecommendingUnit},
		{ID: "b1", Parent: "u1", Members: 60}, {ID: "b2", Parent: "u2", Members: 20}, {ID: "b3", Parent: "u2", Members: 20}})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		w    nominate.Weight
		want []int
	}{{nominate.WeightMembers, []int{6, 4}}, {nominate.WeightOrgs, []int{3, 7}}} {
		a, err := nominate.Apportion(tree, "unit", 10, quota.Hamilton, tc.w)
		if err != nil {
			t.Fatal(err)
		}
		got := []int{a[0].Places, a[1].Places}
		if a[0].Org != "u1" || !slices.Equal(got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.w, a, tc.want)
		}
		t2, err := tree.WithPlaces(a)
		if err != nil || t2.Places("b1") != tc.want[0] || t2.Places("u2") != tc.want[1] {
			t.Errorf("WithPlaces: %v, %d", err, t2.Places("b1"))
		}
	}
	if _, err := nominate.Apportion(tree, "unit", 3, quota.Hamilton, nominate.WeightOrgs); err != nil {
		t.Errorf("3 places: %v", err)
	}
	if _, err := nominate.Apportion(tree, "unit", 1, quota.Hamilton, nominate.WeightMembers); err != nil {
		t.Errorf("one place: %v", err)
	}
	tie, _ := nominate.NewTree([]nominate.Org{{ID: "unit"}, {ID: "u1", Parent: "unit", Members: 5}, {ID: "u2", Parent: "unit", Members: 5}})
	if _, err := nominate.Apportion(tie, "unit", 1, quota.Hamilton, nominate.WeightMembers); !errors.Is(err, quota.ErrTie) {
		t.Errorf("tie: %v", err)
	}
	if _, err := nominate.Apportion(tree, "zz", 1, quota.Hamilton, nominate.WeightMembers); !errors.Is(err, nominate.ErrUnknownOrg) {
		t.Errorf("unknown: %v", err)
	}
}
