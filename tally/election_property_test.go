package tally_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"testing"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/quota"
	"github.com/chae-go/chae/tally"
	"github.com/chae-go/chae/tally/count"
	"pgregory.net/rapid"
)

// genElectionRules draws a rule set: any base, a threshold of 1/3, 1/2 or 2/3 either strict or not, a
// runoff or older-first tie rule, write-ins or not, and the loosest difference rule.
func genElectionRules(t *rapid.T) tally.Rules {
	shares := []quota.Fraction{quota.Ratio(1, 3), quota.Ratio(1, 2), quota.Ratio(2, 3)}
	r := tally.Rules{
		Name:                    "generated",
		Quorum:                  quota.Majority(),
		Threshold:               quota.Threshold{Share: rapid.SampledFrom(shares).Draw(t, "share"), Boundary: quota.Boundary(rapid.IntRange(0, 1).Draw(t, "boundary"))},
		Base:                    tally.Base(rapid.IntRange(0, 4).Draw(t, "base")),
		VoidWhenReturnedExceeds: tally.OfIssued,
		Tie:                     tally.TieRule(rapid.IntRange(0, 1).Draw(t, "tie")),
		WriteIns:                rapid.Bool().Draw(t, "writeIns"),
	}
	if rapid.Bool().Draw(t, "runoffBar") {
		r.Runoff = &tally.Bar{Threshold: quota.Majority(), Base: tally.OfValid}
	}
	r.Shortfall.MaxRounds = rapid.IntRange(0, 2).Draw(t, "maxSupplementary")
	return r
}

// genElectionSlate draws a slate of 1–6 seats with 1–4 more candidates, each with a birth date from a small
// set (so that some share one).
func genElectionSlate(t *rapid.T) ballot.Slate {
	seats := rapid.IntRange(1, 6).Draw(t, "seats")
	n := seats + rapid.IntRange(1, 4).Draw(t, "surplus")
	s := ballot.Slate{Office: "generated", Seats: seats}
	for i := range n {
		born := fmt.Sprintf("19%d0-01-01", rapid.IntRange(5, 7).Draw(t, "born"))
		s.Candidates = append(s.Candidates, ballot.Candidate{ID: fmt.Sprintf("c%d", i), Name: fmt.Sprintf("Candidate %d", i),
			Attrs: map[string]string{"born": born}})
	}
	return s
}

// genElectionBallots draws the ballots of a round: marks at random (so over-votes occur), a few write-ins
// from a small pool, now and then a spoiled ballot.
func genElectionBallots(t *rapid.T, s ballot.Slate, n int) []ballot.Ballot {
	out := make([]ballot.Ballot, n)
	for i := range out {
		b := ballot.Ballot{Marks: make([]ballot.Mark, len(s.Candidates))}
		for j := range b.Marks {
			// For twice as likely as the others, so that candidates clear the bar.
			b.Marks[j] = []ballot.Mark{ballot.For, ballot.For, ballot.Against, ballot.Abstain}[rapid.IntRange(0, 3).Draw(t, "mark")]
		}
		if rapid.IntRange(0, 9).Draw(t, "writeIn") == 0 {
			b.WriteIns = []string{rapid.SampledFrom([]string{"Sun Yue", "Ma Li"}).Draw(t, "name")}
		}
		b.Spoiled = rapid.IntRange(0, 19).Draw(t, "spoiled") == 0
		out[i] = b
	}
	return out
}

// scenario is one regular round: rules, slate, ballots and a turnout that reaches quorum and is
// never void.
type scenario struct {
	rules   tally.Rules
	slate   ballot.Slate
	ballots []ballot.Ballot
	turnout tally.Turnout
}

func genScenario(t *rapid.T) scenario {
	sc := scenario{rules: genElectionRules(t), slate: genElectionSlate(t)}
	present := rapid.IntRange(1, 30).Draw(t, "present")
	returned := rapid.IntRange(1, present).Draw(t, "returned")
	sc.ballots = genElectionBallots(t, sc.slate, returned)
	sc.turnout = tally.Turnout{Entitled: present + rapid.IntRange(0, present-1).Draw(t, "absent"), Present: present, Issued: returned}
	return sc
}

func decideFirst(t *rapid.T, sc scenario) (*tally.Election, tally.Decision) {
	e, err := tally.NewElection(sc.slate, sc.rules)
	if err != nil {
		t.Fatal(err)
	}
	c, err := count.Count(e.Next().Slate, sc.ballots)
	if err != nil {
		t.Fatal(err)
	}
	d, err := e.Decide(sc.turnout, c)
	if err != nil {
		t.Fatal(err)
	}
	if d.Outcome != tally.Decided {
		t.Fatalf("outcome %v", d.Outcome)
	}
	return e, d
}

