package composition_test

import (
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/quota"
	"github.com/chae-go/chae/quota/composition"
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"
)

// TestCongressPublishedTable reproduces the published composition of the 2,296 delegates to the
// 20th National Congress (CONGRESS.md) from a roster with the published counts.
func TestCongressPublishedTable(t *testing.T) {
	t.Parallel()
	roster := congressRoster()
	r, err := composition.Congress().Report(roster)
	if err != nil {
		t.Fatal(err)
	}
	const want = `category                          count  share  of
front-line                          771  33.6%  all 2296
workers                             192   8.4%  all 2296
migrant workers                      26   1.1%  all 2296
farmers                              85   3.7%  all 2296
technical                           266  11.6%  all 2296
women                               619  27.0%  all 2296
minorities                          264  11.5%  all 2296
under 55                           1371  59.7%  all 2296
under 45                            434  18.9%  all 2296
college or above                   2191  95.4%  all 2296
university                          826  36.0%  all 2296
postgraduate                       1210  52.7%  all 2296
joined after 1978                  2224  96.9%  all 2296
honours                             710  92.1%  front-line 771
leading cadres                     1525  66.4%  all 2296

distinct                          count
ethnic groups                        40

average                           value     n
age on 2022-10-16                  52.2  2296

target                            result
front-line share at least 1/3     met
leading cadres share at most 2/3  met
minorities count at least 1       met
`
	if got := r.String(); got != want {
		t.Fatalf("report:\n%s\nwant:\n%s", got, want)
	}
	// The published figures, one by one, as the rows give them.
	published := []struct {
		cat   string
		count int
		share string
	}{
		{composition.CatFrontLine, 771, "33.6"}, {composition.CatWorkers, 192, "8.4"}, {composition.CatFarmers, 85, "3.7"},
		{composition.CatTechnical, 266, "11.6"}, {composition.CatWomen, 619, "27.0"}, {composition.CatMinorities, 264, "11.5"},
		{composition.CatUnder55, 1371, "59.7"}, {composition.CatUnder45, 434, "18.9"}, {composition.CatCollege, 2191, "95.4"},
		{composition.CatUniversity, 826, "36.0"}, {composition.CatPostgraduate, 1210, "52.7"},
		{composition.CatJoinedReform, 2224, "96.9"}, {composition.CatHonours, 710, "92.1"},
	}
	for _, p := range published {
		row, ok := r.Category(p.cat)
		if !ok {
			t.Fatalf("no row %q", p.cat)
		}
		pc, _ := row.Percent(1)
		if row.Count != p.count || pc.StringFixed(1) != p.share {
			t.Errorf("%s: %d, %s%%; want %d, %s%%", p.cat, row.Count, pc.StringFixed(1), p.count, p.share)
		}
	}
	if row, _ := r.Category(composition.CatHonours); row.Base != 771 || row.Of != composition.CatFrontLine {
		t.Errorf("honours measured over %q %d, want front-line 771", row.Of, row.Base)
	}
	if got := r.Distinct[0].Count(); got != 40 {
		t.Errorf("ethnic groups = %d, want 40", got)
	}
	if m, _ := r.Averages[0].Mean(1); m.StringFixed(1) != "52.2" {
		t.Errorf("average age = %s, want 52.2", m.StringFixed(1))
	}
	if got := r.Averages[0].Exact(); got.Cmp(big.NewRat(119851, 2296)) != 0 {
		t.Errorf("exact average age = %v, want 119851/2296", got)
	}
	if err := r.Check(); err != nil {
		t.Errorf("Check() = %v", err)
	}
	// The order of the roster does not matter.
	rev := slices.Clone(roster)
	slices.Reverse(rev)
	r2, err := composition.Congress().Report(rev)
	if err != nil || r2.String() != want {
		t.Fatalf("reversed roster gives a different report (%v):\n%s", err, r2)
	}
}

func cand(id string, kv ...string) ballot.Candidate {
	c := ballot.Candidate{ID: id, Attrs: map[string]string{}}
	for i := 0; i+1 < len(kv); i += 2 {
		c.Attrs[kv[i]] = kv[i+1]
	}
	return c
}

