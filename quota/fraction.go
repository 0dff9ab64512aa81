package quota

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/shopspring/decimal"
)

// MaxFractionTerm bounds the numerator and denominator of a Fraction (in lowest terms). Rules never
// need more; anything larger is taken for a typing error and refused with ErrFractionRange.
const MaxFractionTerm = 1_000_000_000_000

type form uint8

const (
	formRatio   form = iota // "1/3"
	formPercent             // "15%"
	formDecimal             // "0.2", "2"
)

// Fraction is an exact non-negative rational number: a share of seats, of votes, of a body.
// The zero value is 0. Fractions are values: compare them with Cmp or Equal, not ==, because a
// Fraction also remembers the form it was written in ("20%", "0.2", "1/5") so that String gives it
// back.
type Fraction struct {
	num, den int64 // lowest terms; den == 0 means the zero value (0/1)
	form     form
	places   uint8 // decimal places as written ("0.20": 2), kept by String
}

// NewFraction returns num/den in lowest terms, written as a ratio. Both must be non-negative, den
// non-zero, and both at most MaxFractionTerm once reduced.
func NewFraction(num, den int64) (Fraction, error) {
	in := fmt.Sprintf("%d/%d", num, den)
	if num < 0 || den < 0 {
		return Fraction{}, &FractionError{Input: in, Err: ErrFractionNegative}
	}
	if den == 0 {
		return Fraction{}, &FractionError{Input: in, Err: ErrZeroDenominator}
	}
	return fromBig(new(big.Int).SetInt64(num), new(big.Int).SetInt64(den), formRatio, in)
}

// Percent returns p/100 written as a percentage ("15%"). It is for constants in code; p must be
// non-negative.
func Percent(p int64) Fraction {
	f, err := fromBig(big.NewInt(max(p, 0)), big.NewInt(100), formPercent, "")
	if err != nil {
		return Fraction{}
	}
	return f
}

// Ratio returns num/den written as a ratio ("1/3"). It is for constants in code; it returns the
// zero Fraction for arguments NewFraction would refuse.
func Ratio(num, den int64) Fraction {
	f, err := NewFraction(num, den)
	if err != nil {
		return Fraction{}
	}
	return f
}

func fromBig(n, d *big.Int, fm form, in string) (Fraction, error) {
	g := new(big.Int).GCD(nil, nil, n, d)
	if g.Sign() != 0 {
		n = new(big.Int).Quo(n, g)
		d = new(big.Int).Quo(d, g)
	}
	if n.Sign() == 0 {
		d = big.NewInt(1)
	}
	lim := big.NewInt(MaxFractionTerm)
	if n.Cmp(lim) > 0 || d.Cmp(lim) > 0 {
		return Fraction{}, &FractionError{Input: in, Err: ErrFractionRange}
	}
	return Fraction{num: n.Int64(), den: d.Int64(), form: fm}, nil
}

// ParseFraction reads a non-negative fraction written as a percentage ("15%", "12.5%"), a decimal
// ("0.2", "2", "1.5") or a ratio of whole numbers ("1/3", "4/5"). Surrounding white space is
// ignored. Anything else — empty text, a sign, "1/0", "%", letters, more than 40 characters, terms
// above MaxFractionTerm — is a *FractionError.
func ParseFraction(s string) (Fraction, error) {
	fail := func(err error) (Fraction, error) { return Fraction{}, &FractionError{Input: s, Err: err} }
	t := strings.TrimSpace(s)
	if len(t) > 40 {
		return fail(ErrFractionRange)
	}
	if t == "" {
		return fail(ErrFractionSyntax)
	}
	if t[0] == '-' {
		return fail(ErrFractionNegative)
	}
	if p, ok := strings.CutSuffix(t, "%"); ok {
		n, d, ok := parseDecimal(p)
		if !ok {
			return fail(ErrFractionSyntax)
		}
		f, err := fromBig(n, new(big.Int).Mul(d, big.NewInt(100)), formPercent, s)
		if err != nil {
			return Fraction{}, err
		}
		f.places = places(d)
		return f, nil
	}
	if a, b, ok := strings.Cut(t, "/"); ok {
		n, okN := parseDigits(a)
		d, okD := parseDigits(b)
		if !okN || !okD {
			return fail(ErrFractionSyntax)
		}
		if d.Sign() == 0 {
			return fail(ErrZeroDenominator)
		}
		return fromBig(n, d, formRatio, s)
	}
	n, d, ok := parseDecimal(t)
	if !ok {
		return fail(ErrFractionSyntax)
	}
	f, err := fromBig(n, d, formDecimal, s)
	if err != nil {
		return Fraction{}, err
	}
	f.places = places(d)
	return f, nil
}

// places returns k for den = 10^k: the decimal places a number was written with.
func places(den *big.Int) uint8 { return uint8(len(den.String()) - 1) }

