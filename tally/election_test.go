package tally_test

import (
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/quota"
	"github.com/chae-go/chae/tally"
	"github.com/chae-go/chae/tally/count"
)

// slateOf returns a slate of n candidates with IDs and names "A", "B", … for seats seats.
func slateOf(seats, n int) ballot.Slate {
	s := ballot.Slate{Office: "committee", Seats: seats}
	for i := range n {
		id := string(rune('A' + i))
		s.Candidates = append(s.Candidates, ballot.Candidate{ID: id, Name: id})
	}
	return s
}

// countsOf returns counts of a round's slate with the given For votes; every other valid mark is
// Against.
func countsOf(s ballot.Slate, valid, invalid, spoiled int, forVotes []int, wi ...count.WriteInCount) count.Counts {
	c := count.Counts{Ballots: valid + invalid + spoiled, Valid: valid, Invalid: invalid, Spoiled: spoiled,
		WriteIns: slices.Clone(wi)}
	if c.WriteIns == nil {
		c.WriteIns = []count.WriteInCount{}
	}
	for i, cand := range s.Candidates {
		c.Candidates = append(c.Candidates, count.CandidateCount{ID: cand.ID, For: forVotes[i], Against: valid - forVotes[i]})
	}
	return c
}

// step is one round decided in a statutory case.
type step struct {
	before  func(e *tally.Election) error // a caller's decision before the round (reduce, lots, nominate)
	turnout tally.Turnout
	valid   int
	invalid int
	spoiled int
	votes   []int // For votes per candidate of the round's slate
	wi      []count.WriteInCount
	ballots []ballot.Ballot // when set, counted instead of valid/invalid/votes

	// want
	err       error // errors.Is
	outcome   tally.Outcome
	needed    int // -1: do not check
	elected   []string
	tied      []string
	missing   int
	nextKind  tally.RoundKind
	nextIDs   []string // nil: done
	nextSeats int
}

