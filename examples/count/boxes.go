package main

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"sort"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/tally/count"
)

// boxLog records the ballot boxes of one round compactly, in the order they were read: one run
// for each stretch of a ballot file's rows in one box, and for each box of a hand-count summary.
// It finds a box counted in two of the round's files, and, when it keeps counts (-boxes), gives
// the counts of each box, a box's runs in one file merged.
//
// In memory a run costs its box's name and a dozen bytes; its counts, when kept, go to a
// temporary file (the spill) as variable-length integers, a few bytes a candidate, and are read
// back once, in order, to write the summary. A million boxes of short names take some 20 MB of
// memory. Nothing is kept for a round of one file without -boxes, which can hold no box twice.
type boxLog struct {
	record   bool // names are recorded: counts are kept, or the round has more than one file
	keep     bool // counts are kept
	names    []byte
	nameEnd  []uint32 // where each run's name ends in names
	spill    *os.File
	spillW   *bufio.Writer
	spillEnd []uint32 // where each run's counts end in the spill
	scratch  []byte
	sources  []logSource
	writeIns map[string]bool // every name written in, for the columns of the summary
	next     map[int32]int32 // after check: the next run of a box read in pieces
	later    []uint64        // after check: a bit for each run that is not its box's first
}

// logSource is one file of the round: its runs start at run start.
type logSource struct {
	name  string
	start int
}

// errLogFull: a round with more than 4 GiB of box names or counts.
var errLogFull = fmt.Errorf("more than %d bytes of ballot-box names or counts in one round", math.MaxUint32)

func newBoxLog(keep bool, files int) *boxLog {
	return &boxLog{record: keep || files > 1, keep: keep, writeIns: map[string]bool{}}
}

// close removes the spill.
func (l *boxLog) close() {
	if l.spill != nil {
		l.spill.Close()
		os.Remove(l.spill.Name())
		l.spill = nil
	}
}

// source starts the runs of a file.
func (l *boxLog) source(name string) {
	l.sources = append(l.sources, logSource{name: name, start: len(l.nameEnd)})
}

// add records a run of box with its counts (ignored unless counts are kept).
func (l *boxLog) add(box string, c count.Counts) error {
	if !l.record {
		return nil
	}
	l.names = append(l.names, box...)
	if len(l.names) > math.MaxUint32 {
		return errLogFull
	}
	l.nameEnd = append(l.nameEnd, uint32(len(l.names)))
	if !l.keep {
		return nil
	}
	if l.spill == nil {
		f, err := os.CreateTemp("", "count-boxes-*.tmp")
		if err != nil {
			return err
		}
		l.spill, l.spillW = f, bufio.NewWriterSize(f, 64<<10)
	}
	l.scratch = appendCounts(l.scratch[:0], c)
	end := uint64(len(l.scratch))
	if n := len(l.spillEnd); n > 0 {
		end += uint64(l.spillEnd[n-1])
	}
	if end > math.MaxUint32 {
		return errLogFull
	}
	if _, err := l.spillW.Write(l.scratch); err != nil {
		return err
	}
	l.spillEnd = append(l.spillEnd, uint32(end))
	for _, w := range c.WriteIns {
		l.writeIns[w.Name] = true
	}
	return nil
}

func (l *boxLog) runs() int { return len(l.nameEnd) }

func (l *boxLog) name(r int32) []byte {
	lo := uint32(0)
	if r > 0 {
		lo = l.nameEnd[r-1]
	}
	return l.names[lo:l.nameEnd[r]]
}

// span returns where the counts of run r lie in the spill.
func (l *boxLog) span(r int32) (off int64, n int) {
	lo := uint32(0)
	if r > 0 {
		lo = l.spillEnd[r-1]
	}
	return int64(lo), int(l.spillEnd[r] - lo)
}

// sourceOf returns the file of run r.
func (l *boxLog) sourceOf(r int32) string {
	i := sort.Search(len(l.sources), func(i int) bool { return l.sources[i].start > int(r) }) - 1
	return l.sources[i].name
}

