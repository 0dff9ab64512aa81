package tally_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"github.com/chae-go/chae/internal/benchdata"
	"github.com/chae-go/chae/tally"
	"github.com/chae-go/chae/tally/count"
)

// The scaling benchmarks of deciding and of the record: their cost at 1e3, 1e4 and 1e5 names
// written in (BENCHMARKS.md fits the exponents). The record of 1e5 names (17 MB, about a second to
// write and read back) is benchmarked only with CHAE_BENCH_LARGE=1, so that CI's one run of each
// benchmark stays cheap.

// writeInElection is benchdata.WriteInElection, failing the benchmark on an error.
func writeInElection(tb testing.TB, n int) (*tally.Election, tally.Turnout, count.Counts) {
	tb.Helper()
	e, t, c, err := benchdata.WriteInElection(n)
	if err != nil {
		tb.Fatal(err)
	}
	return e, t, c
}

func scaleSizes(b *testing.B, large bool, f func(b *testing.B, n int)) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			if large && n >= 100_000 && os.Getenv("CHAE_BENCH_LARGE") == "" {
				b.Skip("set CHAE_BENCH_LARGE=1 to run")
			}
			f(b, n)
		})
	}
}

// BenchmarkScaleDecideWriteIns decides a round with n names written in.
func BenchmarkScaleDecideWriteIns(b *testing.B) {
	scaleSizes(b, false, func(b *testing.B, n int) {
		_, turnout, c := writeInElection(b, n)
		b.ReportAllocs()
		for b.Loop() {
			b.StopTimer()
			e, _, _ := writeInElection(b, 1)
			b.StartTimer()
			if _, err := e.Decide(turnout, c); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkScaleRecordWriteIns writes the record of a round with n names written in and reads it
// back (ReadRecord: decoded, encoded again, compared byte for byte, digest checked).
func BenchmarkScaleRecordWriteIns(b *testing.B) {
	scaleSizes(b, true, func(b *testing.B, n int) {
		e, turnout, c := writeInElection(b, n)
		if _, err := e.Decide(turnout, c); err != nil {
			b.Fatal(err)
		}
		res := e.Result()
		b.ReportAllocs()
		for b.Loop() {
			rec, err := json.Marshal(res)
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(rec)))
			if _, err := tally.ReadRecord(bytes.NewReader(rec)); err != nil {
				b.Fatal(err)
			}
		}
	})
}
