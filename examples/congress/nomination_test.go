package main

import (
	"math/big"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/ballot/stroke"
	"github.com/chae-go/chae/quota"
	"github.com/chae-go/chae/quota/composition"
	"github.com/chae-go/chae/tally/nominate"
)

// checkNomination checks one unit's nomination stage: its funnel narrows as the rules it was run
// under say, the slate comes from it and is printed in stroke order, participation is of the
// sampled members, and every tie settled by lot is in the record as a decision.
func checkNomination(t *testing.T, u *unitRun) {
	t.Helper()
	nm := u.Nomination
	f, seats := nm.Funnel, u.Seats
	prelimPlaces := nominate.PreliminarySurplus().Surplus.MinCandidates(seats)
	inspectMin := quota.Difference{MinShare: inspectShare, MinBoundary: quota.MoreThan}.MinCandidates(prelimPlaces)
	wantCand := differenceRule(u.Unit).MinCandidates(seats)
	if u.Unit.Equal {
		wantCand = seats
	}
	switch {
	case f.Recommended < f.Inspected:
		t.Errorf("%s: %d recommended, %d inspected", u.Unit.Code, f.Recommended, f.Inspected)
	case f.Inspected < inspectMin:
		t.Errorf("%s: %d inspected for a preliminary list of %d: not more than 10%% more", u.Unit.Code, f.Inspected, prelimPlaces)
	case f.Preliminary != prelimPlaces:
		t.Errorf("%s: %d preliminary candidates, want %d (more than 20%% over %d)", u.Unit.Code, f.Preliminary, prelimPlaces, seats)
	case f.Candidates != wantCand || len(u.Slate.Candidates) != wantCand:
		t.Errorf("%s: %d candidates (slate %d), want %d", u.Unit.Code, f.Candidates, len(u.Slate.Candidates), wantCand)
	case f.Seats != seats:
		t.Errorf("%s: funnel seats %d", u.Unit.Code, f.Seats)
	}
	// the ballot paper: the record's slate, printed in stroke order
	rs := nm.record.Slate
	if rs == nil {
		t.Fatalf("%s: no slate in the nomination record", u.Unit.Code)
	}
	ids := rs.Slate.IDs()
	slices.Sort(ids)
	printed := u.Slate.IDs()
	slices.Sort(printed)
	if !slices.Equal(ids, printed) {
		t.Errorf("%s: the ballot paper is not the nomination's slate", u.Unit.Code)
	}
	for k := 1; k < len(u.Slate.Candidates); k++ {
		if a, b := u.Slate.Candidates[k-1].Name, u.Slate.Candidates[k].Name; stroke.CompareNames(a, b) > 0 {
			t.Errorf("%s: %s printed before %s", u.Unit.Code, a, b)
		}
	}
	// every candidate was recommended in the third up, inspected, and on the preliminary list
	lists := map[nominate.Stage]map[string]bool{}
	for _, st := range nm.record.Steps {
		if st.Shortlist != nil {
			m := map[string]bool{}
			for _, e := range st.Shortlist.List {
				m[e.Person] = true
			}
			lists[st.Shortlist.Stage] = m
		}
	}
	final := map[string]bool{}
	for _, e := range nm.record.Passes[len(nm.record.Passes)-1].Root().List {
		final[e.Person] = true
	}
	for _, id := range ids {
		if !final[id] {
			t.Errorf("%s: candidate %s was not recommended", u.Unit.Code, id)
		}
	}
	if len(nm.record.Passes) != 3 || len(nm.record.Downs) != 3 {
		t.Errorf("%s: %d ups and %d downs, want three of each", u.Unit.Code, len(nm.record.Passes), len(nm.record.Downs))
	}
	if nm.participation.Den != int64(nm.Members) || nm.participation.Num > nm.participation.Den || nm.TookPart != nm.participation.Num {
		t.Errorf("%s: participation %d of %d, %d members sampled", u.Unit.Code, nm.participation.Num, nm.participation.Den, nm.Members)
	}
	// every lot is a recorded decision (an up) or a settled tie (a step)
	settled := 0
	for _, p := range nm.record.Passes {
		for _, d := range p.Decisions {
			if d.Op == nominate.OpOrder && d.Ref == lotRef {
				settled++
			}
		}
	}
	for _, r := range nominationEventsAll(nm.record) {
		if r.Kind == nominate.ReasonTieSettled && r.Org == "" {
			settled++
		}
	}
	lots := 0
	for _, l := range nm.Lots {
		if l.Step != "places" {
			lots++
		}
	}
	if settled != lots {
		t.Errorf("%s: %d ties settled by lot, %d recorded", u.Unit.Code, lots, settled)
	}
}