// checkDecision checks the laws every decided round obeys: never more elected than its seats,
// every elected cleared the bar, runoff seats fewer than the tied, seats accounted for.
func checkDecision(t *rapid.T, d tally.Decision) {
	for _, r := range d.Reasons {
		checkReason(t, r)
	}
	if d.Outcome != tally.Decided {
		if len(d.Elected) > 0 {
			t.Fatalf("round %d %v but elected %q", d.Round.Number, d.Outcome, d.Elected)
		}
		return
	}
	seats := d.Round.Slate.Seats
	if len(d.Elected) > seats {
		t.Fatalf("round %d: %d elected for %d seats", d.Round.Number, len(d.Elected), seats)
	}
	if len(d.Elected)+d.RunoffSeats+d.Missing != seats {
		t.Fatalf("round %d: %d elected + %d runoff + %d missing ≠ %d seats", d.Round.Number, len(d.Elected), d.RunoffSeats, d.Missing, seats)
	}
	if len(d.Tied) > 0 && d.RunoffSeats >= len(d.Tied) {
		t.Fatalf("round %d: runoff of %d for %d seats", d.Round.Number, len(d.Tied), d.RunoffSeats)
	}
	for _, id := range d.Elected {
		i := slices.IndexFunc(d.Standings, func(s tally.Standing) bool { return s.ID == id })
		if i < 0 {
			t.Fatalf("round %d: elected %q has no standing", d.Round.Number, id)
		}
		st := d.Standings[i]
		if st.Status != tally.Elected || !st.Cleared || st.For < d.Needed {
			t.Fatalf("round %d: elected %q with %d votes, %d needed, status %v", d.Round.Number, id, st.For, d.Needed, st.Status)
		}
		if d.Bar != nil && !d.Bar.Threshold.Passes(st.For, d.BaseFigure) {
			t.Fatalf("round %d: elected %q with %d votes does not clear %v of %d", d.Round.Number, id, st.For, d.Bar, d.BaseFigure)
		}
	}
	// Everyone who cleared the bar with more votes than an elected person is elected too.
	low := -1
	for _, s := range d.Standings {
		if s.Status == tally.Elected && (low < 0 || s.For < low) {
			low = s.For
		}
	}
	for _, s := range d.Standings {
		if s.Cleared && s.Status != tally.Elected && s.Status != tally.Ineligible && low >= 0 && s.For > low {
			t.Fatalf("round %d: %q with %d votes not elected, though someone with %d is", d.Round.Number, s.ID, s.For, low)
		}
	}
}

func TestPropertyRoundLaws(t *testing.T) {
	t.Parallel()
	rapid.Check(t, propRoundLaws)
}

func propRoundLaws(t *rapid.T) {
	_, d := decideFirst(t, genScenario(t))
	checkDecision(t, d)
}

// Adding For votes to an elected candidate never un-elects them.
func TestPropertyMonotone(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		sc := genScenario(t)
		e, d := decideFirst(t, sc)
		var slateElected []string
		for _, id := range d.Elected {
			if sc.slate.Index(id) >= 0 {
				slateElected = append(slateElected, id)
			}
		}
		if len(slateElected) == 0 {
			t.Skip("no candidate elected")
		}
		id := rapid.SampledFrom(slateElected).Draw(t, "elected")
		c := e.Result().Decisions[0].Counts
		i := sc.slate.Index(id)
		more := rapid.IntRange(1, 10).Draw(t, "more")
		chosen := 0 // persons chosen: they may not exceed seats × valid
		for _, cc := range c.Candidates {
			chosen += cc.For
		}
		for _, w := range c.WriteIns {
			chosen += w.Votes
		}
		for range more {
			switch {
			case chosen >= sc.slate.Seats*c.Valid:
				continue
			case c.Candidates[i].Against > 0:
				c.Candidates[i].Against--
			case c.Candidates[i].Abstain > 0:
				c.Candidates[i].Abstain--
			default:
				continue
			}
			c.Candidates[i].For++
			chosen++
		}
		e2, err := tally.NewElection(sc.slate, sc.rules)
		if err != nil {
			t.Fatal(err)
		}
		d2, err := e2.Decide(sc.turnout, c)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Contains(d2.Elected, id) {
			t.Fatalf("%q elected with %d votes, not with more: %+v", id, d.Standings[i].For, d2.Reasons)
		}
	})
}

