package nominate

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/quota"
	"github.com/chae-go/chae/tally/count"
)

// DecodeRecord reads a record in its canonical encoding. It refuses (ErrRecord) anything that is
// not byte for byte the canonical encoding of what it decodes — other spacing, member order,
// escapes, number forms, a fraction not in lowest terms, an unknown member — and a digest that
// does not match the content.
func DecodeRecord(data []byte) (*Record, error) {
	fail := func(detail string) (*Record, error) {
		return nil, fmt.Errorf("nominate: record: %s: %w", detail, ErrRecord)
	}
	var w wRecord
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&w); err != nil {
		return fail(err.Error())
	}
	if dec.More() {
		return fail("data after the record")
	}
	if w.Format != RecordFormat {
		return fail(fmt.Sprintf("format %q, want %q", w.Format, RecordFormat))
	}
	r := w.record()
	var b bytes.Buffer
	if _, err := r.WriteTo(&b); err != nil {
		return fail(err.Error())
	}
	if !bytes.Equal(b.Bytes(), data) {
		got, _ := r.Digest()
		if got != w.Digest {
			return fail(fmt.Sprintf("digest %q does not match the content (%q)", w.Digest, got))
		}
		return fail(fmt.Sprintf("not in canonical encoding (first difference at byte %d)", firstDiff(b.Bytes(), data)))
	}
	return r, nil
}

