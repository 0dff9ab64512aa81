package ballot

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/bits"
	"slices"
	"strings"
	"unicode"
)

// The fast path. Most lines of a ballot file are plain ballots: no quote, every candidate cell one
// of the declared spellings (or empty), the box the same as the line before, no write-in, not
// spoiled. ReadMarks decodes such lines straight into rows of marks, without building a Ballot and
// without looking at a cell twice:
//
//   - the separators of eight bytes at a time are found with one word operation (SWAR: a zero-byte
//     test of the word XOR the separator in every byte), and the cells are walked from one
//     separator to the next by the position of the lowest set bit, so that no cell waits for the
//     one before it to be decoded;
//   - a cell is decoded by its first byte and its length: the first byte selects the spelling it
//     may be (a precomputed word of its bytes), and one masked comparison of an 8-byte load checks
//     it (○ and × are one comparison each, like F, A and -);
//   - a run of one-byte cells (F,A,-,...) is decoded four cells to a word;
//   - only the cells that can hold text (the box) are compared as bytes, and only with the box of
//     the line before, which the full decoder validated.
//
// Any line the fast path does not read exactly so — a quote, a spelling it does not hold, white
// space in a cell, a new box, a write-in, a spoiled ballot, a wrong number of cells, an empty row,
// a line longer than MaxRecordBytes — is left for the full decoder (ReadInto), so every error keeps
// its line and column.

// fastSlack is the room kept after a buffer's data for the fast path's 8-byte loads.
const fastSlack = 8

// fastTable is a Reader's table of the spellings its fast path reads, for its separator. It is
// immutable once built and shared by the Readers of a file's chunks.
type fastTable struct {
	lens [256]uint8  // the length of the spelling its first byte selects; noSpelling for none
	keys [256]uint64 // its bytes, first byte lowest
	mark [256]Mark
	alt  [256][]fastSpelling // the other spellings beginning with the byte
	sep  byte
	seps uint64 // the separator in every byte
	// letters: every one-byte spelling, ASCII, and its mark, for four cells to a word.
	letter [256]uint8 // mark+1 of a one-byte spelling; 0 for none
}

// fastSpelling is a spelling of 1 to 8 bytes, packed.
type fastSpelling struct {
	key uint64
	n   uint8
	m   Mark
}

const noSpelling = 0xFF

// lenMask[n] keeps the low n bytes of a word.
var lenMask = [16]uint64{0, 0xFF, 0xFFFF, 0xFFFFFF, 0xFFFFFFFF, 0xFFFFFFFFFF, 0xFFFFFFFFFFFF, 0xFFFFFFFFFFFFFF, ^uint64(0)}

// fastFor returns the fast path's table of t for the separator sep, built once per table and
// separator.
func (t *spellTable) fastFor(sep byte) *fastTable {
	i := strings.IndexByte(separators, sep)
	if ft := t.fast[i].Load(); ft != nil {
		return ft
	}
	ft := newFastTable(t, sep)
	if t.fast[i].CompareAndSwap(nil, ft) {
		return ft
	}
	return t.fast[i].Load()
}

// newFastTable builds the fast path's table from a table of spellings and a separator. The empty
// cell is selected by the byte that ends it: the separator, CR or LF. A spelling that holds white
// space, a quote, the separator or a line end is left to the full decoder, and so are the case
// variants of spellings longer than one byte.
func newFastTable(t *spellTable, sep byte) *fastTable {
	ft := &fastTable{sep: sep, seps: uint64(sep) * 0x0101010101010101}
	for b := range ft.lens {
		ft.lens[b] = noSpelling
	}
	for _, b := range []byte{sep, '\r', '\n'} {
		ft.lens[b], ft.keys[b], ft.mark[b] = 0, 0, Abstain
	}
	// The spellings in order of preference for the one word each first byte holds: declared
	// spellings first (an election that declares √ marks its papers so), then the written ones,
	// then the others, each group in byte order.
	var declared, written, other []string
	for _, f := range sortedKeys(t.marks) {
		_, isDefault := defaultTable.marks[f]
		switch {
		case !isDefault:
			declared = append(declared, f)
		case isWritten(f):
			written = append(written, f)
		default:
			other = append(other, f)
		}
	}
	for _, f := range slices.Concat(declared, written, other) {
		if f == "" || len(f) > 8 || strings.IndexByte(f, sep) >= 0 || strings.IndexByte(f, '"') >= 0 || hasSpace(f) {
			continue
		}
		variants := []string{f}
		if len(f) == 1 && f[0] >= 'a' && f[0] <= 'z' {
			variants = append(variants, strings.ToUpper(f))
		}
		for _, v := range variants {
			sp := fastSpelling{key: pack([]byte(v)), n: uint8(len(v)), m: t.marks[f]}
			b := v[0]
			if ft.lens[b] == noSpelling {
				ft.lens[b], ft.keys[b], ft.mark[b] = sp.n, sp.key, sp.m
			} else {
				ft.alt[b] = append(ft.alt[b], sp)
			}
			if len(v) == 1 {
				ft.letter[b] = uint8(sp.m) + 1
			}
		}
	}
	return ft
}

