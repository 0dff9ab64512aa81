package quota

import "fmt"

// Boundary says whether a share must be exceeded or only reached. Values other than MoreThan and
// AtLeast are treated as MoreThan, the stricter reading.
type Boundary uint8

const (
	// MoreThan is strict: the count must exceed share × base (超过, 过半数, 多于). "More than half of
	// those present" fails at exactly half. It is the zero value, because every statutory election
	// threshold in docs/rules.md is strict.
	MoreThan Boundary = iota
	// AtLeast is inclusive: the count must reach share × base (不少于, 不得少于, 至少).
	AtLeast
)

// String returns "more than" or "at least".
func (b Boundary) String() string {
	if b == AtLeast {
		return "at least"
	}
	return "more than"
}

// MarshalText encodes the boundary as "more-than" or "at-least".
func (b Boundary) MarshalText() ([]byte, error) {
	if b == AtLeast {
		return []byte("at-least"), nil
	}
	return []byte("more-than"), nil
}

// UnmarshalText accepts "more-than" and "at-least" (also with a space instead of the hyphen).
func (b *Boundary) UnmarshalText(t []byte) error {
	switch string(t) {
	case "more-than", "more than":
		*b = MoreThan
	case "at-least", "at least":
		*b = AtLeast
	default:
		return fmt.Errorf("quota: unknown boundary %q: %w", t, ErrFractionSyntax)
	}
	return nil
}

// Threshold is a share of a base with a boundary: "more than half" (Share 1/2, MoreThan), "at least
// one third" (Share 1/3, AtLeast). Which base — those present, those entitled, ballots returned,
// valid ballots — is the caller's choice (package tally's rules name it).
//
// The zero value is "more than nothing": at least one vote.
type Threshold struct {
	Share    Fraction
	Boundary Boundary
}

// Majority is "more than half" (过半数), the threshold of every statutory election rule in docs/rules.md.
func Majority() Threshold { return Threshold{Share: Ratio(1, 2), Boundary: MoreThan} }

// String describes the threshold: "more than 1/2", "at least 1/3".
func (t Threshold) String() string { return t.Boundary.String() + " " + t.Share.String() }

// Passes reports whether votes meet the threshold on the given base: votes > share·base for
// MoreThan, votes ≥ share·base for AtLeast, computed exactly for any int sizes. Negative votes
// never pass; a negative base is treated as 0.
func (t Threshold) Passes(votes, base int) bool {
	if votes < 0 {
		return false
	}
	base = max(base, 0)
	n, d := t.Share.terms()
	// votes·d against n·base
	c := cmpProducts(uint64(votes), uint64(d), uint64(n), uint64(base))
	if t.Boundary == AtLeast {
		return c >= 0
	}
	return c > 0
}

// Needed returns the fewest votes that pass on the given base: floor(share·base)+1 for MoreThan,
// ceil(share·base) for AtLeast. A negative base is treated as 0; a result beyond the int range
// (possible only for shares of 1 or more) is math.MaxInt. It does not allocate.
func (t Threshold) Needed(base int) int {
	base = max(base, 0)
	n, d := t.Share.terms()
	return ceilShare(uint64(n), uint64(d), uint64(base), t.Boundary)
}
