//go:build !amd64 || purego

package ballot

// sepBlocks gathers the separators of whole blocks of 64 bytes of b into masks, one bit a byte
// (bit i of masks[j] for b[64j+i]): the bytes equal to the separator that every byte of seps
// holds. It fills min(len(masks), len(b)/64) words. This is the portable form, eight bytes to a
// word; amd64 compares 16 bytes at a time.
func sepBlocks(b []byte, seps uint64, masks []uint64) { sepBlocksGo(b, seps, masks) }

// cellsRun decodes the cells of a.row as cellsRunGo does, which it is here.
func cellsRun(a *cellRun) { cellsRunGo(a) }