// nominationEventsAll returns every reason of the steps after the ups.
func nominationEventsAll(r *nominate.Record) []nominate.Reason {
	var out []nominate.Reason
	for _, s := range r.Steps {
		switch {
		case s.Shortlist != nil:
			out = append(out, s.Shortlist.Reasons...)
		case s.Vetting != nil:
			out = append(out, s.Vetting.Reasons...)
		case s.Notice != nil:
			out = append(out, s.Notice.Reasons...)
			if s.Notice.Vetting != nil {
				out = append(out, s.Notice.Vetting.Reasons...)
			}
		}
	}
	return out
}

// within reports whether count/base is within one percentage point of pub/pubBase, exactly:
// |count·pubBase − pub·base| · 100 ≤ base·pubBase.
func within(count, base, pub, pubBase int) bool {
	d := int64(count)*int64(pubBase) - int64(pub)*int64(base)
	if d < 0 {
		d = -d
	}
	return 100*d <= int64(base)*int64(pubBase)
}

// TestCalibration: the default run lands within one percentage point of every published share
// of the composition of the 2,296 delegates, has delegates from 40 minority groups, an average
// age within half a year of 52.2, an average participation within a point of 99.5% (both ways),
// and meets every announced target: overall, and in every unit.
func TestCalibration(t *testing.T) {
	t.Parallel()
	rec := simulated(t, 2022, 38)
	rep := rec.Composition
	for _, r := range rep.Categories {
		pub, ok := published[r.Name]
		if !ok {
			continue
		}
		pubBase := pubTotal
		if r.Of == composition.CatFrontLine {
			pubBase = pubFrontLine
		}
		if !within(r.Count, r.Base, pub, pubBase) {
			p, _ := r.Percent(2)
			t.Errorf("%s: %d of %d (%s%%), published %d of %d: more than one point apart", r.Name, r.Count, r.Base, p, pub, pubBase)
		}
	}
	if len(rep.Distinct) != 1 || rep.Distinct[0].Count() != pubGroups {
		t.Errorf("minority groups %v, want %d", rep.Distinct, pubGroups)
	}
	var plans []plan
	for i, u := range rec.Units {
		plans = append(plans, unitPlan(u.Unit, rec.Apportionment.Seats[i]))
	}
	if g := groupsOf(plans); len(g) != pubGroups {
		t.Errorf("the plans can elect %d minority groups, want %d: %v", len(g), pubGroups, g)
	}
	// average age within half a year: |mean − 52.2| ≤ 0.5, exactly
	mean := rep.Averages[0].Exact()
	if mean == nil || new(big.Rat).Abs(new(big.Rat).Sub(mean, big.NewRat(522, 10))).Cmp(big.NewRat(1, 2)) > 0 {
		t.Errorf("average age %v, want within 0.5 of 52.2", mean)
	}
	if err := rep.Check(); err != nil {
		t.Errorf("overall targets: %v", err)
	}
	var rates []nominate.Rate
	for i, ut := range rec.UnitTargets {
		if len(ut.Unmet) > 0 {
			t.Errorf("%s: targets not met: %v", rec.Units[i].Unit.Code, ut.Unmet)
		}
		rates = append(rates, rec.Units[i].Nomination.participation)
	}
	pooled := nominate.Pooled(rates)
	if !within(int(pooled.Num), int(pooled.Den), 995, 1000) {
		t.Errorf("pooled participation %d of %d, published an average of 99.5%%", pooled.Num, pooled.Den)
	}
	if mean := nominate.Mean(rates); new(big.Rat).Abs(new(big.Rat).Sub(mean, big.NewRat(995, 1000))).Cmp(big.NewRat(1, 100)) > 0 {
		t.Errorf("mean participation %s, published an average of 99.5%%", mean.FloatString(4))
	}
}

