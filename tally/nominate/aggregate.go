package nominate

import (
	"cmp"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/tally/count"
)

// Op is what a recorded decision does.
type Op uint8

const (
	// OpAdd puts persons on the organisation's list after its cut (an addition by the committee:
	// 研究确定; a nominee from above with Ground FromAbove). They carry the decision, not a rank.
	OpAdd Op = iota
	// OpRemove keeps persons off the organisation's list: they are not eligible there, and the
	// cut takes the next.
	OpRemove
	// OpOrder settles a tie at the cut: Persons are exactly the tied persons, in the decided
	// order; the first go on the list.
	OpOrder
	numOps
)

var opNames = [...]string{"add", "remove", "order"}

// String returns "add", "remove" or "order".
func (o Op) String() string { return enumName(opNames[:], o) }

// MarshalText encodes the op as String does.
func (o Op) MarshalText() ([]byte, error) { return marshalEnum(opNames[:], o, "op") }

// UnmarshalText decodes a name String returns.
func (o *Op) UnmarshalText(t []byte) error { return unmarshalEnum(t, opNames[:], o, "op") }

// Decision is what a committee decides by itself, recorded and applied, never computed: an
// addition, a removal, the order of a tie. Every decision must apply to something: one that
// does not is an error.
type Decision struct {
	Org     OrgID
	Op      Op
	Persons []string // person keys; for OpOrder, the tied persons in the decided order
	Ground  Ground
	Ref     string // the reference of the decision (minutes, document number)
}

// Second is the count of a second recommendation (Rule.Shortfall) at an organisation: ballots
// of the slate Pass.SecondSlate gave, counted with a count.Counter.
type Second struct {
	Org    OrgID
	Counts count.Counts
}

// Up is the input of one "up" (一上, 二上, 三上): the rules, the branches' sheets, the recorded
// decisions and any second-round counts.
type Up struct {
	Round int
	Rules Rules
	// Sheets holds one sheet per branch that reported; a branch without a sheet reported
	// nothing (no ballots). Alternatively Source streams the sheets: it is called once per
	// branch, from several goroutines at once, and returns the branch's sheet or false for none.
	// Give one or the other.
	Sheets    []Sheet
	Source    func(org OrgID) (Sheet, bool, error)
	Decisions []Decision
	Second    []Second
}

// Options tune Aggregate's resources; they never change its result.
type Options struct {
	// Workers is the number of goroutines aggregating subtrees; 0 means GOMAXPROCS.
	Workers int
	// TallyLevels is how many levels, from the root, keep their full tallies in the Pass (and
	// its record): a province's 200,000 branches need not keep theirs. 0 keeps every level.
	// Lists, figures and reasons are always kept.
	TallyLevels int
}

// Clear says which bars a person cleared at an organisation.
type Clear uint8

const (
	// ClearMembers: the member bar.
	ClearMembers Clear = 1 << iota
	// ClearOrgs: the organisation bar.
	ClearOrgs
)

// Tally is one person's support at an organisation: sums over the counted branches below.
type Tally struct {
	Person  string
	Votes   int // votes from every counted ballot, probationary members' included
	Full    int // of which full members'
	Against int // Against votes (opinion rounds)
	// Orgs is the organisations directly below whose lists include the person; Branches the
	// branches below whose lists include them (both 0 at a branch).
	Orgs     int
	Branches int
	Cleared  Clear
	// Passed: eligible for the list here: the bars cleared as the basis requires, within the
	// universe, a member's recommendation below (unless the rule allows none), not removed.
	Passed bool
}

// Origin is how an entry came onto a list.
type Origin uint8

const (
	// Ranked: by clearing the bars and the cut. The zero value.
	Ranked Origin = iota
	// SecondRanked: by a second recommendation.
	SecondRanked
	// Added: by a recorded decision of the organisation.
	Added
	// Above: nominated from above (a decision with Ground FromAbove).
	Above
	numOrigins
)

var originNames = [...]string{"ranked", "second-round", "added", "from-above"}

// String returns "ranked", "second-round", "added" or "from-above".
func (o Origin) String() string { return enumName(originNames[:], o) }

