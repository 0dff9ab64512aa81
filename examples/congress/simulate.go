package main

import (
	"fmt"
	"runtime"
	"slices"
	"sync"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/quota"
	"github.com/chae-go/chae/tally"
	"github.com/chae-go/chae/tally/nominate"
)

// config is the simulation's input, from the command line.
type config struct {
	Seed    uint64
	Method  quota.Method // apportionment method
	Quota   int          // delegates to elect in all
	Units   int          // election units
	Workers int          // goroutines deciding units; 0: GOMAXPROCS
	// NominateWorkers is the goroutines aggregating one unit's organisation tree
	// (nominate.Options.Workers); 0 means GOMAXPROCS. The units already run in parallel, so the
	// command uses 1; the output does not depend on it.
	NominateWorkers int
	// Paper is the code of the unit whose ballot paper and delegates the report prints ("" none).
	Paper string
}

// unitRun is everything that happened in one election unit.
type unitRun struct {
	Index int  `json:"index"`
	Unit  Unit `json:"unit"`
	Seats int  `json:"seats"` // the unit's quota of delegates
	// Nomination is the stage before the vote, with the SHA-256 digest of its canonical record
	// (-records writes the records themselves).
	Nomination nominationRun `json:"nomination"`
	// Slate is the formal candidate list, printed in surname stroke order; Support the simulated
	// standing of each candidate among the unit's delegates (voter model input, not a vote),
	// from their place on the nomination's list.
	Slate   ballot.Slate  `json:"slate"`
	Support []int         `json:"support"`
	Temper  temper        `json:"temper"`
	Turnout tally.Turnout `json:"turnout"`
	// Result is the unit's election record, with every round and decision (tally.Result: its
	// canonical JSON carries a SHA-256 digest).
	Result tally.Result `json:"result"`
	// Elected are the IDs elected at the unit's congress, in order of election.
	Elected []string `json:"elected"`
	// Reduced is the number of seats the unit's congress decided to leave empty.
	Reduced int `json:"reduced"`
	// Rejected lists elected delegates whose credentials were not confirmed.
	Rejected []rejection `json:"rejected"`
}

// nominationRun is what the nomination stage of one unit did, for the report and the record.
type nominationRun struct {
	Branches      int                  `json:"branches"`   // sampled branches
	Members       int                  `json:"members"`    // their members
	Places        []int                `json:"places"`     // the recommending units' places
	Funnel        nominate.Funnel      `json:"funnel"`     // recommended → inspected → preliminary → candidates
	TookPart      int64                `json:"took_part"`  // members who took part in the first up
	Vetoed        []nominate.Removal   `json:"vetoed"`     // removed by vetting
	Objections    []nominate.Objection `json:"objections"` // objections during the public notice
	Replaced      int                  `json:"replaced"`   // persons listed in place of the removed
	Lots          []lot                `json:"lots"`       // ties settled by lot, recorded as decisions
	Digest        string               `json:"digest"`     // the nomination record's digest
	participation nominate.Rate
	record        *nominate.Record
	names         map[string]string // every person of the pool: key → name
}

// nominated records the unit's nomination and makes its slate the ballot paper: the
// candidates in surname stroke order (docs/rules.md C7), each with a support among the unit's
// congress from 400 to 1000 as their standing among the members.
func (u *unitRun) nominated(un *unitNomination, slate ballot.Slate) {
	nm := &u.Nomination
	nm.Branches = len(un.branches)
	for _, b := range un.branches {
		nm.Members += b.Members
	}
	nm.Places = un.places
	nm.Funnel = un.n.Funnel()
	nm.participation, _ = un.n.Participation()
	nm.TookPart = nm.participation.Num
	nm.Replaced = un.replaced
	nm.Lots = append([]lot{}, un.lots...)
	nm.Objections = append([]nominate.Objection{}, un.objection...)
	nm.Vetoed = []nominate.Removal{}
	for _, r := range un.removals {
		if !slices.ContainsFunc(un.objection, func(o nominate.Objection) bool { return o.Upheld && o.Person == r.Person }) {
			nm.Vetoed = append(nm.Vetoed, r)
		}
	}
	nm.record = un.n.Record()
	nm.names = make(map[string]string, len(un.pool))
	for _, p := range un.pool {
		nm.names[p.ID] = p.Name
	}
	u.Slate = slate.StrokeOrdered()
	u.Support = make([]int, len(u.Slate.Candidates))
	for k, c := range u.Slate.Candidates {
		u.Support[k] = 400 + 600*un.byID[c.ID].Standing/1000
	}
}

