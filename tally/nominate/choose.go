package nominate

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/tally/count"
)

// cand is a person considered for a list.
type cand struct {
	i   int32 // index in the node's vector
	key string
}

// counted returns the votes the rule counts: with probationary members' or without.
func (r *rec) counted(rule *Rule) int32 {
	if rule.CountProbationary {
		return r.votes
	}
	return r.full
}

// keyValue returns the value of a ranking key, larger better.
func keyValue(r *rec, k Key, rule *Rule) int64 {
	switch k {
	case KeyVotes:
		return int64(r.counted(rule))
	case KeyFull:
		return int64(r.full)
	case KeyOrgs:
		return int64(r.orgs)
	case KeyBranches:
		return int64(r.branches)
	case KeyAgainst:
		return -int64(r.against)
	}
	return 0
}

// choice is one organisation turning its tallies into its list, step by step: the bars, the
// recorded decisions, who is eligible, their ranking, the cut, a shortfall and its second
// round, the additions, and the vector handed up.
type choice struct {
	a     *aggregation
	i     int
	o     Org
	nd    *Node
	st    *state
	vec   []rec
	r     Rule
	w     *worker
	leaf  bool
	order []Key

	entitledAll, entitledCounted int64
	mBase                        int64
	oBase                        int
	basis                        Basis

	removed, added []string
	ord            *Decision // the recorded order of a tie, until applied
	ordIdx         int

	clr     []Clear
	passed  []bool
	passers []cand
	ranks   []int
	lo, hi  int
	take    int
	listN   int
	list    []Entry
	extra   []rec // persons added with no votes
}

// choose computes node i's bars, ranking, list, tie, shortfall, second round and decisions,
// and hands its vector to the parent.
func (a *aggregation) choose(i int, vec []rec, r Rule, w *worker) error {
	c := &choice{a: a, i: i, o: a.t.orgs[i], nd: &a.nodes[i], st: &a.states[i], vec: vec, r: r, w: w,
		leaf: len(a.t.kids[i]) == 0, order: r.order()}
	defer c.release()
	c.bars()
	if err := c.decisions(); err != nil {
		return err
	}
	c.eligible()
	if err := c.cut(); err != nil {
		return err
	}
	if err := c.shortfall(); err != nil {
		return err
	}
	if err := c.additions(); err != nil {
		return err
	}
	c.handUp()
	return nil
}

// release clears the worker's map of the node's persons.
func (c *choice) release() {
	for k := range c.vec {
		c.w.slot[c.vec[k].p] = 0
	}
}

func (c *choice) reason(r Reason) {
	r.Org = c.o.ID
	c.nd.Reasons = append(c.nd.Reasons, r)
}

// bars computes the member bar's base and the organisation bar's.
func (c *choice) bars() {
	t, i, r, nd, st := c.a.t, c.i, &c.r, c.nd, c.st
	c.entitledAll = t.member[i] - t.probat[i]
	c.entitledCounted = st.cMembers - st.cProb
	turn := st.full
	if r.CountProbationary {
		c.entitledAll, c.entitledCounted, turn = t.member[i], st.cMembers, st.all
	}
	c.mBase = c.memberBase(int64(turn.Ballots), int64(turn.Valid()))
	nd.MemberBase = int(c.mBase)
	nd.MemberNeeded = r.Members.Threshold.Needed(int(c.mBase))
	c.basis = r.Basis
	if c.leaf {
		c.basis = ByMembers // a branch has no organisations below it
		return
	}
	switch {
	case r.Orgs.Scope == Children && r.Orgs.Base == AllOrgs:
		c.oBase = len(t.kids[i])
	case r.Orgs.Scope == Children:
		c.oBase = nd.ChildrenCounted
	case r.Orgs.Base == AllOrgs:
		c.oBase = int(t.leaves[i])
	default:
		c.oBase = st.leavesCounted
	}
	nd.OrgBase = c.oBase
	nd.OrgNeeded = r.Orgs.Threshold.Needed(c.oBase)
}

// memberBase returns the member bar's base, given the ballots and valid ballots it may be.
func (c *choice) memberBase(tookPart, valid int64) int64 {
	switch c.r.Members.Base {
	case OfEntitledCounted:
		return c.entitledCounted
	case OfTookPart:
		return tookPart
	case OfValid:
		return valid
	}
	return c.entitledAll
}