// MarshalText encodes the origin as String does.
func (o Origin) MarshalText() ([]byte, error) { return marshalEnum(originNames[:], o, "origin") }

// UnmarshalText decodes a name String returns.
func (o *Origin) UnmarshalText(t []byte) error {
	return unmarshalEnum(t, originNames[:], o, "origin")
}

// Entry is one person on a list.
type Entry struct {
	Tally
	// Rank is the person's rank among those eligible (1 is best; persons equal on every key
	// share it); a second-round entry's rank in that round; 0 for a decided entry.
	Rank   int
	Origin Origin
}

// Tie is a cut falling inside a group of persons equal on every ranking key.
type Tie struct {
	Persons []string // the tied persons, in key order
	Rank    int      // their shared rank
	Places  int      // the places left among them
}

// Node is one organisation's result in one up.
type Node struct {
	Org    OrgID
	Kind   Kind
	Depth  int
	Places int // the places its list is sized against (0: none)
	// Counted: a branch whose sheet counted; an organisation with a counted branch below.
	Counted bool
	// Members and Probationary are the sums over every branch below (a branch's own figures).
	Members      int
	Probationary int
	// All and Full are the turnout of the counted branches below (a branch's own sheet, counted
	// or not); Uncounted the ballots of branches whose sheets did not count.
	All       Turnout
	Full      Turnout
	Uncounted int
	// Leaves and LeavesCounted are the branches below (1 for a branch) and how many counted;
	// Children and ChildrenCounted the organisations directly below.
	Leaves          int
	LeavesCounted   int
	Children        int
	ChildrenCounted int
	// Named is the persons with a counted vote below; Received the names on the children's
	// lists, with repeats, and Distinct the distinct persons among them (Chongqing 2012: 1,772
	// recommendations naming 786 persons).
	Named    int
	Received int
	Distinct int
	// The bars as applied: the base each is measured against and the votes (organisations)
	// needed to clear it. The organisation bar is 0, 0 at a branch.
	MemberBase   int
	MemberNeeded int
	OrgBase      int
	OrgNeeded    int
	// Passers is the persons eligible for the list; Min and Max the size the rule asks (Max −1:
	// no maximum).
	Passers int
	Min     int
	Max     int
	// Tallies holds every person named below, in key order, when the pass keeps this level's
	// tallies (Options.TallyLevels); nil otherwise.
	Tallies []Tally
	// List is what the organisation sends up: ranked entries by rank (key order within a rank),
	// then second-round entries, then decided entries in key order.
	List []Entry
	// Tie is non-nil when the cut falls inside a tie that no decision settled; Short the names
	// missing when too few were eligible; Second the persons proposed for a second
	// recommendation.
	Tie     *Tie
	Short   int
	Second  []string
	Reasons []Reason
}

// Pass is the result of one up: every organisation's node, in tree order.
type Pass struct {
	Round       int
	Rules       Rules
	Decisions   []Decision // in canonical order: by organisation, op, persons
	Second      []Second   // by organisation
	TallyLevels int
	Nodes       []Node

	reg   *Registry
	index map[OrgID]int
}

// Node returns the organisation's node. It shares its slices with the pass.
func (p *Pass) Node(org OrgID) (Node, bool) {
	i, ok := p.index[org]
	if !ok {
		return Node{}, false
	}
	return p.Nodes[i], true
}

// Root returns the root's node.
func (p *Pass) Root() Node { return p.Nodes[0] }

// Ranking returns every person eligible for the organisation's list, ranked by its rule, with
// ranks as the cut saw them. The pass must have kept the organisation's tallies (ErrNoTallies).
func (p *Pass) Ranking(org OrgID) ([]Entry, error) {
	n, ok := p.Node(org)
	if !ok {
		return nil, &StepError{Step: "Ranking", Err: ErrUnknownOrg, Detail: string(org)}
	}
	if n.Tallies == nil {
		return nil, &StepError{Step: "Ranking", Err: ErrNoTallies, Detail: string(org)}
	}
	r := p.Rules.For(Org{ID: n.Org, Kind: n.Kind})
	var out []Entry
	for _, t := range n.Tallies {
		if t.Passed {
			out = append(out, Entry{Tally: t})
		}
	}
	rankEntries(out, r)
	return out, nil
}

