package quota_test

import (
	"errors"
	"fmt"
	"math/big"
	"testing"

	"github.com/chae-go/chae/quota"
	"pgregory.net/rapid"
)

// presetSpec restates a preset's row of docs/rules.md independently of the Difference fields:
// the surplus e (in persons) must satisfy lower(e) and, where there is one, upper(e).
type presetSpec struct {
	name  string
	rule  func() quota.Difference
	lower func(seats, e int) bool
	upper func(seats, e int) bool // nil: no maximum
	equal bool                    // 等额 allowed
}

// ratCmp compares the integer e with the rational num/den × seats using math/big.Rat.
func ratCmp(e int, num, den int64, seats int) int {
	share := new(big.Rat).Mul(big.NewRat(num, den), new(big.Rat).SetInt64(int64(seats)))
	return new(big.Rat).SetInt64(int64(e)).Cmp(share)
}

func atLeast(num, den int64) func(int, int) bool {
	return func(s, e int) bool { return ratCmp(e, num, den, s) >= 0 }
}

func moreThan(num, den int64) func(int, int) bool {
	return func(s, e int) bool { return ratCmp(e, num, den, s) > 0 }
}

func atMost(num, den int64) func(int, int) bool {
	return func(s, e int) bool { return ratCmp(e, num, den, s) <= 0 }
}

func presetSpecs() []presetSpec {
	return []presetSpec{
		{name: "CPCGrassrootsDelegatesSurplus", rule: quota.CPCGrassrootsDelegatesSurplus, lower: atLeast(20, 100)},
		{name: "CPCGrassrootsCommitteeSurplus", rule: quota.CPCGrassrootsCommitteeSurplus, lower: atLeast(1, 5)},
		{name: "CPCLocalDelegatesSurplus", rule: quota.CPCLocalDelegatesSurplus, lower: atLeast(2, 10)},
		{name: "CPCLocalCommitteeSurplus", rule: quota.CPCLocalCommitteeSurplus, lower: atLeast(1, 10)},
		{name: "CPCLocalAlternatesSurplus", rule: quota.CPCLocalAlternatesSurplus, lower: atLeast(10, 100)},
		{name: "CPCLocalStandingCommitteeSurplus", rule: quota.CPCLocalStandingCommitteeSurplus,
			lower: func(_, e int) bool { return e >= 1 }, upper: func(_, e int) bool { return e <= 2 }},
		{name: "NationalCongressDelegatesSurplus", rule: quota.NationalCongressDelegatesSurplus, lower: moreThan(15, 100)},
		{name: "NationalCongressDelegatesSurplusOrEqual", rule: quota.NationalCongressDelegatesSurplusOrEqual, lower: moreThan(3, 20), equal: true},
		{name: "CentralCommitteePreliminarySurplus", rule: quota.CentralCommitteePreliminarySurplus, lower: moreThan(8, 100)},
		{name: "ElectoralLawDirectSurplus", rule: quota.ElectoralLawDirectSurplus, lower: atLeast(1, 3), upper: atMost(1, 1)},
		{name: "ElectoralLawIndirectSurplus", rule: quota.ElectoralLawIndirectSurplus, lower: atLeast(1, 5), upper: atMost(1, 2)},
		{name: "VietnamNationalAssemblySurplus", rule: quota.VietnamNationalAssemblySurplus, lower: func(_, e int) bool { return e >= 2 }},
		{name: "VietnamPeoplesCouncilSurplus", rule: quota.VietnamPeoplesCouncilSurplus, lower: func(s, e int) bool {
			switch {
			case s <= 2:
				return e >= 1
			case s == 3:
				return e >= 2
			}
			return e >= 3
		}},
	}
}

