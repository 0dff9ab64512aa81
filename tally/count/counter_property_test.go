package count_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/tally/count"
	"pgregory.net/rapid"
)

// genSlate draws a valid slate of 1 to 12 candidates.
func genSlate(t *rapid.T) ballot.Slate {
	n := rapid.IntRange(1, 12).Draw(t, "candidates")
	s := ballot.Slate{Office: "prop", Seats: rapid.IntRange(1, n).Draw(t, "seats")}
	for i := range n {
		s.Candidates = append(s.Candidates, ballot.Candidate{ID: fmt.Sprintf("c%d", i), Name: fmt.Sprintf("Name %d", i)})
	}
	return s
}

var writeInNames = []string{"Sun Yue", "Qian Li", " Sun  Yue", "孙悦", "Name 0"}

// genBallots draws well-formed ballots: any marks, sometimes write-ins, sometimes spoiled.
func genBallots(t *rapid.T, s ballot.Slate) []ballot.Ballot {
	return rapid.SliceOfN(rapid.Custom(func(t *rapid.T) ballot.Ballot {
		b := ballot.Ballot{Marks: make([]ballot.Mark, len(s.Candidates))}
		for i := range b.Marks {
			b.Marks[i] = ballot.Mark(rapid.IntRange(0, 2).Draw(t, "mark"))
		}
		if rapid.IntRange(0, 9).Draw(t, "writein?") == 0 {
			b.WriteIns = rapid.SliceOfN(rapid.SampledFrom(writeInNames), 1, 2).Draw(t, "writeins")
		}
		b.Spoiled = rapid.IntRange(0, 19).Draw(t, "spoiled?") == 0
		return b
	}), 0, 60).Draw(t, "ballots")
}

func mustCount(t *rapid.T, s ballot.Slate, bs []ballot.Ballot) count.Counts {
	c, err := count.Count(s, bs)
	if err != nil {
		t.Fatalf("Count: %v", err)
	}
	return c
}

func encode(t *rapid.T, c count.Counts) []byte {
	b, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Counting any permutation of the ballots gives identical counts.
func TestPropertyPermutationInvariance(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		s := genSlate(t)
		bs := genBallots(t, s)
		perm := rapid.Permutation(bs).Draw(t, "permutation")
		if a, b := encode(t, mustCount(t, s, bs)), encode(t, mustCount(t, s, perm)); !bytes.Equal(a, b) {
			t.Fatalf("permuted ballots counted differently:\n%s\n%s", a, b)
		}
	})
}

// Any partition of the ballots, counted separately and merged in any order and grouping, equals
// counting them all; an empty counter is the identity of Merge.
func TestPropertyMergeLaws(t *testing.T) {
	t.Parallel()
	rapid.Check(t, propMergeLaws)
}

