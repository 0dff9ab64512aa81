package quota

import "math/bits"

// priority is a unit's claim to its next seat under a divisor method, weight ÷ D(n), held as the
// exact fraction p/q with p < 2^128 and q < 2^64; q = 0 is an infinite claim (D(0) = 0).
type priority struct {
	phi, plo uint64
	q        uint64
}

// claim returns the priority of the seat after k seats for a unit of weight w (w > 0), so that
// comparing two claims is comparing w/D(k) without division, square roots or floats:
//
//	D'Hondt           w / (k+1)
//	Sainte-Laguë      w / (2k+1)                      (D = k+½, the ½ common to all)
//	modified S.-L.    w / 7 for k = 0, w / (5(2k+1))  (divisors 1.4, 3, 5 scaled by 5)
//	Adams             w / k
//	Huntington–Hill   w² / (k(k+1))                    (the square of w/√(k(k+1)))
//	Dean              w(2k+1) / (k(k+1))               (w/D with D = 2k(k+1)/(2k+1), the 2 common)
//
// k ≤ MaxHouseSize = 2^30 keeps every q below 2^62 and every p below 2^126.
func (m Method) claim(w uint64, k int) priority {
	n := uint64(k)
	switch m {
	case DHondt:
		return priority{plo: w, q: n + 1}
	case SainteLague:
		return priority{plo: w, q: 2*n + 1}
	case ModifiedSainteLague:
		if n == 0 {
			return priority{plo: w, q: 7}
		}
		return priority{plo: w, q: 5 * (2*n + 1)}
	case Adams:
		return priority{plo: w, q: n}
	case HuntingtonHill:
		hi, lo := bits.Mul64(w, w)
		return priority{phi: hi, plo: lo, q: n * (n + 1)}
	case Dean:
		hi, lo := bits.Mul64(w, 2*n+1)
		return priority{phi: hi, plo: lo, q: n * (n + 1)}
	}
	return priority{}
}

// cmpPriority compares a and b: -1 if a's claim is weaker, 0 if equal, +1 if stronger.
func cmpPriority(a, b priority) int {
	switch {
	case a.q == 0 && b.q == 0:
		return 0
	case a.q == 0:
		return 1
	case b.q == 0:
		return -1
	}
	// a.p·b.q against b.p·a.q, 192-bit products
	x2, x1, x0 := mul128x64(a.phi, a.plo, b.q)
	y2, y1, y0 := mul128x64(b.phi, b.plo, a.q)
	switch {
	case x2 != y2:
		return cmp3(x2, y2)
	case x1 != y1:
		return cmp3(x1, y1)
	}
	return cmp3(x0, y0)
}

