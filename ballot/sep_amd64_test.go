//go:build amd64 && !purego

package ballot

import (
	"slices"
	"testing"
)

// TestCellsRunStaysInBuffer: a cell that starts in the last 7 bytes of the buffer (a buffer
// without the fast path's slack) stops cellsRun as a cell it does not read, with its separator
// still in m: no load reaches past the buffer.
func TestCellsRunStaysInBuffer(t *testing.T) {
	t.Parallel()
	ft := defaultTable.fastFor(',')
	buf := []byte("F,A,-,F,A,")
	var masks [winBlocks]uint64
	blocks := ft.sepWindow(append(slices.Clip(buf), make([]byte, fastSlack)...), &masks, 0, len(buf))
	a := cellRun{buf: buf, masks: masks[:blocks], row: make([]Mark, 5), ft: ft, m: masks[0]}
	cellsRun(&a)
	if a.i != 2 || a.start != 4 || a.m != masks[0]&^(1<<4-1) {
		t.Fatalf("stopped after %d cells at %d with separators %#x, want 2 cells, at 4, %#x", a.i, a.start, a.m, masks[0]&^(1<<4-1))
	}
}
