package tally_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"testing"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/tally"
	"github.com/chae-go/chae/tally/count"
)

// sampleResult runs a small election with a runoff and a supplementary round.
func sampleResult(t testing.TB) tally.Result {
	e, err := tally.NewElection(slateOf(5, 8), tally.CPCGrassrootsCommittee())
	if err != nil {
		t.Fatal(err)
	}
	turnout := tally.Turnout{Entitled: 50, Present: 46, Issued: 46}
	for _, votes := range [][]int{{40, 35, 30, 20, 15, 18, 10, 5}, {30, 26, 26}, {20, 25}} {
		r := e.Next()
		if _, err := e.Decide(turnout, countsOf(r.Slate, 46, 0, 0, votes)); err != nil {
			t.Fatal(err)
		}
	}
	if !e.Done() {
		t.Fatal("sample election not done")
	}
	return e.Result()
}

func TestRecordRoundTrip(t *testing.T) {
	t.Parallel()
	res := sampleResult(t)
	b, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte(`{"format":"chae.election/2","slate":{"office":"committee","seats":5,`)) ||
		!bytes.HasSuffix(b, []byte(`,"done":true,"digest":"`+res.Digest()+`"}`)) {
		t.Fatalf("record layout: %.120s … %s", b, b[len(b)-100:])
	}
	var back tally.Result
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	b2, _ := json.Marshal(back)
	if !bytes.Equal(b, b2) {
		t.Fatal("re-encoded record differs")
	}
	kinds := ""
	for _, d := range back.Decisions {
		kinds += d.Round.Kind.String() + " "
	}
	if kinds != "regular supplementary runoff " {
		t.Errorf("rounds %q", kinds)
	}
	if err := back.Verify(); err != nil {
		t.Fatalf("decoded record does not verify: %v", err)
	}
	// A forged record with a fresh digest decodes, but does not verify.
	forged := back
	forged.Decisions = slices.Clone(back.Decisions)
	forged.Decisions[0].Elected = []string{"A", "B", "C", "D"}
	fb, _ := json.Marshal(forged)
	var f2 tally.Result
	if err := json.Unmarshal(fb, &f2); err != nil {
		t.Fatal(err)
	}
	if err := f2.Verify(); !errors.Is(err, tally.ErrRecord) {
		t.Fatalf("forged record verifies: %v", err)
	}
	for _, bad := range []struct{ name, from, to string }{
		{"format", `"chae.election/2"`, `"chae.election/3"`},
		{"digest", `"digest":"sha256:`, `"digest":"sha256:0`},
		{"a count", `"for":40`, `"for":41`},
		{"a kind", `"kind":"runoff"`, `"kind":"lottery"`},
	} {
		tampered := bytes.Replace(b, []byte(bad.from), []byte(bad.to), 1)
		if err := json.Unmarshal(tampered, &back); !errors.Is(err, tally.ErrRecord) {
			t.Errorf("tampered %s: %v", bad.name, err)
		}
	}
}

// The digest covers the caller's decisions as well as the figures: the reason given for closing a
// seat, and the order drawn by lot even where another order elects the same candidate. The same
// decisions give the same digest.
func TestDigestCoversCallerDecisions(t *testing.T) {
	t.Parallel()
	turnout := tally.Turnout{Entitled: 50, Present: 46, Issued: 46}
	reduced := func(reason string) string {
		e, err := tally.NewElection(slateOf(5, 8), tally.CPCGrassrootsCommittee())
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.Decide(turnout, countsOf(e.Next().Slate, 46, 0, 0, []int{40, 35, 30, 29, 20, 18, 10, 5})); err != nil {
			t.Fatal(err)
		}
		if err := e.ReduceSeats(1, reason); err != nil {
			t.Fatal(err)
		}
		res := e.Result()
		if !res.Done || len(res.Closed) != 1 || res.Closed[0].Reason != reason {
			t.Fatalf("done %v, closed %+v", res.Done, res.Closed)
		}
		return res.Digest()
	}
	if reduced("the presidium decided") != reduced("the presidium decided") {
		t.Error("the same reduction gives another digest")
	}
	if reduced("the presidium decided") == reduced("more than half of the electors consented") {
		t.Error("the reason for closing a seat is not covered by the digest")
	}
	lots := func(order ...string) string {
		e, err := tally.NewElection(slateOf(2, 4), lotsRules())
		if err != nil {
			t.Fatal(err)
		}
		c := countsOf(e.Next().Slate, 46, 0, 0, []int{30, 20, 20, 20})
		if _, err := e.Decide(turnout, c); !errors.Is(err, tally.ErrLotsNeeded) {
			t.Fatalf("error %v, want ErrLotsNeeded", err)
		}
		if err := e.DrawLots(order); err != nil {
			t.Fatal(err)
		}
		d, err := e.Decide(turnout, c)
		if err != nil || !slices.Equal(d.Elected, []string{"A", "D"}) {
			t.Fatalf("elected %q, %v", d.Elected, err)
		}
		return e.Result().Digest()
	}
	if lots("D", "B", "C") != lots("D", "B", "C") {
		t.Error("the same lots give another digest")
	}
	if lots("D", "B", "C") == lots("D", "C", "B") {
		t.Error("the order drawn by lot is not covered by the digest")
	}
}

