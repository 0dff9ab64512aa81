package main

import (
	"cmp"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/quota"
	"github.com/chae-go/chae/tally/count"
	"github.com/chae-go/chae/tally/nominate"
)

// The simulation of the nomination stage: its own parameters (the rules' open points it settles,
// and the behaviour of the synthetic members). Each rule's Source cites the row of docs/rules.md
// it follows and says which figure is the simulation's.
const (
	membersPerBranchUnit = 100000 // one sampled branch per this many members of the unit
	minBranches          = 6
	branchesPerRU        = 8 // seats per recommending unit, roughly
	maxRUs               = 16

	takePartPermille    = 995 // members who take part in each round (published average: 99.5%)
	mobilePermille      = 40  // of those, by a mobile ballot box
	keepPermille        = 850 // a member writes each name of the branch's consensus
	ownPickPermille     = 300 // … and, for a name left out, another person of the unit instead
	overVotePermille    = 2   // a recommendation ballot naming more persons than the limit
	spoiledPermille     = 1   // a ballot the counting staff declare spoiled
	branchNoise         = 250 // spread of a branch's view of a person's standing (thousandths)
	agreeFloorPermille  = 600 // an opinion ballot agrees to a listed person with at least this …
	agreeSpreadPermille = 380 // … plus this times the person's standing
	abstainPermille     = 10

	vetPermille       = 6  // inspected persons removed by vetting
	objectionPermille = 10 // listed persons objected to during the public notice
	upheldPermille    = 250
)

// Round sizes at the election unit, against its seats: the first up lists every name the
// recommending units send (each 17/10 of its places, an enlarged proportion, which is also the
// most names a recommendation ballot may carry there); the second up more than 50% over the
// seats, the third (the recommended persons) more than 40% (the manuals ask more than 30%), each
// at least a few more in a small unit; inspection covers more than 10% more than the
// preliminary list, which is more than 20% over the seats; the prospective list, the
// candidates, meets the unit's difference rule exactly (more than 15%; as many as seats in Tibet
// and Xinjiang).
var (
	ruShare      = quota.Threshold{Share: quota.Ratio(17, 10), Boundary: quota.AtLeast}
	secondSize   = quota.Difference{MinShare: quota.Percent(50), MinBoundary: quota.MoreThan, MinSurplus: 5}
	thirdSize    = quota.Difference{MinShare: quota.Percent(40), MinBoundary: quota.MoreThan, MinSurplus: 4}
	inspectShare = quota.Percent(10)
)

// orgs of one unit's sampled organisation tree.
type sampleBranch struct {
	ID           nominate.OrgID
	RU           int
	Members      int
	Probationary int
}

// unitNomination is one unit's nomination: its tree, registry, pool and the process.
type unitNomination struct {
	seed     uint64
	index    int
	unit     Unit
	seats    int
	plan     plan
	tree     *nominate.Tree
	reg      *nominate.Registry
	rus      []nominate.OrgID
	places   []int // places of each recommending unit
	branches []sampleBranch
	pool     []person
	byID     map[string]*person
	persons  []nominate.Person // registry index of each pool person
	homes    [][]int           // pool persons of each recommending unit, by rank
	n        *nominate.Nomination
	workers  int

	lots      []lot // ties settled by lot, in order
	removals  []nominate.Removal
	replaced  int
	objection []nominate.Objection
	reopened  int
}

// lot is a tie the simulation settled by a seeded draw, recorded as a decision.
type lot struct {
	Step    string   `json:"step"`
	Org     string   `json:"org"`
	Persons []string `json:"persons"` // in the order drawn
}

// lotRef is the reference of every decision the simulation takes by lot.
const lotRef = "lot drawn by the simulation from its seed"

func ruID(code string, k int) nominate.OrgID {
	return nominate.OrgID(fmt.Sprintf("%s/%02d", code, k+1))
}

