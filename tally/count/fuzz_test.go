package count_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"math/big"
	"slices"
	"testing"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/internal/fuzzbytes"
	"github.com/chae-go/chae/tally/count"
	"pgregory.net/rapid"
)

// The fuzz targets of package count: the validator and the merges against a model in exact
// arithmetic (math/big), the summary round trip from counts, and the rapid properties of counting
// (merge laws, Batch ≡ Add) as fuzz targets.

// fuzzReader draws figures from fuzz input (fuzzbytes), and the values of package count.
type fuzzReader struct{ *fuzzbytes.Reader }

var fuzzNames = []string{"Zhao Liu", "Sun Yue", "Li Wei", "Li  Wei", "", "孙悦"}

// counts draws a Counts value: the figures, two candidates (c1 and c2, or c1 and c3 to make a count
// of another slate), and up to three write-ins.
func (r *fuzzReader) counts() count.Counts {
	c := count.Counts{Ballots: r.Int(), Valid: r.Int(), Invalid: r.Int(), Spoiled: r.Int()}
	ids := []string{"c1", "c2"}
	if r.Byte()%8 == 7 {
		ids[1] = "c3"
	}
	for _, id := range ids {
		c.Candidates = append(c.Candidates, count.CandidateCount{ID: id, For: r.Int(), Against: r.Int(), Abstain: r.Int()})
	}
	c.WriteIns = r.writeIns(int(r.Byte()%4), "c1", "c9")
	if r.Byte()%4 == 3 {
		c.SkippedRows = r.Int() // empty rows that ended the files: no ballots, added apart
	}
	if r.Byte()%16 == 15 {
		return count.Counts{SkippedRows: c.SkippedRows} // the identity of Merge, but for rows skipped
	}
	return c
}

// writeIns draws n write-ins, each a name of fuzzNames and its votes, flagged as the same as
// sameAs[0] or sameAs[1] one time in four each, and unflagged otherwise.
func (r *fuzzReader) writeIns(n int, sameAs ...string) []count.WriteInCount {
	var ws []count.WriteInCount
	for range n {
		w := count.WriteInCount{Name: fuzzNames[int(r.Byte())%len(fuzzNames)], Votes: r.Int()}
		if k := int(r.Byte()%4) - 1; k >= 0 && k < len(sameAs) {
			w.SameAs = sameAs[k]
		}
		ws = append(ws, w)
	}
	return ws
}

func bigOf(n int) *big.Int { return big.NewInt(int64(n)) }

func bigSum(xs ...int) *big.Int {
	s := new(big.Int)
	for _, x := range xs {
		s.Add(s, bigOf(x))
	}
	return s
}

// modelConsistent is the part of Check without a slate, in exact arithmetic.
func modelConsistent(c count.Counts) bool {
	if c.Ballots < 0 || c.Valid < 0 || c.Invalid < 0 || c.Spoiled < 0 || c.SkippedRows < 0 || bigSum(c.Valid, c.Invalid, c.Spoiled).Cmp(bigOf(c.Ballots)) != 0 {
		return false
	}
	for _, x := range c.Candidates {
		if x.For < 0 || x.Against < 0 || x.Abstain < 0 || bigSum(x.For, x.Against, x.Abstain).Cmp(bigOf(c.Valid)) != 0 {
			return false
		}
	}
	seen := map[string]bool{}
	for _, w := range c.WriteIns {
		if w.Name == "" || ballot.NormalizeName(w.Name) != w.Name || seen[w.Name] || w.Votes < 0 || w.Votes > c.Valid {
			return false
		}
		seen[w.Name] = true
	}
	return true
}

// modelCheck is Check in exact arithmetic.
func modelCheck(s ballot.Slate, c count.Counts) bool {
	if len(c.Candidates) != len(s.Candidates) || !modelConsistent(c) {
		return false
	}
	chosen := new(big.Int)
	for i, x := range c.Candidates {
		if x.ID != s.Candidates[i].ID {
			return false
		}
		chosen.Add(chosen, bigOf(x.For))
	}
	for _, w := range c.WriteIns {
		if w.SameAs != "" && s.Index(w.SameAs) < 0 {
			return false
		}
		chosen.Add(chosen, bigOf(w.Votes))
	}
	return chosen.Cmp(new(big.Int).Mul(bigOf(s.Seats), bigOf(c.Valid))) <= 0
}

func isEmptyCounts(c count.Counts) bool {
	return len(c.Candidates) == 0 && len(c.WriteIns) == 0 && c.Ballots == 0 && c.Valid == 0 && c.Invalid == 0 && c.Spoiled == 0
}

// normal returns c with its write-ins in Counts order and no nil slices, for comparisons.
func normal(c count.Counts) []byte {
	c = c.Clone()
	if c.Candidates == nil {
		c.Candidates = []count.CandidateCount{}
	}
	if c.WriteIns == nil {
		c.WriteIns = []count.WriteInCount{}
	}
	count.SortWriteIns(c.WriteIns)
	b, _ := json.Marshal(c)
	return b
}

