package nominate

import (
	"cmp"
	"maps"
	"slices"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/quota"
	"github.com/chae-go/chae/tally/count"
)

// schema is the record's canonical encoding, member by member, in the order the package
// documentation gives; it walks a codec, so the same code writes a record (enc) and reads one
// (dec). Writing never stores through the pointers it is given.
type schema struct{ codec }

// Members: the name, then the value.

func (s schema) str(name string, p *string)    { s.key(name); s.codec.str(p) }
func (s schema) id(name string, p *OrgID)      { s.key(name); s.codec.str((*string)(p)) }
func (s schema) int(name string, p *int)       { s.key(name); s.codec.int(p) }
func (s schema) bool(name string, p *bool)     { s.key(name); s.codec.bool(p) }
func (s schema) text(name string, p textValue) { s.key(name); s.codec.text(p) }
func (s schema) strs(name string, p *[]string) { s.key(name); list(s.codec, p, s.codec.str) }

// sortedMap walks a map as a list of objects in key order, each written by entry. Reading, the
// map is nil when the list is empty.
func sortedMap[K cmp.Ordered, V any](s schema, m *map[K]V, entry func(*K, *V)) {
	type kv struct {
		k K
		v V
	}
	var xs []kv
	if !s.reading() {
		for _, k := range slices.Sorted(maps.Keys(*m)) {
			xs = append(xs, kv{k, (*m)[k]})
		}
	}
	list(s.codec, &xs, func(x *kv) { s.begin(); entry(&x.k, &x.v); s.end() })
	if s.reading() {
		*m = nil
		if len(xs) > 0 {
			*m = make(map[K]V, len(xs))
			for _, x := range xs {
				(*m)[x.k] = x.v
			}
		}
	}
}

// record walks a record up to its slate; the digest member and the closing brace are the
// caller's. format is the format member (RecordFormat when writing).
func (s schema) record(r *Record, format *string) {
	s.begin()
	s.str("format", format)
	s.id("unit", &r.Unit)
	s.int("seats", &r.Seats)
	s.key("orgs")
	list(s.codec, &r.Orgs, s.org)
	s.key("passes")
	list(s.codec, &r.Passes, func(p **Pass) {
		if s.reading() {
			*p = &Pass{}
		}
		s.pass(*p)
	})
	s.key("downs")
	list(s.codec, &r.Downs, s.down)
	s.key("steps")
	list(s.codec, &r.Steps, s.step)
	s.key("slate")
	optional(s.codec, &r.Slate, s.slateStep)
}

func (s schema) org(o *Org) {
	s.begin()
	s.id("id", &o.ID)
	s.id("parent", &o.Parent)
	s.str("name", &o.Name)
	s.text("kind", &o.Kind)
	s.int("members", &o.Members)
	s.int("probationary", &o.Probationary)
	s.int("places", &o.Places)
	s.end()
}

// threshold walks a threshold's members, inside an object that may have more.
func (s schema) threshold(t *quota.Threshold) {
	s.text("share", &t.Share)
	s.text("boundary", &t.Boundary)
}

// thresholdObject walks a threshold as an object of its own.
func (s schema) thresholdObject(t *quota.Threshold) {
	s.begin()
	s.threshold(t)
	s.end()
}

func (s schema) difference(d *quota.Difference) {
	s.begin()
	s.text("min_share", &d.MinShare)
	s.text("min_boundary", &d.MinBoundary)
	s.text("max_share", &d.MaxShare)
	s.int("min_surplus", &d.MinSurplus)
	s.int("max_surplus", &d.MaxSurplus)
	s.key("steps")
	list(s.codec, &d.Steps, func(x *quota.SurplusStep) {
		s.begin()
		s.int("min_seats", &x.MinSeats)
		s.int("min_surplus", &x.MinSurplus)
		s.end()
	})
	s.bool("equal_allowed", &d.EqualAllowed)
	s.str("source", &d.Source)
	s.end()
}

