package quota

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// Method is a rule for dividing a house of seats among units (election units, parties, states) in
// proportion to their weights (members, population, votes). The zero Method is not a method:
// Apportion refuses it with ErrMethod, so that a forgotten choice cannot pass for a decision.
//
// Two families are provided. The largest-remainder methods (Hamilton, Droop, HagenbachBischoff)
// give each unit the whole part of its quota and the remaining seats to the largest fractional
// parts. The divisor (highest-averages) methods (DHondt, SainteLague, ModifiedSainteLague,
// HuntingtonHill, Dean, Adams) give the seats one by one to the unit with the highest
// weight ÷ D(n), where n is the number of seats it already holds and D is the method's divisor
// sequence.
type Method uint8

const (
	_ Method = iota
	// Hamilton is the largest-remainder method with the Hare quota (total ÷ seats): each unit
	// gets the whole part of weight × seats ÷ total and the seats left over go to the largest
	// remainders. It always satisfies quota (see WithinQuota) but is not house-monotone: adding
	// a seat can take one away from a unit (the Alabama paradox). Also called Hare–Niemeyer.
	Hamilton
	// DHondt is the divisor method with divisors 1, 2, 3, … (D(n) = n+1), also called Jefferson
	// or greatest divisors. It favours large units and never gives a unit less than its lower
	// quota.
	DHondt
	// SainteLague is the divisor method with divisors 1, 3, 5, … (D(n) = n+½), also called
	// Webster or major fractions: standard rounding of weight ÷ divisor.
	SainteLague
	// HuntingtonHill is the divisor method with D(n) = √(n(n+1)), the geometric mean of n and
	// n+1, also called equal proportions: the method of the United States House of
	// Representatives since 1941 (2 U.S.C. § 2a). D(0) = 0, so every unit with a positive
	// weight gets one seat before any unit gets a second.
	HuntingtonHill
	// Adams is the divisor method with D(n) = n (rounding up), also called smallest divisors.
	// D(0) = 0, so every unit with a positive weight gets a seat first.
	Adams
	// Dean is the divisor method with D(n) = n(n+1)/(n+½), the harmonic mean of n and n+1.
	// D(0) = 0, so every unit with a positive weight gets a seat first.
	Dean
	// ModifiedSainteLague is Sainte-Laguë with the first divisor raised from 1 to 1.4
	// (divisors 1.4, 3, 5, 7, …), as in Norway and Sweden: it makes a unit's first seat
	// harder to win. The 1.4 is exact (7/5).
	ModifiedSainteLague
	// Droop is the largest-remainder method with the Droop quota ⌊total ÷ (seats+1)⌋ + 1:
	// each unit gets ⌊weight ÷ quota⌋ and the seats left over go to the largest remainders.
	Droop
	// HagenbachBischoff is the largest-remainder method with the Hagenbach-Bischoff quota
	// total ÷ (seats+1), exact. The whole parts can then exceed the house by one, only when
	// every remainder is zero; that seat is taken back from a unit with the smallest remainder,
	// which is then a tie among every unit holding a seat above its minimum.
	HagenbachBischoff
	methodEnd
)

// Other names of the same methods.
const (
	Jefferson        = DHondt      // Thomas Jefferson's method (1792), the same as D'Hondt's (1878)
	Webster          = SainteLague // Daniel Webster's method (1832), the same as Sainte-Laguë's (1910)
	HareNiemeyer     = Hamilton    // largest remainder with the Hare quota
	EqualProportions = HuntingtonHill
)

var methodNames = [...]string{
	Hamilton:            "Hamilton",
	DHondt:              "D'Hondt",
	SainteLague:         "Sainte-Laguë",
	HuntingtonHill:      "Huntington–Hill",
	Adams:               "Adams",
	Dean:                "Dean",
	ModifiedSainteLague: "modified Sainte-Laguë",
	Droop:               "largest remainder (Droop quota)",
	HagenbachBischoff:   "largest remainder (Hagenbach-Bischoff quota)",
}

// String returns the method's usual name: "Hamilton", "D'Hondt", "Sainte-Laguë", …
func (m Method) String() string {
	if m.valid() {
		return methodNames[m]
	}
	return fmt.Sprintf("Method(%d)", uint8(m))
}

func (m Method) valid() bool { return m > 0 && m < methodEnd }

// methodKeys are the names of the methods in rules files, one per method.
var methodKeys = [...]string{
	Hamilton:            "hamilton",
	DHondt:              "dhondt",
	SainteLague:         "sainte-lague",
	HuntingtonHill:      "huntington-hill",
	Adams:               "adams",
	Dean:                "dean",
	ModifiedSainteLague: "modified-sainte-lague",
	Droop:               "droop",
	HagenbachBischoff:   "hagenbach-bischoff",
}

