package ballot_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"math/rand/v2"
	"testing"

	"github.com/chae-go/chae/ballot"
)

// ballotFile builds a ballot file of n ballots for k candidates with a box column, a write-in
// column and a spoiled column, from a fixed seed. style 0 writes ○/×, 1 writes F/A/-.
func ballotFile(n, k int, style ballot.MarkStyle) []byte {
	rng := rand.New(rand.NewPCG(1, 2))
	h := ballot.Header{Box: true, WriteIns: 1, Spoiled: true}
	for i := range k {
		h.Candidates = append(h.Candidates, fmt.Sprintf("c%d", i+1))
	}
	var buf bytes.Buffer
	w, _ := ballot.NewWriter(&buf, h)
	w.Marks = style
	b := ballot.Ballot{Marks: make([]ballot.Mark, k)}
	for i := range n {
		for j := range b.Marks {
			b.Marks[j] = ballot.Mark(rng.IntN(3))
		}
		b.WriteIns = nil
		if rng.IntN(50) == 0 {
			b.WriteIns = []string{"Zhao Liu"}
		}
		b.Spoiled = rng.IntN(200) == 0
		if err := w.Write(fmt.Sprintf("box%d", i/5000+1), b); err != nil {
			panic(err)
		}
	}
	if err := w.Flush(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// BenchmarkRead reads the same ballot file with this package's Reader (ReadInto, one reused
// Ballot), with its fast path (ReadMarks, and ReadInto where it stops) and with encoding/csv
// (ReuseRecord), in the same run; compare their MB/s.
func BenchmarkRead(b *testing.B) {
	for _, k := range []int{9, 100} {
		for _, style := range []struct {
			name string
			s    ballot.MarkStyle
		}{{"symbols", ballot.MarkSymbols}, {"letters", ballot.MarkLetters}} {
			data := ballotFile(20000, k, style.s)
			b.Run(fmt.Sprintf("ballot/k=%d/%s", k, style.name), func(b *testing.B) {
				b.SetBytes(int64(len(data)))
				b.ReportAllocs()
				for b.Loop() {
					r := ballot.NewReader(bytes.NewReader(data))
					var bl ballot.Ballot
					for {
						err := r.ReadInto(&bl)
						if err == io.EOF {
							break
						}
						if err != nil {
							b.Fatal(err)
						}
					}
				}
			})
			b.Run(fmt.Sprintf("ballot-marks/k=%d/%s", k, style.name), func(b *testing.B) {
				b.SetBytes(int64(len(data)))
				b.ReportAllocs()
				pitch := (k + 7) / 8 * 8
				dst := make([]ballot.Mark, 256*pitch)
				for b.Loop() {
					r := ballot.NewReader(bytes.NewReader(data))
					var bl ballot.Ballot
					for {
						if n, err := r.ReadMarks(dst, pitch); err != nil {
							b.Fatal(err)
						} else if n == 256 {
							continue
						}
						err := r.ReadInto(&bl)
						if err == io.EOF {
							break
						}
						if err != nil {
							b.Fatal(err)
						}
					}
				}
			})
			b.Run(fmt.Sprintf("encoding-csv/k=%d/%s", k, style.name), func(b *testing.B) {
				b.SetBytes(int64(len(data)))
				b.ReportAllocs()
				for b.Loop() {
					r := csv.NewReader(bytes.NewReader(data))
					r.ReuseRecord = true
					for {
						_, err := r.Read()
						if err == io.EOF {
							break
						}
						if err != nil {
							b.Fatal(err)
						}
					}
				}
			})
		}
	}
}
