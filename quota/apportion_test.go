package quota_test

import (
	"bufio"
	"errors"
	"fmt"
	"math/big"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chae-go/chae/quota"
	"pgregory.net/rapid"
)

var (
	allMethods = []quota.Method{
		quota.Hamilton, quota.DHondt, quota.SainteLague, quota.HuntingtonHill, quota.Adams,
		quota.Dean, quota.ModifiedSainteLague, quota.Droop, quota.HagenbachBischoff,
	}
	divisorMethods = []quota.Method{
		quota.DHondt, quota.SainteLague, quota.HuntingtonHill, quota.Adams, quota.Dean,
		quota.ModifiedSainteLague,
	}
	remainderMethods = []quota.Method{quota.Hamilton, quota.Droop, quota.HagenbachBischoff}
)

func TestApportionTable(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		m       quota.Method
		seats   int
		weights []int64
		opt     quota.ApportionOptions
		want    []int
	}{
		// Balinski & Young's classic four states, 10 seats: the methods disagree.
		{"hamilton classic", quota.Hamilton, 10, []int64{5117, 4400, 162, 161}, quota.ApportionOptions{}, []int{5, 5, 0, 0}},
		{"huntington-hill classic", quota.HuntingtonHill, 10, []int64{5117, 4400, 162, 161}, quota.ApportionOptions{}, []int{4, 4, 1, 1}},
		{"dhondt textbook", quota.DHondt, 8, []int64{100000, 80000, 30000, 20000}, quota.ApportionOptions{}, []int{4, 3, 1, 0}},
		{"sainte-lague textbook", quota.SainteLague, 8, []int64{100000, 80000, 30000, 20000}, quota.ApportionOptions{}, []int{3, 3, 1, 1}},
		{"modified sainte-lague first divisor 1.4", quota.ModifiedSainteLague, 8, []int64{100000, 80000, 30000, 21000}, quota.ApportionOptions{}, []int{3, 3, 1, 1}},
		{"adams favours small", quota.Adams, 8, []int64{100000, 80000, 30000, 20000}, quota.ApportionOptions{}, []int{3, 3, 1, 1}},
		{"dean", quota.Dean, 8, []int64{100000, 80000, 30000, 20000}, quota.ApportionOptions{}, []int{3, 3, 1, 1}},
		{"droop", quota.Droop, 8, []int64{100000, 80000, 30000, 20000}, quota.ApportionOptions{}, []int{4, 3, 1, 0}},
		{"hagenbach-bischoff", quota.HagenbachBischoff, 8, []int64{100000, 80000, 30000, 20000}, quota.ApportionOptions{}, []int{4, 3, 1, 0}},
		{"zero seats", quota.SainteLague, 0, []int64{3, 2}, quota.ApportionOptions{}, []int{0, 0}},
		{"zero weight gets nothing", quota.Adams, 3, []int64{5, 0, 1}, quota.ApportionOptions{}, []int{2, 0, 1}},
		{"minimum one", quota.DHondt, 10, []int64{1000, 10, 10}, quota.ApportionOptions{Min: 1}, []int{8, 1, 1}},
		{"maximum", quota.DHondt, 10, []int64{1000, 10, 10}, quota.ApportionOptions{Max: 4}, []int{4, 3, 3}},
		{"hamilton with bounds", quota.Hamilton, 10, []int64{100, 1, 1}, quota.ApportionOptions{Min: 1, Max: 8}, []int{8, 1, 1}},
		{"hamilton with maximum spreads the rest", quota.Hamilton, 12, []int64{90, 6, 4}, quota.ApportionOptions{Max: 6}, []int{6, 4, 2}},
		{"threshold 5 percent", quota.SainteLague, 10, []int64{600, 360, 40}, quota.ApportionOptions{Threshold: quota.Threshold{Share: quota.Percent(5), Boundary: quota.AtLeast}}, []int{6, 4, 0}},
		{"threshold reached exactly", quota.SainteLague, 10, []int64{570, 380, 50}, quota.ApportionOptions{Threshold: quota.Threshold{Share: quota.Percent(5), Boundary: quota.AtLeast}}, []int{6, 4, 0}},
		{"large weights exact", quota.HuntingtonHill, 4, []int64{1 << 62, 1<<62 - 2, 1}, quota.ApportionOptions{}, []int{2, 1, 1}},
		{"large weights dhondt above", quota.DHondt, 3, []int64{1 << 61, 1<<61 - 1, 1<<60 + 1}, quota.ApportionOptions{}, []int{1, 1, 1}},
		{"large weights dhondt below", quota.DHondt, 3, []int64{1 << 61, 1<<61 - 1, 1<<60 - 1}, quota.ApportionOptions{}, []int{2, 1, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := quota.ApportionWithOptions(tt.m, tt.seats, tt.weights, tt.opt)
			if err != nil {
				t.Fatalf("ApportionWithOptions: %v", err)
			}
			if !slices.Equal(got.Seats, tt.want) {
				t.Errorf("seats = %v, want %v", got.Seats, tt.want)
			}
		})
	}
}

// TestThresholdBoundary: 50 of 1000 is exactly 5%: "at least" admits it, "more than" does not.
func TestThresholdBoundary(t *testing.T) {
	t.Parallel()
	w := []int64{570, 380, 50}
	for _, tt := range []struct {
		b    quota.Boundary
		want []int
		excl []int
	}{
		{quota.AtLeast, []int{11, 8, 1}, nil},
		{quota.MoreThan, []int{12, 8, 0}, []int{2}},
	} {
		t.Run(tt.b.String(), func(t *testing.T) {
			r, err := quota.ApportionWithOptions(quota.SainteLague, 20, w, quota.ApportionOptions{Threshold: quota.Threshold{Share: quota.Percent(5), Boundary: tt.b}})
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(r.Seats, tt.want) || !slices.Equal(r.Excluded, tt.excl) {
				t.Errorf("got %v excluded %v, want %v excluded %v", r.Seats, r.Excluded, tt.want, tt.excl)
			}
		})
	}
}