var statutory = []struct {
	name  string
	row   string // docs/rules.md row(s)
	rules tally.Rules
	slate ballot.Slate
	size  int // >0: a preliminary election for this list size
	steps []step
	want  []string // elected at the end, in order
	done  bool
}{
	{
		name: "exactly half of those present fails", row: "B6",
		rules: tally.CPCGrassrootsCommittee(), slate: slateOf(1, 2),
		steps: []step{{turnout: tally.Turnout{Entitled: 50, Present: 46, Issued: 46}, valid: 46, votes: []int{23, 20},
			needed: 24, missing: 1, nextKind: tally.Supplementary, nextIDs: []string{"A", "B"}, nextSeats: 1}},
	},
	{
		name: "one more than half of those present passes", row: "B6",
		rules: tally.CPCGrassrootsCommittee(), slate: slateOf(1, 2),
		steps: []step{{turnout: tally.Turnout{Entitled: 50, Present: 46, Issued: 46}, valid: 46, votes: []int{24, 20},
			needed: 24, elected: []string{"A"}}},
		want: []string{"A"}, done: true,
	},
	{
		name: "grassroots base is those present, not valid ballots", row: "B6",
		rules: tally.CPCGrassrootsCommittee(), slate: slateOf(1, 2),
		steps: []step{{turnout: tally.Turnout{Entitled: 50, Present: 46, Issued: 46}, valid: 40, invalid: 6, votes: []int{23, 10},
			needed: 24, missing: 1, nextKind: tally.Supplementary, nextIDs: []string{"A", "B"}, nextSeats: 1}},
	},
	{
		name: "quorum at exactly four fifths fails", row: "B5",
		rules: tally.CPCGrassrootsCommittee(), slate: slateOf(1, 2),
		steps: []step{{turnout: tally.Turnout{Entitled: 50, Present: 40, Issued: 40}, valid: 40, votes: []int{40, 0},
			outcome: tally.NoQuorum, needed: 0, nextKind: tally.Regular, nextIDs: []string{"A", "B"}, nextSeats: 1}},
	},
	{
		name: "quorum one above four fifths holds", row: "B5",
		rules: tally.CPCGrassrootsCommittee(), slate: slateOf(1, 2),
		steps: []step{{turnout: tally.Turnout{Entitled: 50, Present: 41, Issued: 41}, valid: 41, votes: []int{41, 0},
			needed: 21, elected: []string{"A"}}},
		want: []string{"A"}, done: true,
	},
	{
		name: "returned equal to issued is valid", row: "B7",
		rules: tally.CPCGrassrootsCommittee(), slate: slateOf(1, 2),
		steps: []step{{turnout: tally.Turnout{Entitled: 50, Present: 46, Issued: 45}, valid: 45, votes: []int{30, 15},
			needed: 24, elected: []string{"A"}}},
		want: []string{"A"}, done: true,
	},
	{
		name: "returned one more than issued voids the poll, held again", row: "B7",
		rules: tally.CPCGrassrootsCommittee(), slate: slateOf(1, 2),
		steps: []step{
			{turnout: tally.Turnout{Entitled: 50, Present: 46, Issued: 45}, valid: 46, votes: []int{30, 16},
				outcome: tally.Void, needed: 0, nextKind: tally.Regular, nextIDs: []string{"A", "B"}, nextSeats: 1},
			{turnout: tally.Turnout{Entitled: 50, Present: 46, Issued: 46}, valid: 46, votes: []int{30, 16},
				needed: 24, elected: []string{"A"}},
		},
		want: []string{"A"}, done: true,
	},
	{
		name: "Electoral Law: returned more than voters who voted voids the poll", row: "A8",
		rules: tally.ElectoralLawDirect(), slate: slateOf(1, 2),
		steps: []step{{turnout: tally.Turnout{Entitled: 100, Present: 60, Issued: 70}, valid: 61, votes: []int{40, 21},
			outcome: tally.Void, needed: 0, nextKind: tally.Regular, nextIDs: []string{"A", "B"}, nextSeats: 1}},
	},
	{
		name: "Electoral Law: returned equal to voters who voted is valid", row: "A8",
		rules: tally.ElectoralLawDirect(), slate: slateOf(1, 2),
		steps: []step{{turnout: tally.Turnout{Entitled: 100, Present: 60, Issued: 70}, valid: 60, votes: []int{40, 20},
			needed: 31, elected: []string{"A"}}},
		want: []string{"A"}, done: true,
	},
	{
		name: "an over-vote ballot is invalid and its marks are not counted", row: "A8, B7",
		rules: tally.CPCGrassrootsCommittee(), slate: slateOf(1, 2),
		steps: []step{{turnout: tally.Turnout{Entitled: 5, Present: 5, Issued: 5},
			ballots: []ballot.Ballot{
				{Marks: []ballot.Mark{ballot.For, ballot.For}}, // two names for one seat: invalid
				{Marks: []ballot.Mark{ballot.For, ballot.For}},
				{Marks: []ballot.Mark{ballot.Against, ballot.For}},
				{Marks: []ballot.Mark{ballot.Against, ballot.For}},
				{Marks: []ballot.Mark{ballot.For, ballot.Against}},
			},
			// B has 2 valid For votes, not 4: not more than half of 5 present.
			needed: 3, missing: 1, nextKind: tally.Supplementary, nextIDs: []string{"A", "B"}, nextSeats: 1}},
	},
	{
		name: "Electoral Law direct: quorum needs more than half of the voters", row: "A3",
		rules: tally.ElectoralLawDirect(), slate: slateOf(1, 2),
		steps: []step{{turnout: tally.Turnout{Entitled: 100, Present: 50, Issued: 50}, valid: 50, votes: []int{50, 0},
			outcome: tally.NoQuorum, needed: 0, nextKind: tally.Regular, nextIDs: []string{"A", "B"}, nextSeats: 1}},
	},
	{
		name: "Electoral Law direct: base is those who voted, not valid ballots", row: "A4",
		rules: tally.ElectoralLawDirect(), slate: slateOf(1, 2),
		steps: []step{{turnout: tally.Turnout{Entitled: 150, Present: 100, Issued: 100}, valid: 80, invalid: 20, votes: []int{50, 30},
			needed: 51, missing: 1, nextKind: tally.Supplementary, nextIDs: []string{"A", "B"}, nextSeats: 1}},
	},
	{
		name: "Electoral Law indirect: measured on all deputies, not those present", row: "A5",
		rules: tally.ElectoralLawIndirect(), slate: slateOf(5, 6),
		steps: []step{{turnout: tally.Turnout{Entitled: 100, Present: 80, Issued: 80}, valid: 80, votes: []int{51, 51, 51, 51, 50, 45},
			needed: 51, elected: []string{"A", "B", "C", "D"}, missing: 1, nextKind: tally.Supplementary, nextIDs: []string{"E", "F"}, nextSeats: 1}},
		want: []string{"A", "B", "C", "D"},
	},
	{
		name: "Electoral Law supplementary: exactly one third of the ballots passes", row: "A7",
		rules: tally.ElectoralLawDirect(), slate: slateOf(3, 5),
		steps: []step{
			{turnout: tally.Turnout{Entitled: 150, Present: 90, Issued: 90}, valid: 90, votes: []int{60, 50, 40, 30, 20},
				needed: 46, elected: []string{"A", "B"}, missing: 1, nextKind: tally.Supplementary, nextIDs: []string{"C", "D"}, nextSeats: 1},
			{turnout: tally.Turnout{Entitled: 150, Present: 90, Issued: 90}, valid: 90, votes: []int{30, 29},
				needed: 30, elected: []string{"C"}},
		},
		want: []string{"A", "B", "C"}, done: true,
	},
	{
		name: "Electoral Law supplementary: one vote under one third fails", row: "A7",
		rules: tally.ElectoralLawDirect(), slate: slateOf(3, 5),
		steps: []step{
			{turnout: tally.Turnout{Entitled: 150, Present: 90, Issued: 90}, valid: 90, votes: []int{60, 50, 40, 30, 20},
				needed: 46, elected: []string{"A", "B"}, missing: 1, nextKind: tally.Supplementary, nextIDs: []string{"C", "D"}, nextSeats: 1},
			{turnout: tally.Turnout{Entitled: 150, Present: 90, Issued: 90}, valid: 90, votes: []int{29, 28},
				needed: 30, missing: 1, nextKind: tally.Supplementary, nextIDs: []string{"C", "D"}, nextSeats: 1},
		},
		want: []string{"A", "B"},
	},
	{
		name: "Electoral Law supplementary: more winners than seats, most votes win", row: "A7",
		rules: tally.ElectoralLawDirect(), slate: slateOf(3, 5),
		steps: []step{
			{turnout: tally.Turnout{Entitled: 150, Present: 90, Issued: 90}, valid: 90, votes: []int{60, 50, 40, 30, 20},
				needed: 46, elected: []string{"A", "B"}, missing: 1, nextKind: tally.Supplementary, nextIDs: []string{"C", "D"}, nextSeats: 1},
			{turnout: tally.Turnout{Entitled: 150, Present: 90, Issued: 90}, valid: 90, votes: []int{40, 45},
				needed: 30, elected: []string{"D"}},
		},
		want: []string{"A", "B", "D"}, done: true,
	},
	{
		name: "tie for the last seat: runoff among only the tied for only that seat", row: "A6, B8",
		rules: tally.CPCGrassrootsCommittee(), slate: slateOf(3, 5),
		steps: []step{
			{turnout: tally.Turnout{Entitled: 50, Present: 46, Issued: 46}, valid: 46, votes: []int{38, 35, 30, 30, 5},
				needed: 24, elected: []string{"A", "B"}, tied: []string{"C", "D"}, nextKind: tally.Runoff, nextIDs: []string{"C", "D"}, nextSeats: 1},
			{turnout: tally.Turnout{Entitled: 50, Present: 46, Issued: 46}, valid: 46, votes: []int{20, 26},
				needed: -1, elected: []string{"D"}},
		},
		want: []string{"A", "B", "D"}, done: true,
	},
	{
		name: "three tied for two seats: runoff among the three for two", row: "A6, B8",
		rules: tally.CPCGrassrootsCommittee(), slate: slateOf(3, 5),
		steps: []step{
			{turnout: tally.Turnout{Entitled: 50, Present: 46, Issued: 46}, valid: 46, votes: []int{40, 30, 30, 30, 8},
				needed: 24, elected: []string{"A"}, tied: []string{"B", "C", "D"}, nextKind: tally.Runoff, nextIDs: []string{"B", "C", "D"}, nextSeats: 2},
		},
		want: []string{"A"},
	},
	{
		name: "runoff elects by most votes, below the majority", row: "A6",
		rules: tally.ElectoralLawDirect(), slate: slateOf(2, 3),
		steps: []step{
			{turnout: tally.Turnout{Entitled: 150, Present: 100, Issued: 100}, valid: 100, votes: []int{70, 60, 60},
				needed: 51, elected: []string{"A"}, tied: []string{"B", "C"}, nextKind: tally.Runoff, nextIDs: []string{"B", "C"}, nextSeats: 1},
			{turnout: tally.Turnout{Entitled: 150, Present: 100, Issued: 100}, valid: 100, votes: []int{40, 35},
				needed: 0, elected: []string{"B"}},
		},
		want: []string{"A", "B"}, done: true,
	},
	{
		name: "runoff tied again: another runoff", row: "A6",
		rules: tally.ElectoralLawDirect(), slate: slateOf(2, 3),
		steps: []step{
			{turnout: tally.Turnout{Entitled: 150, Present: 100, Issued: 100}, valid: 100, votes: []int{70, 60, 60},
				needed: 51, elected: []string{"A"}, tied: []string{"B", "C"}, nextKind: tally.Runoff, nextIDs: []string{"B", "C"}, nextSeats: 1},
			{turnout: tally.Turnout{Entitled: 150, Present: 100, Issued: 100}, valid: 100, votes: []int{45, 45},
				needed: 0, tied: []string{"B", "C"}, nextKind: tally.Runoff, nextIDs: []string{"B", "C"}, nextSeats: 1},
		},
		want: []string{"A"},
	},
	{
		name: "a tie inside the elected set changes nothing", row: "A6, B8",
		rules: tally.CPCGrassrootsCommittee(), slate: slateOf(3, 5),
		steps: []step{{turnout: tally.Turnout{Entitled: 50, Present: 46, Issued: 46}, valid: 46, votes: []int{30, 35, 35, 20, 10},
			needed: 24, elected: []string{"B", "C", "A"}}},
		want: []string{"B", "C", "A"}, done: true,
	},
	{
		name: "a tie below the bar changes nothing", row: "B8",
		rules: tally.CPCGrassrootsCommittee(), slate: slateOf(3, 5),
		steps: []step{{turnout: tally.Turnout{Entitled: 50, Present: 46, Issued: 46}, valid: 46, votes: []int{36, 34, 28, 20, 20},
			needed: 24, elected: []string{"A", "B", "C"}}},
		want: []string{"A", "B", "C"}, done: true,
	},
	{
		name: "a tie at the bar's edge among more than the seats: the tied above the bar go to a runoff", row: "B8",
		rules: tally.CPCGrassrootsCommittee(), slate: slateOf(2, 4),
		steps: []step{{turnout: tally.Turnout{Entitled: 50, Present: 46, Issued: 46}, valid: 46, votes: []int{24, 24, 24, 20},
			needed: 24, tied: []string{"A", "B", "C"}, nextKind: tally.Runoff, nextIDs: []string{"A", "B", "C"}, nextSeats: 2}},
	},
	{
		name: "fewer pass than seats: never filled from below the bar by rank", row: "B8",
		rules: tally.CPCGrassrootsCommittee(), slate: slateOf(2, 4),
		steps: []step{{turnout: tally.Turnout{Entitled: 50, Present: 46, Issued: 46}, valid: 46, votes: []int{40, 23, 22, 5},
			needed: 24, elected: []string{"A"}, missing: 1, nextKind: tally.Supplementary, nextIDs: []string{"B", "C"}, nextSeats: 1}},
		want: []string{"A"},
	},
	{
		name: "three pass for five seats: supplementary for two, list sized by the 20% rule", row: "B2, B8",
		rules: tally.CPCGrassrootsCommittee(), slate: slateOf(5, 8),
		steps: []step{{turnout: tally.Turnout{Entitled: 50, Present: 46, Issued: 46}, valid: 46, votes: []int{40, 35, 30, 20, 15, 18, 10, 5},
			// 2 seats × 20% = 0.4, rounded up: 1 more, 3 candidates: D (20), F (18), E (15).
			needed: 24, elected: []string{"A", "B", "C"}, missing: 2, nextKind: tally.Supplementary, nextIDs: []string{"D", "E", "F"}, nextSeats: 2}},
		want: []string{"A", "B", "C"},
	},
	{
		name: "supplementary list: a tie at its cut-off takes in all the tied", row: "A7, B8",
		rules: tally.CPCGrassrootsCommittee(), slate: slateOf(4, 6),
		steps: []step{{turnout: tally.Turnout{Entitled: 50, Present: 46, Issued: 46}, valid: 46, votes: []int{40, 35, 30, 20, 20, 10},
			needed: 24, elected: []string{"A", "B", "C"}, missing: 1, nextKind: tally.Supplementary, nextIDs: []string{"D", "E"}, nextSeats: 1}},
		want: []string{"A", "B", "C"},
	},
	{
		name: "Electoral Law: one seat in the supplementary round gets two candidates", row: "A7",
		rules: tally.ElectoralLawIndirect(), slate: slateOf(5, 7),
		steps: []step{{turnout: tally.Turnout{Entitled: 100, Present: 90, Issued: 90}, valid: 90, votes: []int{80, 70, 60, 55, 40, 30, 20},
			needed: 51, elected: []string{"A", "B", "C", "D"}, missing: 1, nextKind: tally.Supplementary, nextIDs: []string{"E", "F"}, nextSeats: 1}},
		want: []string{"A", "B", "C", "D"},
	},
	{
		name: "Electoral Law indirect: supplementary still needs more than half of all deputies", row: "A7",
		rules: tally.ElectoralLawIndirect(), slate: slateOf(5, 7),
		steps: []step{
			{turnout: tally.Turnout{Entitled: 100, Present: 90, Issued: 90}, valid: 90, votes: []int{80, 70, 60, 55, 40, 30, 20},
				needed: 51, elected: []string{"A", "B", "C", "D"}, missing: 1, nextKind: tally.Supplementary, nextIDs: []string{"E", "F"}, nextSeats: 1},
			{turnout: tally.Turnout{Entitled: 100, Present: 90, Issued: 90}, valid: 90, votes: []int{50, 40},
				needed: 51, missing: 1, nextKind: tally.Supplementary, nextIDs: []string{"E", "F"}, nextSeats: 1},
		},
		want: []string{"A", "B", "C", "D"},
	},
	{
		name: "reduce seats: the caller's decision closes them, reason recorded", row: "B8",
		rules: tally.CPCGrassrootsCommittee(), slate: slateOf(5, 8),
		steps: []step{
			{turnout: tally.Turnout{Entitled: 50, Present: 46, Issued: 46}, valid: 46, votes: []int{40, 35, 30, 29, 20, 18, 10, 5},
				needed: 24, elected: []string{"A", "B", "C", "D"}, missing: 1, nextKind: tally.Supplementary, nextIDs: []string{"E", "F"}, nextSeats: 1},
			{before: func(e *tally.Election) error {
				return e.ReduceSeats(1, "close to the seat count: the presidium decided not to elect again")
			}, err: tally.ErrDone},
		},
		want: []string{"A", "B", "C", "D"}, done: true,
	},
	{
		name: "reduce fewer seats than missing: the supplementary round is resized", row: "B8",
		rules: tally.CPCGrassrootsCommittee(), slate: slateOf(5, 8),
		steps: []step{
			{turnout: tally.Turnout{Entitled: 50, Present: 46, Issued: 46}, valid: 46, votes: []int{40, 35, 30, 20, 15, 18, 10, 5},
				needed: 24, elected: []string{"A", "B", "C"}, missing: 2, nextKind: tally.Supplementary, nextIDs: []string{"D", "E", "F"}, nextSeats: 2},
			{before: func(e *tally.Election) error { return e.ReduceSeats(1, "more than half of the electors consented") },
				turnout: tally.Turnout{Entitled: 50, Present: 46, Issued: 46}, valid: 46, votes: []int{30, 16},
				needed: 24, elected: []string{"D"}},
		},
		want: []string{"A", "B", "C", "D"}, done: true,
	},
	{
		name: "a write-in clearing the bar is elected", row: "A9, B4",
		rules: tally.CPCGrassrootsCommittee(), slate: slateOf(2, 3),
		steps: []step{{turnout: tally.Turnout{Entitled: 50, Present: 46, Issued: 46}, valid: 46, votes: []int{40, 14, 6},
			wi:     []count.WriteInCount{{Name: "Zhang San", Votes: 30}, {Name: "Li Si", Votes: 2}},
			needed: 24, elected: []string{"A", "writein:Zhang San"}}},
		want: []string{"A", "writein:Zhang San"}, done: true,
	},
	{
		name: "write-ins elect no one where the rules do not allow them", row: "E3 (write-ins unverified)",
		rules: tally.VietnamNationalAssembly(), slate: vnSlate(1, 3),
		steps: []step{{turnout: tally.Turnout{Entitled: 100, Present: 80, Issued: 80}, valid: 80, votes: []int{15, 10, 5},
			wi:     []count.WriteInCount{{Name: "Nguyen Van A", Votes: 50}},
			needed: 41, missing: 1, nextKind: tally.Supplementary, nextIDs: []string{"A", "B", "C"}, nextSeats: 1}},
	},
	{
		name: "a write-in of a candidate's own name is not added to them and elects no one", row: "A9, B4",
		rules: tally.CPCGrassrootsCommittee(), slate: slateOf(1, 2),
		steps: []step{{turnout: tally.Turnout{Entitled: 50, Present: 46, Issued: 46}, valid: 46, votes: []int{20, 0},
			wi:     []count.WriteInCount{{Name: "A", Votes: 26, SameAs: "A"}},
			needed: 24, missing: 1, nextKind: tally.Supplementary, nextIDs: []string{"A", "B"}, nextSeats: 1}},
	},
	{
		name: "CPC local: base is those who should attend", row: "C4",
		rules: tally.CPCLocalDelegates(), slate: slateOf(1, 2),
		steps: []step{{turnout: tally.Turnout{Entitled: 100, Present: 60, Issued: 60}, valid: 60, votes: []int{50, 10},
			needed: 51, missing: 1, nextKind: tally.Supplementary, nextIDs: []string{"A", "B"}, nextSeats: 1}},
	},
	{
		name: "CPC local: one more than half of those who should attend passes", row: "C4",
		rules: tally.CPCLocalDelegates(), slate: slateOf(1, 2),
		steps: []step{{turnout: tally.Turnout{Entitled: 100, Present: 60, Issued: 60}, valid: 60, votes: []int{51, 9},
			needed: 51, elected: []string{"A"}}},
		want: []string{"A"}, done: true,
	},
	{
		name: "CPC local congress: quorum at exactly half fails", row: "C3",
		rules: tally.CPCLocalDelegates(), slate: slateOf(1, 2),
		steps: []step{{turnout: tally.Turnout{Entitled: 100, Present: 50, Issued: 50}, valid: 50, votes: []int{50, 0},
			outcome: tally.NoQuorum, needed: 0, nextKind: tally.Regular, nextIDs: []string{"A", "B"}, nextSeats: 1}},
	},
	{
		name: "Vietnam: base is valid ballots", row: "E3",
		rules: tally.VietnamNationalAssembly(), slate: vnSlate(1, 3),
		steps: []step{{turnout: tally.Turnout{Entitled: 120, Present: 100, Issued: 100}, valid: 80, invalid: 20, votes: []int{41, 30, 9},
			needed: 41, elected: []string{"A"}}},
		want: []string{"A"}, done: true,
	},
	{
		name: "Vietnam: a tie at the cut-off goes to the older candidate", row: "E3",
		rules: tally.VietnamNationalAssembly(), slate: vnSlate(2, 4),
		steps: []step{{turnout: tally.Turnout{Entitled: 120, Present: 100, Issued: 100}, valid: 100, votes: []int{70, 60, 60, 10},
			needed: 51, elected: []string{"A", "C"}}},
		want: []string{"A", "C"}, done: true,
	},
	{
		name: "Vietnam: tied candidates born on the same day still tie: runoff (the statute is silent)", row: "E3",
		rules: tally.VietnamNationalAssembly(), slate: vnSlate(2, 4),
		steps: []step{{turnout: tally.Turnout{Entitled: 120, Present: 100, Issued: 100}, valid: 100, votes: []int{60, 70, 10, 60},
			needed: 51, elected: []string{"B"}, tied: []string{"A", "D"}, nextKind: tally.Runoff, nextIDs: []string{"A", "D"}, nextSeats: 1}},
		want: []string{"B"},
	},
	{
		name: "Vietnam: turnout not more than half, re-election; the second stands anyway", row: "E3",
		rules: tally.VietnamNationalAssembly(), slate: vnSlate(1, 3),
		steps: []step{
			{turnout: tally.Turnout{Entitled: 120, Present: 60, Issued: 60}, valid: 60, votes: []int{40, 10, 10},
				outcome: tally.NoQuorum, needed: 0, nextKind: tally.Regular, nextIDs: []string{"A", "B", "C"}, nextSeats: 1},
			{turnout: tally.Turnout{Entitled: 120, Present: 55, Issued: 55}, valid: 55, votes: []int{40, 10, 5},
				needed: 28, elected: []string{"A"}},
		},
		want: []string{"A"}, done: true,
	},
	{
		name: "Vietnam: no second additional election, the seat stays empty", row: "E4",
		rules: tally.VietnamNationalAssembly(), slate: vnSlate(1, 3),
		steps: []step{
			{turnout: tally.Turnout{Entitled: 120, Present: 100, Issued: 100}, valid: 100, votes: []int{50, 30, 20},
				needed: 51, missing: 1, nextKind: tally.Supplementary, nextIDs: []string{"A", "B", "C"}, nextSeats: 1},
			{turnout: tally.Turnout{Entitled: 120, Present: 100, Issued: 100}, valid: 100, votes: []int{50, 30, 20},
				needed: 51, missing: 1},
		},
		done: true,
	},
	{
		name: "a unit electing with equal numbers: the supplementary list has no surplus", row: "D1, B8",
		rules: func() tally.Rules {
			r := tally.NationalCongressDelegates()
			r.Difference.EqualAllowed = true
			return r
		}(), slate: slateOf(2, 2),
		steps: []step{{turnout: tally.Turnout{Entitled: 100, Present: 90, Issued: 90}, valid: 90, votes: []int{80, 50},
			needed: 51, elected: []string{"A"}, missing: 1, nextKind: tally.Supplementary, nextIDs: []string{"B"}, nextSeats: 1}},
		want: []string{"A"},
	},
	{
		name: "preliminary election: a tie at the cut-off goes to a runoff, then the formal list", row: "C2, C5",
		rules: tally.CPCLocalCommittee(), slate: slateOf(2, 5), size: 3,
		steps: []step{
			{turnout: tally.Turnout{Entitled: 100, Present: 90, Issued: 90}, valid: 90, votes: []int{80, 60, 55, 55, 20},
				needed: 51, elected: []string{"A", "B"}, tied: []string{"C", "D"}, nextKind: tally.Runoff, nextIDs: []string{"C", "D"}, nextSeats: 1},
			{turnout: tally.Turnout{Entitled: 100, Present: 90, Issued: 90}, valid: 90, votes: []int{30, 60},
				needed: 0, elected: []string{"D"}},
		},
		want: []string{"A", "B", "D"}, done: true,
	},
	{
		name: "Central Committee preliminary: more than 8% surplus, list cut by votes", row: "D3",
		rules: tally.CentralCommitteePreliminary(), slate: slateOf(12, 14), size: 12,
		steps: []step{{turnout: tally.Turnout{Entitled: 100, Present: 100, Issued: 100}, valid: 100,
			votes:  []int{90, 89, 88, 87, 86, 85, 84, 83, 82, 81, 80, 79, 78, 77},
			needed: 51, elected: []string{"A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L"}}},
		want: []string{"A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L"}, done: true,
	},
}

