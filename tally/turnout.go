package tally

import (
	"fmt"

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
	// Returned is the number of ballot papers returned. Zero means "as counted": Decide takes it
	// from Counts.Ballots. A non-zero figure must equal Counts.Ballots.
	Returned int `json:"returned"`
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

// Of returns the figure of the base in a round with the given turnout and counts. Returned is
// taken from c.Ballots when t.Returned is zero, valid from c.Valid.
func (b Base) Of(t Turnout, c count.Counts) int {
	switch b {
	case OfPresent:
		return t.Present
	case OfEntitled:
		return t.Entitled
	case OfIssued:
		return t.Issued
	case OfReturned:
		if t.Returned == 0 {
			return c.Ballots
		}
		return t.Returned
	case OfValid:
		return c.Valid
	}
	return 0
}

// Check reports whether the turnout is consistent in itself and with the counts of its round: no
// figure negative, no more present than entitled, and Returned either zero or equal to
// c.Ballots. It returns nil or a *TurnoutError wrapping ErrTurnout.
//
// More ballots returned than issued (or than present) is not an error here: it makes the poll void,
// which is a decision (see Rules.VoidWhenReturnedExceeds).
func (t Turnout) Check(c count.Counts) error {
	if err := t.checkFigures(); err != nil {
		return err
	}
	if t.Returned != 0 && t.Returned != c.Ballots {
		return &TurnoutError{Field: "returned", Detail: fmt.Sprintf("%d returned but %d counted", t.Returned, c.Ballots), Err: ErrTurnout}
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
	case t.Returned < 0:
		return fail("returned", "negative")
	case t.Present > t.Entitled:
		return fail("present", fmt.Sprintf("%d present but only %d entitled", t.Present, t.Entitled))
	}
	return nil
}

// withReturned returns t with Returned filled in from the counts.
func (t Turnout) withReturned(c count.Counts) Turnout {
	if t.Returned == 0 {
		t.Returned = c.Ballots
	}
	return t
}
