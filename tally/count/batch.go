package count

import (
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sync"

	"github.com/chae-go/chae/ballot"
)

// Batch holds returned ballots of one slate in the compact form that bulk counting reads: one byte
// per mark, eight marks to a 64-bit word (the first mark in the low byte), each ballot's marks in
// words of its own padded with abstentions, the ballots one after another. A ballot with write-ins
// or declared spoiled also keeps its full form beside the compact rows, so that converting a batch
// back to ballots gives exactly what was appended.
//
// A Batch checks each ballot as it is appended: every ballot in it is well formed, so counting a
// batch cannot fail on a ballot. It holds about Len()×Candidates() bytes.
//
// Build a batch with Append (or ReadFrom, from a ballot file) and count it with Counter.AddBatch or,
// on several goroutines, Counter.AddBatchParallel. Reset empties it for reuse, keeping its memory,
// so that a file of any size can be counted in batches of bounded size. A Batch is not safe for
// concurrent use while it is being appended to; counting only reads it.
type Batch struct {
	n      int           // marks per ballot
	stride int           // words per compact row: n/8 rounded up
	rows   int           // ballots held
	marks  []uint64      // rows × stride words; padding is Abstain
	extra  []extraBallot // by row: ballots with write-ins, and spoiled ballots
	given  int           // ballots given to Append, held or refused: for error positions
	form   ballot.Slate  // n unnamed candidates: what Classify needs to check a ballot's form
}

// extraBallot is a ballot the compact row does not describe alone. A spoiled ballot's row is all
// abstentions and is not read; a ballot with write-ins keeps its marks in its row too.
type extraBallot struct {
	row int
	b   ballot.Ballot
}

// NewBatch returns an empty batch of ballots for a slate of the given number of candidates, that
// expects up to capacity ballots. It is an error if candidates is less than one
// (ballot.ErrNoCandidates), or if capacity is negative or its marks would take more than 2³⁷ words
// (1 TiB: capacity × ⌈candidates/8⌉ > 2³⁷; ErrBatchRange).
//
// The capacity is room the batch may grow to, not memory taken at once: NewBatch reserves the
// marks of capacity ballots or 1 MiB, whichever is less, and Append grows the batch as ballots
// come, by doubling. A batch of 2³⁷ words is accepted and allocates little until it is filled.
func NewBatch(candidates, capacity int) (*Batch, error) {
	if candidates < 1 {
		return nil, fmt.Errorf("count: batch of %d candidates: %w", candidates, ballot.ErrNoCandidates)
	}
	if capacity < 0 {
		return nil, fmt.Errorf("%w: capacity %d", ErrBatchRange, capacity)
	}
	stride := candidates/8 + 1
	if candidates%8 == 0 {
		stride--
	}
	if capacity > (1<<37)/stride {
		return nil, fmt.Errorf("%w: capacity %d of %d candidates", ErrBatchRange, capacity, candidates)
	}
	form := ballot.Slate{Seats: candidates, Candidates: make([]ballot.Candidate, candidates)}
	return &Batch{n: candidates, stride: stride, marks: make([]uint64, 0, min(capacity*stride, batchReserve/8)), form: form}, nil
}

// batchReserve is the most bytes of marks NewBatch reserves before ballots are appended.
const batchReserve = 1 << 20

// Candidates returns the number of marks on each ballot of the batch.
func (bt *Batch) Candidates() int { return bt.n }

// Len returns the number of ballots in the batch.
func (bt *Batch) Len() int { return bt.rows }

// Reset empties the batch, keeping its memory. Positions in errors start again at 1.
func (bt *Batch) Reset() {
	bt.marks = bt.marks[:0]
	clear(bt.extra)
	bt.extra = bt.extra[:0]
	bt.rows = 0
	bt.given = 0
}