// Relabelling and reordering the candidates permutes the result.
func TestPropertyRelabel(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		sc := genScenario(t)
		_, d := decideFirst(t, sc)
		n := len(sc.slate.Candidates)
		perm := rapid.Permutation(seq(n)).Draw(t, "perm") // new position j holds old candidate perm[j]
		label := func(id string) string { return "x-" + id + "-y" }
		sc2 := sc
		sc2.slate = ballot.Slate{Office: sc.slate.Office, Seats: sc.slate.Seats}
		for _, old := range perm {
			c := sc.slate.Candidates[old].Clone()
			c.ID = label(c.ID)
			sc2.slate.Candidates = append(sc2.slate.Candidates, c)
		}
		sc2.ballots = make([]ballot.Ballot, len(sc.ballots))
		for k, b := range sc.ballots {
			nb := b.Clone()
			for j, old := range perm {
				nb.Marks[j] = b.Marks[old]
			}
			sc2.ballots[k] = nb
		}
		_, d2 := decideFirst(t, sc2)
		relabel := func(ids []string) []string {
			out := make([]string, len(ids))
			for i, id := range ids {
				if sc.slate.Index(id) >= 0 {
					out[i] = label(id)
				} else {
					out[i] = id
				}
			}
			slices.Sort(out)
			return out
		}
		sorted := func(ids []string) []string { s := slices.Clone(ids); slices.Sort(s); return s }
		if !slices.Equal(relabel(d.Elected), sorted(d2.Elected)) || !slices.Equal(relabel(d.Tied), sorted(d2.Tied)) ||
			d.Missing != d2.Missing || d.Needed != d2.Needed || d.RunoffSeats != d2.RunoffSeats {
			t.Fatalf("elected %q tied %q, relabelled %q tied %q", d.Elected, d.Tied, d2.Elected, d2.Tied)
		}
	})
}

func seq(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = i
	}
	return s
}

// The decision and the record are the same for any order of the ballots and any split into boxes.
func TestPropertyOrderAndBoxes(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		sc := genScenario(t)
		e1, _ := decideFirst(t, sc)
		shuffled := rapid.Permutation(sc.ballots).Draw(t, "order")
		boxes := rapid.IntRange(1, 4).Draw(t, "boxes")
		e2, err := tally.NewElection(sc.slate, sc.rules)
		if err != nil {
			t.Fatal(err)
		}
		var total *count.Counter
		for k := range boxes {
			c, _ := count.NewCounter(e2.Next().Slate)
			for i := k; i < len(shuffled); i += boxes {
				if err := c.Add(shuffled[i]); err != nil {
					t.Fatal(err)
				}
			}
			if total == nil {
				total = c
			} else if err := total.Merge(c); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := e2.Decide(sc.turnout, total.Counts()); err != nil {
			t.Fatal(err)
		}
		r1, r2 := e1.Result(), e2.Result()
		if !reflect.DeepEqual(r1, r2) {
			t.Fatalf("results differ:\n%+v\n%+v", r1.Decisions, r2.Decisions)
		}
		b1, _ := json.Marshal(r1)
		b2, _ := json.Marshal(r2)
		if !bytes.Equal(b1, b2) {
			t.Fatal("records differ")
		}
	})
}

