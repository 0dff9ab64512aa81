package nominate

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/quota"
)

// Stage is a list of the nomination after the ups: the five steps every official text fixes
// are recommendation and nomination, inspection, preliminary candidates (made public),
// prospective candidates (sent up for review), and the vote.
type Stage uint8

const (
	// Recommended: the election unit's list after the last up (推荐人选). The zero value.
	Recommended Stage = iota
	// Inspected: the persons inspected (考察对象), more than the places (差额考察, required since
	// the 18th Congress).
	Inspected
	// Preliminary: the preliminary candidates (代表候选人初步人选), made public.
	Preliminary
	// Prospective: the prospective candidates (代表候选人预备人选), fixed by the committee and
	// sent up for review.
	Prospective
	numStages
)

var stageNames = [...]string{"recommended", "inspected", "preliminary", "prospective"}

// String returns "recommended", "inspected", "preliminary" or "prospective".
func (s Stage) String() string { return enumName(stageNames[:], s) }

// MarshalText encodes the stage as String does.
func (s Stage) MarshalText() ([]byte, error) { return marshalEnum(stageNames[:], s, "stage") }

// UnmarshalText decodes a name String returns.
func (s *Stage) UnmarshalText(t []byte) error { return unmarshalEnum(t, stageNames[:], s, "stage") }

// Replace is what fills the place of a person removed by vetting or upheld objection. No
// source fixes it for delegate candidates.
type Replace uint8

const (
	// NoReplacement: the list shrinks (the Electoral Law, Art. 35, removes a nominee who took
	// foreign funding and replaces no one). The zero value.
	NoReplacement Replace = iota
	// NextRanked: the next persons of the previous list not yet listed, in rank order (Central
	// Committee vacancies are filled "按照得票多少依次递补", in order of votes).
	NextRanked
	// Reopen: the places are reported (Vetting.Reopen) for a new round of recommendation.
	Reopen
	numReplaces
)

var replaceNames = [...]string{"none", "next-ranked", "reopen"}

// String returns "none", "next-ranked" or "reopen".
func (r Replace) String() string { return enumName(replaceNames[:], r) }

// MarshalText encodes the policy as String does.
func (r Replace) MarshalText() ([]byte, error) { return marshalEnum(replaceNames[:], r, "policy") }

// UnmarshalText decodes a name String returns.
func (r *Replace) UnmarshalText(t []byte) error {
	return unmarshalEnum(t, replaceNames[:], r, "policy")
}

// ListRule sizes a stage's list.
type ListRule struct {
	// Places is what the size is measured against; 0 means the nomination's seats. For the
	// inspection list it is usually the size of the preliminary list: Ningxia inspected 43 for
	// 38 preliminary candidates in 2012 (13.2% more); the 18th Congress's average margin was
	// 13.4% across 40 units, and no fixed ratio was found.
	Places int
	Size   Size
	AtCut  CutRule
	Source string
}

// Shortlist is a stage's list, cut from the previous one.
type Shortlist struct {
	Stage  Stage
	Rule   ListRule
	Places int
	Min    int
	Max    int // −1: none
	Settle []string
	List   []Entry
	Tie    *Tie
	Short  int
	// Reasons holds the cut, tie and shortfall.
	Reasons []Reason
}

// Removal is one person removed by vetting (a political disqualification vetoes outright: "对政治
// 上不合格的一票否决", the 2021 Notice; the "four musts" and "two signatures" of the credentials
// report), with its ground and reference.
type Removal struct {
	Person string
	Ground Ground
	Ref    string
}

// Vetting is one round of removals from the current list and their replacement.
type Vetting struct {
	Stage    Stage
	Policy   Replace
	Removals []Removal // by person
	Settle   []string
	List     []Entry // the list after
	Tie      *Tie
	Reopen   int
	Reasons  []Reason
}

// NoticeStep is a public notice held on the current list.
type NoticeStep struct {
	Stage   Stage
	Notice  Notice
	Days    int
	Vetting *Vetting // the upheld objections' removals, or nil
	Reasons []Reason
}

// Step is one step after the ups, in order: exactly one member is set.
type Step struct {
	Shortlist *Shortlist
	Vetting   *Vetting
	Notice    *NoticeStep
}