func (s schema) size(z *Size) {
	s.begin()
	s.text("kind", &z.Kind)
	s.key("surplus")
	s.difference(&z.Surplus)
	s.key("share")
	s.thresholdObject(&z.Share)
	s.text("take", &z.Take)
	s.end()
}

func (s schema) rule(r *Rule) {
	s.begin()
	s.text("basis", &r.Basis)
	s.text("universe", &r.Universe)
	s.key("members")
	s.begin()
	s.threshold(&r.Members.Threshold)
	s.text("base", &r.Members.Base)
	s.end()
	s.key("orgs")
	s.begin()
	s.threshold(&r.Orgs.Threshold)
	s.text("scope", &r.Orgs.Scope)
	s.text("base", &r.Orgs.Base)
	s.end()
	s.key("size")
	s.size(&r.Size)
	s.key("order")
	list(s.codec, &r.Order, func(k *Key) { s.codec.text(k) })
	s.text("at_cut", &r.AtCut)
	s.key("shortfall")
	s.begin()
	s.text("rule", &r.Shortfall.Rule)
	s.key("candidates")
	s.difference(&r.Shortfall.Candidates)
	s.end()
	s.key("participation")
	s.thresholdObject(&r.Participation)
	s.bool("count_probationary", &r.CountProbationary)
	s.bool("allow_unvoted", &r.AllowUnvoted)
	s.str("source", &r.Source)
	s.end()
}

func (s schema) rules(rs *Rules) {
	s.begin()
	s.key("default")
	s.rule(&rs.Default)
	s.key("by_kind")
	sortedMap(s, &rs.ByKind, func(k *Kind, r *Rule) {
		s.text("kind", k)
		s.key("rule")
		s.rule(r)
	})
	s.key("by_org")
	sortedMap(s, &rs.ByOrg, func(id *OrgID, r *Rule) {
		s.id("org", id)
		s.key("rule")
		s.rule(r)
	})
	s.end()
}

func (s schema) counts(c *count.Counts) {
	s.begin()
	s.int("ballots", &c.Ballots)
	s.int("valid", &c.Valid)
	s.int("invalid", &c.Invalid)
	s.int("spoiled", &c.Spoiled)
	s.key("candidates")
	list(s.codec, &c.Candidates, func(x *count.CandidateCount) {
		s.begin()
		s.str("id", &x.ID)
		s.int("for", &x.For)
		s.int("against", &x.Against)
		s.int("abstain", &x.Abstain)
		s.end()
	})
	s.key("write_ins")
	list(s.codec, &c.WriteIns, func(w *count.WriteInCount) {
		s.begin()
		s.str("name", &w.Name)
		s.int("votes", &w.Votes)
		s.str("same_as", &w.SameAs)
		s.end()
	})
	s.end()
}

func (s schema) pass(p *Pass) {
	s.begin()
	s.int("round", &p.Round)
	s.int("tally_levels", &p.TallyLevels)
	s.key("rules")
	s.rules(&p.Rules)
	s.key("decisions")
	list(s.codec, &p.Decisions, func(d *Decision) {
		s.begin()
		s.id("org", &d.Org)
		s.text("op", &d.Op)
		s.strs("persons", &d.Persons)
		s.text("ground", &d.Ground)
		s.str("ref", &d.Ref)
		s.end()
	})
	s.key("second")
	list(s.codec, &p.Second, func(x *Second) {
		s.begin()
		s.id("org", &x.Org)
		s.key("counts")
		s.counts(&x.Counts)
		s.end()
	})
	s.key("nodes")
	list(s.codec, &p.Nodes, s.node)
	s.end()
	if s.reading() {
		p.index = make(map[OrgID]int, len(p.Nodes))
		for k, n := range p.Nodes {
			p.index[n.Org] = k
		}
	}
}

