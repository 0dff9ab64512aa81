package tally_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"reflect"
	"slices"
	"testing"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/internal/fuzzbytes"
	"github.com/chae-go/chae/quota"
	"github.com/chae-go/chae/tally"
	"github.com/chae-go/chae/tally/count"
	"pgregory.net/rapid"
)

// The fuzz targets of deciding: Decide and Verify on arbitrary counts and turnouts against a model
// in exact arithmetic (math/big), the definition round trip from values, and the round laws of
// TestPropertyRoundLaws through rapid.MakeFuzz.

func bigInt(n int) *big.Int { return big.NewInt(int64(n)) }

// clears reports whether votes clear the threshold on base, in exact arithmetic: votes·den
// against num·base.
func clears(th quota.Threshold, votes, base int) bool {
	l := new(big.Int).Mul(bigInt(votes), big.NewInt(th.Share.Den()))
	r := new(big.Int).Mul(big.NewInt(th.Share.Num()), bigInt(max(base, 0)))
	if th.Boundary == quota.AtLeast {
		return l.Cmp(r) >= 0
	}
	return l.Cmp(r) > 0
}

// baseFigure is the figure of a base in a round, by its definition (tally.Base).
func baseFigure(b tally.Base, t tally.Turnout, c count.Counts) int {
	switch b {
	case tally.OfEntitled:
		return t.Entitled
	case tally.OfIssued:
		return t.Issued
	case tally.OfReturned:
		return t.Returned.Or(c.Ballots)
	case tally.OfValid:
		return c.Valid
	}
	return t.Present
}

// realCounts reports whether c can be the count of real ballots for the slate, in exact
// arithmetic: the figures add up, no more persons chosen than seats × valid.
func realCounts(s ballot.Slate, c count.Counts) bool {
	sum := func(xs ...int) *big.Int {
		t := new(big.Int)
		for _, x := range xs {
			if x < 0 {
				return big.NewInt(-1)
			}
			t.Add(t, bigInt(x))
		}
		return t
	}
	if len(c.Candidates) != len(s.Candidates) || c.Ballots < 0 || sum(c.Valid, c.Invalid, c.Spoiled).Cmp(bigInt(c.Ballots)) != 0 {
		return false
	}
	chosen := new(big.Int)
	for i, x := range c.Candidates {
		if x.ID != s.Candidates[i].ID || sum(x.For, x.Against, x.Abstain).Cmp(bigInt(c.Valid)) != 0 {
			return false
		}
		chosen.Add(chosen, bigInt(x.For))
	}
	for _, w := range c.WriteIns {
		if w.Votes < 0 || w.Votes > c.Valid {
			return false
		}
		chosen.Add(chosen, bigInt(w.Votes))
	}
	return chosen.Cmp(new(big.Int).Mul(bigInt(s.Seats), bigInt(c.Valid))) <= 0
}

// fuzzElection draws rules, a slate, a turnout and counts.
func fuzzElection(r *fuzzbytes.Reader) (tally.Rules, ballot.Slate, tally.Turnout, count.Counts) {
	shares := []quota.Fraction{quota.Ratio(1, 2), quota.Ratio(1, 3), quota.Ratio(2, 3), {}, quota.Ratio(1, 1)}
	rules := tally.Rules{Name: "fuzz",
		Quorum:                  quota.Threshold{Share: shares[int(r.Byte())%len(shares)], Boundary: quota.Boundary(r.Byte() % 2)},
		Threshold:               quota.Threshold{Share: shares[int(r.Byte())%len(shares)], Boundary: quota.Boundary(r.Byte() % 2)},
		Base:                    tally.Base(r.Byte() % 5),
		VoidWhenReturnedExceeds: tally.Base(r.Byte() % 5),
		Tie:                     tally.TieRule(r.Byte() % 2),
		WriteIns:                r.Byte()%2 == 0,
	}
	seats := 1 + int(r.Byte()%3)
	s := ballot.Slate{Office: "fuzz", Seats: seats}
	for i := range seats + 1 + int(r.Byte()%3) {
		s.Candidates = append(s.Candidates, ballot.Candidate{ID: fmt.Sprintf("c%d", i+1), Name: fmt.Sprintf("Name %d", i+1),
			Attrs: map[string]string{"born": fmt.Sprintf("19%d0-01-01", 5+r.Byte()%3)}})
	}
	t := tally.Turnout{Entitled: r.Int(), Present: r.Int(), Issued: r.Int()}
	if r.Byte()%4 != 0 { // a quarter of the rounds leave the ballots returned undeclared
		t.Returned = tally.Declare(r.Int())
	}
	c := count.Counts{Ballots: r.Int(), Valid: r.Int(), Invalid: r.Int(), Spoiled: r.Int()}
	for _, cand := range s.Candidates {
		c.Candidates = append(c.Candidates, count.CandidateCount{ID: cand.ID, For: r.Int(), Against: r.Int(), Abstain: r.Int()})
	}
	for i := range r.Byte() % 3 {
		c.WriteIns = append(c.WriteIns, count.WriteInCount{Name: []string{"Sun Yue", "Ma Li"}[i], Votes: r.Int()})
	}
	return rules, s, t, c
}

