package count_test

import (
	"fmt"
	"strings"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/tally/count"
)

func ExampleCountFile() {
	slate := ballot.Slate{Office: "Branch committee", Seats: 2, Candidates: []ballot.Candidate{
		{ID: "c1", Name: "Li Wei"}, {ID: "c2", Name: "Wang Fang"}, {ID: "c3", Name: "Zhang Min"},
	}}
	file := `box,c1,c2,c3,write-in,spoiled
Hall,○,×,○,,
Mobile,○,○,○,,
Hall,弃,弃,弃,,
Hall,×,○,,Zhao Liu,
,,,,,
,,,,,
`
	fc, err := count.CountFile(strings.NewReader(file), slate, count.FileOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, b := range fc.Boxes {
		fmt.Printf("%s: %d ballots, %d valid, %d invalid; c1 %d for\n", b.Box, b.Counts.Ballots, b.Counts.Valid, b.Counts.Invalid, b.Counts.Candidates[0].For)
	}
	fmt.Printf("total: %d ballots; %d empty rows skipped (lines %d to %d)\n", fc.Total.Ballots, fc.Skipped.Rows, fc.Skipped.First, fc.Skipped.Last)
	// Output:
	// Hall: 3 ballots, 3 valid, 0 invalid; c1 1 for
	// Mobile: 1 ballots, 0 valid, 1 invalid; c1 0 for
	// total: 4 ballots; 2 empty rows skipped (lines 6 to 7)
}
