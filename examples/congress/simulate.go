package main

import (
	"fmt"
	"runtime"
	"slices"
	"sync"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/quota"
	"github.com/chae-go/chae/tally"
)

// config is the simulation's input, from the command line.
type config struct {
	Seed    uint64
	Method  quota.Method // apportionment method
	Quota   int          // delegates to elect in all
	Units   int          // election units
	Workers int          // goroutines deciding units; 0: GOMAXPROCS
}

// unitRun is everything that happened in one election unit.
type unitRun struct {
	Index int  `json:"index"`
	Unit  Unit `json:"unit"`
	Seats int  `json:"seats"` // the unit's quota of delegates
	// Slate is the formal candidate list; Support the simulated standing of each candidate among
	// the unit's delegates (voter model input, not a vote).
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

// makeSlate draws the unit's candidates: as many as the difference rule requires and a few more
// (exactly as many as seats in an authorised unit), with their support, the unit's temper and a
// pool of names some voters write in.
func makeSlate(seed uint64, i int, u Unit, seats int) (ballot.Slate, []int, temper, []string) {
	r := stream(seed, i, streamSlate)
	n := seats
	if !u.Equal {
		n = differenceRule(u).MinCandidates(seats) + r.IntN(seats/20+1)
	}
	s := ballot.Slate{Office: fmt.Sprintf("%s delegates to the 20th National Congress", u.English), Seats: seats}
	names := make(map[string]bool, n)
	support := make([]int, n)
	for c := range n {
		name := personName(r)
		for names[name] {
			name = personName(r)
		}
		names[name] = true
		s.Candidates = append(s.Candidates, newCandidate(r, u, fmt.Sprintf("%s-%03d", u.Code, c+1), name))
		support[c] = between(r, 400, 1000)
	}
	// The slate is composed for the unit's targets: more women than their share of the membership
	// needs among the elected, with a cushion of half the surplus (the vote can still fall short:
	// the report says so); at least two ethnic-minority candidates, whom the nominating bodies put
	// forward with strong support.
	women := 0
	for _, c := range s.Candidates {
		if c.Attrs[attrGender] == "female" {
			women++
		}
	}
	needWomen := min(n, seats*u.WomenPermille/1000+1+(n-seats+1)/2)
	for _, c := range r.Perm(n) {
		if women >= needWomen {
			break
		}
		if a := s.Candidates[c].Attrs; a[attrGender] != "female" {
			a[attrGender] = "female"
			women++
		}
	}
	minorities := 0
	for _, c := range s.Candidates {
		if c.Attrs[attrEthnicity] != "Han" {
			minorities++
		}
	}
	for _, c := range r.Perm(n) {
		if minorities >= min(2, n) {
			break
		}
		if a := s.Candidates[c].Attrs; a[attrEthnicity] == "Han" {
			a[attrEthnicity] = minorityGroup(r, u)
			support[c] = between(r, 850, 1000)
			minorities++
		}
	}
	t := temper{Noise: 700, Partial: 20, Fewest: 900}
	if permille(r, 150) {
		// a divided congress: delegates disagree and many choose fewer persons than seats
		t = temper{Noise: 1400, Partial: 650, Fewest: 250}
	}
	pool := make([]string, 4)
	for k := range pool {
		pool[k] = personName(r)
	}
	return s, support, t, pool
}

// simulateUnit runs one unit's election from nomination to credentials review.
func simulateUnit(seed uint64, i int, u Unit, seats int) (*unitRun, error) {
	run := &unitRun{Index: i, Unit: u, Seats: seats}
	var pool []string
	run.Slate, run.Support, run.Temper, pool = makeSlate(seed, i, u, seats)
	if err := differenceRule(u).Check(seats, len(run.Slate.Candidates)); err != nil {
		return nil, fmt.Errorf("congress: %s: %w", u.Name, err)
	}
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
				runs[i], errs[i] = simulateUnit(cfg.Seed, i, units[i], seats[i])
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