// Down is a list sent down for opinions.
type Down struct {
	Round   int // the up whose list it is
	Org     OrgID
	Seats   int
	Persons []string
}

// SlateStep is the final list as a ballot paper, checked against its difference rule.
type SlateStep struct {
	Difference     quota.Difference
	NomineesInBase bool
	Slate          ballot.Slate
	FromAbove      int
	Reasons        []Reason
}

// Nomination runs the stage before the vote for one election unit, step by step, and records
// it: the ups and the lists sent down, the inspection list, vetting, public notice, the
// preliminary and prospective lists, and the slate for the vote.
//
//	n, _ := nominate.New(tree, reg, seats, nominate.Options{})
//	n.Up(up1)                                  // 一上: recommendation ballots
//	slate, _ := n.Down(tree.Root(), 0)         // 一下: the list, for opinions
//	n.Up(up2)                                  // 二上: the opinions, as sheets
//	…
//	n.Narrow(nominate.Inspected, rule, nil)    // 差额考察
//	n.Vet(removals, nominate.NextRanked, nil)
//	n.Narrow(nominate.Preliminary, rule, nil)
//	n.Notice(notice, nominate.NextRanked, nil)
//	s, _ := n.Slate(office, difference, false) // for tally.NewElection or tally.NewPreliminary
//	f := n.Funnel()                            // recommended → inspected → preliminary → candidates
//
// A Nomination is not safe for concurrent use.
type Nomination struct {
	tree    *Tree
	reg     *Registry
	seats   int
	opt     Options
	passes  []*Pass
	downs   []Down
	steps   []Step
	slate   *SlateStep
	stage   Stage
	list    []Entry // the current list, without nominees from above
	above   []Entry // nominees from above, carried to the slate
	prev    []Entry // the previous list: the pool of NextRanked
	removed map[string]bool
}

// New starts the nomination of an election unit: the tree (rooted at the unit), the registry of
// persons, and the seats the unit elects.
func New(t *Tree, reg *Registry, seats int, opt Options) (*Nomination, error) {
	if seats < 1 {
		return nil, &StepError{Step: "New", Err: quota.ErrSeatCount}
	}
	return &Nomination{tree: t, reg: reg, seats: seats, opt: opt, removed: map[string]bool{}}, nil
}

// Tree returns the organisation tree.
func (n *Nomination) Tree() *Tree { return n.tree }

// Passes returns the ups so far, in order (the passes themselves, not copies).
func (n *Nomination) Passes() []*Pass { return slices.Clone(n.passes) }

// Stage returns the stage of the current list.
func (n *Nomination) Stage() Stage { return n.stage }

// List returns the current list: ranked and decided entries, then nominees from above.
func (n *Nomination) List() []Entry { return append(slices.Clone(n.list), n.above...) }

// Up runs the next up (its Round is set to the number of ups so far plus one) and makes the
// election unit's list the current list. Steps after the ups are allowed only once the ups are
// done: an up after them is an error wrapping ErrStep.
func (n *Nomination) Up(u Up) (*Pass, error) {
	if len(n.steps) > 0 || n.slate != nil {
		return nil, &StepError{Step: "Up", Err: ErrStep, Detail: "the ups are over"}
	}
	u.Round = len(n.passes) + 1
	return n.up(u)
}

// Redo runs the last up again with new input — the counts of a second recommendation, a
// decision settling a tie — and replaces it.
func (n *Nomination) Redo(u Up) (*Pass, error) {
	if len(n.passes) == 0 || len(n.steps) > 0 || n.slate != nil {
		return nil, &StepError{Step: "Redo", Err: ErrStep, Detail: "no up to redo"}
	}
	u.Round = len(n.passes)
	last := n.passes[len(n.passes)-1]
	n.passes = n.passes[:len(n.passes)-1]
	p, err := n.up(u)
	if err != nil {
		n.passes = append(n.passes, last)
		return nil, err
	}
	kept := n.downs[:0]
	for _, d := range n.downs {
		if d.Round != u.Round {
			kept = append(kept, d)
		}
	}
	n.downs = kept
	return p, nil
}