// FuzzDecide: Decide never panics; it refuses counts that cannot be real (in exact arithmetic)
// unless the round has no quorum and no counts; and a decided round elects no more than its seats,
// each elected clearing the rules' bar on the rules' base, computed here from the turnout and the
// counts; the record of the election reads back and verifies.
func FuzzDecide(f *testing.F) {
	// Rules (quorum, threshold, bases, tie, write-ins), seats, candidates and birth dates; then
	// the turnout, the figures, each candidate's marks and the write-ins.
	f.Add([]byte{3, 0, 0, 0, 0, 2, 0, 1, 0, 0, 0, 0, 5, 5, 5, 0, 5, 5, 0, 0, 4, 1, 0, 1, 4, 0, 0})
	f.Add([]byte{3, 0, 0, 0, 0, 2, 0, 1, 0, 0, 0, 0, 5, 5, 5, 0, 5, 5, 0, 0, 249, 0, 249, 0, 7, 1, 4, 0, 0}) // MaxInt + MaxInt + 7 = 5
	f.Add([]byte{1, 1, 1, 1, 3, 2, 1, 1, 1, 1, 30, 25, 25, 0, 25, 24, 1, 0, 20, 4, 0, 13, 10, 1, 9, 9, 6, 25, 0, 0, 2, 5, 3})
	f.Fuzz(func(t *testing.T, data []byte) {
		r := fuzzbytes.New(data)
		rules, s, turnout, c := fuzzElection(r)
		e, err := tally.NewElection(s, rules)
		if err != nil {
			t.Fatalf("NewElection: %v", err)
		}
		d, err := e.Decide(turnout, c)
		if err != nil {
			if !errors.Is(err, tally.ErrTurnout) && !errors.Is(err, count.ErrCounts) && !errors.Is(err, count.ErrSlateMismatch) {
				t.Fatalf("Decide: unexpected error %v", err)
			}
			return
		}
		zero := c.Ballots == 0 && c.Valid == 0 && c.Invalid == 0 && c.Spoiled == 0 && len(c.WriteIns) == 0 // counts of nothing
		if !realCounts(s, c) && !(d.Outcome == tally.NoQuorum && zero) {
			t.Fatalf("Decide accepted counts that cannot be real: %+v (outcome %v, elected %v)", c, d.Outcome, d.Elected)
		}
		if d.Outcome != tally.Decided && len(d.Elected) > 0 {
			t.Fatalf("outcome %v elects %v", d.Outcome, d.Elected)
		}
		if d.Outcome == tally.Decided && !clears(rules.Quorum, turnout.Present, turnout.Entitled) {
			t.Fatalf("decided without quorum: %d present of %d, %v", turnout.Present, turnout.Entitled, rules.Quorum)
		}
		if len(d.Elected) > s.Seats {
			t.Fatalf("%d elected for %d seats", len(d.Elected), s.Seats)
		}
		base := baseFigure(rules.Base, turnout, c)
		for _, id := range d.Elected {
			votes := -1
			if i := s.Index(id); i >= 0 {
				votes = c.Candidates[i].For
			} else if j := slices.IndexFunc(c.WriteIns, func(w count.WriteInCount) bool { return tally.WriteInPrefix+w.Name == id }); j >= 0 {
				votes = c.WriteIns[j].Votes
			}
			if votes < 0 || votes > c.Valid || !clears(rules.Threshold, votes, base) {
				t.Fatalf("%s elected with %d votes on %d valid ballots: %v of %d (%v) not cleared", id, votes, c.Valid, rules.Threshold, base, rules.Base)
			}
		}
		rec, err := json.Marshal(e.Result())
		if err != nil {
			t.Fatal(err)
		}
		back, err := tally.ReadRecord(bytes.NewReader(rec))
		if err != nil {
			t.Fatalf("the record does not read back: %v", err)
		}
		if err := back.Verify(); err != nil {
			t.Fatalf("the record of a decided round does not verify: %v", err)
		}
	})
}

// verifyBase is the record FuzzVerify tampers with: 5 present vote for one seat between c1 and c2;
// c1 is elected with 4 votes.
func verifyBase(tb testing.TB) tally.Result {
	s := ballot.Slate{Office: "Branch committee", Seats: 1, Candidates: []ballot.Candidate{{ID: "c1", Name: "Mallory"}, {ID: "c2", Name: "Li Wei"}}}
	e, err := tally.NewElection(s, tally.CPCGrassrootsCommittee())
	if err != nil {
		tb.Fatal(err)
	}
	c := count.Counts{Ballots: 5, Valid: 5, WriteIns: []count.WriteInCount{}, Candidates: []count.CandidateCount{
		{ID: "c1", For: 4, Against: 1}, {ID: "c2", For: 1, Against: 4}}}
	if _, err := e.Decide(tally.Turnout{Entitled: 5, Present: 5, Issued: 5}, c); err != nil {
		tb.Fatal(err)
	}
	return e.Result()
}