// methodAliases are the other names ParseMethod accepts.
var methodAliases = map[string]Method{
	"jefferson":         DHondt,
	"d'hondt":           DHondt,
	"webster":           SainteLague,
	"hare":              Hamilton,
	"hare-niemeyer":     Hamilton,
	"equal-proportions": HuntingtonHill,
}

// ParseMethod reads a method by its key — "hamilton", "dhondt", "sainte-lague",
// "huntington-hill", "adams", "dean", "modified-sainte-lague", "droop", "hagenbach-bischoff" —
// or one of the other names "jefferson", "d'hondt", "webster", "hare", "hare-niemeyer",
// "equal-proportions", ignoring case and surrounding white space. Anything else is an error
// wrapping ErrMethod.
func ParseMethod(s string) (Method, error) {
	k := strings.ToLower(strings.TrimSpace(s))
	for m, key := range methodKeys {
		if key != "" && key == k {
			return Method(m), nil
		}
	}
	if m, ok := methodAliases[k]; ok {
		return m, nil
	}
	return 0, fmt.Errorf("quota: parsing method %q: %w", s, ErrMethod)
}

// MarshalText encodes the method by its key ("sainte-lague"); the zero Method and unknown
// values are an error wrapping ErrMethod.
func (m Method) MarshalText() ([]byte, error) {
	if !m.valid() {
		return nil, fmt.Errorf("quota: %v: %w", m, ErrMethod)
	}
	return []byte(methodKeys[m]), nil
}