// Append checks a returned ballot and adds a copy of it to the batch. A malformed ballot is not
// added: Append returns a *ballot.BallotError whose Ballot field is its 1-based position among the
// ballots given to Append since the batch was made or reset, wrapping ballot.ErrMarkCount,
// ballot.ErrMarkValue or ballot.ErrEmptyWriteIn. A spoiled ballot is kept as it is, unchecked, as a
// Counter counts it. An over-vote is well formed: it is added, and classified when counted.
// Append does not allocate for a ballot without write-ins, once the batch has room.
func (bt *Batch) Append(b ballot.Ballot) error {
	bt.given++
	if !b.Spoiled {
		if err := bt.check(b); err != nil {
			return err
		}
	}
	bt.marks = slices.Grow(bt.marks, bt.stride)
	row := bt.marks[len(bt.marks) : len(bt.marks)+bt.stride]
	if b.Spoiled {
		clear(row)
	} else {
		pack(row, b.Marks)
	}
	bt.marks = bt.marks[:len(bt.marks)+bt.stride]
	if b.Spoiled || len(b.WriteIns) > 0 {
		bt.extra = append(bt.extra, extraBallot{row: bt.rows, b: b.Clone()})
	}
	bt.rows++
	return nil
}

// check reports a malformed ballot as ballot.Slate.Classify does, with its position.
func (bt *Batch) check(b ballot.Ballot) error {
	_, err := bt.form.Classify(b)
	if err == nil {
		return nil
	}
	var be *ballot.BallotError
	if errors.As(err, &be) {
		be.Ballot = bt.given
	}
	return err
}

// Ballot returns the i-th ballot of the batch (0-based) as a new value: equal to the ballot that
// was appended. It is an error (ErrBatchRange) if i is out of range.
func (bt *Batch) Ballot(i int) (ballot.Ballot, error) {
	if i < 0 || i >= bt.rows {
		return ballot.Ballot{}, fmt.Errorf("%w: ballot %d of a batch of %d", ErrBatchRange, i, bt.rows)
	}
	if k, ok := bt.findExtra(i); ok {
		return bt.extra[k].b.Clone(), nil
	}
	marks := make([]ballot.Mark, bt.n)
	for k := range marks {
		marks[k] = ballot.Mark(bt.marks[i*bt.stride+k/8] >> (8 * (k % 8)))
	}
	return ballot.Ballot{Marks: marks}, nil
}

// pack writes the marks into row, eight to a word, padding the last word with Abstain.
func pack(row []uint64, marks []ballot.Mark) {
	full := len(marks) / 8
	for j := range full {
		row[j] = load8(marks[8*j:])
	}
	if len(marks) > 8*full {
		row[full] = loadTail(marks[8*full:])
	}
}

func (bt *Batch) findExtra(row int) (int, bool) {
	return slices.BinarySearchFunc(bt.extra, row, func(e extraBallot, r int) int { return e.row - r })
}

// ReadFrom reads ballots from r into the batch until the batch holds limit ballots or the file ends,
// and returns the number read; at the end of the file the error is io.EOF (with n possibly above
// zero). A problem in the file is the Reader's *ballot.ParseError, with its line and column; the
// ballots read before it stay in the batch. Reading a file in batches of a fixed size and counting
// each (Counter.AddBatch) counts a file of any size in bounded memory. The ballot box column, if any,
// is not kept: count each box's ballots in a batch of its own to slice results per box, or use
// CountFile.
//
// Plain ballots (not spoiled, without write-ins) are read through the Reader's fast path
// (ballot.Reader.ReadMarks) straight into the batch's compact rows; the others as ReadInto reads
// them. The batch holds exactly the ballots ReadInto would read.
func (bt *Batch) ReadFrom(r *ballot.Reader, limit int) (n int, err error) {
	h, err := r.Header()
	if err != nil {
		return 0, err
	}
	if len(h.Candidates) != bt.n {
		return 0, fmt.Errorf("%w: the file names %d candidates, the batch holds ballots of %d", ErrBatchSize, len(h.Candidates), bt.n)
	}
	m := newMarkRowsCap(bt.n, max(1, min(markRowsCap, limit-bt.rows)))
	var b ballot.Ballot
	for bt.rows < limit {
		want := min(m.cap, limit-bt.rows)
		k, err := r.ReadMarks(m.rows[:want*m.pitch], m.pitch)
		if err != nil {
			return n, err
		}
		if k > 0 {
			bt.appendMarkRows(m, k)
			n += k
		}
		if k == want {
			continue
		}
		if err := r.ReadInto(&b); err != nil {
			return n, err
		}
		if err := bt.Append(b); err != nil {
			// The Reader has checked the marks; what is left is a write-in that normalises to
			// nothing (a cell of ideographic spaces, say).
			e := &ballot.ParseError{Line: r.Line(), Err: err}
			var be *ballot.BallotError
			if errors.As(err, &be) {
				e.Err, e.Text = be.Err, be.Detail
			}
			return n, e
		}
		n++
	}
	return n, nil
}

