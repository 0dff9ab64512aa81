package tally_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/quota"
	"github.com/chae-go/chae/tally"
	"github.com/chae-go/chae/tally/count"
)

// DrawLots takes only an order of exactly the candidates of the tie awaiting lots.
func TestDrawLotsRefuses(t *testing.T) {
	t.Parallel()
	turnout := tally.Turnout{Entitled: 50, Present: 46, Issued: 46}
	tied := func(t *testing.T) (*tally.Election, count.Counts) {
		e, err := tally.NewElection(slateOf(2, 4), lotsRules())
		if err != nil {
			t.Fatal(err)
		}
		c := countsOf(e.Next().Slate, 46, 0, 0, []int{30, 20, 20, 20})
		if _, err := e.Decide(turnout, c); !errors.Is(err, tally.ErrLotsNeeded) {
			t.Fatalf("error %v, want ErrLotsNeeded", err)
		}
		return e, c
	}
	t.Run("no tie awaits lots", func(t *testing.T) {
		t.Parallel()
		e, _ := tally.NewElection(slateOf(2, 4), lotsRules())
		if err := e.DrawLots([]string{"B", "C", "D"}); !errors.Is(err, tally.ErrNoLots) {
			t.Fatalf("error %v, want ErrNoLots", err)
		}
	})
	for _, order := range [][]string{
		nil, {"B", "C"}, {"B", "C", "D", "A"}, {"B", "C", "A"}, {"B", "B", "C"}, {"B", "C", "D", "D"}, {"b", "c", "d"},
	} {
		t.Run("order "+strings.Join(order, ","), func(t *testing.T) {
			t.Parallel()
			e, c := tied(t)
			err := e.DrawLots(order)
			var le *tally.LotsError
			if !errors.As(err, &le) || !errors.Is(err, tally.ErrLotsOrder) || !slices.Equal(le.IDs, []string{"B", "C", "D"}) || !slices.Equal(le.Order, order) {
				t.Fatalf("error %v, want a *LotsError wrapping ErrLotsOrder", err)
			}
			if _, err := e.Decide(turnout, c); !errors.Is(err, tally.ErrLotsNeeded) {
				t.Fatalf("a refused order was used: %v", err)
			}
		})
	}
	t.Run("the drawn order settles the tie; then no tie awaits", func(t *testing.T) {
		t.Parallel()
		e, c := tied(t)
		if err := e.DrawLots([]string{"C", "D", "B"}); err != nil {
			t.Fatal(err)
		}
		d, err := e.Decide(turnout, c)
		if err != nil || !slices.Equal(d.Elected, []string{"A", "C"}) {
			t.Fatalf("elected %v, %v", d.Elected, err)
		}
		if err := e.DrawLots([]string{"C", "D", "B"}); !errors.Is(err, tally.ErrDone) {
			t.Fatalf("after the election: %v", err)
		}
	})
	t.Run("an order drawn for one tie does not settle another", func(t *testing.T) {
		t.Parallel()
		e, _ := tied(t)
		if err := e.DrawLots([]string{"C", "D", "B"}); err != nil {
			t.Fatal(err)
		}
		// Other figures: A, B and C tie for both seats.
		_, err := e.Decide(turnout, countsOf(e.Next().Slate, 46, 0, 0, []int{25, 25, 25, 10}))
		var le *tally.LotsError
		if !errors.As(err, &le) || !slices.Equal(le.IDs, []string{"A", "B", "C"}) || le.Seats != 2 {
			t.Fatalf("error %v, want lots for A, B, C", err)
		}
	})
}

// Every check of Rules.Validate, one at a time: each reports exactly its own problem.
func TestRulesValidateEachCheck(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		change func(*tally.Rules)
		says   string
	}{
		{"threshold share above 1", func(r *tally.Rules) { r.Threshold.Share = quota.Ratio(3, 2) }, "threshold share"},
		{"quorum share above 1", func(r *tally.Rules) { r.Quorum.Share = quota.Ratio(6, 5) }, "quorum share"},
		{"base out of range", func(r *tally.Rules) { r.Base = 9 }, "rules: base"},
		{"void base out of range", func(r *tally.Rules) { r.VoidWhenReturnedExceeds = 9 }, "void base"},
		{"attendance out of range", func(r *tally.Rules) { r.Attendance = 2 }, "attendance"},
		{"tie rule out of range", func(r *tally.Rules) { r.Tie = 3 }, "tie rule"},
		{"runoff base out of range", func(r *tally.Rules) { r.Runoff = &tally.Bar{Base: 5} }, "runoff base"},
		{"supplementary base out of range", func(r *tally.Rules) { r.Shortfall.Bar = &tally.Bar{Base: 5} }, "supplementary base"},
		{"list tie rule out of range", func(r *tally.Rules) { r.Shortfall.ListTie = 2 }, "list tie rule"},
		{"negative supplementary rounds", func(r *tally.Rules) { r.Shortfall.MaxRounds = -1 }, "negative supplementary rounds"},
		{"negative quorum waiver", func(r *tally.Rules) { r.QuorumWaivedAfter = -1 }, "negative quorum waiver"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r := tally.ElectoralLawDirect()
			if err := r.Validate(); err != nil {
				t.Fatal(err)
			}
			tc.change(&r)
			err := r.Validate()
			if !errors.Is(err, tally.ErrRules) {
				t.Fatalf("error %v, want ErrRules", err)
			}
			if msg := err.Error(); strings.Count(msg, "\n") != 0 || !strings.Contains(msg, tc.says) || strings.Count(msg, "tally:") != 1 {
				t.Errorf("message %q: want one problem, saying %q, prefixed once", msg, tc.says)
			}
		})
	}
	t.Run("at the boundary: shares of exactly 1 and no rounds", func(t *testing.T) {
		r := tally.Rules{Threshold: quota.Threshold{Share: quota.Ratio(1, 1)}, Quorum: quota.Threshold{Share: quota.Ratio(1, 1)},
			Base: tally.OfValid, VoidWhenReturnedExceeds: tally.OfValid, Attendance: tally.VoterTurnout, Tie: tally.TieLots,
			Shortfall: tally.Shortfall{ListTie: tally.ListTieNominate}}
		if err := r.Validate(); err != nil {
			t.Fatal(err)
		}
	})
}