// UnmarshalText decodes any name ParseMethod accepts.
func (m *Method) UnmarshalText(text []byte) error {
	v, err := ParseMethod(string(text))
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// divisor reports whether m is a divisor (highest-averages) method.
func (m Method) divisor() bool {
	switch m {
	case DHondt, SainteLague, HuntingtonHill, Adams, Dean, ModifiedSainteLague:
		return true
	}
	return false
}

// MaxHouseSize is the largest house Apportion accepts: enough for any assembly, small enough that
// every divisor comparison fits in fixed-size integer arithmetic.
const MaxHouseSize = 1 << 30

// ApportionOptions are the rules around the method. The zero value imposes no minimum or maximum,
// gives nothing to units of zero weight, and reports every tie as an error.
type ApportionOptions struct {
	// Min is the least number of seats of every unit that passes the threshold (the common "at
	// least one"). Units below the threshold get nothing whatever Min says.
	Min int
	// Max is the most seats any unit may get; 0 means no maximum.
	Max int
	// Threshold is the share of the total weight a unit needs to take part: a unit whose
	// weight does not meet Threshold.Passes against the total of all weights gets no seats
	// (the 5% of a party-list election is Threshold{Share: Percent(5), Boundary: AtLeast}).
	// The zero value, "more than nothing", only leaves out units of zero weight.
	Threshold Threshold
	// TieOrder settles ties: when units are tied for the last seat(s), the seats go to the tied
	// units that come first in TieOrder. It lists unit indices, each at most once, in the order
	// drawn by lot (or fixed by the rules) outside the library; a tie among units not all listed is
	// reported as an *ApportionTieError. Nil means every tie is an error; a tie is never broken by
	// input order.
	TieOrder []int
}

// ApportionTieBreak records a tie settled by ApportionOptions.TieOrder.
type ApportionTieBreak struct {
	Units   []int // the tied units, ascending
	Seats   int   // the seats they were tied for
	Winners []int // the units that received them, in TieOrder order
}

// Apportionment is an apportionment with its record.
type Apportionment struct {
	Seats    []int               // seats of each unit, in input order; they add up to the house size
	Excluded []int               // units below ApportionOptions.Threshold, ascending
	Ties     []ApportionTieBreak // ties settled by ApportionOptions.TieOrder (at most one for these methods)
}

// Apportion divides seats among units in proportion to weights by the method m, exactly, and
// returns each unit's seats in input order. Every unit with a positive weight takes part; units
// of zero weight get nothing. It is ApportionWithOptions with the zero ApportionOptions.
//
// For HuntingtonHill, Adams and Dean every unit with a positive weight is entitled to a first seat
// before anyone has a second; with fewer seats than such units those first seats are tied among all
// of them, which is reported as an *ApportionTieError (or settled by ApportionOptions.TieOrder).
//
// A tie at the cut-off is an *ApportionTieError (errors.Is(err, ErrTie)); bad input is an
// *ApportionError wrapping ErrMethod, ErrNoUnits, ErrSeatCount (seats negative or above
// MaxHouseSize), ErrWeight, ErrWeightSum (weights adding up to more than the largest int64) or
// ErrZeroWeights. Apportion never panics, and never breaks a tie by input order: permuting the
// units permutes the result, and multiplying every weight by one constant changes nothing
// (except under Droop, whose quota is rounded).
func Apportion(m Method, seats int, weights []int64) ([]int, error) {
	r, err := ApportionWithOptions(m, seats, weights, ApportionOptions{})
	if err != nil {
		return nil, err
	}
	return r.Seats, nil
}

// ApportionWithOptions divides seats among units in proportion to weights by the method m,
// under the minimum, maximum, threshold and tie order of opt.
//
// The minimum and maximum apply as bounds of the method: for a divisor method every unit starts
// at Min and the remaining seats go by the method's priorities among the units below Max (the
// divisor method with bounds of Balinski and Young); for a largest-remainder method each unit's
// quota is its share of the house clamped to [Min, Max], the shares of the units within the
// bounds scaled so that the quotas add up to the house, and the method then runs among those
// units with the seats that are left. Units below the threshold get nothing and count toward
// no bound.
//
// Errors are as for Apportion, plus ErrMinSeats, ErrCapacity and ErrApportionOptions.
//
// All arithmetic is in integers: priorities are compared by cross-multiplication in 128- and
// 192-bit products (Huntington–Hill by the squares of its priorities), remainders share one
// denominator. A divisor method starts every unit at a proven lower bound and gives the
// remaining seats, at most (Min+3)·n of them for n units, from a heap: the time is
// O((Min+3)·n log n) whatever the house size, and 10,000 seats among 3,000 units take a few
// milliseconds.
func ApportionWithOptions(m Method, seats int, weights []int64, opt ApportionOptions) (Apportionment, error) {
	total, rank, err := checkApportion(m, seats, weights, opt)
	if err != nil {
		return Apportionment{}, err
	}
	var p problem
	excluded := p.init(m, seats, weights, total, opt, rank)
	if err := p.feasible(); err != nil {
		return Apportionment{}, &ApportionError{Method: m, Seats: seats, Unit: -1, Err: err}
	}
	var tie *ApportionTieError
	if m.divisor() {
		tie = p.divisor()
	} else {
		tie = p.remainder()
	}
	if tie != nil {
		return Apportionment{}, tie
	}
	return Apportionment{Seats: p.alloc, Excluded: excluded, Ties: p.ties}, nil
}

// checkApportion checks the input of an apportionment and returns the total weight and the tie
// rank of every unit (nil without a TieOrder), or an *ApportionError for the first problem: the
// method, the units, the house size, each weight in order, the total, the bounds, the TieOrder.
func checkApportion(m Method, seats int, weights []int64, opt ApportionOptions) (total int64, rank []int, err error) {
	fail := func(unit int, err error) (int64, []int, error) {
		return 0, nil, &ApportionError{Method: m, Seats: seats, Unit: unit, Err: err}
	}
	if !m.valid() {
		return fail(-1, ErrMethod)
	}
	if len(weights) == 0 {
		return fail(-1, ErrNoUnits)
	}
	if seats < 0 || seats > MaxHouseSize {
		return fail(-1, ErrSeatCount)
	}
	for i, w := range weights {
		if w < 0 {
			return fail(i, ErrWeight)
		}
		if w > math.MaxInt64-total {
			return fail(i, ErrWeightSum)
		}
		total += w
	}
	if total == 0 {
		return fail(-1, ErrZeroWeights)
	}
	if opt.Min < 0 || opt.Max < 0 || opt.Min > MaxHouseSize || opt.Max > MaxHouseSize || (opt.Max > 0 && opt.Min > opt.Max) {
		return fail(-1, ErrApportionOptions)
	}
	rank, bad, ok := tieRanks(opt.TieOrder, len(weights))
	if !ok {
		return fail(bad, ErrApportionOptions)
	}
	return total, rank, nil
}

// init sets up an apportionment of checked input: the units passing the threshold are eligible,
// each with its maximum (Max, or MaxHouseSize without one, or Min for a unit of zero weight); the
// others are excluded (returned ascending) and may hold no seat.
func (p *problem) init(m Method, seats int, weights []int64, total int64, opt ApportionOptions, rank []int) []int {
	*p = problem{m: m, seats: seats, weights: weights, min: opt.Min, bounded: opt.Min > 0 || opt.Max > 0, rank: rank, unlisted: len(opt.TieOrder)}
	p.max = make([]int, len(weights))
	p.alloc = make([]int, len(weights))
	p.units = make([]int, 0, len(weights))
	var excluded []int
	for i, w := range weights {
		if !passes(opt.Threshold, w, total) {
			excluded = append(excluded, i)
			continue
		}
		p.units = append(p.units, i)
		switch {
		case w == 0:
			p.max[i] = opt.Min
		case opt.Max > 0:
			p.max[i] = opt.Max
		default:
			p.max[i] = MaxHouseSize
		}
		p.total += w
	}
	return excluded
}

// feasible reports whether the eligible units can hold the house within their bounds: every unit
// its minimum (ErrMinSeats), and all of them every seat (ErrCapacity).
func (p *problem) feasible() error {
	if n := len(p.units); n > 0 && p.min > p.seats/n {
		return ErrMinSeats
	}
	capacity := 0
	for _, i := range p.units {
		if capacity += p.max[i]; capacity >= p.seats {
			return nil
		}
	}
	if capacity < p.seats {
		return ErrCapacity
	}
	return nil
}

// passes reports whether weight w of total meets the threshold. Share terms are at most
// MaxFractionTerm (< 2^40) and weights below 2^63, so the products fit in 128 bits.
func passes(t Threshold, w, total int64) bool {
	num, den := uint64(t.Share.Num()), uint64(t.Share.Den())
	c := cmpProducts(uint64(w), den, num, uint64(total))
	if t.Boundary == AtLeast {
		return c >= 0
	}
	return c > 0
}

// tieRanks returns each unit's position in order (len(order) for units not listed), or false
// and the offending entry (an index out of range, or repeated).
func tieRanks(order []int, n int) (rank []int, bad int, ok bool) {
	if order == nil {
		return nil, 0, true
	}
	rank = make([]int, n)
	for i := range rank {
		rank[i] = -1
	}
	for pos, u := range order {
		if u < 0 || u >= n || rank[u] >= 0 {
			return nil, u, false
		}
		rank[u] = pos
	}
	for i := range rank {
		if rank[i] < 0 {
			rank[i] = len(order)
		}
	}
	return rank, 0, true
}

// problem is one apportionment in progress.
type problem struct {
	m        Method
	seats    int
	weights  []int64
	total    int64 // total weight of the eligible units
	units    []int // eligible units, ascending
	min      int
	bounded  bool  // Min or Max set
	max      []int // per unit: the most seats it may hold (0 below the threshold, Min at weight 0)
	rank     []int // tie order position per unit, nil without a TieOrder
	unlisted int   // the rank of units not in the TieOrder
	alloc    []int
	ties     []ApportionTieBreak
}

// settle resolves a tie among units (ascending) for c seats, whose holders currently hold the
// contested seats (already taken away from alloc). It gives the seats by TieOrder, or returns
// the *ApportionTieError.
func (p *problem) settle(units []int, c int) *ApportionTieError {
	if p.rank != nil {
		ordered := slices.Clone(units)
		slices.SortFunc(ordered, func(a, b int) int { return p.rank[a] - p.rank[b] })
		if p.rank[ordered[len(ordered)-1]] < p.unlisted { // every tied unit listed
			winners := ordered[:c]
			for _, u := range winners {
				p.alloc[u]++
			}
			p.ties = append(p.ties, ApportionTieBreak{Units: units, Seats: c, Winners: slices.Clone(winners)})
			return nil
		}
	}
	return &ApportionTieError{Method: p.m, Units: units, Seats: c, Settled: p.alloc}
}

// WithinQuota reports whether every unit's seats are its standard quota (weight × house ÷ total
// weight, the house being the sum of seats) rounded down or up, exactly. Hamilton always
// satisfies it (without bounds or threshold); the divisor methods other than D'Hondt can
// violate it. It is false for mismatched lengths, negative entries, a zero total weight, or
// totals that overflow.
func WithinQuota(seats []int, weights []int64) bool {
	if len(seats) != len(weights) || len(seats) == 0 {
		return false
	}
	var house uint64
	var total int64
	for i := range seats {
		if seats[i] < 0 || weights[i] < 0 || weights[i] > math.MaxInt64-total {
			return false
		}
		house += uint64(seats[i])
		total += weights[i]
	}
	if total == 0 || house > math.MaxInt64 {
		return false
	}
	for i, a := range seats {
		w := uint64(weights[i])
		// ⌊q⌋ ≤ a  ⇔  (a+1)·total > w·house
		if cmpProducts(uint64(a)+1, uint64(total), w, house) <= 0 {
			return false
		}
		// a ≤ ⌈q⌉  ⇔  a = 0 or (a−1)·total < w·house
		if a > 0 && cmpProducts(uint64(a)-1, uint64(total), w, house) >= 0 {
			return false
		}
	}
	return true
}