// FuzzRecord: reading a record never panics and every error wraps ErrRecord; a record that is read
// is canonical: encoding what was read gives back its bytes exactly (decode∘encode is the
// identity on accepted input), and reading those bytes again gives the same digest.
func FuzzRecord(f *testing.F) {
	b, err := json.Marshal(sampleResult(f))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add(honestRecord(f))
	if crafted, err := os.ReadFile("testdata/overflow-record.json"); err == nil {
		f.Add(crafted)
	}
	f.Add(bytes.Replace(b, []byte(`"name":"A"`), []byte(`"name":"A","NAME":"A"`), 1))
	f.Add([]byte(`{"format":"chae.election/2"}`))
	f.Add([]byte(`{}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := tally.ReadRecord(bytes.NewReader(data))
		if err != nil {
			if !errors.Is(err, tally.ErrRecord) {
				t.Fatalf("error not wrapping ErrRecord: %v", err)
			}
			return
		}
		out, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		if want := bytes.TrimSuffix(data, []byte("\n")); !bytes.Equal(out, want) {
			t.Fatalf("a record read is not its canonical encoding:\n read %q\n encoded %q", want, out)
		}
		var again tally.Result
		if err := json.Unmarshal(out, &again); err != nil {
			t.Fatalf("re-encoded record refused: %v", err)
		}
		if again.Digest() != r.Digest() {
			t.Fatal("digest changed in the round trip")
		}
	})
}

// ExampleResult_Digest shows that the digest covers the inputs: the same election gives the same
// digest, and one vote more somewhere gives another.
func ExampleResult_Digest() {
	run := func(votesForB int) string {
		s := ballot.Slate{Office: "Committee", Seats: 1, Candidates: []ballot.Candidate{{ID: "a", Name: "A"}, {ID: "b", Name: "B"}}}
		e, _ := tally.NewElection(s, tally.CPCGrassrootsCommittee())
		c := count.Counts{Ballots: 10, Valid: 10, WriteIns: []count.WriteInCount{},
			Candidates: []count.CandidateCount{{ID: "a", For: 8, Against: 2}, {ID: "b", For: votesForB, Against: 10 - votesForB}}}
		_, _ = e.Decide(tally.Turnout{Entitled: 10, Present: 10, Issued: 10}, c)
		return e.Result().Digest()
	}
	fmt.Println(run(2) == run(2), run(2) == run(3))
	// Output: true false
}

func BenchmarkDecide(b *testing.B) {
	for _, size := range []struct{ seats, candidates, voters int }{{7, 9, 46}, {100, 120, 1000}, {2300, 2760, 3000}} {
		b.Run(fmt.Sprintf("%dof%d", size.seats, size.candidates), func(b *testing.B) {
			s := slateOf(1, 1)
			s.Seats, s.Candidates = size.seats, nil
			for i := range size.candidates {
				s.Candidates = append(s.Candidates, ballot.Candidate{ID: fmt.Sprintf("c%d", i), Name: fmt.Sprintf("Candidate %d", i)})
			}
			rng := rand.New(rand.NewPCG(1, 2))
			votes := make([]int, size.candidates)
			for i := range votes {
				votes[i] = rng.IntN(size.voters + 1)
			}
			c := countsOf(s, size.voters, 0, 0, votes)
			turnout := tally.Turnout{Entitled: size.voters, Present: size.voters, Issued: size.voters}
			b.ReportAllocs()
			for b.Loop() {
				e, err := tally.NewElection(s, tally.CPCLocalDelegates())
				if err != nil {
					b.Fatal(err)
				}
				if _, err := e.Decide(turnout, c); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkRecord(b *testing.B) {
	res := sampleResult(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := json.Marshal(res); err != nil {
			b.Fatal(err)
		}
	}
}