func firstDiff(a, b []byte) int {
	n := min(len(a), len(b))
	for i := range n {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}

type wRecord struct {
	Format string      `json:"format"`
	Unit   OrgID       `json:"unit"`
	Seats  int         `json:"seats"`
	Orgs   []wOrg      `json:"orgs"`
	Passes []wPass     `json:"passes"`
	Downs  []wDown     `json:"downs"`
	Steps  []wStep     `json:"steps"`
	Slate  *wSlateStep `json:"slate"`
	Digest string      `json:"digest"`
}

func (w wRecord) record() *Record {
	r := &Record{Unit: w.Unit, Seats: w.Seats}
	for _, o := range w.Orgs {
		r.Orgs = append(r.Orgs, Org(o))
	}
	for _, p := range w.Passes {
		r.Passes = append(r.Passes, p.pass())
	}
	for _, d := range w.Downs {
		r.Downs = append(r.Downs, Down(d))
	}
	for _, s := range w.Steps {
		r.Steps = append(r.Steps, s.step())
	}
	if w.Slate != nil {
		s := w.Slate.slateStep()
		r.Slate = &s
	}
	return r
}

type wOrg struct {
	ID           OrgID  `json:"id"`
	Parent       OrgID  `json:"parent"`
	Name         string `json:"name"`
	Kind         Kind   `json:"kind"`
	Members      int    `json:"members"`
	Probationary int    `json:"probationary"`
	Places       int    `json:"places"`
}

type wThreshold struct {
	Share    quota.Fraction `json:"share"`
	Boundary quota.Boundary `json:"boundary"`
}

func (t wThreshold) threshold() quota.Threshold {
	return quota.Threshold{Share: t.Share, Boundary: t.Boundary}
}

type wStepQ struct {
	MinSeats   int `json:"min_seats"`
	MinSurplus int `json:"min_surplus"`
}

type wDifference struct {
	MinShare     quota.Fraction `json:"min_share"`
	MinBoundary  quota.Boundary `json:"min_boundary"`
	MaxShare     quota.Fraction `json:"max_share"`
	MinSurplus   int            `json:"min_surplus"`
	MaxSurplus   int            `json:"max_surplus"`
	Steps        []wStepQ       `json:"steps"`
	EqualAllowed bool           `json:"equal_allowed"`
	Source       string         `json:"source"`
}

func (w wDifference) difference() quota.Difference {
	d := quota.Difference{MinShare: w.MinShare, MinBoundary: w.MinBoundary, MaxShare: w.MaxShare,
		MinSurplus: w.MinSurplus, MaxSurplus: w.MaxSurplus, EqualAllowed: w.EqualAllowed, Source: w.Source}
	for _, s := range w.Steps {
		d.Steps = append(d.Steps, quota.SurplusStep(s))
	}
	return d
}

type wSize struct {
	Kind    SizeKind    `json:"kind"`
	Surplus wDifference `json:"surplus"`
	Share   wThreshold  `json:"share"`
	Take    Take        `json:"take"`
}

func (w wSize) size() Size {
	return Size{Kind: w.Kind, Surplus: w.Surplus.difference(), Share: w.Share.threshold(), Take: w.Take}
}

type wRule struct {
	Basis    Basis    `json:"basis"`
	Universe Universe `json:"universe"`
	Members  struct {
		Share    quota.Fraction `json:"share"`
		Boundary quota.Boundary `json:"boundary"`
		Base     MemberBase     `json:"base"`
	} `json:"members"`
	Orgs struct {
		Share    quota.Fraction `json:"share"`
		Boundary quota.Boundary `json:"boundary"`
		Scope    OrgScope       `json:"scope"`
		Base     OrgBase        `json:"base"`
	} `json:"orgs"`
	Size      wSize   `json:"size"`
	Order     []Key   `json:"order"`
	AtCut     CutRule `json:"at_cut"`
	Shortfall struct {
		Rule       ShortRule   `json:"rule"`
		Candidates wDifference `json:"candidates"`
	} `json:"shortfall"`
	Participation     wThreshold `json:"participation"`
	CountProbationary bool       `json:"count_probationary"`
	AllowUnvoted      bool       `json:"allow_unvoted"`
	Source            string     `json:"source"`
}

func (w wRule) rule() Rule {
	return Rule{Basis: w.Basis, Universe: w.Universe,
		Members:       MemberBar{Threshold: quota.Threshold{Share: w.Members.Share, Boundary: w.Members.Boundary}, Base: w.Members.Base},
		Orgs:          OrgBar{Threshold: quota.Threshold{Share: w.Orgs.Share, Boundary: w.Orgs.Boundary}, Scope: w.Orgs.Scope, Base: w.Orgs.Base},
		Size:          w.Size.size(),
		Order:         w.Order,
		AtCut:         w.AtCut,
		Shortfall:     Shortfall{Rule: w.Shortfall.Rule, Candidates: w.Shortfall.Candidates.difference()},
		Participation: w.Participation.threshold(), CountProbationary: w.CountProbationary,
		AllowUnvoted: w.AllowUnvoted, Source: w.Source}
}

type wRules struct {
	Default wRule `json:"default"`
	ByKind  []struct {
		Kind Kind  `json:"kind"`
		Rule wRule `json:"rule"`
	} `json:"by_kind"`
	ByOrg []struct {
		Org  OrgID `json:"org"`
		Rule wRule `json:"rule"`
	} `json:"by_org"`
}

func (w wRules) rules() Rules {
	rs := Rules{Default: w.Default.rule()}
	if len(w.ByKind) > 0 {
		rs.ByKind = map[Kind]Rule{}
		for _, k := range w.ByKind {
			rs.ByKind[k.Kind] = k.Rule.rule()
		}
	}
	if len(w.ByOrg) > 0 {
		rs.ByOrg = map[OrgID]Rule{}
		for _, k := range w.ByOrg {
			rs.ByOrg[k.Org] = k.Rule.rule()
		}
	}
	return rs
}

type wDecision struct {
	Org     OrgID    `json:"org"`
	Op      Op       `json:"op"`
	Persons []string `json:"persons"`
	Ground  Ground   `json:"ground"`
	Ref     string   `json:"ref"`
}

type wSecond struct {
	Org    OrgID        `json:"org"`
	Counts count.Counts `json:"counts"`
}

type wTally struct {
	Person   string `json:"person"`
	Votes    int    `json:"votes"`
	Full     int    `json:"full"`
	Against  int    `json:"against"`
	Orgs     int    `json:"orgs"`
	Branches int    `json:"branches"`
	Cleared  uint8  `json:"cleared"`
	Passed   bool   `json:"passed"`
}

func (w wTally) tally() Tally {
	return Tally{Person: w.Person, Votes: w.Votes, Full: w.Full, Against: w.Against, Orgs: w.Orgs,
		Branches: w.Branches, Cleared: Clear(w.Cleared), Passed: w.Passed}
}

type wEntry struct {
	Person   string `json:"person"`
	Votes    int    `json:"votes"`
	Full     int    `json:"full"`
	Against  int    `json:"against"`
	Orgs     int    `json:"orgs"`
	Branches int    `json:"branches"`
	Cleared  uint8  `json:"cleared"`
	Passed   bool   `json:"passed"`
	Rank     int    `json:"rank"`
	Origin   Origin `json:"origin"`
}

func entries(ws []wEntry) []Entry {
	var out []Entry
	for _, w := range ws {
		out = append(out, Entry{Tally: Tally{Person: w.Person, Votes: w.Votes, Full: w.Full, Against: w.Against,
			Orgs: w.Orgs, Branches: w.Branches, Cleared: Clear(w.Cleared), Passed: w.Passed}, Rank: w.Rank, Origin: w.Origin})
	}
	return out
}

type wTie struct {
	Persons []string `json:"persons"`
	Rank    int      `json:"rank"`
	Places  int      `json:"places"`
}

func (w *wTie) tie() *Tie {
	if w == nil {
		return nil
	}
	t := Tie(*w)
	return &t
}

type wFigure struct {
	Kind  FigureKind `json:"kind"`
	Value int        `json:"value"`
}

type wReason struct {
	Kind    ReasonKind `json:"kind"`
	Org     OrgID      `json:"org"`
	Persons []string   `json:"persons"`
	Figures []wFigure  `json:"figures"`
	Ground  Ground     `json:"ground"`
	Ref     string     `json:"ref"`
	Rule    string     `json:"rule"`
}

func reasons(ws []wReason) []Reason {
	var out []Reason
	for _, w := range ws {
		r := Reason{Kind: w.Kind, Org: w.Org, Persons: w.Persons, Ground: w.Ground, Ref: w.Ref, Rule: w.Rule}
		for _, f := range w.Figures {
			r.Figures = append(r.Figures, Figure(f))
		}
		out = append(out, r)
	}
	return out
}

type wTurnout struct {
	Ballots int `json:"ballots"`
	Invalid int `json:"invalid"`
	Spoiled int `json:"spoiled"`
}

type wNode struct {
	Org             OrgID     `json:"org"`
	Kind            Kind      `json:"kind"`
	Depth           int       `json:"depth"`
	Places          int       `json:"places"`
	Counted         bool      `json:"counted"`
	Members         int       `json:"members"`
	Probationary    int       `json:"probationary"`
	All             wTurnout  `json:"all"`
	Full            wTurnout  `json:"full"`
	Uncounted       int       `json:"uncounted"`
	Leaves          int       `json:"leaves"`
	LeavesCounted   int       `json:"leaves_counted"`
	Children        int       `json:"children"`
	ChildrenCounted int       `json:"children_counted"`
	Named           int       `json:"named"`
	Received        int       `json:"received"`
	Distinct        int       `json:"distinct"`
	MemberBase      int       `json:"member_base"`
	MemberNeeded    int       `json:"member_needed"`
	OrgBase         int       `json:"org_base"`
	OrgNeeded       int       `json:"org_needed"`
	Passers         int       `json:"passers"`
	Min             int       `json:"min"`
	Max             int       `json:"max"`
	Tallies         *[]wTally `json:"tallies"`
	List            []wEntry  `json:"list"`
	Tie             *wTie     `json:"tie"`
	Short           int       `json:"short"`
	Second          []string  `json:"second"`
	Reasons         []wReason `json:"reasons"`
}

func (w wNode) node() Node {
	n := Node{Org: w.Org, Kind: w.Kind, Depth: w.Depth, Places: w.Places, Counted: w.Counted, Members: w.Members,
		Probationary: w.Probationary, All: Turnout(w.All), Full: Turnout(w.Full), Uncounted: w.Uncounted,
		Leaves: w.Leaves, LeavesCounted: w.LeavesCounted, Children: w.Children, ChildrenCounted: w.ChildrenCounted,
		Named: w.Named, Received: w.Received, Distinct: w.Distinct, MemberBase: w.MemberBase,
		MemberNeeded: w.MemberNeeded, OrgBase: w.OrgBase, OrgNeeded: w.OrgNeeded, Passers: w.Passers,
		Min: w.Min, Max: w.Max, List: entries(w.List), Tie: w.Tie.tie(), Short: w.Short, Second: w.Second,
		Reasons: reasons(w.Reasons)}
	if w.Tallies != nil {
		n.Tallies = make([]Tally, len(*w.Tallies))
		for k, t := range *w.Tallies {
			n.Tallies[k] = t.tally()
		}
	}
	return n
}

type wPass struct {
	Round       int         `json:"round"`
	TallyLevels int         `json:"tally_levels"`
	Rules       wRules      `json:"rules"`
	Decisions   []wDecision `json:"decisions"`
	Second      []wSecond   `json:"second"`
	Nodes       []wNode     `json:"nodes"`
}

func (w wPass) pass() *Pass {
	p := &Pass{Round: w.Round, TallyLevels: w.TallyLevels, Rules: w.Rules.rules(), index: map[OrgID]int{}}
	for _, d := range w.Decisions {
		p.Decisions = append(p.Decisions, Decision(d))
	}
	for _, s := range w.Second {
		p.Second = append(p.Second, Second(s))
	}
	for k, n := range w.Nodes {
		p.Nodes = append(p.Nodes, n.node())
		p.index[n.Org] = k
	}
	return p
}

type wDown struct {
	Round   int      `json:"round"`
	Org     OrgID    `json:"org"`
	Seats   int      `json:"seats"`
	Persons []string `json:"persons"`
}

type wShortlist struct {
	Stage Stage `json:"stage"`
	Rule  struct {
		Places int     `json:"places"`
		Size   wSize   `json:"size"`
		AtCut  CutRule `json:"at_cut"`
		Source string  `json:"source"`
	} `json:"rule"`
	Places  int       `json:"places"`
	Min     int       `json:"min"`
	Max     int       `json:"max"`
	Settle  []string  `json:"settle"`
	List    []wEntry  `json:"list"`
	Tie     *wTie     `json:"tie"`
	Short   int       `json:"short"`
	Reasons []wReason `json:"reasons"`
}

type wRemoval struct {
	Person string `json:"person"`
	Ground Ground `json:"ground"`
	Ref    string `json:"ref"`
}

type wVetting struct {
	Stage    Stage      `json:"stage"`
	Policy   Replace    `json:"policy"`
	Removals []wRemoval `json:"removals"`
	Settle   []string   `json:"settle"`
	List     []wEntry   `json:"list"`
	Tie      *wTie      `json:"tie"`
	Reopen   int        `json:"reopen"`
	Reasons  []wReason  `json:"reasons"`
}

func (w *wVetting) vetting() *Vetting {
	if w == nil {
		return nil
	}
	v := &Vetting{Stage: w.Stage, Policy: w.Policy, Settle: nilIfEmpty(w.Settle), List: entries(w.List),
		Tie: w.Tie.tie(), Reopen: w.Reopen, Reasons: reasons(w.Reasons)}
	for _, r := range w.Removals {
		v.Removals = append(v.Removals, Removal(r))
	}
	return v
}

type wObjection struct {
	Received Date   `json:"received"`
	Person   string `json:"person"`
	Ground   Ground `json:"ground"`
	Upheld   bool   `json:"upheld"`
	Ref      string `json:"ref"`
}

type wNoticeStep struct {
	Stage  Stage `json:"stage"`
	Notice struct {
		Scope    string `json:"scope"`
		From     Date   `json:"from"`
		To       Date   `json:"to"`
		MinDays  int    `json:"min_days"`
		Calendar struct {
			WorkingDays bool   `json:"working_days"`
			Holidays    []Date `json:"holidays"`
			Workdays    []Date `json:"workdays"`
		} `json:"calendar"`
		Objections []wObjection `json:"objections"`
	} `json:"notice"`
	Days    int       `json:"days"`
	Vetting *wVetting `json:"vetting"`
	Reasons []wReason `json:"reasons"`
}

type wStep struct {
	Shortlist *wShortlist  `json:"shortlist"`
	Vetting   *wVetting    `json:"vetting"`
	Notice    *wNoticeStep `json:"notice"`
}

func (w wStep) step() Step {
	var s Step
	if x := w.Shortlist; x != nil {
		s.Shortlist = &Shortlist{Stage: x.Stage, Rule: ListRule{Places: x.Rule.Places, Size: x.Rule.Size.size(),
			AtCut: x.Rule.AtCut, Source: x.Rule.Source}, Places: x.Places, Min: x.Min, Max: x.Max,
			Settle: nilIfEmpty(x.Settle), List: entries(x.List), Tie: x.Tie.tie(), Short: x.Short, Reasons: reasons(x.Reasons)}
	}
	s.Vetting = w.Vetting.vetting()
	if x := w.Notice; x != nil {
		nt := Notice{Scope: x.Notice.Scope, From: x.Notice.From, To: x.Notice.To, MinDays: x.Notice.MinDays,
			Calendar: Calendar{WorkingDays: x.Notice.Calendar.WorkingDays, Holidays: x.Notice.Calendar.Holidays,
				Workdays: x.Notice.Calendar.Workdays}}
		for _, o := range x.Notice.Objections {
			nt.Objections = append(nt.Objections, Objection(o))
		}
		s.Notice = &NoticeStep{Stage: x.Stage, Notice: nt, Days: x.Days, Vetting: x.Vetting.vetting(), Reasons: reasons(x.Reasons)}
	}
	return s
}

type wAttr struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

type wSlateStep struct {
	Difference     wDifference `json:"difference"`
	NomineesInBase bool        `json:"nominees_in_base"`
	FromAbove      int         `json:"from_above"`
	Slate          struct {
		Office     string `json:"office"`
		Seats      int    `json:"seats"`
		Candidates []struct {
			ID    string  `json:"id"`
			Name  string  `json:"name"`
			Attrs []wAttr `json:"attrs"`
		} `json:"candidates"`
	} `json:"slate"`
	Reasons []wReason `json:"reasons"`
}

func (w wSlateStep) slateStep() SlateStep {
	s := SlateStep{Difference: w.Difference.difference(), NomineesInBase: w.NomineesInBase, FromAbove: w.FromAbove,
		Slate: ballot.Slate{Office: w.Slate.Office, Seats: w.Slate.Seats}, Reasons: reasons(w.Reasons)}
	for _, c := range w.Slate.Candidates {
		bc := ballot.Candidate{ID: c.ID, Name: c.Name}
		if len(c.Attrs) > 0 {
			bc.Attrs = map[string]string{}
			for _, a := range c.Attrs {
				bc.Attrs[a.Key] = a.Value
			}
		}
		s.Slate.Candidates = append(s.Slate.Candidates, bc)
	}
	return s
}

func nilIfEmpty(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}
