package tally

import (
	"errors"
	"reflect"
	"slices"
	"testing"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/quota"
	"github.com/chae-go/chae/tally/count"
)

// White-box table tests of Decide's steps, each on its own.

func TestStepAttendance(t *testing.T) {
	t.Parallel()
	grassroots, direct, vietnam := CPCGrassrootsCommittee(), ElectoralLawDirect(), VietnamNationalAssembly()
	tests := []struct {
		name   string
		rules  Rules
		t      Turnout
		failed int
		kind   ReasonKind
		stands bool
		needed int
	}{
		{"four fifths of 50 is 40: 41 present passes", grassroots, Turnout{Entitled: 50, Present: 41}, 0, ReasonQuorumMet, true, 41},
		{"exactly four fifths fails", grassroots, Turnout{Entitled: 50, Present: 40}, 0, ReasonNoQuorum, false, 41},
		{"no waiver under the CPC rules", grassroots, Turnout{Entitled: 50, Present: 40}, 5, ReasonNoQuorum, false, 41},
		{"direct election: more than half of the voters voted", direct, Turnout{Entitled: 100, Present: 51}, 0, ReasonTurnoutMet, true, 51},
		{"direct election: exactly half is short", direct, Turnout{Entitled: 100, Present: 50}, 0, ReasonTurnoutShort, false, 51},
		{"Vietnam: the first re-election is short", vietnam, Turnout{Entitled: 100, Present: 40}, 0, ReasonTurnoutShort, false, 51},
		{"Vietnam: after one failure the result stands", vietnam, Turnout{Entitled: 100, Present: 40}, 1, ReasonTurnoutWaived, true, 51},
		{"a quorum waived after two", Rules{Quorum: quota.Majority(), QuorumWaivedAfter: 2}, Turnout{Entitled: 10, Present: 5}, 2, ReasonQuorumWaived, true, 6},
		{"the zero quorum: someone present", Rules{}, Turnout{Entitled: 10, Present: 1}, 0, ReasonQuorumMet, true, 1},
		{"the zero quorum: no one present", Rules{}, Turnout{Entitled: 10}, 0, ReasonNoQuorum, false, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			why, stands := attendance(tc.rules, tc.t, tc.failed)
			if why.Kind != tc.kind || stands != tc.stands || why.Figures.Needed != tc.needed {
				t.Fatalf("%v, stands %v, needed %d; want %v, %v, %d", why.Kind, stands, why.Figures.Needed, tc.kind, tc.stands, tc.needed)
			}
			f := why.Figures
			if f.Entitled != tc.t.Entitled || f.Present != tc.t.Present || !f.Share.Equal(tc.rules.Quorum.Share) || f.Boundary != tc.rules.Quorum.Boundary {
				t.Errorf("figures %+v", f)
			}
			if wantRounds := map[bool]int{true: tc.failed, false: 0}[tc.kind == ReasonQuorumWaived || tc.kind == ReasonTurnoutWaived]; f.Rounds != wantRounds {
				t.Errorf("rounds %d, want %d", f.Rounds, wantRounds)
			}
			if why.Rule != tc.rules.cite(tc.rules.Cite.Quorum) {
				t.Errorf("rule %q", why.Rule)
			}
		})
	}
}

func TestStepValidity(t *testing.T) {
	t.Parallel()
	c := count.Counts{Ballots: 46, Valid: 44, Invalid: 1, Spoiled: 1}
	tests := []struct {
		name  string
		base  Base
		t     Turnout
		valid bool
		limit int
	}{
		{"returned equal to issued", OfIssued, Turnout{Present: 47, Issued: 46, Returned: Declare(46)}, true, 46},
		{"one more returned than issued", OfIssued, Turnout{Present: 47, Issued: 45, Returned: Declare(46)}, false, 45},
		{"returned equal to voters who voted", OfPresent, Turnout{Present: 46, Issued: 50, Returned: Declare(46)}, true, 46},
		{"one more returned than voters who voted", OfPresent, Turnout{Present: 45, Issued: 50, Returned: Declare(46)}, false, 45},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			valid, why := validity(Rules{VoidWhenReturnedExceeds: tc.base, Cite: Citations{Validity: "row"}}, tc.t, c)
			want := Reason{Kind: ReasonPollValid, Rule: "row", Figures: Figures{Returned: 46, Valid: 44, Invalid: 1, Spoiled: 1, Limit: tc.limit, Base: tc.base}}
			if !tc.valid {
				want.Kind = ReasonPollVoid
			}
			if valid != tc.valid || !reflect.DeepEqual(why, want) {
				t.Fatalf("valid %v, %+v; want %v, %+v", valid, why, tc.valid, want)
			}
		})
	}
}