// Members elected in the same round with the same votes share a rank unless the rules' tie order
// separates them.
func TestSharedRank(t *testing.T) {
	t.Parallel()
	turnout := tally.Turnout{Entitled: 50, Present: 46, Issued: 46}
	ranks := func(t *testing.T, rules tally.Rules, s ballot.Slate, votes []int) []int {
		e, err := tally.NewElection(s, rules)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.Decide(turnout, countsOf(e.Next().Slate, 46, 0, 0, votes)); err != nil {
			t.Fatal(err)
		}
		var out []int
		for _, m := range e.Result().Elected {
			out = append(out, m.Rank)
		}
		return out
	}
	if got := ranks(t, tally.CPCGrassrootsCommittee(), slateOf(3, 5), []int{35, 35, 30, 20, 8}); !slices.Equal(got, []int{1, 1, 3}) {
		t.Errorf("runoff rules: ranks %v, want [1 1 3]", got)
	}
	if got := ranks(t, tally.CPCGrassrootsCommittee(), slateOf(3, 5), []int{40, 30, 28, 26, 10}); !slices.Equal(got, []int{1, 2, 3}) {
		t.Errorf("different votes: ranks %v, want [1 2 3]", got)
	}
	older := tally.CPCGrassrootsCommittee()
	older.Tie = tally.TieOlder
	if got := ranks(t, older, vnSlate(3, 5), []int{35, 35, 30, 20, 8}); !slices.Equal(got, []int{1, 2, 3}) {
		t.Errorf("older first: ranks %v, want [1 2 3]", got)
	}
}

// The exact reasons of a decision: a supplementary round under the Electoral Law after a round
// with a write-in of a candidate's name.
func TestDecisionReasons(t *testing.T) {
	t.Parallel()
	e, err := tally.NewElection(directSlate(), tally.ElectoralLawDirect())
	if err != nil {
		t.Fatal(err)
	}
	turnout := tally.Turnout{Entitled: 2400, Present: 2000, Issued: 2000}
	c := countsOf(e.Next().Slate, 1990, 10, 0, []int{1500, 1400, 700, 600, 500}, count.WriteInCount{Name: "c3", Votes: 20, SameAs: "c3"})
	d, err := e.Decide(turnout, c)
	if err != nil {
		t.Fatal(err)
	}
	want := []tally.Reason{
		{Kind: tally.ReasonTurnoutMet, Figures: tally.Figures{Entitled: 2400, Present: 2000, Share: quota.Ratio(1, 2), Needed: 1201}, Rule: "docs/rules.md A3"},
		{Kind: tally.ReasonPollValid, Figures: tally.Figures{Returned: 2000, Valid: 1990, Invalid: 10, Limit: 2000}, Rule: "docs/rules.md A8"},
		{Kind: tally.ReasonBar, Figures: tally.Figures{Share: quota.Ratio(1, 2), BaseFigure: 2000, Needed: 1001}, Rule: "docs/rules.md A4"},
		{Kind: tally.ReasonWriteInSameName, Candidates: []string{"writein:c3", "c3"}, Figures: tally.Figures{Votes: 20}, Rule: "docs/rules.md A9"},
		{Kind: tally.ReasonElected, Candidates: []string{"c1", "c2"}, Figures: tally.Figures{VotesOf: []int{1500, 1400}}, Rule: "docs/rules.md A4"},
		{Kind: tally.ReasonShortfall, Figures: tally.Figures{Cleared: 2, Seats: 3, Missing: 1}, Rule: "docs/rules.md A7"},
		{Kind: tally.ReasonSupplementary, Candidates: []string{"c3", "c4"}, Figures: tally.Figures{VotesOf: []int{700, 600}, Seats: 1}, Rule: "docs/rules.md A7"},
	}
	if !reflect.DeepEqual(d.Reasons, want) {
		t.Fatalf("reasons\n%+v\nwant\n%+v", d.Reasons, want)
	}
	// The supplementary round: at least one third of the ballots returned.
	d, err = e.Decide(turnout, countsOf(e.Next().Slate, 2000, 0, 0, []int{667, 666}))
	if err != nil {
		t.Fatal(err)
	}
	want = []tally.Reason{
		{Kind: tally.ReasonTurnoutMet, Figures: tally.Figures{Entitled: 2400, Present: 2000, Share: quota.Ratio(1, 2), Needed: 1201}, Rule: "docs/rules.md A3"},
		{Kind: tally.ReasonPollValid, Figures: tally.Figures{Returned: 2000, Valid: 2000, Limit: 2000}, Rule: "docs/rules.md A8"},
		{Kind: tally.ReasonBar, Figures: tally.Figures{Share: quota.Ratio(1, 3), Boundary: quota.AtLeast, Base: tally.OfReturned, BaseFigure: 2000, Needed: 667}, Rule: "docs/rules.md A7"},
		{Kind: tally.ReasonElected, Candidates: []string{"c3"}, Figures: tally.Figures{VotesOf: []int{667}}, Rule: "docs/rules.md A7"},
	}
	if !reflect.DeepEqual(d.Reasons, want) {
		t.Fatalf("supplementary reasons\n%+v\nwant\n%+v", d.Reasons, want)
	}
}