// decisions collects the node's recorded decisions; removals apply at once.
func (c *choice) decisions() error {
	a := c.a
	for _, k := range a.decByOrg[int32(c.i)] {
		d := &a.decisions[k]
		switch d.Op {
		case OpRemove:
			c.removed = append(c.removed, d.Persons...)
			a.decUsed[k] = true
			c.reason(Reason{Kind: ReasonRemoved, Persons: slices.Clone(d.Persons), Ground: d.Ground, Ref: d.Ref})
		case OpAdd:
			c.added = append(c.added, d.Persons...)
		case OpOrder:
			if c.ord != nil {
				return &DecisionError{Index: k, Org: c.o.ID, Err: ErrDecision, Detail: "two orders at one organisation"}
			}
			c.ord, c.ordIdx = d, k
		}
	}
	return nil
}

func (c *choice) isRemoved(key string) bool {
	return len(c.removed) > 0 && slices.Contains(c.removed, key)
}

// inUniverse reports whether the node considers the person at all.
func (c *choice) inUniverse(rc *rec) bool {
	return c.leaf || c.r.Universe == AllNamed || rc.orgs > 0
}

// eligible computes every person's cleared bars, and the passers: within the universe, the
// bars cleared as the basis requires, a counted vote (unless the rule allows none), not
// removed. Then it ranks them.
func (c *choice) eligible() {
	r, nd, vec, w := &c.r, c.nd, c.vec, c.w
	w.clr = slices.Grow(w.clr[:0], len(vec))[:len(vec)]
	c.clr = w.clr
	passers := w.passers[:0]
	var unvoted []string
	for k := range vec {
		rc := &vec[k]
		v := rc.counted(r)
		if v > 0 {
			nd.Named++
		}
		if rc.orgs > 0 {
			nd.Distinct++
		}
		var cl Clear
		if r.Members.Threshold.Passes(int(v), int(c.mBase)) {
			cl |= ClearMembers
		}
		if !c.leaf {
			oc := rc.orgs
			if r.Orgs.Scope == Branches {
				oc = rc.branches
			}
			if r.Orgs.Threshold.Passes(int(oc), c.oBase) {
				cl |= ClearOrgs
			}
		}
		c.clr[k] = cl
		if !c.inUniverse(rc) {
			continue
		}
		var ok bool
		switch c.basis {
		case ByMembers:
			ok = cl&ClearMembers != 0
		case ByOrgs:
			ok = cl&ClearOrgs != 0
		case ByEither:
			ok = cl != 0
		case ByBoth:
			ok = cl == ClearMembers|ClearOrgs
		}
		if !ok {
			continue
		}
		key := c.a.reg.Key(rc.p)
		if v == 0 && !r.AllowUnvoted {
			unvoted = append(unvoted, key)
			continue
		}
		if c.isRemoved(key) {
			continue
		}
		passers = append(passers, cand{int32(k), key})
	}
	w.passers = passers
	c.passers = passers
	w.passed = slices.Grow(w.passed[:0], len(vec))[:len(vec)]
	c.passed = w.passed
	clear(c.passed)
	for _, p := range passers {
		c.passed[p.i] = true
	}
	if len(unvoted) > 0 {
		slices.Sort(unvoted)
		c.reason(Reason{Kind: ReasonUnvoted, Persons: unvoted, Rule: r.Source})
	}
	nd.Passers = len(passers)
	slices.SortFunc(passers, c.less)
	c.ranks = make([]int, len(passers))
	for k := range passers {
		if k > 0 && c.equal(passers[k-1], passers[k]) {
			c.ranks[k] = c.ranks[k-1]
		} else {
			c.ranks[k] = k + 1
		}
	}
}

// less orders persons by the ranking keys, best first, then by key: a total order.
func (c *choice) less(x, y cand) int {
	rx, ry := &c.vec[x.i], &c.vec[y.i]
	for _, k := range c.order {
		if v := cmp.Compare(keyValue(ry, k, &c.r), keyValue(rx, k, &c.r)); v != 0 {
			return v
		}
	}
	return strings.Compare(x.key, y.key)
}

// equal reports whether two persons are equal on every ranking key.
func (c *choice) equal(x, y cand) bool {
	rx, ry := &c.vec[x.i], &c.vec[y.i]
	for _, k := range c.order {
		if keyValue(rx, k, &c.r) != keyValue(ry, k, &c.r) {
			return false
		}
	}
	return true
}