func TestStepRoundBar(t *testing.T) {
	t.Parallel()
	direct := ElectoralLawDirect()
	runoffBar := CPCGrassrootsCommittee()
	runoffBar.Runoff = &Bar{Threshold: quota.Majority(), Base: OfValid}
	tu := Turnout{Entitled: 150, Present: 90, Returned: Declare(90)}
	c := count.Counts{Ballots: 90, Valid: 80, Invalid: 10}
	tests := []struct {
		name   string
		rules  Rules
		kind   RoundKind
		bar    *Bar
		reason ReasonKind
		needed int
		rule   string
	}{
		{"regular: more than half of those who voted", direct, Regular, &Bar{quota.Majority(), OfPresent}, ReasonBar, 46, "docs/rules.md A4"},
		{"supplementary: at least a third of the ballots", direct, Supplementary, direct.Shortfall.Bar, ReasonBar, 30, "docs/rules.md A7"},
		{"runoff: the most votes", direct, Runoff, nil, ReasonMostVotes, 0, "docs/rules.md A6"},
		{"runoff with a bar of its own", runoffBar, Runoff, runoffBar.Runoff, ReasonBar, 41, "docs/rules.md B8"},
		{"supplementary without a bar of its own: the regular bar", runoffBar, Supplementary, &Bar{quota.Majority(), OfPresent}, ReasonBar, 46, "docs/rules.md B6"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			bar, why := roundBar(tc.rules, tc.kind, tu, c)
			if (bar == nil) != (tc.bar == nil) || bar != nil && bar.String() != tc.bar.String() {
				t.Fatalf("bar %v, want %v", bar, tc.bar)
			}
			if why.Kind != tc.reason || why.Figures.Needed != tc.needed || why.Rule != tc.rule {
				t.Fatalf("%+v; want %v, needed %d, rule %q", why, tc.reason, tc.needed, tc.rule)
			}
		})
	}
}

// stepSlate is a slate of A–E, one seat per call's choice.
func stepSlate(seats int) ballot.Slate {
	s := ballot.Slate{Office: "o", Seats: seats}
	for _, id := range []string{"A", "B", "C", "D", "E"} {
		s.Candidates = append(s.Candidates, ballot.Candidate{ID: id, Name: "N" + id, Attrs: map[string]string{"born": "1970-01-01"}})
	}
	return s
}

