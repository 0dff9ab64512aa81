package count

import (
	"encoding/binary"
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
// is zero: small enough for a chunk and its rows of marks to stay in a core's cache while it is
// counted, and for the cores to finish a file together.
const DefaultChunkBytes = 256 << 10

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
	// ChunkBytes is the size of the chunks; zero means DefaultChunkBytes. A chunk is made larger,
	// for itself alone, when the record that begins it does not fit (up to MaxRecordBytes and a
	// few bytes more: see ballot.Reader.ReadChunk). Reading on several goroutines holds two chunks
	// a worker (the one it counts and the next, read ahead), and the compact results of at most
	// 3 × Workers + 1 chunks read and not yet merged.
	ChunkBytes int
	// Runs, if not nil, is given each run of consecutive ballots of one box, in file order (a box
	// whose ballots stand in several runs is given once for each run; merge their counts to count
	// the box), and an error it returns stops the count. CountFile then keeps no box's counts
	// itself (FileCounts.Boxes is nil), and its memory does not grow with the number of boxes. A
	// file without a box column is one run, of FileOptions.Box, even when it holds no ballot.
	// Runs is called by one goroutine at a time, not necessarily the caller's.
	Runs func(*Run) error
}

// Run is a run of consecutive ballots of one box in a ballot file, as CountFile gives it to
// FileOptions.Runs. It is valid during the call only.
type Run struct {
	// Box is the run's ballot box.
	Box string
	// Ballots is the number of ballots in the run.
	Ballots int
	sums    *fileSums
}

// Counts returns the counts of the run's ballots, as a new value.
func (r *Run) Counts() Counts { return r.sums.countsOf(r.sums.pendFigs, r.sums.pendWI) }

// FileCounts is the count of one ballot file.
type FileCounts struct {
	// Boxes holds the count of each ballot box, in the order in which the boxes first appear in
	// the file (nil when FileOptions.Runs is given). A file without a box column is one box, named
	// FileOptions.Box, even when it holds no ballot (a box returned empty); a file with a box
	// column and no ballot has no box. Each box is kept in a few words a candidate.
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
	f := fileCount{proto: proto, hasBox: h.Box, box: opts.Box, runs: opts.Runs}
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
	return f.parallel(br, workers, size)
}

// fileCount is the state of counting one file.
type fileCount struct {
	proto  *Counter // an empty counter of the slate
	hasBox bool     // the file has a box column
	box    string   // the box of a file without one
	runs   func(*Run) error
}

// boxOf returns the box of the ballot r read last.
func (f *fileCount) boxOf(r *ballot.Reader) string {
	if f.hasBox {
		return r.Box()
	}
	return f.box
}

// sums returns the sums a count of the file adds its runs into.
func (f *fileCount) sums() *fileSums {
	s := &fileSums{proto: f.proto, n: f.proto.marks.n, runs: f.runs, index: map[string]int{}}
	s.total = make([]int, s.stride())
	if !f.hasBox {
		s.add(f.box, make([]int, s.stride()), nil) // the file's one box, even with no ballot
	}
	return s
}

// serial counts the rest of the file read by r on the calling goroutine.
func (f *fileCount) serial(r *ballot.Reader) (FileCounts, error) {
	sums := f.sums()
	rc := newRunCounter(f.proto, sums.add)
	if _, err := f.count(r, rc, newMarkRows(f.proto.marks.n)); err != nil {
		return FileCounts{}, err
	}
	if err := rc.close(); err != nil {
		return FileCounts{}, err
	}
	return sums.counts(r.Skipped())
}

