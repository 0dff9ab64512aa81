package quota

import (
	"math/big"
	"testing"

	"pgregory.net/rapid"
)

// drawBounded draws a feasible apportionment problem with a minimum, a maximum or both, for a
// largest-remainder method.
func drawBounded(t *rapid.T) *problem {
	n := rapid.IntRange(1, 10).Draw(t, "units")
	weights := make([]int64, n)
	for i := range weights {
		weights[i] = rapid.Int64Range(0, 1_000_000).Draw(t, "weight")
	}
	weights[rapid.IntRange(0, n-1).Draw(t, "positive")] += 1
	opt := ApportionOptions{Min: rapid.IntRange(0, 3).Draw(t, "min")}
	if rapid.Bool().Draw(t, "hasMax") {
		opt.Max = opt.Min + rapid.IntRange(0, 12).Draw(t, "maxAboveMin")
	}
	if opt.Min == 0 && opt.Max == 0 {
		opt.Min = 1
	}
	seats := rapid.IntRange(0, 60).Draw(t, "seats")
	m := rapid.SampledFrom([]Method{Hamilton, Droop, HagenbachBischoff}).Draw(t, "method")
	total, rank, err := checkApportion(m, seats, weights, opt)
	if err != nil {
		t.Skip(err)
	}
	p := new(problem)
	p.init(m, seats, weights, total, opt, rank)
	if err := p.feasible(); err != nil {
		t.Skip(err)
	}
	return p
}

// TestClampLaw: clamp holds units at their bounds so that the seats it sets aside and the seats it
// leaves add up to the house, and every free unit's share of the seats left, weight × seats left ÷
// free weight, lies within [Min, Max]: the scale it found is on the piece where the bounded
// quotas reach the house.
func TestClampLaw(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		p := drawBounded(t)
		free, seats, total := p.clamp()
		isFree := make(map[int]bool)
		var sumFree int64
		for k, i := range free {
			if k > 0 && free[k-1] >= i {
				t.Fatalf("free units %v not ascending", free)
			}
			isFree[i] = true
			sumFree += p.weights[i]
		}
		if sumFree != total {
			t.Fatalf("free weight %d, clamp says %d", sumFree, total)
		}
		held := 0
		for _, i := range p.units {
			if isFree[i] {
				continue
			}
			if a := p.alloc[i]; a != p.min && a != p.max[i] {
				t.Fatalf("unit %d held at %d, neither Min %d nor Max %d", i, a, p.min, p.max[i])
			}
			held += p.alloc[i]
		}
		if held+seats != p.seats {
			t.Fatalf("held %d + left %d ≠ house %d", held, seats, p.seats)
		}
		if total == 0 {
			return
		}
		for _, i := range free {
			q := new(big.Rat).SetFrac64(p.weights[i]*int64(seats), total) // weights ≤ 10^7, seats ≤ 60
			if q.Cmp(big.NewRat(int64(p.min), 1)) < 0 || (p.max[i] < MaxHouseSize && q.Cmp(big.NewRat(int64(p.max[i]), 1)) > 0) {
				t.Fatalf("free unit %d: quota %v outside [%d, %d]", i, q, p.min, p.max[i])
			}
		}
	})
}
