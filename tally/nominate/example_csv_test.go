package nominate_test

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/chae-go/chae/tally/nominate"
)

// A recommendation file counted per branch: the meeting's box and a mobile box merge, a ballot
// naming four persons where three are allowed is invalid, a spoiled ballot is read but not its
// names, and a probationary member's ballot is counted apart.
func ExampleReadSheets() {
	tree, _ := nominate.NewTree([]nominate.Org{
		{ID: "unit", Kind: nominate.ElectionUnit},
		{ID: "b01", Parent: "unit", Members: 5, Probationary: 1},
		{ID: "b02", Parent: "unit", Members: 3},
	})
	reg := nominate.NewRegistry()
	file := `org,box,probationary,spoiled,names
b01,hall,,,Li Wei,Wang Fang
b01,mobile-1,,,Li Wei
b01,hall,yes,,Zhang Min
b01,hall,,,Li Wei,Wang Fang,Zhang Min,Liu Yang
b02,hall,,yes,Li Wei
b02,hall,,,"Wang, Fang"
`
	sheets, err := nominate.ReadSheets(strings.NewReader(file), tree, reg, nominate.BallotRule{Limit: 3})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range sheets {
		fmt.Printf("%s: %d ballots (%d full members'), %d invalid, %d spoiled\n", s.Org, s.All.Ballots, s.Full.Ballots, s.All.Invalid, s.All.Spoiled)
		for _, v := range s.Votes {
			fmt.Printf("  %s: %d (%d full)\n", reg.Key(v.Person), v.Votes, v.Full)
		}
	}
	// Output:
	// b01: 4 ballots (3 full members'), 1 invalid, 0 spoiled
	//   Li Wei: 2 (2 full)
	//   Wang Fang: 1 (1 full)
	//   Zhang Min: 1 (0 full)
	// b02: 2 ballots (2 full members'), 0 invalid, 1 spoiled
	//   Wang, Fang: 1 (1 full)
}

// Reading row by row: a row's problem is an error with its line and cell, and reading goes on.
func ExampleReader() {
	tree, _ := nominate.NewTree([]nominate.Org{
		{ID: "unit", Kind: nominate.ElectionUnit},
		{ID: "b01", Parent: "unit", Members: 5},
	})
	reg := nominate.NewRegistry()
	file := "org,names\nb01,P1,P2\nb99,P1\nunit,P2\nb01,P3\n"
	r := nominate.NewReader(strings.NewReader(file), tree, reg)
	var row nominate.Row
	for {
		err := r.Read(&row)
		if err == io.EOF {
			break
		}
		var pe *nominate.ParseError
		if errors.As(err, &pe) {
			fmt.Printf("line %d, column %d: unknown: %t, not a branch: %t\n", pe.Line, pe.Column,
				errors.Is(err, nominate.ErrUnknownOrg), errors.Is(err, nominate.ErrNotLeaf))
			continue
		}
		fmt.Printf("line %d: %s names %d\n", row.Line, row.Org, len(row.Ballot.Persons))
	}
	// Output:
	// line 2: b01 names 2
	// line 3, column 1: unknown: true, not a branch: false
	// line 4, column 1: unknown: false, not a branch: true
	// line 5: b01 names 1
}
