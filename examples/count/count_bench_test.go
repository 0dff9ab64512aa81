package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/chae-go/chae/ballot"
)

// BenchmarkCountBallots streams a ballot file of 200,000 ballots (7 candidates, box, write-in and
// spoiled columns, ○/× marks) through the Reader into per-box Counters, as the program does.
func BenchmarkCountBallots(b *testing.B) {
	slate := ballot.Slate{Office: "Committee", Seats: 5}
	for i := range 7 {
		slate.Candidates = append(slate.Candidates, ballot.Candidate{ID: fmt.Sprintf("c%d", i+1), Name: fmt.Sprintf("Name %d", i+1)})
	}
	path := filepath.Join(b.TempDir(), "ballots.csv")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w, err := ballot.NewWriter(f, ballot.HeaderFor(slate, 1, true))
	if err != nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 1))
	bl := ballot.Ballot{Marks: make([]ballot.Mark, 7)}
	for i := range 200_000 {
		for j := range bl.Marks {
			bl.Marks[j] = ballot.Mark(rng.IntN(3))
		}
		if err := w.Write(fmt.Sprintf("box%d", i/10_000), bl); err != nil {
			b.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	f.Close()
	st, _ := os.Stat(path)
	b.SetBytes(st.Size())
	b.ReportAllocs()
	for b.Loop() {
		boxes, err := countBallots(path, slate)
		if err != nil || len(boxes) != 20 {
			b.Fatal(err, len(boxes))
		}
	}
}