func day(s string) time.Time {
	t, err := time.Parse(composition.DateLayout, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestPredicates(t *testing.T) {
	t.Parallel()
	on := day("2022-10-16")
	w := cand("w", "sector", "frontline", "occupation", "worker", "gender", "female", "born", "1967-10-17", "joined", "1979-01-01")
	m := cand("m", "sector", "leading", "gender", "male", "born", "1967-10-16", "joined", "1978-12-31")
	tests := []struct {
		name string
		p    composition.Predicate
		str  string
		w, m bool
	}{
		{"zero value selects everyone", composition.Predicate{}, "everyone", true, true},
		{"equality", composition.Is("gender", "female"), "gender=female", true, false},
		{"equality is case-sensitive", composition.Is("gender", "Female"), "gender=Female", false, false},
		{"missing attribute equals nothing", composition.Is("occupation", ""), "occupation=", false, false},
		{"membership", composition.In("sector", "leading", "frontline", "leading"), "sector in {frontline, leading}", true, true},
		{"empty membership", composition.In("sector"), "sector in {}", false, false},
		{"has", composition.Has("occupation"), "has occupation", true, false},
		{"after is strict", composition.After("joined", day("1978-12-31")), "joined after 1978-12-31", true, false},
		{"before is strict", composition.Before("joined", day("1979-01-01")), "joined before 1979-01-01", false, true},
		{"under 55 the day before the 55th birthday", composition.AgeUnder("born", 55, on), "age(born) < 55 on 2022-10-16", true, false},
		{"and", composition.And(composition.Is("sector", "frontline"), composition.Is("occupation", "worker")), "(sector=frontline AND occupation=worker)", true, false},
		{"or", composition.Or(composition.Is("gender", "female"), composition.Is("sector", "leading")), "(gender=female OR sector=leading)", true, true},
		{"not", composition.Not(composition.Is("gender", "female")), "NOT gender=female", false, true},
		{"empty and", composition.And(), "everyone", true, true},
		{"empty or", composition.Or(), "no one", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := tt.p.String(); got != tt.str {
				t.Errorf("String() = %q, want %q", got, tt.str)
			}
			for _, c := range []struct {
				c    ballot.Candidate
				want bool
			}{{w, tt.w}, {m, tt.m}} {
				got, err := tt.p.Match(c.c)
				if err != nil || got != c.want {
					t.Errorf("Match(%s) = %t, %v; want %t", c.c.ID, got, err, c.want)
				}
			}
		})
	}
}

func TestPredicateDateErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		c    ballot.Candidate
		want error
	}{
		{"missing", cand("a"), composition.ErrMissingAttribute},
		{"empty", cand("b", "born", ""), composition.ErrMissingAttribute},
		{"malformed month", cand("c", "born", "1970-13-01"), composition.ErrBadAttribute},
		{"not a date", cand("d", "born", "1970"), composition.ErrBadAttribute},
	}
	p := composition.Not(composition.AgeUnder("born", 55, day("2022-10-16")))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ok, err := p.Match(tt.c)
			var ae *composition.AttributeError
			if ok || !errors.Is(err, tt.want) || !errors.As(err, &ae) || ae.Key != "born" || ae.ID != tt.c.ID {
				t.Fatalf("Match = %t, %v; want %v for %q", ok, err, tt.want, tt.c.ID)
			}
		})
	}
	// And stops at the first operand that decides: a guard spares candidates without the attribute.
	guarded := composition.And(composition.Is("sector", "frontline"), composition.After("joined", day("1978-12-31")))
	if ok, err := guarded.Match(cand("x", "sector", "leading")); ok || err != nil {
		t.Fatalf("guarded Match = %t, %v", ok, err)
	}
}