// Down returns the list the organisation sends back down for opinions (一下, 二下, 三下) as a
// ballot paper: its list's persons in list order, with their registered names and attributes.
// Count the members' agree / disagree / abstain marks on it with a count.Counter exactly like a
// ballot, and turn each branch's counts into its next sheet with OpinionSheet. seats is the
// most persons a member may agree to (write-ins included); 0 means all of them.
func (p *Pass) Down(org OrgID, seats int) (ballot.Slate, error) {
	n, ok := p.Node(org)
	if !ok {
		return ballot.Slate{}, &StepError{Step: "Down", Err: ErrUnknownOrg, Detail: string(org)}
	}
	if len(n.List) == 0 {
		return ballot.Slate{}, &StepError{Step: "Down", Err: ErrStep, Detail: "the list is empty"}
	}
	if seats <= 0 || seats > len(n.List) {
		seats = len(n.List)
	}
	s := ballot.Slate{Office: string(org), Seats: seats, Candidates: make([]ballot.Candidate, len(n.List))}
	for i, e := range n.List {
		s.Candidates[i] = p.candidate(e.Person)
	}
	return s, nil
}

// SecondSlate returns the ballot paper of the second recommendation the organisation's node
// asks for (Node.Second): its persons by rank, for the places missing. Count it with a
// count.Counter and pass the counts back in Up.Second.
func (p *Pass) SecondSlate(org OrgID) (ballot.Slate, error) {
	n, ok := p.Node(org)
	if !ok {
		return ballot.Slate{}, &StepError{Step: "SecondSlate", Err: ErrUnknownOrg, Detail: string(org)}
	}
	if len(n.Second) == 0 {
		return ballot.Slate{}, &StepError{Step: "SecondSlate", Err: ErrStep, Detail: "no second round asked"}
	}
	return secondSlate(p.reg, org, n.Second, n.Short+secondFilled(n)), nil
}

func secondFilled(n Node) int {
	k := 0
	for _, e := range n.List {
		if e.Origin == SecondRanked {
			k++
		}
	}
	return k
}

func secondSlate(reg *Registry, org OrgID, persons []string, seats int) ballot.Slate {
	s := ballot.Slate{Office: string(org), Seats: seats, Candidates: make([]ballot.Candidate, len(persons))}
	for i, k := range persons {
		if reg != nil {
			s.Candidates[i] = reg.candidateByKey(k)
		} else {
			s.Candidates[i] = ballot.Candidate{ID: k, Name: k}
		}
	}
	return s
}

func (p *Pass) candidate(key string) ballot.Candidate {
	if p.reg == nil {
		return ballot.Candidate{ID: key, Name: key}
	}
	return p.reg.candidateByKey(key)
}

// rec is a person's tally inside the aggregation: vectors of recs are sorted by person index.
type rec struct {
	p        Person
	votes    int32
	full     int32
	against  int32
	orgs     int32 // this node's children listing the person
	branches int32 // branches below listing the person; at a branch, 1 once it lists them
	listed   bool  // on this node's list (for the parent)
}

// worker is one goroutine's scratch: a dense map from person to position in the vector being
// built (4 bytes a registry entry), reused from node to node, and buffers for one node.
type worker struct {
	slot    []int32 // person → index + 1 in the current vector; 0 when absent; cleared after use
	acc     []rec   // the vector being merged
	clr     []Clear
	passed  []bool
	passers []cand
}

func (w *worker) prepare(persons int) {
	if len(w.slot) < persons {
		w.slot = make([]int32, persons)
	}
}

// index returns the position of person p in the current vector, or -1.
func (w *worker) index(p Person) int { return int(w.slot[p]) - 1 }

// state is what a node hands its parent.
type state struct {
	vec           []rec
	counted       bool
	all, full     Turnout
	uncounted     int
	leavesCounted int
	cMembers      int64 // members of the counted branches
	cProb         int64
	listed        int
}