// buildTree samples the unit's organisation: recommending units, their committees, and one
// branch for every membersPerBranchUnit members of the unit.
func buildTree(r *rand.Rand, u Unit, seats int) ([]nominate.Org, []sampleBranch, int) {
	nb := max(minBranches, int((u.Members+membersPerBranchUnit/2)/membersPerBranchUnit))
	nru := min(max(2, (seats+branchesPerRU-1)/branchesPerRU), maxRUs, nb/3, seats)
	root := nominate.OrgID(u.Code)
	orgs := []nominate.Org{{ID: root, Name: u.Name, Kind: nominate.ElectionUnit, Places: seats}}
	committees := make([]int, nru)
	for k := range nru {
		orgs = append(orgs, nominate.Org{ID: ruID(u.Code, k), Parent: root, Kind: nominate.RecommendingUnit})
		committees[k] = 2 + r.IntN(2)
	}
	perRU := make([]int, nru)
	var bs []sampleBranch
	for j := range nb {
		k := j % nru
		c := perRU[k] % committees[k]
		perRU[k]++
		m := 6 + r.IntN(22)
		if permille(r, 80) {
			m += between(r, 20, 60)
		}
		bs = append(bs, sampleBranch{ID: nominate.OrgID(fmt.Sprintf("%s/%02d/%d/%03d", u.Code, k+1, c+1, j+1)), RU: k,
			Members: m, Probationary: r.IntN(m/15 + 1)})
	}
	for k := range nru {
		for c := range min(committees[k], perRU[k]) {
			orgs = append(orgs, nominate.Org{ID: nominate.OrgID(fmt.Sprintf("%s/%02d/%d", u.Code, k+1, c+1)),
				Parent: ruID(u.Code, k), Kind: nominate.Committee})
		}
	}
	for _, b := range bs {
		parent := b.ID[:len(b.ID)-4] // the committee: the branch's ID without "/NNN"
		orgs = append(orgs, nominate.Org{ID: b.ID, Parent: parent, Members: b.Members, Probationary: b.Probationary})
	}
	return orgs, bs, nru
}

// newUnitNomination builds the unit's tree, places its recommending units, and deals its pool.
func newUnitNomination(seed uint64, i int, u Unit, seats, workers int) (*unitNomination, error) {
	r := stream(seed, i, streamTree)
	orgs, bs, nru := buildTree(r, u, seats)
	tree, err := nominate.NewTree(orgs)
	if err != nil {
		return nil, err
	}
	un := &unitNomination{seed: seed, index: i, unit: u, seats: seats, plan: unitPlan(u, seats), branches: bs, workers: workers}
	for k := range nru {
		un.rus = append(un.rus, ruID(u.Code, k))
	}
	// the unit's places among its recommending units, by members (Huntington–Hill); a tie for
	// the last place is settled by lot and recorded
	allocs, err := nominate.Apportion(tree, tree.Root(), seats, quota.HuntingtonHill, nominate.WeightMembers)
	if te := (*quota.ApportionTieError)(nil); errors.As(err, &te) {
		weights := make([]int64, nru)
		for k := range nru {
			weights[k], _ = tree.Members(un.rus[k])
		}
		a, err := apportionLots(stream(seed, i, streamTreeLots), quota.HuntingtonHill, seats, weights)
		if err != nil {
			return nil, err
		}
		var tied []string
		for _, k := range a.Lots {
			tied = append(tied, string(un.rus[k]))
		}
		un.lots = append(un.lots, lot{Step: "places", Org: u.Code, Persons: tied})
		allocs = make([]nominate.Allocation, nru)
		for k := range nru {
			allocs[k] = nominate.Allocation{Org: un.rus[k], Weight: weights[k], Places: a.Seats[k]}
		}
	} else if err != nil {
		return nil, err
	}
	for _, a := range allocs {
		un.places = append(un.places, a.Places)
	}
	if un.tree, err = tree.WithPlaces(allocs); err != nil {
		return nil, err
	}
	un.pool = makePool(stream(seed, i, streamPool), u, un.plan, un.places)
	un.reg = nominate.NewRegistry()
	un.byID = make(map[string]*person, len(un.pool))
	un.homes = make([][]int, nru)
	for k := range un.pool {
		p := &un.pool[k]
		x, err := un.reg.Register(candidateOf(p.ID, p.Name, p.Attrs))
		if err != nil {
			return nil, err
		}
		un.persons = append(un.persons, x)
		un.byID[p.ID] = p
		un.homes[p.Home] = append(un.homes[p.Home], k)
	}
	un.n, err = nominate.New(un.tree, un.reg, seats, nominate.Options{Workers: workers, TallyLevels: 1})
	return un, err
}

// source is a rule's citation: the row of docs/rules.md it follows, and the simulation's choice.
func source(row, choice string) string { return "docs/rules.md " + row + "; simulation: " + choice }

