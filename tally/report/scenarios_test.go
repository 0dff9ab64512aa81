package report_test

import (
	"testing"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/quota"
	"github.com/chae-go/chae/tally"
	"github.com/chae-go/chae/tally/count"
)

// A scenario is an election decided from given counts, for the golden sheets: together they
// give every kind of reason.
type scenario struct {
	name string
	res  tally.Result
	next *tally.Round // the round needed next, when not done
}

// round is one round of a scenario: its turnout and its For votes (nil: a round without quorum,
// no counts), with write-ins and invalid ballots.
type round struct {
	turnout  tally.Turnout
	valid    int
	invalid  int
	votes    []int
	writeIns []count.WriteInCount
	before   func(*tally.Election) // a caller's act before the round
	lots     []string              // the order drawn, when the round asks for lots
}

func people(seats int, names ...string) ballot.Slate {
	s := ballot.Slate{Seats: seats}
	for i, n := range names {
		s.Candidates = append(s.Candidates, ballot.Candidate{ID: "c" + string(rune('1'+i)), Name: n})
	}
	return s
}

func born(s ballot.Slate, dates ...string) ballot.Slate {
	for i := range s.Candidates {
		s.Candidates[i].Attrs = map[string]string{"born": dates[i]}
	}
	return s
}

// decide runs the rounds; it fails the test on any error.
func decide(t testing.TB, name string, e *tally.Election, rounds []round) scenario {
	t.Helper()
	for i, r := range rounds {
		if r.before != nil {
			r.before(e)
		}
		var c count.Counts
		if r.votes != nil {
			s := e.Next().Slate
			c = count.Counts{Ballots: r.valid + r.invalid, Valid: r.valid, Invalid: r.invalid, WriteIns: append([]count.WriteInCount{}, r.writeIns...)}
			for j, cand := range s.Candidates {
				c.Candidates = append(c.Candidates, count.CandidateCount{ID: cand.ID, For: r.votes[j], Against: r.valid - r.votes[j]})
			}
		}
		if r.lots != nil {
			if _, err := e.Decide(r.turnout, c); err == nil {
				t.Fatalf("%s: round %d did not ask for lots", name, i+1)
			}
			if err := e.DrawLots(r.lots); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := e.Decide(r.turnout, c); err != nil {
			t.Fatalf("%s: round %d: %v", name, i+1, err)
		}
	}
	sc := scenario{name: name, res: e.Result()}
	if !e.Done() {
		n := e.Next()
		sc.next = &n
	}
	return sc
}

func mustElection(t testing.TB, s ballot.Slate, r tally.Rules) *tally.Election {
	t.Helper()
	e, err := tally.NewElection(s, r)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func scenarios(t testing.TB) []scenario {
	t.Helper()
	var out []scenario

	// A branch committee: a round without quorum, a void poll, a write-in of a candidate's name, a
	// shortfall, a supplementary round with a tie, a runoff with a write-in.
	s := people(3, "王丽", "李强", "张伟", "刘洋", "陈静")
	s.Office = "第三党支部委员会"
	out = append(out, decide(t, "grassroots", mustElection(t, s, tally.CPCGrassrootsCommittee()), []round{
		{turnout: tally.Turnout{Entitled: 40, Present: 30}},
		{turnout: tally.Turnout{Entitled: 40, Present: 36, Issued: 35}, valid: 36, votes: []int{30, 25, 18, 15, 10}},
		{turnout: tally.Turnout{Entitled: 40, Present: 36, Issued: 36}, valid: 35, invalid: 1, votes: []int{30, 17, 18, 16, 10},
			writeIns: []count.WriteInCount{{Name: "李强", Votes: 5, SameAs: "c2"}}},
		{turnout: tally.Turnout{Entitled: 40, Present: 36, Issued: 36}, valid: 36, votes: []int{22, 20, 20}},
		{turnout: tally.Turnout{Entitled: 40, Present: 36, Issued: 36}, valid: 36, votes: []int{18, 16},
			writeIns: []count.WriteInCount{{Name: "孙悦", Votes: 2}}},
	}))

	// A direct election: too few voters, then a list tied at its cut-off.
	s = people(3, "周敏", "吴刚", "郑华", "王磊", "冯雪")
	s.Office = "第七选区"
	out = append(out, decide(t, "direct", mustElection(t, s, tally.ElectoralLawDirect()), []round{
		{turnout: tally.Turnout{Entitled: 2400, Present: 1200}},
		{turnout: tally.Turnout{Entitled: 2400, Present: 2000, Issued: 2000}, valid: 1990, invalid: 10, votes: []int{1500, 1400, 680, 600, 600}},
	}))

	// Vietnam: too few voters twice, the second result stands; a tie settled by age, two born on
	// the same day; write-ins elect no one.
	s = born(people(2, "Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung"), "1970-05-01", "1965-01-01", "1965-01-01", "1980-02-02")
	s.Office = "河内市第三选区"
	out = append(out, decide(t, "vietnam", mustElection(t, s, tally.VietnamNationalAssembly()), []round{
		{turnout: tally.Turnout{Entitled: 1000, Present: 400}},
		{turnout: tally.Turnout{Entitled: 1000, Present: 450, Issued: 450}, valid: 440, invalid: 10, votes: []int{300, 250, 250, 50},
			writeIns: []count.WriteInCount{{Name: "Hoàng Văn Em", Votes: 20}}},
		{turnout: tally.Turnout{Entitled: 1000, Present: 600, Issued: 600}, valid: 600, votes: []int{320, 280}},
	}))

	// Vietnam, one seat: no one elected, and no second additional election.
	s = born(people(1, "Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"), "1970-05-01", "1965-01-01", "1975-01-01")
	s.Office = "河内市第五选区"
	out = append(out, decide(t, "vietnam-closed", mustElection(t, s, tally.VietnamNationalAssembly()), []round{
		{turnout: tally.Turnout{Entitled: 1000, Present: 700, Issued: 700}, valid: 700, votes: []int{300, 250, 150}},
		{turnout: tally.Turnout{Entitled: 1000, Present: 700, Issued: 700}, valid: 700, votes: []int{340, 300, 60}},
	}))

	// A union's own rules, citing its own article: the quorum waived after one failure; lots.
	union := tally.Rules{Name: "某工会委员会选举办法", Source: "工会委员会选举办法第十二条", Quorum: quota.Majority(), QuorumWaivedAfter: 1,
		Threshold: quota.Majority(), VoidWhenReturnedExceeds: tally.OfIssued, Tie: tally.TieLots}
	s = people(2, "马丽", "高峰", "林静", "何勇")
	s.Office = "某工会委员会"
	out = append(out, decide(t, "union-lots", mustElection(t, s, union), []round{
		{turnout: tally.Turnout{Entitled: 30, Present: 15}},
		{turnout: tally.Turnout{Entitled: 30, Present: 15, Issued: 15}, valid: 15, votes: []int{12, 9, 9, 0}, lots: []string{"c3", "c2"}},
	}))

	// The older first, but a written-in person has no birth date.
	older := union
	older.Tie, older.WriteIns, older.Threshold, older.QuorumWaivedAfter = tally.TieOlder, true, quota.Threshold{}, 0
	s = born(people(1, "马丽", "高峰"), "1970-01-01", "1980-01-01")
	s.Office = "某工会委员会"
	out = append(out, decide(t, "union-older", mustElection(t, s, older), []round{
		{turnout: tally.Turnout{Entitled: 20, Present: 20, Issued: 20}, valid: 20, votes: []int{8, 4}, writeIns: []count.WriteInCount{{Name: "孙悦", Votes: 8}}},
		{turnout: tally.Turnout{Entitled: 20, Present: 20, Issued: 20}, valid: 20, votes: []int{12, 8}},
	}))

	// A preliminary election (预选): the candidates placed on the formal list.
	s = people(3, "甲", "乙", "丙", "丁", "戊")
	s.Office = "中央委员会"
	e, err := tally.NewPreliminary(s, tally.CentralCommitteePreliminary(), 4)
	if err != nil {
		t.Fatal(err)
	}
	out = append(out, decide(t, "preliminary", e, []round{
		{turnout: tally.Turnout{Entitled: 100, Present: 90, Issued: 90}, valid: 90, votes: []int{80, 70, 60, 55, 20}},
	}))

	// A unit electing with as many candidates as seats: the supplementary list has no surplus.
	equal := tally.NationalCongressDelegates()
	equal.Difference.EqualAllowed = true
	s = people(2, "甲", "乙")
	s.Office = "某选举单位"
	out = append(out, decide(t, "equal", mustElection(t, s, equal), []round{
		{turnout: tally.Turnout{Entitled: 100, Present: 90, Issued: 90}, valid: 90, votes: []int{80, 40}},
	}))
	return out
}