// Aggregate runs one up: each branch's sheet, then each organisation in turn from the branches
// to the root, turns what it received into the list it sends up, under its rule and the
// recorded decisions. Everything is exact integer arithmetic, and the result depends on nothing
// but the inputs' content: not the order of sheets, decisions or persons in the registry, nor
// the number of workers. Subtrees are aggregated in parallel.
//
// The registry must hold every person the sheets and decisions name before Aggregate starts,
// and must not change during it.
//
// Errors: a sheet for an unknown organisation (ErrUnknownOrg) or an inner one (ErrNotLeaf), two
// sheets for one branch (ErrDuplicateSheet), impossible figures (ErrSheet), a person outside the
// registry (ErrPerson), as *SheetError; a rule that cannot be applied (*RuleError); a decision or
// second-round count that applies to nothing (*DecisionError). When several organisations fail,
// the error is the first in tree order.
func Aggregate(t *Tree, reg *Registry, up Up, opt Options) (*Pass, error) {
	if err := up.Rules.Validate(); err != nil {
		return nil, err
	}
	a := &aggregation{t: t, reg: reg, up: up, opt: opt}
	if err := a.prepare(); err != nil {
		return nil, err
	}
	a.run()
	if a.errAt >= 0 {
		return nil, a.err
	}
	pass := &Pass{Round: up.Round, Rules: up.Rules.Clone(), Decisions: a.decisions, Second: a.second,
		TallyLevels: opt.TallyLevels, Nodes: a.nodes, reg: reg, index: make(map[OrgID]int, t.Len())}
	for i, o := range t.orgs {
		pass.index[o.ID] = i
	}
	return pass, nil
}

type aggregation struct {
	t         *Tree
	reg       *Registry
	up        Up
	opt       Options
	sheetOf   map[OrgID]int
	decByOrg  map[int32][]int // decisions per node, indices into decisions
	decisions []Decision
	decUsed   []bool
	second    []Second
	secByOrg  map[int32]int
	nodes     []Node
	states    []state
	failed    []bool
	mu        sync.Mutex
	err       error
	errAt     int
}

func (a *aggregation) fail(i int, err error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.errAt < 0 || i < a.errAt {
		a.err, a.errAt = err, i
	}
}

// prepare indexes and checks the up's inputs before any node is aggregated: the sheets
// (indexSheets), the decisions (sortDecisions) and the second-round counts (indexSecond).
func (a *aggregation) prepare() error {
	a.errAt = -1
	if a.up.Sheets != nil && a.up.Source != nil {
		return &SheetError{Index: -1, Err: ErrSheet, Detail: "both Sheets and Source given"}
	}
	if err := a.indexSheets(); err != nil {
		return err
	}
	if err := a.sortDecisions(); err != nil {
		return err
	}
	return a.indexSecond()
}

// indexSheets maps each sheet's branch to its input position. A sheet must name a known leaf
// (ErrUnknownOrg, ErrNotLeaf), once (ErrDuplicateSheet).
func (a *aggregation) indexSheets() error {
	t := a.t
	a.sheetOf = make(map[OrgID]int, len(a.up.Sheets))
	for k, s := range a.up.Sheets {
		i, ok := t.index[s.Org]
		switch {
		case !ok:
			return &SheetError{Org: s.Org, Index: k, Err: ErrUnknownOrg}
		case len(t.kids[i]) > 0:
			return &SheetError{Org: s.Org, Index: k, Err: ErrNotLeaf}
		}
		if j, dup := a.sheetOf[s.Org]; dup {
			return &SheetError{Org: s.Org, Index: k, Err: ErrDuplicateSheet, Detail: fmt.Sprintf("also sheet %d", j+1)}
		}
		a.sheetOf[s.Org] = k
	}
	return nil
}