// firstUpRules are the rules of the first up (一上), from recommendation ballots.
func firstUpRules() nominate.Rules {
	branch := nominate.BranchMajority()
	branch.Source = source("G3", "more than half of the ballots returned")
	committee := nominate.LevelBelow()
	committee.Source = source("G4", "more than half of the branches below")
	return nominate.Rules{
		Default: branch,
		ByKind: map[nominate.Kind]nominate.Rule{
			nominate.Committee: committee,
			nominate.RecommendingUnit: {
				Members: nominate.MemberBar{Threshold: quota.Threshold{Share: quota.Ratio(1, 5), Boundary: quota.AtLeast}, Base: nominate.OfTookPart},
				Size:    nominate.Size{Kind: nominate.SizeShare, Share: ruShare},
				Order:   []nominate.Key{nominate.KeyVotes, nominate.KeyBranches, nominate.KeyFull},
				Source:  source("G2, G5", "named by at least 1/5 of the members who took part; 17/10 of the places, by votes"),
			},
			nominate.ElectionUnit: {
				Universe: nominate.ChildLists,
				Order:    []nominate.Key{nominate.KeyVotes, nominate.KeyBranches, nominate.KeyFull},
				Source:   source("G4", "every name the recommending units sent up"),
			},
		},
	}
}

// opinionRules are the rules of an up from opinion ballots on the list sent down (二上, 三上):
// agreed to by more than half of the valid ballots, the unit's list sized by a surplus over the
// seats.
//
// The organisations below the election unit pass their counts up and choose no list of their
// own (a list of no names): the list sent down is the election unit's, and so is the choice.
func opinionRules(size quota.Difference, choice string) nominate.Rules {
	agree := nominate.MemberBar{Threshold: quota.Majority(), Base: nominate.OfValid}
	below := nominate.Rule{Members: agree, Size: nominate.Size{Kind: nominate.SizeShare, Share: quota.Threshold{Boundary: quota.AtLeast}},
		Source: source("G4", "the counts go up; the election unit chooses")}
	inner := below
	inner.Universe = nominate.ChildLists // the branches list no one: neither do the levels above them
	return nominate.Rules{
		Default: below,
		ByKind: map[nominate.Kind]nominate.Rule{
			nominate.Committee:        inner,
			nominate.RecommendingUnit: inner,
			nominate.ElectionUnit: {
				Members: agree,
				Size:    nominate.Surplus(size),
				Order:   []nominate.Key{nominate.KeyVotes, nominate.KeyAgainst},
				Source:  source("G4, G5", "agreed to by more than half of the valid opinion ballots; "+choice+", by votes"),
			},
		},
	}
}

// run runs the unit's nomination from the first recommendation to the slate.
func (un *unitNomination) run() (ballot.Slate, error) {
	sheets, err := un.recommend(stream(un.seed, un.index, streamRecommend))
	if err != nil {
		return ballot.Slate{}, err
	}
	if err := un.up(nominate.Up{Rules: firstUpRules(), Sheets: sheets}); err != nil {
		return ballot.Slate{}, err
	}
	root := un.tree.Root()
	for k, rules := range []nominate.Rules{
		opinionRules(secondSize, "more than 50% over the seats, at least 5"),
		opinionRules(thirdSize, "more than 40% over the seats, at least 4"),
	} {
		down, err := un.n.Down(root, 0)
		if err != nil {
			return ballot.Slate{}, err
		}
		sheets, err := un.opinions(stream(un.seed, un.index, streamOpinions+uint64(k)), down)
		if err != nil {
			return ballot.Slate{}, err
		}
		if err := un.up(nominate.Up{Rules: rules, Sheets: sheets}); err != nil {
			return ballot.Slate{}, err
		}
	}
	// 三下: the list of persons to be inspected is announced back down (考察预告).
	if _, err := un.n.Down(root, 0); err != nil {
		return ballot.Slate{}, err
	}
	r := stream(un.seed, un.index, streamVetting)
	recommended := un.n.List()
	prelim := nominate.PreliminarySurplus()
	prelim.Surplus.Source = source("G5", "more than 20% over the seats, the least")
	places := prelim.Surplus.MinCandidates(un.seats)
	inspect := nominate.ListRule{Places: places,
		Size:   nominate.Surplus(quota.Difference{MinShare: inspectShare, MinBoundary: quota.MoreThan}),
		Source: source("G6", "more than 10% over the preliminary list")}
	if err := un.narrow(nominate.Inspected, inspect); err != nil {
		return ballot.Slate{}, err
	}
	if err := un.vet(r, recommended); err != nil {
		return ballot.Slate{}, err
	}
	inspected := un.n.List()
	if err := un.narrow(nominate.Preliminary, nominate.ListRule{Size: prelim, Source: prelim.Surplus.Source}); err != nil {
		return ballot.Slate{}, err
	}
	if err := un.notice(r, inspected); err != nil {
		return ballot.Slate{}, err
	}
	d := differenceRule(un.unit)
	prospective := nominate.ListRule{Size: nominate.Surplus(d), Source: source("D1, G1", "the least the difference rule allows")}
	if un.unit.Equal {
		prospective = nominate.ListRule{Size: nominate.Full(), Source: source("D1, G1", "as many as the seats, as authorised")}
	}
	if err := un.narrow(nominate.Prospective, prospective); err != nil {
		return ballot.Slate{}, err
	}
	return un.n.Slate(fmt.Sprintf("%s delegates to the 20th National Congress", un.unit.English), d, true)
}

