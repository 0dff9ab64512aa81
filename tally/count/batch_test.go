package count_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/tally/count"
	"pgregory.net/rapid"
)

// bulkCase is a slate and ballots generated from a seed: marks drawn with a skew per candidate,
// over-votes, spoiled ballots (some malformed, which a spoiled ballot may be) and write-ins.
type bulkCase struct {
	slate   ballot.Slate
	ballots []ballot.Ballot
}

func genBulk(t *rapid.T, maxCand, maxBallots int) bulkCase {
	n := rapid.IntRange(1, maxCand).Draw(t, "candidates")
	seats := rapid.IntRange(1, n).Draw(t, "seats")
	// Half the cases have enough ballots to fill the byte lanes (255) once or more, and a third
	// have every candidate marked alike, so that a lane flushed too late would overflow.
	nb := rapid.OneOf(rapid.IntRange(0, 40), rapid.IntRange(min(250, maxBallots), maxBallots)).Draw(t, "ballots")
	seed := rapid.Uint64().Draw(t, "seed")
	pFor := rapid.OneOf(rapid.SampledFrom([]int{0, 100}), rapid.IntRange(0, 100)).Draw(t, "for%")
	pOver := rapid.IntRange(0, 30).Draw(t, "over-vote%")
	pSpoiled := rapid.IntRange(0, 10).Draw(t, "spoiled%")
	pWrite := rapid.IntRange(0, 10).Draw(t, "write-in%")
	return makeBulk(seed, n, seats, nb, pFor, pOver, pSpoiled, pWrite)
}

func makeBulk(seed uint64, n, seats, nb, pFor, pOver, pSpoiled, pWrite int) bulkCase {
	rng := rand.New(rand.NewPCG(seed, 7))
	s := ballot.Slate{Office: "bulk", Seats: seats}
	for i := range n {
		s.Candidates = append(s.Candidates, ballot.Candidate{ID: fmt.Sprintf("c%d", i), Name: fmt.Sprintf("Name %d", i)})
	}
	names := []string{"Sun Yue", "Qian　Li", "Name 0", "孙悦"}
	bs := make([]ballot.Ballot, nb)
	for k := range bs {
		b := ballot.Ballot{Marks: make([]ballot.Mark, n)}
		over := rng.IntN(100) < pOver
		for i := range b.Marks {
			switch r := rng.IntN(100); {
			case over || r < pFor:
				b.Marks[i] = ballot.For
			case r < pFor+(100-pFor)/2:
				b.Marks[i] = ballot.Against
			}
		}
		if rng.IntN(100) < pWrite {
			b.WriteIns = []string{names[rng.IntN(len(names))]}
			if rng.IntN(3) == 0 {
				b.WriteIns = append(b.WriteIns, names[rng.IntN(len(names))])
			}
		}
		if rng.IntN(100) < pSpoiled {
			b.Spoiled = true
			if rng.IntN(2) == 0 {
				b.Marks = b.Marks[:rng.IntN(n+1)] // a spoiled ballot is not read: any form
			}
		}
		bs[k] = b
	}
	return bulkCase{s, bs}
}

// refCount is the plain model the fast paths must agree with: every ballot classified by
// ballot.Slate.Classify, every mark of a valid ballot added to its candidate's tally.
func refCount(s ballot.Slate, bs []ballot.Ballot) count.Counts {
	out := count.Counts{Candidates: make([]count.CandidateCount, len(s.Candidates))}
	for i, c := range s.Candidates {
		out.Candidates[i].ID = c.ID
	}
	wi := map[string]int{}
	for _, b := range bs {
		out.Ballots++
		class, err := s.Classify(b)
		if err != nil {
			panic(err)
		}
		switch class {
		case ballot.Spoiled:
			out.Spoiled++
			continue
		case ballot.OverVote:
			out.Invalid++
			continue
		}
		out.Valid++
		for i, m := range b.Marks {
			switch m {
			case ballot.For:
				out.Candidates[i].For++
			case ballot.Against:
				out.Candidates[i].Against++
			default:
				out.Candidates[i].Abstain++
			}
		}
		seen := map[string]bool{}
		for _, w := range b.WriteIns {
			seen[ballot.MatchKey(w)] = true
		}
		for name := range seen {
			wi[name]++
		}
	}
	out.WriteIns = []count.WriteInCount{}
	for name, v := range wi {
		w := count.WriteInCount{Name: name, Votes: v}
		for _, c := range s.Candidates {
			if ballot.MatchKey(c.Name) == name {
				w.SameAs = c.ID
				break
			}
		}
		out.WriteIns = append(out.WriteIns, w)
	}
	count.SortWriteIns(out.WriteIns)
	return out
}