// TestAlabamaParadox keeps the classic demonstration: with Hamilton, the third state holds 2 of
// 10 seats but only 1 of 11. The divisor methods are house-monotone on the same data.
func TestAlabamaParadox(t *testing.T) {
	t.Parallel()
	w := []int64{6, 6, 2}
	a10, err10 := quota.Apportion(quota.Hamilton, 10, w)
	a11, err11 := quota.Apportion(quota.Hamilton, 11, w)
	if err10 != nil || err11 != nil {
		t.Fatal(err10, err11)
	}
	if !slices.Equal(a10, []int{4, 4, 2}) || !slices.Equal(a11, []int{5, 5, 1}) {
		t.Fatalf("Hamilton 10 → %v, 11 → %v; want [4 4 2] → [5 5 1]", a10, a11)
	}
	if houseMonotone(a10, a11) == nil {
		t.Error("houseMonotone does not see the Alabama paradox")
	}
	for _, m := range divisorMethods {
		for s := 0; s < 30; s++ {
			a, errA := quota.Apportion(m, s, w)
			b, errB := quota.Apportion(m, s+1, w)
			if errA != nil || errB != nil {
				continue // a tie at one of the sizes
			}
			if err := houseMonotone(a, b); err != nil {
				t.Errorf("%v: %d→%d seats: %v", m, s, s+1, err)
			}
		}
	}
}

// TestPopulationParadox keeps a case (found by search) in which Hamilton takes a seat from a
// unit that grew by 11.5% and gives it to one that grew by 11.4%: 6 seats, [41 26 44] gives
// [2 2 2], then [37 29 49] gives [2 1 3]. The divisor methods do not do this.
func TestPopulationParadox(t *testing.T) {
	t.Parallel()
	w := []int64{41, 26, 44}
	w2 := []int64{37, 29, 49}
	a, errA := quota.Apportion(quota.Hamilton, 6, w)
	b, errB := quota.Apportion(quota.Hamilton, 6, w2)
	if errA != nil || errB != nil || !slices.Equal(a, []int{2, 2, 2}) || !slices.Equal(b, []int{2, 1, 3}) {
		t.Fatalf("Hamilton: %v %v, then %v %v", a, errA, b, errB)
	}
	if populationMonotone(w, a, w2, b) == nil {
		t.Errorf("Hamilton %v → %v, %v → %v: paradox not detected", w, a, w2, b)
	}
	for _, m := range divisorMethods {
		a, errA := quota.Apportion(m, 6, w)
		b, errB := quota.Apportion(m, 6, w2)
		if errA == nil && errB == nil {
			if err := populationMonotone(w, a, w2, b); err != nil {
				t.Errorf("%v: %v", m, err)
			}
		}
	}
}

// Portuguese parliament's own worked example (parlamento.pt, "Método da média mais alta de
// Hondt"): 7 seats, votes 12000, 7500, 4500, 3000. The seventh seat is a tie between A's
// fourth quotient and D's first (3000 each); Lei 14/79 art. 16.º gives it to the list with fewer
// votes, so the organisers pass that order in.
func TestTieReportedAndSettled(t *testing.T) {
	t.Parallel()
	w := []int64{12000, 7500, 4500, 3000}
	_, err := quota.Apportion(quota.DHondt, 7, w)
	if !errors.Is(err, quota.ErrTie) {
		t.Fatalf("err = %v, want ErrTie", err)
	}
	var te *quota.ApportionTieError
	if !errors.As(err, &te) {
		t.Fatalf("err %T is not an *ApportionTieError", err)
	}
	if !slices.Equal(te.Units, []int{0, 3}) || te.Seats != 1 || !slices.Equal(te.Settled, []int{3, 2, 1, 0}) {
		t.Errorf("tie = %+v, want units [0 3], 1 seat, settled [3 2 1 0]", te)
	}
	r, err := quota.ApportionWithOptions(quota.DHondt, 7, w, quota.ApportionOptions{TieOrder: []int{3, 2, 1, 0}})
	if err != nil {
		t.Fatal(err)
	}
	want := quota.ApportionTieBreak{Units: []int{0, 3}, Seats: 1, Winners: []int{3}}
	if !slices.Equal(r.Seats, []int{3, 2, 1, 1}) || len(r.Ties) != 1 || !reflect.DeepEqual(r.Ties[0], want) {
		t.Errorf("got %v %+v, want [3 2 1 1] %+v", r.Seats, r.Ties, want)
	}
	// A TieOrder that leaves out a tied unit does not settle it.
	if _, err := quota.ApportionWithOptions(quota.DHondt, 7, w, quota.ApportionOptions{TieOrder: []int{3}}); !errors.Is(err, quota.ErrTie) {
		t.Errorf("partial TieOrder: err = %v, want ErrTie", err)
	}
	// An input order that puts D first does not change the report.
	_, err = quota.Apportion(quota.DHondt, 7, []int64{3000, 7500, 4500, 12000})
	if !errors.As(err, &te) || !slices.Equal(te.Units, []int{0, 3}) {
		t.Errorf("reversed input: %v", err)
	}
}

func TestFewerSeatsThanUnits(t *testing.T) {
	t.Parallel()
	// Huntington–Hill, Adams, Dean: every unit's first seat has infinite priority.
	for _, m := range []quota.Method{quota.HuntingtonHill, quota.Adams, quota.Dean} {
		_, err := quota.Apportion(m, 2, []int64{100, 1, 50})
		var te *quota.ApportionTieError
		if !errors.As(err, &te) || !slices.Equal(te.Units, []int{0, 1, 2}) || te.Seats != 2 {
			t.Errorf("%v: err = %v, want a tie among all three for 2 seats", m, err)
		}
	}
	// D'Hondt simply gives them by weight.
	got, err := quota.Apportion(quota.DHondt, 2, []int64{100, 1, 60})
	if err != nil || !slices.Equal(got, []int{1, 0, 1}) {
		t.Errorf("D'Hondt = %v, %v", got, err)
	}
}