func cmp3(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// mul128x64 returns (hi·2^64 + lo)·m as three words, most significant first.
func mul128x64(hi, lo, m uint64) (w2, w1, w0 uint64) {
	h0, l0 := bits.Mul64(lo, m)
	h1, l1 := bits.Mul64(hi, m)
	w1, c := bits.Add64(h0, l1, 0)
	return h1 + c, w1, l0
}

// divisor runs a divisor method with bounds. It starts every unit at a lower bound that no
// allocation of the method can go below, hands out the remaining seats one by one to the
// strongest claim (a heap), and then looks for a tie at the cut-off: the weakest claim among
// seats given above the minimum equal to the strongest claim among units that could take one
// more. The order in which the heap met equal claims never shows in the result: contested seats
// are taken back and given by TieOrder or reported.
func (p *problem) divisor() *ApportionTieError {
	p.lowerBound()
	left := p.seats
	for _, i := range p.units {
		left -= p.alloc[i]
	}
	p.giveByClaim(left)
	next, last, ok := p.cutOff()
	if !ok || cmpPriority(next, last) < 0 {
		return nil
	}
	return p.contest(next, last)
}

// giveByClaim gives the left seats one by one to the unit with the strongest claim to its next
// seat among those below their maximum (a heap; equal claims in index order, which never shows in
// the result: contest takes such seats back).
func (p *problem) giveByClaim(left int) {
	m := p.m
	h := make([]int, 0, len(p.units)) // units that can take another seat, strongest claim on top
	key := make([]priority, len(p.weights))
	for _, i := range p.units {
		if p.weights[i] > 0 && p.alloc[i] < p.max[i] {
			key[i] = m.claim(uint64(p.weights[i]), p.alloc[i])
			h = append(h, i)
		}
	}
	above := func(a, b int) bool { // h[a] belongs above h[b]
		c := cmpPriority(key[h[a]], key[h[b]])
		return c > 0 || (c == 0 && h[a] < h[b])
	}
	down := func(j int) {
		for {
			l := 2*j + 1
			if l >= len(h) {
				return
			}
			best := l
			if r := l + 1; r < len(h) && above(r, l) {
				best = r
			}
			if !above(best, j) {
				return
			}
			h[j], h[best] = h[best], h[j]
			j = best
		}
	}
	for j := len(h)/2 - 1; j >= 0; j-- {
		down(j)
	}
	for ; left > 0 && len(h) > 0; left-- {
		i := h[0]
		p.alloc[i]++
		if p.alloc[i] < p.max[i] {
			key[i] = m.claim(uint64(p.weights[i]), p.alloc[i])
		} else {
			h[0] = h[len(h)-1]
			h = h[:len(h)-1]
		}
		down(0)
	}
}

// cutOff returns the strongest claim left out (next: a unit below its maximum, to its next seat)
// and the weakest claim given (last: a unit above its minimum, to the seat it holds last); ok is
// false if there is no such pair. The allocation is the method's exactly when next < last.
func (p *problem) cutOff() (next, last priority, ok bool) {
	hasNext, hasLast := false, false
	for _, i := range p.units {
		w := uint64(p.weights[i])
		if w == 0 {
			continue
		}
		if p.alloc[i] < p.max[i] {
			c := p.m.claim(w, p.alloc[i])
			if !hasNext || cmpPriority(c, next) > 0 {
				next, hasNext = c, true
			}
		}
		if p.alloc[i] > p.min {
			c := p.m.claim(w, p.alloc[i]-1)
			if !hasLast || cmpPriority(c, last) < 0 {
				last, hasLast = c, true
			}
		}
	}
	return next, last, hasNext && hasLast
}

// contest settles a tie at the cut-off (next = last): the seats given at the tied claim are taken
// back, and they go, with the units that could take one at that claim, to TieOrder or to an
// *ApportionTieError.
func (p *problem) contest(next, last priority) *ApportionTieError {
	var tied []int
	contested := 0
	for _, i := range p.units {
		w := uint64(p.weights[i])
		if w == 0 {
			continue
		}
		switch {
		case p.alloc[i] > p.min && cmpPriority(p.m.claim(w, p.alloc[i]-1), last) == 0:
			tied = append(tied, i)
			p.alloc[i]--
			contested++
		case p.alloc[i] < p.max[i] && cmpPriority(p.m.claim(w, p.alloc[i]), next) == 0:
			tied = append(tied, i)
		}
	}
	return p.settle(tied, contested)
}

// lowerBound sets alloc to a lower bound of every allocation of the divisor method. With E
// eligible units, W their weight and x the method's divisor, every unit holds at most
// Min + w/x + 1 seats (D(n) ≥ n), so S ≤ E(Min+1) + W/x; and every unit below its maximum holds
// at least w/x − 1 (D(n) ≤ n+1). Hence each unit holds at least
// clamp(⌊w·T/W⌋ − 1, Min, max) with T = S − E(Min+1). Starting there keeps the seat-by-seat
// phase to about E(Min+3) steps whatever the house size.
func (p *problem) lowerBound() {
	e := len(p.units)
	t := p.seats - e*(p.min+1)
	sum := 0
	for _, i := range p.units {
		lb := p.min
		if t > 0 && p.weights[i] > 0 {
			hi, lo := bits.Mul64(uint64(p.weights[i]), uint64(t))
			q, _ := bits.Div64(hi, lo, uint64(p.total)) // hi < total since w ≤ total
			if int(q)-1 > lb {
				lb = int(q) - 1
			}
		}
		lb = min(lb, p.max[i])
		p.alloc[i] = lb
		sum += lb
	}
	if sum > p.seats { // cannot happen; keep the result right if it did
		for _, i := range p.units {
			p.alloc[i] = min(p.min, p.max[i])
		}
	}
}
