package report_test

import (
	"fmt"
	"io"
	"os"
	"testing"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/tally"
	"github.com/chae-go/chae/tally/count"
	"github.com/chae-go/chae/tally/report"
)

// writeInResult returns the result of a committee election of 2 seats among 3 candidates whose
// one round has n names written in (1 or 2 votes each, none elected).
func writeInResult(tb testing.TB, n int) tally.Result {
	tb.Helper()
	s := ballot.Slate{Office: "Branch committee", Seats: 2, Candidates: []ballot.Candidate{
		{ID: "c1", Name: "Li Wei"}, {ID: "c2", Name: "Wang Fang"}, {ID: "c3", Name: "Zhang Min"}}}
	r := tally.CPCGrassrootsCommittee()
	r.WriteIns = true
	e, err := tally.NewElection(s, r)
	if err != nil {
		tb.Fatal(err)
	}
	c := count.Counts{Ballots: n, Valid: n, Candidates: []count.CandidateCount{
		{ID: "c1", For: n / 2, Against: n - n/2}, {ID: "c2", Against: n}, {ID: "c3", Abstain: n}}}
	for i := range n {
		c.WriteIns = append(c.WriteIns, count.WriteInCount{Name: fmt.Sprintf("Person %07d", i), Votes: 1 + i%2})
	}
	count.SortWriteIns(c.WriteIns)
	if _, err := e.Decide(tally.Turnout{Entitled: n, Present: n, Issued: n}, c); err != nil {
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