func propMergeLaws(t *rapid.T) {
	s := genSlate(t)
	bs := genBallots(t, s)
	// Partition into k boxes by drawn labels.
	k := rapid.IntRange(1, 5).Draw(t, "boxes")
	boxes := make([][]ballot.Ballot, k)
	for _, b := range bs {
		i := rapid.IntRange(0, k-1).Draw(t, "box")
		boxes[i] = append(boxes[i], b)
	}
	counters := make([]*count.Counter, k)
	for i, box := range boxes {
		c, _ := count.NewCounter(s)
		for _, b := range box {
			if err := c.Add(b); err != nil {
				t.Fatal(err)
			}
		}
		counters[i] = c
	}
	// Merge in a drawn order, with a drawn grouping: fold a random split into two trees.
	order := rapid.Permutation(counters).Draw(t, "merge order")
	split := rapid.IntRange(0, k).Draw(t, "grouping")
	left, _ := count.NewCounter(s)
	right, _ := count.NewCounter(s)
	for _, c := range order[:split] {
		if err := left.Merge(c); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range order[split:] {
		if err := right.Merge(c); err != nil {
			t.Fatal(err)
		}
	}
	empty, _ := count.NewCounter(s)
	if err := right.Merge(empty); err != nil {
		t.Fatal(err)
	}
	if err := left.Merge(right); err != nil {
		t.Fatal(err)
	}
	want := encode(t, mustCount(t, s, bs))
	if got := encode(t, left.Counts()); !bytes.Equal(got, want) {
		t.Fatalf("merged counts differ from counting all:\n got %s\nwant %s", got, want)
	}
}

// Conservation: ballots = valid + invalid + spoiled; for every candidate For + Against + Abstain =
// valid; a ballot choosing exactly Seats persons is valid and one choosing Seats+1 is invalid.
func TestPropertyConservation(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		s := genSlate(t)
		bs := genBallots(t, s)
		c := mustCount(t, s, bs)
		if c.Ballots != len(bs) || c.Valid+c.Invalid+c.Spoiled != c.Ballots {
			t.Fatalf("ballots %d (given %d) != valid %d + invalid %d + spoiled %d", c.Ballots, len(bs), c.Valid, c.Invalid, c.Spoiled)
		}
		for _, cc := range c.Candidates {
			if cc.For+cc.Against+cc.Abstain != c.Valid {
				t.Fatalf("candidate %s: %d+%d+%d != valid %d", cc.ID, cc.For, cc.Against, cc.Abstain, c.Valid)
			}
		}
		// Independent model of the statutory over-vote rule.
		var valid, invalid, spoiled int
		forVotes := make([]int, len(s.Candidates))
		for _, b := range bs {
			switch {
			case b.Spoiled:
				spoiled++
			case b.Chosen() > s.Seats:
				invalid++
			default:
				valid++
				for i, m := range b.Marks {
					if m == ballot.For {
						forVotes[i]++
					}
				}
			}
		}
		if valid != c.Valid || invalid != c.Invalid || spoiled != c.Spoiled {
			t.Fatalf("classification: got %d/%d/%d, model %d/%d/%d", c.Valid, c.Invalid, c.Spoiled, valid, invalid, spoiled)
		}
		for i, cc := range c.Candidates {
			if cc.For != forVotes[i] {
				t.Fatalf("candidate %s For %d, model %d", cc.ID, cc.For, forVotes[i])
			}
		}
		// Both sides of the bound: exactly Seats persons, then Seats+1 (when the slate allows it).
		exact := ballot.Ballot{Marks: make([]ballot.Mark, len(s.Candidates))}
		for i := range s.Seats {
			exact.Marks[i] = ballot.For
		}
		one := mustCount(t, s, []ballot.Ballot{exact})
		if one.Valid != 1 {
			t.Fatalf("a ballot choosing exactly %d persons for %d seats was not valid: %+v", s.Seats, s.Seats, one)
		}
		over := exact.Clone()
		over.WriteIns = []string{"Somebody Else"}
		if got := mustCount(t, s, []ballot.Ballot{over}); got.Invalid != 1 || got.Candidates[0].For != 0 {
			t.Fatalf("a ballot choosing %d persons for %d seats was not invalid with its marks uncounted: %+v", s.Seats+1, s.Seats, got)
		}
	})
}

// Counting the same input many times gives byte-identical encoded counts.
func TestPropertyDeterministicEncoding(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		s := genSlate(t)
		bs := genBallots(t, s)
		first := encode(t, mustCount(t, s, bs))
		for range 5 {
			if again := encode(t, mustCount(t, s, bs)); !bytes.Equal(first, again) {
				t.Fatalf("encodings differ:\n%s\n%s", first, again)
			}
		}
	})
}

