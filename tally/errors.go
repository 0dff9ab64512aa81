package tally

import (
	"errors"
	"fmt"
	"strings"

	"github.com/chae-go/chae/quota"
)

// Sentinels of the election procedure; match with errors.Is. Counts that are not a count of the
// round's slate are refused by count.Check: a *count.CountsError wrapping count.ErrCounts or
// count.ErrSlateMismatch.
var (
	// ErrRules: the rules are malformed (a base or tie rule out of range, a negative count).
	ErrRules = errors.New("invalid rules")
	// ErrTurnout: the turnout figures are inconsistent (see Turnout.Check).
	ErrTurnout = errors.New("inconsistent turnout")
	// ErrDone: the election is over; there is no round to decide.
	ErrDone = errors.New("election is done")
	// ErrNotDone: the election is not over yet.
	ErrNotDone = errors.New("election is not done")
	// ErrLotsNeeded: the rules settle the tie by lot; draw it and pass the order to DrawLots.
	ErrLotsNeeded = errors.New("tie to be settled by lot")
	// ErrLotsOrder: the order given to DrawLots is not the tied candidates, each named once.
	ErrLotsOrder = errors.New("not an order of exactly the tied candidates")
	// ErrNoLots: DrawLots was called, but no tie awaits lots.
	ErrNoLots = errors.New("no tie awaits lots")
	// ErrNoShortfall: seats can be reduced, or candidates nominated, only when a supplementary
	// round is due.
	ErrNoShortfall = errors.New("no supplementary round is due")
	// ErrReduce: a reduction must close between one and the open seats, and give a reason.
	ErrReduce = errors.New("invalid seat reduction")
	// ErrListNeeded: candidates tie at the cut-off of the supplementary list and the rules do not
	// take them all (ListTieNominate); the organisers give the list with Election.Nominate.
	ErrListNeeded = errors.New("supplementary list tied at its cut-off")
	// ErrListSeats: a list given to Nominate is for another number of seats than are open.
	ErrListSeats = errors.New("list for another number of seats than are open")
	// ErrTwoForOne: a list given to Nominate for one seat does not have exactly two candidates,
	// which Shortfall.TwoForOne requires (docs/rules.md A7).
	ErrTwoForOne = errors.New("one seat needs exactly two candidates")
	// ErrBirthDate: the older-candidate tie rule needs a "born" attribute, YYYY-MM-DD.
	ErrBirthDate = errors.New("missing or malformed birth date")
	// ErrRecord: a record cannot be read, or its digest does not match its content, or it does not
	// verify.
	ErrRecord = errors.New("invalid election record")
	// ErrRecordFormat: a record of a format this version does not read (see RecordFormat).
	ErrRecordFormat = errors.New("unsupported record format")
)

// Sentinels for election definitions; a *DefinitionError says where. Match them with errors.Is.
// Problems found by the library's own checks wrap their own sentinels as well: a fraction "1/0"
// wraps quota.ErrZeroDenominator, a duplicate candidate ID ballot.ErrDuplicateID, a negative
// turnout ErrTurnout, a slate too short for the rules' difference rule quota.ErrTooFewCandidates.
var (
	// ErrDefinitionSyntax: the file is not well-formed JSON.
	ErrDefinitionSyntax = errors.New("malformed JSON")
	// ErrUnknownField: a member the schema does not have (or the same member twice).
	ErrUnknownField = errors.New("unknown field")
	// ErrMissingField: a required member is missing.
	ErrMissingField = errors.New("missing field")
	// ErrFieldValue: a member has the wrong type or an unreadable value.
	ErrFieldValue = errors.New("bad value")
	// ErrUnknownPreset: "rules" names no preset (see PresetNames).
	ErrUnknownPreset = errors.New("unknown rules preset")
)

// LotsError reports a tie across the last open seats that the rules settle by lot (TieLots):
// Decide returns it wrapping ErrLotsNeeded until the drawn order is given to DrawLots, and DrawLots
// returns it wrapping ErrLotsOrder for an order that is not exactly the tied candidates. (Not to be
// confused with quota.TieError, a tie in apportioning seats among units.)
type LotsError struct {
	Round int      // the number of the round being decided
	IDs   []string // the tied, in slate order
	Seats int      // the seats they contest
	Order []string // the order given to DrawLots (ErrLotsOrder), or nil
	Err   error    // ErrLotsNeeded or ErrLotsOrder
}

func (e *LotsError) Error() string {
	s := fmt.Sprintf("tally: round %d: %s tied for %s", e.Round, strings.Join(e.IDs, ", "), some(e.Seats, "open seat"))
	if e.Order != nil {
		s += fmt.Sprintf(", lots drawn in the order %s", strings.Join(e.Order, ", "))
	}
	return s + ": " + e.Err.Error()
}

// Unwrap returns the sentinel.
func (e *LotsError) Unwrap() error { return e.Err }

// ListTieError reports a supplementary list tied at its cut-off under ListTieNominate (docs/rules.md
// A7): Listed are sure of their places, Tied tie with Votes votes in the first regular round for
// the Places left. Decide returns it until Election.Nominate gives the list.
type ListTieError struct {
	Round  int      // the number of the supplementary round
	Seats  int      // the seats it fills
	Listed []string // the best placed, by votes, sure of a place on the list
	Tied   []string // tied at the cut-off, in slate order
	Places int      // the places of the list left to the tied
	Votes  int      // the tied candidates' votes in the first regular round
	Err    error    // ErrListNeeded
}

func (e *ListTieError) Error() string {
	return fmt.Sprintf("tally: round %d: supplementary list for %s: %s tie with %s for the last %s; give the list with Nominate: %v",
		e.Round, some(e.Seats, "open seat"), strings.Join(e.Tied, ", "), some(e.Votes, "vote"), some(e.Places, "place"), e.Err)
}