func TestHagenbachBischoffExcess(t *testing.T) {
	t.Parallel()
	// quota 40/(3+1) = 10: whole parts 2+1+1 = 4 > 3 seats, every remainder zero.
	_, err := quota.Apportion(quota.HagenbachBischoff, 3, []int64{20, 10, 10})
	var te *quota.ApportionTieError
	if !errors.As(err, &te) || !slices.Equal(te.Units, []int{0, 1, 2}) || te.Seats != 2 || !slices.Equal(te.Settled, []int{1, 0, 0}) {
		t.Fatalf("err = %#v", err)
	}
	r, err := quota.ApportionWithOptions(quota.HagenbachBischoff, 3, []int64{20, 10, 10}, quota.ApportionOptions{TieOrder: []int{0, 2, 1}})
	if err != nil || !slices.Equal(r.Seats, []int{2, 0, 1}) {
		t.Errorf("settled = %v, %v; want [2 0 1]", r.Seats, err)
	}
}

func TestApportionErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		m       quota.Method
		seats   int
		weights []int64
		opt     quota.ApportionOptions
		want    error
		unit    int
	}{
		{"no method", 0, 3, []int64{1}, quota.ApportionOptions{}, quota.ErrMethod, -1},
		{"method out of range", quota.Method(200), 3, []int64{1}, quota.ApportionOptions{}, quota.ErrMethod, -1},
		{"no units", quota.DHondt, 3, nil, quota.ApportionOptions{}, quota.ErrNoUnits, -1},
		{"negative seats", quota.DHondt, -1, []int64{1}, quota.ApportionOptions{}, quota.ErrSeatCount, -1},
		{"too many seats", quota.DHondt, quota.MaxHouseSize + 1, []int64{1}, quota.ApportionOptions{}, quota.ErrSeatCount, -1},
		{"negative weight", quota.Hamilton, 3, []int64{1, 2, -3}, quota.ApportionOptions{}, quota.ErrWeight, 2},
		{"weight overflow", quota.Hamilton, 3, []int64{1 << 62, 1 << 62}, quota.ApportionOptions{}, quota.ErrWeightSum, 1},
		{"all zero", quota.SainteLague, 3, []int64{0, 0}, quota.ApportionOptions{}, quota.ErrZeroWeights, -1},
		{"minimum above house", quota.HuntingtonHill, 5, []int64{1, 2, 3}, quota.ApportionOptions{Min: 2}, quota.ErrMinSeats, -1},
		{"maximum too low", quota.DHondt, 10, []int64{1, 2, 3}, quota.ApportionOptions{Max: 3}, quota.ErrCapacity, -1},
		{"all below threshold", quota.DHondt, 10, []int64{1, 1, 1}, quota.ApportionOptions{Threshold: quota.Majority()}, quota.ErrCapacity, -1},
		{"negative min", quota.DHondt, 10, []int64{1}, quota.ApportionOptions{Min: -1}, quota.ErrApportionOptions, -1},
		{"min above max", quota.DHondt, 10, []int64{1}, quota.ApportionOptions{Min: 3, Max: 2}, quota.ErrApportionOptions, -1},
		{"tie order out of range", quota.DHondt, 10, []int64{1, 2}, quota.ApportionOptions{TieOrder: []int{0, 2}}, quota.ErrApportionOptions, 2},
		{"tie order negative", quota.DHondt, 10, []int64{1, 2}, quota.ApportionOptions{TieOrder: []int{-7}}, quota.ErrApportionOptions, -7},
		{"tie order repeated", quota.DHondt, 10, []int64{1, 2}, quota.ApportionOptions{TieOrder: []int{1, 1}}, quota.ErrApportionOptions, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := quota.ApportionWithOptions(tt.m, tt.seats, tt.weights, tt.opt)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			var ae *quota.ApportionError
			if !errors.As(err, &ae) || ae.Unit != tt.unit {
				t.Errorf("err = %#v, want an *ApportionError at unit %d", err, tt.unit)
			}
			if !strings.HasPrefix(err.Error(), "quota: ") {
				t.Errorf("message %q lacks the package prefix", err)
			}
		})
	}
}

func TestParseMethod(t *testing.T) {
	t.Parallel()
	for _, m := range allMethods {
		text, err := m.MarshalText()
		if err != nil {
			t.Fatalf("%v: %v", m, err)
		}
		var back quota.Method
		if err := back.UnmarshalText(text); err != nil || back != m {
			t.Errorf("%v → %q → %v, %v", m, text, back, err)
		}
	}
	for _, tt := range []struct {
		in   string
		want quota.Method
	}{
		{"Jefferson", quota.DHondt}, {" webster ", quota.SainteLague}, {"D'Hondt", quota.DHondt},
		{"hare-niemeyer", quota.Hamilton}, {"equal-proportions", quota.HuntingtonHill},
	} {
		if got, err := quota.ParseMethod(tt.in); err != nil || got != tt.want {
			t.Errorf("ParseMethod(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"", "borda", "hamilton!"} {
		if _, err := quota.ParseMethod(bad); !errors.Is(err, quota.ErrMethod) {
			t.Errorf("ParseMethod(%q): err = %v, want ErrMethod", bad, err)
		}
	}
	if _, err := quota.Method(0).MarshalText(); !errors.Is(err, quota.ErrMethod) {
		t.Errorf("zero Method marshalled: %v", err)
	}
}

// TestApportionAllocs guards the allocation count of the divisor path (strconv style).
func TestApportionAllocs(t *testing.T) {
	w := make([]int64, 50)
	for i := range w {
		w[i] = int64(1000 + 7919*i)
	}
	n := testing.AllocsPerRun(20, func() {
		if _, err := quota.Apportion(quota.HuntingtonHill, 435, w); err != nil {
			t.Fatal(err)
		}
	})
	if n > 6 {
		t.Errorf("Apportion allocates %v times, want at most 6", n)
	}
}

func TestWithinQuota(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		seats   []int
		weights []int64
		want    bool
	}{
		{"exact", []int{2, 1}, []int64{2, 1}, true},
		{"rounded", []int{4, 4, 2}, []int64{6, 6, 2}, true}, // quotas 4.29 4.29 1.43
		{"above upper quota", []int{3, 4, 3}, []int64{6, 6, 2}, false},
		{"below lower quota", []int{5, 1}, []int64{4, 2}, false}, // quotas 4, 2
		{"upper quota exactly", []int{2, 0}, []int64{1, 1}, false},
		{"mismatch", []int{1}, []int64{1, 1}, false},
		{"zero total", []int{0, 0}, []int64{0, 0}, false},
		{"negative", []int{-1, 2}, []int64{1, 1}, false},
		{"adams violates", []int{3, 3, 1, 1}, []int64{100000, 80000, 30000, 20000}, true},
		{"huntington-hill classic violates", []int{4, 4, 1, 1}, []int64{5117, 4400, 162, 161}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := quota.WithinQuota(tt.seats, tt.weights); got != tt.want {
				t.Errorf("WithinQuota(%v, %v) = %v, want %v", tt.seats, tt.weights, got, tt.want)
			}
		})
	}
}