func TestAge(t *testing.T) {
	t.Parallel()
	tests := []struct {
		born, on string
		want     int
	}{
		{"1967-10-16", "2022-10-16", 55},
		{"1967-10-17", "2022-10-16", 54},
		{"1967-10-15", "2022-10-16", 55},
		{"2000-02-29", "2023-02-28", 22},
		{"2000-02-29", "2023-03-01", 23},
		{"2000-02-29", "2024-02-29", 24},
		{"2022-10-16", "2022-10-16", 0},
		{"2022-10-17", "2022-10-16", -1},
	}
	for _, tt := range tests {
		t.Run(tt.born+" on "+tt.on, func(t *testing.T) {
			t.Parallel()
			if got := composition.Age(day(tt.born), day(tt.on)); got != tt.want {
				t.Fatalf("Age = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestCompositionDefinitionErrors(t *testing.T) {
	t.Parallel()
	a := composition.Category{Name: "a"}
	tests := []struct {
		name string
		c    composition.Spec
	}{
		{"unnamed category", composition.Spec{Categories: []composition.Category{{}}}},
		{"duplicate", composition.Spec{Categories: []composition.Category{a, a}}},
		{"unknown base", composition.Spec{Categories: []composition.Category{{Name: "b", Of: "x"}}}},
		{"self base", composition.Spec{Categories: []composition.Category{{Name: "b", Of: "b"}}}},
		{"cycle", composition.Spec{Categories: []composition.Category{{Name: "b", Of: "c"}, {Name: "c", Of: "b"}}}},
		{"target on unknown category", composition.Spec{Categories: []composition.Category{a}, Targets: []composition.Target{{Category: "z"}}}},
		{"unknown target kind", composition.Spec{Categories: []composition.Category{a}, Targets: []composition.Target{{Category: "a", Kind: 9}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var ce *composition.SpecError
			err := tt.c.Validate()
			if !errors.Is(err, composition.ErrCategory) || !errors.As(err, &ce) {
				t.Fatalf("Validate() = %v, want ErrCategory", err)
			}
			if msg := err.Error(); !strings.HasPrefix(msg, "composition: ") || strings.Count(msg, "composition:") != 1 {
				t.Errorf("message %q is not prefixed once with the package", msg)
			}
			if _, err := tt.c.Report(nil); !errors.Is(err, composition.ErrCategory) {
				t.Fatalf("Report() = %v, want ErrCategory", err)
			}
		})
	}
	if err := composition.Congress().Validate(); err != nil {
		t.Fatalf("Congress().Validate() = %v", err)
	}
}

func TestReportAttributeErrorPosition(t *testing.T) {
	t.Parallel()
	roster := []ballot.Candidate{
		cand("A1", "born", "1970-01-01"),
		cand("A2", "born", "1970-01-01"),
		cand("A3", "born", "70-01-01"),
	}
	c := composition.Spec{Averages: []composition.Average{{Name: "age", Key: "born", AgeOn: day("2022-10-16")}}}
	_, err := c.Report(roster)
	var ae *composition.AttributeError
	if !errors.Is(err, composition.ErrBadAttribute) || !errors.As(err, &ae) || ae.Index != 3 || ae.ID != "A3" || ae.Value != "70-01-01" {
		t.Fatalf("Report error = %v, want ErrBadAttribute at candidate 3", err)
	}
	const msg = `composition: candidate 3 (ID "A3"): attribute "born" = "70-01-01": malformed attribute`
	if err.Error() != msg {
		t.Fatalf("message %q, want %q", err, msg)
	}
	c = composition.Spec{Categories: []composition.Category{{Name: "young", Where: composition.AgeUnder("born", 40, day("2022-10-16"))}}}
	_, err = c.Report([]ballot.Candidate{cand("B1", "born", "1990-01-01"), cand("B2")})
	if !errors.Is(err, composition.ErrMissingAttribute) || !errors.As(err, &ae) || ae.Index != 2 || ae.ID != "B2" {
		t.Fatalf("Report error = %v, want ErrMissingAttribute at candidate 2", err)
	}
}

func TestNumericAverage(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		values []string
		places int32
		want   string
	}{
		{"plain", []string{"1", "2"}, 1, "1.5"},
		{"half rounds up", []string{"0.25", "0"}, 2, "0.13"}, // 0.125
		{"negative half rounds away", []string{"-0.25", "0"}, 2, "-0.13"},
		{"third", []string{"1", "0", "0"}, 3, "0.333"},
		{"signed", []string{"+3", "-1"}, 0, "1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var roster []ballot.Candidate
			for i, v := range tt.values {
				roster = append(roster, cand(strconv.Itoa(i), "score", v))
			}
			c := composition.Spec{Averages: []composition.Average{{Name: "score", Key: "score", Places: tt.places}}}
			r, err := c.Report(roster)
			if err != nil {
				t.Fatal(err)
			}
			if m, ok := r.Averages[0].Mean(tt.places); !ok || m.StringFixed(tt.places) != tt.want {
				t.Fatalf("Mean = %s, want %s", m.StringFixed(tt.places), tt.want)
			}
		})
	}
	for _, bad := range []string{"1e400", "abc", "1.2.3", ".", "-", "1,5", "Infinity"} {
		c := composition.Spec{Averages: []composition.Average{{Name: "score", Key: "score"}}}
		if _, err := c.Report([]ballot.Candidate{cand("x", "score", bad)}); !errors.Is(err, composition.ErrBadAttribute) {
			t.Errorf("score %q: error %v, want ErrBadAttribute", bad, err)
		}
	}
	r, err := composition.Spec{Averages: []composition.Average{{Name: "score", Key: "score", Where: composition.Is("x", "y")}}}.Report([]ballot.Candidate{cand("1")})
	if err != nil || r.Averages[0].N != 0 || r.Averages[0].Exact() != nil || !strings.Contains(r.String(), "score        -  0") {
		t.Fatalf("empty average: %v\n%s", err, r)
	}
}

// TestTargets: Check reports every unmet target, in definition order, comparing exact ratios.
func TestTargets(t *testing.T) {
	t.Parallel()
	// 100 people: 33 front-line (33.0%, under one third), 30 women, no minorities, 67 leading.
	var roster []ballot.Candidate
	for i := range 100 {
		c := cand(fmt.Sprint(i), "gender", "male", "sector", "leading")
		if i < 33 {
			c.Attrs["sector"] = "frontline"
		}
		if i%10 < 3 {
			c.Attrs["gender"] = "female"
		}
		roster = append(roster, c)
	}
	c := composition.Spec{
		Places: 1,
		Categories: []composition.Category{
			{Name: "front-line", Where: composition.Is("sector", "frontline")},
			{Name: "women", Where: composition.Is("gender", "female")},
			{Name: "minorities", Where: composition.And(composition.Has("ethnicity"), composition.Not(composition.Is("ethnicity", "Han")))},
			{Name: "leading", Where: composition.Is("sector", "leading")},
			{Name: "front-line women", Where: composition.Is("gender", "female"), Of: "front-line"},
		},
		Targets: []composition.Target{
			{Category: "front-line", Kind: composition.ShareAtLeast, Share: quota.Ratio(1, 3)},
			{Category: "women", Kind: composition.ShareAbove, Share: quota.Percent(30), Reference: "women's share of the membership"},
			{Category: "women", Kind: composition.ShareAtLeast, Share: quota.Percent(30)},
			{Category: "minorities", Kind: composition.CountAtLeast, Count: 1},
			{Category: "women", Kind: composition.CountAtLeast, Count: 30}, // exactly reached: met
			{Category: "women", Kind: composition.CountAtLeast, Count: 31}, // one short: not met
			{Category: "leading", Kind: composition.ShareAtMost, Share: quota.Ratio(2, 3)},
			{Category: "leading", Kind: composition.ShareAtMost, Share: quota.Percent(67)},
			{Category: "front-line women", Kind: composition.ShareAbove, Share: quota.Percent(25)},
		},
	}
	r, err := c.Report(roster)
	if err != nil {
		t.Fatal(err)
	}
	err = r.Check()
	var got []string
	for _, e := range r.Unmet() {
		if !errors.Is(e, composition.ErrTargetUnmet) {
			t.Fatalf("%v does not wrap ErrTargetUnmet", e)
		}
		got = append(got, e.Error())
	}
	want := []string{
		"composition: front-line share at least 1/3: 33 of 100 (33.0%): target not met",
		"composition: women share above 30% (women's share of the membership): 30 of 100 (30.0%): target not met",
		"composition: minorities count at least 1: 0 of 100 (0.0%): target not met",
		"composition: women count at least 31: 30 of 100 (30.0%): target not met",
		"composition: leading share at most 2/3: 67 of 100 (67.0%): target not met",
	}
	if !slices.Equal(got, want) {
		t.Fatalf("unmet:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var te *composition.TargetError
	if !errors.Is(err, composition.ErrTargetUnmet) || !errors.As(err, &te) || te.Target.Category != "front-line" || err.Error() != strings.Join(want, "\n") {
		t.Fatalf("Check() = %v", err)
	}
	// front-line women: 0–2, 10–12, 20–22, 30–32 of the first 33 → 12 of 33 = 36.4% > 25%.
	if row, _ := r.Category("front-line women"); row.Count != 12 || row.Base != 33 {
		t.Fatalf("front-line women = %d of %d, want 12 of 33", row.Count, row.Base)
	}
	// An empty base meets maxima and misses minima.
	r, _ = composition.Spec{Categories: []composition.Category{{Name: "a"}}, Targets: []composition.Target{
		{Category: "a", Kind: composition.ShareAtMost, Share: quota.Ratio(1, 2)},
		{Category: "a", Kind: composition.ShareAtLeast},
	}}.Report(nil)
	if u := r.Unmet(); len(u) != 1 || u[0].Target.Kind != composition.ShareAtLeast || !strings.Contains(u[0].Error(), "no base") {
		t.Fatalf("empty base: %v", u)
	}
}

func TestRenderAlignsWideRunes(t *testing.T) {
	t.Parallel()
	roster := []ballot.Candidate{cand("1", "gender", "female"), cand("2", "gender", "male"), cand("3", "gender", "female")}
	c := composition.Spec{Places: 1, Categories: []composition.Category{
		{Name: "妇女", Where: composition.Is("gender", "female")},
		{Name: "men", Where: composition.Is("gender", "male")},
		{Name: "ｆｕｌｌ", Where: composition.Is("gender", "x")},
		{Name: "café", Where: composition.Is("gender", "x")},
	}}
	r, err := c.Report(roster)
	if err != nil {
		t.Fatal(err)
	}
	const want = `category  count  share  of
妇女          2  66.7%  all 3
men           1  33.3%  all 3
ｆｕｌｌ      0   0.0%  all 3
café          0   0.0%  all 3
`
	if got := r.String(); got != want {
		t.Fatalf("got:\n%s\nwant:\n%s", got, want)
	}
	r, _ = composition.Spec{Places: 1, Categories: []composition.Category{{Name: "x"}}}.Report(nil)
	if got := r.String(); !strings.Contains(got, "x             0      -  all 0") {
		t.Fatalf("empty body:\n%s", got)
	}
	r, _ = composition.Spec{}.Report(roster)
	if got := r.String(); got != "total\n3\n" {
		t.Fatalf("zero composition: %q", got)
	}
}

// drawRoster draws a small roster over a few attributes, some values missing.
func drawRoster(t *rapid.T) []ballot.Candidate {
	n := rapid.IntRange(0, 60).Draw(t, "n")
	var cs []ballot.Candidate
	for i := range n {
		c := cand(strconv.Itoa(i))
		if v := rapid.SampledFrom([]string{"", "a", "b", "c"}).Draw(t, "x"); v != "" {
			c.Attrs["x"] = v
		}
		c.Attrs["y"] = rapid.SampledFrom([]string{"p", "q"}).Draw(t, "y")
		cs = append(cs, c)
	}
	return cs
}

// TestCompositionCountsSum: the categories of a partition sum to the body; a category splits
// into the parts inside and outside any other; Or counts by inclusion–exclusion; a category over a
// base never exceeds it; the report ignores the roster's order.
func TestCompositionCountsSum(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		cs := drawRoster(t)
		xa, yp := composition.Is("x", "a"), composition.Is("y", "p")
		c := composition.Spec{Places: 1, Categories: []composition.Category{
			{Name: "a", Where: xa},
			{Name: "b", Where: composition.Is("x", "b")},
			{Name: "c", Where: composition.Is("x", "c")},
			{Name: "no x", Where: composition.Not(composition.Has("x"))},
			{Name: "a and p", Where: composition.And(xa, yp)},
			{Name: "a and not p", Where: composition.And(xa, composition.Not(yp))},
			{Name: "a or p", Where: composition.Or(xa, yp)},
			{Name: "p", Where: yp},
			{Name: "p of a", Where: yp, Of: "a"},
			{Name: "b or c", Where: composition.In("x", "b", "c")},
		}}
		r, err := c.Report(cs)
		if err != nil {
			t.Fatal(err)
		}
		n := func(name string) int { row, _ := r.Category(name); return row.Count }
		if n("a")+n("b")+n("c")+n("no x") != len(cs) {
			t.Fatalf("partition by x sums to %d, want %d", n("a")+n("b")+n("c")+n("no x"), len(cs))
		}
		if n("a and p")+n("a and not p") != n("a") {
			t.Fatalf("a splits into %d + %d, want %d", n("a and p"), n("a and not p"), n("a"))
		}
		if n("a or p") != n("a")+n("p")-n("a and p") {
			t.Fatalf("inclusion-exclusion fails")
		}
		if row, _ := r.Category("p of a"); row.Count != n("a and p") || row.Base != n("a") {
			t.Fatalf("p of a = %d of %d, want %d of %d", row.Count, row.Base, n("a and p"), n("a"))
		}
		if n("b or c") != n("b")+n("c") {
			t.Fatalf("membership in {b, c} = %d, want %d", n("b or c"), n("b")+n("c"))
		}
		perm := rapid.Permutation(cs).Draw(t, "perm")
		r2, err := c.Report(perm)
		if err != nil || r2.String() != r.String() {
			t.Fatalf("permuted roster: %v\n%s\nwant\n%s", err, r2, r)
		}
	})
}

func pow10(n int32) int {
	p := 1
	for range n {
		p *= 10
	}
	return p
}

// TestSharesWithinHalfAUnit: a printed share is within half a unit of its last place of the exact
// percentage, and an exact half rounds up.
func TestSharesWithinHalfAUnit(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		places := int32(rapid.IntRange(0, 4).Draw(t, "places"))
		var base, count int
		if rapid.Bool().Draw(t, "exact half") {
			// count/base = (2k+1)·m / (200·10^places·m), so the exact percentage is
			// (k + 1/2)/10^places: a half at the place after the last printed one, which the
			// draws below almost never hit.
			unit := 200 * pow10(places)
			m := rapid.IntRange(1, 3).Draw(t, "multiple")
			k := rapid.IntRange(0, unit/2-1).Draw(t, "k")
			base, count = unit*m, (2*k+1)*m
		} else {
			base = rapid.IntRange(1, 1_000_000).Draw(t, "base")
			count = rapid.IntRange(0, base).Draw(t, "count")
		}
		got, ok := composition.CategoryRow{Count: count, Base: base}.Percent(places)
		if !ok {
			t.Fatal("no percent for a positive base")
		}
		exact := big.NewRat(int64(count)*100, int64(base))
		diff := new(big.Rat).Sub(got.Rat(), exact)
		half := new(big.Rat).SetFrac(big.NewInt(1), new(big.Int).Mul(big.NewInt(2), new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(places)), nil)))
		// Half-up: −half < printed − exact ≤ half.
		if diff.Cmp(half) > 0 || new(big.Rat).Neg(diff).Cmp(half) >= 0 {
			t.Fatalf("%d of %d at %d places: %s, exact %s", count, base, places, got, exact.FloatString(10))
		}
		if !got.Equal(decimal.NewFromBigRat(got.Rat(), places)) {
			t.Fatalf("%s has more than %d places", got, places)
		}
	})
}