// TestPresetsAtBoundaries checks every preset at seats 1..60 against a linear search over whole
// surpluses with math/big.Rat, and Check on both sides of each bound.
func TestPresetsAtBoundaries(t *testing.T) {
	t.Parallel()
	for _, p := range presetSpecs() {
		t.Run(p.name, func(t *testing.T) {
			t.Parallel()
			d := p.rule()
			for seats := 1; seats <= 60; seats++ {
				minE := 0
				for !p.lower(seats, minE) {
					minE++
				}
				if got, want := d.MinCandidates(seats), seats+minE; got != want {
					t.Fatalf("MinCandidates(%d) = %d, want %d", seats, got, want)
				}
				minC := seats + minE
				if err := d.Check(seats, minC); err != nil {
					t.Fatalf("Check(%d, %d) = %v, want nil", seats, minC, err)
				}
				err := d.Check(seats, minC-1)
				if p.equal && minC-1 == seats {
					if err != nil {
						t.Fatalf("Check(%d, %d) = %v, want nil (等额 allowed)", seats, minC-1, err)
					}
				} else {
					var de *quota.DifferenceError
					if !errors.Is(err, quota.ErrTooFewCandidates) || !errors.As(err, &de) || de.Bound != minC || de.Seats != seats || de.Candidates != minC-1 {
						t.Fatalf("Check(%d, %d) = %v, want ErrTooFewCandidates with bound %d", seats, minC-1, err, minC)
					}
				}
				maxC, ok := d.MaxCandidates(seats)
				if p.upper == nil {
					if ok {
						t.Fatalf("MaxCandidates(%d) = %d, true; want no maximum", seats, maxC)
					}
					if err := d.Check(seats, 10*seats+10); err != nil {
						t.Fatalf("Check(%d, %d) = %v, want nil (no maximum)", seats, 10*seats+10, err)
					}
					continue
				}
				maxE := minE
				for p.upper(seats, maxE+1) {
					maxE++
				}
				if !ok || maxC != seats+maxE {
					t.Fatalf("MaxCandidates(%d) = %d, %t; want %d", seats, maxC, ok, seats+maxE)
				}
				if err := d.Check(seats, maxC); err != nil {
					t.Fatalf("Check(%d, %d) = %v, want nil", seats, maxC, err)
				}
				var de *quota.DifferenceError
				if err := d.Check(seats, maxC+1); !errors.Is(err, quota.ErrTooManyCandidates) || !errors.As(err, &de) || de.Bound != maxC {
					t.Fatalf("Check(%d, %d) = %v, want ErrTooManyCandidates with bound %d", seats, maxC+1, err, maxC)
				}
			}
		})
	}
}

func TestDifferenceNamedCases(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		d          quota.Difference
		seats      int
		candidates int
		want       error
	}{
		{"20% of 7 seats is 1.4, so 2 more", quota.CPCGrassrootsDelegatesSurplus(), 7, 9, nil},
		{"20% of 7 seats: 8 is too few", quota.CPCGrassrootsDelegatesSurplus(), 7, 8, quota.ErrTooFewCandidates},
		{"20% of 20 seats is exactly 4", quota.CPCGrassrootsDelegatesSurplus(), 20, 24, nil},
		{"20% of 20 seats: 23 too few", quota.CPCGrassrootsDelegatesSurplus(), 20, 23, quota.ErrTooFewCandidates},
		{"more than 15% of 20 seats is 3, so 4 more", quota.NationalCongressDelegatesSurplus(), 20, 24, nil},
		{"more than 15% of 20 seats: 23 too few", quota.NationalCongressDelegatesSurplus(), 20, 23, quota.ErrTooFewCandidates},
		{"Tibet and Xinjiang: equal numbers", quota.NationalCongressDelegatesSurplusOrEqual(), 20, 20, nil},
		{"equal allowed is not fewer", quota.NationalCongressDelegatesSurplusOrEqual(), 20, 19, quota.ErrTooFewCandidates},
		{"equal not allowed elsewhere", quota.NationalCongressDelegatesSurplus(), 20, 20, quota.ErrTooFewCandidates},
		{"electoral law direct: double is the most", quota.ElectoralLawDirectSurplus(), 3, 6, nil},
		{"electoral law direct: above double", quota.ElectoralLawDirectSurplus(), 3, 7, quota.ErrTooManyCandidates},
		{"electoral law indirect, 1 seat: minimum prevails", quota.ElectoralLawIndirectSurplus(), 1, 2, nil},
		{"electoral law indirect, 1 seat: 3 too many", quota.ElectoralLawIndirectSurplus(), 1, 3, quota.ErrTooManyCandidates},
		{"standing committee: 2 more at most", quota.CPCLocalStandingCommitteeSurplus(), 9, 12, quota.ErrTooManyCandidates},
		{"zero value: one more than seats", quota.Difference{}, 5, 6, nil},
		{"zero value: equal fails", quota.Difference{}, 5, 5, quota.ErrTooFewCandidates},
		{"no seats", quota.CPCGrassrootsDelegatesSurplus(), 0, 3, quota.ErrSeatCount},
		{"negative candidates", quota.CPCGrassrootsDelegatesSurplus(), 3, -1, quota.ErrTooFewCandidates},
		{"unsorted steps, largest applicable MinSeats wins", quota.Difference{MinBoundary: quota.AtLeast, Steps: []quota.SurplusStep{{4, 1}, {1, 5}}}, 6, 7, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := tt.d.Check(tt.seats, tt.candidates)
			if !errors.Is(err, tt.want) || (tt.want == nil) != (err == nil) {
				t.Fatalf("Check(%d, %d) = %v, want %v", tt.seats, tt.candidates, err, tt.want)
			}
		})
	}
}