// hasSpace reports whether s holds white space (or a line end): such a spelling is left to the
// full decoder, which tells an empty row from a cell of spaces.
func hasSpace(s string) bool {
	return strings.IndexFunc(s, unicode.IsSpace) >= 0
}

// isWritten reports whether a folded spelling is one a Writer writes.
func isWritten(f string) bool {
	for _, row := range markSpellings {
		for i := range numStyles {
			if fold(row.written[i]) == f || fold(row.explicit[i]) == f {
				return true
			}
		}
	}
	return false
}

// cellMark returns the mark of the cell buf[start:start+n] (n ≤ 8, the cell's bytes followed by at
// least 8-n readable bytes), and false if the fast path does not read it.
func (ft *fastTable) cellMark(buf []byte, start, n int) (Mark, bool) {
	c := binary.LittleEndian.Uint64(buf[start:])
	b := byte(c)
	if int(ft.lens[b]) == n && c&lenMask[n&15] == ft.keys[b] {
		return ft.mark[b], true
	}
	for _, sp := range ft.alt[b] {
		if int(sp.n) == n && c&lenMask[n&15] == sp.key {
			return sp.m, true
		}
	}
	return 0, false
}

// zeroBytes returns a word with the high bit set in each byte of x that is zero, and no other bit.
func zeroBytes(x uint64) uint64 {
	const lo7 = 0x7F7F7F7F7F7F7F7F
	return ^((x&lo7 + lo7) | x | lo7)
}

// fastStatus is what the fast path made of a line.
type fastStatus uint8

const (
	fastDone fastStatus = iota // decoded: a plain ballot of the current box
	fastMore                   // the line runs past the data in the buffer
	fastNot                    // not for the fast path: the full decoder reads it
)

// layoutOf returns the fast path's view of the columns: runs of candidate columns and single
// other columns, in order.
func layoutOf(cols []column) []segment {
	var segs []segment
	for _, c := range cols {
		if c.kind == colCandidate && len(segs) > 0 && segs[len(segs)-1].kind == colCandidate {
			segs[len(segs)-1].n++
			continue
		}
		segs = append(segs, segment{kind: c.kind, n: 1})
	}
	return segs
}

// segment is a run of n columns of one kind (n > 1 only for candidates).
type segment struct {
	kind colKind
	n    int
}