// recommend holds the first up's recommendation ballots (推荐票) in every branch, in the
// meeting's ballot box and a mobile box (流动票箱), and returns the branches' sheets. A branch
// agrees on a view of its recommending unit's persons (their standing, give or take its own
// noise); each member writes the branch's first names, up to the ballot's limit of 17/10 of the
// unit's places, leaving some out and sometimes writing another person instead.
func (un *unitNomination) recommend(r *rand.Rand) ([]nominate.Sheet, error) {
	sheets := make([]nominate.Sheet, 0, len(un.branches))
	var hall, mobile []*nominate.Counter
	for k := range un.rus {
		rule := nominate.BallotRule{Limit: ruShare.Needed(un.places[k])}
		hall = append(hall, nominate.NewCounter(un.reg, rule))
		mobile = append(mobile, nominate.NewCounter(un.reg, rule))
	}
	type scored struct{ k, score int }
	var view []scored
	var names []nominate.Person
	for _, b := range un.branches {
		home := un.homes[b.RU]
		view = view[:0]
		for _, k := range home {
			view = append(view, scored{k, un.pool[k].Standing + r.IntN(branchNoise+1)})
		}
		slices.SortFunc(view, func(x, y scored) int {
			if c := cmp.Compare(y.score, x.score); c != 0 {
				return c
			}
			return cmp.Compare(x.k, y.k)
		})
		limit := ruShare.Needed(un.places[b.RU])
		first := view[:min(limit, len(view))]
		h, m := hall[b.RU], mobile[b.RU]
		h.Reset()
		m.Reset()
		for v := range b.Members {
			if !permille(r, takePartPermille) {
				continue
			}
			names = names[:0]
			over := permille(r, overVotePermille)
			for _, s := range first {
				if over || permille(r, keepPermille) {
					names = append(names, un.persons[s.k])
				} else if permille(r, ownPickPermille) {
					names = append(names, un.persons[home[r.IntN(len(home))]])
				}
			}
			if over {
				names = append(names, un.persons[home[r.IntN(len(home))]], un.persons[r.IntN(len(un.persons))])
			}
			box := h
			if permille(r, mobilePermille) {
				box = m
			}
			if err := box.Add(nominate.Ballot{Persons: names, Probationary: v < b.Probationary, Spoiled: permille(r, spoiledPermille)}); err != nil {
				return nil, err
			}
		}
		if err := h.Merge(m); err != nil {
			return nil, err
		}
		sheets = append(sheets, h.Sheet(b.ID))
	}
	return sheets, nil
}