// A record of format chae.election/1 is refused with a typed error naming its format.
func TestRecordFormatOne(t *testing.T) {
	t.Parallel()
	b, err := json.Marshal(sampleResult(t))
	if err != nil {
		t.Fatal(err)
	}
	old := bytes.Replace(b, []byte(`"format":"chae.election/2"`), []byte(`"format":"chae.election/1"`), 1)
	var r tally.Result
	err = json.Unmarshal(old, &r)
	var fe *tally.RecordFormatError
	if !errors.As(err, &fe) || fe.Format != "chae.election/1" || !errors.Is(err, tally.ErrRecordFormat) || !errors.Is(err, tally.ErrRecord) {
		t.Fatalf("error %v, want a *RecordFormatError for chae.election/1", err)
	}
	if !strings.Contains(err.Error(), `"chae.election/1"`) || !strings.Contains(err.Error(), `"chae.election/2"`) {
		t.Errorf("message %q does not name both formats", err)
	}
}

// Verify wraps the procedure's error: errors.Is sees both ErrRecord and the cause, and the message
// names its package once.
func TestVerifyWraps(t *testing.T) {
	t.Parallel()
	res := sampleResult(t)
	res.Decisions = slices.Clone(res.Decisions)
	res.Decisions[0].Counts = res.Decisions[0].Counts.Clone()
	res.Decisions[0].Counts.Candidates[0].For += 10 // 10 more persons chosen than the ballots allow
	res.Decisions[0].Counts.Candidates[0].Against -= 10
	err := res.Verify()
	var ce *count.CountsError
	if !errors.Is(err, tally.ErrRecord) || !errors.Is(err, count.ErrCounts) || !errors.As(err, &ce) {
		t.Fatalf("error %v, want ErrRecord and a *count.CountsError", err)
	}
	if msg := err.Error(); !strings.HasPrefix(msg, "tally: verify: round 1: ") || strings.Count(msg, ": count:") != 0 || strings.Count(msg, "tally:") != 1 {
		t.Errorf("message %q", msg)
	}
}

// Messages name their package once.
func TestMessagesPrefixedOnce(t *testing.T) {
	t.Parallel()
	_, defErr := tally.ReadDefinition(strings.NewReader(`{"office":"x","seats":1,"candidates":[{"id":"a","name":"A"},{"id":"b","name":"B"}],
		"rules":{"base":"present","tie":"runoff","quorum_waived_after":-1}}`))
	e, _ := tally.NewElection(directSlate(), tally.ElectoralLawDirect())
	_, decideErr := e.Decide(tally.Turnout{Entitled: 2400, Present: 2000}, countsOf(slateOf(1, 2), 10, 0, 0, []int{5, 5}))
	_, sumErr := count.SumBoxes([]count.BoxCounts{{Box: "A", Counts: countsOf(slateOf(1, 2), 10, 0, 0, []int{5, 5})}, {Box: "B", Counts: countsOf(slateOf(1, 3), 10, 0, 0, []int{5, 5, 0})}})
	for _, err := range []error{defErr, decideErr, sumErr} {
		if err == nil {
			t.Fatal("no error")
		}
		msg := err.Error()
		n := 0
		for _, p := range []string{"tally:", "count:", "ballot:", "quota:"} {
			n += strings.Count(msg, p)
		}
		if n != 1 {
			t.Errorf("message %q names a package %d times", msg, n)
		}
	}
}
