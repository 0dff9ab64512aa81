package quota

import (
	"math/bits"
	"slices"
)

// remainder runs a largest-remainder method. Each free unit (one whose quota lies within the
// bounds) gets the whole part of weight ÷ quota, where the quota is Hare (W/S), Droop
// (⌊W/(S+1)⌋+1) or Hagenbach-Bischoff (W/(S+1)) over the free units' weight W and seats S; the
// seats left over go to the largest remainders. The remainders of one apportionment share one
// denominator, so they compare as integers.
func (p *problem) remainder() *ApportionTieError {
	free, seats, total := p.clamp()
	if len(free) == 0 {
		return nil
	}
	rem := make([]uint64, len(p.weights))
	given := 0
	droopQ := uint64(total)/(uint64(seats)+1) + 1
	for _, i := range free {
		w := uint64(p.weights[i])
		var q, r uint64
		switch p.m {
		case Droop:
			q, r = w/droopQ, w%droopQ
		case HagenbachBischoff:
			hi, lo := bits.Mul64(w, uint64(seats)+1)
			q, r = bits.Div64(hi, lo, uint64(total))
		default: // Hamilton
			hi, lo := bits.Mul64(w, uint64(seats))
			q, r = bits.Div64(hi, lo, uint64(total))
		}
		n := min(max(int(q), p.min), p.max[i])
		p.alloc[i] = n
		rem[i] = r
		given += n
	}
	left := seats - given
	if left == 0 {
		return nil
	}
	// Candidates in order of claim: largest remainder first when giving seats, smallest first
	// when taking one back. Equal remainders sort by index only to find the tie, which is then
	// settled by TieOrder or reported, never by that order.
	var cand []int
	for _, i := range free {
		if (left > 0 && p.alloc[i] < p.max[i]) || (left < 0 && p.alloc[i] > p.min) {
			cand = append(cand, i)
		}
	}
	k := left
	if left < 0 {
		k = -left
	}
	slices.SortFunc(cand, func(a, b int) int {
		c := cmp3(rem[b], rem[a])
		if left < 0 {
			c = -c
		}
		if c == 0 {
			c = a - b
		}
		return c
	})
	step := 1
	if left < 0 {
		step = -1
	}
	// The Droop quota rounds up, so with tiny weights the whole parts can fall short by more
	// than the number of units: then every candidate gets one seat per round, in full rounds,
	// before the remainders decide the last round.
	for k >= len(cand) && len(cand) > 0 {
		k -= len(cand)
		cand = slices.DeleteFunc(cand, func(i int) bool {
			p.alloc[i] += step
			if step > 0 {
				return p.alloc[i] >= p.max[i]
			}
			return p.alloc[i] <= p.min
		})
	}
	if k == 0 {
		return nil
	}
	if k == len(cand) || rem[cand[k-1]] != rem[cand[k]] {
		for _, i := range cand[:k] {
			p.alloc[i] += step
		}
		return nil
	}
	cut := rem[cand[k-1]]
	var tied []int
	inside := 0
	for j, i := range cand {
		switch {
		case rem[i] == cut:
			tied = append(tied, i)
			if j < k {
				inside++
			}
		case j < k:
			p.alloc[i] += step
		}
	}
	slices.Sort(tied)
	if step < 0 {
		// Every tied unit gives up its seat and the seats not to be taken go back by lot.
		for _, i := range tied {
			p.alloc[i]--
		}
		return p.settle(tied, len(tied)-inside)
	}
	return p.settle(tied, inside)
}

// clamp decides which eligible units the bounds hold at Min or Max, sets their seats, and
// returns the others (the free units, ascending) with the seats and weight left for them.
//
// Each unit's bounded quota is clamp(λ·w, Min, Max) with the scale λ chosen so that the quotas
// add up to the house. The sum is a non-decreasing piecewise-linear function of λ with
// breakpoints at Min/w and Max/w; a binary search over the sorted breakpoints (compared by
// cross-multiplication) finds the piece on which it reaches the house, and on that piece the
// clamped units are known and λ = seats left ÷ weight of the free units.
func (p *problem) clamp() (free []int, seats int, total int64) {
	free = make([]int, 0, len(p.units))
	if !p.bounded {
		for _, i := range p.units {
			if p.weights[i] > 0 {
				free = append(free, i)
			}
		}
		return free, p.seats, p.total
	}
	type point struct{ num, den uint64 } // the scale num/den
	var pts []point
	for _, i := range p.units {
		w := uint64(p.weights[i])
		if w == 0 {
			continue
		}
		if p.min > 0 {
			pts = append(pts, point{uint64(p.min), w})
		}
		if p.max[i] < MaxHouseSize {
			pts = append(pts, point{uint64(p.max[i]), w})
		}
	}
	cmpPoint := func(a, b point) int { return cmpProducts(a.num, b.den, b.num, a.den) }
	slices.SortFunc(pts, cmpPoint)
	// reaches reports whether the bounded quotas at scale x add up to at least the house:
	// Σ clamp(num·w, Min·den, Max·den) ≥ seats·den, in 192-bit sums.
	reaches := func(x point) bool {
		var acc [3]uint64
		add := func(hi, lo uint64) {
			var c uint64
			acc[0], c = bits.Add64(acc[0], lo, 0)
			acc[1], c = bits.Add64(acc[1], hi, c)
			acc[2] += c
		}
		for _, i := range p.units {
			w := uint64(p.weights[i])
			lo := uint64(p.min)
			if w > 0 {
				hi := uint64(p.max[i])
				switch {
				case cmpProducts(x.num, w, lo, x.den) <= 0:
				case p.max[i] < MaxHouseSize && cmpProducts(x.num, w, hi, x.den) >= 0:
					lo = hi
				default:
					add(bits.Mul64(x.num, w))
					continue
				}
			}
			add(bits.Mul64(lo, x.den))
		}
		hi, lo := bits.Mul64(uint64(p.seats), x.den)
		if acc[2] != 0 {
			return true
		}
		if acc[1] != hi {
			return acc[1] > hi
		}
		return acc[0] >= lo
	}
	j, _ := slices.BinarySearchFunc(pts, true, func(x point, _ bool) int {
		if reaches(x) {
			return 1
		}
		return -1
	})
	// The piece is (pts[j-1], pts[j]), open at infinity when j = len(pts), from 0 when j = 0.
	seats = p.seats
	for _, i := range p.units {
		w := uint64(p.weights[i])
		n := -1
		switch {
		case w == 0:
			n = p.min
		case p.min > 0 && j < len(pts) && cmpProducts(uint64(p.min), pts[j].den, pts[j].num, w) >= 0:
			n = p.min // Min/w ≥ upper end: below Min on the whole piece
		case p.max[i] < MaxHouseSize && j > 0 && cmpProducts(uint64(p.max[i]), pts[j-1].den, pts[j-1].num, w) <= 0:
			n = p.max[i] // Max/w ≤ lower end: above Max on the whole piece
		}
		if n < 0 {
			free = append(free, i)
			total += p.weights[i]
			continue
		}
		p.alloc[i] = n
		seats -= n
	}
	return free, seats, total
}
