package count

import (
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"

	"github.com/chae-go/chae/ballot"
)

// SummaryWriter writes a count summary one ballot box at a time, in the format ReadSummary reads,
// so that the counts of any number of boxes can be written without holding them all: the
// figures, For, Against and Abstain of each candidate, and a column for each name written in,
// given up front. WriteSummary writes a summary of boxes held in a slice.
//
// A SummaryWriter does not remember the boxes written: the caller writes each box once
// (ReadSummary refuses a box named twice). Not safe for concurrent use.
type SummaryWriter struct {
	cw      *csv.Writer
	slate   ballot.Slate
	names   []string       // the write-in columns, in byte order
	column  map[string]int // write-in name → its index in names
	row     []string
	written bool // the header is written
}

// NewSummaryWriter returns a writer of a summary for the slate whose write-in columns are the
// names given (match keys, as Counts holds them; sorted and deduplicated here). It refuses a name
// that is not a match key (ErrSummaryColumn). Nothing is written before the first Write or Flush.
func NewSummaryWriter(w io.Writer, s ballot.Slate, writeIns []string) (*SummaryWriter, error) {
	names := slices.Clone(writeIns)
	slices.Sort(names)
	names = slices.Compact(names)
	column := make(map[string]int, len(names))
	for i, n := range names {
		if n == "" || ballot.MatchKey(n) != n {
			return nil, fmt.Errorf("count: summary: write-in %q: not a match key: %w", n, ErrSummaryColumn)
		}
		column[n] = i
	}
	return &SummaryWriter{cw: csv.NewWriter(w), slate: s.Clone(), names: names, column: column}, nil
}

// Write writes the row of one box. It checks the box as WriteSummary does: a name not empty, not
// padded, UTF-8 and without control characters (ErrSummaryColumn), counts that pass Check (a *CountsError naming the box), and every
// name written in one of the writer's columns (ErrSummaryColumn).
func (sw *SummaryWriter) Write(b BoxCounts) error {
	if err := checkBoxName(b.Box); err != nil {
		return err
	}
	if err := Check(sw.slate, b.Counts); err != nil {
		return inBox(err, b.Box)
	}
	if err := sw.header(); err != nil {
		return err
	}
	c := b.Counts
	itoa := strconv.Itoa
	row := append(sw.row[:0], b.Box, itoa(c.Ballots), itoa(c.Valid), itoa(c.Invalid), itoa(c.Spoiled))
	for _, x := range c.Candidates {
		row = append(row, itoa(x.For), itoa(x.Against), itoa(x.Abstain))
	}
	figures := len(row)
	for range sw.names {
		row = append(row, "0")
	}
	for _, wi := range c.WriteIns {
		k, ok := sw.column[wi.Name]
		if !ok {
			return fmt.Errorf("count: summary: box %q: write-in %q has no column: %w", b.Box, wi.Name, ErrSummaryColumn)
		}
		row[figures+k] = itoa(wi.Votes)
	}
	sw.row = row
	return sw.cw.Write(row)
}

// header writes the header line, once.
func (sw *SummaryWriter) header() error {
	if sw.written {
		return nil
	}
	sw.written = true
	head := []string{sumBox, sumBallots, sumValid, sumInvalid, sumSpoiled}
	for _, c := range sw.slate.Candidates {
		head = append(head, c.ID+sumFor, c.ID+sumAgainst, c.ID+sumAbstain)
	}
	for _, n := range sw.names {
		head = append(head, sumWriteIn+n)
	}
	return sw.cw.Write(head)
}

// Flush writes the header if no box was written, and any buffered data, and returns the first
// error of writing.
func (sw *SummaryWriter) Flush() error {
	if err := sw.header(); err != nil {
		return err
	}
	sw.cw.Flush()
	return sw.cw.Error()
}