// The digest changes when any single input changes, and not otherwise; a record decodes to the
// same digest and a tampered record is refused.
func TestPropertyDigest(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		sc := genScenario(t)
		run := func(sc scenario) tally.Result {
			e, _ := decideFirst(t, sc)
			return e.Result()
		}
		r := run(sc)
		if again := run(sc); again.Digest() != r.Digest() {
			t.Fatal("identical inputs, different digests")
		}
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		var back tally.Result
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatal(err)
		}
		if back.Digest() != r.Digest() {
			t.Fatal("decoded record has another digest")
		}
		b2, _ := json.Marshal(back)
		if !bytes.Equal(b, b2) {
			t.Fatalf("re-encoded record differs:\n%s\n%s", b, b2)
		}

		mutations := []struct {
			name string
			f    func(*scenario)
		}{
			{"office", func(s *scenario) { s.slate.Office += "!" }},
			{"candidate name", func(s *scenario) { s.slate.Candidates[0].Name += "!" }},
			{"candidate attribute", func(s *scenario) { s.slate.Candidates[0].Attrs["note"] = "x" }},
			{"candidate ID", func(s *scenario) { s.slate.Candidates[0].ID += "!" }},
			{"rules name", func(s *scenario) { s.rules.Name += "!" }},
			{"rules source", func(s *scenario) { s.rules.Source += "!" }},
			{"quorum", func(s *scenario) { s.rules.Quorum.Share = quota.Ratio(1, 3) }},
			{"threshold boundary", func(s *scenario) { s.rules.Threshold.Boundary = 1 - s.rules.Threshold.Boundary }},
			{"base", func(s *scenario) { s.rules.Base = (s.rules.Base + 1) % 5 }},
			{"void base", func(s *scenario) { s.rules.VoidWhenReturnedExceeds = tally.OfPresent }},
			{"tie rule", func(s *scenario) { s.rules.Tie = 1 - s.rules.Tie }},
			{"write-ins", func(s *scenario) { s.rules.WriteIns = !s.rules.WriteIns }},
			{"supplementary rounds", func(s *scenario) { s.rules.Shortfall.MaxRounds++ }},
			{"threshold share", func(s *scenario) {
				if s.rules.Threshold.Share.Cmp(quota.Ratio(1, 2)) == 0 {
					s.rules.Threshold.Share = quota.Ratio(2, 3)
				} else {
					s.rules.Threshold.Share = quota.Ratio(1, 2)
				}
			}},
			{"runoff bar", func(s *scenario) {
				if s.rules.Runoff == nil {
					s.rules.Runoff = &tally.Bar{Threshold: quota.Majority(), Base: tally.OfPresent}
				} else {
					s.rules.Runoff = nil
				}
			}},
			{"supplementary bar", func(s *scenario) {
				s.rules.Shortfall.Bar = &tally.Bar{Threshold: quota.Threshold{Share: quota.Ratio(1, 3), Boundary: quota.AtLeast}, Base: tally.OfReturned}
			}},
			{"supplementary list rule", func(s *scenario) { s.rules.Shortfall.Difference = &quota.Difference{MinSurplus: 1} }},
			{"quorum waiver", func(s *scenario) { s.rules.QuorumWaivedAfter++ }},
			{"candidate order", func(s *scenario) {
				// The same ballots for a slate printed in another order.
				c := s.slate.Candidates
				c[0], c[1] = c[1], c[0]
				for _, b := range s.ballots {
					b.Marks[0], b.Marks[1] = b.Marks[1], b.Marks[0]
				}
			}},
			{"seats", func(s *scenario) {
				if s.slate.Seats > 1 {
					s.slate.Seats--
					return
				}
				s.slate.Seats++
				s.slate.Candidates = append(s.slate.Candidates, ballot.Candidate{ID: "extra", Name: "Extra", Attrs: map[string]string{"born": "1960-01-01"}})
				for i := range s.ballots {
					s.ballots[i].Marks = append(s.ballots[i].Marks, ballot.Abstain)
				}
			}},
			{"difference", func(s *scenario) { s.rules.Difference.Source = "other" }},
			{"entitled", func(s *scenario) { s.turnout.Entitled++ }},
			{"present", func(s *scenario) { s.turnout.Present++; s.turnout.Entitled++ }},
			{"issued", func(s *scenario) { s.turnout.Issued++ }},
			{"one mark", func(s *scenario) {
				// Make ballot 0 all Against, or all Abstain if it was all Against: valid either way.
				b := s.ballots[0]
				to := ballot.Against
				if !b.Spoiled && len(b.WriteIns) == 0 && !slices.ContainsFunc(b.Marks, func(m ballot.Mark) bool { return m != ballot.Against }) {
					to = ballot.Abstain
				}
				nb := ballot.Ballot{Marks: make([]ballot.Mark, len(b.Marks))}
				for i := range nb.Marks {
					nb.Marks[i] = to
				}
				s.ballots[0] = nb
			}},
			{"one more ballot", func(s *scenario) {
				s.ballots = append(s.ballots, ballot.Ballot{Spoiled: true})
				s.turnout.Issued++
				s.turnout.Present++
				s.turnout.Entitled++
			}},
		}
		m := rapid.SampledFrom(mutations).Draw(t, "mutation")
		sc2 := scenario{rules: sc.rules, slate: sc.slate.Clone(), turnout: sc.turnout, ballots: make([]ballot.Ballot, len(sc.ballots))}
		for i, b := range sc.ballots {
			sc2.ballots[i] = b.Clone()
		}
		m.f(&sc2)
		e2, err := tally.NewElection(sc2.slate, sc2.rules)
		if err != nil {
			t.Fatal(err)
		}
		c2, err := count.Count(e2.Next().Slate, sc2.ballots)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e2.Decide(sc2.turnout, c2); err != nil {
			t.Fatal(err)
		}
		if e2.Result().Digest() == r.Digest() {
			t.Fatalf("changing the %s left the digest unchanged", m.name)
		}

		// Tampering with the record is detected.
		tampered := bytes.Replace(b, []byte(`"issued":`), []byte(`"issued":1`), 1)
		if err := json.Unmarshal(tampered, &back); !errors.Is(err, tally.ErrRecord) {
			t.Fatalf("tampered record accepted: %v", err)
		}
	})
}

