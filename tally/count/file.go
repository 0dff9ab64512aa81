package count

import (
	"io"

	"github.com/chae-go/chae/ballot"
)

// Zero returns the count of no ballots for the slate: every figure zero, one entry per candidate in
// slate order. It is the count of a ballot box returned empty (a ballot file with a header and no
// ballot), and the total to start from when summing boxes that may be none: SumBoxes of no box is
// the empty Counts, the identity of Merge, which is no slate's count and which Check refuses.
func Zero(s ballot.Slate) Counts {
	out := Counts{Candidates: make([]CandidateCount, len(s.Candidates)), WriteIns: []WriteInCount{}}
	for i, c := range s.Candidates {
		out.Candidates[i].ID = c.ID
	}
	return out
}

// FileOptions configure CountFile. The zero value reads a ballot file with the default spellings
// and a detected separator.
type FileOptions struct {
	// Box names the one ballot box of a file without a box column (the file's name, say).
	Box string
	// Spellings are the mark spellings of the ballot papers (see ballot.Reader.Spellings); the zero
	// value is ballot.DefaultSpellings.
	Spellings ballot.Spellings
	// Comma is the cell separator (see ballot.Reader.Comma); zero detects it.
	Comma rune
	// MaxRecordBytes bounds a record's length (see ballot.Reader.MaxRecordBytes); zero means
	// ballot.DefaultMaxRecordBytes.
	MaxRecordBytes int
}

// FileCounts is the count of one ballot file.
type FileCounts struct {
	// Boxes holds the count of each ballot box, in the order in which the boxes first appear in
	// the file. A file without a box column is one box, named FileOptions.Box, even when it holds
	// no ballot (a box returned empty); a file with a box column and no ballot has no box.
	Boxes []BoxCounts
	// Total is the count of all the file's ballots: Zero for a file that holds none.
	Total Counts
	// Skipped are the empty rows that end the file, which hold no ballot.
	Skipped ballot.SkippedRows
}

// CountFile reads a ballot file of the slate's ballots (see package ballot for the format) from r
// and counts it box by box, in memory that does not grow with the file. The counts are exactly
// those of reading the file with a ballot.Reader and counting each box's ballots with
// Counter.Add.
//
// The slate must validate (its error is returned as NewCounter returns it) and the header must
// name its candidates in slate order. The first problem in the file, in file order, is returned
// as the Reader reports it: a *ballot.ParseError with its line and column; then the counts are
// not returned.
func CountFile(r io.Reader, s ballot.Slate, opts FileOptions) (FileCounts, error) {
	total, err := NewCounter(s)
	if err != nil {
		return FileCounts{}, err
	}
	br := ballot.NewReader(r)
	br.Candidates, br.Names = s.IDs(), s.Names()
	br.Spellings, br.Comma, br.MaxRecordBytes = opts.Spellings, opts.Comma, opts.MaxRecordBytes
	h, err := br.Header()
	if err != nil {
		return FileCounts{}, err
	}
	boxes := newBoxCounters(total)
	if !h.Box {
		boxes.get(opts.Box)
	}
	var b ballot.Ballot
	for {
		err := br.ReadInto(&b)
		if err == io.EOF {
			break
		}
		if err != nil {
			return FileCounts{}, err
		}
		box := opts.Box
		if h.Box {
			box = br.Box()
		}
		if err := boxes.get(box).Add(b); err != nil {
			return FileCounts{}, err // unreachable: the Reader reads well-formed ballots
		}
	}
	return boxes.counts(br.Skipped())
}

// boxCounters holds a counter per ballot box, in the order the boxes first appear.
type boxCounters struct {
	proto    *Counter
	order    []string
	counters map[string]*Counter
	last     *Counter // the counter of the last box asked for
	lastBox  string
}

func newBoxCounters(proto *Counter) *boxCounters {
	return &boxCounters{proto: proto, counters: make(map[string]*Counter)}
}

// get returns the counter of the box, made empty the first time.
func (bc *boxCounters) get(box string) *Counter {
	if bc.last != nil && box == bc.lastBox {
		return bc.last
	}
	c, ok := bc.counters[box]
	if !ok {
		c = bc.proto.fork()
		bc.counters[box] = c
		bc.order = append(bc.order, box)
	}
	bc.last, bc.lastBox = c, box
	return c
}

// counts returns the counts of the boxes and their total.
func (bc *boxCounters) counts(skipped ballot.SkippedRows) (FileCounts, error) {
	out := FileCounts{Boxes: make([]BoxCounts, len(bc.order)), Skipped: skipped}
	total := bc.proto.fork()
	for i, box := range bc.order {
		c := bc.counters[box]
		out.Boxes[i] = BoxCounts{Box: box, Counts: c.Counts()}
		if err := total.Merge(c); err != nil {
			return FileCounts{}, err // unreachable: the counters share the slate
		}
	}
	out.Total = total.Counts()
	return out, nil
}
