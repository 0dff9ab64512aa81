package quota

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Sentinels for fraction errors; match with errors.Is.
var (
	// ErrFractionSyntax: the text is not a percentage, a decimal or a ratio of whole numbers.
	ErrFractionSyntax = errors.New("invalid syntax")
	// ErrFractionNegative: the value is negative; shares of seats and votes never are.
	ErrFractionNegative = errors.New("negative value")
	// ErrZeroDenominator: a ratio with denominator 0 ("1/0").
	ErrZeroDenominator = errors.New("zero denominator")
	// ErrFractionRange: the text is longer than 40 characters, or a term in lowest terms exceeds
	// MaxFractionTerm.
	ErrFractionRange = errors.New("value out of range")
)

// FractionError reports a fraction that cannot be parsed.
type FractionError struct {
	Input string // the text as given
	Err   error  // ErrFractionSyntax, ErrFractionNegative, ErrZeroDenominator or ErrFractionRange
}

// Error returns "quota: parsing fraction "…": " and the sentinel's text. An input longer than 40
// bytes (longer than any fraction ParseFraction reads) is quoted by its first 32 bytes, cut
// between characters, and its length: `"12345…"… (100000 bytes)`.
func (e *FractionError) Error() string {
	in := strconv.Quote(e.Input)
	if len(e.Input) > 40 {
		cut := 32
		for cut > 0 && !utf8.RuneStart(e.Input[cut]) {
			cut--
		}
		in = fmt.Sprintf("%q… (%d bytes)", e.Input[:cut], len(e.Input))
	}
	return fmt.Sprintf("quota: parsing fraction %s: %v", in, e.Err)
}

// Unwrap returns the sentinel.
func (e *FractionError) Unwrap() error { return e.Err }

// Sentinels for the difference rule; match with errors.Is.
var (
	// ErrTooFewCandidates: the slate has fewer candidates than the difference rule requires.
	ErrTooFewCandidates = errors.New("too few candidates")
	// ErrTooManyCandidates: the slate has more candidates than the rule allows (PRC Electoral Law
	// Arts. 31–32: a preliminary election is then required).
	ErrTooManyCandidates = errors.New("too many candidates")
)

// DifferenceError reports a slate that breaks its difference rule.
type DifferenceError struct {
	Seats      int
	Candidates int
	// Bound is the number of candidates the broken bound requires: the minimum for
	// ErrTooFewCandidates, the maximum for ErrTooManyCandidates.
	Bound int
	Err   error
}

// Error describes the slate and the bound it breaks.
func (e *DifferenceError) Error() string {
	switch {
	case errors.Is(e.Err, ErrTooFewCandidates):
		return fmt.Sprintf("quota: %d candidates for %d seats: too few candidates, the difference rule requires at least %d", e.Candidates, e.Seats, e.Bound)
	case errors.Is(e.Err, ErrTooManyCandidates):
		return fmt.Sprintf("quota: %d candidates for %d seats: too many candidates, the difference rule allows at most %d", e.Candidates, e.Seats, e.Bound)
	}
	return fmt.Sprintf("quota: %d candidates for %d seats: %v", e.Candidates, e.Seats, e.Err)
}

// Unwrap returns the sentinel.
func (e *DifferenceError) Unwrap() error { return e.Err }

// Sentinels for apportionment; match with errors.Is.
var (
	// ErrTie: the last seat(s) go to one of several equally entitled units and
	// ApportionOptions.TieOrder does not settle it. The error is an *ApportionTieError saying which
	// units and how many seats.
	ErrTie = errors.New("tie for the last seat")
	// ErrMethod: the Method is not one of the methods of this package.
	ErrMethod = errors.New("unknown apportionment method")
	// ErrNoUnits: there are no units to apportion among.
	ErrNoUnits = errors.New("no units")
	// ErrSeatCount: a number of seats is out of range: an apportionment's house size negative or
	// above MaxHouseSize, or fewer than one seat for the difference rule. (A slate with fewer than
	// one seat is ballot.ErrSeats, the slate's own check.)
	ErrSeatCount = errors.New("seat count out of range")
	// ErrWeight: a unit's weight is negative.
	ErrWeight = errors.New("negative weight")
	// ErrWeightSum: the weights add up to more than the largest int64.
	ErrWeightSum = errors.New("total weight out of range")
	// ErrZeroWeights: every weight is zero, so there is nothing to be proportional to.
	ErrZeroWeights = errors.New("all weights are zero")
	// ErrMinSeats: the minimum seats of the units add up to more than the house.
	ErrMinSeats = errors.New("minimum seats exceed the house size")
	// ErrCapacity: the units that may receive seats cannot take the whole house (every unit
	// below the threshold, or the maximum per unit too low).
	ErrCapacity = errors.New("the units cannot take every seat")
	// ErrApportionOptions: an ApportionOptions field is invalid (a negative bound, Min above Max, a
	// TieOrder entry that is not a unit or is repeated).
	ErrApportionOptions = errors.New("invalid apportionment options")
)

// ApportionError reports input that cannot be apportioned.
type ApportionError struct {
	Method Method
	Seats  int
	// Unit is the index of the offending unit (a negative weight, the unit at which the total
	// overflowed, a TieOrder entry out of range or repeated, reported as given), or -1 when the
	// error is not about one unit.
	Unit int
	Err  error // one of the sentinels above
}

func (e *ApportionError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "quota: apportioning %d seats by %v: ", e.Seats, e.Method)
	if e.Unit >= 0 {
		fmt.Fprintf(&b, "unit %d: ", e.Unit)
	}
	b.WriteString(e.Err.Error())
	return b.String()
}

// Unwrap returns the sentinel.
func (e *ApportionError) Unwrap() error { return e.Err }

// ApportionTieError reports a tie at the cut-off: Seats seats are still to be given and the Units
// (more of them than Seats) are equally entitled to them. It matches ErrTie with errors.Is. The
// organisers settle it (by lot, under their rules) and pass the order in ApportionOptions.TieOrder.
type ApportionTieError struct {
	Method Method
	Units  []int // the tied units, ascending
	Seats  int   // the seats they are tied for
	// Settled is every unit's allocation without the contested seats: it adds up to the house
	// size minus Seats.
	Settled []int
}

func (e *ApportionTieError) Error() string {
	s := "s"
	if e.Seats == 1 {
		s = ""
	}
	return fmt.Sprintf("quota: %v: tie among units %s for %d seat%s", e.Method, joinInts(e.Units), e.Seats, s)
}

// Unwrap returns ErrTie.
func (e *ApportionTieError) Unwrap() error { return ErrTie }

func joinInts(v []int) string {
	var b strings.Builder
	for i, x := range v {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprint(&b, x)
	}
	return b.String()
}