func (n *Nomination) up(u Up) (*Pass, error) {
	// Every setting of TallyLevels keeps the root's tallies: they rank replacements.
	p, err := Aggregate(n.tree, n.reg, u, n.opt)
	if err != nil {
		return nil, err
	}
	n.passes = append(n.passes, p)
	n.list, n.above = nil, nil
	for _, e := range p.Root().List {
		if e.Origin == Above {
			n.above = append(n.above, e)
		} else {
			n.list = append(n.list, e)
		}
	}
	n.prev, _ = p.Ranking(n.tree.Root())
	n.stage = Recommended
	return p, nil
}

// Down returns the list the organisation sent up in the last up as a ballot paper for opinions
// (Pass.Down), and records that it was sent down.
func (n *Nomination) Down(org OrgID, seats int) (ballot.Slate, error) {
	if len(n.passes) == 0 {
		return ballot.Slate{}, &StepError{Step: "Down", Err: ErrStep, Detail: "no up yet"}
	}
	p := n.passes[len(n.passes)-1]
	s, err := p.Down(org, seats)
	if err != nil {
		return ballot.Slate{}, err
	}
	d := Down{Round: p.Round, Org: org, Seats: s.Seats, Persons: s.IDs()}
	n.downs = slices.DeleteFunc(n.downs, func(x Down) bool { return x.Round == d.Round && x.Org == d.Org })
	n.downs = append(n.downs, d)
	slices.SortFunc(n.downs, func(x, y Down) int {
		if c := cmp.Compare(x.Round, y.Round); c != 0 {
			return c
		}
		return cmp.Compare(x.Org, y.Org)
	})
	return s, nil
}

// pending reports whether the last step left a tie unsettled.
func (n *Nomination) pending() *Tie {
	if len(n.steps) == 0 {
		if len(n.passes) > 0 {
			return n.passes[len(n.passes)-1].Root().Tie
		}
		return nil
	}
	s := n.steps[len(n.steps)-1]
	switch {
	case s.Shortlist != nil:
		return s.Shortlist.Tie
	case s.Vetting != nil:
		return s.Vetting.Tie
	case s.Notice != nil && s.Notice.Vetting != nil:
		return s.Notice.Vetting.Tie
	}
	return nil
}

// Narrow cuts the current list to the stage's list, sized by the rule against its places.
// Entries are taken in list order; decided entries (Added) are kept and count toward the size;
// nominees from above are carried outside it. A cut inside a group of equal rank is a tie:
// reported (Shortlist.Tie) unless settle gives the tied persons' order, or the rule includes or
// excludes them. Narrowing again to the same stage replaces a shortlist whose tie is unsettled.
// Stages go forward: inspected, preliminary, prospective (ErrStep otherwise).
func (n *Nomination) Narrow(stage Stage, r ListRule, settle []string) (*Shortlist, error) {
	if len(n.passes) == 0 {
		return nil, &StepError{Step: "Narrow", Err: ErrStep, Detail: "no up yet"}
	}
	if n.slate != nil {
		return nil, &StepError{Step: "Narrow", Err: ErrStep, Detail: "the slate is made"}
	}
	redo := false
	if len(n.steps) > 0 {
		last := n.steps[len(n.steps)-1].Shortlist
		if last != nil && last.Stage == stage && last.Tie != nil {
			redo = true
		}
	}
	if !redo && (stage <= n.stage || stage >= numStages) {
		return nil, &StepError{Step: "Narrow", Err: ErrStep, Detail: fmt.Sprintf("%s after %s", stage, n.stage)}
	}
	if !redo && n.pending() != nil {
		return nil, &StepError{Step: "Narrow", Err: ErrStep, Detail: "a tie is unsettled"}
	}
	rule := ListRule{Places: r.Places, Size: r.Size, AtCut: r.AtCut, Source: r.Source}
	rule.Size.Surplus.Steps = slices.Clone(r.Size.Surplus.Steps)
	probe := Rule{Size: rule.Size, AtCut: rule.AtCut}
	if err := probe.Validate(); err != nil {
		return nil, err
	}
	places := rule.Places
	if places <= 0 {
		places = n.seats
	}
	from := n.list
	if redo {
		from = n.prev
	}
	lo, hi := rule.Size.bounds(places)
	if rule.Size.Kind == SizeAll {
		lo, hi = 0, -1
	}
	sl := &Shortlist{Stage: stage, Rule: rule, Places: places, Min: lo, Max: hi, Settle: slices.Clone(settle)}
	list, tie, reasons, err := cutList(from, rule.Size.target(lo, hi), hi, rule.AtCut, settle, rule.Source)
	if err != nil {
		return nil, err
	}
	sl.List, sl.Tie = list, tie
	sl.Reasons = append(reasons, Reason{Kind: ReasonCut, Rule: rule.Source,
		Figures: figs(int(FigPlaces), places, int(FigMin), lo, int(FigMax), hi, int(FigPassers), len(from), int(FigListed), len(list))})
	if tie == nil && len(list) < lo {
		sl.Short = lo - len(list)
		sl.Reasons = append(sl.Reasons, Reason{Kind: ReasonShort, Rule: rule.Source,
			Figures: figs(int(FigMin), lo, int(FigListed), len(list), int(FigMissing), sl.Short)})
	}
	if redo {
		n.steps[len(n.steps)-1] = Step{Shortlist: sl}
	} else {
		n.steps = append(n.steps, Step{Shortlist: sl})
		n.prev = from
	}
	n.list = slices.Clone(list)
	n.stage = stage
	return sl, nil
}