// Unwrap returns the sentinel.
func (e *ListTieError) Unwrap() error { return e.Err }

// ListError reports a list given to Election.Nominate that breaks the rules: Err is ErrListSeats,
// ErrTwoForOne, or the *quota.DifferenceError of the difference rule the list breaks.
type ListError struct {
	Open       int // the seats open
	Seats      int // the list's seats
	Candidates int // the list's candidates
	Err        error
}

func (e *ListError) Error() string {
	why := detail(e.Err)
	var de *quota.DifferenceError
	if errors.As(e.Err, &de) {
		why = fmt.Sprintf("the difference rule requires at least %d: %v", de.Bound, de.Err)
		if errors.Is(de.Err, quota.ErrTooManyCandidates) {
			why = fmt.Sprintf("the difference rule allows at most %d: %v", de.Bound, de.Err)
		}
	}
	return fmt.Sprintf("tally: nominate: a list of %s for %s (%d open): %s", some(e.Candidates, "candidate"), some(e.Seats, "seat"), e.Open, why)
}

// Unwrap returns the cause.
func (e *ListError) Unwrap() error { return e.Err }

// CandidateError reports a candidate attribute the rules need but cannot read.
type CandidateError struct {
	ID    string
	Attr  string
	Value string
	Err   error // ErrBirthDate
}

func (e *CandidateError) Error() string {
	return fmt.Sprintf("tally: candidate %q: attribute %s=%q: %v", e.ID, e.Attr, e.Value, e.Err)
}

// Unwrap returns the sentinel.
func (e *CandidateError) Unwrap() error { return e.Err }

// TurnoutError reports an inconsistent turnout.
type TurnoutError struct {
	Field  string // "entitled", "present", "issued" or "returned"
	Detail string
	Err    error // ErrTurnout
}

func (e *TurnoutError) Error() string {
	return "tally: turnout: " + e.Field + ": " + e.Detail
}

// Unwrap returns the sentinel.
func (e *TurnoutError) Unwrap() error { return e.Err }

// RecordError reports a record that cannot be read: not UTF-8 JSON, not in the canonical form, or
// with a digest that does not match its content. It wraps ErrRecord, and the cause where there is
// one (the *json.SyntaxError of a truncated record, say).
type RecordError struct {
	// Offset is the 0-based offset in bytes of the first byte in question in the record, or -1
	// where the problem is not at one place.
	Offset int
	// Detail says what is wrong.
	Detail string
	// Err is the cause, or nil.
	Err error
}

func (e *RecordError) Error() string {
	var b strings.Builder
	b.WriteString("tally: record: ")
	if e.Offset >= 0 {
		fmt.Fprintf(&b, "offset %d: ", e.Offset)
	}
	b.WriteString(e.Detail)
	if e.Err != nil {
		if e.Detail != "" {
			b.WriteString(": ")
		}
		b.WriteString(detail(e.Err))
	}
	return b.String()
}

// Unwrap returns ErrRecord and the cause.
func (e *RecordError) Unwrap() []error {
	if e.Err == nil {
		return []error{ErrRecord}
	}
	return []error{ErrRecord, e.Err}
}

// RecordFormatError reports a record whose "format" member names a format this version does not
// read. It wraps ErrRecordFormat and ErrRecord.
type RecordFormatError struct {
	Format string // the format the record names
}

func (e *RecordFormatError) Error() string {
	return fmt.Sprintf("tally: record: format %q is not read by this version, which reads %q", e.Format, RecordFormat)
}

// Unwrap returns ErrRecordFormat and ErrRecord.
func (e *RecordFormatError) Unwrap() []error { return []error{ErrRecordFormat, ErrRecord} }

// DefinitionError reports a problem at a place in an election definition.
type DefinitionError struct {
	// Path is the JSON path of the member: "$.rules.threshold.share", "$.candidates[2].id".
	Path string
	// Line and Column (1-based, the column in bytes) locate the value in the file, or are 0 where
	// the problem is not at one place.
	Line, Column int
	// Err is the sentinel, or an error of the library wrapping one.
	Err error
}

func (e *DefinitionError) Error() string {
	var b strings.Builder
	b.WriteString("tally: definition: ")
	if e.Line > 0 {
		fmt.Fprintf(&b, "line %d, column %d: ", e.Line, e.Column)
	}
	if e.Path != "" {
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	b.WriteString(detail(e.Err))
	return b.String()
}

// Unwrap returns the underlying error.
func (e *DefinitionError) Unwrap() error { return e.Err }

// wrapped is an error whose message is written in this package and which wraps errs, so that
// errors.Is and errors.As see through it.
type wrapped struct {
	msg  string
	errs []error
}

func (w *wrapped) Error() string   { return w.msg }
func (w *wrapped) Unwrap() []error { return w.errs }

// wrap returns an error saying "tally: " + context + ": " and err's message without the package
// prefix it begins with (so that the message names its package once), wrapping err and also.
func wrap(err error, context string, also ...error) error {
	return &wrapped{msg: "tally: " + context + ": " + detail(err), errs: append([]error{err}, also...)}
}

// some returns "1 seat", "2 seats": for messages.
func some(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// detail returns err's message without the package prefix ("tally: ", "ballot: ", "quota: ",
// "count: ") it begins with.
func detail(err error) string {
	s := err.Error()
	for _, p := range []string{"tally: ", "ballot: ", "quota: ", "count: "} {
		if rest, ok := strings.CutPrefix(s, p); ok {
			return rest
		}
	}
	return s
}
