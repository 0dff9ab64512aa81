package count

import (
	"errors"
	"fmt"
	"strings"
)

// ErrCounts: a Counts value cannot be the count of real ballots: a negative figure; ballots ≠ valid
// + invalid + spoiled; For + Against + Abstain ≠ valid for a candidate; a write-in whose name is
// empty, not normalised or repeated, or with more votes than valid ballots; or more persons chosen
// (For votes and write-in votes together) than the valid ballots could choose (seats × valid).
var ErrCounts = errors.New("counts do not add up")

// ErrSlateMismatch: counters or counts of different slates cannot be merged, and counts of
// another slate are not the count of a slate's ballots (Check).
var ErrSlateMismatch = errors.New("counts of different slates")

// CountsError reports a Counts value that Check, Merge or SumBoxes refuses: where (the ballot box,
// the candidate or the write-in) and what (Err).
type CountsError struct {
	// Box is the ballot box whose counts are refused (SumBoxes), or "".
	Box string
	// Candidate is the 1-based position of the candidate concerned in Counts.Candidates, and ID the
	// ID counted there; 0 and "" when the problem is not one candidate's.
	Candidate int
	ID        string
	// WriteIn is the 1-based position of the write-in concerned in Counts.WriteIns, and Name its
	// name; 0 and "" when the problem is not one write-in's.
	WriteIn int
	Name    string
	// Detail gives the figures that do not agree.
	Detail string
	// Err is ErrCounts, ErrSlateMismatch or ErrDuplicateBox.
	Err error
}

// Error returns "count: " and where and what: `count: box "Hall": candidate 2 ("c2"): 6 for + 5
// against + 0 abstain, 10 valid: counts do not add up`.
func (e *CountsError) Error() string { return "count: " + e.describe() }

// describe is the message without the package prefix, for messages that carry their own.
func (e *CountsError) describe() string {
	var b strings.Builder
	if e.Box != "" {
		fmt.Fprintf(&b, "box %q: ", e.Box)
	}
	if e.Candidate > 0 {
		fmt.Fprintf(&b, "candidate %d (%q): ", e.Candidate, e.ID)
	}
	if e.WriteIn > 0 {
		fmt.Fprintf(&b, "write-in %d (%q): ", e.WriteIn, e.Name)
	}
	if e.Detail != "" {
		b.WriteString(e.Detail)
		b.WriteString(": ")
	}
	b.WriteString(e.Err.Error())
	return b.String()
}

// Unwrap returns the sentinel.
func (e *CountsError) Unwrap() error { return e.Err }