func TestDifferenceHugeSeatsDoNotOverflow(t *testing.T) {
	t.Parallel()
	const big = 1 << 62
	d := quota.Difference{MinShare: quota.Ratio(1000, 1), MinBoundary: quota.AtLeast, MaxShare: quota.Ratio(2000, 1)}
	if got := d.MinCandidates(big); got <= big {
		t.Fatalf("MinCandidates(2^62) = %d: overflowed", got)
	}
	if err := d.Check(big, big+1); !errors.Is(err, quota.ErrTooFewCandidates) {
		t.Fatalf("Check(2^62, 2^62+1) = %v, want ErrTooFewCandidates", err)
	}
}

func TestDifferenceErrorMessage(t *testing.T) {
	t.Parallel()
	err := quota.NationalCongressDelegatesSurplus().Check(20, 23)
	want := "quota: 23 candidates for 20 seats: too few candidates, the difference rule requires at least 24"
	if err == nil || err.Error() != want {
		t.Fatalf("error = %v, want %q", err, want)
	}
}

func TestSurplusPercent(t *testing.T) {
	t.Parallel()
	tests := []struct {
		seats, candidates int
		want              string
	}{
		{23, 27, "17.4"}, // 4/23 = 17.39...
		{20, 23, "15.0"},
		{8, 9, "12.5"},
		{40, 41, "2.5"},   // 2.5 exactly
		{200, 201, "0.5"}, // 0.5 exactly
		{2000, 2001, "0.1"},
		{3, 3, "0.0"},
		{0, 3, "0.0"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%d of %d", tt.candidates, tt.seats), func(t *testing.T) {
			t.Parallel()
			if got := quota.SurplusPercent(tt.seats, tt.candidates, 1).StringFixed(1); got != tt.want {
				t.Fatalf("SurplusPercent = %s, want %s", got, tt.want)
			}
		})
	}
	if got := quota.SurplusRatio(23, 27); !got.Equal(quota.Ratio(4, 23)) {
		t.Fatalf("SurplusRatio(23, 27) = %v, want 4/23", got)
	}
}

func ExampleDifference() {
	d := quota.NationalCongressDelegatesSurplus() // more than 15% more candidates than seats
	fmt.Println(d.MinCandidates(20))              // 15% of 20 is 3; 3 is not more than 3
	fmt.Println(d.Check(20, 24))
	fmt.Println(d.Check(20, 23))
	fmt.Println(quota.SurplusPercent(20, 24, 1).StringFixed(1) + "%")
	// Output:
	// 24
	// <nil>
	// quota: 23 candidates for 20 seats: too few candidates, the difference rule requires at least 24
	// 20.0%
}