// tallyOf returns the public tally of the person at vector index k.
func (c *choice) tallyOf(k int32, key string) Tally {
	tl := c.a.tally(&c.vec[k], key, c.passed[k])
	tl.Cleared = c.clr[k]
	return tl
}

// cut sizes the list against the places and cuts the ranking, settling or reporting a tie
// across the cut; a list short of its minimum is reported.
func (c *choice) cut() error {
	r, nd, passers := &c.r, c.nd, c.passers
	places := c.a.t.places[c.i]
	if r.Size.needsPlaces() && places <= 0 {
		return &RuleError{Org: c.o.ID, Field: "Size", Err: ErrRule, Detail: "the organisation has no places"}
	}
	c.lo, c.hi = r.Size.bounds(places)
	if r.Size.Kind == SizeAll {
		c.lo, c.hi = 0, -1
	}
	nd.Min, nd.Max = c.lo, c.hi
	target := r.Size.target(c.lo, c.hi)
	c.take = len(passers)
	if target >= 0 {
		c.take = min(c.take, target)
	} else if c.hi >= 0 {
		c.take = min(c.take, c.hi)
	}
	c.listN = c.take
	if take := c.take; take < len(passers) && take > 0 && c.equal(passers[take-1], passers[take]) {
		if err := c.tie(); err != nil {
			return err
		}
	}
	if r.Size.Kind != SizeAll || c.take < len(passers) {
		c.reason(Reason{Kind: ReasonCut, Rule: r.Source, Figures: figs(int(FigPlaces), places, int(FigMin), c.lo,
			int(FigMax), c.hi, int(FigPassers), len(passers), int(FigListed), c.listN)})
	}
	c.list = make([]Entry, 0, c.listN+len(c.added))
	for k := range c.listN {
		p := passers[k]
		c.list = append(c.list, Entry{Tally: c.tallyOf(p.i, p.key), Rank: c.ranks[k]})
	}
	if nd.Tie == nil && c.listN < c.lo {
		nd.Short = c.lo - c.listN
		c.reason(Reason{Kind: ReasonShort, Rule: r.Source, Figures: figs(int(FigMin), c.lo, int(FigListed), c.listN, int(FigMissing), nd.Short)})
	}
	return nil
}

// tie handles a cut inside a group of persons equal on every key: a recorded order settles
// it; otherwise the rule includes them, excludes them, or reports the tie as data.
func (c *choice) tie() error {
	passers, take := c.passers, c.take
	lo := take - 1
	for lo > 0 && c.equal(passers[lo-1], passers[take]) {
		lo--
	}
	hi := take + 1
	for hi < len(passers) && c.equal(passers[hi], passers[take]) {
		hi++
	}
	tied := make([]string, hi-lo)
	for k := range tied {
		tied[k] = passers[lo+k].key
	}
	f := figs(int(FigRank), c.ranks[lo], int(FigPlaces), take-lo)
	switch {
	case c.ord != nil:
		if err := c.settle(tied, take-lo, func(pos map[string]int) {
			slices.SortFunc(passers[lo:hi], func(x, y cand) int { return cmp.Compare(pos[x.key], pos[y.key]) })
		}); err != nil {
			return err
		}
	case c.r.AtCut == IncludeTied:
		c.listN = hi
		c.reason(Reason{Kind: ReasonTieIncluded, Persons: tied, Figures: f, Rule: c.r.Source})
	case c.r.AtCut == ExcludeTied:
		c.listN = lo
		c.reason(Reason{Kind: ReasonTieExcluded, Persons: tied, Figures: f, Rule: c.r.Source})
	default:
		c.listN = lo
		c.nd.Tie = &Tie{Persons: tied, Rank: c.ranks[lo], Places: take - lo}
		c.reason(Reason{Kind: ReasonTie, Persons: tied, Figures: f, Rule: c.r.Source})
	}
	return nil
}