// golden is one published apportionment under testdata/apportion.
type golden struct {
	method  quota.Method
	seats   int
	min     int
	units   []string
	weights []int64
	want    []int
}

func readGolden(t *testing.T, path string) golden {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var g golden
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if h, ok := strings.CutPrefix(text, "#"); ok {
			k, v, ok := strings.Cut(strings.TrimSpace(h), ":")
			if !ok {
				continue
			}
			v = strings.TrimSpace(v)
			switch k {
			case "method":
				g.method, err = quota.ParseMethod(v)
			case "seats":
				g.seats, err = strconv.Atoi(v)
			case "min":
				g.min, err = strconv.Atoi(v)
			}
			if err != nil {
				t.Fatalf("%s:%d: %v", path, line, err)
			}
			continue
		}
		if strings.TrimSpace(text) == "" {
			continue
		}
		fields := strings.Split(text, "\t")
		if len(fields) != 3 {
			t.Fatalf("%s:%d: want 3 tab-separated fields, got %q", path, line, text)
		}
		w, err1 := strconv.ParseInt(fields[1], 10, 64)
		s, err2 := strconv.Atoi(fields[2])
		if err := errors.Join(err1, err2); err != nil {
			t.Fatalf("%s:%d: %v", path, line, err)
		}
		g.units = append(g.units, fields[0])
		g.weights = append(g.weights, w)
		g.want = append(g.want, s)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if g.method == 0 || len(g.units) == 0 {
		t.Fatalf("%s: no method or no units", path)
	}
	return g
}

