// Command bigfile writes the large ballot file BENCHMARKS.md counts with the count tool, and the
// definition to count it with: the sample election of examples/count (7 candidates, 5 seats) with
// round 1's turnout set to the ballots written.
//
//	go run ./internal/benchdata/bigfile -out /tmp/big.csv -def /tmp/election-big.json
//	go build -o /tmp/count ./examples/count
//	/usr/bin/time -v /tmp/count -out /tmp/sheet.txt /tmp/election-big.json /tmp/big.csv
//
// The file: boxes B0001, B0002, ... of 32,000 ballots each (1,207 boxes, 38,624,000 ballots and
// 1,123,600,131 bytes by default). A candidate's cell is ○ two times in five, and otherwise × two
// times in three, or else empty; one ballot in a hundred is blank, 弃 in every cell; a name is
// written in on one in five hundred, 废 in the spoiled column on one in a thousand. The generator
// is seeded: the same flags write the same bytes. The count ends with exit status 3 (a next round
// is needed), as the sample's first round does.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
)

func main() {
	out := flag.String("out", "big.csv", "the ballot file to write")
	def := flag.String("def", "election-big.json", "the definition to write")
	sample := flag.String("sample", "examples/count/testdata/election.json", "the sample definition it is made from")
	boxes := flag.Int("boxes", 1207, "ballot boxes")
	perBox := flag.Int("ballots", 32000, "ballots a box")
	flag.Parse()
	n, err := writeBallots(*out, *boxes, *perBox)
	if err == nil {
		err = writeDefinition(*sample, *def, n)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "bigfile:", err)
		os.Exit(1)
	}
	fmt.Printf("%d ballots in %s, counted with %s\n", n, *out, *def)
}

// writeBallots writes boxes × perBox ballots to path and returns how many.
func writeBallots(path string, boxes, perBox int) (int, error) {
	f, err := os.Create(path)
	if err != nil {
		return 0, err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	w.WriteString("box,c1,c2,c3,c4,c5,c6,c7,write-in,spoiled\n")
	r := rand.New(rand.NewPCG(1, 2))
	n := 0
	for b := 1; b <= boxes; b++ {
		box := fmt.Sprintf("B%04d", b)
		for range perBox {
			w.WriteString(box)
			blank := r.IntN(100) == 0
			for range 7 {
				switch {
				case blank:
					w.WriteString(",弃")
				case r.IntN(5) < 2:
					w.WriteString(",○")
				case r.IntN(3) < 2:
					w.WriteString(",×")
				default:
					w.WriteString(",")
				}
			}
			switch {
			case r.IntN(500) == 0:
				w.WriteString(",王小明,\n")
			case r.IntN(1000) == 0:
				w.WriteString(",,废\n")
			default:
				w.WriteString(",,\n")
			}
			n++
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return 0, err
	}
	return n, f.Close()
}

// writeDefinition writes the sample definition with round 1's turnout set to n ballots.
func writeDefinition(sample, path string, n int) error {
	data, err := os.ReadFile(sample)
	if err != nil {
		return err
	}
	var d map[string]any
	if err := json.Unmarshal(data, &d); err != nil {
		return fmt.Errorf("%s: %w", sample, err)
	}
	turnout, ok := d["turnout"].([]any)
	if !ok || len(turnout) == 0 {
		return fmt.Errorf("%s: no turnout for round 1", sample)
	}
	turnout[0] = map[string]int{"entitled": n, "present": n, "issued": n, "returned": n}
	out, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(out, '\n'), 0o644)
}
