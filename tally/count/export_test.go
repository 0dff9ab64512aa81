package count

import "github.com/chae-go/chae/ballot"

// SetParallelMinShare sets the fewest ballots AddBatchParallel gives a worker, so that the tests
// can drive many workers over small batches, and returns a function restoring it.
func SetParallelMinShare(n int) (restore func()) {
	old := parallelMinShare
	parallelMinShare = n
	return func() { parallelMinShare = old }
}

// SumWords reads every word once and adds them up: the least work that reads the bytes bulk
// counting reads, the physical limit it is measured against.
func SumWords(m []uint64) uint64 {
	var s0, s1, s2, s3 uint64
	i := 0
	for ; i+4 <= len(m); i += 4 {
		s0 += m[i]
		s1 += m[i+1]
		s2 += m[i+2]
		s3 += m[i+3]
	}
	for ; i < len(m); i++ {
		s0 += m[i]
	}
	return s0 + s1 + s2 + s3
}

// SumMarks reads the marks, eight at a time where it can, and adds them up: the least work that
// reads every mark of a ballot.
func SumMarks(m []ballot.Mark) uint64 {
	var s uint64
	i := 0
	for ; i+8 <= len(m); i += 8 {
		s += load8(m[i:])
	}
	for ; i < len(m); i++ {
		s += uint64(m[i])
	}
	return s
}

// RawWords returns the batch's compact rows, shared: what bulk counting reads.
func (bt *Batch) RawWords() []uint64 { return bt.marks }
