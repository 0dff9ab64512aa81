package nominate

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"io"
	"maps"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/quota"
	"github.com/chae-go/chae/tally/count"
)

// RecordFormat is the "format" member of every nomination record.
const RecordFormat = "chae.nomination/1"

// Record is everything a nomination did, as plain data: the organisations, every up (rules,
// decisions, second-round counts, every organisation's node), the lists sent down, the steps
// after the ups, and the slate. Nomination.Record makes it; DecodeRecord reads it back.
//
// Its canonical encoding (WriteTo, MarshalJSON) is described in the package documentation,
// byte by byte, so that it can be checked in any language; its digest is the SHA-256 of that
// encoding without the digest member. The same inputs give the same bytes, whatever their order
// or the number of workers.
type Record struct {
	Unit   OrgID
	Seats  int
	Orgs   []Org // tree order
	Passes []*Pass
	Downs  []Down
	Steps  []Step
	Slate  *SlateStep
}

// Record returns the nomination's record. It shares the passes and steps with the nomination.
func (n *Nomination) Record() *Record {
	r := &Record{Unit: n.tree.Root(), Seats: n.seats, Orgs: n.tree.Orgs(), Passes: slices.Clone(n.passes),
		Downs: slices.Clone(n.downs), Steps: slices.Clone(n.steps), Slate: n.slate}
	return r
}

// Funnel returns the record's funnel, as Nomination.Funnel computes it.
func (r *Record) Funnel() Funnel {
	f := Funnel{Seats: r.Seats}
	if len(r.Passes) == 0 {
		return f
	}
	root := r.Passes[0].Root()
	f.Named, f.Recommendations, f.Distinct = root.Named, root.Received, root.Distinct
	for _, e := range r.Passes[len(r.Passes)-1].Root().List {
		if e.Origin == Above {
			f.FromAbove++
		} else {
			f.Recommended++
		}
	}
	sizes := map[Stage]*int{Inspected: &f.Inspected, Preliminary: &f.Preliminary, Prospective: &f.Prospective}
	split := func(es []Entry) (n, above int) {
		for _, e := range es {
			if e.Origin == Above {
				above++
			} else {
				n++
			}
		}
		return n, above
	}
	for _, s := range r.Steps {
		var list []Entry
		var st Stage
		switch {
		case s.Shortlist != nil:
			list, st = s.Shortlist.List, s.Shortlist.Stage
			*sizes[st], _ = split(list)
			continue
		case s.Vetting != nil:
			list, st = s.Vetting.List, s.Vetting.Stage
		case s.Notice != nil && s.Notice.Vetting != nil:
			list, st = s.Notice.Vetting.List, s.Notice.Vetting.Stage
		default:
			continue
		}
		k, a := split(list)
		if st == Recommended {
			f.Recommended = k
		} else {
			*sizes[st] = k
		}
		f.FromAbove = a
	}
	if r.Slate != nil {
		f.Candidates = len(r.Slate.Slate.Candidates)
	}
	return f
}

// WriteTo writes the canonical encoding of the record, digest included, to w.
func (r *Record) WriteTo(w io.Writer) (int64, error) {
	e := newEnc(w)
	e.record(r)
	return e.finish()
}