func TestWriteInsNormalisedAndFlagged(t *testing.T) {
	t.Parallel()
	s := ballot.Slate{Office: "o", Seats: 2, Candidates: []ballot.Candidate{{ID: "a", Name: "孙 悦"}, {ID: "b", Name: "B"}}}
	bs := []ballot.Ballot{
		{Marks: []ballot.Mark{0, 0}, WriteIns: []string{"　孙　悦 "}},
		{Marks: []ballot.Mark{0, 0}, WriteIns: []string{"Qian"}},
		{Marks: []ballot.Mark{0, 0}, WriteIns: []string{"Zhao"}},
		{Marks: []ballot.Mark{0, 0}, WriteIns: []string{"孙 悦", "Zhao"}},
	}
	c, err := count.Count(s, bs)
	if err != nil {
		t.Fatal(err)
	}
	want := []count.WriteInCount{{Name: "Zhao", Votes: 2}, {Name: "孙 悦", Votes: 2, SameAs: "a"}, {Name: "Qian", Votes: 1}}
	if !slices.Equal(c.WriteIns, want) {
		t.Fatalf("write-ins = %+v, want %+v", c.WriteIns, want)
	}
	if c.Candidates[0].For != 0 {
		t.Fatalf("write-in of a candidate's name was merged into the candidate's For votes: %+v", c.Candidates[0])
	}
}

func TestMalformedBallotPosition(t *testing.T) {
	t.Parallel()
	s := ballot.Slate{Office: "o", Seats: 1, Candidates: []ballot.Candidate{{ID: "a", Name: "A"}, {ID: "b", Name: "B"}}}
	c, _ := count.NewCounter(s)
	good := ballot.Ballot{Marks: []ballot.Mark{ballot.For, ballot.Against}}
	for _, b := range []ballot.Ballot{good, good, {Marks: []ballot.Mark{ballot.For}}, good, {Marks: []ballot.Mark{0, 5}}} {
		_ = c.Add(b)
	}
	_, err := count.Count(s, []ballot.Ballot{good, good, {Marks: []ballot.Mark{0, 5}}})
	var be *ballot.BallotError
	if !errors.As(err, &be) || be.Ballot != 3 || be.Mark != 2 || !errors.Is(err, ballot.ErrMarkValue) {
		t.Fatalf("error = %v, want ballot 3 mark 2 ErrMarkValue", err)
	}
	err = c.Add(ballot.Ballot{Marks: []ballot.Mark{ballot.For, ballot.For, ballot.For}})
	if !errors.As(err, &be) || be.Ballot != 6 || !errors.Is(err, ballot.ErrMarkCount) {
		t.Fatalf("error = %v, want ballot 6 ErrMarkCount", err)
	}
	if got := c.Counts(); got.Ballots != 3 || got.Valid != 3 {
		t.Fatalf("malformed ballots were counted: %+v", got)
	}
}

func TestMergeRefusesOtherSlate(t *testing.T) {
	t.Parallel()
	s := ballot.Slate{Office: "o", Seats: 1, Candidates: []ballot.Candidate{{ID: "a", Name: "A"}, {ID: "b", Name: "B"}}}
	o := s.Clone()
	o.Candidates[0], o.Candidates[1] = o.Candidates[1], o.Candidates[0]
	c1, _ := count.NewCounter(s)
	c2, _ := count.NewCounter(o)
	if err := c1.Merge(c2); !errors.Is(err, count.ErrSlateMismatch) {
		t.Fatalf("Merge of reordered slate = %v, want ErrSlateMismatch", err)
	}
	if _, err := count.NewCounter(ballot.Slate{Seats: 1}); !errors.Is(err, ballot.ErrNoCandidates) {
		t.Fatalf("NewCounter of an empty slate = %v, want ErrNoCandidates", err)
	}
}

func TestAddDoesNotAllocate(t *testing.T) {
	s := ballot.Slate{Office: "o", Seats: 3, Candidates: make([]ballot.Candidate, 9)}
	for i := range s.Candidates {
		s.Candidates[i] = ballot.Candidate{ID: fmt.Sprint(i), Name: fmt.Sprint("N", i)}
	}
	c, _ := count.NewCounter(s)
	b := ballot.Ballot{Marks: []ballot.Mark{1, 1, 2, 0, 0, 1, 0, 0, 2}}
	if n := testing.AllocsPerRun(1000, func() { _ = c.Add(b) }); n != 0 {
		t.Fatalf("Counter.Add allocates %v times per ballot without write-ins", n)
	}
}