// electionMachine drives an election through random rounds, then to its end, checking the
// invariants after every step against a plain model: the seats, who is elected, how many seats are
// closed.
type electionMachine struct {
	e       *tally.Election
	slate   ballot.Slate
	rules   tally.Rules
	elected map[string]bool
	closed  int
	last    *tally.Decision // the last round decided (not void, not without quorum)
	kinds   map[tally.RoundKind]int
}

func (m *electionMachine) decide(t *rapid.T) {
	if m.e.Done() {
		if _, err := m.e.Decide(tally.Turnout{}, count.Counts{}); !errors.Is(err, tally.ErrDone) {
			t.Fatalf("deciding a finished election: %v", err)
		}
		return
	}
	round := m.e.Next()
	valid := rapid.IntRange(0, 12).Draw(t, "valid")
	invalid := rapid.IntRange(0, 2).Draw(t, "invalid")
	// Persons chosen on the valid ballots: at most seats × valid.
	budget := round.Slate.Seats * valid
	var votes []int
	for range round.Slate.Candidates {
		v := rapid.IntRange(0, min(valid, budget)).Draw(t, "for")
		votes = append(votes, v)
		budget -= v
	}
	var wi []count.WriteInCount
	if rapid.IntRange(0, 4).Draw(t, "writeIn") == 0 {
		wi = append(wi, count.WriteInCount{Name: "Sun Yue", Votes: rapid.IntRange(0, min(valid, budget)).Draw(t, "wiVotes")})
	}
	c := countsOf(round.Slate, valid, invalid, 0, votes, wi...)
	present := valid + invalid + rapid.IntRange(0, 2).Draw(t, "abstaining")
	if rapid.IntRange(0, 9).Draw(t, "absentees") == 0 {
		present = max(1, present-rapid.IntRange(0, present).Draw(t, "left")) // may lose quorum or void
	}
	turnout := tally.Turnout{Entitled: present + rapid.IntRange(0, present).Draw(t, "absent"), Present: present,
		Issued: max(0, c.Ballots-rapid.IntRange(0, 9).Draw(t, "short")/9), Returned: tally.Declare(c.Ballots)}
	m.apply(t, round, turnout, c)
}

// apply decides round from turnout and c and checks the decision against the model.
func (m *electionMachine) apply(t *rapid.T, round tally.Round, turnout tally.Turnout, c count.Counts) {
	d, err := m.e.Decide(turnout, c)
	if err != nil {
		t.Fatal(err)
	}
	if d.Round.Number != round.Number || d.Round.Kind != round.Kind {
		t.Fatalf("decided round %d %v, asked for %d %v", d.Round.Number, d.Round.Kind, round.Number, round.Kind)
	}
	if d.Outcome == tally.Decided {
		m.kinds[round.Kind]++
	}
	checkDecision(t, d)
	for _, id := range d.Elected {
		if m.elected[id] {
			t.Fatalf("%q elected twice", id)
		}
		m.elected[id] = true
	}
	res := m.e.Result()
	m.closed = 0
	for _, r := range res.Closed {
		m.closed += r.Seats
	}
	if d.Outcome == tally.Decided {
		m.last = &d
	}
}