func TestStepContestants(t *testing.T) {
	t.Parallel()
	noWriteIns := CPCGrassrootsCommittee()
	noWriteIns.WriteIns = false
	tests := []struct {
		name     string
		rules    Rules
		kind     RoundKind
		elected  []string // members elected before the round
		writeIns []count.WriteInCount
		eligible []bool // per candidate then write-in
		reasons  []ReasonKind
	}{
		{"a new name may be elected", CPCGrassrootsCommittee(), Regular, nil,
			[]count.WriteInCount{{Name: "Sun Yue", Votes: 3}}, []bool{true, true, true, true, true, true}, nil},
		{"a candidate's name is not", CPCGrassrootsCommittee(), Regular, nil,
			[]count.WriteInCount{{Name: "NB", Votes: 3, SameAs: "B"}}, []bool{true, true, true, true, true, false}, []ReasonKind{ReasonWriteInSameName}},
		{"a member's name is not, and the member is not a contestant", CPCGrassrootsCommittee(), Supplementary, []string{"A"},
			[]count.WriteInCount{{Name: "NA", Votes: 2}}, []bool{false, true, true, true, true, false}, []ReasonKind{ReasonWriteInSameName}},
		{"a same name without votes says nothing", CPCGrassrootsCommittee(), Regular, nil,
			[]count.WriteInCount{{Name: "NB", Votes: 0, SameAs: "B"}}, []bool{true, true, true, true, true, false}, nil},
		{"rules without write-ins", noWriteIns, Regular, nil,
			[]count.WriteInCount{{Name: "Sun Yue", Votes: 3}}, []bool{true, true, true, true, true, false}, []ReasonKind{ReasonWriteInsBarred}},
		{"a runoff", CPCGrassrootsCommittee(), Runoff, nil,
			[]count.WriteInCount{{Name: "Sun Yue", Votes: 3}}, []bool{true, true, true, true, true, false}, []ReasonKind{ReasonWriteInsRunoff}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			e, err := NewElection(stepSlate(3), tc.rules)
			if err != nil {
				t.Fatal(err)
			}
			for _, id := range tc.elected {
				e.elected = append(e.elected, ElectedMember{ID: id, Name: "N" + id})
				e.isElected[id] = true
			}
			round := Round{Kind: tc.kind, Slate: stepSlate(3)}
			c := count.Counts{Valid: 10, Ballots: 10, WriteIns: tc.writeIns}
			for _, sc := range round.Slate.Candidates {
				c.Candidates = append(c.Candidates, count.CandidateCount{ID: sc.ID, Against: 10})
			}
			cs, why := e.contestants(round, c)
			var got []bool
			for _, ct := range cs {
				got = append(got, ct.eligible)
			}
			var kinds []ReasonKind
			for _, r := range why {
				kinds = append(kinds, r.Kind)
			}
			if !slices.Equal(got, tc.eligible) || !slices.Equal(kinds, tc.reasons) {
				t.Fatalf("eligible %v, reasons %v; want %v, %v", got, kinds, tc.eligible, tc.reasons)
			}
			if wi := cs[len(cs)-1].st; wi.ID != WriteInPrefix+tc.writeIns[0].Name || !wi.WriteIn || wi.For != tc.writeIns[0].Votes {
				t.Errorf("write-in standing %+v", wi)
			}
		})
	}
}

// contestantsOf returns contestants with the given For votes, all eligible, with birth dates.
func contestantsOf(votes []int, born ...string) []contestant {
	cs := make([]contestant, len(votes))
	for i, v := range votes {
		cs[i] = contestant{st: Standing{ID: string(rune('A' + i)), For: v}, pos: i, eligible: true}
		if i < len(born) {
			cs[i].born = born[i]
		}
	}
	return cs
}

func TestStepRankAndCut(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		votes     []int
		ineligble int // index of an ineligible contestant, or -1
		needed    int
		seats     int
		ranked    []int
		sure, at  []int
		statuses  []Status // after rank and cut, before settling
	}{
		{"fewer clear than seats", []int{30, 20, 10}, -1, 24, 2, []int{0}, []int{0}, nil, []Status{0, Failed, Failed}},
		{"clear cut", []int{25, 40, 30, 24}, -1, 24, 2, []int{1, 2, 0, 3}, []int{1, 2}, nil, []Status{Outranked, 0, 0, Outranked}},
		{"tie across the last seat", []int{40, 30, 30, 10}, -1, 24, 2, []int{0, 1, 2}, []int{0}, []int{1, 2}, []Status{0, 0, 0, Failed}},
		{"tie inside the seats", []int{30, 30, 20}, -1, 1, 2, []int{0, 1, 2}, []int{0, 1}, nil, []Status{0, 0, Outranked}},
		{"an ineligible contestant is not ranked", []int{50, 30, 20}, 0, 1, 1, []int{1, 2}, []int{1}, nil, []Status{Ineligible, 0, Outranked}},
		{"exactly the bar clears", []int{24, 23}, -1, 24, 1, []int{0}, []int{0}, nil, []Status{0, Failed}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			cs := contestantsOf(tc.votes)
			if tc.ineligble >= 0 {
				cs[tc.ineligble].eligible = false
			}
			ranked := rank(cs, func(v int) bool { return v >= tc.needed })
			sure, at := cut(cs, ranked, tc.seats)
			if !slices.Equal(ranked, tc.ranked) || !slices.Equal(sure, tc.sure) || !slices.Equal(at, tc.at) {
				t.Fatalf("ranked %v sure %v at %v; want %v %v %v", ranked, sure, at, tc.ranked, tc.sure, tc.at)
			}
			for i, ct := range cs {
				if ct.st.Status != tc.statuses[i] || ct.st.Cleared != (tc.votes[i] >= tc.needed) {
					t.Errorf("contestant %d: %v cleared %v, want %v", i, ct.st.Status, ct.st.Cleared, tc.statuses[i])
				}
			}
		})
	}
}