func (s schema) turnout(t *Turnout) {
	s.begin()
	s.int("ballots", &t.Ballots)
	s.int("invalid", &t.Invalid)
	s.int("spoiled", &t.Spoiled)
	s.end()
}

// tallyMembers walks a tally's members, inside an object that may have more (an entry's).
func (s schema) tallyMembers(t *Tally) {
	s.str("person", &t.Person)
	s.int("votes", &t.Votes)
	s.int("full", &t.Full)
	s.int("against", &t.Against)
	s.int("orgs", &t.Orgs)
	s.int("branches", &t.Branches)
	s.key("cleared")
	s.codec.uint8((*uint8)(&t.Cleared))
	s.bool("passed", &t.Passed)
}

func (s schema) entry(x *Entry) {
	s.begin()
	s.tallyMembers(&x.Tally)
	s.int("rank", &x.Rank)
	s.text("origin", &x.Origin)
	s.end()
}

func (s schema) entries(name string, es *[]Entry) {
	s.key(name)
	list(s.codec, es, s.entry)
}

func (s schema) tie(p **Tie) {
	s.key("tie")
	optional(s.codec, p, func(t *Tie) {
		s.begin()
		s.strs("persons", &t.Persons)
		s.int("rank", &t.Rank)
		s.int("places", &t.Places)
		s.end()
	})
}

func (s schema) reasons(rs *[]Reason) {
	s.key("reasons")
	list(s.codec, rs, func(r *Reason) {
		s.begin()
		s.text("kind", &r.Kind)
		s.id("org", &r.Org)
		s.strs("persons", &r.Persons)
		s.key("figures")
		list(s.codec, &r.Figures, func(f *Figure) {
			s.begin()
			s.text("kind", &f.Kind)
			s.int("value", &f.Value)
			s.end()
		})
		s.text("ground", &r.Ground)
		s.str("ref", &r.Ref)
		s.str("rule", &r.Rule)
		s.end()
	})
}

func (s schema) node(n *Node) {
	s.begin()
	s.id("org", &n.Org)
	s.text("kind", &n.Kind)
	s.int("depth", &n.Depth)
	s.int("places", &n.Places)
	s.bool("counted", &n.Counted)
	s.int("members", &n.Members)
	s.int("probationary", &n.Probationary)
	s.key("all")
	s.turnout(&n.All)
	s.key("full")
	s.turnout(&n.Full)
	s.nodeFigures(n)
	// Tallies: null when the pass did not keep them, [] when there were none.
	s.key("tallies")
	if !s.null(n.Tallies == nil) {
		list(s.codec, &n.Tallies, func(t *Tally) { s.begin(); s.tallyMembers(t); s.end() })
		if s.reading() && n.Tallies == nil {
			n.Tallies = []Tally{}
		}
	} else if s.reading() {
		n.Tallies = nil
	}
	s.entries("list", &n.List)
	s.tie(&n.Tie)
	s.int("short", &n.Short)
	s.strs("second", &n.Second)
	s.reasons(&n.Reasons)
	s.end()
}

// nodeFigures walks a node's integer figures from uncounted to max.
func (s schema) nodeFigures(n *Node) {
	s.int("uncounted", &n.Uncounted)
	s.int("leaves", &n.Leaves)
	s.int("leaves_counted", &n.LeavesCounted)
	s.int("children", &n.Children)
	s.int("children_counted", &n.ChildrenCounted)
	s.int("named", &n.Named)
	s.int("received", &n.Received)
	s.int("distinct", &n.Distinct)
	s.int("member_base", &n.MemberBase)
	s.int("member_needed", &n.MemberNeeded)
	s.int("org_base", &n.OrgBase)
	s.int("org_needed", &n.OrgNeeded)
	s.int("passers", &n.Passers)
	s.int("min", &n.Min)
	s.int("max", &n.Max)
}

func (s schema) down(d *Down) {
	s.begin()
	s.int("round", &d.Round)
	s.id("org", &d.Org)
	s.int("seats", &d.Seats)
	s.strs("persons", &d.Persons)
	s.end()
}