func batchOf(t interface{ Fatal(...any) }, n int, bs []ballot.Ballot) *count.Batch {
	bt, err := count.NewBatch(n, len(bs))
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range bs {
		if err := bt.Append(b); err != nil {
			t.Fatal(err)
		}
	}
	return bt
}

func diffCounts(want, got count.Counts) string {
	w, g := fmt.Sprintf("%+v", want), fmt.Sprintf("%+v", got)
	if w == g {
		return ""
	}
	return fmt.Sprintf("\n-want %s\n+got  %s", w, g)
}

// The bulk paths count exactly as Counter.Add and as the plain model: Add ballot by ballot, a
// batch on one goroutine, and a batch on 1 to 8 workers, for slates of 1 to 500 candidates and
// enough ballots to cross the lanes' flush many times.
func TestPropertyBulkEquivalence(t *testing.T) {
	defer count.SetParallelMinShare(1)()
	rapid.Check(t, propBulkEquivalence)
}

func propBulkEquivalence(t *rapid.T) {
	bc := genBulk(t, 500, 1500)
	want := refCount(bc.slate, bc.ballots)

	add, err := count.Count(bc.slate, bc.ballots)
	if err != nil {
		t.Fatal(err)
	}
	if d := diffCounts(want, add); d != "" {
		t.Fatalf("Counter.Add differs from the model:%s", d)
	}

	bt := batchOf(t, len(bc.slate.Candidates), bc.ballots)
	c, _ := count.NewCounter(bc.slate)
	if err := c.AddBatch(bt); err != nil {
		t.Fatal(err)
	}
	if d := diffCounts(want, c.Counts()); d != "" {
		t.Fatalf("AddBatch differs from the model:%s", d)
	}

	workers := rapid.IntRange(1, 8).Draw(t, "workers")
	p, _ := count.NewCounter(bc.slate)
	if err := p.AddBatchParallel(bt, workers); err != nil {
		t.Fatal(err)
	}
	if d := diffCounts(want, p.Counts()); d != "" {
		t.Fatalf("AddBatchParallel(%d) differs from the model:%s", workers, d)
	}
}

// Counting ballot by ballot and batch by batch mix: a counter fed some ballots by Add, then a
// batch, then more by Add, counts them all, and positions of later malformed ballots go on from
// the batch's.
func TestAddAndBatchMix(t *testing.T) {
	bc := makeBulk(1, 37, 9, 2000, 25, 5, 2, 3)
	want := refCount(bc.slate, bc.ballots)
	c, _ := count.NewCounter(bc.slate)
	for _, b := range bc.ballots[:300] {
		if err := c.Add(b); err != nil {
			t.Fatal(err)
		}
	}
	if err := c.AddBatch(batchOf(t, 37, bc.ballots[300:1700])); err != nil {
		t.Fatal(err)
	}
	for _, b := range bc.ballots[1700:] {
		if err := c.Add(b); err != nil {
			t.Fatal(err)
		}
	}
	if d := diffCounts(want, c.Counts()); d != "" {
		t.Fatal(d)
	}
	var be *ballot.BallotError
	if err := c.Add(ballot.Ballot{Marks: make([]ballot.Mark, 3)}); !errors.As(err, &be) || be.Ballot != 2001 {
		t.Fatalf("malformed ballot after 2000 = %v, want position 2001", err)
	}
}

