package count_test

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/tally/count"
)

// The counting benchmarks. Each reports marks/s and sets bytes/op to the bytes it reads, and each
// (but BenchmarkLimit, the baseline of the others) times its baseline in the same loop, alternating
// with the code measured, and reports the ratio of their speeds: x-limit (bulk counting against
// reading the same bytes), x-baseline (Counter.Add against reading the same ballots' marks) or
// x-one-core (parallel counting against the same batch on one goroutine). Run them with
//
//	go test -run '^$' -bench . -count 6 ./tally/count/ | tee new.txt && benchstat new.txt
//
// BENCHMARKS.md records the figures and the machine.

// bulkSlate returns a slate of n candidates for n − n/4 seats (7 of 9, 75 of 100).
func bulkSlate(n int) ballot.Slate {
	s := ballot.Slate{Office: "bench", Seats: max(1, n-n/4)}
	for i := range n {
		s.Candidates = append(s.Candidates, ballot.Candidate{ID: fmt.Sprintf("c%d", i), Name: fmt.Sprintf("Name %d", i)})
	}
	return s
}

// benchMarks fills b's marks from rng: each candidate For with probability 1/2, Against 1/4,
// Abstain 1/4: about one ballot in fifty is an over-vote for 7 seats of 9, none for 75 of 100.
func benchMarks(rng *rand.Rand, marks []ballot.Mark) {
	for i := range marks {
		switch rng.IntN(4) {
		case 0, 1:
			marks[i] = ballot.For
		case 2:
			marks[i] = ballot.Against
		default:
			marks[i] = ballot.Abstain
		}
	}
}

var (
	batchCache   = map[[2]int]*count.Batch{}
	batchCacheMu sync.Mutex
)

// benchBatch returns a batch of nb generated ballots of n candidates, built once per process.
func benchBatch(b *testing.B, nb, n int) *count.Batch {
	batchCacheMu.Lock()
	defer batchCacheMu.Unlock()
	if bt, ok := batchCache[[2]int{nb, n}]; ok {
		return bt
	}
	bt, err := count.NewBatch(n, nb)
	if err != nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	bl := ballot.Ballot{Marks: make([]ballot.Mark, n)}
	for range nb {
		benchMarks(rng, bl.Marks)
		if err := bt.Append(bl); err != nil {
			b.Fatal(err)
		}
	}
	batchCache[[2]int{nb, n}] = bt
	return bt
}

// sideBySide runs subject once per iteration and baseline once per iteration beside it, timing the
// baseline apart (ns/op is the subject's), and reports both speeds in marks/s and their ratio.
func sideBySide(b *testing.B, marks int, unit string, subject, baseline func()) {
	b.Helper()
	var base time.Duration
	for b.Loop() {
		subject()
		b.StopTimer()
		t0 := time.Now()
		baseline()
		base += time.Since(t0)
		b.StartTimer()
	}
	n := float64(marks) * float64(b.N)
	b.ReportMetric(n/b.Elapsed().Seconds(), "marks/s")
	b.ReportMetric(n/base.Seconds(), "baseline-marks/s")
	b.ReportMetric(base.Seconds()/b.Elapsed().Seconds(), unit)
}

var sink uint64

var bulkSizes = []struct{ ballots, candidates int }{{1_000_000, 100}, {1_000_000, 9}, {200_000, 500}}

// BenchmarkLimit reads the bytes bulk counting reads, a 64-bit word at a time, and adds them up:
// the physical limit of reading the marks once on one core.
func BenchmarkLimit(b *testing.B) {
	for _, sz := range bulkSizes {
		b.Run(fmt.Sprintf("ballots=%d/candidates=%d", sz.ballots, sz.candidates), func(b *testing.B) {
			raw := benchBatch(b, sz.ballots, sz.candidates).RawWords()
			b.SetBytes(int64(8 * len(raw)))
			b.ReportAllocs()
			for b.Loop() {
				sink += count.SumWords(raw)
			}
			b.ReportMetric(float64(sz.ballots*sz.candidates)*float64(b.N)/b.Elapsed().Seconds(), "marks/s")
		})
	}
}

// BenchmarkCountBatch counts a batch on one goroutine (Counter.AddBatch), beside BenchmarkLimit's
// loop over the same bytes: x-limit is bulk counting's speed as a share of the limit's.
func BenchmarkCountBatch(b *testing.B) {
	for _, sz := range bulkSizes {
		b.Run(fmt.Sprintf("ballots=%d/candidates=%d", sz.ballots, sz.candidates), func(b *testing.B) {
			bt := benchBatch(b, sz.ballots, sz.candidates)
			raw := bt.RawWords()
			c, err := count.NewCounter(bulkSlate(sz.candidates))
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(8 * len(raw)))
			b.ReportAllocs()
			sideBySide(b, sz.ballots*sz.candidates, "x-limit",
				func() { _ = c.AddBatch(bt) },
				func() { sink += count.SumWords(raw) })
		})
	}
}

// BenchmarkCountParallel counts a batch on GOMAXPROCS goroutines (Counter.AddBatchParallel), beside
// the same batch counted on one (Counter.AddBatch): x-one-core is the speed-up.
func BenchmarkCountParallel(b *testing.B) {
	sz := bulkSizes[0]
	b.Run(fmt.Sprintf("ballots=%d/candidates=%d/workers=%d", sz.ballots, sz.candidates, runtime.GOMAXPROCS(0)), func(b *testing.B) {
		bt := benchBatch(b, sz.ballots, sz.candidates)
		par, _ := count.NewCounter(bulkSlate(sz.candidates))
		one, _ := count.NewCounter(bulkSlate(sz.candidates))
		b.SetBytes(int64(8 * len(bt.RawWords())))
		b.ReportAllocs()
		sideBySide(b, sz.ballots*sz.candidates, "x-one-core",
			func() { _ = par.AddBatchParallel(bt, 0) },
			func() { _ = one.AddBatch(bt) })
	})
}

// BenchmarkCounterAdd counts ballot.Ballot values one by one with Counter.Add, beside a loop that
// reads the same ballots' marks and adds them up (x-baseline). Allocations per op must be 0.
func BenchmarkCounterAdd(b *testing.B) {
	for _, n := range []int{9, 100, 300} {
		b.Run(fmt.Sprintf("candidates=%d", n), func(b *testing.B) {
			const nb = 100_000
			rng := rand.New(rand.NewPCG(3, 4))
			ballots := make([]ballot.Ballot, nb)
			for k := range ballots {
				ballots[k].Marks = make([]ballot.Mark, n)
				benchMarks(rng, ballots[k].Marks)
			}
			c, err := count.NewCounter(bulkSlate(n))
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(nb * n))
			b.ReportAllocs()
			sideBySide(b, nb*n, "x-baseline",
				func() {
					for _, bl := range ballots {
						if err := c.Add(bl); err != nil {
							b.Fatal(err)
						}
					}
				},
				func() {
					for _, bl := range ballots {
						sink += count.SumMarks(bl.Marks)
					}
				})
		})
	}
}
