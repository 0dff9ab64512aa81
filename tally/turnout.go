package tally

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/chae-go/chae/tally/count"
)

// Turnout is the attendance and ballot figures of one round of voting.
type Turnout struct {
	// Entitled is the number of those entitled to vote who should attend (应到): the members of the
	// meeting, the registered voters of the constituency, all the deputies of the congress.
	Entitled int `json:"entitled"`
	// Present is the number of those entitled to vote who are present and take part (实到;
	// 参加投票的选民, "voters who voted", in a direct election).
	Present int `json:"present"`
	// Issued is the number of ballot papers issued.
	Issued int `json:"issued"`
	// Returned is the number of ballot papers returned (收回), as the counting team declares it
	// before the ballots are counted: Declare(46), or Declare(0) when none were. A declared figure
	// must equal Counts.Ballots: a count that differs has lost or gained ballots (a file cut short,
	// a box missing or counted twice). Left undeclared (the zero value), Decide takes the ballots
	// counted as the ballots returned, except that it refuses to decide a round that took place
	// with no ballot counted at all: that needs Returned declared as 0.
	Returned Declared `json:"returned"`
}

// Declared is a figure the counting team may declare or leave out. Its zero value is "not
// declared", which is not the same as a declared 0: Declare(0) says that the figure is known to be
// zero. In a record and a definition file a declared figure is a number and an undeclared one is
// null (or, in a definition, left out); the record's digest covers the difference.
type Declared struct {
	n  int
	ok bool
}

// Declare returns n as a declared figure.
func Declare(n int) Declared { return Declared{n: n, ok: true} }

// Get returns the figure and true, or 0 and false when it is not declared.
func (d Declared) Get() (int, bool) { return d.n, d.ok }

// IsDeclared reports whether the figure is declared.
func (d Declared) IsDeclared() bool { return d.ok }

// Or returns the figure, or n when it is not declared.
func (d Declared) Or(n int) int {
	if d.ok {
		return d.n
	}
	return n
}

// String returns the figure in decimal, or "not declared".
func (d Declared) String() string {
	if !d.ok {
		return "not declared"
	}
	return strconv.Itoa(d.n)
}

// MarshalJSON encodes a declared figure as a JSON number and an undeclared one as null.
func (d Declared) MarshalJSON() ([]byte, error) {
	if !d.ok {
		return []byte("null"), nil
	}
	return strconv.AppendInt(nil, int64(d.n), 10), nil
}

// UnmarshalJSON decodes a whole number as a declared figure and null as an undeclared one.
func (d *Declared) UnmarshalJSON(data []byte) error {
	if bytes.Equal(data, []byte("null")) {
		*d = Declared{}
		return nil
	}
	var n int
	if err := json.Unmarshal(data, &n); err != nil {
		return err
	}
	*d = Declare(n)
	return nil
}

// Base names the figure a threshold or a validity test is measured against. Which base applies is
// the single most important difference between the election systems (docs/rules.md N1).
type Base uint8

const (
	// OfPresent: those entitled to vote who are present and vote (实到会有选举权的人数; 参加投票的
	// 选民). CPC grassroots organisations (docs/rules.md B6) and direct elections under the Electoral Law
	// (A4). It is the zero value.
	OfPresent Base = iota
	// OfEntitled: all those entitled to vote, present or not (应到会有选举权的人数; 全体代表). CPC
	// local congresses (C4) and indirect elections under the Electoral Law (A5).
	OfEntitled
	// OfIssued: the ballot papers issued (发出的选票). The base of the 1990 CPC poll-validity rule (B7).
	OfIssued
	// OfReturned: the ballot papers returned (收回的选票), valid or not: the reading taken here of
	// "选票" in the Electoral Law's supplementary-round rule (A7).
	OfReturned
	// OfValid: the valid ballots only. Vietnam (E3).
	OfValid
	numBases
)

var baseNames = [...]string{"present", "entitled", "issued", "returned", "valid"}

// String returns "present", "entitled", "issued", "returned" or "valid".
func (b Base) String() string {
	if b < numBases {
		return baseNames[b]
	}
	return fmt.Sprintf("Base(%d)", uint8(b))
}

// MarshalText encodes the base as String does.
func (b Base) MarshalText() ([]byte, error) {
	if b >= numBases {
		return nil, fmt.Errorf("tally: %w: %v", ErrRules, b)
	}
	return []byte(b.String()), nil
}

// UnmarshalText accepts the names String returns.
func (b *Base) UnmarshalText(t []byte) error {
	return unmarshalRule(t, baseNames[:], b, "base")
}

// of returns the figure of the base in a round with the given turnout and counts. Returned is
// taken from c.Ballots when t.Returned is not declared, valid from c.Valid.
func (b Base) of(t Turnout, c count.Counts) int {
	switch b {
	case OfPresent:
		return t.Present
	case OfEntitled:
		return t.Entitled
	case OfIssued:
		return t.Issued
	case OfReturned:
		return t.Returned.Or(c.Ballots)
	case OfValid:
		return c.Valid
	}
	return 0
}

// Check reports whether the turnout is consistent in itself and with the counts of its round: no
// figure negative, no more present than entitled, Returned equal to c.Ballots when it is
// declared, and, when it is not, at least one ballot counted if anyone is present: a round of
// those present with no ballot counted is a count that lost its ballots until the counting team
// declares that none were returned (Returned: Declare(0)). It returns nil or a *TurnoutError
// wrapping ErrTurnout.
//
// More ballots returned than issued (or than present) is not an error here: it makes the poll void,
// which is a decision (see Rules.VoidWhenReturnedExceeds). Fewer ballots than present is not an
// error either: a voter may keep the ballot paper.
func (t Turnout) Check(c count.Counts) error {
	if err := t.checkFigures(); err != nil {
		return err
	}
	returned, declared := t.Returned.Get()
	switch {
	case declared && returned != c.Ballots:
		return &TurnoutError{Field: "returned", Detail: fmt.Sprintf("%d returned but %d counted", returned, c.Ballots), Err: ErrTurnout}
	case !declared && c.Ballots == 0 && t.Present > 0:
		return &TurnoutError{Field: "returned", Detail: fmt.Sprintf("not declared, and no ballot counted of %d present (declare 0 if none was returned)", t.Present), Err: ErrTurnout}
	}
	return nil
}

// checkFigures is the part of Check that needs no counts: no figure negative, no more present
// than entitled.
func (t Turnout) checkFigures() error {
	fail := func(field string, detail string) error {
		return &TurnoutError{Field: field, Detail: detail, Err: ErrTurnout}
	}
	switch {
	case t.Entitled < 0:
		return fail("entitled", "negative")
	case t.Present < 0:
		return fail("present", "negative")
	case t.Issued < 0:
		return fail("issued", "negative")
	case t.Returned.ok && t.Returned.n < 0:
		return fail("returned", "negative")
	case t.Present > t.Entitled:
		return fail("present", fmt.Sprintf("%d present but only %d entitled", t.Present, t.Entitled))
	}
	return nil
}