// Byte lanes hold 127 ballots (a W lane gains two for an Against mark): counts of unanimous
// ballots on both sides of 127, 254 and 381 are exact on every path (a lane that overflowed would
// wrap).
func TestBulkLaneBoundaries(t *testing.T) {
	defer count.SetParallelMinShare(1)()
	for _, n := range []int{1, 7, 8, 9, 64, 2041} {
		s := ballot.Slate{Office: "o", Seats: n}
		for i := range n {
			s.Candidates = append(s.Candidates, ballot.Candidate{ID: fmt.Sprint("c", i), Name: fmt.Sprint("N", i)})
		}
		for _, nb := range []int{126, 127, 128, 254, 255, 381, 382, 766} {
			all := make([]ballot.Ballot, nb)
			for k := range all {
				all[k] = ballot.Ballot{Marks: slices.Repeat([]ballot.Mark{ballot.Against}, n)}
			}
			all[nb/2].Marks = slices.Repeat([]ballot.Mark{ballot.For}, n)
			for _, p := range countEveryPath(t, s, all, 3) {
				name, got := p.name, p.counts
				for _, cc := range got.Candidates {
					if cc.Against != nb-1 || cc.For != 1 || cc.Abstain != 0 || got.Valid != nb {
						t.Fatalf("%s, %d candidates, %d ballots: %s %+v", name, n, nb, cc.ID, cc)
					}
				}
			}
		}
	}
}

// A row of more than 255 × 8 candidates choosing all of them: the persons chosen are counted in
// chunks and the over-vote is still seen.
func TestBulkWideOverVote(t *testing.T) {
	const n = 2100
	s := ballot.Slate{Office: "o", Seats: n - 1}
	for i := range n {
		s.Candidates = append(s.Candidates, ballot.Candidate{ID: fmt.Sprint("c", i), Name: fmt.Sprint("N", i)})
	}
	all := slices.Repeat([]ballot.Mark{ballot.For}, n)
	one := slices.Clone(all)
	one[5] = ballot.Abstain
	bs := []ballot.Ballot{{Marks: all}, {Marks: one}, {Marks: all}}
	want := refCount(s, bs)
	if want.Invalid != 2 {
		t.Fatalf("model: %d invalid", want.Invalid)
	}
	c, _ := count.NewCounter(s)
	if err := c.AddBatch(batchOf(t, n, bs)); err != nil {
		t.Fatal(err)
	}
	if d := diffCounts(want, c.Counts()); d != "" {
		t.Fatal(d)
	}
	got, _ := count.Count(s, bs)
	if d := diffCounts(want, got); d != "" {
		t.Fatal(d)
	}
}

// Converting ballots to a batch and back gives the same ballots, write-ins, spoiled flags and the
// marks of a spoiled ballot of any length included.
func TestPropertyBatchRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		bc := genBulk(t, 40, 300)
		bt := batchOf(t, len(bc.slate.Candidates), bc.ballots)
		if bt.Len() != len(bc.ballots) || bt.Candidates() != len(bc.slate.Candidates) {
			t.Fatalf("Len %d Candidates %d", bt.Len(), bt.Candidates())
		}
		for i, want := range bc.ballots {
			got, err := bt.Ballot(i)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got.Marks, want.Marks) || !slices.Equal(got.WriteIns, want.WriteIns) || got.Spoiled != want.Spoiled {
				t.Fatalf("ballot %d: got %+v, want %+v", i, got, want)
			}
		}
		if _, err := bt.Ballot(len(bc.ballots)); !errors.Is(err, count.ErrBatchRange) {
			t.Fatalf("Ballot past the end = %v", err)
		}
		if _, err := bt.Ballot(-1); !errors.Is(err, count.ErrBatchRange) {
			t.Fatalf("Ballot(-1) = %v", err)
		}
		bt.Reset()
		if bt.Len() != 0 {
			t.Fatal("Reset kept ballots")
		}
	})
}