// sortDecisions checks each decision (checkDecision) and keeps canonical copies, in canonical
// order (by organisation, op, persons, ground, reference), indexed by node. An error names the
// decision's input position.
func (a *aggregation) sortDecisions() error {
	type dk struct {
		d  Decision
		in int
	}
	ds := make([]dk, len(a.up.Decisions))
	for k, d := range a.up.Decisions {
		d.Persons = slices.Clone(d.Persons)
		if d.Op != OpOrder {
			slices.Sort(d.Persons)
		}
		if err := a.checkDecision(k, d); err != nil {
			return err
		}
		ds[k] = dk{d, k}
	}
	slices.SortStableFunc(ds, func(x, y dk) int {
		if c := cmp.Compare(x.d.Org, y.d.Org); c != 0 {
			return c
		}
		if c := cmp.Compare(x.d.Op, y.d.Op); c != 0 {
			return c
		}
		if c := slices.Compare(x.d.Persons, y.d.Persons); c != 0 {
			return c
		}
		if c := cmp.Compare(x.d.Ground, y.d.Ground); c != 0 {
			return c
		}
		return cmp.Compare(x.d.Ref, y.d.Ref)
	})
	a.decisions = make([]Decision, len(ds))
	a.decByOrg = make(map[int32][]int)
	for k, x := range ds {
		a.decisions[k] = x.d
		i := a.t.index[x.d.Org]
		a.decByOrg[i] = append(a.decByOrg[i], k)
	}
	a.decUsed = make([]bool, len(ds))
	return nil
}

// checkDecision checks the decision at input position k: a known organisation (ErrUnknownOrg),
// op and ground in range (ErrKind), persons in the registry (ErrPerson), at least one and none
// twice (ErrDecision).
func (a *aggregation) checkDecision(k int, d Decision) error {
	if _, ok := a.t.index[d.Org]; !ok {
		return &DecisionError{Index: k, Org: d.Org, Err: ErrUnknownOrg}
	}
	if d.Op >= numOps || d.Ground >= numGrounds {
		return &DecisionError{Index: k, Org: d.Org, Err: ErrKind}
	}
	if len(d.Persons) == 0 {
		return &DecisionError{Index: k, Org: d.Org, Err: ErrDecision, Detail: "no persons"}
	}
	for x, key := range d.Persons {
		if _, ok := a.reg.Lookup(key); !ok {
			return &DecisionError{Index: k, Org: d.Org, Err: ErrPerson, Detail: key}
		}
		if x > 0 && slices.Contains(d.Persons[:x], key) {
			return &DecisionError{Index: k, Org: d.Org, Err: ErrDecision, Detail: "person " + key + " twice"}
		}
	}
	return nil
}

// indexSecond keeps copies of the second-round counts, sorted by organisation and indexed by
// node: each for a known organisation (ErrUnknownOrg), at most one per organisation (ErrSecond).
func (a *aggregation) indexSecond() error {
	t := a.t
	a.second = make([]Second, len(a.up.Second))
	a.secByOrg = make(map[int32]int)
	for k, s := range a.up.Second {
		i, ok := t.index[s.Org]
		if !ok {
			return &DecisionError{Index: k, Org: s.Org, Err: ErrUnknownOrg, Detail: "second round"}
		}
		if _, dup := a.secByOrg[i]; dup {
			return &DecisionError{Index: k, Org: s.Org, Err: ErrSecond, Detail: "two counts"}
		}
		a.secByOrg[i] = k
		a.second[k] = Second{Org: s.Org, Counts: s.Counts.Clone()}
	}
	slices.SortFunc(a.second, func(x, y Second) int { return cmp.Compare(x.Org, y.Org) })
	for k, s := range a.second {
		a.secByOrg[t.index[s.Org]] = k
	}
	return nil
}

// run aggregates every node, children before parents: subtrees below a frontier in parallel,
// the rest in turn.
func (a *aggregation) run() {
	t := a.t
	n := t.Len()
	a.nodes = make([]Node, n)
	a.states = make([]state, n)
	a.failed = make([]bool, n)
	workers := a.opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	frontier := a.frontier(workers)
	if workers > 1 && len(frontier) > 1 {
		jobs := make(chan int32)
		var wg sync.WaitGroup
		for range workers {
			wg.Go(func() {
				w := &worker{}
				for f := range jobs {
					for i := t.end[f] - 1; i >= f; i-- {
						a.node(int(i), w)
					}
				}
			})
		}
		for _, f := range frontier {
			jobs <- f
		}
		close(jobs)
		wg.Wait()
		inFront := make([]bool, n)
		for _, f := range frontier {
			for i := f; i < t.end[f]; i++ {
				inFront[i] = true
			}
		}
		w := &worker{}
		for i := n - 1; i >= 0; i-- {
			if !inFront[i] {
				a.node(i, w)
			}
		}
	} else {
		w := &worker{}
		for i := n - 1; i >= 0; i-- {
			a.node(i, w)
		}
	}
	if a.errAt < 0 {
		for k, used := range a.decUsed {
			if !used {
				d := a.decisions[k]
				a.fail(int(t.index[d.Org]), &DecisionError{Index: k, Org: d.Org, Err: ErrDecision,
					Detail: d.Op.String() + " applies to nothing"})
			}
		}
	}
}