// settle applies the recorded order to the tied persons (it must name exactly them), through
// reorder, which sorts them by their position in it.
func (c *choice) settle(tied []string, places int, reorder func(pos map[string]int)) error {
	d := c.ord
	if !sameSet(d.Persons, tied) {
		return &DecisionError{Index: c.ordIdx, Org: c.o.ID, Err: ErrDecision,
			Detail: "the order names " + strings.Join(d.Persons, ",") + ", the tie " + strings.Join(tied, ",")}
	}
	c.a.decUsed[c.ordIdx] = true
	pos := make(map[string]int, len(tied))
	for k, key := range d.Persons {
		pos[key] = k
	}
	reorder(pos)
	c.reason(Reason{Kind: ReasonTieSettled, Persons: slices.Clone(d.Persons), Figures: figs(int(FigPlaces), places), Ground: d.Ground, Ref: d.Ref})
	c.ord = nil
	return nil
}

// shortfall names the persons of a second recommendation when the rule asks for one, and lists
// those its counts carry.
func (c *choice) shortfall() error {
	a, r, nd := c.a, &c.r, c.nd
	secK, hasSec := a.secByOrg[int32(c.i)]
	if nd.Short == 0 || r.Shortfall.Rule != SecondRound {
		if hasSec {
			return &DecisionError{Index: secK, Org: c.o.ID, Err: ErrSecond, Detail: "no second round asked"}
		}
		if c.ord != nil {
			return &DecisionError{Index: c.ordIdx, Org: c.o.ID, Err: ErrDecision, Detail: "no tie to order"}
		}
		return nil
	}
	onList := make(map[int32]bool, c.listN)
	for k := range c.listN {
		onList[c.passers[k].i] = true
	}
	var rest []cand
	for k := range c.vec {
		rc := &c.vec[k]
		if onList[int32(k)] || !c.inUniverse(rc) {
			continue
		}
		key := a.reg.Key(rc.p)
		if (rc.counted(r) == 0 && !r.AllowUnvoted) || c.isRemoved(key) {
			continue
		}
		rest = append(rest, cand{int32(k), key})
	}
	slices.SortFunc(rest, c.less)
	n := min(r.Shortfall.Candidates.MinCandidates(nd.Short), len(rest))
	for n > 0 && n < len(rest) && c.equal(rest[n-1], rest[n]) {
		n++ // all tied at the cut stand
	}
	for _, p := range rest[:n] {
		nd.Second = append(nd.Second, p.key)
	}
	if n > 0 {
		c.reason(Reason{Kind: ReasonSecondRound, Persons: slices.Clone(nd.Second), Figures: figs(int(FigMissing), nd.Short), Rule: r.Source})
	}
	if hasSec {
		if err := c.secondRound(a.second[secK].Counts, secK); err != nil {
			return err
		}
	}
	if c.ord != nil {
		return &DecisionError{Index: c.ordIdx, Org: c.o.ID, Err: ErrDecision, Detail: "no tie to order"}
	}
	return nil
}