// vnSlate is slateOf with birth dates: A and D born 1970, B 1975, C 1965.
func vnSlate(seats, n int) ballot.Slate {
	s := slateOf(seats, n)
	dates := []string{"1970-01-01", "1975-06-30", "1965-03-15", "1970-01-01", "1980-01-01"}
	for i := range s.Candidates {
		s.Candidates[i].Attrs = map[string]string{"born": dates[i]}
	}
	return s
}

func TestStatutoryCases(t *testing.T) {
	t.Parallel()
	if len(statutory) < 30 {
		t.Fatalf("only %d statutory cases", len(statutory))
	}
	for _, tc := range statutory {
		t.Run(tc.row+": "+tc.name, func(t *testing.T) {
			t.Parallel()
			var e *tally.Election
			var err error
			if tc.size > 0 {
				e, err = tally.NewPreliminary(tc.slate, tc.rules, tc.size)
			} else {
				e, err = tally.NewElection(tc.slate, tc.rules)
			}
			if err != nil {
				t.Fatal(err)
			}
			for i, st := range tc.steps {
				if st.before != nil {
					if err := st.before(e); err != nil {
						t.Fatalf("step %d: before: %v", i+1, err)
					}
				}
				round := e.Next()
				var c count.Counts
				if st.ballots != nil {
					c, err = count.Count(round.Slate, st.ballots)
					if err != nil {
						t.Fatal(err)
					}
				} else if !e.Done() {
					c = countsOf(round.Slate, st.valid, st.invalid, st.spoiled, st.votes, st.wi...)
				}
				d, err := e.Decide(st.turnout, c)
				if st.err != nil || err != nil {
					if !errors.Is(err, st.err) {
						t.Fatalf("step %d: error %v, want %v", i+1, err, st.err)
					}
					continue
				}
				for _, r := range d.Reasons {
					checkReason(t, r)
				}
				if d.Outcome != st.outcome {
					t.Errorf("step %d: outcome %v, want %v; reasons %+v", i+1, d.Outcome, st.outcome, d.Reasons)
				}
				if st.needed >= 0 && d.Needed != st.needed {
					t.Errorf("step %d: needed %d, want %d", i+1, d.Needed, st.needed)
				}
				if !slices.Equal(d.Elected, st.elected) {
					t.Errorf("step %d: elected %q, want %q; reasons %+v", i+1, d.Elected, st.elected, d.Reasons)
				}
				if !slices.Equal(d.Tied, st.tied) {
					t.Errorf("step %d: tied %q, want %q", i+1, d.Tied, st.tied)
				}
				if d.Missing != st.missing {
					t.Errorf("step %d: missing %d, want %d", i+1, d.Missing, st.missing)
				}
				next := e.Next()
				if st.nextIDs == nil {
					if i == len(tc.steps)-1 && !e.Done() && tc.done {
						t.Errorf("step %d: not done, next %v", i+1, next)
					}
					continue
				}
				if e.Done() {
					t.Fatalf("step %d: done, want a %v round", i+1, st.nextKind)
				}
				if next.Kind != st.nextKind || next.Slate.Seats != st.nextSeats || !slices.Equal(next.Slate.IDs(), st.nextIDs) {
					t.Errorf("step %d: next %v round for %d seat(s) among %q, want %v for %d among %q",
						i+1, next.Kind, next.Slate.Seats, next.Slate.IDs(), st.nextKind, st.nextSeats, st.nextIDs)
				}
			}
			res := e.Result()
			if got := res.ElectedIDs(); !slices.Equal(got, tc.want) && !(len(got) == 0 && len(tc.want) == 0) {
				t.Errorf("elected %q, want %q", got, tc.want)
			}
			if res.Done != tc.done {
				t.Errorf("done %v, want %v", res.Done, tc.done)
			}
			if err := res.Verify(); err != nil {
				t.Errorf("the record does not verify: %v", err)
			}
		})
	}
}

