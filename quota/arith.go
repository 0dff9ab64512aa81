package quota

import (
	"math"
	"math/bits"
)

// cmpProducts compares a·b with c·d exactly (128-bit products): -1, 0 or +1.
func cmpProducts(a, b, c, d uint64) int {
	h1, l1 := bits.Mul64(a, b)
	h2, l2 := bits.Mul64(c, d)
	switch {
	case h1 < h2 || (h1 == h2 && l1 < l2):
		return -1
	case h1 == h2 && l1 == l2:
		return 0
	}
	return 1
}

// ceilShare returns the least whole number reaching (AtLeast: ≥) or exceeding (MoreThan: >)
// n/d · x, for n ≥ 0, d > 0, x ≥ 0, exactly and without allocating: ceil(n·x/d) or floor(n·x/d)+1.
// A result beyond the int range is math.MaxInt.
func ceilShare(n, d uint64, x uint64, b Boundary) int {
	hi, lo := bits.Mul64(n, x)
	if hi >= d {
		return math.MaxInt // the quotient needs more than 64 bits
	}
	q, r := bits.Div64(hi, lo, d)
	if b != AtLeast || r != 0 { // any boundary but AtLeast is strict, as in Threshold.Passes
		if q == math.MaxUint64 {
			return math.MaxInt
		}
		q++
	}
	if q > math.MaxInt {
		return math.MaxInt
	}
	return int(q)
}

// floorShare returns floor(n/d · x) for n ≥ 0, d > 0, x ≥ 0, or math.MaxInt beyond the int range.
func floorShare(n, d uint64, x uint64) int {
	hi, lo := bits.Mul64(n, x)
	if hi >= d {
		return math.MaxInt
	}
	q, _ := bits.Div64(hi, lo, d)
	if q > math.MaxInt {
		return math.MaxInt
	}
	return int(q)
}
