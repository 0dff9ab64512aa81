package composition

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/chae-go/chae/ballot"
)

// DateLayout is the layout of date attributes ("born", "joined"): a calendar date, YYYY-MM-DD.
const DateLayout = "2006-01-02"

type predOp uint8

const (
	opAll predOp = iota
	opIs
	opIn
	opHas
	opBefore
	opAfter
	opAgeUnder
	opAnd
	opOr
	opNot
)

// Predicate selects candidates by their attributes (ballot.Candidate.Attrs). Build predicates with
// Is, Has, In, Before, After, AgeUnder, And, Or and Not. The zero value selects every candidate.
//
// Equality and membership compare attribute values exactly (case-sensitive); a missing attribute
// equals no value. Date predicates read the attribute as a calendar date (DateLayout); a missing
// or malformed date is an error, not a silent "no", so that a roster with a gap in its birth dates
// cannot under-count the young. And and Or evaluate their operands left to right and stop at the
// first operand that decides, so an attribute that only some candidates carry (honours of
// front-line members) can be guarded: And(Is("sector", "frontline"), After("joined", t)).
//
// Predicates are immutable values, safe for concurrent use.
type Predicate struct{ p *pred }

type pred struct {
	op    predOp
	key   string
	vals  []string // opIs: one value; opIn: sorted distinct values
	on    time.Time
	years int
	kids  []Predicate
}

// Is selects candidates whose attribute key equals value: Is("gender", "female").
func Is(key, value string) Predicate {
	return Predicate{&pred{op: opIs, key: key, vals: []string{value}}}
}

// Has selects candidates that carry the attribute key with a non-empty value.
func Has(key string) Predicate {
	return Predicate{&pred{op: opHas, key: key}}
}

// In selects candidates whose attribute key is one of values: In("education", "college",
// "university", "postgraduate"). With no values it selects no one.
func In(key string, values ...string) Predicate {
	vs := slices.Clone(values)
	slices.Sort(vs)
	vs = slices.Compact(vs)
	return Predicate{&pred{op: opIn, key: key, vals: vs}}
}

// Before selects candidates whose date attribute key is strictly before the calendar date of t
// (its year, month and day; the clock and location are ignored).
func Before(key string, t time.Time) Predicate {
	return Predicate{&pred{op: opBefore, key: key, on: civil(t)}}
}

// After selects candidates whose date attribute key is strictly after the calendar date of t:
// "joined the party after the reform and opening-up" is After("joined", 1978-12-31) for a party
// that dates reform from the end of 1978.
func After(key string, t time.Time) Predicate {
	return Predicate{&pred{op: opAfter, key: key, on: civil(t)}}
}

// AgeUnder selects candidates who, by their birth date attribute key, are younger than years on
// the calendar date of on: whose age in completed years on that date (see Age) is below years.
// "Under 55 years old" on the congress's opening day is AgeUnder("born", 55, opening).
func AgeUnder(key string, years int, on time.Time) Predicate {
	return Predicate{&pred{op: opAgeUnder, key: key, years: years, on: civil(on)}}
}

// And selects candidates every one of ps selects; with no operands it selects everyone.
func And(ps ...Predicate) Predicate {
	return Predicate{&pred{op: opAnd, kids: slices.Clone(ps)}}
}

// Or selects candidates at least one of ps selects; with no operands it selects no one.
func Or(ps ...Predicate) Predicate {
	return Predicate{&pred{op: opOr, kids: slices.Clone(ps)}}
}

// Not selects the candidates p does not select. A candidate for whom p is an error is an error.
func Not(p Predicate) Predicate {
	return Predicate{&pred{op: opNot, kids: []Predicate{p}}}
}

