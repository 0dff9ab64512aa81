package count_test

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/tally/count"
)

// The benchmarks of counting ballot files. Each times two scan floors in the same loop, over the
// same file: reading it whole (os.ReadFile) and counting its line ends (bytes.Count), the floor
// issue 16 measured against (x-floor is a path's speed as a share of its speed); and streaming it
// through one reused buffer of 1 MiB and counting its line ends, the least any program
// that counts the file does (x-stream). x-one-core is the parallel path's speed over the same path
// on one core. Run them with
//
//	go test -run '^$' -bench 'CountFile' -count 8 ./tally/count/ | tee file.txt && benchstat file.txt
//
// The files are generated from a fixed seed into the benchmark's temporary directory, as a Writer
// writes them: a box column (boxes of 5,000 ballots), the candidates, one write-in column and a
// spoiled column; one ballot in fifty has a write-in, one in two hundred is spoiled. The small
// files (about 15 MB) keep -benchtime 1x cheap, but a count of one takes some 20 ms, of which
// reading the header and starting the workers are a part; the large ones (about 120 MB, ○/×
// marks), run only with CHAE_BENCH_LARGE=1, measure the throughput the ratios in BENCHMARKS.md
// are taken from:
//
//	CHAE_BENCH_LARGE=1 go test -run '^$' -bench 'CountFile' -count 6 ./tally/count/ | tee file.txt
//
// BENCHMARKS.md has the figures, and those of a 1 GiB file counted by examples/count.

var fileCases = []struct {
	ballots, candidates int
	style               ballot.MarkStyle
	large               bool // run only with CHAE_BENCH_LARGE=1
}{
	{50_000, 100, ballot.MarkSymbols, false},
	{500_000, 9, ballot.MarkSymbols, false},
	{50_000, 100, ballot.MarkLetters, false},
	{500_000, 9, ballot.MarkLetters, false},
	{400_000, 100, ballot.MarkSymbols, true},
	{4_000_000, 9, ballot.MarkSymbols, true},
}

// fileName names a case's sub-benchmark: its candidates, marks and ballots.
func fileName(ballots, candidates int, style ballot.MarkStyle) string {
	styles := map[ballot.MarkStyle]string{ballot.MarkSymbols: "symbols", ballot.MarkLetters: "letters"}
	return fmt.Sprintf("candidates=%d/%s/ballots=%d", candidates, styles[style], ballots)
}

// skipLarge skips a large case unless CHAE_BENCH_LARGE is set.
func skipLarge(b *testing.B, large bool) {
	if large && os.Getenv("CHAE_BENCH_LARGE") == "" {
		b.Skip("set CHAE_BENCH_LARGE=1 to run")
	}
}

// benchFile writes a generated ballot file into dir (a benchmark's temporary directory, removed
// when it ends) and returns its path and size.
func benchFile(b *testing.B, dir string, ballots, candidates int, style ballot.MarkStyle) (string, int64) {
	b.Helper()
	path := filepath.Join(dir, fmt.Sprintf("ballots-%d-%d-%d.csv", ballots, candidates, style))
	if st, err := os.Stat(path); err == nil {
		return path, st.Size()
	}
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	if err := writeBallots(f, ballots, candidates, style, 1); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	return path, st.Size()
}

// writeBallots writes a ballot file of n generated ballots for a slate of k candidates (see the
// benchmarks' comment), from the seed.
func writeBallots(w io.Writer, n, k int, style ballot.MarkStyle, seed uint64) error {
	rng := rand.New(rand.NewPCG(seed, 2))
	wr, err := ballot.NewWriter(w, ballot.HeaderFor(bulkSlate(k), 1, true))
	if err != nil {
		return err
	}
	wr.Marks = style
	bl := ballot.Ballot{Marks: make([]ballot.Mark, k)}
	for i := range n {
		benchMarks(rng, bl.Marks)
		bl.WriteIns = nil
		if rng.IntN(50) == 0 {
			bl.WriteIns = []string{"Zhao Liu"}
		}
		bl.Spoiled = rng.IntN(200) == 0
		if err := wr.Write(fmt.Sprintf("box%d", i/5000+1), bl); err != nil {
			return err
		}
	}
	return wr.Flush()
}

// readFloor reads the file whole and counts its line ends.
func readFloor(b *testing.B, path string) {
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	sinkLines += bytes.Count(data, []byte{'\n'})
}

// scanFloor reads the file into a buffer of 1 MiB and counts its line ends.
func scanFloor(b *testing.B, path string, buf []byte) {
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	lines := 0
	for {
		n, err := io.ReadFull(f, buf)
		lines += bytes.Count(buf[:n], []byte{'\n'})
		if err != nil {
			break
		}
	}
	sinkLines += lines
}

var sinkLines int

// countPath counts the file by one of the paths.
func countPath(b *testing.B, path string, s ballot.Slate, workers int) {
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var fc count.FileCounts
	if workers == 0 {
		fc, err = countReaderAdd(f, s)
	} else {
		fc, err = count.CountFile(f, s, count.FileOptions{Workers: workers})
	}
	if err != nil || fc.Total.Ballots == 0 {
		b.Fatal(fc.Total.Ballots, err)
	}
}