// finish drives the election to its end by a decisive round, checking the invariants after it: a
// full meeting, every ballot valid, and as many candidates as the round has seats with different
// numbers of For votes, all far above any bar the generated rules can set, the others with none. A regular or
// supplementary round then fills all its seats, and a runoff (whose round had no seat missing)
// elects the first of the tied for the seats left, so that one round ends the election.
func (m *electionMachine) finish(t *rapid.T) {
	if !m.e.Done() {
		round := m.e.Next()
		n := len(round.Slate.Candidates)
		valid := 100 + n
		perm := rapid.Permutation(seq(n)).Draw(t, "finalOrder")
		votes := make([]int, n)
		for i, p := range perm {
			if p < round.Slate.Seats {
				votes[i] = valid - 1 - p // more than 9/10 of every base
			} // the others none: the persons chosen stay within seats × valid
		}
		c := countsOf(round.Slate, valid, 0, 0, votes)
		m.apply(t, round, tally.Turnout{Entitled: valid, Present: valid, Issued: valid}, c)
		m.check(t)
		if !m.e.Done() {
			t.Fatalf("a decisive %v round did not end the election: next %v", round.Kind, m.e.Next().Kind)
		}
	}
	if _, err := m.e.Decide(tally.Turnout{}, count.Counts{}); !errors.Is(err, tally.ErrDone) {
		t.Fatalf("deciding a finished election: %v", err)
	}
	res := m.e.Result()
	filled := len(res.Elected)
	for _, r := range res.Closed {
		filled += r.Seats
	}
	if !res.Done || filled != m.slate.Seats {
		t.Fatalf("done %v: %d elected and %d closed for %d seats", res.Done, len(res.Elected), filled-len(res.Elected), m.slate.Seats)
	}
}

func (m *electionMachine) reduce(t *rapid.T) {
	if m.e.Done() || m.e.Next().Kind != tally.Supplementary {
		t.Skip("no shortfall")
	}
	n := rapid.IntRange(1, m.e.Open()).Draw(t, "reduce")
	if err := m.e.ReduceSeats(n, "the presidium decided"); err != nil {
		t.Fatal(err)
	}
	m.closed += n
}

func (m *electionMachine) check(t *rapid.T) {
	res := m.e.Result()
	if len(res.Elected) != len(m.elected) || len(res.Elected) > m.slate.Seats {
		t.Fatalf("%d elected, model %d, seats %d", len(res.Elected), len(m.elected), m.slate.Seats)
	}
	for _, em := range res.Elected {
		if !m.elected[em.ID] {
			t.Fatalf("%q elected, not in the model", em.ID)
		}
	}
	open := m.slate.Seats - len(m.elected) - m.closed
	if res.Unfilled() != open || m.e.Open() != open {
		t.Fatalf("unfilled %d, open %d, model %d", res.Unfilled(), m.e.Open(), open)
	}
	if m.e.Done() != (open == 0) || res.Done != m.e.Done() {
		t.Fatalf("done %v with %d open", m.e.Done(), open)
	}
	if err := res.Verify(); err != nil {
		t.Fatalf("the record does not verify: %v", err)
	}
	if m.e.Done() {
		return
	}
	next := m.e.Next()
	for _, c := range next.Slate.Candidates {
		if m.elected[c.ID] {
			t.Fatalf("next %v round offers %q, already elected", next.Kind, c.ID)
		}
	}
	switch next.Kind {
	case tally.Runoff:
		if m.last == nil || !slices.Equal(next.Slate.IDs(), m.last.Tied) || next.Slate.Seats != m.last.RunoffSeats {
			t.Fatalf("runoff among %q for %d, not the tied of the last round", next.Slate.IDs(), next.Slate.Seats)
		}
	case tally.Supplementary:
		if next.Slate.Seats != open || len(next.Slate.Candidates) < open {
			t.Fatalf("supplementary round for %d seats among %d, %d open", next.Slate.Seats, len(next.Slate.Candidates), open)
		}
	case tally.Regular:
		if len(m.elected) > 0 {
			t.Fatal("a regular round after someone was elected")
		}
	}
}

func TestStateMachine(t *testing.T) {
	t.Parallel()
	seen := map[tally.RoundKind]int{}
	rapid.Check(t, func(t *rapid.T) {
		m := &electionMachine{slate: genElectionSlate(t), rules: genElectionRules(t), elected: map[string]bool{}, kinds: map[tally.RoundKind]int{}}
		var err error
		if m.e, err = tally.NewElection(m.slate, m.rules); err != nil {
			t.Fatal(err)
		}
		t.Repeat(map[string]func(*rapid.T){
			"decide": m.decide,
			"reduce": m.reduce,
			"":       m.check,
		})
		m.finish(t)
		for k, n := range m.kinds {
			seen[k] += n
		}
	})
	for _, k := range []tally.RoundKind{tally.Regular, tally.Runoff, tally.Supplementary} {
		if seen[k] == 0 {
			t.Errorf("no %v round was decided", k)
		}
	}
}