// check finds a box in two files of the round: a *dupBoxError. Runs of one box in one file are
// one box, counted in pieces: check links them, for the counts.
func (l *boxLog) check() error {
	n := l.runs()
	l.later = make([]uint64, (n+63)/64)
	l.next = map[int32]int32{}
	if !l.record || n < 2 {
		return nil
	}
	perm := make([]int32, n)
	for i := range perm {
		perm[i] = int32(i)
	}
	slices.SortFunc(perm, func(a, b int32) int {
		if c := bytes.Compare(l.name(a), l.name(b)); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	for i := 1; i < n; i++ {
		a, b := perm[i-1], perm[i]
		if !bytes.Equal(l.name(a), l.name(b)) {
			continue
		}
		if fa, fb := l.sourceOf(a), l.sourceOf(b); fa != fb {
			return &dupBoxError{box: string(l.name(a)), first: fa, second: fb}
		}
		l.later[b/64] |= 1 << (b % 64)
		l.next[a] = b
	}
	return nil
}

// isLater reports whether run r is not its box's first.
func (l *boxLog) isLater(r int32) bool { return l.later[r/64]&(1<<(r%64)) != 0 }

// following returns the next run of r's box, or -1.
func (l *boxLog) following(r int32) int32 {
	if q, ok := l.next[r]; ok {
		return q
	}
	return -1
}

// dupBoxError: a ballot box counted in two files of a round.
type dupBoxError struct{ box, first, second string }

func (e *dupBoxError) Error() string {
	return fmt.Sprintf("ballot box %q counted twice: in %s and in %s (a file without a box column is one box, named after the file)",
		e.box, e.first, e.second)
}

// writeSummary writes the kept counts of each box, in the order the boxes were first read, as a
// count summary for the slate (see count.ReadSummary). check must have passed. The spill is read
// once in order; the later runs of a box read in pieces are read where they lie.
func (l *boxLog) writeSummary(w io.Writer, s ballot.Slate) error {
	names := make([]string, 0, len(l.writeIns))
	for n := range l.writeIns {
		names = append(names, n)
	}
	sw, err := count.NewSummaryWriter(w, s, names)
	if err != nil {
		return err
	}
	var in *bufio.Reader
	if l.spill != nil {
		if err := l.spillW.Flush(); err != nil {
			return err
		}
		in = bufio.NewReaderSize(io.NewSectionReader(l.spill, 0, math.MaxInt64), 64<<10)
	}
	var buf, piece []byte
	for r := range int32(l.runs()) {
		_, n := l.span(r)
		buf = slices.Grow(buf[:0], n)[:n]
		if _, err := io.ReadFull(in, buf); err != nil {
			return err
		}
		if l.isLater(r) {
			continue
		}
		c := decodeCounts(buf, s)
		for q := l.following(r); q >= 0; q = l.following(q) {
			off, n := l.span(q)
			piece = slices.Grow(piece[:0], n)[:n]
			if _, err := l.spill.ReadAt(piece, off); err != nil {
				return err
			}
			if c, err = count.Merge(c, decodeCounts(piece, s)); err != nil {
				return err
			}
		}
		if err := sw.Write(count.BoxCounts{Box: string(l.name(r)), Counts: c}); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// appendCounts encodes c compactly: valid, invalid and spoiled; each candidate's For and Against
// (Abstain is what is left of the valid ballots: count.Check holds every count to that); and each
// write-in's name, votes and SameAs. Every figure is a checked, non-negative count.
func appendCounts(b []byte, c count.Counts) []byte {
	b = binary.AppendUvarint(b, uint64(c.Valid))
	b = binary.AppendUvarint(b, uint64(c.Invalid))
	b = binary.AppendUvarint(b, uint64(c.Spoiled))
	for _, x := range c.Candidates {
		b = binary.AppendUvarint(b, uint64(x.For))
		b = binary.AppendUvarint(b, uint64(x.Against))
	}
	b = binary.AppendUvarint(b, uint64(len(c.WriteIns)))
	for _, w := range c.WriteIns {
		b = appendString(b, w.Name)
		b = binary.AppendUvarint(b, uint64(w.Votes))
		b = appendString(b, w.SameAs)
	}
	return b
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// decodeCounts decodes what appendCounts encoded, for the slate.
func decodeCounts(b []byte, s ballot.Slate) count.Counts {
	d := decoder{b: b}
	c := count.Counts{Valid: d.int(), Invalid: d.int(), Spoiled: d.int(), Candidates: make([]count.CandidateCount, len(s.Candidates))}
	c.Ballots = c.Valid + c.Invalid + c.Spoiled
	for i, cand := range s.Candidates {
		f, a := d.int(), d.int()
		c.Candidates[i] = count.CandidateCount{ID: cand.ID, For: f, Against: a, Abstain: c.Valid - f - a}
	}
	c.WriteIns = make([]count.WriteInCount, d.int())
	for i := range c.WriteIns {
		c.WriteIns[i] = count.WriteInCount{Name: d.string(), Votes: d.int(), SameAs: d.string()}
	}
	return c
}

// decoder reads what appendCounts wrote.
type decoder struct{ b []byte }

func (d *decoder) int() int {
	v, n := binary.Uvarint(d.b)
	d.b = d.b[n:]
	return int(v)
}

func (d *decoder) string() string {
	n := d.int()
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}