// civil returns the calendar date of t at midnight UTC.
func civil(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Age returns the age in completed years on the calendar date on of a person born on the calendar
// date born: the number of birthdays reached by that day, counting the birthday itself. A person
// born on 29 February reaches a birthday in a common year on 1 March. An on before born gives a
// negative age.
func Age(born, on time.Time) int {
	by, bm, bd := born.Date()
	oy, om, od := on.Date()
	a := oy - by
	if om < bm || (om == bm && od < bd) {
		a--
	}
	return a
}

// Match reports whether p selects the candidate. The error, an *AttributeError with Index 0, says
// which date attribute could not be read.
func (p Predicate) Match(c ballot.Candidate) (bool, error) {
	ok, err := p.match(c)
	if err != nil {
		var ae *AttributeError
		if errors.As(err, &ae) {
			ae.ID = c.ID
		}
	}
	return ok, err
}

func (p Predicate) match(c ballot.Candidate) (bool, error) {
	q := p.p
	if q == nil {
		return true, nil
	}
	switch q.op {
	case opIs:
		v, ok := c.Attrs[q.key]
		return ok && v == q.vals[0], nil
	case opHas:
		return c.Attrs[q.key] != "", nil
	case opIn:
		v, ok := c.Attrs[q.key]
		if !ok {
			return false, nil
		}
		_, found := slices.BinarySearch(q.vals, v)
		return found, nil
	case opBefore, opAfter, opAgeUnder:
		d, err := dateAttr(c, q.key)
		if err != nil {
			return false, err
		}
		switch q.op {
		case opBefore:
			return d.Before(q.on), nil
		case opAfter:
			return d.After(q.on), nil
		}
		return Age(d, q.on) < q.years, nil
	case opAnd:
		for _, k := range q.kids {
			ok, err := k.match(c)
			if err != nil || !ok {
				return false, err
			}
		}
		return true, nil
	case opOr:
		for _, k := range q.kids {
			ok, err := k.match(c)
			if err != nil || ok {
				return ok, err
			}
		}
		return false, nil
	case opNot:
		ok, err := q.kids[0].match(c)
		return !ok && err == nil, err
	}
	return true, nil
}

// dateAttr reads the date attribute key of c.
func dateAttr(c ballot.Candidate, key string) (time.Time, error) {
	v := c.Attrs[key]
	if v == "" {
		return time.Time{}, &AttributeError{Key: key, Err: ErrMissingAttribute}
	}
	t, ok := parseDate(v)
	if !ok {
		return time.Time{}, &AttributeError{Key: key, Value: v, Err: ErrBadAttribute}
	}
	return t, nil
}

// parseDate reads a calendar date YYYY-MM-DD (a real day of the Gregorian calendar) as midnight
// UTC, as time.Parse(DateLayout, s) would, without allocating.
func parseDate(s string) (time.Time, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return time.Time{}, false
	}
	num := func(t string) (int, bool) {
		n := 0
		for i := 0; i < len(t); i++ {
			if t[i] < '0' || t[i] > '9' {
				return 0, false
			}
			n = n*10 + int(t[i]-'0')
		}
		return n, true
	}
	y, ok1 := num(s[:4])
	m, ok2 := num(s[5:7])
	d, ok3 := num(s[8:])
	if !ok1 || !ok2 || !ok3 || m < 1 || m > 12 || d < 1 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d { // 31 April, 29 February of a common year
		return time.Time{}, false
	}
	return t, true
}

// String describes p: "sector=frontline", "education in {college, university}",
// "born after 1978-12-31", "age(born) < 55 on 2022-10-16", "(a AND b)", "NOT a", "everyone".
func (p Predicate) String() string {
	var b strings.Builder
	p.write(&b)
	return b.String()
}

func (p Predicate) write(b *strings.Builder) {
	q := p.p
	if q == nil {
		b.WriteString("everyone")
		return
	}
	switch q.op {
	case opIs:
		b.WriteString(q.key + "=" + q.vals[0])
	case opIn:
		b.WriteString(q.key + " in {" + strings.Join(q.vals, ", ") + "}")
	case opHas:
		b.WriteString("has " + q.key)
	case opBefore:
		b.WriteString(q.key + " before " + q.on.Format(DateLayout))
	case opAfter:
		b.WriteString(q.key + " after " + q.on.Format(DateLayout))
	case opAgeUnder:
		fmt.Fprintf(b, "age(%s) < %d on %s", q.key, q.years, q.on.Format(DateLayout))
	case opAnd, opOr:
		if len(q.kids) == 0 {
			if q.op == opAnd {
				b.WriteString("everyone")
			} else {
				b.WriteString("no one")
			}
			return
		}
		sep := " AND "
		if q.op == opOr {
			sep = " OR "
		}
		b.WriteByte('(')
		for i, k := range q.kids {
			if i > 0 {
				b.WriteString(sep)
			}
			k.write(b)
		}
		b.WriteByte(')')
	case opNot:
		b.WriteString("NOT ")
		q.kids[0].write(b)
	}
}