// TestApportionGolden checks real published apportionments exactly (sources in each file).
func TestApportionGolden(t *testing.T) {
	t.Parallel()
	paths, err := filepath.Glob(filepath.Join("testdata", "apportion", "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	seen := map[quota.Method]bool{}
	for _, path := range paths {
		g := readGolden(t, path)
		seen[g.method] = true
		t.Run(filepath.Base(path), func(t *testing.T) {
			t.Parallel()
			r, err := quota.ApportionWithOptions(g.method, g.seats, g.weights, quota.ApportionOptions{Min: g.min})
			if err != nil {
				t.Fatal(err)
			}
			sum := 0
			for i := range g.want {
				sum += g.want[i]
				if r.Seats[i] != g.want[i] {
					t.Errorf("%s: got %d seats, published %d", g.units[i], r.Seats[i], g.want[i])
				}
			}
			if sum != g.seats {
				t.Errorf("published seats add up to %d, header says %d", sum, g.seats)
			}
		})
	}
	for _, m := range []quota.Method{quota.HuntingtonHill, quota.DHondt, quota.SainteLague, quota.Hamilton} {
		if !seen[m] {
			t.Errorf("no golden file for %v", m)
		}
	}
}

// ---- laws, each a checker that says what broke ----

// houseMonotone: with one more seat no unit has fewer.
func houseMonotone(a, b []int) error {
	for i := range a {
		if b[i] < a[i] {
			return fmt.Errorf("unit %d: %d seats, then %d with one seat more", i, a[i], b[i])
		}
	}
	return nil
}

// populationMonotone (Balinski–Young): if unit i's weight grew relative to unit j's
// (w'i/w'j ≥ wi/wj), then i may not lose a seat while j gains one.
func populationMonotone(w []int64, a []int, w2 []int64, b []int) error {
	for i := range w {
		for j := range w {
			if i == j {
				continue
			}
			// w2[i]·w[j] ≥ w[i]·w2[j]
			l := new(big.Int).Mul(big.NewInt(w2[i]), big.NewInt(w[j]))
			r := new(big.Int).Mul(big.NewInt(w[i]), big.NewInt(w2[j]))
			if l.Cmp(r) >= 0 && b[i] < a[i] && b[j] > a[j] {
				return fmt.Errorf("unit %d grew relative to %d but went %d→%d while %d went %d→%d", i, j, a[i], b[i], j, a[j], b[j])
			}
		}
	}
	return nil
}

func sum(v []int) int {
	s := 0
	for _, x := range v {
		s += x
	}
	return s
}

// ---- generators ----

type input struct {
	m       quota.Method
	seats   int
	weights []int64
	opt     quota.ApportionOptions
}

func drawWeights(t *rapid.T, label string) []int64 {
	n := rapid.IntRange(1, 8).Draw(t, label+"Units")
	top := rapid.SampledFrom([]int64{6, 60, 60, 1 << 59}).Draw(t, label+"Scale")
	w := make([]int64, n)
	for i := range w {
		w[i] = rapid.Int64Range(0, top).Draw(t, label+"Weight")
	}
	if slices.Max(w) == 0 {
		w[0] = 1
	}
	return w
}

func drawInput(t *rapid.T, methods []quota.Method, withOptions bool) input {
	in := input{
		m:       rapid.SampledFrom(methods).Draw(t, "method"),
		weights: drawWeights(t, ""),
		seats:   rapid.IntRange(0, 40).Draw(t, "seats"),
	}
	if withOptions {
		in.opt.Min = rapid.IntRange(0, 2).Draw(t, "min")
		in.opt.Max = rapid.SampledFrom([]int{0, 0, 3, 5, 10}).Draw(t, "max")
		if in.opt.Max > 0 && in.opt.Min > in.opt.Max {
			in.opt.Max = in.opt.Min
		}
		if rapid.Bool().Draw(t, "threshold") {
			in.opt.Threshold = quota.Threshold{Share: quota.Percent(rapid.Int64Range(0, 30).Draw(t, "percent")), Boundary: quota.AtLeast}
		}
	}
	return in
}

func run(in input) (quota.Apportionment, error) {
	return quota.ApportionWithOptions(in.m, in.seats, in.weights, in.opt)
}

// ---- reference model: every seat as a token with an exact big.Rat priority ----

// refPriority is w/D(k) for the divisor methods, squared for Huntington–Hill (same order); nil
// means infinite.
func refPriority(m quota.Method, w int64, k int) *big.Rat {
	W := new(big.Rat).SetInt64(w)
	K := int64(k)
	var d *big.Rat
	switch m {
	case quota.DHondt:
		d = big.NewRat(K+1, 1)
	case quota.SainteLague:
		d = big.NewRat(2*K+1, 2)
	case quota.ModifiedSainteLague:
		if k == 0 {
			d = big.NewRat(7, 10)
		} else {
			d = big.NewRat(2*K+1, 2)
		}
	case quota.Adams:
		d = big.NewRat(K, 1)
	case quota.Dean:
		d = big.NewRat(2*K*(K+1), 2*K+1)
	case quota.HuntingtonHill:
		if k == 0 {
			return nil
		}
		return new(big.Rat).Quo(new(big.Rat).Mul(W, W), big.NewRat(K*(K+1), 1))
	}
	if d.Sign() == 0 {
		return nil
	}
	return new(big.Rat).Quo(W, d)
}

func cmpRef(a, b *big.Rat) int {
	switch {
	case a == nil && b == nil:
		return 0
	case a == nil:
		return 1
	case b == nil:
		return -1
	}
	return a.Cmp(b)
}

// refDivisor apportions by sorting every possible seat; it returns the seats, or the tied units
// and the seats they are tied for.
func refDivisor(in input) (seats []int, tied []int, contested int) {
	type token struct {
		unit int
		p    *big.Rat
	}
	var total int64
	for _, w := range in.weights {
		total += w
	}
	seats = make([]int, len(in.weights))
	var toks []token
	left := in.seats
	for i, w := range in.weights {
		if !in.opt.Threshold.Passes(int(w), int(total)) {
			continue
		}
		seats[i] = in.opt.Min
		left -= in.opt.Min
		if w == 0 {
			continue
		}
		hi := in.seats
		if in.opt.Max > 0 {
			hi = in.opt.Max
		}
		for k := in.opt.Min; k < hi; k++ {
			toks = append(toks, token{i, refPriority(in.m, w, k)})
		}
	}
	slices.SortStableFunc(toks, func(a, b token) int { return -cmpRef(a.p, b.p) })
	for _, tk := range toks[:left] {
		seats[tk.unit]++
	}
	if left > 0 && left < len(toks) && cmpRef(toks[left-1].p, toks[left].p) == 0 {
		p := toks[left].p
		for j, tk := range toks {
			if cmpRef(tk.p, p) == 0 {
				tied = append(tied, tk.unit)
				if j < left {
					contested++
				}
			}
		}
		slices.Sort(tied)
	}
	return seats, tied, contested
}

// refRemainder is the largest-remainder methods without bounds, in big.Rat.
func refRemainder(in input) (seats []int, tied []int, contested int) {
	var total int64
	for _, w := range in.weights {
		total += w
	}
	T := new(big.Rat).SetInt64(total)
	S := int64(in.seats)
	var q *big.Rat // the quota
	switch in.m {
	case quota.Hamilton:
		if S == 0 {
			return make([]int, len(in.weights)), nil, 0
		}
		q = new(big.Rat).Quo(T, big.NewRat(S, 1))
	case quota.Droop:
		q = big.NewRat(total/(S+1)+1, 1)
	case quota.HagenbachBischoff:
		q = new(big.Rat).Quo(T, big.NewRat(S+1, 1))
	}
	seats = make([]int, len(in.weights))
	rems := make([]*big.Rat, len(in.weights))
	given := 0
	for i, w := range in.weights {
		x := new(big.Rat).Quo(new(big.Rat).SetInt64(w), q)
		f := new(big.Int).Quo(x.Num(), x.Denom())
		seats[i] = int(f.Int64())
		rems[i] = new(big.Rat).Sub(x, new(big.Rat).SetInt(f))
		given += seats[i]
	}
	left := in.seats - given
	var cand []int
	for i, w := range in.weights {
		if w > 0 && (left > 0 || seats[i] > 0) {
			cand = append(cand, i)
		}
	}
	dir := 1
	if left < 0 {
		dir, left = -1, -left
	}
	for left >= len(cand) && len(cand) > 0 { // Droop with tiny weights: whole rounds
		left -= len(cand)
		cand = slices.DeleteFunc(cand, func(i int) bool {
			seats[i] += dir
			return seats[i] == 0
		})
	}
	slices.SortStableFunc(cand, func(a, b int) int { return -dir * rems[a].Cmp(rems[b]) })
	for _, i := range cand[:left] {
		seats[i] += dir
	}
	if left > 0 && left < len(cand) && rems[cand[left-1]].Cmp(rems[cand[left]]) == 0 {
		r := rems[cand[left]]
		for j, i := range cand {
			if rems[i].Cmp(r) == 0 {
				tied = append(tied, i)
				if j < left {
					contested++
				}
			}
		}
		if dir < 0 {
			contested = len(tied) - contested
		}
		slices.Sort(tied)
	}
	return seats, tied, contested
}

// refBoundedHamilton is Hamilton with Min, Max and threshold, by trying every split of the
// units (sorted by weight) into a prefix held at Min, a suffix held at Max and the free units
// between, and taking the split on which the scale λ = seats left ÷ free weight is consistent.
func refBoundedHamilton(in input) (seats []int, tied []int, contested int, ok bool) {
	var total int64
	for _, w := range in.weights {
		total += w
	}
	seats = make([]int, len(in.weights))
	var pos []int
	fixed := 0
	for i, w := range in.weights {
		if !in.opt.Threshold.Passes(int(w), int(total)) {
			continue
		}
		if w == 0 {
			seats[i] = in.opt.Min
			fixed += in.opt.Min
			continue
		}
		pos = append(pos, i)
	}
	slices.SortStableFunc(pos, func(a, b int) int { return int(in.weights[a] - in.weights[b]) })
	P := len(pos)
	rat := func(n int64) *big.Rat { return new(big.Rat).SetInt64(n) }
	Min, Max := rat(int64(in.opt.Min)), rat(int64(in.opt.Max))
	var q []*big.Rat // quota per position in pos
	for a := 0; a <= P && q == nil; a++ {
		for b := 0; a+b <= P && q == nil; b++ {
			if b > 0 && in.opt.Max == 0 {
				break
			}
			c := fixed + a*in.opt.Min + b*in.opt.Max
			var wf int64
			for _, i := range pos[a : P-b] {
				wf += in.weights[i]
			}
			if in.seats < c || (wf == 0 && in.seats != c) {
				continue
			}
			lambda := new(big.Rat)
			if wf > 0 {
				lambda.SetFrac64(int64(in.seats-c), wf)
			}
			try := make([]*big.Rat, P)
			good := true
			for k, i := range pos {
				x := new(big.Rat).Mul(lambda, rat(in.weights[i]))
				switch {
				case k < a:
					good = good && x.Cmp(Min) <= 0
					try[k] = Min
				case k >= P-b:
					good = good && x.Cmp(Max) >= 0
					try[k] = Max
				default:
					good = good && x.Cmp(Min) >= 0 && (in.opt.Max == 0 || x.Cmp(Max) <= 0)
					try[k] = x
				}
			}
			if good {
				q = try
			}
		}
	}
	if q == nil {
		return nil, nil, 0, false
	}
	rems := make([]*big.Rat, len(in.weights))
	left := in.seats - fixed
	for k, i := range pos {
		f := new(big.Int).Quo(q[k].Num(), q[k].Denom())
		seats[i] = int(f.Int64())
		rems[i] = new(big.Rat).Sub(q[k], new(big.Rat).SetInt(f))
		left -= seats[i]
	}
	cand := slices.Clone(pos)
	slices.SortStableFunc(cand, func(a, b int) int {
		if c := rems[b].Cmp(rems[a]); c != 0 {
			return c
		}
		return a - b
	})
	for _, i := range cand[:left] {
		seats[i]++
	}
	if left > 0 && left < len(cand) && rems[cand[left-1]].Cmp(rems[cand[left]]) == 0 {
		r := rems[cand[left]]
		for j, i := range cand {
			if rems[i].Cmp(r) == 0 {
				tied = append(tied, i)
				if j < left {
					contested++
				}
			}
		}
		slices.Sort(tied)
	}
	return seats, tied, contested, true
}

// ---- properties ----

// TestPropMatchesReference: the fast exact implementation agrees with a slow big.Rat model that
// sorts every possible seat, on the seats and on every tie.
func TestPropMatchesReference(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		kind := rapid.SampledFrom([]string{"divisor", "remainder", "bounded Hamilton"}).Draw(t, "kind")
		var in input
		switch kind {
		case "divisor":
			in = drawInput(t, divisorMethods, true)
		case "remainder":
			in = drawInput(t, remainderMethods, false)
		default:
			in = drawInput(t, []quota.Method{quota.Hamilton}, true)
		}
		got, err := run(in)
		var ae *quota.ApportionError
		if errors.As(err, &ae) {
			if errors.Is(err, quota.ErrMinSeats) || errors.Is(err, quota.ErrCapacity) {
				t.Skip("infeasible bounds")
			}
			t.Fatalf("unexpected error %v", err)
		}
		var want, tied []int
		var contested int
		switch kind {
		case "divisor":
			want, tied, contested = refDivisor(in)
		case "remainder":
			want, tied, contested = refRemainder(in)
		default:
			var ok bool
			want, tied, contested, ok = refBoundedHamilton(in)
			if !ok {
				t.Fatalf("reference found no consistent scale, implementation gave %v", got.Seats)
			}
		}
		if tied != nil {
			var te *quota.ApportionTieError
			if !errors.As(err, &te) || !slices.Equal(te.Units, tied) || te.Seats != contested {
				t.Fatalf("want tie among %v for %d, got %v, %v", tied, contested, got.Seats, err)
			}
			return
		}
		if err != nil {
			t.Fatalf("want %v, got %v", want, err)
		}
		if !slices.Equal(got.Seats, want) {
			t.Fatalf("got %v, reference %v", got.Seats, want)
		}
	})
}

