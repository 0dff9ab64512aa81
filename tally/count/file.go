package count

import (
	"io"
	"math"
	"runtime"
	"sync"
	"sync/atomic"

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

// DefaultChunkBytes is the size of the chunks CountFile cuts a file into when FileOptions.ChunkBytes
// is zero.
const DefaultChunkBytes = 1 << 20

// FileOptions configure CountFile. The zero value reads a ballot file with the default spellings
// and a detected separator, on every core.
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
	// Workers is the number of goroutines that decode and count the file, cut into chunks of
	// whole records; zero means runtime.GOMAXPROCS(0). With one, the file is read and counted on
	// the calling goroutine, in one buffer of at most MaxRecordBytes.
	Workers int
	// ChunkBytes is the size of the chunks; zero means DefaultChunkBytes. It is raised to hold the
	// longest record if need be. Reading on several goroutines holds about Workers + 1 chunks.
	ChunkBytes int
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
// and counts it box by box, in memory that does not grow with the file: the plain ballots through
// the Reader's fast path (ballot.Reader.ReadMarks) and the counting kernel of Counter.AddBatch, on
// Workers goroutines, each counting whole chunks of the file into counters of its own, merged in
// file order. The counts are exactly those of reading the file with a ballot.Reader and counting
// each box's ballots with Counter.Add, whatever the number of workers.
//
// The slate must validate (its error is returned as NewCounter returns it) and the header must
// name its candidates in slate order. The first problem in the file, in file order, is returned as
// the Reader reports it — a *ballot.ParseError with its line and column — whatever the scheduling;
// then no counts are returned.
func CountFile(r io.Reader, s ballot.Slate, opts FileOptions) (FileCounts, error) {
	proto, err := NewCounter(s)
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
	f := fileCount{proto: proto, hasBox: h.Box, box: opts.Box}
	workers := opts.Workers
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	if workers == 1 {
		return f.serial(br)
	}
	size := opts.ChunkBytes
	if size <= 0 {
		size = DefaultChunkBytes
	}
	return f.parallel(br, workers, max(size, br.MinChunk()))
}

// fileCount is the state of counting one file.
type fileCount struct {
	proto  *Counter // an empty counter of the slate
	hasBox bool     // the file has a box column
	box    string   // the box of a file without one
}

// boxOf returns the box of the ballot r read last.
func (f *fileCount) boxOf(r *ballot.Reader) string {
	if f.hasBox {
		return r.Box()
	}
	return f.box
}

// serial counts the rest of the file read by r on the calling goroutine.
func (f *fileCount) serial(r *ballot.Reader) (FileCounts, error) {
	boxes := newBoxCounters(f.proto)
	if !f.hasBox {
		boxes.get(f.box)
	}
	if _, err := f.count(r, boxes, newMarkRows(f.proto.marks.n)); err != nil {
		return FileCounts{}, err
	}
	return boxes.counts(r.Skipped())
}

// count counts the ballots r reads into boxes, until the end or the first error, and reports
// whether it read any row (a ballot or a problem).
func (f *fileCount) count(r *ballot.Reader, boxes *boxCounters, m *markRows) (rows bool, err error) {
	var b ballot.Ballot
	for {
		n, err := r.ReadMarks(m.rows, m.pitch)
		if err != nil {
			return true, err
		}
		if n > 0 {
			boxes.get(f.boxOf(r)).addMarkRows(m, n)
			rows = true
		}
		if n == m.cap {
			continue
		}
		err = r.ReadInto(&b)
		if err == io.EOF {
			return rows, nil
		}
		if err != nil {
			return true, err
		}
		rows = true
		if err := boxes.get(f.boxOf(r)).Add(b); err != nil {
			return true, err // unreachable: the Reader reads well-formed ballots
		}
	}
}

// chunkResult is what counting one chunk gave.
type chunkResult struct {
	seq     int
	boxes   *boxCounters
	rows    bool               // the chunk holds a row that is not empty
	skipped ballot.SkippedRows // the empty rows that end the chunk
	err     error              // the first problem in the chunk, or the end of the file (end)
	end     bool               // no chunk follows: err is nil or the underlying reader's error
	buf     []byte
}

// parallel counts the rest of the file read by r on workers goroutines: the calling goroutine
// merges, one goroutine cuts the file into chunks, the workers count them.
func (f *fileCount) parallel(r *ballot.Reader, workers, size int) (FileCounts, error) {
	type job struct {
		seq int
		c   ballot.Chunk
		buf []byte
	}
	jobs := make(chan job)
	results := make(chan chunkResult, workers)
	free := make(chan []byte, workers+1)
	for range workers + 1 {
		free <- make([]byte, size)
	}
	var stop atomic.Int64 // the chunk after which nothing matters: the first holding a problem
	stop.Store(math.MaxInt64)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			m := newMarkRows(f.proto.marks.n)
			for j := range jobs {
				res := chunkResult{seq: j.seq, buf: j.buf}
				if int64(j.seq) <= stop.Load() {
					res.boxes = newBoxCounters(f.proto)
					cr := j.c.Reader()
					res.rows, res.err = f.count(cr, res.boxes, m)
					res.skipped = cr.Skipped()
					if res.err != nil {
						lowerTo(&stop, int64(j.seq))
					}
				}
				results <- res
			}
		})
	}
	wg.Go(func() { // the cutter
		defer close(jobs)
		for seq := 0; ; seq++ {
			buf := <-free
			if int64(seq) > stop.Load() {
				results <- chunkResult{seq: seq, end: true, buf: buf}
				return
			}
			c, err := r.ReadChunk(buf)
			if err != nil {
				if err == io.EOF {
					err = nil
				}
				results <- chunkResult{seq: seq, end: true, err: err, buf: buf}
				return
			}
			jobs <- job{seq: seq, c: c, buf: buf}
		}
	})
	go func() {
		wg.Wait()
		close(results)
	}()

	m := merger{total: newBoxCounters(f.proto)}
	if !f.hasBox {
		m.total.get(f.box)
	}
	held := make(map[int]chunkResult)
	next := 0
	for res := range results {
		held[res.seq] = res
		for {
			res, ok := held[next]
			if !ok {
				break
			}
			delete(held, next)
			next++
			if !m.done {
				m.add(res)
				if m.done {
					lowerTo(&stop, int64(res.seq))
				}
			}
			free <- res.buf
		}
	}
	if m.err != nil {
		return FileCounts{}, m.err
	}
	return m.total.counts(m.tail)
}