func TestStepSettle(t *testing.T) {
	t.Parallel()
	older, lots := CPCGrassrootsCommittee(), CPCGrassrootsCommittee()
	older.Tie, lots.Tie = TieOlder, TieLots
	tests := []struct {
		name    string
		rules   Rules
		born    []string
		lots    []string
		at      []int
		left    int
		elected []int
		tied    []int
		seats   int
		reasons []ReasonKind
		err     error
	}{
		{"runoff among the tied", CPCGrassrootsCommittee(), nil, nil, []int{1, 2, 3}, 2, nil, []int{1, 2, 3}, 2, []ReasonKind{ReasonTie, ReasonRunoff}, nil},
		{"the older first", older, []string{"", "1970-01-01", "1960-01-01", "1980-01-01"}, nil, []int{1, 2, 3}, 2,
			[]int{2, 1}, nil, 0, []ReasonKind{ReasonTie, ReasonTieByAge}, nil},
		{"born on the same day across the seat", older, []string{"", "1970-01-01", "1960-01-01", "1970-01-01"}, nil, []int{1, 2, 3}, 2,
			[]int{2}, []int{1, 3}, 1, []ReasonKind{ReasonTie, ReasonTieByAge, ReasonSameBirthDate, ReasonRunoff}, nil},
		{"born on the same day before a younger one", older, []string{"1950-01-01", "1960-01-01", "1960-01-01", "1980-01-01"}, nil, []int{0, 1, 2, 3}, 2,
			[]int{0}, []int{1, 2}, 1, []ReasonKind{ReasonTie, ReasonTieByAge, ReasonSameBirthDate, ReasonRunoff}, nil},
		{"a write-in without a date", older, []string{"1970-01-01", ""}, nil, []int{0, 1}, 1,
			nil, []int{0, 1}, 1, []ReasonKind{ReasonTie, ReasonNoBirthDate, ReasonRunoff}, nil},
		{"lots", lots, nil, []string{"D", "B", "C"}, []int{1, 2, 3}, 1, []int{3}, nil, 0, []ReasonKind{ReasonTie, ReasonLots}, nil},
		{"lots not drawn", lots, nil, nil, []int{1, 2, 3}, 1, nil, nil, 0, nil, ErrLotsNeeded},
		{"lots of other candidates", lots, nil, []string{"D", "B", "A"}, []int{1, 2, 3}, 1, nil, nil, 0, nil, ErrLotsNeeded},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			e := &Election{rules: tc.rules, lots: tc.lots}
			cs := contestantsOf([]int{40, 30, 30, 30}, tc.born...)
			s, err := e.settle(cs, tc.at, tc.left)
			if !errors.Is(err, tc.err) {
				t.Fatalf("error %v, want %v", err, tc.err)
			}
			var kinds []ReasonKind
			for _, r := range s.reasons {
				kinds = append(kinds, r.Kind)
				if r.Rule != "docs/rules.md B8" {
					t.Errorf("%v cites %q", r.Kind, r.Rule)
				}
			}
			if !slices.Equal(s.elected, tc.elected) || !slices.Equal(s.tied, tc.tied) || s.seats != tc.seats || !slices.Equal(kinds, tc.reasons) {
				t.Fatalf("elected %v tied %v for %d, reasons %v; want %v %v %d %v", s.elected, s.tied, s.seats, kinds, tc.elected, tc.tied, tc.seats, tc.reasons)
			}
			for _, i := range tc.tied {
				if cs[i].st.Status != Tied {
					t.Errorf("tied %d: %v", i, cs[i].st.Status)
				}
			}
		})
	}
}

