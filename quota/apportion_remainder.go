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
	rem, left := p.wholeParts(free, seats, total)
	if left == 0 {
		return nil
	}
	cand, step := p.claimants(free, rem, left)
	cand, k := p.fullRounds(cand, left*step, step)
	if k == 0 {
		return nil
	}
	return p.lastRound(cand, rem, k, step)
}

// wholeParts gives each free unit the whole part of its quota, held within [Min, Max], and returns
// every unit's remainder (over the common denominator of the method's quota) and the seats left:
// positive to be given, negative to be taken back (Hagenbach-Bischoff can over-give by one).
func (p *problem) wholeParts(free []int, seats int, total int64) (rem []uint64, left int) {
	rem = make([]uint64, len(p.weights))
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
	return rem, seats - given
}

// claimants returns the free units that can take a seat (left > 0, step +1) or give one back
// (left < 0, step −1), in order of claim: largest remainder first when giving seats, smallest
// first when taking one back. Equal remainders sort by index only to find the tie, which is then
// settled by TieOrder or reported, never by that order.
func (p *problem) claimants(free []int, rem []uint64, left int) (cand []int, step int) {
	step = 1
	if left < 0 {
		step = -1
	}
	cand = make([]int, 0, len(free))
	for _, i := range free {
		if (step > 0 && p.alloc[i] < p.max[i]) || (step < 0 && p.alloc[i] > p.min) {
			cand = append(cand, i)
		}
	}
	slices.SortFunc(cand, func(a, b int) int {
		c := cmp3(rem[b], rem[a]) * step
		if c == 0 {
			c = a - b
		}
		return c
	})
	return cand, step
}

// fullRounds moves k seats (by step each) while every claimant can take one: the Droop quota
// rounds up, so with tiny weights the whole parts can fall short by more than the number of units,
// and every claimant then gets one seat per round, in full rounds, until a unit reaches its bound
// and leaves the claimants. It returns the claimants left and the seats still to move, fewer than
// the claimants.
func (p *problem) fullRounds(cand []int, k, step int) ([]int, int) {
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
	return cand, k
}

// lastRound moves the last k seats (0 < k < len(cand)) to or from the first k claimants. If the
// remainder at the cut-off is shared across it, the units sharing it are tied: those above it move
// and the tied ones are settled by TieOrder or reported.
func (p *problem) lastRound(cand []int, rem []uint64, k, step int) *ApportionTieError {
	if rem[cand[k-1]] != rem[cand[k]] {
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
	if !p.bounded {
		free = make([]int, 0, len(p.units))
		for _, i := range p.units {
			if p.weights[i] > 0 {
				free = append(free, i)
			}
		}
		return free, p.seats, p.total
	}
	pts := p.breakpoints()
	j, _ := slices.BinarySearchFunc(pts, true, func(x scale, _ bool) int {
		if p.reaches(x) {
			return 1
		}
		return -1
	})
	return p.clampOnPiece(pts, j)
}

// scale is a scale factor num/den of the bounded quotas.
type scale struct{ num, den uint64 }

// breakpoints returns, in increasing order, the scales at which a unit's bounded quota meets a
// bound: Min/w and Max/w for each unit of positive weight w (Max only when it is set).
func (p *problem) breakpoints() []scale {
	var pts []scale
	for _, i := range p.units {
		w := uint64(p.weights[i])
		if w == 0 {
			continue
		}
		if p.min > 0 {
			pts = append(pts, scale{uint64(p.min), w})
		}
		if p.max[i] < MaxHouseSize {
			pts = append(pts, scale{uint64(p.max[i]), w})
		}
	}
	slices.SortFunc(pts, func(a, b scale) int { return cmpProducts(a.num, b.den, b.num, a.den) })
	return pts
}

// reaches reports whether the bounded quotas at scale x add up to at least the house:
// Σ clamp(num·w, Min·den, Max·den) ≥ seats·den, in 192-bit sums. It is monotone in x.
func (p *problem) reaches(x scale) bool {
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

// clampOnPiece holds at Min or Max the units whose bounded quota is at that bound over the whole
// piece (pts[j-1], pts[j]) on which the quotas reach the house (open at infinity when
// j = len(pts), from 0 when j = 0), and units of zero weight at Min; it returns the others, the
// free units, with the seats and the weight left for them.
func (p *problem) clampOnPiece(pts []scale, j int) (free []int, seats int, total int64) {
	free = make([]int, 0, len(p.units))
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