func TestRefusedSlates(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		row   string
		rules tally.Rules
		slate ballot.Slate
		err   error
	}{
		{"7 seats need 9 candidates under 20%", "B2, N3", tally.CPCGrassrootsCommittee(), slateOf(7, 8), quota.ErrTooFewCandidates},
		{"more than 15%: 20 seats need 24", "D1", tally.NationalCongressDelegates(), slateOf(20, 23), quota.ErrTooFewCandidates},
		{"direct election: at most one times the seats more", "A1", tally.ElectoralLawDirect(), slateOf(3, 7), quota.ErrTooManyCandidates},
		{"indirect election: at most half the seats more", "A2", tally.ElectoralLawIndirect(), slateOf(4, 7), quota.ErrTooManyCandidates},
		{"Vietnam: at least two more", "E1", tally.VietnamNationalAssembly(), vnSlate(2, 3), quota.ErrTooFewCandidates},
		{"Vietnam: the older-first rule needs birth dates", "E3", tally.VietnamNationalAssembly(), slateOf(1, 3), tally.ErrBirthDate},
	}
	for _, tc := range tests {
		t.Run(tc.row+": "+tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := tally.NewElection(tc.slate, tc.rules)
			if !errors.Is(err, tc.err) {
				t.Fatalf("error %v, want %v", err, tc.err)
			}
			var de *quota.DifferenceError
			if errors.Is(tc.err, quota.ErrTooFewCandidates) && !errors.As(err, &de) {
				t.Fatalf("error %T, want *quota.DifferenceError", err)
			}
		})
	}
	t.Run("D1: an authorised unit elects with equal numbers", func(t *testing.T) {
		r := tally.NationalCongressDelegates()
		r.Difference.EqualAllowed = true
		if _, err := tally.NewElection(slateOf(20, 20), r); err != nil {
			t.Fatal(err)
		}
	})
}

