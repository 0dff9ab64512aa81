package ballot_test

import (
	"errors"
	"fmt"

	"github.com/chae-go/chae/ballot"
)

func Example() {
	slate := ballot.Slate{Office: "Branch committee", Seats: 2, Candidates: []ballot.Candidate{
		{ID: "c1", Name: "Li Wei"}, {ID: "c2", Name: "Wang Fang"}, {ID: "c3", Name: "Zhang Min"},
	}}
	papers := []ballot.Ballot{
		{Marks: []ballot.Mark{ballot.For, ballot.Against, ballot.For}},
		{Marks: []ballot.Mark{ballot.For, ballot.For, ballot.For}},                                        // three persons for two seats
		{Marks: []ballot.Mark{ballot.For, ballot.Against, ballot.Abstain}, WriteIns: []string{"Sun Yue"}}, // two persons
		{Marks: []ballot.Mark{ballot.Abstain, ballot.Abstain, ballot.Abstain}, Spoiled: true},
		{Marks: []ballot.Mark{ballot.For}}, // malformed
	}
	for i, b := range papers {
		class, err := slate.Classify(b)
		if err != nil {
			fmt.Printf("ballot %d: error: %v (wrong mark count: %t)\n", i+1, err, errors.Is(err, ballot.ErrMarkCount))
			continue
		}
		fmt.Printf("ballot %d: %v\n", i+1, class)
	}
	// Output:
	// ballot 1: valid
	// ballot 2: over-vote
	// ballot 3: valid
	// ballot 4: spoiled
	// ballot 5: error: ballot: wrong number of marks (1 marks for 3 candidates) (wrong mark count: true)
}

func ExampleParseMark() {
	for _, s := range []string{"○", "×", "", "F", "a", "-"} {
		m, _ := ballot.ParseMark(s)
		fmt.Printf("%q → %v %q %s\n", s, m, m.Symbol(), m.Letter())
	}
	// Output:
	// "○" → for "○" F
	// "×" → against "×" A
	// "" → abstain "" -
	// "F" → for "○" F
	// "a" → against "×" A
	// "-" → abstain "" -
}

func ExampleSlate_Validate() {
	s := ballot.Slate{Seats: 3, Candidates: []ballot.Candidate{{ID: "a", Name: "A"}, {ID: "a", Name: "B"}}}
	fmt.Println(s.Validate())
	// Output:
	// ballot: slate: fewer candidates than seats
	// ballot: slate: candidate 2 ("a"): duplicate candidate ID
}

func ExampleMatchKey() {
	// Three write-ins on one ballot: the first two are one person's name, spaced differently.
	names := []string{"Sun Yue", "  Sun\u3000Yue ", "Sun Yu"}
	for _, n := range names[1:] {
		fmt.Printf("%q and %q: same person %t\n", names[0], n, ballot.MatchKey(names[0]) == ballot.MatchKey(n))
	}
	// Output:
	// "Sun Yue" and "  Sun\u3000Yue ": same person true
	// "Sun Yue" and "Sun Yu": same person false
}