// opinions holds an opinion round on the list sent down (一下, 二下): every member who takes part
// marks each listed person agree (For), disagree (Against) or abstain, on a ballot counted with
// count.Counter exactly like a ballot paper; full members' and probationary members' ballots are
// counted apart. A person is agreed to more, the better their standing.
func (un *unitNomination) opinions(r *rand.Rand, slate ballot.Slate) ([]nominate.Sheet, error) {
	n := len(slate.Candidates)
	agree := make([]uint16, n) // thresholds out of 65536
	against := make([]uint16, n)
	for i, c := range slate.Candidates {
		pf := agreeFloorPermille + agreeSpreadPermille*un.byID[c.ID].Standing/1000
		agree[i] = uint16(pf * 65536 / 1000)
		against[i] = uint16((1000 - abstainPermille) * 65536 / 1000)
	}
	// The counters count the list by candidate ID; names and attributes are the list's.
	plain := ballot.Slate{Office: slate.Office, Seats: slate.Seats, Candidates: make([]ballot.Candidate, n)}
	for i, c := range slate.Candidates {
		plain.Candidates[i] = ballot.Candidate{ID: c.ID, Name: c.ID}
	}
	b := ballot.Ballot{Marks: make([]ballot.Mark, n)}
	sheets := make([]nominate.Sheet, 0, len(un.branches))
	for _, br := range un.branches {
		full, err := count.NewCounter(plain)
		if err != nil {
			return nil, err
		}
		var prob *count.Counter
		if br.Probationary > 0 {
			if prob, err = count.NewCounter(plain); err != nil {
				return nil, err
			}
		}
		for v := range br.Members {
			if !permille(r, takePartPermille) {
				continue
			}
			var bits uint64
			for i := range n {
				if i%4 == 0 {
					bits = r.Uint64()
				}
				x := uint16(bits)
				bits >>= 16
				switch {
				case x < agree[i]:
					b.Marks[i] = ballot.For
				case x < against[i]:
					b.Marks[i] = ballot.Against
				default:
					b.Marks[i] = ballot.Abstain
				}
			}
			b.Spoiled = permille(r, spoiledPermille)
			c := full
			if v < br.Probationary {
				c = prob
			}
			if err := c.Add(b); err != nil {
				return nil, err
			}
		}
		var pc count.Counts
		if prob != nil {
			pc = prob.Counts()
		}
		s, err := nominate.OpinionSheet(un.reg, br.ID, plain, full.Counts(), pc)
		if err != nil {
			return nil, err
		}
		sheets = append(sheets, s)
	}
	return sheets, nil
}

// up runs an up and settles every tie at a cut by lot, recorded as a decision (OpOrder) of the
// organisation, then runs the up again with the decisions: ties are never broken silently.
func (un *unitNomination) up(u nominate.Up) error {
	p, err := un.n.Up(u)
	r := stream(un.seed, un.index, streamNominationLots+uint64(len(un.n.Passes())))
	for tries := 0; err == nil; tries++ {
		var ds []nominate.Decision
		for _, nd := range p.Nodes {
			if nd.Tie == nil {
				continue
			}
			order := drawn(r, nd.Tie.Persons)
			ds = append(ds, nominate.Decision{Org: nd.Org, Op: nominate.OpOrder, Persons: order, Ground: nominate.OtherGround, Ref: lotRef})
			un.lots = append(un.lots, lot{Step: fmt.Sprintf("up %d", p.Round), Org: string(nd.Org), Persons: order})
		}
		if len(ds) == 0 {
			return nil
		}
		if tries == 8 {
			return fmt.Errorf("up %d: ties still open after %d draws", p.Round, tries)
		}
		u.Decisions = append(u.Decisions, ds...)
		p, err = un.n.Redo(u)
	}
	return err
}

// drawn returns the tied persons in an order drawn by lot.
func drawn(r *rand.Rand, tied []string) []string {
	order := slices.Clone(tied)
	slices.Sort(order)
	r.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	return order
}

// narrow cuts the list to a stage; a tie at the cut is settled by lot and recorded.
func (un *unitNomination) narrow(stage nominate.Stage, rule nominate.ListRule) error {
	sl, err := un.n.Narrow(stage, rule, nil)
	if err != nil || sl.Tie == nil {
		return err
	}
	order := drawn(stream(un.seed, un.index, streamNominationLots+16+uint64(stage)), sl.Tie.Persons)
	un.lots = append(un.lots, lot{Step: stage.String(), Org: un.unit.Code, Persons: order})
	_, err = un.n.Narrow(stage, rule, order)
	return err
}

// replacementTie returns the persons tied at the cut when replace persons are taken, in order,
// from the entries of prev not on the list and not removed — the cut Vet and Notice make with
// the NextRanked policy — or nil when the cut falls between ranks.
func replacementTie(prev, list []nominate.Entry, removed map[string]bool, replace int) []string {
	var pool []nominate.Entry
	for _, e := range prev {
		if removed[e.Person] || e.Origin == nominate.Above || e.Origin == nominate.Added ||
			slices.ContainsFunc(list, func(x nominate.Entry) bool { return x.Person == e.Person }) {
			continue
		}
		pool = append(pool, e)
	}
	take := min(replace, len(pool))
	same := func(x, y nominate.Entry) bool { return x.Origin == y.Origin && x.Rank == y.Rank }
	if take == 0 || take == len(pool) || !same(pool[take-1], pool[take]) {
		return nil
	}
	var tied []string
	for _, e := range pool {
		if same(e, pool[take]) {
			tied = append(tied, e.Person)
		}
	}
	return tied
}