// lotsRules are the CPC grassroots rules with ties settled by lot and a bar of one vote.
func lotsRules() tally.Rules {
	r := tally.CPCGrassrootsCommittee()
	r.Tie = tally.TieLots
	r.Threshold = quota.Threshold{}
	return r
}

func TestLots(t *testing.T) {
	t.Parallel()
	e, err := tally.NewElection(slateOf(2, 4), lotsRules())
	if err != nil {
		t.Fatal(err)
	}
	turnout := tally.Turnout{Entitled: 50, Present: 46, Issued: 46}
	c := countsOf(e.Next().Slate, 46, 0, 0, []int{30, 20, 20, 20})
	_, err = e.Decide(turnout, c)
	var te *tally.LotsError
	if !errors.As(err, &te) || !errors.Is(err, tally.ErrLotsNeeded) {
		t.Fatalf("error %v, want a *LotsError wrapping ErrLotsNeeded", err)
	}
	if !slices.Equal(te.IDs, []string{"B", "C", "D"}) || te.Seats != 1 {
		t.Fatalf("tie %q for %d, want B, C, D for 1", te.IDs, te.Seats)
	}
	if len(e.Result().Decisions) != 0 {
		t.Fatal("a tie awaiting lots changed the election")
	}
	if err := e.DrawLots([]string{"D", "B", "C"}); err != nil {
		t.Fatal(err)
	}
	d, err := e.Decide(turnout, c)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(d.Elected, []string{"A", "D"}) || !slices.Equal(d.Lots, []string{"D", "B", "C"}) || !e.Done() {
		t.Fatalf("elected %q lots %q done %v", d.Elected, d.Lots, e.Done())
	}
	if err := e.Result().Verify(); err != nil {
		t.Fatal(err)
	}
}