// fastLine decodes the line at buf[p:] (its data ends at end; buf holds fastSlack bytes more)
// into marks if it is a plain ballot of the box box ("" for a file without a box column). It
// returns the position after the line's end.
func (r *Reader) fastLine(buf []byte, p, end int, marks []Mark) (int, fastStatus) {
	ft := r.fast
	sepw := ft.seps
	start := p                          // the current cell's first byte
	q := p                              // the word scanned for separators
	t := zeroBytes(le64(buf, q) ^ sepw) // the separators of that word not yet passed
	filled := 0                         // bytes in cells: zero for an empty row
	ci := 0
	segs := r.layout
	last := len(segs) - 1
	for si, sg := range segs {
		n := sg.n
		if si == last {
			n-- // the last cell ends at the line end, not at a separator
		}
		if sg.kind == colCandidate {
			// Four one-byte cells to a word: X,X,X,X, (the separators in the odd bytes).
			for n >= 4 && start+8 <= end {
				w := le64(buf, start)
				if (w^sepw)&0xFF00FF00FF00FF00 != 0 {
					break
				}
				l0, l1, l2, l3 := ft.letter[byte(w)], ft.letter[byte(w>>16)], ft.letter[byte(w>>32)], ft.letter[byte(w>>48)]
				if l0 == 0 || l1 == 0 || l2 == 0 || l3 == 0 {
					break
				}
				m := marks[ci : ci+4 : ci+4]
				m[0], m[1], m[2], m[3] = Mark(l0-1), Mark(l1-1), Mark(l2-1), Mark(l3-1)
				ci += 4
				n -= 4
				filled += 4
				start += 8
			}
			if q < start && n < sg.n-boolInt(si == last) {
				// The word scanned lies before the cells the four-at-a-time loop passed.
				q = start
				t = zeroBytes(le64(buf, q) ^ sepw)
			}
			for ; n > 0; n-- {
				for t == 0 {
					q += 8
					if q >= end {
						return 0, fastMore
					}
					t = zeroBytes(le64(buf, q) ^ sepw)
				}
				pos := q + bits.TrailingZeros64(t)>>3
				t &= t - 1
				if pos >= end {
					return 0, fastMore
				}
				k := pos - start
				if k > 8 {
					return 0, fastNot
				}
				c := le64(buf, start)
				b := byte(c)
				m := ft.mark[b]
				if int(ft.lens[b]) != k || c&lenMask[k&15] != ft.keys[b] {
					var ok bool
					if m, ok = ft.cellMark(buf, start, k); !ok {
						return 0, fastNot
					}
				}
				marks[ci] = m
				ci++
				filled += k
				start = pos + 1
			}
			if si < last {
				continue
			}
		} else if si < last {
			for t == 0 {
				q += 8
				if q >= end {
					return 0, fastMore
				}
				t = zeroBytes(le64(buf, q) ^ sepw)
			}
			pos := q + bits.TrailingZeros64(t)>>3
			t &= t - 1
			if pos >= end {
				return 0, fastMore
			}
			if !r.plainCell(sg.kind, buf[start:pos]) {
				return 0, fastNot
			}
			filled += pos - start
			start = pos + 1
			continue
		}
		// The last cell: up to the line end.
		e := start
		for e < end && buf[e] != '\n' && buf[e] != ft.sep {
			e++
		}
		next := e + 1
		switch {
		case e == end && !r.eof:
			return 0, fastMore
		case e == end:
			next = end // the last line of the file, without a line end
		case buf[e] != '\n':
			return 0, fastNot // more cells than columns, or a separator where none belongs
		}
		lineEnd := e
		if e > start && buf[e-1] == '\r' {
			e--
		}
		if lineEnd-p > r.maxRecord() {
			return 0, fastNot // too long: the full decoder says so
		}
		k := e - start
		if sg.kind == colCandidate {
			if k > 8 {
				return 0, fastNot
			}
			m, ok := ft.cellMark(buf, start, k)
			if !ok {
				return 0, fastNot
			}
			marks[ci] = m
		} else if !r.plainCell(sg.kind, buf[start:e]) {
			return 0, fastNot
		}
		if filled+k == 0 {
			return 0, fastNot // an empty row
		}
		return next, fastDone
	}
	return 0, fastNot // unreachable: a header has a column
}

// plainCell reports whether a cell that is no candidate's is as a plain ballot of the current box
// has it: the box of the line before (written as it was, with no quote and not blank), no
// write-in, not spoiled (an empty cell, or a spelling of "not spoiled" as the table holds it).
func (r *Reader) plainCell(kind colKind, f []byte) bool {
	switch kind {
	case colBox:
		return r.fastBox != "" && string(f) == r.fastBox
	case colWriteIn:
		return len(f) == 0
	case colSpoiled:
		if len(f) == 0 {
			return true
		}
		sp, ok := r.spell.spoiled[string(f)]
		return ok && !sp
	}
	return false
}