// removedSet returns every person removed so far.
func (un *unitNomination) removedSet() map[string]bool {
	out := make(map[string]bool, len(un.removals))
	for _, rm := range un.removals {
		out[rm.Person] = true
	}
	return out
}

// vetGrounds are the grounds of vetting removals, in the simulation's proportions.
var vetGrounds = []nominate.Ground{nominate.Integrity, nominate.Integrity, nominate.Political, nominate.Identity}

// vet vets the inspected: a few are removed (一票否决: a single disqualifying finding), each
// replaced by the next of the recommended list in rank order (the simulation's policy: no rule
// was found).
func (un *unitNomination) vet(r *rand.Rand, prev []nominate.Entry) error {
	list := un.n.List()
	var rs []nominate.Removal
	for _, e := range list {
		if permille(r, vetPermille) {
			rs = append(rs, nominate.Removal{Person: e.Person, Ground: vetGrounds[r.IntN(len(vetGrounds))],
				Ref: fmt.Sprintf("review %s-%d", un.unit.Code, len(un.removals)+len(rs)+1)})
		}
	}
	un.removals = append(un.removals, rs...)
	var settle []string
	if tied := replacementTie(prev, list, un.removedSet(), len(rs)); tied != nil {
		settle = drawn(stream(un.seed, un.index, streamNominationLots+32), tied)
		un.lots = append(un.lots, lot{Step: "vetting", Org: un.unit.Code, Persons: settle})
	}
	v, err := un.n.Vet(rs, nominate.NextRanked, settle)
	if err != nil {
		return err
	}
	un.replaced += replacements(v)
	return nil
}

// notice holds the public notice (公示) of the preliminary list: a week, counted as the cadre
// rule's five working days (the nearest fixed figure; none was found for delegate candidates),
// in one of six weeks of February and March 2022 free of public holidays; a few objections, a
// quarter of them upheld, the person replaced by the next inspected in rank order.
func (un *unitNomination) notice(r *rand.Rand, prev []nominate.Entry) error {
	list := un.n.List()
	nt := nominate.CadreNotice()
	from := time.Date(2022, time.February, 14, 0, 0, 0, 0, time.UTC).AddDate(0, 0, 7*(un.index%6))
	nt.Scope = "election unit"
	nt.From = nominate.Date{Year: from.Year(), Month: from.Month(), Day: from.Day()}
	to := from.AddDate(0, 0, 4)
	nt.To = nominate.Date{Year: to.Year(), Month: to.Month(), Day: to.Day()}
	upheld := 0
	for _, e := range list {
		if !permille(r, objectionPermille) {
			continue
		}
		got := from.AddDate(0, 0, r.IntN(5))
		o := nominate.Objection{Received: nominate.Date{Year: got.Year(), Month: got.Month(), Day: got.Day()},
			Person: e.Person, Ground: nominate.PublicNotice, Upheld: permille(r, upheldPermille),
			Ref: fmt.Sprintf("letter %s-%d", un.unit.Code, len(un.objection)+1)}
		if o.Upheld {
			upheld++
			un.removals = append(un.removals, nominate.Removal{Person: o.Person, Ground: o.Ground, Ref: o.Ref})
		}
		un.objection = append(un.objection, o)
	}
	nt.Objections = un.objection
	var settle []string
	if tied := replacementTie(prev, list, un.removedSet(), upheld); tied != nil {
		settle = drawn(stream(un.seed, un.index, streamNominationLots+33), tied)
		un.lots = append(un.lots, lot{Step: "notice", Org: un.unit.Code, Persons: settle})
	}
	st, err := un.n.Notice(nt, nominate.NextRanked, settle)
	if err != nil {
		return err
	}
	un.replaced += replacements(st.Vetting)
	return nil
}

// replacements counts the persons a vetting listed in place of the removed.
func replacements(v *nominate.Vetting) int {
	if v == nil {
		return 0
	}
	k := 0
	for _, r := range v.Reasons {
		if r.Kind == nominate.ReasonReplaced {
			k++
		}
	}
	return k
}