// MarshalJSON returns the canonical encoding (it is JSON).
func (r *Record) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	if _, err := r.WriteTo(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Digest returns "sha256:" and the lowercase hexadecimal SHA-256 of the canonical encoding
// without its digest member.
func (r *Record) Digest() (string, error) {
	e := newEnc(io.Discard)
	e.record(r)
	if _, err := e.finish(); err != nil {
		return "", err
	}
	return e.digest, nil
}

// enc writes the canonical encoding to an output and a hash at once, through a buffer.
type enc struct {
	out    io.Writer
	h      hash.Hash
	b      []byte // pending bytes
	n      int64
	first  bool
	err    error
	digest string
}

func newEnc(w io.Writer) *enc { return &enc{out: w, h: sha256.New(), b: make([]byte, 0, 64<<10)} }

func (e *enc) flush() {
	if e.err == nil && len(e.b) > 0 {
		var n int
		n, e.err = e.out.Write(e.b)
		e.n += int64(n)
	}
	e.h.Write(e.b)
	e.b = e.b[:0]
}

func (e *enc) raw(s string) {
	e.b = append(e.b, s...)
	if len(e.b) >= 60<<10 {
		e.flush()
	}
}

func (e *enc) finish() (int64, error) {
	e.flush()
	// The digest covers the encoding without the digest member: everything so far and "}".
	e.h.Write([]byte("}"))
	e.digest = "sha256:" + hex.EncodeToString(e.h.Sum(nil))
	e.b = append(e.b, `,"digest":"`+e.digest+`"}`...)
	if e.err == nil {
		var n int
		n, e.err = e.out.Write(e.b)
		e.n += int64(n)
	}
	return e.n, e.err
}

func (e *enc) open()  { e.raw("{"); e.first = true }
func (e *enc) close() { e.raw("}"); e.first = false }

// k writes a member's name (and the comma before it).
func (e *enc) k(name string) {
	if !e.first {
		e.raw(",")
	}
	e.first = false
	e.raw(`"`)
	e.raw(name)
	e.raw(`":`)
}

func (e *enc) str(s string) {
	b := append(e.b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"':
				b = append(b, '\\', '"')
			case c == '\\':
				b = append(b, '\\', '\\')
			case c < 0x20:
				b = append(b, '\\', 'u', '0', '0', "0123456789abcdef"[c>>4], "0123456789abcdef"[c&0xf])
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = utf8.AppendRune(b, utf8.RuneError)
		} else {
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	e.b = append(b, '"')
	if len(e.b) >= 60<<10 {
		e.flush()
	}
}

func (e *enc) int(v int) {
	e.b = strconv.AppendInt(e.b, int64(v), 10)
	if len(e.b) >= 60<<10 {
		e.flush()
	}
}

func (e *enc) bool(v bool) {
	if v {
		e.raw("true")
	} else {
		e.raw("false")
	}
}

func (e *enc) text(m interface{ MarshalText() ([]byte, error) }) {
	b, err := m.MarshalText()
	if err != nil {
		if e.err == nil {
			e.err = err
		}
		return
	}
	e.str(string(b))
}

func (e *enc) strs(ss []string) {
	e.raw("[")
	for i, s := range ss {
		if i > 0 {
			e.raw(",")
		}
		e.str(s)
	}
	e.raw("]")
}

func arr[T any](e *enc, xs []T, f func(T)) {
	e.raw("[")
	for i, x := range xs {
		if i > 0 {
			e.raw(",")
		}
		f(x)
	}
	e.raw("]")
}

func (e *enc) record(r *Record) {
	e.open()
	e.k("format")
	e.str(RecordFormat)
	e.k("unit")
	e.str(string(r.Unit))
	e.k("seats")
	e.int(r.Seats)
	e.k("orgs")
	arr(e, r.Orgs, e.org)
	e.k("passes")
	arr(e, r.Passes, e.pass)
	e.k("downs")
	arr(e, r.Downs, e.down)
	e.k("steps")
	arr(e, r.Steps, e.step)
	e.k("slate")
	if r.Slate == nil {
		e.raw("null")
	} else {
		e.slateStep(r.Slate)
	}
	// finish closes the object after the digest member.
}

func (e *enc) org(o Org) {
	e.open()
	e.k("id")
	e.str(string(o.ID))
	e.k("parent")
	e.str(string(o.Parent))
	e.k("name")
	e.str(o.Name)
	e.k("kind")
	e.text(o.Kind)
	e.k("members")
	e.int(o.Members)
	e.k("probationary")
	e.int(o.Probationary)
	e.k("places")
	e.int(o.Places)
	e.close()
}

func (e *enc) threshold(t quota.Threshold) {
	e.k("share")
	e.str(t.Share.String())
	e.k("boundary")
	e.text(t.Boundary)
}

func (e *enc) difference(d quota.Difference) {
	e.open()
	e.k("min_share")
	e.str(d.MinShare.String())
	e.k("min_boundary")
	e.text(d.MinBoundary)
	e.k("max_share")
	e.str(d.MaxShare.String())
	e.k("min_surplus")
	e.int(d.MinSurplus)
	e.k("max_surplus")
	e.int(d.MaxSurplus)
	e.k("steps")
	arr(e, d.Steps, func(s quota.SurplusStep) {
		e.open()
		e.k("min_seats")
		e.int(s.MinSeats)
		e.k("min_surplus")
		e.int(s.MinSurplus)
		e.close()
	})
	e.k("equal_allowed")
	e.bool(d.EqualAllowed)
	e.k("source")
	e.str(d.Source)
	e.close()
}

func (e *enc) size(s Size) {
	e.open()
	e.k("kind")
	e.text(s.Kind)
	e.k("surplus")
	e.difference(s.Surplus)
	e.k("share")
	e.open()
	e.threshold(s.Share)
	e.close()
	e.k("take")
	e.text(s.Take)
	e.close()
}

func (e *enc) rule(r Rule) {
	e.open()
	e.k("basis")
	e.text(r.Basis)
	e.k("universe")
	e.text(r.Universe)
	e.k("members")
	e.open()
	e.threshold(r.Members.Threshold)
	e.k("base")
	e.text(r.Members.Base)
	e.close()
	e.k("orgs")
	e.open()
	e.threshold(r.Orgs.Threshold)
	e.k("scope")
	e.text(r.Orgs.Scope)
	e.k("base")
	e.text(r.Orgs.Base)
	e.close()
	e.k("size")
	e.size(r.Size)
	e.k("order")
	arr(e, r.Order, func(k Key) { e.text(k) })
	e.k("at_cut")
	e.text(r.AtCut)
	e.k("shortfall")
	e.open()
	e.k("rule")
	e.text(r.Shortfall.Rule)
	e.k("candidates")
	e.difference(r.Shortfall.Candidates)
	e.close()
	e.k("participation")
	e.open()
	e.threshold(r.Participation)
	e.close()
	e.k("count_probationary")
	e.bool(r.CountProbationary)
	e.k("allow_unvoted")
	e.bool(r.AllowUnvoted)
	e.k("source")
	e.str(r.Source)
	e.close()
}

func (e *enc) rules(rs Rules) {
	e.open()
	e.k("default")
	e.rule(rs.Default)
	e.k("by_kind")
	arr(e, slices.Sorted(maps.Keys(rs.ByKind)), func(k Kind) {
		e.open()
		e.k("kind")
		e.text(k)
		e.k("rule")
		e.rule(rs.ByKind[k])
		e.close()
	})
	e.k("by_org")
	arr(e, slices.Sorted(maps.Keys(rs.ByOrg)), func(id OrgID) {
		e.open()
		e.k("org")
		e.str(string(id))
		e.k("rule")
		e.rule(rs.ByOrg[id])
		e.close()
	})
	e.close()
}

func (e *enc) counts(c count.Counts) {
	e.open()
	e.k("ballots")
	e.int(c.Ballots)
	e.k("valid")
	e.int(c.Valid)
	e.k("invalid")
	e.int(c.Invalid)
	e.k("spoiled")
	e.int(c.Spoiled)
	e.k("candidates")
	arr(e, c.Candidates, func(x count.CandidateCount) {
		e.open()
		e.k("id")
		e.str(x.ID)
		e.k("for")
		e.int(x.For)
		e.k("against")
		e.int(x.Against)
		e.k("abstain")
		e.int(x.Abstain)
		e.close()
	})
	e.k("write_ins")
	arr(e, c.WriteIns, func(w count.WriteInCount) {
		e.open()
		e.k("name")
		e.str(w.Name)
		e.k("votes")
		e.int(w.Votes)
		e.k("same_as")
		e.str(w.SameAs)
		e.close()
	})
	e.close()
}

func (e *enc) pass(p *Pass) {
	e.open()
	e.k("round")
	e.int(p.Round)
	e.k("tally_levels")
	e.int(p.TallyLevels)
	e.k("rules")
	e.rules(p.Rules)
	e.k("decisions")
	arr(e, p.Decisions, func(d Decision) {
		e.open()
		e.k("org")
		e.str(string(d.Org))
		e.k("op")
		e.text(d.Op)
		e.k("persons")
		e.strs(d.Persons)
		e.k("ground")
		e.text(d.Ground)
		e.k("ref")
		e.str(d.Ref)
		e.close()
	})
	e.k("second")
	arr(e, p.Second, func(s Second) {
		e.open()
		e.k("org")
		e.str(string(s.Org))
		e.k("counts")
		e.counts(s.Counts)
		e.close()
	})
	e.k("nodes")
	arr(e, p.Nodes, e.node)
	e.close()
}

func (e *enc) turnout(t Turnout) {
	e.open()
	e.k("ballots")
	e.int(t.Ballots)
	e.k("invalid")
	e.int(t.Invalid)
	e.k("spoiled")
	e.int(t.Spoiled)
	e.close()
}

func (e *enc) tallyMembers(t Tally) {
	e.k("person")
	e.str(t.Person)
	e.k("votes")
	e.int(t.Votes)
	e.k("full")
	e.int(t.Full)
	e.k("against")
	e.int(t.Against)
	e.k("orgs")
	e.int(t.Orgs)
	e.k("branches")
	e.int(t.Branches)
	e.k("cleared")
	e.int(int(t.Cleared))
	e.k("passed")
	e.bool(t.Passed)
}

func (e *enc) entry(x Entry) {
	e.open()
	e.tallyMembers(x.Tally)
	e.k("rank")
	e.int(x.Rank)
	e.k("origin")
	e.text(x.Origin)
	e.close()
}

func (e *enc) tie(t *Tie) {
	if t == nil {
		e.raw("null")
		return
	}
	e.open()
	e.k("persons")
	e.strs(t.Persons)
	e.k("rank")
	e.int(t.Rank)
	e.k("places")
	e.int(t.Places)
	e.close()
}

func (e *enc) reason(r Reason) {
	e.open()
	e.k("kind")
	e.text(r.Kind)
	e.k("org")
	e.str(string(r.Org))
	e.k("persons")
	e.strs(r.Persons)
	e.k("figures")
	arr(e, r.Figures, func(f Figure) {
		e.open()
		e.k("kind")
		e.text(f.Kind)
		e.k("value")
		e.int(f.Value)
		e.close()
	})
	e.k("ground")
	e.text(r.Ground)
	e.k("ref")
	e.str(r.Ref)
	e.k("rule")
	e.str(r.Rule)
	e.close()
}

func (e *enc) node(n Node) {
	e.open()
	e.k("org")
	e.str(string(n.Org))
	e.k("kind")
	e.text(n.Kind)
	for _, f := range []struct {
		name string
		v    int
	}{{"depth", n.Depth}, {"places", n.Places}} {
		e.k(f.name)
		e.int(f.v)
	}
	e.k("counted")
	e.bool(n.Counted)
	e.k("members")
	e.int(n.Members)
	e.k("probationary")
	e.int(n.Probationary)
	e.k("all")
	e.turnout(n.All)
	e.k("full")
	e.turnout(n.Full)
	for _, f := range []struct {
		name string
		v    int
	}{{"uncounted", n.Uncounted}, {"leaves", n.Leaves}, {"leaves_counted", n.LeavesCounted},
		{"children", n.Children}, {"children_counted", n.ChildrenCounted}, {"named", n.Named},
		{"received", n.Received}, {"distinct", n.Distinct}, {"member_base", n.MemberBase},
		{"member_needed", n.MemberNeeded}, {"org_base", n.OrgBase}, {"org_needed", n.OrgNeeded},
		{"passers", n.Passers}, {"min", n.Min}, {"max", n.Max}} {
		e.k(f.name)
		e.int(f.v)
	}
	e.k("tallies")
	if n.Tallies == nil {
		e.raw("null")
	} else {
		arr(e, n.Tallies, func(t Tally) { e.open(); e.tallyMembers(t); e.close() })
	}
	e.k("list")
	arr(e, n.List, e.entry)
	e.k("tie")
	e.tie(n.Tie)
	e.k("short")
	e.int(n.Short)
	e.k("second")
	e.strs(n.Second)
	e.k("reasons")
	arr(e, n.Reasons, e.reason)
	e.close()
}

func (e *enc) down(d Down) {
	e.open()
	e.k("round")
	e.int(d.Round)
	e.k("org")
	e.str(string(d.Org))
	e.k("seats")
	e.int(d.Seats)
	e.k("persons")
	e.strs(d.Persons)
	e.close()
}

func (e *enc) step(s Step) {
	e.open()
	e.k("shortlist")
	if s.Shortlist == nil {
		e.raw("null")
	} else {
		e.shortlist(s.Shortlist)
	}
	e.k("vetting")
	e.vetting(s.Vetting)
	e.k("notice")
	if s.Notice == nil {
		e.raw("null")
	} else {
		e.noticeStep(s.Notice)
	}
	e.close()
}

func (e *enc) shortlist(s *Shortlist) {
	e.open()
	e.k("stage")
	e.text(s.Stage)
	e.k("rule")
	e.open()
	e.k("places")
	e.int(s.Rule.Places)
	e.k("size")
	e.size(s.Rule.Size)
	e.k("at_cut")
	e.text(s.Rule.AtCut)
	e.k("source")
	e.str(s.Rule.Source)
	e.close()
	e.k("places")
	e.int(s.Places)
	e.k("min")
	e.int(s.Min)
	e.k("max")
	e.int(s.Max)
	e.k("settle")
	e.strs(s.Settle)
	e.k("list")
	arr(e, s.List, e.entry)
	e.k("tie")
	e.tie(s.Tie)
	e.k("short")
	e.int(s.Short)
	e.k("reasons")
	arr(e, s.Reasons, e.reason)
	e.close()
}

func (e *enc) vetting(v *Vetting) {
	if v == nil {
		e.raw("null")
		return
	}
	e.open()
	e.k("stage")
	e.text(v.Stage)
	e.k("policy")
	e.text(v.Policy)
	e.k("removals")
	arr(e, v.Removals, func(r Removal) {
		e.open()
		e.k("person")
		e.str(r.Person)
		e.k("ground")
		e.text(r.Ground)
		e.k("ref")
		e.str(r.Ref)
		e.close()
	})
	e.k("settle")
	e.strs(v.Settle)
	e.k("list")
	arr(e, v.List, e.entry)
	e.k("tie")
	e.tie(v.Tie)
	e.k("reopen")
	e.int(v.Reopen)
	e.k("reasons")
	arr(e, v.Reasons, e.reason)
	e.close()
}

func (e *enc) noticeStep(s *NoticeStep) {
	e.open()
	e.k("stage")
	e.text(s.Stage)
	e.k("notice")
	nt := s.Notice
	e.open()
	e.k("scope")
	e.str(nt.Scope)
	e.k("from")
	e.text(nt.From)
	e.k("to")
	e.text(nt.To)
	e.k("min_days")
	e.int(nt.MinDays)
	e.k("calendar")
	e.open()
	e.k("working_days")
	e.bool(nt.Calendar.WorkingDays)
	e.k("holidays")
	arr(e, nt.Calendar.Holidays, func(d Date) { e.text(d) })
	e.k("workdays")
	arr(e, nt.Calendar.Workdays, func(d Date) { e.text(d) })
	e.close()
	e.k("objections")
	arr(e, nt.Objections, func(o Objection) {
		e.open()
		e.k("received")
		e.text(o.Received)
		e.k("person")
		e.str(o.Person)
		e.k("ground")
		e.text(o.Ground)
		e.k("upheld")
		e.bool(o.Upheld)
		e.k("ref")
		e.str(o.Ref)
		e.close()
	})
	e.close()
	e.k("days")
	e.int(s.Days)
	e.k("vetting")
	e.vetting(s.Vetting)
	e.k("reasons")
	arr(e, s.Reasons, e.reason)
	e.close()
}

func (e *enc) slateStep(s *SlateStep) {
	e.open()
	e.k("difference")
	e.difference(s.Difference)
	e.k("nominees_in_base")
	e.bool(s.NomineesInBase)
	e.k("from_above")
	e.int(s.FromAbove)
	e.k("slate")
	e.slate(s.Slate)
	e.k("reasons")
	arr(e, s.Reasons, e.reason)
	e.close()
}

func (e *enc) slate(s ballot.Slate) {
	e.open()
	e.k("office")
	e.str(s.Office)
	e.k("seats")
	e.int(s.Seats)
	e.k("candidates")
	arr(e, s.Candidates, func(c ballot.Candidate) {
		e.open()
		e.k("id")
		e.str(c.ID)
		e.k("name")
		e.str(c.Name)
		e.k("attrs")
		arr(e, slices.Sorted(maps.Keys(c.Attrs)), func(k string) {
			e.open()
			e.k("key")
			e.str(k)
			e.k("value")
			e.str(c.Attrs[k])
			e.close()
		})
		e.close()
	})
	e.close()
}
