//go:build amd64 && !purego

package ballot

// sepBlocks gathers the separators of whole blocks of 64 bytes of b into masks, one bit a byte
// (bit i of masks[j] for b[64j+i]): the bytes equal to the separator that every byte of seps
// holds. It fills min(len(masks), len(b)/64) words. SSE2, which every amd64 processor has: four
// 16-byte comparisons a block (PCMPEQB) and their high bits gathered (PMOVMSKB). sepBlocksGo is
// the portable form it must agree with (TestSepBlocksAgree).
//
//go:noescape
func sepBlocks(b []byte, seps uint64, masks []uint64)

// cellsRun decodes the cells of a.row as cellsRunGo does, and must agree with it
// (TestCellsRunAgrees): one masked comparison a cell, in registers, with no bounds check but one
// that keeps every 8-byte load inside a.buf (a cell that starts in its last 7 bytes stops the
// loop as a cell the table does not read would: the caller's slower path reads it).
//
//go:noescape
func cellsRun(a *cellRun)