// countReaderAdd is the path before the fast one: a ballot.Reader and a Counter per box, ballot by
// ballot with Counter.Add.
func countReaderAdd(r io.Reader, s ballot.Slate) (count.FileCounts, error) {
	br := ballot.NewReader(r)
	br.Candidates = s.IDs()
	counters := map[string]*count.Counter{}
	var order []string
	var b ballot.Ballot
	for {
		err := br.ReadInto(&b)
		if err == io.EOF {
			break
		}
		if err != nil {
			return count.FileCounts{}, err
		}
		c := counters[br.Box()]
		if c == nil {
			c, _ = count.NewCounter(s)
			counters[br.Box()] = c
			order = append(order, br.Box())
		}
		if err := c.Add(b); err != nil {
			return count.FileCounts{}, err
		}
	}
	total, _ := count.NewCounter(s)
	for _, box := range order {
		total.Merge(counters[box])
	}
	return count.FileCounts{Total: total.Counts()}, nil
}

// besideFloor runs subject once per iteration and the scan floors beside it, timing the floors
// apart (ns/op is the subject's), and reports the ratios of their speeds.
func besideFloor(b *testing.B, path string, size int64, subject func()) {
	b.Helper()
	b.SetBytes(size)
	b.ReportAllocs()
	buf := make([]byte, 1<<20)
	var floor, stream time.Duration
	for b.Loop() {
		subject()
		b.StopTimer()
		t0 := time.Now()
		readFloor(b, path)
		t1 := time.Now()
		scanFloor(b, path, buf)
		floor += t1.Sub(t0)
		stream += time.Since(t1)
		b.StartTimer()
	}
	b.ReportMetric(floor.Seconds()/b.Elapsed().Seconds(), "x-floor")
	b.ReportMetric(stream.Seconds()/b.Elapsed().Seconds(), "x-stream")
}

// BenchmarkCountFile counts generated files by three paths beside the scan floor: the Reader and
// Counter.Add ballot by ballot (reader-add, the path before the fast one; small files only),
// CountFile on one goroutine (fast/workers=1) and on two (fast/workers=2).
func BenchmarkCountFile(b *testing.B) {
	dir := b.TempDir()
	for _, fc := range fileCases {
		name := fileName(fc.ballots, fc.candidates, fc.style)
		s := bulkSlate(fc.candidates)
		for _, p := range []struct {
			name    string
			workers int
		}{{"reader-add", 0}, {"fast/workers=1", 1}, {"fast/workers=2", 2}} {
			if fc.large && p.workers == 0 {
				continue
			}
			b.Run(name+"/"+p.name, func(b *testing.B) {
				skipLarge(b, fc.large)
				path, size := benchFile(b, dir, fc.ballots, fc.candidates, fc.style)
				besideFloor(b, path, size, func() { countPath(b, path, s, p.workers) })
			})
		}
	}
}

// BenchmarkCountFileParallel counts a generated file on two goroutines beside the same file counted
// on one, in the same loop: x-one-core is the speed-up.
func BenchmarkCountFileParallel(b *testing.B) {
	dir := b.TempDir()
	for _, fc := range fileCases {
		if fc.style != ballot.MarkSymbols {
			continue
		}
		b.Run(fileName(fc.ballots, fc.candidates, fc.style), func(b *testing.B) {
			skipLarge(b, fc.large)
			path, size := benchFile(b, dir, fc.ballots, fc.candidates, fc.style)
			s := bulkSlate(fc.candidates)
			b.SetBytes(size)
			b.ReportAllocs()
			var one time.Duration
			for b.Loop() {
				countPath(b, path, s, 2)
				b.StopTimer()
				t0 := time.Now()
				countPath(b, path, s, 1)
				one += time.Since(t0)
				b.StartTimer()
			}
			b.ReportMetric(one.Seconds()/b.Elapsed().Seconds(), "x-one-core")
		})
	}
}

// BenchmarkCountFileRunsAfterWriteIns counts, on two workers, a box of 20,000 valid ballots each
// with a name no other has written in, then 100,000 boxes of one valid ballot with a name written
// in: a run of many names, then many runs of one. ns/run is the cost of a run. A merger that kept
// one map of a run's write-ins from run to run and cleared it paid, for each later run, the most
// that map ever held (clearing a map costs its largest size): some 60 µs a run, 6 s a count,
// instead of about 2 µs. The merger makes a map for each run that has write-ins.
func BenchmarkCountFileRunsAfterWriteIns(b *testing.B) {
	s := ballot.Slate{Office: "x", Seats: 1, Candidates: []ballot.Candidate{{ID: "c1", Name: "a"}, {ID: "c2", Name: "b"}}}
	var file bytes.Buffer
	file.WriteString("box,c1,c2,write-in\n")
	for i := range 20_000 {
		fmt.Fprintf(&file, "A,×,×,W%d\n", i)
	}
	const runs = 100_000
	for i := range runs {
		fmt.Fprintf(&file, "B%d,×,×,W\n", i)
	}
	b.SetBytes(int64(file.Len()))
	b.ReportAllocs()
	for b.Loop() {
		fc, err := count.CountFile(bytes.NewReader(file.Bytes()), s, count.FileOptions{Workers: 2,
			Runs: func(*count.Run) error { return nil }})
		if err != nil || fc.Total.Valid != 20_000+runs || len(fc.Total.WriteIns) != 20_001 {
			b.Fatal(fc.Total.Valid, len(fc.Total.WriteIns), err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/(runs+1), "ns/run")
}