var twoSlate = ballot.Slate{Office: "Committee", Seats: 1, Candidates: []ballot.Candidate{{ID: "c1", Name: "Li Wei"}, {ID: "c2", Name: "Wang Fang"}}}

// FuzzCheckAndMerge: Check agrees with its model in exact arithmetic, whatever the size of the
// figures (no sum wraps); Merge refuses exactly the counts that are not consistent, of another
// slate, or whose ballots or skipped rows add up beyond the int range, and otherwise gives the exact sums, is
// commutative and associative, and agrees with SumBoxes.
func FuzzCheckAndMerge(f *testing.F) {
	f.Add([]byte{5, 5, 0, 0, 0, 2, 3, 0, 1, 4, 0, 1, 0, 1, 0, 0})
	f.Add([]byte{5, 5, 0, 0, 0, 249, 0, 249, 0, 7, 1, 4, 0})                                 // MaxInt + MaxInt + 7 = 5
	f.Add([]byte{249, 1, 249, 1, 0, 0, 0, 249, 1, 0, 0, 0, 249, 1, 0, 249, 1, 0, 249, 1, 0}) // boxes near MaxInt
	f.Add(bytes.Repeat([]byte{3, 2, 1, 0, 0, 1, 1, 0, 0, 2, 0, 2, 0, 1, 1, 1, 0, 0}, 3))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := &fuzzReader{fuzzbytes.New(data)}
		a, b, c := r.counts(), r.counts(), r.counts()
		for _, x := range []count.Counts{a, b, c} {
			if got, want := count.Check(twoSlate, x) == nil, modelCheck(twoSlate, x); got != want {
				t.Fatalf("Check(%+v) accepts: %v, the model: %v (%v)", x, got, want, count.Check(twoSlate, x))
			}
		}
		ab, err := count.Merge(a, b)
		want := mergeModel(a, b)
		if !errors.Is(err, want) || (err == nil) != (want == nil) {
			t.Fatalf("Merge(%+v, %+v): %v, want %v", a, b, err, want)
		}
		if err != nil {
			return
		}
		if !modelConsistent(ab) || bigSum(a.Ballots, b.Ballots).Cmp(bigOf(ab.Ballots)) != 0 || bigSum(a.Valid, b.Valid).Cmp(bigOf(ab.Valid)) != 0 ||
			bigSum(a.SkippedRows, b.SkippedRows).Cmp(bigOf(ab.SkippedRows)) != 0 {
			t.Fatalf("Merge(%+v, %+v) = %+v", a, b, ab)
		}
		for i, x := range ab.Candidates {
			var fa, fb int
			if i < len(a.Candidates) {
				fa = a.Candidates[i].For
			}
			if i < len(b.Candidates) {
				fb = b.Candidates[i].For
			}
			if bigSum(fa, fb).Cmp(bigOf(x.For)) != 0 {
				t.Fatalf("Merge: For of %s is %d, want %d + %d", x.ID, x.For, fa, fb)
			}
		}
		ba, err := count.Merge(b, a)
		if err != nil || !bytes.Equal(normal(ab), normal(ba)) {
			t.Fatalf("Merge is not commutative: %v\n%s\n%s", err, normal(ab), normal(ba))
		}
		abc, err1 := count.Merge(ab, c)
		sum, err2 := count.SumBoxes([]count.BoxCounts{{Box: "A", Counts: a}, {Box: "B", Counts: b}, {Box: "C", Counts: c}})
		if (err1 == nil) != (err2 == nil) || err1 == nil && !bytes.Equal(normal(abc), normal(sum)) {
			t.Fatalf("SumBoxes differs from Merge: %v, %v\n%s\n%s", err1, err2, normal(abc), normal(sum))
		}
		if err1 != nil {
			return
		}
		bc, err := count.Merge(b, c)
		if err != nil {
			t.Fatalf("(a+b)+c merges but b+c does not: %v", err)
		}
		a2, err := count.Merge(a, bc)
		if err != nil || !bytes.Equal(normal(abc), normal(a2)) {
			t.Fatalf("Merge is not associative: %v\n%s\n%s", err, normal(abc), normal(a2))
		}
	})
}

// mergeModel returns the sentinel Merge(a, b) must wrap, or nil.
func mergeModel(a, b count.Counts) error {
	switch {
	case !modelConsistent(a) || !modelConsistent(b):
		return count.ErrCounts
	case !isEmptyCounts(a) && !isEmptyCounts(b) && !slices.EqualFunc(a.Candidates, b.Candidates, func(x, y count.CandidateCount) bool { return x.ID == y.ID }):
		return count.ErrSlateMismatch
	case bigSum(a.Ballots, b.Ballots).Cmp(bigOf(math.MaxInt)) > 0, bigSum(a.SkippedRows, b.SkippedRows).Cmp(bigOf(math.MaxInt)) > 0:
		return count.ErrOverflow
	}
	return nil
}