// lowerTo lowers v to x if x is lower.
func lowerTo(v *atomic.Int64, x int64) {
	for {
		old := v.Load()
		if x >= old || v.CompareAndSwap(old, x) {
			return
		}
	}
}

// merger adds up the results of a file's chunks, in file order.
type merger struct {
	total *boxCounters
	tail  ballot.SkippedRows // the empty rows that end the chunks merged so far
	err   error
	done  bool
}

// add merges the next chunk's result.
func (m *merger) add(res chunkResult) {
	if m.tail.Rows > 0 && (res.rows || res.err != nil) {
		// Empty rows before a later row (or before a failure to read on): refused at the first.
		m.err, m.done = &ballot.ParseError{Line: m.tail.First, Err: ballot.ErrEmptyRow}, true
		return
	}
	if res.err != nil {
		m.err, m.done = res.err, true
		return
	}
	if res.end {
		m.done = true
		return
	}
	for _, box := range res.boxes.order {
		if err := m.total.get(box).Merge(res.boxes.counters[box]); err != nil {
			m.err, m.done = err, true // unreachable: the counters share the slate
			return
		}
	}
	// The empty rows that end the chunk end the chunks so far; those that ended the chunks before
	// are refused above if the chunk holds a row, and go on here if it does not.
	switch s := res.skipped; {
	case s.Rows == 0:
	case m.tail.Rows == 0:
		m.tail = s
	default:
		m.tail.Rows += s.Rows
		m.tail.Last = s.Last
	}
}

// markRows is the room for rows of marks that the fast path fills and the kernel counts.
type markRows struct {
	rows   []ballot.Mark // cap rows of pitch marks, the marks past a ballot's left Abstain
	words  []uint64      // the same rows packed into words
	pitch  int           // marks per row: the words of a row, eight marks each
	stride int           // words per row
	cap    int           // rows
}

// markRowsCap is the number of rows of marks counted at a time.
const markRowsCap = 256

func newMarkRows(candidates int) *markRows { return newMarkRowsCap(candidates, markRowsCap) }

func newMarkRowsCap(candidates, rows int) *markRows {
	stride := (candidates + 7) / 8
	return &markRows{
		rows:  make([]ballot.Mark, rows*stride*8),
		words: make([]uint64, rows*stride),
		pitch: stride * 8, stride: stride, cap: rows,
	}
}

// addMarkRows counts the first n rows of m: plain ballots, well formed, as AddBatch counts compact
// rows.
func (c *Counter) addMarkRows(m *markRows, n int) {
	words := m.words[:n*m.stride]
	rows := m.rows[:len(words)*8]
	for i := range words {
		words[i] = load8(rows[8*i:])
	}
	c.kernel(words, m.stride)
	c.given += n
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