func TestDecideErrors(t *testing.T) {
	t.Parallel()
	s := slateOf(1, 2)
	turnout := tally.Turnout{Entitled: 10, Present: 10, Issued: 10}
	tests := []struct {
		name string
		t    tally.Turnout
		c    count.Counts
		err  error
	}{
		{"more present than entitled", tally.Turnout{Entitled: 9, Present: 10}, countsOf(s, 10, 0, 0, []int{5, 5}), tally.ErrTurnout},
		{"returned differs from counted", tally.Turnout{Entitled: 10, Present: 10, Issued: 10, Returned: tally.Declare(9)}, countsOf(s, 10, 0, 0, []int{5, 5}), tally.ErrTurnout},
		{"negative issued", tally.Turnout{Entitled: 10, Present: 10, Issued: -1}, countsOf(s, 10, 0, 0, []int{5, 5}), tally.ErrTurnout},
		{"counts of another slate", turnout, countsOf(slateOf(1, 3), 10, 0, 0, []int{5, 5, 0}), count.ErrSlateMismatch},
		{"counts of other candidates", turnout, func() count.Counts {
			c := countsOf(s, 10, 0, 0, []int{5, 5})
			c.Candidates[1].ID = "Z"
			return c
		}(), count.ErrSlateMismatch},
		{"marks that do not add up", turnout, func() count.Counts {
			c := countsOf(s, 10, 0, 0, []int{5, 5})
			c.Candidates[0].For++
			return c
		}(), count.ErrCounts},
		{"20 persons chosen on 10 valid ballots for 1 seat", turnout, countsOf(s, 10, 0, 0, []int{10, 10}), count.ErrCounts},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			e, err := tally.NewElection(s, tally.CPCGrassrootsCommittee())
			if err != nil {
				t.Fatal(err)
			}
			if _, err := e.Decide(tc.t, tc.c); !errors.Is(err, tc.err) {
				t.Fatalf("error %v, want %v", err, tc.err)
			}
			if len(e.Result().Decisions) != 0 {
				t.Fatal("a refused decision changed the election")
			}
		})
	}
	t.Run("reduce seats without a shortfall", func(t *testing.T) {
		e, _ := tally.NewElection(s, tally.CPCGrassrootsCommittee())
		if err := e.ReduceSeats(1, "why"); !errors.Is(err, tally.ErrNoShortfall) {
			t.Fatalf("error %v", err)
		}
	})
	t.Run("reduce seats without a reason", func(t *testing.T) {
		e, _ := tally.NewElection(s, tally.CPCGrassrootsCommittee())
		if _, err := e.Decide(turnout, countsOf(s, 10, 0, 0, []int{5, 5})); err != nil {
			t.Fatal(err)
		}
		if err := e.ReduceSeats(1, " "); !errors.Is(err, tally.ErrReduce) {
			t.Fatalf("error %v", err)
		}
		if err := e.ReduceSeats(2, "too many"); !errors.Is(err, tally.ErrReduce) {
			t.Fatalf("error %v", err)
		}
	})
}

