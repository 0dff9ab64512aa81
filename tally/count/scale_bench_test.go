package count_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"testing"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/tally/count"
)

// The scaling benchmarks: the cost of merging boxes, of merging write-ins and of counting ballots,
// at 1e3, 1e4 and 1e5 of each. BENCHMARKS.md fits the exponent of each cost (the slope of log time
// against log size: 1 is linear). The inputs of each size are built before the loop, from a fixed
// seed. One run of each takes well under a second at 1e5 (SumBoxes, the slowest, about 0.3 s), so
// that CI's one run of each benchmark stays cheap; scaleRun can keep a slower size of 1e5 for
// CHAE_BENCH_LARGE=1.

var scaleSizes = []int{1_000, 10_000, 100_000}

// scaleRun runs f as a sub-benchmark "n=<size>" for each size, skipping the largest unless
// CHAE_BENCH_LARGE is set when large says it is slow.
func scaleRun(b *testing.B, large bool, f func(b *testing.B, n int)) {
	for _, n := range scaleSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			if large && n >= 100_000 && os.Getenv("CHAE_BENCH_LARGE") == "" {
				b.Skip("set CHAE_BENCH_LARGE=1 to run")
			}
			f(b, n)
		})
	}
}

// scaleSlate is a slate of 7 candidates for 5 seats.
var scaleSlate = bulkSlate(7)

// boxCounts returns the counts of a box of 40 ballots: the marks drawn from rng, one name written
// in every box ("Zhao Liu") and one written in this box alone.
func boxCounts(rng *rand.Rand, box int) count.Counts {
	c := count.Counts{Ballots: 40, Valid: 38, Invalid: 1, Spoiled: 1, WriteIns: []count.WriteInCount{
		{Name: "Zhao Liu", Votes: 1 + rng.IntN(3)}, {Name: fmt.Sprintf("Person %d", box), Votes: 1}}}
	for _, cand := range scaleSlate.Candidates {
		f := rng.IntN(20)
		a := rng.IntN(38 - f)
		c.Candidates = append(c.Candidates, count.CandidateCount{ID: cand.ID, For: f, Against: a, Abstain: 38 - f - a})
	}
	count.SortWriteIns(c.WriteIns)
	return c
}

// BenchmarkScaleSumBoxes sums n boxes with SumBoxes: 7 candidates each, and n + 1 distinct names
// written in.
func BenchmarkScaleSumBoxes(b *testing.B) {
	scaleRun(b, false, func(b *testing.B, n int) {
		rng := rand.New(rand.NewPCG(1, uint64(n)))
		boxes := make([]count.BoxCounts, n)
		for i := range boxes {
			boxes[i] = count.BoxCounts{Box: fmt.Sprintf("box %d", i), Counts: boxCounts(rng, i)}
		}
		b.ReportAllocs()
		for b.Loop() {
			total, err := count.SumBoxes(boxes)
			if err != nil || total.Ballots != 40*n || len(total.WriteIns) != n+1 {
				b.Fatalf("%v: %d ballots, %d names", err, total.Ballots, len(total.WriteIns))
			}
		}
	})
}

// BenchmarkScaleMergeWriteIns merges two counts of n names written in each, half of them in both.
func BenchmarkScaleMergeWriteIns(b *testing.B) {
	scaleRun(b, false, func(b *testing.B, n int) {
		mk := func(from int) count.Counts {
			c := count.Counts{Ballots: 2 * n, Valid: 2 * n}
			for _, cand := range scaleSlate.Candidates {
				c.Candidates = append(c.Candidates, count.CandidateCount{ID: cand.ID, Against: 2 * n})
			}
			for i := from; i < from+n; i++ {
				c.WriteIns = append(c.WriteIns, count.WriteInCount{Name: fmt.Sprintf("Person %07d", i), Votes: 1 + i%2})
			}
			count.SortWriteIns(c.WriteIns)
			return c
		}
		x, y := mk(0), mk(n/2)
		b.ReportAllocs()
		for b.Loop() {
			m, err := count.Merge(x, y)
			if err != nil || len(m.WriteIns) != n+n/2 {
				b.Fatalf("%v: %d names", err, len(m.WriteIns))
			}
		}
	})
}

// BenchmarkScaleCountBallots counts n ballots of 7 candidates with Count, one in ten with a name
// written in from a hundred names.
func BenchmarkScaleCountBallots(b *testing.B) {
	scaleRun(b, false, func(b *testing.B, n int) {
		rng := rand.New(rand.NewPCG(2, uint64(n)))
		bs := make([]ballot.Ballot, n)
		for i := range bs {
			bs[i].Marks = make([]ballot.Mark, 7)
			benchMarks(rng, bs[i].Marks)
			if rng.IntN(10) == 0 {
				bs[i].WriteIns = []string{fmt.Sprintf("Person %d", rng.IntN(100))}
			}
		}
		b.ReportAllocs()
		for b.Loop() {
			if _, err := count.Count(scaleSlate, bs); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkScaleCountWriteIns counts n ballots of 7 candidates, each with a name written in that
// no other ballot has: n names to count and sort.
func BenchmarkScaleCountWriteIns(b *testing.B) {
	scaleRun(b, false, func(b *testing.B, n int) {
		bs := make([]ballot.Ballot, n)
		for i := range bs {
			bs[i] = ballot.Ballot{Marks: []ballot.Mark{ballot.For, ballot.Against, 0, 0, ballot.For, 0, 0},
				WriteIns: []string{fmt.Sprintf("Person %07d", i)}}
		}
		b.ReportAllocs()
		for b.Loop() {
			c, err := count.Count(scaleSlate, bs)
			if err != nil || len(c.WriteIns) != n {
				b.Fatalf("%v: %d names", err, len(c.WriteIns))
			}
		}
	})
}