// boolInt returns 1 for true.
func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// le64 reads the 8 bytes at buf[i:] as a word, first byte lowest.
func le64(buf []byte, i int) uint64 { return binary.LittleEndian.Uint64(buf[i:]) }

// ReadMarks reads plain ballots — not spoiled, without write-ins, of one ballot box — into the rows
// of dst, one row of pitch marks per ballot: the ballot's marks, in slate order, at the start of
// its row; the rest of the row is left as it is. It returns the number of rows filled, and stops
// before a ballot that is not plain, or of another box, or that it does not decode on its own
// (a quote, a spelling it does not hold, white space in a cell, an empty row, a problem), and at
// the end of the file: when it returns fewer rows than dst holds, read the next ballot with
// ReadInto, which reads it (or reports its problem) as always. Box and Line describe the last
// ballot read.
//
// Reading a file with ReadMarks and ReadInto gives exactly the ballots, boxes, errors and skipped
// rows of reading it with ReadInto alone. ReadMarks returns an error only for the header, or for a
// pitch below the number of candidates (ErrMarkCount).
func (r *Reader) ReadMarks(dst []Mark, pitch int) (int, error) {
	if err := r.start(); err != nil {
		return 0, err
	}
	if pitch < r.nCand {
		return 0, fmt.Errorf("ballot: rows of %d marks for %d candidates: %w", pitch, r.nCand, ErrMarkCount)
	}
	if r.ahead.held || len(r.pend) > 0 || r.err != nil {
		return 0, nil
	}
	if r.layout == nil {
		r.layout = layoutOf(r.cols)
	}
	rows := len(dst) / max(pitch, 1)
	n := 0
	for n < rows {
		buf := r.buf[:cap(r.buf)]
		next, st := r.fastLine(buf, r.r, r.w, dst[n*pitch:n*pitch+r.nCand])
		switch st {
		case fastDone:
			r.r = next
			r.line++
			r.recLine = r.line
			n++
			continue
		case fastMore:
			if !r.eof && r.w-r.r <= r.maxRecord() {
				if err := r.fill(); err != nil {
					r.fail(err)
					return n, nil
				}
				continue
			}
		}
		break
	}
	return n, nil
}

// errChunkState: ReadChunk was called on a Reader that holds back rows it has read.
var errChunkState = errors.New("ballot: ReadChunk after reading ballots that are held back")

// Chunk is a run of whole records of a ballot file, cut by Reader.ReadChunk, that a Reader of its
// own (Chunk.Reader) decodes — on another goroutine, if need be — exactly as the file's Reader
// would decode them in their place. A Chunk refers to the buffer given to ReadChunk.
type Chunk struct {
	data  []byte // the records, UTF-8; its capacity holds fastSlack bytes more
	line  int    // the lines of the file before the chunk
	lines int    // the line ends in the chunk
	last  bool   // the chunk ends the file (or the records that can be read)
	file  *Reader
}

// Line returns the line on which the chunk begins.
func (c Chunk) Line() int { return c.line + 1 }

// Len returns the chunk's size in bytes.
func (c Chunk) Len() int { return len(c.data) }

// Last reports whether the chunk ends the file: the empty rows at its end, if no chunk follows,
// are the file's last rows.
func (c Chunk) Last() bool { return c.last }

// Reader returns a Reader of the chunk's records with the file's header, separator, spellings and
// encoding, numbering lines as in the file. Empty rows at the end of the chunk are skipped and
// reported by its Skipped, as at the end of a file: they are the file's last rows only if no later
// chunk holds a row (see ReadChunk).
func (c Chunk) Reader() *Reader {
	f := c.file
	return &Reader{
		Candidates: f.Candidates, Names: f.Names, MaxRecordBytes: f.MaxRecordBytes, Spellings: f.Spellings, Comma: f.Comma,
		buf: c.data, w: len(c.data), eof: true, started: true, decoded: f.decoded, sep: f.sep, spell: f.spell,
		short: f.short, line: c.line, cols: f.cols, header: f.header, nCand: f.nCand, fast: f.fast, layout: f.layout,
	}
}

