package nominate

import (
	"bytes"
	"fmt"
	"io"
	"slices"
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
	format := RecordFormat
	schema{e}.record(r, &format)
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
	format := RecordFormat
	schema{e}.record(r, &format)
	if _, err := e.finish(); err != nil {
		return "", err
	}
	return e.digest, nil
}

// DecodeRecord reads a record in its canonical encoding. It refuses (ErrRecord) anything that is
// not byte for byte the canonical encoding of what it decodes — other spacing, member order,
// escapes, number forms, a fraction not in lowest terms, an unknown member — and a digest that
// does not match the content.
func DecodeRecord(data []byte) (*Record, error) {
	fail := func(detail string) (*Record, error) {
		return nil, fmt.Errorf("nominate: record: %s: %w", detail, ErrRecord)
	}
	d := &dec{data: data}
	r := &Record{}
	var format, digest string
	schema{d}.record(r, &format)
	d.key("digest")
	d.str(&digest)
	d.expect("}")
	if d.err == nil && d.pos < len(data) {
		d.fail("the end of the record")
	}
	if d.err != nil {
		return fail(d.err.Error())
	}
	if format != RecordFormat {
		return fail(fmt.Sprintf("format %q, want %q", format, RecordFormat))
	}
	var b bytes.Buffer
	if _, err := r.WriteTo(&b); err != nil {
		return fail(err.Error())
	}
	if !bytes.Equal(b.Bytes(), data) {
		got, _ := r.Digest()
		if got != digest {
			return fail(fmt.Sprintf("digest %q does not match the content (%q)", digest, got))
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