func ExampleSpec() {
	roster := []ballot.Candidate{
		{ID: "1", Attrs: map[string]string{"sector": "frontline", "gender": "female", "ethnicity": "Zhuang", "born": "1970-05-01"}},
		{ID: "2", Attrs: map[string]string{"sector": "frontline", "gender": "male", "ethnicity": "Han", "born": "1980-11-30", "honours": "provincial"}},
		{ID: "3", Attrs: map[string]string{"sector": "leading", "gender": "male", "ethnicity": "Hui", "born": "1962-10-16"}},
	}
	opening := time.Date(2022, time.October, 16, 0, 0, 0, 0, time.UTC)
	minority := composition.And(composition.Has("ethnicity"), composition.Not(composition.Is("ethnicity", "Han")))
	c := composition.Spec{
		Places: 1,
		Categories: []composition.Category{
			{Name: "front-line", Where: composition.Is("sector", "frontline")},
			{Name: "women", Where: composition.Is("gender", "female")},
			{Name: "under 55", Where: composition.AgeUnder("born", 55, opening)},
			{Name: "honours", Where: composition.Is("honours", "provincial"), Of: "front-line"},
		},
		Distinct: []composition.Distinct{{Name: "ethnic groups", Key: "ethnicity", Where: minority}},
		Averages: []composition.Average{{Name: "age", Key: "born", AgeOn: opening, Places: 1}},
		Targets: []composition.Target{
			{Category: "front-line", Kind: composition.ShareAtLeast, Share: quota.Ratio(1, 3)},
			{Category: "women", Kind: composition.ShareAbove, Share: quota.Percent(35), Reference: "membership"},
		},
	}
	r, err := c.Report(roster)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(r)
	fmt.Println(r.Check())
	// Output:
	// category                            count  share  of
	// front-line                              2  66.7%  all 3
	// women                                   1  33.3%  all 3
	// under 55                                2  66.7%  all 3
	// honours                                 1  50.0%  front-line 2
	//
	// distinct                            count
	// ethnic groups                           2
	//
	// average                             value  n
	// age on 2022-10-16                    51.0  3
	//
	// target                              result
	// front-line share at least 1/3       met
	// women share above 35% (membership)  NOT MET
	// composition: women share above 35% (membership): 1 of 3 (33.3%): target not met
}