// frontier returns the roots of the subtrees to aggregate in parallel: the nodes of the
// shallowest depth with at least 4 per worker, largest subtree first.
func (a *aggregation) frontier(workers int) []int32 {
	t := a.t
	if workers <= 1 || t.Len() < 64 {
		return nil
	}
	var level []int32
	cur := []int32{0}
	for len(cur) > 0 {
		if len(cur) >= 4*workers {
			level = cur
			break
		}
		var next []int32
		for _, i := range cur {
			next = append(next, t.kids[i]...)
		}
		if len(next) == 0 {
			level = cur
			break
		}
		cur = next
	}
	level = slices.Clone(level)
	slices.SortStableFunc(level, func(x, y int32) int {
		return cmp.Compare(t.end[y]-y, t.end[x]-x)
	})
	return level
}

// node aggregates node i, whose children are done. A node whose child failed fails silently:
// the child's error is the one reported.
func (a *aggregation) node(i int, w *worker) {
	t := a.t
	w.prepare(a.reg.Len())
	for _, k := range t.kids[i] {
		if a.failed[k] {
			a.failed[i] = true
			return
		}
	}
	var err error
	if len(t.kids[i]) == 0 {
		err = a.leaf(i, w)
	} else {
		err = a.inner(i, w)
	}
	if err != nil {
		a.fail(i, err)
		a.failed[i] = true
		a.states[i].vec = nil
	}
}

func (a *aggregation) sheet(i int) (Sheet, int, error) {
	o := a.t.orgs[i]
	if a.up.Source != nil {
		s, ok, err := a.up.Source(o.ID)
		if err != nil {
			return Sheet{}, -1, err
		}
		if !ok {
			return Sheet{Org: o.ID}, -1, nil
		}
		if s.Org != o.ID {
			return Sheet{}, -1, &SheetError{Org: o.ID, Index: -1, Err: ErrSheet, Detail: fmt.Sprintf("source returned the sheet of %q", s.Org)}
		}
		return s, -1, nil
	}
	if k, ok := a.sheetOf[o.ID]; ok {
		return a.up.Sheets[k], k, nil
	}
	return Sheet{Org: o.ID}, -1, nil
}