// appendMarkRows appends the first k rows of m, plain ballots read by the fast path, as compact
// rows.
func (bt *Batch) appendMarkRows(m *markRows, k int) {
	words := k * bt.stride
	bt.marks = slices.Grow(bt.marks, words)
	dst := bt.marks[len(bt.marks) : len(bt.marks)+words]
	for i := range dst {
		dst[i] = load8(m.rows[8*i:])
	}
	bt.marks = bt.marks[:len(bt.marks)+words]
	bt.rows += k
	bt.given += k
}

// AddBatch counts every ballot of the batch, exactly as Add would count them one by one and in
// order, on the calling goroutine. It is an error (ErrBatchSize) if the batch's ballots do not have
// one mark per candidate of the counter's slate; then nothing is counted. Like Add, AddBatch does
// not allocate for ballots without write-ins.
func (c *Counter) AddBatch(bt *Batch) error {
	if bt.n != c.marks.n {
		return fmt.Errorf("%w: %d marks per ballot for %d candidates", ErrBatchSize, bt.n, c.marks.n)
	}
	c.addRows(bt, 0, bt.rows)
	return nil
}

// AddBatchParallel counts every ballot of the batch as AddBatch does, on up to workers goroutines
// (workers < 1 means runtime.GOMAXPROCS(0)): each counts a contiguous share of the ballots into a
// counter of its own, and the shares are merged into c in order. The counts are the same whatever
// the number of workers. It allocates a counter per worker: O(workers × candidates).
func (c *Counter) AddBatchParallel(bt *Batch, workers int) error {
	if bt.n != c.marks.n {
		return fmt.Errorf("%w: %d marks per ballot for %d candidates", ErrBatchSize, bt.n, c.marks.n)
	}
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	// Shares of fewer than about a thousand ballots cost more to start than to count.
	workers = max(1, min(workers, bt.rows/parallelMinShare))
	if workers == 1 {
		c.addRows(bt, 0, bt.rows)
		return nil
	}
	if onShares != nil {
		onShares(workers)
	}
	parts := make([]*Counter, workers)
	var wg sync.WaitGroup
	for k := range parts {
		lo, hi := bt.rows*k/workers, bt.rows*(k+1)/workers
		parts[k] = c.fork()
		wg.Go(func() { parts[k].addRows(bt, lo, hi) })
	}
	wg.Wait()
	for _, p := range parts {
		if err := c.Merge(p); err != nil {
			return err // unreachable: the parts share c's slate
		}
	}
	return nil
}

// parallelMinShare is the fewest ballots AddBatchParallel gives a worker (a variable for the tests).
var parallelMinShare = 1024

// onShares, set only by the tests, is told the number of shares AddBatchParallel splits a batch
// into when it splits it.
var onShares func(n int)

// fork returns an empty counter of c's slate, sharing c's read-only slate and name index.
func (c *Counter) fork() *Counter {
	return &Counter{slate: c.slate, names: c.names, marks: newLanes(c.marks.n)}
}

// addRows counts the batch's ballots in rows [lo, hi). Runs of compact rows between the extra
// ballots go through the row kernel; the extra ballots through Add's own paths (they are well
// formed: Append checked them).
func (c *Counter) addRows(bt *Batch, lo, hi int) {
	k, _ := bt.findExtra(lo)
	for lo < hi {
		next := hi
		if k < len(bt.extra) && bt.extra[k].row < hi {
			next = bt.extra[k].row
		}
		if next > lo {
			c.kernel(bt.marks[lo*bt.stride:next*bt.stride], bt.stride)
			c.given += next - lo
			lo = next
		}
		if lo < hi {
			_ = c.Add(bt.extra[k].b)
			k++
			lo++
		}
	}
}

