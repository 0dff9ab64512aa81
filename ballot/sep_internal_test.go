package ballot

import (
	"bytes"
	"slices"
	"testing"

	"pgregory.net/rapid"
)

// TestSepBlocksAgree: sepBlocks (SSE2 on amd64) and sepBlocksGo both give, for every whole block
// of 64 bytes, bit i set exactly when byte i is the separator, whatever the bytes around it (a
// byte that differs from the separator in its high bit alone, 0x80|sep, must not count), and
// fill min(len(masks), len(b)/64) words, leaving the others alone.
func TestSepBlocksAgree(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		sep := rapid.SampledFrom([]byte(separators)).Draw(t, "sep")
		near := []byte{sep, sep ^ 0x80, sep ^ 1, 0, 0xFF, '\n', '"', 0xE2}
		n := rapid.IntRange(0, 700).Draw(t, "len")
		b := make([]byte, n)
		for i := range b {
			if rapid.IntRange(0, 3).Draw(t, "kind") == 0 {
				b[i] = byte(rapid.IntRange(0, 255).Draw(t, "byte"))
			} else {
				b[i] = rapid.SampledFrom(near).Draw(t, "near")
			}
		}
		off := rapid.IntRange(0, min(n, 63)).Draw(t, "offset") // unaligned starts
		words := rapid.IntRange(0, 12).Draw(t, "words")
		seps := uint64(sep) * 0x0101010101010101
		fast, slow := make([]uint64, words), make([]uint64, words)
		for i := range fast {
			fast[i], slow[i] = 0xDEAD, 0xDEAD
		}
		sepBlocks(b[off:], seps, fast)
		sepBlocksGo(b[off:], seps, slow)
		filled := min(words, (n-off)/64)
		for j := range words {
			want := uint64(0xDEAD)
			if j < filled {
				want = 0
				for i := range 64 {
					if b[off+64*j+i] == sep {
						want |= 1 << i
					}
				}
			}
			if fast[j] != want || slow[j] != want {
				t.Fatalf("block %d: sepBlocks %#x, sepBlocksGo %#x, want %#x", j, fast[j], slow[j], want)
			}
		}
	})
}

// BenchmarkSepBlocks: gathering the separators of 8 KiB, a window of the fast path, by sepBlocks
// and by the portable loop in the same run.
func BenchmarkSepBlocks(b *testing.B) {
	buf := make([]byte, winBytes)
	for i := range buf {
		buf[i] = "○,×,,弃,"[i%len("○,×,,弃,")]
	}
	masks := make([]uint64, winBlocks)
	seps := uint64(',') * 0x0101010101010101
	for _, bc := range []struct {
		name string
		f    func([]byte, uint64, []uint64)
	}{{"sepBlocks", sepBlocks}, {"portable", sepBlocksGo}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(buf)))
			b.ReportAllocs()
			for b.Loop() {
				bc.f(buf, seps, masks)
			}
		})
	}
}

// TestCellsRunAgrees: cellsRun (assembly on amd64) and cellsRunGo decode the same cells into the
// same marks and stop at the same place, in the same state, on any run of cells: the spellings
// the table reads first (○, ×, 弃, F, A, -, the empty cell), spellings it reads only on the
// slower path (√ when declared, lower case), and bytes it does not read, with the separators
// anywhere in the window's blocks, from any cell on, for rows of any length.
func TestCellsRunAgrees(t *testing.T) {
	t.Parallel()
	ext, err := DefaultSpellings().WithMark(For, "√", "是")
	if err != nil {
		t.Fatal(err)
	}
	tables := []*spellTable{defaultTable, ext.table()}
	cells := []string{"○", "×", "弃", "F", "A", "-", "", "f", "√", "是", "○○", "x", "\xE2\x97", "ABSTAIN", "\"", " ", "\r"}
	rapid.Check(t, func(t *rapid.T) {
		sep := rapid.SampledFrom([]byte(separators)).Draw(t, "sep")
		ft := rapid.SampledFrom(tables).Draw(t, "table").fastFor(sep)
		var buf []byte
		var starts []int // the cells' first bytes
		for range rapid.IntRange(0, 300).Draw(t, "cells") {
			starts = append(starts, len(buf))
			buf = append(buf, rapid.SampledFrom(cells).Draw(t, "cell")...)
			buf = append(buf, sep)
		}
		we := len(buf)
		buf = append(buf, make([]byte, fastSlack)...) // the slack every buffer of the fast path keeps
		if we == 0 {
			return
		}
		var masks [winBlocks]uint64
		blocks := ft.sepWindow(buf, &masks, 0, we)
		start := rapid.SampledFrom(starts).Draw(t, "start")
		j := start >> 6
		row := rapid.IntRange(1, 200).Draw(t, "row")
		a := cellRun{buf: buf, masks: masks[:blocks], row: make([]Mark, row), ft: ft, base: j << 6, j: j,
			m: masks[j] &^ (1<<(start&63) - 1), start: start}
		b := a
		b.row = make([]Mark, row)
		for i := range a.row {
			a.row[i], b.row[i] = 7, 7
		}
		cellsRun(&a)
		cellsRunGo(&b)
		if a.base != b.base || a.j != b.j || a.m != b.m || a.start != b.start || a.i != b.i || !slices.Equal(a.row, b.row) {
			t.Fatalf("cellsRun stopped at base %d, block %d, separators %#x, start %d, %d cells %v;\ncellsRunGo at %d, %d, %#x, %d, %d cells %v",
				a.base, a.j, a.m, a.start, a.i, a.row, b.base, b.j, b.m, b.start, b.i, b.row)
		}
		// Every cell read is the spelling's mark; the cell it stopped at is not read.
		for k := range a.i {
			c := starts[slices.Index(starts, start)+k]
			e := c + bytes.IndexByte(buf[c:], sep)
			if m, ok := ft.cellMark(buf, c, e-c); !ok || m != a.row[k] {
				t.Fatalf("cell %d (%q) read as %v, want %v (%v)", k, buf[c:e], a.row[k], m, ok)
			}
		}
	})
}
