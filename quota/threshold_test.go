package quota_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/chae-go/chae/quota"
	"pgregory.net/rapid"
)

func TestThresholdNamedCases(t *testing.T) {
	t.Parallel()
	third := quota.Threshold{Share: quota.Ratio(1, 3), Boundary: quota.AtLeast}
	fourFifths := quota.Threshold{Share: quota.Ratio(4, 5), Boundary: quota.MoreThan}
	tests := []struct {
		name   string
		th     quota.Threshold
		base   int
		needed int
	}{
		{"more than half of 46 is 24", quota.Majority(), 46, 24},
		{"more than half of 45 is 23", quota.Majority(), 45, 23},
		{"more than half of 0 is 1", quota.Majority(), 0, 1},
		{"more than half of 1 is 1", quota.Majority(), 1, 1},
		{"at least a third of 9 is 3", third, 9, 3},
		{"at least a third of 10 is 4", third, 10, 4},
		{"at least a third of 0 is 0", third, 0, 0},
		{"more than four fifths of 100 is 81", fourFifths, 100, 81},
		{"more than four fifths of 101 is 81", fourFifths, 101, 81},
		{"zero value: more than nothing", quota.Threshold{}, 50, 1},
		{"negative base counts as 0", quota.Majority(), -7, 1},
		{"more than half of MaxInt", quota.Majority(), math.MaxInt, math.MaxInt/2 + 1},
		{"at least one third of MaxInt", third, math.MaxInt, math.MaxInt/3 + 1}, // MaxInt is not a multiple of 3
		{"more than 2 times MaxInt saturates", quota.Threshold{Share: quota.Ratio(2, 1)}, math.MaxInt, math.MaxInt},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := tt.th.Needed(tt.base)
			if got != tt.needed {
				t.Fatalf("%v: Needed(%d) = %d, want %d", tt.th, tt.base, got, tt.needed)
			}
			if got < math.MaxInt && !tt.th.Passes(got, tt.base) {
				t.Fatalf("%v: Passes(%d, %d) = false", tt.th, got, tt.base)
			}
			if got > 0 && tt.th.Passes(got-1, tt.base) {
				t.Fatalf("%v: Passes(%d, %d) = true", tt.th, got-1, tt.base)
			}
		})
	}
}

func TestThresholdExactlyHalfFails(t *testing.T) {
	t.Parallel()
	// docs/rules.md B6: 得赞成票少于半数(含半数)的, 不能当选 — exactly half fails.
	if quota.Majority().Passes(23, 46) {
		t.Fatal("23 of 46 passes more than half")
	}
	if !(quota.Threshold{Share: quota.Ratio(1, 3), Boundary: quota.AtLeast}).Passes(3, 9) {
		t.Fatal("3 of 9 fails at least one third")
	}
	if quota.Majority().Passes(-1, 0) {
		t.Fatal("negative votes pass")
	}
}

// TestThresholdNeededIsTheBoundary: Needed(base) passes and Needed(base)−1 does not, for every
// share, boundary and base, including bases near the int range.
func TestThresholdNeededIsTheBoundary(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		th := quota.Threshold{
			Share:    drawFraction(t, "share"),
			Boundary: quota.Boundary(rapid.IntRange(0, 1).Draw(t, "boundary")),
		}
		var base int
		if rapid.Bool().Draw(t, "huge") {
			base = rapid.IntRange(math.MaxInt-1000, math.MaxInt).Draw(t, "base")
		} else {
			base = rapid.IntRange(0, 1_000_000).Draw(t, "base")
		}
		n := th.Needed(base)
		if n == math.MaxInt {
			// Saturated: the true figure is beyond int; nothing representable below it may pass
			// unless MaxInt itself is the exact figure.
			if th.Passes(math.MaxInt-1, base) {
				t.Fatalf("%v: Needed(%d) saturated but MaxInt-1 passes", th, base)
			}
			return
		}
		if !th.Passes(n, base) {
			t.Fatalf("%v: Needed(%d) = %d does not pass", th, base, n)
		}
		if n > 0 && th.Passes(n-1, base) {
			t.Fatalf("%v: Needed(%d)-1 = %d passes", th, base, n-1)
		}
		if n == 0 && th.Boundary != quota.AtLeast {
			t.Fatalf("%v: a strict threshold needs at least one vote", th)
		}
		// Monotone in votes: more votes than needed pass too.
		if extra := rapid.IntRange(0, 1000).Draw(t, "extra"); n <= math.MaxInt-extra && !th.Passes(n+extra, base) {
			t.Fatalf("%v: %d votes fail on %d though %d pass", th, n+extra, base, n)
		}
	})
}

func TestBoundaryText(t *testing.T) {
	t.Parallel()
	for _, b := range []quota.Boundary{quota.MoreThan, quota.AtLeast} {
		txt, _ := b.MarshalText()
		var c quota.Boundary
		if err := c.UnmarshalText(txt); err != nil || c != b {
			t.Fatalf("%v round trip: %v, %v", b, c, err)
		}
	}
	var c quota.Boundary
	if err := c.UnmarshalText([]byte("at least")); err != nil || c != quota.AtLeast {
		t.Fatalf(`"at least": %v, %v`, c, err)
	}
	if err := c.UnmarshalText([]byte("exactly")); err == nil {
		t.Fatal(`"exactly" accepted`)
	}
}

func ExampleThreshold() {
	present := 46
	m := quota.Majority() // more than half of those present (过半数)
	fmt.Println(m, m.Needed(present), m.Passes(23, present), m.Passes(24, present))

	runoff := quota.Threshold{Share: quota.Ratio(1, 3), Boundary: quota.AtLeast} // 不得少于三分之一
	fmt.Println(runoff, runoff.Needed(90), runoff.Passes(30, 90))
	// Output:
	// more than 1/2 24 false true
	// at least 1/3 30 true
}

func TestThresholdDoesNotAllocate(t *testing.T) {
	m := quota.Majority()
	d := quota.NationalCongressDelegatesSurplus()
	allocs := testing.AllocsPerRun(100, func() {
		_ = m.Needed(2296)
		_ = m.Passes(1149, 2296)
		_ = d.MinCandidates(60)
		_ = d.Check(60, 70)
	})
	if allocs != 0 {
		t.Fatalf("Needed, Passes, MinCandidates and Check allocate %v times", allocs)
	}
}

func BenchmarkThresholdNeeded(b *testing.B) {
	m := quota.Threshold{Share: quota.Ratio(4, 5), Boundary: quota.MoreThan}
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n += m.Needed(2296)
	}
	_ = n
}

// TestUnknownBoundaryIsStrict: a Boundary outside the two constants behaves as MoreThan everywhere.
func TestUnknownBoundaryIsStrict(t *testing.T) {
	t.Parallel()
	odd := quota.Threshold{Share: quota.Ratio(1, 2), Boundary: 7}
	if odd.Needed(46) != 24 || odd.Passes(23, 46) || !odd.Passes(24, 46) {
		t.Fatalf("Boundary(7): Needed(46) = %d, Passes(23) = %t", odd.Needed(46), odd.Passes(23, 46))
	}
	d := quota.Difference{MinShare: quota.Percent(15), MinBoundary: 7}
	if got := d.MinCandidates(20); got != 24 {
		t.Fatalf("Boundary(7): MinCandidates(20) = %d, want 24", got)
	}
}