func parseDigits(s string) (*big.Int, bool) {
	if s == "" {
		return nil, false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return nil, false
		}
	}
	n, ok := new(big.Int).SetString(s, 10)
	return n, ok
}

// parseDecimal reads digits with at most one '.' between digits.
func parseDecimal(s string) (num, den *big.Int, ok bool) {
	ip, fp, dot := strings.Cut(s, ".")
	if ip == "" || (dot && fp == "") {
		return nil, nil, false // "", ".5", "5." are not written numbers
	}
	digits := ip + fp
	n, ok := parseDigits(digits)
	if !ok {
		return nil, nil, false
	}
	return n, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(len(fp))), nil), true
}

func (f Fraction) terms() (int64, int64) {
	if f.den == 0 {
		return 0, 1
	}
	return f.num, f.den
}

// Num returns the numerator in lowest terms.
func (f Fraction) Num() int64 { n, _ := f.terms(); return n }

// Den returns the denominator in lowest terms (1 for zero).
func (f Fraction) Den() int64 { _, d := f.terms(); return d }

// IsZero reports whether f is 0.
func (f Fraction) IsZero() bool { return f.num == 0 }

// Rat returns f as a new big.Rat.
func (f Fraction) Rat() *big.Rat { n, d := f.terms(); return big.NewRat(n, d) }

// Cmp compares f and g by value: -1 if f < g, 0 if equal, +1 if f > g. The written form is ignored.
func (f Fraction) Cmp(g Fraction) int {
	a, b := f.terms()
	c, d := g.terms()
	return cmpProducts(uint64(a), uint64(d), uint64(c), uint64(b))
}

// Equal reports whether f and g have the same value, whatever form they were written in.
func (f Fraction) Equal(g Fraction) bool { return f.Cmp(g) == 0 }

// String returns f in the form it was written where that form can show it exactly: "15%", "0.20",
// "12.50%" (with the decimal places written), "1/3" (in lowest terms: "2/6" is "1/3"); a ratio
// otherwise. The zero Fraction is "0".
func (f Fraction) String() string {
	n, d := f.terms()
	switch f.form {
	case formPercent:
		if s, ok := exactDecimal(n*100, d, int(f.places)); ok {
			return s + "%"
		}
	case formDecimal:
		if s, ok := exactDecimal(n, d, int(f.places)); ok {
			return s
		}
	}
	if d == 1 {
		return fmt.Sprint(n)
	}
	return fmt.Sprintf("%d/%d", n, d)
}

// exactDecimal renders n/d as a finite decimal if it is one (d, once n/d is reduced, has no prime
// factors but 2 and 5), with at least minPlaces decimal places and no other trailing zeros.
func exactDecimal(n, d int64, minPlaces int) (string, bool) {
	if g := new(big.Int).GCD(nil, nil, big.NewInt(n), big.NewInt(d)).Int64(); g > 1 {
		n, d = n/g, d/g
	}
	dd, twos, fives := d, 0, 0
	for dd%2 == 0 {
		dd /= 2
		twos++
	}
	for dd%5 == 0 {
		dd /= 5
		fives++
	}
	if dd != 1 {
		return "", false
	}
	return new(big.Rat).SetFrac64(n, d).FloatString(max(twos, fives, minPlaces)), true
}

// Decimal returns f rounded half-up to the given number of decimal places, for presentation.
func (f Fraction) Decimal(places int32) decimal.Decimal {
	n, d := f.terms()
	return roundHalfUp(big.NewInt(n), big.NewInt(d), places)
}

// PercentDecimal returns 100·f rounded half-up to the given number of decimal places: the share as
// a percentage for a report (1/3 with places 1 is 33.3).
func (f Fraction) PercentDecimal(places int32) decimal.Decimal {
	n, d := f.terms()
	return roundHalfUp(new(big.Int).Mul(big.NewInt(n), big.NewInt(100)), big.NewInt(d), places)
}

// roundHalfUp returns n/d (n, d ≥ 0, d > 0) rounded half-up to places decimal places, exactly.
func roundHalfUp(n, d *big.Int, places int32) decimal.Decimal {
	if places < 0 {
		places = 0
	}
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(places)), nil)
	// q = floor((2·n·10^p + d) / (2·d))
	num := new(big.Int).Mul(n, scale)
	num.Mul(num, big.NewInt(2))
	num.Add(num, d)
	den := new(big.Int).Mul(d, big.NewInt(2))
	q := new(big.Int).Quo(num, den)
	return decimal.NewFromBigInt(q, -places)
}

// MarshalText encodes f as String does.
func (f Fraction) MarshalText() ([]byte, error) { return []byte(f.String()), nil }

// UnmarshalText decodes any text ParseFraction accepts.
func (f *Fraction) UnmarshalText(text []byte) error {
	g, err := ParseFraction(string(text))
	if err != nil {
		return err
	}
	*f = g
	return nil
}