// TestPropSumAndBounds: every result fills the house exactly within the bounds; every tie
// leaves exactly the contested seats open.
func TestPropSumAndBounds(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		in := drawInput(t, allMethods, true)
		r, err := run(in)
		var te *quota.ApportionTieError
		switch {
		case errors.As(err, &te):
			if sum(te.Settled)+te.Seats != in.seats || len(te.Units) <= te.Seats || te.Seats < 1 || !slices.IsSorted(te.Units) {
				t.Fatalf("bad tie %+v for %d seats", te, in.seats)
			}
			return
		case err != nil:
			if !errors.Is(err, quota.ErrMinSeats) && !errors.Is(err, quota.ErrCapacity) {
				t.Fatal(err)
			}
			return
		}
		if sum(r.Seats) != in.seats {
			t.Fatalf("seats %v add up to %d, not %d", r.Seats, sum(r.Seats), in.seats)
		}
		for i, s := range r.Seats {
			if slices.Contains(r.Excluded, i) {
				if s != 0 {
					t.Fatalf("excluded unit %d has %d seats", i, s)
				}
				continue
			}
			if s < in.opt.Min || (in.opt.Max > 0 && s > in.opt.Max) {
				t.Fatalf("unit %d has %d seats outside [%d, %d]", i, s, in.opt.Min, in.opt.Max)
			}
		}
	})
}

// TestPropHouseMonotone: for divisor methods, one seat more never costs a unit a seat.
func TestPropHouseMonotone(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		in := drawInput(t, divisorMethods, true)
		a, errA := run(in)
		in.seats++
		b, errB := run(in)
		if errA != nil || errB != nil {
			t.Skip("tie or infeasible")
		}
		if err := houseMonotone(a.Seats, b.Seats); err != nil {
			t.Fatal(err)
		}
	})
}