// cutList takes the first target entries (−1: all, capped at hi) of a list in order, decided
// entries always. It returns the list, an unsettled tie, and the tie's reasons.
func cutList(from []Entry, target, hi int, at CutRule, settle []string, source string) ([]Entry, *Tie, []Reason, error) {
	var kept, ranked []Entry
	for _, e := range from {
		if e.Origin == Added {
			kept = append(kept, e)
		} else {
			ranked = append(ranked, e)
		}
	}
	take := len(ranked)
	if target >= 0 {
		take = min(take, max(target-len(kept), 0))
	} else if hi >= 0 {
		take = min(take, max(hi-len(kept), 0))
	}
	tiedWith := func(x, y Entry) bool { return x.Origin == y.Origin && x.Rank == y.Rank }
	var reasons []Reason
	var tie *Tie
	n := take
	if take > 0 && take < len(ranked) && tiedWith(ranked[take-1], ranked[take]) {
		lo := take - 1
		for lo > 0 && tiedWith(ranked[lo-1], ranked[take]) {
			lo--
		}
		hi2 := take + 1
		for hi2 < len(ranked) && tiedWith(ranked[hi2], ranked[take]) {
			hi2++
		}
		tied := make([]string, hi2-lo)
		for k := range tied {
			tied[k] = ranked[lo+k].Person
		}
		slices.Sort(tied)
		f := figs(int(FigRank), ranked[lo].Rank, int(FigPlaces), take-lo)
		switch {
		case settle != nil:
			if !sameSet(settle, tied) {
				return nil, nil, nil, &StepError{Step: "Narrow", Err: ErrDecision, Detail: "the order names " + strings.Join(settle, ",") + ", the tie " + strings.Join(tied, ",")}
			}
			pos := map[string]int{}
			for k, p := range settle {
				pos[p] = k
			}
			ranked = slices.Clone(ranked)
			slices.SortFunc(ranked[lo:hi2], func(x, y Entry) int { return cmp.Compare(pos[x.Person], pos[y.Person]) })
			reasons = append(reasons, Reason{Kind: ReasonTieSettled, Persons: slices.Clone(settle), Figures: figs(int(FigPlaces), take-lo)})
			settle = nil
		case at == IncludeTied:
			n = hi2
			reasons = append(reasons, Reason{Kind: ReasonTieIncluded, Persons: tied, Figures: f, Rule: source})
		case at == ExcludeTied:
			n = lo
			reasons = append(reasons, Reason{Kind: ReasonTieExcluded, Persons: tied, Figures: f, Rule: source})
		default:
			n = lo
			tie = &Tie{Persons: tied, Rank: ranked[lo].Rank, Places: take - lo}
			reasons = append(reasons, Reason{Kind: ReasonTie, Persons: tied, Figures: f, Rule: source})
		}
	}
	if settle != nil {
		return nil, nil, nil, &StepError{Step: "Narrow", Err: ErrDecision, Detail: "no tie to order"}
	}
	out := append(slices.Clone(ranked[:n]), kept...)
	return out, tie, reasons, nil
}