// rejection is a credentials-review decision against an elected delegate.
type rejection struct {
	ID     string `json:"id"`
	Reason string `json:"reason"`
}

// confirmed returns the delegates elected and confirmed by the credentials review.
func (u *unitRun) confirmed() []string {
	out := make([]string, 0, len(u.Elected))
	for _, id := range u.Elected {
		if !slices.ContainsFunc(u.Rejected, func(r rejection) bool { return r.ID == id }) {
			out = append(out, id)
		}
	}
	return out
}

// differenceRule returns the unit's difference rule: the National Congress rule (more than 15%),
// or its equal-numbers exception for the two authorised units.
func differenceRule(u Unit) quota.Difference {
	if u.Equal {
		return quota.NationalCongressDelegatesSurplusOrEqual()
	}
	return quota.NationalCongressDelegatesSurplus()
}

// temperOf draws the unit congress's temper and a few names some of its voters write in.
func temperOf(seed uint64, i int) (temper, []string) {
	r := stream(seed, i, streamSlate)
	t := temper{Noise: 700, Partial: 20, Fewest: 900}
	if permille(r, 150) {
		// a divided congress: delegates disagree and many choose fewer persons than seats
		t = temper{Noise: 1400, Partial: 650, Fewest: 250}
	}
	pool := make([]string, 4)
	for k := range pool {
		pool[k] = personName(r)
	}
	return t, pool
}

// simulateUnit runs one unit's election from the first recommendation to the credentials review.
func simulateUnit(seed uint64, i int, u Unit, seats, workers int) (*unitRun, error) {
	run := &unitRun{Index: i, Unit: u, Seats: seats}
	un, err := newUnitNomination(seed, i, u, seats, workers)
	if err != nil {
		return nil, fmt.Errorf("congress: %s: %w", u.Name, err)
	}
	slate, err := un.run()
	if err != nil {
		return nil, fmt.Errorf("congress: %s: nomination: %w", u.Name, err)
	}
	run.nominated(un, slate)
	if err := differenceRule(u).Check(seats, len(run.Slate.Candidates)); err != nil {
		return nil, fmt.Errorf("congress: %s: %w", u.Name, err)
	}
	var pool []string
	run.Temper, pool = temperOf(seed, i)
	re := stream(seed, i, streamElectorate)
	present := u.Entitled - re.IntN(u.Entitled/40+1)
	run.Turnout = tally.Turnout{Entitled: u.Entitled, Present: present, Issued: present}
	if err := decide(seed, i, run, pool); err != nil {
		return nil, fmt.Errorf("congress: %s: %w", u.Name, err)
	}
	review(seed, i, run)
	return run, nil
}

// credentialReasons are the grounds on which the credentials committee may not confirm a delegate.
var credentialReasons = []string{
	"nomination procedure not followed",
	"under investigation for a breach of discipline",
	"identity check failed",
}

// review is the credentials review: each elected delegate is confirmed, except (seeded, about one
// in eight hundred) one whose credentials are not confirmed; the seat stays empty.
func review(seed uint64, i int, run *unitRun) {
	r := stream(seed, i, streamCredentials)
	for _, id := range run.Elected {
		if r.IntN(800) == 0 {
			run.Rejected = append(run.Rejected, rejection{ID: id, Reason: credentialReasons[r.IntN(len(credentialReasons))]})
		}
	}
}

// simulate decides every unit, on cfg.Workers goroutines, and returns the runs in unit order.
// progress, if not nil, is called once per unit in unit order, as soon as that unit and every unit
// before it are done: the same sequence at any number of workers.
func simulate(cfg config, units []Unit, seats []int, progress func(*unitRun)) ([]*unitRun, error) {
	workers := cfg.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	runs := make([]*unitRun, len(units))
	errs := make([]error, len(units))
	done := make([]chan struct{}, len(units))
	for i := range done {
		done[i] = make(chan struct{})
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(workers, len(units)) {
		wg.Go(func() {
			for i := range next {
				runs[i], errs[i] = simulateUnit(cfg.Seed, i, units[i], seats[i], cfg.NominateWorkers)
				close(done[i])
			}
		})
	}
	go func() {
		for i := range units {
			next <- i
		}
		close(next)
	}()
	for i := range units {
		<-done[i]
		if errs[i] == nil && progress != nil {
			progress(runs[i])
		}
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return runs, nil
}