// MinChunk returns the smallest buffer ReadChunk takes: room for the longest record and a little
// more.
func (r *Reader) MinChunk() int { return r.maxRecord() + 3 + fastSlack }

// ReadChunk reads the next run of whole records of the file into buf and returns it as a Chunk,
// for a Reader of its own to decode: the records after the header (and after any read before, by
// Read, ReadInto or ReadMarks), up to the last line end of buf that no quoted cell spans. At the
// end of the file it returns io.EOF.
//
// buf must hold at least MinChunk bytes (ErrRecordTooLong otherwise); the chunk lives in it until
// the buffer is reused. Counting the chunks of a file on several goroutines and adding up their
// results in order gives the results of reading the file with one Reader, when empty rows that end
// a chunk followed by a chunk holding any row are taken for what they are there: empty rows before
// a later row (ErrEmptyRow, at their lines). A problem in the file is reported by the Reader of
// the chunk that holds it; an error of the underlying reader, by ReadChunk.
//
// ReadChunk cannot follow a Read that returned an ErrEmptyRow error for a row before which more
// rows wait to be reported.
func (r *Reader) ReadChunk(buf []byte) (Chunk, error) {
	if err := r.start(); err != nil {
		return Chunk{}, err
	}
	if r.ahead.held || len(r.pend) > 0 {
		return Chunk{}, errChunkState
	}
	if r.err != nil {
		return Chunk{}, r.err
	}
	if r.layout == nil {
		r.layout = layoutOf(r.cols) // shared, read only, by the chunks' Readers
	}
	if len(buf) < r.MinChunk() {
		return Chunk{}, fmt.Errorf("ballot: a chunk of %d bytes for records of up to %d: %w", len(buf), r.maxRecord(), ErrRecordTooLong)
	}
	limit := len(buf) - fastSlack
	n := copy(buf[:limit], r.buf[r.r:r.w])
	r.r += n
	for n < limit && !r.eof && r.r == r.w {
		m, err := r.src.Read(buf[n:limit])
		n += m
		if err == io.EOF {
			r.eof = true
		} else if err != nil {
			return Chunk{}, r.fail(err)
		}
	}
	if n == 0 && r.eof && r.r == r.w {
		return Chunk{}, io.EOF
	}
	data := buf[:n]
	cut := n
	last := r.eof && r.r == r.w
	if !last {
		if bytes.IndexByte(data, '"') < 0 {
			cut = bytes.LastIndexByte(data, '\n') + 1
		} else {
			cut = quoteParityCut(data)
		}
		if cut == 0 {
			// No record ends in the buffer: the first is longer than any record may be. Its
			// Reader says so; nothing after it is read.
			cut, last = n, true
			r.err = io.EOF
		}
	}
	// Keep the rest, a part of a record, for the next chunk.
	if rest := data[cut:]; len(rest) > 0 {
		if r.r != r.w {
			panic("ballot: ReadChunk: unread data left behind") // unreachable: the loop stops when the buffer is full or read
		}
		if cap(r.buf)-fastSlack < len(rest) {
			r.buf = make([]byte, len(rest), len(rest)+fastSlack)
		}
		r.r, r.w = 0, copy(r.buf[:cap(r.buf)-fastSlack], rest)
	}
	c := Chunk{data: data[:cut:cut+fastSlack], line: r.line, last: last, file: r}
	c.lines = bytes.Count(c.data, []byte{'\n'})
	r.line += c.lines
	return c, nil
}

// quoteParityCut returns the end of the last line end of b outside quotes (an even number of
// quotes before it), or 0. A file whose quotes are malformed may be cut inside what its Reader
// reads as one record, but only after the malformed quote, which the Reader of the chunk holding it
// reports first.
func quoteParityCut(b []byte) int {
	cut, quoted := 0, false
	for i := 0; ; {
		j := bytes.IndexByte(b[i:], '"')
		seg := b[i:]
		if j >= 0 {
			seg = b[i : i+j]
		}
		if !quoted {
			if k := bytes.LastIndexByte(seg, '\n'); k >= 0 {
				cut = i + k + 1
			}
		}
		if j < 0 {
			return cut
		}
		quoted = !quoted
		i += j + 1
	}
}