// checkSheet reports impossible figures.
func (a *aggregation) checkSheet(i int, s Sheet, idx int) error {
	o := a.t.orgs[i]
	bad := func(person string, detail string) error {
		return &SheetError{Org: o.ID, Index: idx, Person: person, Err: ErrSheet, Detail: detail}
	}
	for _, x := range []int{s.Limit, s.All.Ballots, s.All.Invalid, s.All.Spoiled, s.Full.Ballots, s.Full.Invalid, s.Full.Spoiled} {
		if x < 0 {
			return bad("", "negative figure")
		}
	}
	switch {
	case s.Duplicates >= numDupRules:
		return bad("", "duplicate rule out of range")
	case s.All.Invalid+s.All.Spoiled > s.All.Ballots || s.Full.Invalid+s.Full.Spoiled > s.Full.Ballots:
		return bad("", "more invalid and spoiled ballots than ballots")
	case s.Full.Ballots > s.All.Ballots || s.Full.Invalid > s.All.Invalid || s.Full.Spoiled > s.All.Spoiled:
		return bad("", "more full members' ballots than ballots")
	case s.All.Ballots > o.Members:
		return bad("", fmt.Sprintf("%d ballots from %d members", s.All.Ballots, o.Members))
	case s.Full.Ballots > o.Members-o.Probationary:
		return bad("", fmt.Sprintf("%d full members' ballots from %d full members", s.Full.Ballots, o.Members-o.Probationary))
	case s.All.Ballots-s.Full.Ballots > o.Probationary:
		return bad("", fmt.Sprintf("%d probationary members' ballots from %d probationary members", s.All.Ballots-s.Full.Ballots, o.Probationary))
	}
	valid, fullValid := s.All.Valid(), s.Full.Valid()
	var sum, sumFull int64
	n := a.reg.Len()
	for k, v := range s.Votes {
		if v.Person < 0 || int(v.Person) >= n {
			return &SheetError{Org: o.ID, Index: idx, Err: ErrPerson, Detail: fmt.Sprintf("person index %d", v.Person)}
		}
		key := a.reg.Key(v.Person)
		if k > 0 && s.Votes[k-1].Person >= v.Person {
			return bad(key, "persons out of order or repeated")
		}
		if v.Votes < 0 || v.Full < 0 || v.Against < 0 || v.Full > v.Votes || v.Votes+v.Against > valid ||
			v.Full > fullValid || v.Votes-v.Full > valid-fullValid {
			return bad(key, fmt.Sprintf("%d votes (%d full, %d against) on %d valid ballots (%d full)", v.Votes, v.Full, v.Against, valid, fullValid))
		}
		sum += int64(v.Votes)
		sumFull += int64(v.Full)
	}
	if s.Limit > 0 && (sum > int64(valid)*int64(s.Limit) || sumFull > int64(fullValid)*int64(s.Limit)) {
		return bad("", fmt.Sprintf("%d names on %d valid ballots of at most %d", sum, valid, s.Limit))
	}
	return nil
}

func (a *aggregation) ruleOf(i int) Rule { return a.up.Rules.For(a.t.orgs[i]) }

func (a *aggregation) leaf(i int, w *worker) error {
	t := a.t
	o := t.orgs[i]
	r := a.ruleOf(i)
	s, idx, err := a.sheet(i)
	if err != nil {
		return err
	}
	if err := a.checkSheet(i, s, idx); err != nil {
		return err
	}
	nd := &a.nodes[i]
	*nd = Node{Org: o.ID, Kind: o.Kind, Depth: int(t.depth[i]), Places: t.places[i], Members: o.Members,
		Probationary: o.Probationary, All: s.All, Full: s.Full, Leaves: 1, Max: -1}
	vec := make([]rec, len(s.Votes))
	for k, v := range s.Votes {
		vec[k] = rec{p: v.Person, votes: int32(v.Votes), full: int32(v.Full), against: int32(v.Against)}
	}
	entitled := int64(o.Members - o.Probationary)
	turn := s.Full
	if r.CountProbationary {
		entitled, turn = int64(o.Members), s.All
	}
	counted := r.Participation.Passes(turn.Ballots, int(entitled))
	st := &a.states[i]
	*st = state{counted: counted}
	if !counted {
		nd.Uncounted = s.All.Ballots
		nd.Reasons = append(nd.Reasons, Reason{Kind: ReasonNotCounted, Org: o.ID, Rule: r.Source,
			Figures: figs(int(FigBallots), turn.Ballots, int(FigEntitled), int(entitled), int(FigNeeded), r.Participation.Needed(int(entitled)))})
		st.uncounted = s.All.Ballots
		a.keepTallies(i, vec, nil, nil)
		st.vec = []rec{}
		return nil
	}
	nd.Counted = true
	nd.LeavesCounted = 1
	st.all, st.full, st.leavesCounted = s.All, s.Full, 1
	st.cMembers, st.cProb = int64(o.Members), int64(o.Probationary)
	for k := range vec {
		w.slot[vec[k].p] = int32(k + 1)
	}
	return a.choose(i, vec, r, w)
}