// TestWithin checks the exact one-point test on both sides of its bound.
func TestWithin(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		count, base, pub, pubBase int
		want                      bool
	}{
		{771, 2296, 771, 2296, true},
		{794, 2296, 771, 2296, false}, // 34.58% against 33.58%: 1.002 points
		{793, 2296, 771, 2296, true},  // 0.958 points
		{26, 100, 27, 100, true},      // exactly one point
		{25, 100, 27, 100, false},
		{1, 2, 51, 100, true},
	} {
		if got := within(tc.count, tc.base, tc.pub, tc.pubBase); got != tc.want {
			t.Errorf("within(%d/%d, %d/%d) = %v", tc.count, tc.base, tc.pub, tc.pubBase, got)
		}
	}
}

// TestDeterministicNomination: the same seed gives the same bytes and record digest whatever
// the goroutines aggregating each unit's tree and deciding the units, at GOMAXPROCS 1 and 2.
func TestDeterministicNomination(t *testing.T) {
	prev := runtime.GOMAXPROCS(0)
	defer runtime.GOMAXPROCS(prev)
	var first string
	var digest string
	for _, tc := range []struct{ procs, workers, nominate int }{{1, 1, 1}, {2, 2, 1}, {2, 1, 3}, {1, 3, 2}, {2, 5, 4}} {
		runtime.GOMAXPROCS(tc.procs)
		rec, err := simulateAll(config{Seed: 2022, Method: quota.HuntingtonHill, Quota: 2300, Units: 38, Workers: tc.workers,
			NominateWorkers: tc.nominate, Paper: "TW"}, nil)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		if err := writeText(&b, rec); err != nil {
			t.Fatal(err)
		}
		if first == "" {
			first, digest = b.String(), rec.Digest
			continue
		}
		if rec.Digest != digest {
			t.Errorf("GOMAXPROCS %d, %d workers, %d tree workers: digest %s, want %s", tc.procs, tc.workers, tc.nominate, rec.Digest, digest)
		}
		if b.String() != first {
			t.Errorf("GOMAXPROCS %d, %d workers, %d tree workers: output differs:\n%s", tc.procs, tc.workers, tc.nominate, lineDiff(first, b.String()))
		}
	}
}