func (s schema) step(x *Step) {
	s.begin()
	s.key("shortlist")
	optional(s.codec, &x.Shortlist, s.shortlist)
	s.key("vetting")
	optional(s.codec, &x.Vetting, s.vetting)
	s.key("notice")
	optional(s.codec, &x.Notice, s.noticeStep)
	s.end()
}

func (s schema) shortlist(x *Shortlist) {
	s.begin()
	s.text("stage", &x.Stage)
	s.key("rule")
	s.begin()
	s.int("places", &x.Rule.Places)
	s.key("size")
	s.size(&x.Rule.Size)
	s.text("at_cut", &x.Rule.AtCut)
	s.str("source", &x.Rule.Source)
	s.end()
	s.int("places", &x.Places)
	s.int("min", &x.Min)
	s.int("max", &x.Max)
	s.strs("settle", &x.Settle)
	s.entries("list", &x.List)
	s.tie(&x.Tie)
	s.int("short", &x.Short)
	s.reasons(&x.Reasons)
	s.end()
}

func (s schema) vetting(v *Vetting) {
	s.begin()
	s.text("stage", &v.Stage)
	s.text("policy", &v.Policy)
	s.key("removals")
	list(s.codec, &v.Removals, func(r *Removal) {
		s.begin()
		s.str("person", &r.Person)
		s.text("ground", &r.Ground)
		s.str("ref", &r.Ref)
		s.end()
	})
	s.strs("settle", &v.Settle)
	s.entries("list", &v.List)
	s.tie(&v.Tie)
	s.int("reopen", &v.Reopen)
	s.reasons(&v.Reasons)
	s.end()
}

func (s schema) noticeStep(x *NoticeStep) {
	s.begin()
	s.text("stage", &x.Stage)
	s.key("notice")
	s.notice(&x.Notice)
	s.int("days", &x.Days)
	s.key("vetting")
	optional(s.codec, &x.Vetting, s.vetting)
	s.reasons(&x.Reasons)
	s.end()
}

func (s schema) notice(nt *Notice) {
	s.begin()
	s.str("scope", &nt.Scope)
	s.text("from", &nt.From)
	s.text("to", &nt.To)
	s.int("min_days", &nt.MinDays)
	s.key("calendar")
	s.begin()
	s.bool("working_days", &nt.Calendar.WorkingDays)
	s.key("holidays")
	list(s.codec, &nt.Calendar.Holidays, func(d *Date) { s.codec.text(d) })
	s.key("workdays")
	list(s.codec, &nt.Calendar.Workdays, func(d *Date) { s.codec.text(d) })
	s.end()
	s.key("objections")
	list(s.codec, &nt.Objections, func(o *Objection) {
		s.begin()
		s.text("received", &o.Received)
		s.str("person", &o.Person)
		s.text("ground", &o.Ground)
		s.bool("upheld", &o.Upheld)
		s.str("ref", &o.Ref)
		s.end()
	})
	s.end()
}

func (s schema) slateStep(x *SlateStep) {
	s.begin()
	s.key("difference")
	s.difference(&x.Difference)
	s.bool("nominees_in_base", &x.NomineesInBase)
	s.int("from_above", &x.FromAbove)
	s.key("slate")
	s.slate(&x.Slate)
	s.reasons(&x.Reasons)
	s.end()
}

func (s schema) slate(sl *ballot.Slate) {
	s.begin()
	s.str("office", &sl.Office)
	s.int("seats", &sl.Seats)
	s.key("candidates")
	list(s.codec, &sl.Candidates, func(c *ballot.Candidate) {
		s.begin()
		s.str("id", &c.ID)
		s.str("name", &c.Name)
		s.key("attrs")
		sortedMap(s, &c.Attrs, func(k, v *string) {
			s.str("key", k)
			s.str("value", v)
		})
		s.end()
	})
	s.end()
}