func TestBatchAppendErrors(t *testing.T) {
	bt, err := count.NewBatch(3, 0)
	if err != nil {
		t.Fatal(err)
	}
	ok := ballot.Ballot{Marks: []ballot.Mark{1, 0, 2}}
	cases := []struct {
		name         string
		b            ballot.Ballot
		sentinel     error
		mark, writeI int
	}{
		{"too few marks", ballot.Ballot{Marks: []ballot.Mark{1, 0}}, ballot.ErrMarkCount, 0, 0},
		{"too many marks", ballot.Ballot{Marks: []ballot.Mark{1, 0, 0, 0}}, ballot.ErrMarkCount, 0, 0},
		{"mark out of range", ballot.Ballot{Marks: []ballot.Mark{1, 3, 0}}, ballot.ErrMarkValue, 2, 0},
		{"empty write-in", ballot.Ballot{Marks: []ballot.Mark{0, 0, 0}, WriteIns: []string{"Li", " 　 "}}, ballot.ErrEmptyWriteIn, 0, 2},
	}
	for k, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if err := bt.Append(ok); err != nil {
				t.Fatal(err)
			}
			err := bt.Append(tc.b)
			var be *ballot.BallotError
			if !errors.Is(err, tc.sentinel) || !errors.As(err, &be) {
				t.Fatalf("Append = %v, want %v", err, tc.sentinel)
			}
			if be.Ballot != 2*k+2 || be.Mark != tc.mark || be.WriteIn != tc.writeI {
				t.Fatalf("position: ballot %d mark %d write-in %d", be.Ballot, be.Mark, be.WriteIn)
			}
		})
	}
	if bt.Len() != len(cases) {
		t.Fatalf("batch holds %d ballots, want only the %d good ones", bt.Len(), len(cases))
	}
	if _, err := count.NewBatch(0, 10); !errors.Is(err, ballot.ErrNoCandidates) {
		t.Fatalf("NewBatch(0) = %v", err)
	}
	if _, err := count.NewBatch(3, -1); !errors.Is(err, count.ErrBatchRange) {
		t.Fatalf("NewBatch with negative capacity = %v", err)
	}
	if _, err := count.NewBatch(1<<20, 1<<30); !errors.Is(err, count.ErrBatchRange) {
		t.Fatalf("NewBatch of 2^50 marks = %v", err)
	}
	s := ballot.Slate{Office: "o", Seats: 1, Candidates: []ballot.Candidate{{ID: "a", Name: "A"}, {ID: "b", Name: "B"}}}
	c, _ := count.NewCounter(s)
	if err := c.AddBatch(bt); !errors.Is(err, count.ErrBatchSize) {
		t.Fatalf("AddBatch of a 3-candidate batch into a 2-candidate counter = %v", err)
	}
	if err := c.AddBatchParallel(bt, 2); !errors.Is(err, count.ErrBatchSize) {
		t.Fatalf("AddBatchParallel of a 3-candidate batch into a 2-candidate counter = %v", err)
	}
	if c.Ballots() != 0 {
		t.Fatal("a refused batch was counted")
	}
}