// count counts the ballots r reads, run by run, until the end or the first error, and reports
// whether it read any row (a ballot or a problem).
func (f *fileCount) count(r *ballot.Reader, rc *runCounter, m *markRows) (rows bool, err error) {
	var b ballot.Ballot
	for {
		n, err := r.ReadMarks(m.rows, m.pitch)
		if err != nil {
			return true, err
		}
		if n > 0 {
			c, err := rc.counter(f.boxOf(r))
			if err != nil {
				return true, err
			}
			c.addMarkRows(m, n)
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
		c, err := rc.counter(f.boxOf(r))
		if err != nil {
			return true, err
		}
		if err := c.Add(b); err != nil {
			return true, err // unreachable: the Reader reads well-formed ballots
		}
	}
}

// runCounter counts one run of ballots of one box at a time, and gives each run's sums to end
// when the box changes.
type runCounter struct {
	c    *Counter
	box  string
	open bool
	figs []int
	end  func(box string, figs []int, writeIns map[string]int) error
}

func newRunCounter(proto *Counter, end func(string, []int, map[string]int) error) *runCounter {
	return &runCounter{c: proto.fork(), end: end, figs: make([]int, figStride(proto.marks.n))}
}

// counter returns the counter of the box's run, ending the run before it if it is another box's.
func (rc *runCounter) counter(box string) (*Counter, error) {
	if rc.open && box == rc.box {
		return rc.c, nil
	}
	if err := rc.close(); err != nil {
		return nil, err
	}
	rc.box, rc.open = box, true
	return rc.c, nil
}

// close ends the run being counted, if any.
func (rc *runCounter) close() error {
	if !rc.open {
		return nil
	}
	rc.open = false
	c := rc.c
	figs := rc.figs
	figs[0], figs[1], figs[2] = c.valid, c.invalid, c.spoiled
	for i := range c.marks.n {
		figs[3+2*i], figs[4+2*i] = c.marks.forCount(i), c.marks.againstCount(i)
	}
	err := rc.end(rc.box, figs, c.writeIn)
	c.clear()
	return err
}

// clear empties the counter, keeping its memory.
func (c *Counter) clear() {
	c.given, c.valid, c.invalid, c.spoiled = 0, 0, 0, 0
	l := &c.marks
	clear(l.f)
	clear(l.w)
	clear(l.f16)
	clear(l.w16)
	clear(l.forN)
	clear(l.againN)
	l.pending, l.flushes = 0, 0
	c.writeIn = nil
}

// figStride is the length of a run's figures for n candidates: valid, invalid, spoiled, then For
// and Against of each candidate.
func figStride(n int) int { return 3 + 2*n }

// chunkRuns holds the runs of one chunk, compactly: their boxes' names one after another, and
// their figures one after another as variable-length integers (a few bytes a run of a small box),
// and their write-ins.
type chunkRuns struct {
	stride   int
	names    []byte
	ends     []uint32 // where each run's box name ends in names
	figs     []byte
	writeIns []runWriteIn
}

type runWriteIn struct {
	run   int
	name  string
	votes int
}

func (cr *chunkRuns) add(box string, figs []int, writeIns map[string]int) error {
	cr.names = append(cr.names, box...)
	cr.ends = append(cr.ends, uint32(len(cr.names)))
	for _, v := range figs {
		cr.figs = binary.AppendUvarint(cr.figs, uint64(v))
	}
	for name, v := range writeIns {
		cr.writeIns = append(cr.writeIns, runWriteIn{run: len(cr.ends) - 1, name: name, votes: v})
	}
	return nil
}

// name returns the box of run k.
func (cr *chunkRuns) name(k int) []byte {
	lo := uint32(0)
	if k > 0 {
		lo = cr.ends[k-1]
	}
	return cr.names[lo:cr.ends[k]]
}

// fileSums adds up the runs of a file, in file order: the total, and each box's sums (kept in
// figStride words and its write-ins) or, with runs, each run given as it ends.
type fileSums struct {
	proto    *Counter
	n        int
	total    []int
	totalWI  map[string]int
	order    []string
	index    map[string]int // box → its place in order
	figs     []int          // the boxes' figures, one after another
	boxWI    map[int]map[string]int
	runs     func(*Run) error
	pending  string // with runs: the box of the run not yet given
	open     bool
	pendFigs []int
	pendWI   map[string]int
	run      Run
}

func (s *fileSums) stride() int { return figStride(s.n) }

// addName is add for a box given as bytes: a string is made of it only for a new box or run.
func (s *fileSums) addName(box []byte, figs []int, writeIns map[string]int) error {
	if s.runs != nil && s.open && string(box) == s.pending {
		return s.add(s.pending, figs, writeIns)
	}
	if k, ok := s.index[string(box)]; ok && s.runs == nil {
		return s.add(s.order[k], figs, writeIns)
	}
	return s.add(string(box), figs, writeIns)
}

// add adds a run's figures and write-ins (neither kept).
func (s *fileSums) add(box string, figs []int, writeIns map[string]int) error {
	for i, v := range figs {
		s.total[i] += v
	}
	addWriteIns(&s.totalWI, writeIns)
	if s.runs != nil {
		if s.open && box == s.pending {
			for i, v := range figs {
				s.pendFigs[i] += v
			}
			addWriteIns(&s.pendWI, writeIns)
			return nil
		}
		if err := s.flush(); err != nil {
			return err
		}
		s.pending, s.open = box, true
		s.pendFigs = append(s.pendFigs[:0], figs...)
		s.pendWI = nil
		addWriteIns(&s.pendWI, writeIns)
		return nil
	}
	k, ok := s.index[box]
	if !ok {
		k = len(s.order)
		s.index[box] = k
		s.order = append(s.order, box)
		s.figs = append(s.figs, make([]int, s.stride())...)
	}
	row := s.figs[k*s.stride() : (k+1)*s.stride()]
	for i, v := range figs {
		row[i] += v
	}
	if len(writeIns) > 0 {
		if s.boxWI == nil {
			s.boxWI = map[int]map[string]int{}
		}
		m := s.boxWI[k]
		addWriteIns(&m, writeIns)
		s.boxWI[k] = m
	}
	return nil
}

// flush gives the pending run to runs.
func (s *fileSums) flush() error {
	if !s.open {
		return nil
	}
	s.open = false
	f := s.pendFigs
	s.run = Run{Box: s.pending, Ballots: f[0] + f[1] + f[2], sums: s}
	return s.runs(&s.run)
}

func addWriteIns(dst *map[string]int, src map[string]int) {
	if len(src) == 0 {
		return
	}
	if *dst == nil {
		*dst = make(map[string]int, len(src))
	}
	for name, v := range src {
		(*dst)[name] += v
	}
}

// countsOf returns figures and write-ins as a Counts value of the slate.
func (s *fileSums) countsOf(figs []int, writeIns map[string]int) Counts {
	valid := figs[0]
	out := Counts{Ballots: figs[0] + figs[1] + figs[2], Valid: valid, Invalid: figs[1], Spoiled: figs[2],
		Candidates: make([]CandidateCount, s.n), WriteIns: make([]WriteInCount, 0, len(writeIns))}
	for i := range out.Candidates {
		f, a := figs[3+2*i], figs[4+2*i]
		out.Candidates[i] = CandidateCount{ID: s.proto.slate.Candidates[i].ID, For: f, Against: a, Abstain: valid - f - a}
	}
	for name, v := range writeIns {
		out.WriteIns = append(out.WriteIns, WriteInCount{Name: name, Votes: v, SameAs: s.proto.names[name]})
	}
	SortWriteIns(out.WriteIns)
	return out
}

// counts returns the count of the file.
func (s *fileSums) counts(skipped ballot.SkippedRows) (FileCounts, error) {
	if err := s.flush(); err != nil {
		return FileCounts{}, err
	}
	out := FileCounts{Total: s.countsOf(s.total, s.totalWI), Skipped: skipped}
	out.Total.SkippedRows = skipped.Rows
	if s.runs == nil {
		out.Boxes = make([]BoxCounts, len(s.order))
		for k, box := range s.order {
			out.Boxes[k] = BoxCounts{Box: box, Counts: s.countsOf(s.figs[k*s.stride():(k+1)*s.stride()], s.boxWI[k])}
		}
	}
	return out, nil
}

// chunkResult is what counting one chunk gave.
type chunkResult struct {
	seq     int
	runs    *chunkRuns
	rows    bool               // the chunk holds a row that is not empty
	skipped ballot.SkippedRows // the empty rows that end the chunk
	err     error              // the first problem in the chunk, or the underlying reader's error (end)
	end     bool               // no chunk follows
}

// parallel counts the rest of the file read by r on workers goroutines, the calling goroutine
// one of them. Each worker reads the next chunk itself, into a buffer of its own (one at a time,
// under a lock: the file is read in order), counts it from its cache, and merges it: the results
// are merged in file order, under a second lock, by the worker that completes the next one to
// merge, so that no goroutine waits to be scheduled only to merge. A worker reads the chunk after
// the one it counts ahead when that needs no wait (see work), so that it seldom waits to be woken
// when it has counted one. At most window chunks are read and not yet merged, so that the results
// waiting for an earlier chunk stay few.
func (f *fileCount) parallel(r *ballot.Reader, workers, size int) (FileCounts, error) {
	window := 3*workers + 1
	cc := &chunkCount{f: f, r: r, size: size, window: window, slots: make(chan struct{}, window),
		free: make(chan *chunkRuns, window+workers), held: make([]chunkResult, window), has: make([]bool, window),
		merged: merger{sums: f.sums()}}
	cc.stop.Store(math.MaxInt64)
	var wg sync.WaitGroup
	for range workers - 1 {
		wg.Go(cc.work)
	}
	cc.work()
	wg.Wait()
	if cc.merged.err != nil {
		return FileCounts{}, cc.merged.err
	}
	return cc.merged.sums.counts(cc.merged.tail)
}

// chunkCount is the state the workers of a parallel count share.
type chunkCount struct {
	f      *fileCount
	r      *ballot.Reader
	size   int             // the bytes of a chunk's buffer
	window int             // the most chunks read and not yet merged
	slots  chan struct{}   // a slot for each chunk read and not yet merged
	free   chan *chunkRuns // the runs of results merged, for other chunks
	stop   atomic.Int64    // the chunk after which nothing matters: the first holding a problem

	rmu  sync.Mutex // held while a chunk is read
	seq  int        // the next chunk's number
	done bool       // the file is read, or need not be

	mmu    sync.Mutex // held while results are merged
	held   []chunkResult
	has    []bool
	want   int // the next chunk to merge
	merged merger
}

// put merges res, and the results held after it that follow in file order.
func (cc *chunkCount) put(res chunkResult) {
	cc.mmu.Lock()
	defer cc.mmu.Unlock()
	w := cc.window
	cc.held[res.seq%w], cc.has[res.seq%w] = res, true
	for cc.has[cc.want%w] {
		res := cc.held[cc.want%w]
		cc.held[cc.want%w], cc.has[cc.want%w] = chunkResult{}, false
		cc.want++
		if !cc.merged.done {
			cc.merged.add(res)
			if cc.merged.done {
				lowerTo(&cc.stop, int64(res.seq))
			}
		}
		if res.runs != nil {
			cc.freeRuns(res.runs)
		}
		<-cc.slots
	}
}

// fetched is what asking for the next chunk gave.
type fetched uint8

const (
	fetchedChunk fetched = iota // a chunk, read
	fetchedNone                 // none now: asked not to wait, and the reading or every slot was taken
	fetchedEnd                  // none: no chunk is left to count
)

// next reads the next chunk into buf. With wait, it waits for the lock and for a slot; without, it
// gives up (fetchedNone) if either is taken.
func (cc *chunkCount) next(buf []byte, wait bool) (ballot.Chunk, int, fetched) {
	if wait {
		cc.rmu.Lock()
	} else if !cc.rmu.TryLock() {
		return ballot.Chunk{}, 0, fetchedNone
	}
	defer cc.rmu.Unlock()
	if cc.done {
		return ballot.Chunk{}, 0, fetchedEnd
	}
	if wait {
		cc.slots <- struct{}{}
	} else {
		select {
		case cc.slots <- struct{}{}:
		default:
			return ballot.Chunk{}, 0, fetchedNone
		}
	}
	k := cc.seq
	cc.seq++
	if int64(k) > cc.stop.Load() {
		cc.done = true
		cc.put(chunkResult{seq: k, end: true})
		return ballot.Chunk{}, 0, fetchedEnd
	}
	c, err := cc.r.ReadChunk(buf)
	if err != nil {
		if err == io.EOF {
			err = nil
		}
		cc.done = true
		cc.put(chunkResult{seq: k, end: true, err: err})
		return ballot.Chunk{}, 0, fetchedEnd
	}
	return c, k, fetchedChunk
}

// work is a worker: it reads, counts and merges chunks until none is left. Before it counts a
// chunk it reads the next one ahead, into its second buffer, if it can without waiting (the
// other workers are not reading, and a slot is free): a worker that has counted a chunk seldom
// waits for the others to read. What it counts with — the buffers, the Reader, the counter, the
// rows of marks — is its own, kept from one chunk to the next.
func (cc *chunkCount) work() {
	bufs := [2][]byte{getChunk(cc.size), getChunk(cc.size)}
	defer putChunk(bufs[0])
	defer putChunk(bufs[1])
	w := worker{cc: cc, rows: newMarkRows(cc.f.proto.marks.n), rc: newRunCounter(cc.f.proto, nil)}
	c, k, st := cc.next(bufs[0], true)
	for st == fetchedChunk {
		ahead, ka, sa := cc.next(bufs[1], false)
		w.count(c, k)
		switch sa {
		case fetchedChunk:
			c, k = ahead, ka
			bufs[0], bufs[1] = bufs[1], bufs[0]
		case fetchedNone:
			c, k, st = cc.next(bufs[0], true)
		case fetchedEnd:
			return
		}
	}
}

// worker is what a worker counts chunks with.
type worker struct {
	cc   *chunkCount
	rows *markRows
	rc   *runCounter
	r    *ballot.Reader
}

// count counts chunk k and merges its result.
func (w *worker) count(c ballot.Chunk, k int) {
	cc := w.cc
	res := chunkResult{seq: k}
	if int64(k) <= cc.stop.Load() {
		res.runs = cc.newRuns()
		w.rc.end = res.runs.add
		w.r = c.ReuseReader(w.r)
		res.rows, res.err = cc.f.count(w.r, w.rc, w.rows)
		w.rc.close()
		res.skipped = w.r.Skipped()
		if res.err != nil {
			lowerTo(&cc.stop, int64(k))
		}
	}
	cc.put(res)
}

// newRuns returns empty runs for a chunk's results: runs merged before, if any are free.
func (cc *chunkCount) newRuns() *chunkRuns {
	select {
	case cr := <-cc.free:
		return cr
	default:
		return &chunkRuns{stride: figStride(cc.f.proto.marks.n)}
	}
}

// freeRuns gives back the runs of a result merged, emptied, for another chunk.
func (cc *chunkCount) freeRuns(cr *chunkRuns) {
	cr.names, cr.ends, cr.figs = cr.names[:0], cr.ends[:0], cr.figs[:0]
	clear(cr.writeIns)
	cr.writeIns = cr.writeIns[:0]
	select {
	case cc.free <- cr:
	default:
	}
}

// chunkPool keeps the buffers of chunks of DefaultChunkBytes between counts, so that counting many
// small files does not allocate and clear a buffer for each.
var chunkPool = sync.Pool{New: func() any { return new([DefaultChunkBytes]byte) }}

func getChunk(size int) []byte {
	if size == DefaultChunkBytes {
		return chunkPool.Get().(*[DefaultChunkBytes]byte)[:]
	}
	return make([]byte, size)
}

func putChunk(b []byte) {
	if len(b) == DefaultChunkBytes {
		chunkPool.Put((*[DefaultChunkBytes]byte)(b))
	}
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
	sums *fileSums
	tail ballot.SkippedRows // the empty rows that end the chunks merged so far
	err  error
	done bool
	figs []int // a run's figures, decoded
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
	cr := res.runs
	wi := 0
	if len(m.figs) != cr.stride {
		m.figs = make([]int, cr.stride)
	}
	figs := m.figs
	enc := cr.figs
	for k := range cr.ends {
		var writeIns map[string]int
		for ; wi < len(cr.writeIns) && cr.writeIns[wi].run == k; wi++ {
			if writeIns == nil {
				writeIns = map[string]int{}
			}
			writeIns[cr.writeIns[wi].name] += cr.writeIns[wi].votes
		}
		for i := range figs {
			v, n := binary.Uvarint(enc)
			figs[i], enc = int(v), enc[n:]
		}
		if err := m.sums.addName(cr.name(k), figs, writeIns); err != nil {
			m.err, m.done = err, true
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