func TestStepOrderElected(t *testing.T) {
	t.Parallel()
	older, lots := CPCGrassrootsCommittee(), CPCGrassrootsCommittee()
	older.Tie, lots.Tie = TieOlder, TieLots
	tests := []struct {
		name  string
		rules Rules
		lots  []string
		in    []int
		want  []int
	}{
		{"by votes, then slate order", CPCGrassrootsCommittee(), nil, []int{3, 2, 1, 0}, []int{0, 1, 2, 3}},
		{"equal votes: the older first", older, nil, []int{1, 2, 3, 0}, []int{0, 3, 2, 1}},
		{"equal votes: the drawn order", lots, []string{"C", "D", "B"}, []int{1, 2, 3, 0}, []int{0, 2, 3, 1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			e := &Election{rules: tc.rules}
			cs := contestantsOf([]int{40, 30, 30, 30}, "", "1980-01-01", "1970-01-01", "1960-01-01")
			got := slices.Clone(tc.in)
			e.orderElected(cs, got, tc.lots)
			if !slices.Equal(got, tc.want) {
				t.Fatalf("order %v, want %v", got, tc.want)
			}
		})
	}
}

func TestStepOutcome(t *testing.T) {
	t.Parallel()
	e := &Election{rules: ElectoralLawDirect()}
	cs := contestantsOf([]int{60, 50, 40})
	tests := []struct {
		name    string
		kind    RoundKind
		elected []int
		cleared int
		missing int
		want    []Reason
	}{
		{"all elected", Regular, []int{0, 1}, 2, 0, []Reason{
			{Kind: ReasonElected, Candidates: []string{"A", "B"}, Figures: Figures{VotesOf: []int{60, 50}}, Rule: "docs/rules.md A4"}}},
		{"a shortfall", Regular, []int{0}, 1, 2, []Reason{
			{Kind: ReasonElected, Candidates: []string{"A"}, Figures: Figures{VotesOf: []int{60}}, Rule: "docs/rules.md A4"},
			{Kind: ReasonShortfall, Figures: Figures{Cleared: 1, Seats: 3, Missing: 2}, Rule: "docs/rules.md A7"}}},
		{"no one in a supplementary round", Supplementary, nil, 0, 3, []Reason{
			{Kind: ReasonNoneElected, Rule: "docs/rules.md A7"},
			{Kind: ReasonShortfall, Figures: Figures{Seats: 3, Missing: 3}, Rule: "docs/rules.md A7"}}},
		{"a runoff", Runoff, []int{2}, 1, 0, []Reason{
			{Kind: ReasonElected, Candidates: []string{"C"}, Figures: Figures{VotesOf: []int{40}}, Rule: "docs/rules.md A6"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := e.outcome(Round{Kind: tc.kind, Slate: ballot.Slate{Seats: 3}}, cs, tc.elected, tc.cleared, tc.missing)
			if !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("%+v\nwant %+v", got, tc.want)
			}
		})
	}
}

func TestStepCutList(t *testing.T) {
	t.Parallel()
	pool := func(votes ...int) []listing {
		out := make([]listing, len(votes))
		for i, v := range votes {
			out[i] = listing{pos: i, votes: v}
		}
		return out
	}
	pos := func(ls []listing) []int {
		var out []int
		for _, l := range ls {
			out = append(out, l.pos)
		}
		return out
	}
	tests := []struct {
		name       string
		pool       []listing
		size, most int
		rule       ListTieRule
		list, tied []int
	}{
		{"two of three, no tie", pool(700, 600, 500), 2, 2, ListTieNominate, []int{0, 1}, nil},
		{"a tie at the cut-off is reported", pool(680, 600, 600), 2, 2, ListTieNominate, []int{0}, []int{1, 2}},
		{"a tie for the whole list", pool(600, 600, 600), 2, 2, ListTieNominate, nil, []int{0, 1, 2}},
		{"a tie within the maximum is still reported", pool(700, 600, 600), 2, 4, ListTieNominate, []int{0}, []int{1, 2}},
		{"taking all tied", pool(680, 600, 600, 500), 2, 0, ListTieTakeAll, []int{0, 1, 2}, nil},
		{"taking all tied would pass the maximum: reported", pool(680, 600, 600), 2, 2, ListTieTakeAll, []int{0}, []int{1, 2}},
		{"a tie below the cut-off does not matter", pool(700, 600, 500, 500), 2, 2, ListTieNominate, []int{0, 1}, nil},
		{"a short pool", pool(700), 2, 2, ListTieNominate, []int{0}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			list, tied := cutList(tc.pool, tc.size, tc.most, tc.rule)
			if !slices.Equal(pos(list), tc.list) || !slices.Equal(pos(tied), tc.tied) {
				t.Fatalf("list %v tied %v; want %v %v", pos(list), pos(tied), tc.list, tc.tied)
			}
		})
	}
}