func BenchmarkCongressReport(b *testing.B) {
	roster := congressRoster()
	c := composition.Congress()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Report(roster); err != nil {
			b.Fatal(err)
		}
	}
}

// TestDateAttributes: date attributes are read strictly as real calendar days.
func TestDateAttributes(t *testing.T) {
	t.Parallel()
	p := composition.After("d", day("2000-01-01"))
	for _, tt := range []struct {
		v  string
		ok bool
	}{
		{"2000-01-02", true}, {"2000-02-29", true}, {"2001-02-29", false}, {"2000-04-31", false},
		{"2000-00-10", false}, {"2000-13-01", false}, {"2000-01-00", false}, {"2000-1-01", false},
		{"2000/01/02", false}, {"+200-01-02", false}, {"2000-01-02 ", false}, {"２０００-01-02", false},
	} {
		t.Run(tt.v, func(t *testing.T) {
			t.Parallel()
			_, err := p.Match(cand("x", "d", tt.v))
			_, perr := time.Parse(composition.DateLayout, tt.v)
			if (err == nil) != tt.ok || (perr == nil) != tt.ok {
				t.Fatalf("date %q: Match error %v, time.Parse error %v; want ok=%t", tt.v, err, perr, tt.ok)
			}
		})
	}
}

// TestChainedBases: a category over a base that has its own base counts only members of the whole
// chain, and is measured over its immediate base.
func TestChainedBases(t *testing.T) {
	t.Parallel()
	var roster []ballot.Candidate
	for i := range 40 {
		c := cand(strconv.Itoa(i))
		if i < 20 {
			c.Attrs["sector"] = "frontline"
		}
		if i%2 == 0 {
			c.Attrs["gender"] = "female"
		}
		if i%4 == 0 {
			c.Attrs["honours"] = "provincial"
		}
		roster = append(roster, c)
	}
	c := composition.Spec{Categories: []composition.Category{
		{Name: "honoured front-line women", Where: composition.Has("honours"), Of: "front-line women"},
		{Name: "front-line women", Where: composition.Is("gender", "female"), Of: "front-line"},
		{Name: "front-line", Where: composition.Is("sector", "frontline")},
	}}
	r, err := c.Report(roster)
	if err != nil {
		t.Fatal(err)
	}
	want := []composition.CategoryRow{
		{Name: "honoured front-line women", Count: 5, Of: "front-line women", Base: 10},
		{Name: "front-line women", Count: 10, Of: "front-line", Base: 20},
		{Name: "front-line", Count: 20, Base: 40},
	}
	if !slices.Equal(r.Categories, want) {
		t.Fatalf("rows %+v, want %+v", r.Categories, want)
	}
}

// TestDistinct counts distinct non-empty values among the selected candidates only.
func TestDistinct(t *testing.T) {
	t.Parallel()
	roster := []ballot.Candidate{
		cand("1", "ethnicity", "Zhuang"), cand("2", "ethnicity", "Hui"), cand("3", "ethnicity", "Zhuang"),
		cand("4", "ethnicity", ""), cand("5"), cand("6", "ethnicity", "Han"), cand("7", "ethnicity", "Bai"),
	}
	c := composition.Spec{Distinct: []composition.Distinct{
		{Name: "minority groups", Key: "ethnicity", Where: composition.Not(composition.Is("ethnicity", "Han"))},
		{Name: "all groups", Key: "ethnicity"},
	}}
	r, err := c.Report(roster)
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Distinct[0].Values; !slices.Equal(got, []string{"Bai", "Hui", "Zhuang"}) {
		t.Errorf("minority groups = %q", got)
	}
	if got := r.Distinct[1].Count(); got != 4 {
		t.Errorf("all groups = %d, want 4", got)
	}
}
