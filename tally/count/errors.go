package count

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinels of batches and count summaries; a *SummaryError says where in a summary. Match them
// with errors.Is. (ErrSummaryTotals and ErrDuplicateBox, the sentinels of Check and SumBoxes, are
// beside them in summary.go; ErrSlateMismatch, of the merges, in counter.go.)
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