func TestStepListBounds(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		rules      Rules
		open       int
		size, most int
	}{
		{"Electoral Law direct, one seat: exactly two", ElectoralLawDirect(), 1, 2, 2},
		{"Electoral Law direct, two seats: a third to one times more", ElectoralLawDirect(), 2, 3, 4},
		{"Electoral Law indirect, one seat: exactly two", ElectoralLawIndirect(), 1, 2, 2},
		{"CPC, two seats: at least 20% more, no maximum", CPCGrassrootsCommittee(), 2, 3, 0},
		{"Vietnam, one seat: two more", VietnamNationalAssembly(), 1, 3, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if size, most := tc.rules.listBounds(tc.open); size != tc.size || most != tc.most {
				t.Fatalf("size %d most %d, want %d %d", size, most, tc.size, tc.most)
			}
		})
	}
}

// TestStepAfterSeatsChange: what follows a round that left no tie: the end, seats closed by the
// rules, or a supplementary round with its list or its list tie, each with its reasons.
func TestStepAfterSeatsChange(t *testing.T) {
	t.Parallel()
	vietnam := VietnamNationalAssembly()
	vietnam.Tie = TieRunoff
	tests := []struct {
		name     string
		rules    Rules
		elected  []string
		ref      map[string]int
		supRound int
		done     bool
		next     []string
		reasons  []Reason
	}{
		{"every seat filled", ElectoralLawDirect(), []string{"A", "B", "C"}, nil, 0, true, nil, nil},
		{"the list: the two best placed", ElectoralLawDirect(), []string{"A", "B"}, map[string]int{"C": 700, "D": 600, "E": 500}, 0, false, []string{"C", "D"},
			[]Reason{{Kind: ReasonSupplementary, Candidates: []string{"C", "D"}, Figures: Figures{VotesOf: []int{700, 600}, Seats: 1}, Rule: "docs/rules.md A7"}}},
		{"the list tied at its cut-off", ElectoralLawDirect(), []string{"A", "B"}, map[string]int{"C": 680, "D": 600, "E": 600}, 0, false, []string{},
			[]Reason{{Kind: ReasonListTie, Candidates: []string{"C", "D", "E"}, Figures: Figures{VotesOf: []int{680, 600, 600}, Listed: 1, Places: 1, Seats: 1}, Rule: "docs/rules.md A7"}}},
		{"no more supplementary rounds", vietnam, []string{"A", "B"}, map[string]int{"C": 10}, 1, true, nil,
			[]Reason{{Kind: ReasonRoundsExhausted, Figures: Figures{Rounds: 1, Missing: 1}, Rule: "docs/rules.md E4"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			e, err := NewElection(stepSlate(3), tc.rules)
			if err != nil {
				t.Fatal(err)
			}
			for _, id := range tc.elected {
				e.elected = append(e.elected, ElectedMember{ID: id})
				e.isElected[id] = true
			}
			e.ref, e.supRounds, e.number = tc.ref, tc.supRound, 1
			got := e.afterSeatsChange(2)
			if !reflect.DeepEqual(got, tc.reasons) {
				t.Fatalf("reasons %+v\nwant %+v", got, tc.reasons)
			}
			if e.done != tc.done {
				t.Fatalf("done %v", e.done)
			}
			if tc.next != nil {
				if n := e.Next(); n.Kind != Supplementary || n.Number != 2 || n.Slate.Seats != 3-len(tc.elected) || !slices.Equal(n.Slate.IDs(), tc.next) {
					t.Fatalf("next %+v, want a supplementary round among %v", n, tc.next)
				}
			}
			if (e.listTie != nil) != (len(tc.next) == 0 && !tc.done) {
				t.Errorf("list tie %+v", e.listTie)
			}
			if tc.done && len(tc.reasons) > 0 && (len(e.closed) != 1 || e.closed[0].ByRules == nil || e.closed[0].Seats != 1) {
				t.Errorf("closed %+v", e.closed)
			}
		})
	}
}