func ExampleDifference_MaxCandidates() {
	d := quota.ElectoralLawDirectSurplus() // one third to one times the seats
	lo := d.MinCandidates(9)
	hi, _ := d.MaxCandidates(9)
	fmt.Println(lo, hi)
	fmt.Println(d.Check(9, 19))
	// Output:
	// 12 18
	// quota: 19 candidates for 9 seats: too many candidates, the difference rule allows at most 18
}

// TestDifferenceMatchesSearch: for any rule, MinCandidates is the least candidate count whose
// surplus satisfies every minimum (found by search with math/big.Rat), MaxCandidates the greatest
// within every maximum (or the minimum where the maximum falls short of it), and Check agrees.
func TestDifferenceMatchesSearch(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		d := quota.Difference{
			MinShare:    quota.Ratio(rapid.Int64Range(0, 30).Draw(t, "min num"), rapid.Int64Range(1, 20).Draw(t, "min den")),
			MinBoundary: quota.Boundary(rapid.IntRange(0, 1).Draw(t, "boundary")),
			MinSurplus:  rapid.IntRange(0, 5).Draw(t, "min surplus"),
		}
		if rapid.Bool().Draw(t, "max share") {
			d.MaxShare = quota.Ratio(rapid.Int64Range(1, 40).Draw(t, "max num"), rapid.Int64Range(1, 20).Draw(t, "max den"))
		}
		if rapid.Bool().Draw(t, "max surplus") {
			d.MaxSurplus = rapid.IntRange(1, 8).Draw(t, "max surplus n")
		}
		for range rapid.IntRange(0, 3).Draw(t, "steps") {
			d.Steps = append(d.Steps, quota.SurplusStep{MinSeats: rapid.IntRange(1, 10).Draw(t, "step seats"), MinSurplus: rapid.IntRange(0, 6).Draw(t, "step surplus")})
		}
		seats := rapid.IntRange(1, 80).Draw(t, "seats")
		stepMin := 0
		bestSeats := 0
		for _, st := range d.Steps { // the first step with the largest applicable MinSeats
			if st.MinSeats <= seats && st.MinSeats > bestSeats {
				bestSeats, stepMin = st.MinSeats, st.MinSurplus
			}
		}
		lower := func(e int) bool {
			c := ratCmp(e, d.MinShare.Num(), d.MinShare.Den(), seats)
			okShare := c > 0 || (c == 0 && d.MinBoundary == quota.AtLeast)
			return okShare && e >= d.MinSurplus && e >= stepMin
		}
		minE := 0
		for !lower(minE) {
			minE++
		}
		if got := d.MinCandidates(seats); got != seats+minE {
			t.Fatalf("MinCandidates(%d) = %d, want %d", seats, got, seats+minE)
		}
		maxC, ok := d.MaxCandidates(seats)
		if d.MaxShare.IsZero() && d.MaxSurplus == 0 {
			if ok {
				t.Fatalf("MaxCandidates = %d with no maximum", maxC)
			}
			return
		}
		upper := func(e int) bool {
			okShare := d.MaxShare.IsZero() || ratCmp(e, d.MaxShare.Num(), d.MaxShare.Den(), seats) <= 0
			return okShare && (d.MaxSurplus == 0 || e <= d.MaxSurplus)
		}
		maxE := -1
		for e := 0; e <= 100*seats; e++ {
			if upper(e) {
				maxE = e
			}
		}
		maxE = max(maxE, minE)
		if !ok || maxC != seats+maxE {
			t.Fatalf("MaxCandidates(%d) = %d, %t; want %d", seats, maxC, ok, seats+maxE)
		}
		for c := seats - 1; c <= maxC+1; c++ {
			err := d.Check(seats, c)
			if want := c >= seats+minE && c <= maxC; want != (err == nil) {
				t.Fatalf("Check(%d, %d) = %v", seats, c, err)
			}
		}
	})
}
