package ballot_test

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/chae-go/chae/ballot"
)

func ExampleReader() {
	in := `box,c1,c2,c3,write-in,spoiled
A,○,×,○,,
A,F,A,-,Zhao Liu,
B,,,,,1
`
	r := ballot.NewReader(strings.NewReader(in))
	r.Candidates = []string{"c1", "c2", "c3"}
	for b, err := range r.All() {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(r.Line(), r.Box(), b.Marks, b.WriteIns, b.Spoiled)
	}
	// Output:
	// 2 A [for against for] [] false
	// 3 A [for against abstain] [Zhao Liu] false
	// 4 B [abstain abstain abstain] [] true
}

func ExampleParseError() {
	r := ballot.NewReader(strings.NewReader("c1,c2,c3\nF,A,F\nF,✓,-\n"))
	for _, err := range r.All() {
		if err != nil {
			fmt.Println(err)
		}
	}
	// Output:
	// ballot: line 3, column 2 (c2): unknown mark "✓"
}

func ExampleWriter() {
	w, err := ballot.NewWriter(os.Stdout, ballot.Header{Box: true, Candidates: []string{"c1", "c2"}, WriteIns: 1, Spoiled: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	w.Write("A", ballot.Ballot{Marks: []ballot.Mark{ballot.For, ballot.Against}})
	w.Write("A", ballot.Ballot{Marks: []ballot.Mark{ballot.Abstain, ballot.For}, WriteIns: []string{"Zhao, Liu"}})
	w.Write("B", ballot.Ballot{Marks: make([]ballot.Mark, 2), Spoiled: true})
	if err := w.Flush(); err != nil {
		fmt.Println(err)
	}
	// Output:
	// box,c1,c2,write-in,spoiled
	// A,○,×,,
	// A,,○,"Zhao, Liu",
	// B,弃,弃,,1
}

func ExampleReader_ReadInto() {
	r := ballot.NewReader(strings.NewReader("c1,c2,c3\nF,A,\n1,1,1\n,,x\n"))
	var b ballot.Ballot // reused: no allocation per ballot
	counts := make([]int, 3)
	for {
		err := r.ReadInto(&b)
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Println(err)
			return
		}
		for i, m := range b.Marks {
			if m == ballot.For {
				counts[i]++
			}
		}
	}
	fmt.Println("For votes:", counts)
	// Output:
	// For votes: [2 1 1]
}

// A blank ballot carries an abstain mark in every candidate cell; a row with no cell filled in is
// no ballot: refused between ballots, skipped and reported at the end of the file.
func ExampleReader_Skipped() {
	in := "c1,c2,c3\n○,×,\n弃,-,弃\n,,\n×,○,○\n,,\n  \n"
	r := ballot.NewReader(strings.NewReader(in))
	for {
		b, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Println(err)
			continue // the Reader goes on after an empty row
		}
		fmt.Println("line", r.Line(), b.Marks)
	}
	s := r.Skipped()
	fmt.Printf("skipped %d empty rows, lines %d to %d\n", s.Rows, s.First, s.Last)
	// Output:
	// line 2 [for against abstain]
	// line 3 [abstain abstain abstain]
	// ballot: line 4: empty row before a later row: delete it; a blank ballot has an abstain mark (- or 弃) in every candidate column
	// line 5 [against for for]
	// skipped 2 empty rows, lines 6 to 7
}