// Reading a ballot file in batches of any size and counting each batch counts the file.
func TestBatchReadFrom(t *testing.T) {
	bc := makeBulk(3, 6, 2, 700, 30, 5, 2, 4)
	var file bytes.Buffer
	w, err := ballot.NewWriter(&file, ballot.HeaderFor(bc.slate, 2, true))
	if err != nil {
		t.Fatal(err)
	}
	want := refCount(bc.slate, bc.ballots)
	for _, b := range bc.ballots {
		if b.Spoiled {
			b.Marks = make([]ballot.Mark, 6) // a file keeps a spoiled ballot's cells; give it a full row
		}
		if err := w.Write("A", b); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	for _, size := range []int{1, 100, 255, 256, 10000} {
		r := ballot.NewReader(bytes.NewReader(file.Bytes()))
		r.Candidates = bc.slate.IDs()
		bt, _ := count.NewBatch(6, size)
		c, _ := count.NewCounter(bc.slate)
		for {
			bt.Reset()
			n, err := bt.ReadFrom(r, size)
			if n != bt.Len() {
				t.Fatalf("ReadFrom returned %d, batch holds %d", n, bt.Len())
			}
			if err := c.AddBatch(bt); err != nil {
				t.Fatal(err)
			}
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
		}
		if d := diffCounts(want, c.Counts()); d != "" {
			t.Fatalf("batches of %d:%s", size, d)
		}
	}
	// A file of another slate, and a bad mark with its line.
	bt, _ := count.NewBatch(2, 0)
	if _, err := bt.ReadFrom(ballot.NewReader(strings.NewReader("a,b,c\nF,A,F\n")), 10); !errors.Is(err, count.ErrBatchSize) {
		t.Fatalf("three-candidate file into a two-candidate batch = %v", err)
	}
	var pe *ballot.ParseError
	_, err = bt.ReadFrom(ballot.NewReader(strings.NewReader("a,b\nF,A\nF,?\n")), 10)
	if !errors.As(err, &pe) || pe.Line != 3 || !errors.Is(err, ballot.ErrMarkValue) || bt.Len() != 1 {
		t.Fatalf("bad mark = %v (batch holds %d)", err, bt.Len())
	}
}

// Bulk counting allocates nothing per ballot: AddBatch not at all for ballots without write-ins,
// AddBatchParallel the same few allocations for five thousand ballots as for a hundred thousand.
func TestBulkAllocations(t *testing.T) {
	small := makeBulk(5, 100, 30, 5000, 20, 5, 0, 0)
	large := makeBulk(5, 100, 30, 100_000, 20, 5, 0, 0)
	bs, bl := batchOf(t, 100, small.ballots), batchOf(t, 100, large.ballots)
	c, _ := count.NewCounter(small.slate)
	if n := testing.AllocsPerRun(20, func() { _ = c.AddBatch(bl) }); n != 0 {
		t.Fatalf("AddBatch allocates %v times", n)
	}
	as := testing.AllocsPerRun(20, func() { _ = c.AddBatchParallel(bs, 2) })
	al := testing.AllocsPerRun(5, func() { _ = c.AddBatchParallel(bl, 2) })
	if al > as {
		t.Fatalf("AddBatchParallel allocates %v times for 100,000 ballots, %v for 5,000", al, as)
	}
	b := ballot.Ballot{Marks: make([]ballot.Mark, 100)}
	bt, _ := count.NewBatch(100, 1000)
	if n := testing.AllocsPerRun(500, func() { _ = bt.Append(b) }); n != 0 {
		t.Fatalf("Batch.Append allocates %v times with room", n)
	}
}

// A mark out of range anywhere on a ballot — in a full word of eight marks or in the last few, any
// byte from 3 to 255 — makes Counter.Add refuse the ballot with ErrMarkValue and its position, and
// leaves the counts as if the ballot had never been given.
func TestPropertyAddRefusesBadMarks(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		bc := genBulk(t, 40, 300)
		n := len(bc.slate.Candidates)
		c, _ := count.NewCounter(bc.slate)
		var good []ballot.Ballot
		for k, b := range bc.ballots {
			if !b.Spoiled && rapid.IntRange(0, 9).Draw(t, "corrupt?") == 0 {
				bad := b.Clone()
				at := rapid.IntRange(0, n-1).Draw(t, "at")
				bad.Marks[at] = ballot.Mark(rapid.IntRange(3, 255).Draw(t, "value"))
				err := c.Add(bad)
				var be *ballot.BallotError
				if !errors.Is(err, ballot.ErrMarkValue) || !errors.As(err, &be) || be.Mark != at+1 {
					t.Fatalf("ballot %d with mark %d = %d: error %v", k, at+1, bad.Marks[at], err)
				}
			}
			if err := c.Add(b); err != nil {
				t.Fatal(err)
			}
			good = append(good, b)
		}
		want := refCount(bc.slate, good)
		if d := diffCounts(want, c.Counts()); d != "" {
			t.Fatalf("refused ballots left a trace:%s", d)
		}
	})
}