// secondRound lists the persons a second recommendation's counts carry over the member bar,
// by For votes, up to the places missing.
func (c *choice) secondRound(counts count.Counts, secK int) error {
	nd := c.nd
	bad := func(detail string) error {
		return &DecisionError{Index: secK, Org: c.o.ID, Err: ErrSecond, Detail: detail}
	}
	if len(counts.Candidates) != len(nd.Second) {
		return bad(fmt.Sprintf("%d candidates counted, %d asked", len(counts.Candidates), len(nd.Second)))
	}
	asked := ballot.Slate{Seats: nd.Short, Candidates: make([]ballot.Candidate, len(nd.Second))}
	for k, cc := range counts.Candidates {
		if cc.ID != nd.Second[k] {
			return bad(fmt.Sprintf("candidate %d is %q, asked %q", k+1, cc.ID, nd.Second[k]))
		}
		asked.Candidates[k].ID = cc.ID
	}
	if err := count.Check(asked, counts); err != nil {
		return bad(err.Error())
	}
	base := c.memberBase(int64(counts.Ballots), int64(counts.Valid))
	type sc struct {
		key string
		f   int
	}
	var pass []sc
	for _, cc := range counts.Candidates {
		if c.r.Members.Threshold.Passes(cc.For, int(base)) && (cc.For > 0 || c.r.AllowUnvoted) {
			pass = append(pass, sc{cc.ID, cc.For})
		}
	}
	slices.SortFunc(pass, func(x, y sc) int {
		if v := cmp.Compare(y.f, x.f); v != 0 {
			return v
		}
		return strings.Compare(x.key, y.key)
	})
	take := min(len(pass), nd.Short)
	n := take
	if take < len(pass) && take > 0 && pass[take-1].f == pass[take].f {
		lo := take - 1
		for lo > 0 && pass[lo-1].f == pass[take].f {
			lo--
		}
		hi := take + 1
		for hi < len(pass) && pass[hi].f == pass[take].f {
			hi++
		}
		tied := make([]string, hi-lo)
		for k := range tied {
			tied[k] = pass[lo+k].key
		}
		if c.ord != nil {
			if err := c.settle(tied, take-lo, func(pos map[string]int) {
				slices.SortFunc(pass[lo:hi], func(x, y sc) int { return cmp.Compare(pos[x.key], pos[y.key]) })
			}); err != nil {
				return err
			}
		} else {
			n = lo
			nd.Tie = &Tie{Persons: tied, Rank: lo + 1, Places: take - lo}
			c.reason(Reason{Kind: ReasonTie, Persons: tied, Figures: figs(int(FigRank), lo+1, int(FigPlaces), take-lo), Rule: c.r.Source})
		}
	}
	persons := make([]string, n)
	rank := 0
	for k := range n {
		if k == 0 || pass[k].f != pass[k-1].f {
			rank = k + 1
		}
		p, _ := c.a.reg.Lookup(pass[k].key)
		c.list = append(c.list, Entry{Tally: c.tallyOf(int32(c.w.index(p)), pass[k].key), Rank: rank, Origin: SecondRanked})
		persons[k] = pass[k].key
	}
	nd.Short -= n
	c.reason(Reason{Kind: ReasonSecondResult, Persons: persons, Rule: c.r.Source,
		Figures: figs(int(FigBallots), counts.Ballots, int(FigBase), int(base), int(FigNeeded), c.r.Members.Threshold.Needed(int(base)))})
	return nil
}

// additions puts the persons a recorded decision adds after the list, in key order.
func (c *choice) additions() error {
	if len(c.added) == 0 {
		return nil
	}
	a := c.a
	slices.Sort(c.added)
	for _, k := range a.decByOrg[int32(c.i)] {
		if d := a.decisions[k]; d.Op == OpAdd {
			a.decUsed[k] = true
			c.reason(Reason{Kind: ReasonAdded, Persons: slices.Clone(d.Persons), Ground: d.Ground, Ref: d.Ref})
		}
	}
	for _, key := range c.added {
		if slices.ContainsFunc(c.list, func(e Entry) bool { return e.Person == key }) || c.isRemoved(key) {
			return &DecisionError{Index: a.decByOrg[int32(c.i)][0], Org: c.o.ID, Err: ErrDecision,
				Detail: "person " + key + " is already on the list or removed"}
		}
		p, _ := a.reg.Lookup(key)
		origin := Added
		if a.groundOf(c.i, key) == FromAbove {
			origin = Above
		}
		tl := Tally{Person: key}
		if k := c.w.index(p); k >= 0 {
			tl = c.tallyOf(int32(k), key)
		} else {
			c.extra = append(c.extra, rec{p: p})
		}
		c.list = append(c.list, Entry{Tally: tl, Origin: origin})
	}
	return nil
}

// handUp stores the list and tallies, and hands the vector to the parent: the listed marked
// (persons added with no votes join it), a branch counting its own listing.
func (c *choice) handUp() {
	c.nd.List = c.list
	c.a.keepTallies(c.i, c.vec, c.clr, c.passed)
	for _, x := range c.extra {
		c.vec = append(c.vec, x)
		c.w.slot[x.p] = int32(len(c.vec))
	}
	c.st.listed = len(c.list)
	for _, e := range c.list {
		p, _ := c.a.reg.Lookup(e.Person)
		c.vec[c.w.index(p)].listed = true
	}
	if c.leaf {
		for k := range c.vec {
			if c.vec[k].listed {
				c.vec[k].branches = 1
			}
		}
	}
	c.st.vec = c.vec
}

// groundOf returns the ground of the decision adding the person at node i.
func (a *aggregation) groundOf(i int, key string) Ground {
	for _, k := range a.decByOrg[int32(i)] {
		d := a.decisions[k]
		if d.Op == OpAdd && slices.Contains(d.Persons, key) {
			return d.Ground
		}
	}
	return NoGround
}