func (a *aggregation) inner(i int, w *worker) error {
	t := a.t
	o := t.orgs[i]
	r := a.ruleOf(i)
	nd := &a.nodes[i]
	*nd = Node{Org: o.ID, Kind: o.Kind, Depth: int(t.depth[i]), Places: t.places[i], Members: int(t.member[i]),
		Probationary: int(t.probat[i]), Leaves: int(t.leaves[i]), Children: len(t.kids[i]), Max: -1}
	st := &a.states[i]
	*st = state{}
	vec := w.acc[:0]
	for _, k := range t.kids[i] {
		c := &a.states[k]
		if c.counted {
			st.counted = true
			nd.ChildrenCounted++
		}
		st.all = st.all.add(c.all)
		st.full = st.full.add(c.full)
		st.uncounted += c.uncounted
		st.leavesCounted += c.leavesCounted
		st.cMembers += c.cMembers
		st.cProb += c.cProb
		nd.Received += c.listed
		vec = w.merge(vec, c.vec)
		c.vec = nil // handed over
	}
	w.acc = vec
	vec = slices.Clone(vec) // the worker's buffer stays; the node keeps an exact copy
	nd.Counted = st.counted
	nd.All, nd.Full, nd.Uncounted, nd.LeavesCounted = st.all, st.full, st.uncounted, st.leavesCounted
	return a.choose(i, vec, r, w)
}

// merge adds a child's vector to the parent's, through the worker's dense map: votes and
// branches add up, orgs counts the children listing the person. The parent's vector is in
// first-seen order; nothing that is output depends on it.
func (w *worker) merge(acc, child []rec) []rec {
	for _, r := range child {
		c := up1(r)
		if k := w.slot[r.p]; k != 0 {
			x := &acc[k-1]
			x.votes += c.votes
			x.full += c.full
			x.against += c.against
			x.orgs += c.orgs
			x.branches += c.branches
			continue
		}
		acc = append(acc, c)
		w.slot[r.p] = int32(len(acc))
	}
	return acc
}

// up1 is a child's rec as its parent's contribution.
func up1(r rec) rec {
	o := int32(0)
	if r.listed {
		o = 1
	}
	return rec{p: r.p, votes: r.votes, full: r.full, against: r.against, orgs: o, branches: r.branches}
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	x, y := slices.Clone(a), slices.Clone(b)
	slices.Sort(x)
	slices.Sort(y)
	return slices.Equal(x, y)
}

// tally returns the public tally of a rec. passed is whether it was eligible.
func (a *aggregation) tally(r *rec, key string, passed bool) Tally {
	return Tally{Person: key, Votes: int(r.votes), Full: int(r.full), Against: int(r.against),
		Orgs: int(r.orgs), Branches: int(r.branches), Passed: passed}
}

// keepTallies stores node i's full tallies, in key order, if the pass keeps its level. clr
// and passed are per vector entry (nil for a branch whose sheet did not count).
func (a *aggregation) keepTallies(i int, vec []rec, clr []Clear, passed []bool) {
	lv := a.opt.TallyLevels
	if lv > 0 && int(a.t.depth[i]) >= lv {
		return
	}
	out := make([]Tally, len(vec))
	for k := range vec {
		rc := &vec[k]
		out[k] = a.tally(rc, a.reg.Key(rc.p), passed != nil && passed[k])
		if clr != nil {
			out[k].Cleared = clr[k]
		}
	}
	slices.SortFunc(out, func(x, y Tally) int { return strings.Compare(x.Person, y.Person) })
	a.nodes[i].Tallies = out
}

// rankEntries sorts entries by the rule's keys and sets their ranks.
func rankEntries(es []Entry, r Rule) {
	order := r.order()
	val := func(e *Entry, k Key) int64 {
		rc := rec{votes: int32(e.Votes), full: int32(e.Full), against: int32(e.Against), orgs: int32(e.Orgs), branches: int32(e.Branches)}
		return keyValue(&rc, k, &r)
	}
	cmpE := func(x, y *Entry) int {
		for _, k := range order {
			if c := cmp.Compare(val(y, k), val(x, k)); c != 0 {
				return c
			}
		}
		return 0
	}
	slices.SortFunc(es, func(x, y Entry) int {
		if c := cmpE(&x, &y); c != 0 {
			return c
		}
		return strings.Compare(x.Person, y.Person)
	})
	for k := range es {
		if k > 0 && cmpE(&es[k-1], &es[k]) == 0 {
			es[k].Rank = es[k-1].Rank
		} else {
			es[k].Rank = k + 1
		}
	}
}
