package main

import (
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

// benchSlate is a slate of 7 candidates for 5 seats.
func benchSlate() ballot.Slate {
	slate := ballot.Slate{Office: "Committee", Seats: 5}
	for i := range 7 {
		slate.Candidates = append(slate.Candidates, ballot.Candidate{ID: fmt.Sprintf("c%d", i+1), Name: fmt.Sprintf("Name %d", i+1)})
	}
	return slate
}

// writeBallots writes a ballot file of n ballots for the slate in boxes of perBox ballots (box,
// write-in and spoiled columns, ○/× marks, a write-in on one ballot in 50, a spoiled ballot in
// 100), from a fixed seed.
func writeBallots(tb testing.TB, path string, slate ballot.Slate, n, perBox int) {
	tb.Helper()
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	w, err := ballot.NewWriter(f, ballot.HeaderFor(slate, 1, true))
	if err != nil {
		tb.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 1))
	bl := ballot.Ballot{Marks: make([]ballot.Mark, len(slate.Candidates))}
	for i := range n {
		for j := range bl.Marks {
			bl.Marks[j] = ballot.Mark(rng.IntN(3))
		}
		bl.WriteIns, bl.Spoiled = nil, rng.IntN(100) == 0
		if rng.IntN(50) == 0 && !bl.Spoiled {
			bl.WriteIns = []string{fmt.Sprintf("Person %d", rng.IntN(5))}
		}
		if err := w.Write(fmt.Sprintf("box%d", i/perBox), bl); err != nil {
			tb.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
}

// countByAdd is the reference count of a ballot file: every ballot given to Counter.Add of its
// box's counter, one by one, as the program counted before it used batches.
func countByAdd(path string, s ballot.Slate) ([]count.BoxCounts, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := ballot.NewReader(f)
	r.Candidates = s.IDs()
	var order []string
	counters := map[string]*count.Counter{}
	var b ballot.Ballot
	for {
		err := r.ReadInto(&b)
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		box := r.Box()
		if box == "" {
			box = filepath.Base(path)
		}
		c := counters[box]
		if c == nil {
			if c, err = count.NewCounter(s); err != nil {
				return nil, err
			}
			counters[box] = c
			order = append(order, box)
		}
		if err := c.Add(b); err != nil {
			return nil, err
		}
	}
	out := make([]count.BoxCounts, len(order))
	for i, box := range order {
		out[i] = count.BoxCounts{Box: box, Counts: counters[box].Counts()}
	}
	return out, nil
}

// BenchmarkCountBallots counts a ballot file of 200,000 ballots (7 candidates, boxes of 10,000,
// write-ins and spoiled ballots, ○/× marks) as the program does — the reader, batches, a counter
// reset between boxes, the boxes' counts kept — and, in the same loop, as it did before: every
// ballot given to Counter.Add of its box's counter. ns/op and MB/s are the program's; x-add is
// its speed as a multiple of the old way's.
func BenchmarkCountBallots(b *testing.B) {
	slate := benchSlate()
	path := filepath.Join(b.TempDir(), "ballots.csv")
	writeBallots(b, path, slate, 200_000, 10_000)
	st, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(st.Size())
	b.ReportAllocs()
	var old time.Duration
	for b.Loop() {
		var total count.Counts
		log := newBoxLog(true, 1)
		log.source(path)
		if _, err := countBallots(path, slate, ballot.DefaultSpellings(), &total, log); err != nil || log.runs() != 20 {
			b.Fatal(err, log.runs())
		}
		log.close()
		b.StopTimer()
		t0 := time.Now()
		if boxes, err := countByAdd(path, slate); err != nil || len(boxes) != 20 {
			b.Fatal(err, len(boxes))
		}
		old += time.Since(t0)
		b.StartTimer()
	}
	b.ReportMetric(old.Seconds()/b.Elapsed().Seconds(), "x-add")
}