// TestPropPopulationMonotone: for divisor methods, a unit whose weight grows relative to another
// never loses a seat to it.
func TestPropPopulationMonotone(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		in := drawInput(t, divisorMethods, false)
		w2 := slices.Clone(in.weights)
		for i := range w2 {
			w2[i] += rapid.Int64Range(-w2[i], 30).Draw(t, "change")
		}
		if slices.Max(w2) == 0 {
			w2[0] = 1
		}
		a, errA := quota.Apportion(in.m, in.seats, in.weights)
		b, errB := quota.Apportion(in.m, in.seats, w2)
		if errA != nil || errB != nil {
			t.Skip("tie")
		}
		// zero weights take no part: compare only units positive in both
		for i := range a {
			if in.weights[i] == 0 || w2[i] == 0 {
				a[i], b[i] = 0, 0
			}
		}
		if err := populationMonotone(in.weights, a, w2, b); err != nil {
			t.Fatalf("%v→%v: %v→%v: %v", in.weights, w2, a, b, err)
		}
	})
}

// TestPropHamiltonQuota: Hamilton gives every unit its quota rounded down or up, and so does
// every method on two units... only Hamilton is claimed; D'Hondt keeps the lower quota.
func TestPropHamiltonQuota(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		in := drawInput(t, []quota.Method{quota.Hamilton}, false)
		in.seats = max(in.seats, 1)
		r, err := run(in)
		if errors.Is(err, quota.ErrTie) {
			t.Skip("tie")
		}
		if err != nil {
			t.Fatal(err)
		}
		if !quota.WithinQuota(r.Seats, in.weights) {
			t.Fatalf("%v for %v is not within quota", r.Seats, in.weights)
		}
	})
}

// TestPropWithinQuotaMatchesRat: WithinQuota agrees with ⌊q⌋ ≤ a ≤ ⌈q⌉ computed in big.Rat.
func TestPropWithinQuotaMatchesRat(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		w := drawWeights(t, "")
		a := rapid.SliceOfN(rapid.IntRange(0, 20), len(w), len(w)).Draw(t, "seats")
		var total int64
		for _, x := range w {
			total += x
		}
		want := true
		for i := range w {
			q := new(big.Rat).SetFrac(new(big.Int).Mul(big.NewInt(w[i]), big.NewInt(int64(sum(a)))), big.NewInt(total))
			lo := new(big.Int).Quo(q.Num(), q.Denom())
			hi := new(big.Int).Set(lo)
			if !q.IsInt() {
				hi.Add(hi, big.NewInt(1))
			}
			A := big.NewInt(int64(a[i]))
			if A.Cmp(lo) < 0 || A.Cmp(hi) > 0 {
				want = false
			}
		}
		if got := quota.WithinQuota(a, w); got != want {
			t.Fatalf("WithinQuota(%v, %v) = %v, want %v", a, w, got, want)
		}
	})
}

// TestPropScaleInvariant: multiplying every weight by the same constant changes nothing, ties
// included, for every method whose quota or divisor is exact. Droop's quota is rounded
// (⌊W/(S+1)⌋+1), so Droop is not scale-invariant (TestDroopNotScaleInvariant).
func TestPropScaleInvariant(t *testing.T) {
	t.Parallel()
	exact := slices.DeleteFunc(slices.Clone(allMethods), func(m quota.Method) bool { return m == quota.Droop })
	rapid.Check(t, func(t *rapid.T) {
		in := drawInput(t, exact, true)
		c := rapid.Int64Range(2, 1000).Draw(t, "factor")
		scaled := in
		scaled.weights = make([]int64, len(in.weights))
		for i, w := range in.weights {
			if w > (1<<62)/c {
				t.Skip("would overflow")
			}
			scaled.weights[i] = w * c
		}
		a, errA := run(in)
		b, errB := run(scaled)
		if !reflect.DeepEqual(a, b) || !sameError(errA, errB) {
			t.Fatalf("×%d: %v %v, then %v %v", c, a, errA, b, errB)
		}
	})
}

func TestDroopNotScaleInvariant(t *testing.T) {
	t.Parallel()
	// quota ⌊3/5⌋+1 = 1: whole parts 1+2, a tie for the fourth seat;
	// ×3: quota ⌊9/5⌋+1 = 2: whole parts 1+3, no tie.
	_, errA := quota.Apportion(quota.Droop, 4, []int64{1, 2})
	b, errB := quota.Apportion(quota.Droop, 4, []int64{3, 6})
	if !errors.Is(errA, quota.ErrTie) || errB != nil || !slices.Equal(b, []int{1, 3}) {
		t.Errorf("Droop 4 seats: [1 2] → %v, [3 6] → %v %v; want a tie, then [1 3]", errA, b, errB)
	}
}

func sameError(a, b error) bool {
	var ta, tb *quota.ApportionTieError
	if errors.As(a, &ta) && errors.As(b, &tb) {
		return reflect.DeepEqual(ta, tb)
	}
	return (a == nil) == (b == nil) && (a == nil || a.Error() == b.Error())
}

// TestPropPermutation: permuting the units permutes the result, ties included; the input order
// never decides anything.
func TestPropPermutation(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		in := drawInput(t, allMethods, true)
		n := len(in.weights)
		perm := rapid.Permutation(seq(n)).Draw(t, "perm") // new position j holds old unit perm[j]
		p := in
		p.weights = make([]int64, n)
		for j, i := range perm {
			p.weights[j] = in.weights[i]
		}
		a, errA := run(in)
		b, errB := run(p)
		var ta, tb *quota.ApportionTieError
		switch {
		case errors.As(errA, &ta):
			if !errors.As(errB, &tb) {
				t.Fatalf("tie %v, permuted %v", errA, errB)
			}
			var mapped []int
			for _, j := range tb.Units {
				mapped = append(mapped, perm[j])
			}
			slices.Sort(mapped)
			if !slices.Equal(mapped, ta.Units) || ta.Seats != tb.Seats {
				t.Fatalf("tie %v, permuted %v (perm %v)", errA, errB, perm)
			}
			for j, i := range perm {
				if tb.Settled[j] != ta.Settled[i] {
					t.Fatalf("settled %v, permuted %v (perm %v)", ta.Settled, tb.Settled, perm)
				}
			}
		case errA != nil:
			if !sameError(errA, errB) {
				t.Fatalf("%v, permuted %v", errA, errB)
			}
		default:
			if errB != nil {
				t.Fatalf("%v, permuted %v", a.Seats, errB)
			}
			for j, i := range perm {
				if b.Seats[j] != a.Seats[i] {
					t.Fatalf("%v, permuted %v (perm %v)", a.Seats, b.Seats, perm)
				}
			}
		}
	})
}