// TestReplacementTie checks the replacement cut the simulation predicts before Vet and Notice
// make it, against the library's own: a tie across the cut is found (and then settled by a
// recorded lot), a cut between ranks is not a tie.
func TestReplacementTie(t *testing.T) {
	t.Parallel()
	e := func(p string, rank int) nominate.Entry {
		return nominate.Entry{Tally: nominate.Tally{Person: p}, Rank: rank}
	}
	prev := []nominate.Entry{e("a", 1), e("b", 2), e("c", 3), e("d", 3), e("f", 5), e("g", 5), e("h", 5)}
	list := []nominate.Entry{e("a", 1), e("c", 3)}
	for _, tc := range []struct {
		name    string
		removed map[string]bool
		replace int
		want    []string
	}{
		{"none", nil, 0, nil},
		{"between ranks", map[string]bool{"a": true}, 2, nil}, // b, d
		{"inside a tie", map[string]bool{"a": true}, 3, []string{"f", "g", "h"}},
		{"all of the pool", map[string]bool{"a": true}, 5, nil},
		{"removed skipped", map[string]bool{"a": true, "b": true}, 1, nil}, // d
		{"tie after skipping", map[string]bool{"a": true, "b": true}, 2, []string{"f", "g", "h"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := replacementTie(prev, list, tc.removed, tc.replace); !slices.Equal(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
	// against the library: a nomination whose vetting falls inside a tie
	tree, err := nominate.NewTree([]nominate.Org{{ID: "u", Kind: nominate.ElectionUnit, Places: 1}, {ID: "b", Parent: "u", Members: 9}})
	if err != nil {
		t.Fatal(err)
	}
	reg := nominate.NewRegistry()
	var ps []nominate.Person
	for _, k := range []string{"p1", "p2", "p3", "p4", "p5"} {
		p, _ := reg.Register(ballot.Candidate{ID: k, Name: k})
		ps = append(ps, p)
	}
	c := nominate.NewCounter(reg, nominate.BallotRule{})
	for _, names := range [][]nominate.Person{{ps[0], ps[1], ps[2], ps[3], ps[4]}, {ps[0], ps[1], ps[2], ps[3], ps[4]}, {ps[0], ps[1]}, {ps[0]}} {
		if err := c.Add(nominate.Ballot{Persons: names}); err != nil {
			t.Fatal(err)
		}
	}
	n, _ := nominate.New(tree, reg, 1, nominate.Options{})
	if _, err := n.Up(nominate.Up{Sheets: []nominate.Sheet{c.Sheet("b")}}); err != nil {
		t.Fatal(err)
	}
	prevList := n.List() // p1 4, p2 3, p3 p4 p5 2
	if _, err := n.Narrow(nominate.Inspected, nominate.ListRule{Size: nominate.Size{Kind: nominate.SizeShare, Share: quota.Threshold{Share: quota.Ratio(2, 1), Boundary: quota.AtLeast}}}, nil); err != nil {
		t.Fatal(err)
	}
	inspected := n.List()
	rm := []nominate.Removal{{Person: "p2", Ground: nominate.Integrity}}
	tied := replacementTie(prevList, inspected, map[string]bool{"p2": true}, 1)
	if !slices.Equal(tied, []string{"p3", "p4", "p5"}) {
		t.Fatalf("predicted tie %v", tied)
	}
	if v, err := n.Vet(rm, nominate.NextRanked, []string{"p4", "p3", "p5"}); err != nil || len(v.List) != 2 || v.List[1].Person != "p4" {
		t.Fatalf("vetting with the predicted tie settled: %v, %v", v, err)
	}
}

// Property: selectBest puts the k best first, the k-th best at k−1, as a full sort would.
func TestSelectBest(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		score := rapid.SliceOfN(rapid.IntRange(0, 20), 1, 60).Draw(t, "scores")
		k := rapid.IntRange(1, len(score)).Draw(t, "k")
		better := func(i, j int) bool { return score[i] > score[j] || score[i] == score[j] && i < j }
		xs := make([]int, len(score))
		for i := range xs {
			xs[i] = i
		}
		want := slices.Clone(xs)
		slices.SortFunc(want, func(a, b int) int {
			if better(a, b) {
				return -1
			}
			if better(b, a) {
				return 1
			}
			return 0
		})
		selectBest(xs, k, better)
		got := slices.Clone(xs[:k])
		slices.Sort(got)
		top := slices.Clone(want[:k])
		slices.Sort(top)
		if !slices.Equal(got, top) || xs[k-1] != want[k-1] {
			t.Fatalf("k %d: first %v (k-th %d), want %v (k-th %d)", k, xs[:k], xs[k-1], want[:k], want[k-1])
		}
		rest := slices.Clone(xs)
		slices.Sort(rest)
		for i, x := range rest {
			if x != i {
				t.Fatalf("not a permutation: %v", xs)
			}
		}
	})
}

// Property: every stretch of what a dealer deals, its first persons included, holds each
// category within two persons of its share: |got − n·weight/total| < 2 (zero weights never
// dealt).
func TestDealer(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		ws := rapid.SliceOfN(rapid.IntRange(0, 1000), 1, 6).Filter(func(ws []int) bool {
			return slices.ContainsFunc(ws, func(w int) bool { return w > 0 })
		}).Draw(t, "weights")
		d := newDealer(stream(rapid.Uint64().Draw(t, "seed"), 0, 0), ws...)
		total := 0
		for _, w := range ws {
			total += w
		}
		got := make([]int, len(ws))
		for n := 1; n <= 300; n++ {
			c := d.next()
			if ws[c] == 0 {
				t.Fatalf("category %d of weight 0 dealt", c)
			}
			got[c]++
			for c, w := range ws {
				// |got·total − n·w| < 2·total
				if diff := got[c]*total - n*w; diff >= 2*total || -diff >= 2*total {
					t.Fatalf("after %d: category %d (weight %d of %d) dealt %d", n, c, w, total, got[c])
				}
			}
		}
	})
}

