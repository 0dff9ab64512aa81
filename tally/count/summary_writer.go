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
	names   []string          // the write-in columns, in byte order
	column  map[string]int    // write-in name → its index in names
	same    map[string]string // candidate match key → ID: the SameAs a write-in of that name must have
	row     []string
	written bool // the header is written
}

// NewSummaryWriter returns a writer of a summary for the slate whose write-in columns are the
// names given (match keys, as Counts holds them; sorted and deduplicated here). It refuses a name
// that is not a match key (ErrSummaryColumn). Nothing is written before the first Write or Flush.
func NewSummaryWriter(w io.Writer, s ballot.Slate, writeIns []string) (*SummaryWriter, error) {
	return newSummaryWriter(w, s, writeIns, candidateNames(s))
}

// newSummaryWriter is NewSummaryWriter with the slate's candidateNames already built.
func newSummaryWriter(w io.Writer, s ballot.Slate, writeIns []string, same map[string]string) (*SummaryWriter, error) {
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
	return &SummaryWriter{cw: csv.NewWriter(w), slate: s.Clone(), names: names, column: column, same: same}, nil
}

// Write writes the row of one box. It checks the box as WriteSummary does: a name not empty, not
// padded, UTF-8 and without control characters (ErrSummaryColumn); counts that pass Check, with no
// skipped rows and each write-in's SameAs the slate's candidate of its name, as ReadSummary will
// read it (a *CountsError naming the box, wrapping ErrCounts); and every name written in one of
// the writer's columns (ErrSummaryColumn). Nothing a summary cannot hold is dropped: it is refused.
func (sw *SummaryWriter) Write(b BoxCounts) error {
	if err := checkSummaryBox(sw.slate, sw.same, b); err != nil {
		return err
	}
	return sw.write(b)
}

// checkSummaryBox checks that a box can be written to a summary and read back as it is: its name
// (checkBoxName), its counts (Check), and what a summary has no column for — skipped rows, and a
// SameAs other than same's, the slate's candidate of the name — which is refused rather than
// dropped or changed.
func checkSummaryBox(s ballot.Slate, same map[string]string, b BoxCounts) error {
	if err := checkBoxName(b.Box); err != nil {
		return err
	}
	if err := Check(s, b.Counts); err != nil {
		return inBox(err, b.Box)
	}
	if b.Counts.SkippedRows != 0 {
		// Empty rows that end a ballot file belong to the file, not to a box.
		return &CountsError{Box: b.Box, Err: ErrCounts,
			Detail: fmt.Sprintf("%d skipped rows: a summary holds the counts of boxes, and skipped rows belong to the files", b.Counts.SkippedRows)}
	}
	for i, wi := range b.Counts.WriteIns {
		// ReadSummary gives a write-in the SameAs of the slate's candidate of its name, as the
		// counter does.
		if want := same[wi.Name]; wi.SameAs != want {
			return &CountsError{Box: b.Box, WriteIn: i + 1, Name: wi.Name, Err: ErrCounts,
				Detail: fmt.Sprintf("same as %q, but the slate's candidate of that name is %q (none if empty): a summary keeps only the slate's", wi.SameAs, want)}
		}
	}
	return nil
}

// write writes the row of a box checkSummaryBox passed.
func (sw *SummaryWriter) write(b BoxCounts) error {
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