// FuzzVerify tampers with a record as a forger would — other marks for the candidates, written
// into the counts and the standings alike, and c1 still elected with its For votes — and gives it
// a fresh digest: the record reads, and Verify passes only if the counts can be real (in exact
// arithmetic) and c1's votes clear the bar on those present. Without exact sums, For = Against =
// MaxInt and Abstain = 7 on 5 valid ballots verified.
func FuzzVerify(f *testing.F) {
	f.Add([]byte{4, 1, 0, 1, 4, 0})
	f.Add([]byte{249, 0, 249, 0, 7, 1, 4, 0})
	f.Add([]byte{3, 2, 0, 2, 3, 0})
	base := verifyBase(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		r := fuzzbytes.New(data)
		res := base
		res.Decisions = slices.Clone(base.Decisions)
		d := &res.Decisions[0]
		d.Counts = d.Counts.Clone()
		d.Standings = slices.Clone(d.Standings)
		d.Reasons = slices.Clone(d.Reasons)
		res.Elected = slices.Clone(base.Elected)
		for i := range d.Counts.Candidates {
			x := &d.Counts.Candidates[i]
			x.For, x.Against, x.Abstain = r.Int(), r.Int(), r.Int()
			st := &d.Standings[i]
			st.For, st.Against, st.Abstain = x.For, x.Against, x.Abstain
		}
		c1 := d.Counts.Candidates[0].For
		last := &d.Reasons[len(d.Reasons)-1]
		last.Figures.VotesOf = []int{c1}
		res.Elected[0].Votes = c1
		rec, err := json.Marshal(res)
		if err != nil {
			t.Fatal(err)
		}
		back, err := tally.ReadRecord(bytes.NewReader(rec))
		if err != nil {
			t.Fatalf("a record with a fresh digest does not read: %v", err)
		}
		if err := back.Verify(); err != nil {
			if !errors.Is(err, tally.ErrRecord) {
				t.Fatalf("Verify: %v does not wrap ErrRecord", err)
			}
			return
		}
		if !realCounts(res.Slate, d.Counts) || !clears(quota.Majority(), c1, d.Turnout.Present) {
			t.Fatalf("a forged record verifies: counts %+v elect c1 with %d votes", d.Counts, c1)
		}
	})
}

// FuzzPropertyRoundLaws runs the laws of a decided round (TestPropertyRoundLaws) on fuzz input.
func FuzzPropertyRoundLaws(f *testing.F) {
	f.Fuzz(rapid.MakeFuzz(propRoundLaws))
}

// FuzzDefinitionRoundTrip: a definition made of any office, names, attribute and turnout is
// written by MarshalJSON and read back by ReadDefinition as the same definition, or is refused
// on reading for a reason its values hold: a slate that does not validate (an empty or unprintable
// name: ballot.ErrNameText), or a turnout that is not consistent.
func FuzzDefinitionRoundTrip(f *testing.F) {
	f.Add("Branch committee", "Li Wei", "Wang Fang", "female", uint8(2), int64(50), int64(46))
	f.Add("第一党支部委员会", "李伟", "王芳", "女", uint8(1), int64(5), int64(5))
	f.Add("R&D <board>", "Li\x00Wei", "\xff", "\u202e", uint8(1), int64(-1), int64(0))
	f.Fuzz(func(t *testing.T, office, name1, name2, attr string, seats uint8, entitled, present int64) {
		def := tally.Definition{Preset: "cpc-grassroots-committee", Rules: tally.CPCGrassrootsCommittee(),
			Slate: ballot.Slate{Office: office, Seats: 1 + int(seats%2), Candidates: []ballot.Candidate{
				{ID: "c1", Name: name1, Attrs: map[string]string{"gender": attr}}, {ID: "c2", Name: name2}, {ID: "c3", Name: "Zhang Min"}}},
			Turnout: []tally.Turnout{{Entitled: int(entitled), Present: int(present), Issued: int(present)}}}
		wantErr := def.Slate.Validate() != nil || def.Turnout[0].Check(count.Counts{Ballots: int(present)}) != nil // the figures alone
		enc, err := def.MarshalJSON()
		if err != nil {
			if def.Slate.Validate() == nil {
				t.Fatalf("MarshalJSON: %v", err)
			}
			return
		}
		back, err := tally.ReadDefinition(bytes.NewReader(enc))
		if err != nil {
			var de *tally.DefinitionError
			if !wantErr || !errors.As(err, &de) {
				t.Fatalf("ReadDefinition refuses what MarshalJSON wrote: %v\n%s", err, enc)
			}
			return
		}
		if wantErr {
			t.Fatalf("ReadDefinition accepts a definition that does not validate:\n%s", enc)
		}
		if !reflect.DeepEqual(back.Slate, def.Slate) || !reflect.DeepEqual(back.Turnout, def.Turnout) || back.Preset != def.Preset {
			t.Fatalf("round trip changed the definition:\n%+v\n%+v", def, back)
		}
	})
}