// The dealer's starting place spreads a rare category evenly: over many units, the first persons
// hold it in its share, neither early nor late.
func TestDealerUnbiased(t *testing.T) {
	t.Parallel()
	const units, first = 4000, 10
	got := 0
	for u := range units {
		d := newDealer(stream(7, u, 0), 61, 710) // honours: 61 none of 771
		for range first {
			if d.next() == 0 {
				got++
			}
		}
	}
	// expected units·first·61/771 = 3164.7; allow 3%
	want := units * first * 61 / 771
	if diff := got - want; 100*diff > 3*want || -100*diff > 3*want {
		t.Errorf("rare category dealt %d times among the first %d of %d units, want about %d", got, first, units, want)
	}
}

// The pool is dealt as planned: the zone holds exactly the planned women and minority persons,
// standings fall with rank, homes are the recommending units.
func TestPool(t *testing.T) {
	t.Parallel()
	units, err := loadUnits()
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range units {
		seats := int(u.Members / 43000)
		pl := unitPlan(u, max(seats, 4))
		places := []int{pl.Seats / 2, pl.Seats - pl.Seats/2}
		pool := makePool(stream(1, 0, streamPool), u, pl, places)
		if len(pool) != pl.Pool {
			t.Fatalf("%s: pool of %d, plan %d", u.Code, len(pool), pl.Pool)
		}
		women, minorities := 0, 0
		for k, p := range pool {
			if k < pl.Zone {
				if p.Attrs[attrGender] == "female" {
					women++
				}
				if p.Attrs[attrEthnicity] != "Han" {
					minorities++
					if !slices.Contains(pl.Groups, p.Attrs[attrEthnicity]) {
						t.Errorf("%s: group %s not planned", u.Code, p.Attrs[attrEthnicity])
					}
				}
			}
			if k > 0 && p.Standing > pool[k-1].Standing {
				t.Errorf("%s: standing rises at rank %d", u.Code, k)
			}
			if p.Home < 0 || p.Home >= len(places) {
				t.Errorf("%s: home %d", u.Code, p.Home)
			}
			born, err := time.Parse(time.DateOnly, p.Attrs[attrBorn])
			if err != nil || ageOn(born) < 30 {
				t.Errorf("%s: %s born %s", u.Code, p.ID, p.Attrs[attrBorn])
			}
		}
		if women != pl.Women || minorities != pl.Minorities {
			t.Errorf("%s: zone of %d has %d women and %d minority persons, planned %d and %d", u.Code, pl.Zone, women, minorities, pl.Women, pl.Minorities)
		}
		if pool[pl.Zone-1].Standing <= pool[pl.Zone].Standing+zoneFloor-restTop-1 {
			t.Errorf("%s: no gap between the zone and the rest", u.Code)
		}
		// the women planned meet the unit's target: more than the membership share of the seats
		if 1000*pl.Women <= u.WomenPermille*pl.Seats {
			t.Errorf("%s: %d women planned for %d seats, membership %d‰", u.Code, pl.Women, pl.Seats, u.WomenPermille)
		}
	}
}