func TestOrderAlternates(t *testing.T) {
	t.Parallel()
	members := []tally.ElectedMember{
		{ID: "A", Name: "王五", Votes: 30}, {ID: "B", Name: "丁一", Votes: 40},
		{ID: "C", Name: "李四", Votes: 30}, {ID: "D", Name: "马六", Votes: 30},
	}
	slate := ballot.Slate{Seats: 4}
	for _, m := range members {
		slate.Candidates = append(slate.Candidates, ballot.Candidate{ID: m.ID, Name: m.Name})
	}
	// A stand-in for stroke order: 丁 2 strokes, 王 4, 马 3, 李 7.
	strokes := map[string]int{"丁": 2, "王": 4, "马": 3, "李": 7}
	byStrokes := func(a, b ballot.Candidate) int {
		return strokes[string([]rune(a.Name)[:1])] - strokes[string([]rune(b.Name)[:1])]
	}
	got := tally.OrderAlternates(members, slate, byStrokes)
	var ids []string
	for _, m := range got {
		ids = append(ids, fmt.Sprintf("%s%d", m.ID, m.Rank))
	}
	if want := []string{"B1", "D2", "A3", "C4"}; !slices.Equal(ids, want) {
		t.Errorf("with stroke order %q, want %q", ids, want)
	}
	got = tally.OrderAlternates(members, slate, func(a, b ballot.Candidate) int { return 0 })
	ids = ids[:0]
	for _, m := range got {
		ids = append(ids, fmt.Sprintf("%s%d", m.ID, m.Rank))
	}
	if want := []string{"B1", "A2", "C2", "D2"}; !slices.Equal(ids, want) {
		t.Errorf("with a tie order that separates no one %q, want %q", ids, want)
	}
	if members[0].ID != "A" {
		t.Error("the input was modified")
	}
}