// kernel counts compact rows of stride words, each row well formed with its padding Abstain. See
// lanes.go for the method. Rows are taken in blocks that fit the lanes' room.
func (c *Counter) kernel(marks []uint64, stride int) {
	l := &c.marks
	rows := len(marks) / stride
	for r := 0; r < rows; {
		if l.room() == 0 {
			l.flush()
		}
		block := min(rows-r, l.room())
		part := marks[r*stride : (r+block)*stride]
		var valid int
		switch {
		case stride == 1:
			valid = countRows1(&l.f[0], &l.w[0], part, c.slate.Seats, laneOnes)
		case stride == 2:
			valid = countRows2(l.f[:2], l.w[:2], part, c.slate.Seats, laneOnes)
		case stride <= rowChunk:
			valid = countRows(l.f[:stride], l.w[:stride], part, c.slate.Seats, laneOnes)
		default:
			valid = countWideRows(l.f[:stride], l.w[:stride], part, c.slate.Seats)
		}
		c.valid += valid
		c.invalid += block - valid
		l.commitN(block) // counted as if every row stayed: over-votes taken back only leave more room
		r += block
	}
}

// countRows adds rows of len(f) ≤ rowChunk words to the lanes f and w, takes back the over-votes
// (rows choosing more than seats persons), and returns the number of rows that stay. It is not
// inlined, so that its loops keep every value in a register.
//
//go:noinline
func countRows(f, w, rows []uint64, seats int, ones uint64) (valid int) {
	n := len(f)
	w = w[:n]
	for len(rows) >= n {
		row := rows[:n]
		rows = rows[n:]
		var s uint64
		for j, x := range row {
			fx := x & ones
			f[j] += fx
			w[j] += x
			s += fx
		}
		if forSum(s, n) > seats {
			undoRow(f, w, row)
			continue
		}
		valid++
	}
	return valid
}

// countRows1 is countRows for rows of one word (up to 8 candidates), its lanes kept in registers.
//
//go:noinline
func countRows1(f, w *uint64, rows []uint64, seats int, ones uint64) (valid int) {
	F, W := *f, *w
	for _, x := range rows {
		fx := x & ones
		if int(fx*ones>>56) > seats { // the sum of the byte lanes, at most 8
			continue
		}
		F += fx
		W += x
		valid++
	}
	*f, *w = F, W
	return valid
}

// countRows2 is countRows for rows of two words (9 to 16 candidates), its lanes kept in registers.
//
//go:noinline
func countRows2(f, w, rows []uint64, seats int, ones uint64) (valid int) {
	f, w = f[:2], w[:2]
	F0, F1, W0, W1 := f[0], f[1], w[0], w[1]
	for i := 1; i < len(rows); i += 2 {
		x0, x1 := rows[i-1], rows[i]
		f0, f1 := x0&ones, x1&ones
		if int((f0+f1)*ones>>56) > seats { // the sum of the byte lanes, at most 16
			continue
		}
		F0 += f0
		F1 += f1
		W0 += x0
		W1 += x1
		valid++
	}
	f[0], f[1], w[0], w[1] = F0, F1, W0, W1
	return valid
}

// countWideRows is countRows for rows of more than rowChunk words (2,040 candidates), whose For
// lanes are folded a chunk at a time.
func countWideRows(f, w, rows []uint64, seats int) (valid int) {
	n := len(f)
	for r := 0; r+n <= len(rows); r += n {
		row := rows[r : r+n]
		nf := 0
		for lo := 0; lo < n; lo += rowChunk {
			hi := min(lo+rowChunk, n)
			var s uint64
			for j := lo; j < hi; j++ {
				fx := row[j] & laneOnes
				f[j] += fx
				w[j] += row[j]
				s += fx
			}
			nf += fold(s)
		}
		if nf > seats {
			undoRow(f, w, row)
			continue
		}
		valid++
	}
	return valid
}

// undoRow takes a compact row's marks back out of the lanes.
func undoRow(f, w, row []uint64) {
	w, row = w[:len(f)], row[:len(f)]
	for j := range f {
		f[j] -= row[j] & laneOnes
		w[j] -= row[j]
	}
}