// Vet removes persons from the current list on recorded grounds and applies the replacement
// policy: none, the next of the previous list in rank order (a tie at that cut is reported
// unless settle orders it), or reopen (the places are reported). A removed person never comes
// back in a later list of the nomination. Removing a person not on the list, or twice, is an
// error wrapping ErrVeto.
func (n *Nomination) Vet(removals []Removal, p Replace, settle []string) (*Vetting, error) {
	if len(n.passes) == 0 || n.slate != nil {
		return nil, &StepError{Step: "Vet", Err: ErrStep, Detail: "no list to vet"}
	}
	if n.pending() != nil {
		return nil, &StepError{Step: "Vet", Err: ErrStep, Detail: "a tie is unsettled"}
	}
	v, err := n.vet(removals, p, settle)
	if err != nil {
		return nil, err
	}
	n.steps = append(n.steps, Step{Vetting: v})
	return v, nil
}

func (n *Nomination) vet(removals []Removal, p Replace, settle []string) (*Vetting, error) {
	if p >= numReplaces {
		return nil, &StepError{Step: "Vet", Err: ErrKind, Detail: "policy"}
	}
	rs := slices.Clone(removals)
	slices.SortFunc(rs, func(x, y Removal) int { return strings.Compare(x.Person, y.Person) })
	v := &Vetting{Stage: n.stage, Policy: p, Removals: rs, Settle: slices.Clone(settle)}
	has := func(es []Entry, key string) bool {
		return slices.ContainsFunc(es, func(e Entry) bool { return e.Person == key })
	}
	list := slices.Clone(n.list)
	above := slices.Clone(n.above)
	replace := 0
	for k, r := range rs {
		if k > 0 && rs[k-1].Person == r.Person {
			return nil, &StepError{Step: "Vet", Person: r.Person, Err: ErrVeto, Detail: "removed twice"}
		}
		if r.Ground >= numGrounds {
			return nil, &StepError{Step: "Vet", Person: r.Person, Err: ErrKind, Detail: "ground"}
		}
		switch {
		case has(list, r.Person):
			replace++
		case !has(above, r.Person):
			return nil, &StepError{Step: "Vet", Person: r.Person, Err: ErrVeto, Detail: "not on the list"}
		}
		list = slices.DeleteFunc(list, func(e Entry) bool { return e.Person == r.Person })
		above = slices.DeleteFunc(above, func(e Entry) bool { return e.Person == r.Person })
		v.Reasons = append(v.Reasons, Reason{Kind: ReasonVetoed, Persons: []string{r.Person}, Ground: r.Ground, Ref: r.Ref})
	}
	removed := make(map[string]bool, len(n.removed)+len(rs))
	for k := range n.removed {
		removed[k] = true
	}
	for _, r := range rs {
		removed[r.Person] = true
	}
	switch p {
	case NextRanked:
		var pool []Entry
		for _, e := range n.prev {
			if removed[e.Person] || e.Origin == Above || has(list, e.Person) {
				continue
			}
			pool = append(pool, e)
		}
		got, tie, reasons, err := cutList(pool, replace, -1, ReportTie, settle, "")
		if err != nil {
			var se *StepError
			if errors.As(err, &se) {
				se.Step = "Vet"
			}
			return nil, err
		}
		v.Tie = tie
		v.Reasons = append(v.Reasons, reasons...)
		for _, e := range got {
			v.Reasons = append(v.Reasons, Reason{Kind: ReasonReplaced, Persons: []string{e.Person}})
		}
		list = append(list, got...)
	case Reopen:
		if replace > 0 {
			v.Reopen = replace
			v.Reasons = append(v.Reasons, Reason{Kind: ReasonReopen, Figures: figs(int(FigMissing), replace)})
		}
		if settle != nil {
			return nil, &StepError{Step: "Vet", Err: ErrDecision, Detail: "no tie to order"}
		}
	default:
		if settle != nil {
			return nil, &StepError{Step: "Vet", Err: ErrDecision, Detail: "no tie to order"}
		}
	}
	v.List = append(slices.Clone(list), above...)
	n.list, n.above, n.removed = list, above, removed
	return v, nil
}