// The 16-bit lanes take 256 flushes of the byte lanes (32,512 ballots): 70,000 ballots all marked
// Against (two per lane per ballot, the most a lane can gain) are counted exactly on every path.
func TestBulkWideLanes(t *testing.T) {
	defer count.SetParallelMinShare(1)()
	for _, n := range []int{3, 9, 20} {
		s := ballot.Slate{Office: "o", Seats: 1}
		for i := range n {
			s.Candidates = append(s.Candidates, ballot.Candidate{ID: fmt.Sprint("c", i), Name: fmt.Sprint("N", i)})
		}
		const nb = 70_000
		all := slices.Repeat([]ballot.Ballot{{Marks: slices.Repeat([]ballot.Mark{ballot.Against}, n)}}, nb)
		all[123] = ballot.Ballot{Marks: make([]ballot.Mark, n)}
		all[123].Marks[0] = ballot.For
		for _, p := range countEveryPath(t, s, all, 2) {
			name, got := p.name, p.counts
			for i, cc := range got.Candidates {
				wantFor, wantAbstain := 0, 1
				if i == 0 {
					wantFor, wantAbstain = 1, 0
				}
				if cc.For != wantFor || cc.Against != nb-1 || cc.Abstain != wantAbstain || got.Valid != nb {
					t.Fatalf("%s, %d candidates: %s %+v (valid %d)", name, n, cc.ID, cc, got.Valid)
				}
			}
		}
	}
}

type pathCounts struct {
	name   string
	counts count.Counts
}

// countEveryPath counts the ballots by Counter.Add, by Counter.AddBatch and by
// Counter.AddBatchParallel on the given number of workers, and returns the counts of each.
func countEveryPath(t *testing.T, s ballot.Slate, all []ballot.Ballot, workers int) []pathCounts {
	t.Helper()
	add, err := count.Count(s, all)
	if err != nil {
		t.Fatal(err)
	}
	bt := batchOf(t, len(s.Candidates), all)
	one, _ := count.NewCounter(s)
	if err := one.AddBatch(bt); err != nil {
		t.Fatal(err)
	}
	par, _ := count.NewCounter(s)
	if err := par.AddBatchParallel(bt, workers); err != nil {
		t.Fatal(err)
	}
	return []pathCounts{{"Add", add}, {"AddBatch", one.Counts()}, {fmt.Sprintf("AddBatchParallel/%d", workers), par.Counts()}}
}

// TestNewBatchGrowsLazily: a batch's capacity is room it may grow to, not memory taken at once: a
// batch with room for 2²⁷ ballots (1 GiB of marks, within the bound of 2³⁷ words) allocates no
// more than the 1 MiB NewBatch reserves until ballots are appended, and grows as they come.
func TestNewBatchGrowsLazily(t *testing.T) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	bt, err := count.NewBatch(8, 1<<27)
	if err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	if got := after.TotalAlloc - before.TotalAlloc; got > 2<<20 {
		t.Fatalf("NewBatch(8, 1<<27) allocated %d bytes", got)
	}
	for range 10_000 {
		if err := bt.Append(ballot.Ballot{Marks: make([]ballot.Mark, 8)}); err != nil {
			t.Fatal(err)
		}
	}
	if bt.Len() != 10_000 {
		t.Fatalf("%d ballots", bt.Len())
	}
	// The bound itself is accepted, without allocating it.
	if _, err := count.NewBatch(8, 1<<37); err != nil {
		t.Fatal(err)
	}
	if _, err := count.NewBatch(8, 1<<37+1); !errors.Is(err, count.ErrBatchRange) {
		t.Fatalf("beyond the bound: %v", err)
	}
}
