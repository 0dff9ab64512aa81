package count

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinels of batches and count summaries; a *SummaryError says where in a summary. Match them
// with errors.Is.
var (
	// ErrBatchSize: a batch's ballots do not have one mark per candidate of the counter's slate
	// (or of the ballot file read into it).
	ErrBatchSize = errors.New("count: batch of another number of candidates")
	// ErrBatchRange: a batch capacity below zero or beyond 2^37 words (1 TiB), or a ballot index
	// outside the batch.
	ErrBatchRange = errors.New("count: batch capacity or index out of range")
	// ErrSummaryColumn: a summary's header lacks a required column, repeats one, or names one
	// that is neither a figure, nor a slate candidate's, nor a write-in.
	ErrSummaryColumn = errors.New("bad summary column")
	// ErrSummaryNumber: a cell is not a non-negative whole number, or a row has the wrong number
	// of cells.
	ErrSummaryNumber = errors.New("not a vote count")
)

// SummaryError reports a problem at a place in a count summary.
type SummaryError struct {
	Line   int    // 1-based line
	Column int    // 1-based cell number, or 0 for the row as a whole
	Name   string // the column's header, or the box, where known
	Detail string
	Err    error // the sentinel
}

func (e *SummaryError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "count: summary: line %d", e.Line)
	if e.Column > 0 {
		fmt.Fprintf(&b, ", column %d", e.Column)
	}
	if e.Name != "" {
		fmt.Fprintf(&b, " (%s)", e.Name)
	}
	b.WriteString(": ")
	b.WriteString(e.Err.Error())
	if e.Detail != "" {
		b.WriteString(": ")
		b.WriteString(e.Detail)
	}
	return b.String()
}

// Unwrap returns the sentinel.
func (e *SummaryError) Unwrap() error { return e.Err }

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
	if d := e.details(); d != "" {
		return d + ": " + e.Err.Error()
	}
	return e.Err.Error()
}

// details is the message without the package prefix and without the sentinel: where, and the
// figures, for a message that names what is wrong in words of its own (a summary's "figures do
// not add up").
func (e *CountsError) details() string {
	var parts []string
	if e.Box != "" {
		parts = append(parts, fmt.Sprintf("box %q", e.Box))
	}
	if e.Candidate > 0 {
		parts = append(parts, fmt.Sprintf("candidate %d (%q)", e.Candidate, e.ID))
	}
	if e.WriteIn > 0 {
		parts = append(parts, fmt.Sprintf("write-in %d (%q)", e.WriteIn, e.Name))
	}
	if e.Detail != "" {
		parts = append(parts, e.Detail)
	}
	return strings.Join(parts, ": ")
}

// Unwrap returns the sentinel.
func (e *CountsError) Unwrap() error { return e.Err }

// Sentinels of Check on a summary, and of SumBoxes. Match them with errors.Is.
var (
	// ErrSummaryTotals: the figures of a box do not add up: ballots ≠ valid + invalid + spoiled;
	// For + Against + Abstain ≠ valid for a candidate; more write-in votes than valid ballots; or
	// more persons chosen than the valid ballots could choose (seats × valid).
	ErrSummaryTotals = errors.New("figures do not add up")
	// ErrDuplicateBox: the same ballot box is counted twice.
	ErrDuplicateBox = errors.New("ballot box counted twice")
)

// ErrOverflow: a sum of counts is beyond the int range: merging boxes (Merge, SumBoxes,
// Counter.Merge) whose ballots add up to more than math.MaxInt. Every figure of a count is at most
// its ballots, so no other sum can overflow first.
var ErrOverflow = errors.New("count beyond the int range")
