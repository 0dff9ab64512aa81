package nominate

import (
	"math/big"

	"github.com/shopspring/decimal"
)

// Rate is an exact ratio of two counts with a named base: members who took part of members,
// candidates eliminated of the initial list. Reports print it as a percentage (Percent); no
// decision uses a printed figure.
type Rate struct {
	Num, Den int64
}

// Rat returns the rate as an exact rational (0 for a zero denominator).
func (r Rate) Rat() *big.Rat {
	if r.Den == 0 {
		return new(big.Rat)
	}
	return big.NewRat(r.Num, r.Den)
}

// Percent returns the rate as a percentage rounded half-up to places decimal places: 4,748 of
// 5,275 at two places is 90.01. With capBelowFull, a rate short of the whole never prints as 100:
// it prints the largest figure below 100 at those places (99.99 at two places). Sources print
// 100% beside 99.93% and do not say which convention they follow.
func (r Rate) Percent(places int32, capBelowFull bool) decimal.Decimal {
	return PercentOf(r.Rat(), places, capBelowFull)
}

// PercentOf is Rate.Percent for any non-negative rational.
func PercentOf(x *big.Rat, places int32, capBelowFull bool) decimal.Decimal {
	places = max(places, 0)
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(places)), nil)
	// q = floor((2·n·100·10^p + d) / (2·d))
	n := new(big.Int).Mul(x.Num(), big.NewInt(200))
	n.Mul(n, scale)
	n.Add(n, x.Denom())
	d := new(big.Int).Mul(x.Denom(), big.NewInt(2))
	q := new(big.Int).Quo(n, d)
	if capBelowFull && x.Cmp(big.NewRat(1, 1)) < 0 {
		full := new(big.Int).Mul(big.NewInt(100), scale)
		if q.Cmp(full) >= 0 {
			q.Sub(full, big.NewInt(1))
		}
	}
	return decimal.NewFromBigInt(q, -places)
}

// Pooled returns the pooled rate of several: the sum of numerators over the sum of denominators
// (members who took part over members, across units).
func Pooled(rs []Rate) Rate {
	var out Rate
	for _, r := range rs {
		out.Num += r.Num
		out.Den += r.Den
	}
	return out
}

// Mean returns the mean of several rates, exactly: the average of the units' own rates. The
// 20th Congress's "average participation rate of 99.5 percent" does not say whether it is this
// or the pooled rate; a report can give both. Rates with a zero denominator count as 0.
func Mean(rs []Rate) *big.Rat {
	sum := new(big.Rat)
	if len(rs) == 0 {
		return sum
	}
	for _, r := range rs {
		sum.Add(sum, r.Rat())
	}
	return sum.Quo(sum, big.NewRat(int64(len(rs)), 1))
}
