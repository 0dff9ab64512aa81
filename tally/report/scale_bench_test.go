package report_test

import (
	"fmt"
	"io"
	"os"
	"testing"

	"github.com/chae-go/chae/internal/benchdata"
	"github.com/chae-go/chae/tally"
	"github.com/chae-go/chae/tally/report"
)

// writeInResult returns the result of benchdata.WriteInElection's round of n names written in.
func writeInResult(tb testing.TB, n int) tally.Result {
	tb.Helper()
	e, t, c, err := benchdata.WriteInElection(n)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := e.Decide(t, c); err != nil {
		tb.Fatal(err)
	}
	return e.Result()
}

// BenchmarkScaleReportWriteIns writes the tally sheet of a round with n names written in, in each
// form: its cost at 1e3, 1e4 and 1e5 names (BENCHMARKS.md fits the exponents). The sheets of 1e5
// names (0.2 to 0.9 s each, with the election decided first) are written only with
// CHAE_BENCH_LARGE=1, so that CI's one run of each benchmark stays cheap.
func BenchmarkScaleReportWriteIns(b *testing.B) {
	forms := []struct {
		name  string
		write func(io.Writer, tally.Result, report.Options) error
	}{{"text", report.Text}, {"markdown", report.Markdown}, {"html", report.HTML}}
	for _, n := range []int{1_000, 10_000, 100_000} {
		var res tally.Result
		for _, f := range forms {
			b.Run(fmt.Sprintf("%s/n=%d", f.name, n), func(b *testing.B) {
				if n >= 100_000 && os.Getenv("CHAE_BENCH_LARGE") == "" {
					b.Skip("set CHAE_BENCH_LARGE=1 to run")
				}
				if res.Decisions == nil {
					res = writeInResult(b, n)
				}
				b.ReportAllocs()
				for b.Loop() {
					if err := f.write(io.Discard, res, report.Options{Lang: report.Chinese}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
