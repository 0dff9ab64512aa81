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
// On amd64 the two hottest loops, gathering the separators (sepBlocks) and walking the candidate
// cells of a window (cellsRun), are Go assembly (sep_amd64.s); elsewhere, and with -tags purego,
// they are the Go of sepBlocksGo and cellsRunGo, which the tests compare them with.
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
	// endedMask, endedKey: the spelling each first byte selects, followed by the separator, for
	// the cells that a separator ends (see cellsBlock): one masked comparison of the 8 bytes c
	// loaded from a cell's first byte b checks the cell, c&endedMask[b] == endedKey[b], exactly
	// when the cell is that spelling of at most 7 bytes. A byte that selects no such spelling has
	// mask 0 and key 1, which no load matches. (Two arrays, not one of pairs, so that the
	// assembly of cellsRun indexes both with a scale of 8.)
	endedMask, endedKey [256]uint64
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
	for b := range ft.endedMask {
		n := int(ft.lens[b])
		if n >= 8 {
			ft.endedMask[b], ft.endedKey[b] = 0, 1 // no spelling, or one of 8 bytes (read by cands)
			continue
		}
		ft.endedMask[b], ft.endedKey[b] = lenMask[n+1], ft.keys[b]|uint64(sep)<<(8*n)
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
	fastAlt                    // a cell the first spelling of its first byte does not read
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

// simpleLayout is the layout most files have, which fastLines reads: a box column or none, the
// candidates, then write-in and spoiled columns (tail), if any.
type simpleLayout struct {
	box   bool
	cands int       // candidate cells ended by a separator: all of them if a tail follows
	tail  []colKind // the columns after the candidates, the last one excepted
	last  colKind   // the last column's kind
	cols  int
}

// simpleOf returns the simple layout of the segments, or nil if they are not so laid out.
func simpleOf(segs []segment) *simpleLayout {
	sl := &simpleLayout{}
	if len(segs) > 0 && segs[0].kind == colBox {
		sl.box = true
		segs = segs[1:]
	}
	if len(segs) == 0 || segs[0].kind != colCandidate {
		return nil
	}
	sl.cands = segs[0].n
	tail := segs[1:]
	for _, t := range tail {
		if t.kind != colWriteIn && t.kind != colSpoiled {
			return nil
		}
	}
	sl.cols = boolInt(sl.box) + sl.cands + len(tail)
	if len(tail) == 0 {
		sl.cands--
		sl.last = colCandidate
		return sl
	}
	for _, t := range tail[:len(tail)-1] {
		sl.tail = append(sl.tail, t.kind)
	}
	sl.last = tail[len(tail)-1].kind
	return sl
}

// sepIter walks the separators of a buffer 64 bytes at a time: bit i of mask stands for the byte at
// base+i, set for a separator not yet passed.
type sepIter struct {
	base int
	mask uint64
}

// sepBlock returns the separators among the bytes of buf from base on, before end and at most 64 of
// them, one bit a byte (bit i for buf[base+i]). buf holds fastSlack bytes past end.
//
//go:noinline
func (ft *fastTable) sepBlock(buf []byte, base, end int) uint64 {
	n := min(64, end-base)
	var m uint64
	for j := 0; j < n; j += 8 {
		z := zeroBytes(le64(buf, base+j)^ft.seps) >> 7 // 1 in each byte that is a separator
		m |= (z * 0x0102040810204080 >> 56) << j       // the bytes' low bits gathered into 8 bits
	}
	if n < 64 {
		m &= 1<<n - 1
	}
	return m
}

// at returns an iterator at position p: the separators from p on.
func (ft *fastTable) at(buf []byte, p, end int) sepIter {
	if p >= end {
		return sepIter{base: p}
	}
	return sepIter{base: p, mask: ft.sepBlock(buf, p, end)}
}

// cands decodes a run of candidate cells, each ended by a separator, from start into marks, and
// returns the position after the last cell's separator. It is the fast path's inner loop: the
// separators of 64 bytes are gathered into the bits of a word, and each cell, from one separator
// to the next, is checked with one masked comparison against the spelling its first byte selects
// (the others, in altMark).
func (ft *fastTable) cands(buf []byte, it *sepIter, start, end int, marks []Mark) (int, fastStatus) {
	base, m := it.base, it.mask
	for {
		i, st := 0, fastDone
		i, start, base, m, st = ft.primaryCells(buf, base, m, start, end, marks)
		switch st {
		case fastDone:
			it.base, it.mask = base, m
			return start, fastDone
		case fastAlt:
			pos := base + bits.TrailingZeros64(m)
			m &= m - 1
			mk, ok := ft.altMark(binary.LittleEndian.Uint64(buf[start:start+8]), pos-start)
			if !ok {
				return 0, fastNot
			}
			marks[i] = mk
			marks = marks[i+1:]
			start = pos + 1
		default:
			return 0, st
		}
	}
}

// primaryCells decodes the cells of marks as cands does, with the spelling each first byte selects
// first. It stops at the end of marks (fastDone), before a cell whose separator is the lowest bit
// of m that the spelling does not read (fastAlt: marks[i], from start), or at the end of the data
// (fastMore). It calls nothing, so that its loop keeps every value in a register.
func (ft *fastTable) primaryCells(buf []byte, base int, m uint64, start, end int, marks []Mark) (i, nextStart, nextBase int, nextM uint64, st fastStatus) {
	lens, keys, mark, seps := &ft.lens, &ft.keys, &ft.mark, ft.seps
	for i = 0; i < len(marks); i++ {
		for m == 0 {
			base += 64
			if base >= end {
				return i, start, base, m, fastMore
			}
			// The separators of the next 64 bytes (sepBlock, inlined by hand).
			n := min(64, end-base)
			for j := 0; j < n; j += 8 {
				z := zeroBytes(binary.LittleEndian.Uint64(buf[base+j:base+j+8])^seps) >> 7
				m |= (z * 0x0102040810204080 >> 56) << j
			}
			if n < 64 {
				m &= 1<<n - 1
			}
		}
		pos := base + bits.TrailingZeros64(m)
		k := pos - start
		c := binary.LittleEndian.Uint64(buf[start : start+8])
		b := byte(c)
		if int(lens[b]) != k || c&lenMask[k&15] != keys[b] {
			return i, start, base, m, fastAlt
		}
		marks[i] = mark[b]
		m &= m - 1
		start = pos + 1
	}
	return i, start, base, m, fastDone
}

// altMark returns the mark of a cell of k bytes, c its bytes and those after it, among the
// spellings its first byte begins that are not the one the fast path tries first.
func (ft *fastTable) altMark(c uint64, k int) (Mark, bool) {
	for _, sp := range ft.alt[byte(c)] {
		if int(sp.n) == k && c&lenMask[k&15] == sp.key {
			return sp.m, true
		}
	}
	return 0, false
}

// letters decodes one-byte cells four to a word (X,X,X,X, with the separators in the odd bytes),
// as many as it can up to len(marks) and before end, and returns how many.
func (ft *fastTable) letters(buf []byte, start, end int, marks []Mark) int {
	i := 0
	for ; i+4 <= len(marks) && start+8 <= end; i += 4 {
		w := le64(buf, start)
		if (w^ft.seps)&0xFF00FF00FF00FF00 != 0 {
			break
		}
		l0, l1, l2, l3 := ft.letter[byte(w)], ft.letter[byte(w>>16)], ft.letter[byte(w>>32)], ft.letter[byte(w>>48)]
		if l0 == 0 || l1 == 0 || l2 == 0 || l3 == 0 {
			break
		}
		m := marks[i : i+4 : i+4]
		m[0], m[1], m[2], m[3] = Mark(l0-1), Mark(l1-1), Mark(l2-1), Mark(l3-1)
		start += 8
	}
	return i
}

// The window of separators fastLines works in: the separators of up to winBytes bytes, from a
// multiple of 64, gathered first in one pass (one word for each 64 bytes) so that the loop that
// walks the cells calls nothing and keeps its values in registers.
const (
	winBytes  = 8 << 10
	winBlocks = winBytes / 64
)

// sepWindow gathers into masks the separators of buf[ws:we] (ws a multiple of 64 past the
// buffer's start, we ≤ ws+winBytes), one word for each 64 bytes; bytes at and after we count as
// none. It returns the number of words filled. The whole blocks go to sepBlocks (SSE2 on amd64),
// the last, partial one to sepBlock.
func (ft *fastTable) sepWindow(buf []byte, masks *[winBlocks]uint64, ws, we int) int {
	n := (we - ws + 63) >> 6
	whole := (we - ws) >> 6
	sepBlocks(buf[ws:ws+whole<<6], ft.seps, masks[:whole])
	if whole < n {
		masks[whole] = ft.sepBlock(buf, ws+whole<<6, we)
	}
	return n
}

// sepBlocksGo is the portable form of sepBlocks: the separators of min(len(masks), len(b)/64)
// whole blocks of 64 bytes, eight bytes to a word.
func sepBlocksGo(b []byte, seps uint64, masks []uint64) {
	n := min(len(masks), len(b)>>6)
	for j := range n {
		w := (*[64]byte)(b[j<<6 : j<<6+64])
		masks[j] = sepByte(w[0:8], seps) | sepByte(w[8:16], seps)<<8 | sepByte(w[16:24], seps)<<16 |
			sepByte(w[24:32], seps)<<24 | sepByte(w[32:40], seps)<<32 | sepByte(w[40:48], seps)<<40 |
			sepByte(w[48:56], seps)<<48 | sepByte(w[56:64], seps)<<56
	}
}

// cellsBlock decodes candidate cells, each ended by a separator, from start into row: those
// ended by the separators m of the 64 bytes at base (m holds none before start). It returns where
// it stopped (the position after the last cell read, and the separators left) and the cells it
// read: it stops when m runs out, at the end of row, or at a cell the spelling its first byte
// selects first does not read. It is the fast path's inner loop and calls nothing, so that its
// values stay in registers.
//
// A cell is checked with one masked comparison of the 8 bytes from its first byte against the
// spelling that byte selects followed by the separator (ft.endedMask, ft.endedKey): they match
// exactly when the cell is that spelling, for the separator they match is then the first from
// start on, the lowest bit of m. The cell's length is not needed, and the next cell's start comes
// from m, not from the cell, so that no cell waits for the one before it.
func (ft *fastTable) cellsBlock(buf []byte, base int, m uint64, start int, row []Mark) (int, uint64, int) {
	emask, ekey, mark := &ft.endedMask, &ft.endedKey, &ft.mark
	i := 0
	// Two cells a step while the block holds both separators.
	for ; i+2 <= len(row); i += 2 {
		m1 := m & (m - 1)
		if m1 == 0 {
			break
		}
		pos0 := base + bits.TrailingZeros64(m)
		c0 := binary.LittleEndian.Uint64(buf[start : start+8])
		c1 := binary.LittleEndian.Uint64(buf[pos0+1 : pos0+9])
		b0, b1 := byte(c0), byte(c1)
		if c0&emask[b0] != ekey[b0] || c1&emask[b1] != ekey[b1] {
			break // the cell the first spelling does not read is found one at a time, below
		}
		row[i], row[i+1] = mark[byte(c0)], mark[byte(c1)]
		start = base + bits.TrailingZeros64(m1) + 1
		m = m1 & (m1 - 1)
	}
	for ; i < len(row); i++ {
		if m == 0 {
			return start, m, i
		}
		c := binary.LittleEndian.Uint64(buf[start : start+8])
		if b := byte(c); c&emask[b] != ekey[b] {
			return start, m, i
		}
		row[i] = mark[byte(c)]
		start = base + bits.TrailingZeros64(m) + 1
		m &= m - 1
	}
	return start, m, len(row)
}

// cellRun is the state of the cell loop over the blocks of a window (cellsRun): it decodes the
// candidate cells of row, each ended by a separator, from start on, block j of masks (the
// separators of the 64 bytes at base = ws + 64j; m those not yet passed) and the blocks after it.
type cellRun struct {
	buf   []byte
	masks []uint64
	row   []Mark
	ft    *fastTable
	base  int    // the first byte of block j
	j     int    // the block of masks the loop is in
	m     uint64 // the separators of block j from start on
	start int    // the first byte of the next cell
	i     int    // the cells of row read
}

// cellsRunGo is the portable form of cellsRun: cellsBlock, block after block. It stops when row
// is full (i == len(row)); at a cell the spelling its first byte selects first does not read (m
// holds that cell's separator, so m != 0); or at the end of masks (m == 0, j the last block).
func cellsRunGo(a *cellRun) {
	for {
		var d int
		a.start, a.m, d = a.ft.cellsBlock(a.buf, a.base, a.m, a.start, a.row[a.i:])
		if a.i += d; a.i == len(a.row) || a.m != 0 || a.j+1 >= len(a.masks) {
			return
		}
		a.j++
		a.base += 64
		a.m = a.masks[a.j]
	}
}

// sepWin describes the window of separators a Reader holds in masks: buf[ws:we], gathered in
// blocks words. fill invalidates it.
type sepWin struct {
	ok             bool
	ws, we, blocks int
}

// sepByte returns the separators among 8 bytes, one bit a byte.
func sepByte(b []byte, seps uint64) uint64 {
	z := zeroBytes(binary.LittleEndian.Uint64(b)^seps) >> 7 // 1 in each byte that is a separator
	return z * 0x0102040810204080 >> 56                     // the bytes' low bits gathered into 8 bits
}

// fastLines decodes lines of the simple layout from buf[p:] (its data ends at end) into the rows
// of dst, one row of pitch marks each, as fastLine does but reading each candidate cell only with
// the spelling its first byte selects first (and one-byte cells four to a word), and only a box of
// at most 8 bytes. It stops before the first line it does not read so and returns the rows
// filled, the position after them, and why it stopped: fastNot before a line that only the full
// decoder reads (another box, a write-in, an empty row, a wrong number of cells, a line too long),
// fastMore before one that runs past the data, fastAlt before one that fastLine may read (a
// spelling other than the first of its first byte, a spoiled cell that may read "not spoiled"),
// fastDone when dst is full.
func (r *Reader) fastLines(buf []byte, p, end int, dst []Mark, pitch int) (n, next int, st fastStatus) {
	if r.simple.box && (len(r.fastBox) == 0 || len(r.fastBox) > 8) {
		return 0, p, fastAlt
	}
	if r.masks == nil {
		r.masks = new([winBlocks]uint64)
	}
	for p < end && (n+1)*pitch <= len(dst) {
		// The window holding p, gathered once for as long as the buffer holds the same data.
		ws, we, blocks := r.win.ws, r.win.we, r.win.blocks
		fresh := false
		if !r.win.ok || p < ws || p >= we || we > end {
			ws = p &^ 63
			we = min(end, ws+winBytes)
			blocks = r.fast.sepWindow(buf, r.masks, ws, we)
			r.win = sepWin{ok: true, ws: ws, we: we, blocks: blocks}
			fresh = true
		}
		var k, q int
		k, q, st = r.linesIn(buf, r.masks[:blocks], ws, we, p, dst[n*pitch:], pitch)
		n, p = n+k, q
		if st != fastMore || we == end {
			break // a line fastLine reads, or the end of the data
		}
		// The line at p runs past the window: the next window is gathered from its start (a
		// window kept from before, or one that ends in the line, would stop at it again).
		r.win.ok = false
		if k == 0 && fresh {
			break // a line longer than a window: fastLine reads it
		}
	}
	return n, p, st
}

// linesIn is fastLines within one window of separators: masks[j] holds those of the 64 bytes at
// ws+64j, up to we. It returns the rows filled, the position after them, and why it stopped, as
// fastLines does (fastMore: before a line that runs past the window).
func (r *Reader) linesIn(buf []byte, masks []uint64, ws, we, p int, dst []Mark, pitch int) (n, next int, st fastStatus) {
	sl := r.simple
	ft := r.fast
	lens, keys, mark, letter := &ft.lens, &ft.keys, &ft.mark, &ft.letter
	sep, seps := ft.sep, ft.seps
	boxLen, boxKey := len(r.fastBox), r.fastBoxKey
	maxLine := r.maxRecord()
	nCand, cands, cols := r.nCand, sl.cands, sl.cols
	j := (p - ws) >> 6
	m := masks[j] &^ (1<<((p-ws)&63) - 1)
	run := cellRun{buf: buf, masks: masks, ft: ft} // the state of the cell loop, set a line
	for n = 0; (n+1)*pitch <= len(dst); n++ {
		line := p
		start := p
		if sl.box {
			for m == 0 {
				if j++; j >= len(masks) {
					return n, line, fastMore
				}
				m = masks[j]
			}
			pos := ws + j<<6 + bits.TrailingZeros64(m)
			c := binary.LittleEndian.Uint64(buf[start : start+8])
			if pos-start != boxLen || c&lenMask[boxLen&15] != boxKey {
				return n, line, fastNot // another box
			}
			m &= m - 1
			start = pos + 1
		}
		row := dst[n*pitch : n*pitch+nCand]
		i := 0
		if cands >= 4 && letter[buf[start]] != 0 && buf[start+1] == sep {
			// One-byte cells, four to a word: X,X,X,X, with the separators in the odd bytes.
			for ; i+4 <= cands && start+8 <= we; i += 4 {
				w := binary.LittleEndian.Uint64(buf[start : start+8])
				if (w^seps)&0xFF00FF00FF00FF00 != 0 {
					break
				}
				l0, l1, l2, l3 := letter[byte(w)], letter[byte(w>>16)], letter[byte(w>>32)], letter[byte(w>>48)]
				if l0 == 0 || l1 == 0 || l2 == 0 || l3 == 0 {
					break
				}
				q := row[i : i+4 : i+4]
				q[0], q[1], q[2], q[3] = Mark(l0-1), Mark(l1-1), Mark(l2-1), Mark(l3-1)
				start += 8
			}
			if i > 0 {
				if start >= we {
					return n, line, fastMore
				}
				j = (start - ws) >> 6
				m = masks[j] &^ (1<<((start-ws)&63) - 1)
			}
		}
		if i < cands {
			run.row, run.base, run.j, run.m, run.start, run.i = row[i:cands], ws+j<<6, j, m, start, 0
			cellsRun(&run)
			if run.i < cands-i {
				if run.m != 0 {
					return n, line, fastAlt // a cell the first spelling of its first byte does not read
				}
				return n, line, fastMore
			}
			j, m, start = run.j, run.m, run.start
		}
		for _, kind := range sl.tail {
			for m == 0 {
				if j++; j >= len(masks) {
					return n, line, fastMore
				}
				m = masks[j]
			}
			if ws+j<<6+bits.TrailingZeros64(m) != start {
				return n, line, tailStop(kind) // a write-in, or a spoiled cell
			}
			m &= m - 1
			start++
		}
		// The last cell, up to the line end: an empty write-in or spoiled cell, or a candidate's.
		e := start
		for e < we && buf[e] != '\n' && buf[e] != sep {
			e++
		}
		if e == we {
			return n, line, fastMore
		}
		if buf[e] != '\n' || e-line > maxLine {
			return n, line, fastNot
		}
		p = e + 1
		if e > start && buf[e-1] == '\r' {
			e--
		}
		if sl.last == colCandidate {
			k := e - start
			c := binary.LittleEndian.Uint64(buf[start : start+8])
			b := byte(c)
			if int(lens[b]) != k || c&lenMask[k&15] != keys[b] {
				return n, line, fastAlt
			}
			row[cands] = mark[b]
		} else if e != start {
			return n, line, tailStop(sl.last)
		}
		if e-line == cols-1 {
			return n, line, fastNot // an empty row
		}
		if p >= we {
			return n + 1, p, fastMore
		}
		if jp := (p - ws) >> 6; jp != j {
			j = jp
			m = masks[j] &^ (1<<((p-ws)&63) - 1)
		}
	}
	return n, p, fastDone
}

// tailStop is why linesIn stops at a cell of a write-in or spoiled column that is not empty: only
// the full decoder reads a write-in; fastLine reads a spelling of "not spoiled".
func tailStop(kind colKind) fastStatus {
	if kind == colWriteIn {
		return fastNot
	}
	return fastAlt
}

// nextSep returns the next separator's position, or -1 if none lies before end.
func (ft *fastTable) nextSep(buf []byte, it *sepIter, end int) int {
	for it.mask == 0 {
		it.base += 64
		if it.base >= end {
			return -1
		}
		it.mask = ft.sepBlock(buf, it.base, end)
	}
	pos := it.base + bits.TrailingZeros64(it.mask)
	it.mask &= it.mask - 1
	return pos
}

// fastLine decodes the line at buf[p:] (its data ends at end; buf holds fastSlack bytes more)
// into marks if it is a plain ballot of the current box (see plainCell). it holds the separators
// from p on, and is left holding those after the line. It returns the position after the line's
// end.
func (r *Reader) fastLine(buf []byte, p, end int, it *sepIter, marks []Mark) (int, fastStatus) {
	ft := r.fast
	start := p // the current cell's first byte
	ci := 0
	segs := r.layout
	last := len(segs) - 1
	for si := range segs {
		sg := segs[si]
		n := sg.n
		if si == last {
			n-- // the last cell ends at the line end, not at a separator
		}
		switch {
		case sg.kind == colCandidate && n > 0:
			run := marks[ci : ci+n]
			if l := ft.letters(buf, start, end, run); l > 0 {
				start += 2 * l
				run = run[l:]
				if start-it.base >= 64 {
					*it = ft.at(buf, start, end)
				} else {
					it.mask &= ^uint64(0) << (start - it.base)
				}
			}
			var st fastStatus
			if start, st = ft.cands(buf, it, start, end, run); st != fastDone {
				return 0, st
			}
			ci += n
		case sg.kind != colCandidate && si < last:
			pos := ft.nextSep(buf, it, end)
			if pos < 0 {
				return 0, fastMore
			}
			if !r.plainCell(sg.kind, buf[start:pos]) {
				return 0, fastNot
			}
			start = pos + 1
		}
		if si < last {
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
			return 0, fastNot // more cells than columns
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
			m, ok := ft.cellMark(buf, start, k)
			if !ok {
				return 0, fastNot
			}
			marks[ci] = m
		} else if !r.plainCell(sg.kind, buf[start:e]) {
			return 0, fastNot
		}
		if e-p == len(r.cols)-1 {
			// Every cell is empty (a cell the fast path reads is empty or holds no white space):
			// an empty row.
			return 0, fastNot
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
	r.prepareFast()
	rows := len(dst) / max(pitch, 1)
	n := 0
	buf := r.buf[:cap(r.buf)]
	stop := fastDone // why fastLines stopped
	if r.simple != nil {
		var k, next int
		k, next, stop = r.fastLines(buf, r.r, r.w, dst, pitch)
		n += k
		r.line += k
		r.r = next
		r.recLine = r.line
	}
	it := r.fast.at(buf, r.r, r.w)
	for n < rows && stop != fastNot {
		next, st := r.fastLine(buf, r.r, r.w, &it, dst[n*pitch:n*pitch+r.nCand])
		switch st {
		case fastDone:
			r.r = next
			r.line++
			r.recLine = r.line
			n++
			if r.simple != nil && n < rows {
				var k int
				k, next, stop = r.fastLines(buf, r.r, r.w, dst[n*pitch:], pitch)
				n += k
				r.line += k
				r.r = next
				r.recLine = r.line
				it = r.fast.at(buf, r.r, r.w)
			}
			continue
		case fastMore:
			if !r.eof && r.w-r.r <= r.maxRecord() {
				if err := r.fill(); err != nil {
					r.fail(err)
					return n, nil
				}
				buf = r.buf[:cap(r.buf)]
				it = r.fast.at(buf, r.r, r.w)
				stop = fastDone
				continue
			}
		}
		break
	}
	return n, nil
}

// prepareFast derives the fast path's view of the columns, once.
func (r *Reader) prepareFast() {
	if r.layout == nil {
		r.layout = layoutOf(r.cols)
		r.simple = simpleOf(r.layout)
	}
}

// errChunkState: ReadChunk was called on a Reader that holds back rows it has read.
var errChunkState = errors.New("ballot: ReadChunk after reading ballots that are held back")

// Chunk is a run of whole records of a ballot file, cut by Reader.ReadChunk, that a Reader of its
// own (Chunk.Reader) decodes — on another goroutine, if need be — exactly as the file's Reader
// would decode them in their place. A Chunk refers to the buffer given to ReadChunk.
type Chunk struct {
	data []byte // the records, UTF-8; its capacity holds fastSlack bytes more
	line int    // the lines of the file before the chunk
	last bool   // the chunk ends the file (or the records that can be read)
	file *Reader
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
func (c Chunk) Reader() *Reader { return c.ReuseReader(nil) }

// ReuseReader returns the Reader of the chunk's records that Reader returns, made in r's place:
// whatever r was reading is dropped, and its buffers are kept for the new reading, so that a
// goroutine reading many chunks, one after another, does not allocate a Reader and its buffers for
// each. With r nil it is Reader.
func (c Chunk) ReuseReader(r *Reader) *Reader {
	f := c.file
	if r == nil {
		r = new(Reader)
	}
	*r = Reader{
		Candidates: f.Candidates, Names: f.Names, MaxRecordBytes: f.MaxRecordBytes, Spellings: f.Spellings, Comma: f.Comma,
		buf: c.data, w: len(c.data), eof: true, started: true, decoded: f.decoded, sep: f.sep, spell: f.spell,
		short: f.short, line: c.line, cols: f.cols, header: f.header, nCand: f.nCand, fast: f.fast, layout: f.layout,
		simple: f.simple,
		// Memory of r's own, which every reading fills before it reads it.
		fields: r.fields[:0], spans: r.spans[:0], scratch: r.scratch[:0], masks: r.masks,
	}
	return r
}

// MinChunk returns the size of a buffer that always holds a chunk: the longest record and a little
// more. ReadChunk takes a smaller buffer too, and reads a record it cannot hold into a larger one of
// its own.
func (r *Reader) MinChunk() int { return r.maxRecord() + 3 + fastSlack }

// ReadChunk reads the next run of whole records of the file into buf and returns it as a Chunk,
// for a Reader of its own to decode: the records after the header (and after any read before, by
// Read, ReadInto or ReadMarks), up to the last line end of buf that no quoted cell spans. At the
// end of the file it returns io.EOF.
//
// buf may be of any size. When no record ends within it (the next record is longer than buf
// holds), the chunk is read into a larger buffer of ReadChunk's own instead, of at most MinChunk
// bytes, which holds the longest record a file may have: a buffer of MinChunk bytes or more is
// always used as it is. The chunk lives in its buffer until buf is reused. Counting the chunks of
// a file on several goroutines and adding up their results in order gives the results of reading
// the file with one Reader, when empty rows that end a chunk followed by a chunk holding any row
// are taken for what they are there: empty rows before a later row (ErrEmptyRow, at their lines).
// A problem in the file is reported by the Reader of the chunk that holds it; an error of the
// underlying reader, by ReadChunk.
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
	r.prepareFast() // shared, read only, by the chunks' Readers
	for {
		c, ok, err := r.readChunk(buf)
		if ok || err != nil {
			return c, err
		}
		// No record ends within buf: try again in a buffer twice as large, up to one that holds
		// the longest record.
		buf = make([]byte, min(max(2*len(buf), 64+fastSlack), r.MinChunk()))
	}
}

// readChunk is ReadChunk in buf; false, with nothing read, if buf is smaller than MinChunk and no
// record ends within it.
func (r *Reader) readChunk(buf []byte) (Chunk, bool, error) {
	limit := len(buf) - fastSlack
	if limit <= 0 {
		return Chunk{}, false, nil
	}
	n := copy(buf[:limit], r.buf[r.r:r.w])
	r.r += n
	for n < limit && !r.eof && r.r == r.w {
		m, err := r.src.Read(buf[n:limit])
		n += m
		if err == io.EOF {
			r.eof = true
		} else if err != nil {
			return Chunk{}, true, r.fail(err)
		}
	}
	if n == 0 && r.eof && r.r == r.w {
		return Chunk{}, true, io.EOF
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
		if cut == 0 && len(buf) < r.MinChunk() {
			r.unread(data) // for a larger buffer
			return Chunk{}, false, nil
		}
		if cut == 0 {
			// No record ends in the buffer: the first is longer than any record may be. Its
			// Reader says so; nothing after it is read.
			cut, last = n, true
			r.err = io.EOF
		}
	}
	r.unread(data[cut:]) // a part of a record, for the next chunk
	c := Chunk{data: data[: cut : cut+fastSlack], line: r.line, last: last, file: r}
	r.line += bytes.Count(c.data, []byte{'\n'})
	return c, true, nil
}

// unread gives back b, the last bytes readChunk took: they are read again first. If the Reader's
// buffer still holds unread data, b was taken from it, just before it; otherwise b (which may hold
// bytes read from the source) becomes the Reader's unread data.
func (r *Reader) unread(b []byte) {
	switch {
	case len(b) == 0:
	case r.r < r.w:
		r.r -= len(b)
	default:
		r.win.ok = false // the data moves
		if cap(r.buf)-fastSlack < len(b) {
			r.buf = make([]byte, len(b), len(b)+fastSlack)
		}
		r.r, r.w = 0, copy(r.buf[:cap(r.buf)-fastSlack], b)
	}
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