// FuzzSummaryRoundTrip: counts of boxes that WriteSummary writes read back as the same counts (a
// name written in with no votes is no vote, and is not read back), and
// counts it refuses are refused for a reason: counts that Check refuses, or a box name that is
// empty, padded or given twice.
func FuzzSummaryRoundTrip(f *testing.F) {
	f.Add("Hall", "Mobile", []byte{10, 9, 1, 0, 6, 2, 1, 5, 4, 0, 4, 0, 5, 2, 0, 2, 0})
	f.Add("大厅", "a,\"b\"", []byte{3, 3, 0, 0, 1, 2, 0, 0, 3, 0, 0, 0, 3, 1, 1, 1, 0})
	f.Add("box\r\n1", " padded", []byte{1, 1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 0})
	f.Fuzz(func(t *testing.T, box1, box2 string, data []byte) {
		r := &fuzzReader{fuzzbytes.New(data)}
		var boxes []count.BoxCounts
		for _, name := range []string{box1, box2} {
			c := count.Counts{Ballots: r.Int(), Valid: r.Int(), Invalid: r.Int(), Spoiled: r.Int()}
			for _, cand := range sumSlate.Candidates {
				c.Candidates = append(c.Candidates, count.CandidateCount{ID: cand.ID, For: r.Int(), Against: r.Int(), Abstain: r.Int()})
			}
			c.WriteIns = r.writeIns(int(r.Byte()%3), "c1", "c2")
			if r.Byte()%8 == 1 {
				c.SkippedRows = r.Int()
			}
			boxes = append(boxes, count.BoxCounts{Box: name, Counts: c})
		}
		var buf bytes.Buffer
		if err := count.WriteSummary(&buf, sumSlate, boxes); err != nil {
			if !errors.Is(err, count.ErrCounts) && !errors.Is(err, count.ErrSlateMismatch) &&
				!errors.Is(err, count.ErrDuplicateBox) && !errors.Is(err, count.ErrSummaryColumn) {
				t.Fatalf("WriteSummary: %v", err)
			}
			return
		}
		// What the summary cannot hold must have been refused: skipped rows, and a SameAs other
		// than the slate's candidate of the name ("Li Wei" is c1's name; no other name is a
		// candidate's).
		for _, b := range boxes {
			if b.Counts.SkippedRows != 0 {
				t.Fatalf("box %q with %d skipped rows written", b.Box, b.Counts.SkippedRows)
			}
			for _, w := range b.Counts.WriteIns {
				if want := map[bool]string{true: "c1"}[w.Name == "Li Wei"]; w.SameAs != want {
					t.Fatalf("box %q: write-in %q same as %q written, the slate gives %q", b.Box, w.Name, w.SameAs, want)
				}
			}
		}
		back, err := count.ReadSummary(bytes.NewReader(buf.Bytes()), sumSlate)
		if err != nil {
			t.Fatalf("WriteSummary wrote what ReadSummary refuses: %v\n%s", err, buf.Bytes())
		}
		if len(back) != len(boxes) {
			t.Fatalf("%d boxes read back of %d", len(back), len(boxes))
		}
		for i := range back {
			// A name written in with no votes is no vote: written as 0, read as nothing.
			written := boxes[i].Counts.Clone()
			written.WriteIns = slices.DeleteFunc(written.WriteIns, func(w count.WriteInCount) bool { return w.Votes == 0 })
			if back[i].Box != boxes[i].Box || !bytes.Equal(normal(back[i].Counts), normal(written)) {
				t.Fatalf("box %d read back as %q %s, written %q %s", i, back[i].Box, normal(back[i].Counts), boxes[i].Box, normal(written))
			}
		}
	})
}

// FuzzPropertyMergeLaws runs the merge laws of counters (TestPropertyMergeLaws) on fuzz input.
func FuzzPropertyMergeLaws(f *testing.F) {
	f.Fuzz(rapid.MakeFuzz(propMergeLaws))
}

// FuzzPropertyBulkEquivalence runs Batch ≡ Add (TestPropertyBulkEquivalence) on fuzz input.
func FuzzPropertyBulkEquivalence(f *testing.F) {
	defer count.SetParallelMinShare(1)()
	f.Fuzz(rapid.MakeFuzz(propBulkEquivalence))
}

// TestWriteSummaryRefusesUnprintableBox: a box name that is not UTF-8 (ReadSummary would take the
// file for GB18030, or refuse it) or holds a control character (a CR in a quoted cell reads back
// as a LF) is refused, not written; found by FuzzSummaryRoundTrip.
func TestWriteSummaryRefusesUnprintableBox(t *testing.T) {
	t.Parallel()
	empty := count.Counts{Candidates: []count.CandidateCount{{ID: "c1"}, {ID: "c2"}, {ID: "c3"}}}
	for _, box := range []string{"\xff", "Hall\r\n2", "Hall\x00"} {
		var buf bytes.Buffer
		err := count.WriteSummary(&buf, sumSlate, []count.BoxCounts{{Box: "0", Counts: empty}, {Box: box, Counts: empty}})
		if !errors.Is(err, count.ErrSummaryColumn) {
			t.Errorf("box %q: %v", box, err)
		}
	}
}