// Notice records a public notice of the current list: its dates, checked against the required
// days counted by its calendar, and its objections; the upheld ones remove their persons with
// the replacement policy, as Vet does. Errors wrap ErrNotice (dates out of order, a period too
// short, an objection outside it or about a person not listed) or ErrDate.
func (n *Nomination) Notice(nt Notice, p Replace, settle []string) (*NoticeStep, error) {
	if len(n.passes) == 0 || n.slate != nil {
		return nil, &StepError{Step: "Notice", Err: ErrStep, Detail: "no list to notice"}
	}
	if n.pending() != nil {
		return nil, &StepError{Step: "Notice", Err: ErrStep, Detail: "a tie is unsettled"}
	}
	onList := func(key string) bool {
		return slices.ContainsFunc(n.list, func(e Entry) bool { return e.Person == key }) ||
			slices.ContainsFunc(n.above, func(e Entry) bool { return e.Person == key })
	}
	days, err := nt.check(onList)
	if err != nil {
		return nil, err
	}
	nt = cloneNotice(nt)
	step := &NoticeStep{Stage: n.stage, Notice: nt, Days: days}
	step.Reasons = append(step.Reasons, Reason{Kind: ReasonNotice, Figures: figs(int(FigDays), days, int(FigRequired), nt.MinDays)})
	var rs []Removal
	for _, o := range nt.Objections {
		kind := ReasonObjectionDismissed
		if o.Upheld {
			kind = ReasonObjectionUpheld
			rs = append(rs, Removal{Person: o.Person, Ground: o.Ground, Ref: o.Ref})
		}
		step.Reasons = append(step.Reasons, Reason{Kind: kind, Persons: []string{o.Person}, Ground: o.Ground, Ref: o.Ref})
	}
	if len(rs) > 0 {
		v, err := n.vet(rs, p, settle)
		if err != nil {
			return nil, err
		}
		step.Vetting = v
	} else if settle != nil {
		return nil, &StepError{Step: "Notice", Err: ErrDecision, Detail: "no tie to order"}
	}
	n.steps = append(n.steps, Step{Notice: step})
	return step, nil
}

func cloneNotice(nt Notice) Notice {
	nt.Objections = slices.Clone(nt.Objections)
	slices.SortStableFunc(nt.Objections, func(x, y Objection) int {
		if c := x.Received.Compare(y.Received); c != 0 {
			return c
		}
		if c := strings.Compare(x.Person, y.Person); c != 0 {
			return c
		}
		return strings.Compare(x.Ref, y.Ref)
	})
	nt.Calendar.Holidays = slices.Clone(nt.Calendar.Holidays)
	nt.Calendar.Workdays = slices.Clone(nt.Calendar.Workdays)
	slices.SortFunc(nt.Calendar.Holidays, Date.Compare)
	slices.SortFunc(nt.Calendar.Workdays, Date.Compare)
	return nt
}