func seq(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = i
	}
	return s
}

// TestPropDeterministic: the same input gives the same result, every time.
func TestPropDeterministic(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		in := drawInput(t, allMethods, true)
		a, errA := run(in)
		b, errB := run(in)
		if !reflect.DeepEqual(a, b) || !sameError(errA, errB) {
			t.Fatalf("%v %v, then %v %v", a, errA, b, errB)
		}
	})
}

// TestPropTieOrderSettles: a reported tie, given an order, is settled by exactly that order and
// recorded.
func TestPropTieOrderSettles(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		in := input{
			m:       rapid.SampledFrom(allMethods).Draw(t, "method"),
			weights: rapid.SliceOfN(rapid.Int64Range(1, 4), 2, 6).Draw(t, "weights"),
			seats:   rapid.IntRange(1, 12).Draw(t, "seats"),
		}
		_, err := run(in)
		var te *quota.ApportionTieError
		if !errors.As(err, &te) {
			t.Skip("no tie")
		}
		in.opt.TieOrder = rapid.Permutation(seq(len(in.weights))).Draw(t, "order")
		r, err := run(in)
		if err != nil {
			t.Fatal(err)
		}
		var winners []int
		for _, u := range in.opt.TieOrder {
			if slices.Contains(te.Units, u) && len(winners) < te.Seats {
				winners = append(winners, u)
			}
		}
		want := slices.Clone(te.Settled)
		for _, u := range winners {
			want[u]++
		}
		rec := quota.ApportionTieBreak{Units: te.Units, Seats: te.Seats, Winners: winners}
		if !slices.Equal(r.Seats, want) || len(r.Ties) != 1 || !reflect.DeepEqual(r.Ties[0], rec) {
			t.Fatalf("got %v %+v, want %v %+v", r.Seats, r.Ties, want, rec)
		}
	})
}

// TestLawCheckersCanFail: the checkers above are not vacuous.
func TestLawCheckersCanFail(t *testing.T) {
	t.Parallel()
	if houseMonotone([]int{4, 4, 2}, []int{5, 5, 1}) == nil {
		t.Error("houseMonotone passed the Alabama paradox")
	}
	if populationMonotone([]int64{10, 10}, []int{1, 1}, []int64{20, 10}, []int{0, 2}) == nil {
		t.Error("populationMonotone passed a unit that grew and lost")
	}
	if quota.WithinQuota([]int{3, 0}, []int64{1, 1}) {
		t.Error("WithinQuota passed 3 seats against a quota of 1.5")
	}
}

// FuzzApportion: no input makes Apportion panic, and every success fills the house within the
// bounds.
func FuzzApportion(f *testing.F) {
	f.Add(uint8(1), 10, []byte{6, 6, 2}, 0, 0, []byte{})
	f.Add(uint8(4), 435, []byte{1, 2, 3, 200, 0}, 1, 0, []byte{2, 1})
	f.Add(uint8(9), 3, []byte{20, 10, 10}, 0, 2, []byte{0, 0})
	f.Fuzz(func(t *testing.T, m uint8, seats int, raw []byte, min, max int, order []byte) {
		w := make([]int64, 0, len(raw)/2)
		for i := 0; i+1 < len(raw); i += 2 {
			w = append(w, int64(int8(raw[i]))*int64(raw[i+1])<<uint(raw[i]%48))
		}
		var tie []int
		for _, b := range order {
			tie = append(tie, int(int8(b)))
		}
		if seats > 5000 {
			seats %= 5000
		}
		opt := quota.ApportionOptions{Min: min, Max: max, TieOrder: tie}
		r, err := quota.ApportionWithOptions(quota.Method(m), seats, w, opt)
		var te *quota.ApportionTieError
		var ae *quota.ApportionError
		switch {
		case errors.As(err, &te):
			if sum(te.Settled)+te.Seats != seats {
				t.Fatalf("tie %+v does not add up to %d", te, seats)
			}
		case errors.As(err, &ae):
		case err != nil:
			t.Fatalf("untyped error %v", err)
		default:
			if sum(r.Seats) != seats {
				t.Fatalf("%v does not add up to %d", r.Seats, seats)
			}
		}
	})
}

// ---- benchmarks ----

func goldenWeights(b *testing.B, name string) []int64 {
	b.Helper()
	f, err := os.Open(filepath.Join("testdata", "apportion", name))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var w []int64
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "\t")
		if strings.HasPrefix(sc.Text(), "#") || len(fields) != 3 {
			continue
		}
		x, err := strconv.ParseInt(fields[1], 10, 64)
		if err != nil {
			b.Fatal(err)
		}
		w = append(w, x)
	}
	return w
}

func randomWeights(n int, seed uint64) []int64 {
	r := rand.New(rand.NewPCG(seed, 1))
	w := make([]int64, n)
	for i := range w {
		w[i] = 1000 + r.Int64N(10_000_000)
	}
	return w
}

func BenchmarkApportion(b *testing.B) {
	us := goldenWeights(b, "us-house-2020.txt")
	congress := randomWeights(38, 38) // membership of 38 election units
	big := randomWeights(3000, 3000)
	cases := []struct {
		name  string
		m     quota.Method
		seats int
		w     []int64
	}{
		{"HuntingtonHill/435x50", quota.HuntingtonHill, 435, us},
		{"SainteLague/2300x38", quota.SainteLague, 2300, congress},
		{"DHondt/2300x38", quota.DHondt, 2300, congress},
		{"Hamilton/2300x38", quota.Hamilton, 2300, congress},
		{"HuntingtonHill/10000x3000", quota.HuntingtonHill, 10000, big},
		{"SainteLague/10000x3000", quota.SainteLague, 10000, big},
		{"Dean/10000x3000", quota.Dean, 10000, big},
		{"Hamilton/10000x3000", quota.Hamilton, 10000, big},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := quota.Apportion(c.m, c.seats, c.w); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