// Slate makes the current list the ballot paper of the vote: its entries in list order, then
// the nominees from above in key order, with their registered names and attributes, for
// tally.NewElection or tally.NewPreliminary. The difference rule is checked on the seats: with
// nomineesInBase, on all candidates; otherwise the nominees from above and as many seats are
// left out of the base (how the 20th Congress counted central nominees is unpublished: Guangxi's
// 55 candidates for 48 seats meet "more than 15%" only if at least two nominees stand outside
// it). A slate that fails is the *quota.DifferenceError of the check (quota.ErrTooFewCandidates…),
// or the ballot.Slate.Validate error of an impossible slate.
func (n *Nomination) Slate(office string, d quota.Difference, nomineesInBase bool) (ballot.Slate, error) {
	if len(n.passes) == 0 || n.slate != nil {
		return ballot.Slate{}, &StepError{Step: "Slate", Err: ErrStep, Detail: "no list, or the slate is made"}
	}
	if n.pending() != nil {
		return ballot.Slate{}, &StepError{Step: "Slate", Err: ErrStep, Detail: "a tie is unsettled"}
	}
	above := slices.Clone(n.above)
	slices.SortFunc(above, func(x, y Entry) int { return strings.Compare(x.Person, y.Person) })
	s := ballot.Slate{Office: office, Seats: n.seats}
	for _, e := range append(slices.Clone(n.list), above...) {
		s.Candidates = append(s.Candidates, n.reg.candidateByKey(e.Person))
	}
	seats, cands := n.seats, len(s.Candidates)
	if !nomineesInBase {
		seats -= len(above)
		cands -= len(above)
	}
	lo := d.MinCandidates(seats)
	hi, ok := d.MaxCandidates(seats)
	if !ok {
		hi = -1
	}
	inBase := 0
	if nomineesInBase {
		inBase = 1
	}
	if err := d.Check(seats, cands); err != nil {
		return ballot.Slate{}, err // a *quota.DifferenceError: seats, candidates, the bound
	}
	if err := s.Validate(); err != nil {
		return ballot.Slate{}, err // joined *ballot.SlateError values
	}
	d.Steps = slices.Clone(d.Steps)
	n.slate = &SlateStep{Difference: d, NomineesInBase: nomineesInBase, Slate: s.Clone(), FromAbove: len(above),
		Reasons: []Reason{{Kind: ReasonDifference, Rule: d.Source, Figures: figs(int(FigSeats), seats, int(FigCandidates), cands,
			int(FigMin), lo, int(FigMax), hi, int(FigFromAbove), len(above), int(FigInBase), inBase)}}}
	return s, nil
}

// Funnel is what the nomination narrowed, from the names first written to the candidates on
// the ballot paper: the figures every published account gives (Ningxia 2012: 66 recommended →
// 43 inspected → 38 preliminary; Sichuan 2017: 1,153 inspected → 1,035 prospective + 38 from
// above = 1,073 candidates for 860 seats).
type Funnel struct {
	// Named is the persons named on counted ballots in the first up; Recommendations the
	// names on the lists the election unit received in it, with repeats, and Distinct the
	// persons among them (Chongqing 2012: 1,772 and 786).
	Named           int
	Recommendations int
	Distinct        int
	// Recommended, Inspected, Preliminary and Prospective are the sizes of the stages' lists
	// (0 for a stage not held), without nominees from above; FromAbove counts those.
	Recommended int
	Inspected   int
	Preliminary int
	Prospective int
	FromAbove   int
	// Candidates is the slate's size, nominees from above included (0 before Slate); Seats the
	// places.
	Candidates int
	Seats      int
}

// Funnel returns the nomination's funnel so far: its record's funnel (Record.Funnel).
func (n *Nomination) Funnel() Funnel {
	return (&Record{Seats: n.seats, Passes: n.passes, Steps: n.steps, Slate: n.slate}).Funnel()
}

// Participation returns the first up's participation at the election unit: members who took
// part (ballots returned, counted or not) of members, and branches whose sheets counted of
// branches.
func (n *Nomination) Participation() (members, branches Rate) {
	if len(n.passes) == 0 {
		return Rate{}, Rate{}
	}
	r := n.passes[0].Root()
	return Rate{int64(r.All.Ballots + r.Uncounted), int64(r.Members)}, Rate{int64(r.LeavesCounted), int64(r.Leaves)}
}

// Surplus returns the slate's surplus over the seats: (candidates − seats) / seats, the base of
// "more than 15%" (Wujiang 2016: 408 for 222 seats, 83.8%).
func (f Funnel) Surplus() Rate { return Rate{int64(f.Candidates - f.Seats), int64(f.Seats)} }

// InspectionSurplus returns the inspected over the preliminary list: (inspected − preliminary)
// / preliminary (Ningxia 2012: 43 for 38, 13.2%).
func (f Funnel) InspectionSurplus() Rate {
	return Rate{int64(f.Inspected - f.Preliminary), int64(f.Preliminary)}
}

// Eliminated returns the share of the preliminary list not elected: (preliminary − seats) /
// preliminary, the base a reporter used for Guangdong in 2012 (85 preliminary candidates for 67
// seats: "以21.2%的差额比例").
func (f Funnel) Eliminated() Rate {
	return Rate{int64(f.Preliminary - f.Seats), int64(f.Preliminary)}
}
