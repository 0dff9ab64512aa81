package nominate

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinels say what is wrong; the typed errors (*TreeError, *SheetError, *RuleError,
// *DecisionError, *BallotError, *ParseError, *StepError) say where. Match them with errors.Is.
var (
	// ErrOrgID: an organisation ID is empty, is not valid UTF-8, or has surrounding white space.
	ErrOrgID = errors.New("bad organisation ID")
	// ErrDuplicateOrg: two organisations share an ID.
	ErrDuplicateOrg = errors.New("duplicate organisation ID")
	// ErrUnknownParent: an organisation names a parent that is not in the tree.
	ErrUnknownParent = errors.New("unknown parent")
	// ErrCycle: organisations are their own ancestors.
	ErrCycle = errors.New("cycle of parents")
	// ErrRoot: the tree has no root (an organisation without a parent), or more than one.
	ErrRoot = errors.New("not exactly one root")
	// ErrInnerFigures: an organisation with organisations below it carries member figures; an
	// inner organisation's figures are the sums over its branches.
	ErrInnerFigures = errors.New("member figures on an inner organisation")
	// ErrFigures: a figure is negative, or probationary members outnumber members.
	ErrFigures = errors.New("bad figures")
	// ErrKind: an organisation kind, basis, base, key or other enumerated value is out of range.
	ErrKind = errors.New("value out of range")

	// ErrUnknownOrg: an organisation ID that is not in the tree.
	ErrUnknownOrg = errors.New("unknown organisation")
	// ErrNotLeaf: a sheet or ballot for an organisation that has organisations below it; only
	// branches (the leaves of the tree) count ballots.
	ErrNotLeaf = errors.New("not a branch")
	// ErrDuplicateSheet: two sheets for one organisation in one round.
	ErrDuplicateSheet = errors.New("duplicate sheet")
	// ErrSheet: a sheet's figures are impossible: more ballots than members, more invalid and
	// spoiled ballots than ballots, a person with more votes than valid ballots, more names than
	// the ballots could carry, persons out of order or repeated.
	ErrSheet = errors.New("impossible sheet figures")
	// ErrPerson: a person key is empty, or a person is not in the registry.
	ErrPerson = errors.New("unknown or empty person")
	// ErrDuplicatePerson: a person is registered twice with different details.
	ErrDuplicatePerson = errors.New("person registered twice")
	// ErrMerge: counters with different ballot rules or registries cannot be merged.
	ErrMerge = errors.New("counters cannot be merged")

	// ErrRule: a rule cannot be applied: a size that needs places where none are given, a
	// maximum taken where the rule sets none, an unknown basis or key.
	ErrRule = errors.New("rule cannot be applied")
	// ErrDecision: a recorded decision cannot be applied: it names an organisation or person
	// not concerned, it orders persons who are not exactly the tied ones, or nothing it could
	// apply to exists.
	ErrDecision = errors.New("decision cannot be applied")
	// ErrSecond: second-round counts that do not belong to a second round the pass asks for.
	ErrSecond = errors.New("second-round counts not asked for")
	// ErrNoTallies: a ranking was asked of an organisation whose tallies the pass did not keep.
	ErrNoTallies = errors.New("tallies not kept")
	// ErrStep: a step of the nomination taken out of order (inspection before any up, a slate
	// before a list exists).
	ErrStep = errors.New("step out of order")
	// ErrVeto: a removal names a person not on the list, or the same person twice.
	ErrVeto = errors.New("removal cannot be applied")
	// ErrNotice: a public notice's dates are out of order, its period is shorter than required,
	// or an objection is dated outside it or names a person not on the list.
	ErrNotice = errors.New("public notice cannot be recorded")
	// ErrDate: a civil date that does not exist or cannot be read (want YYYY-MM-DD).
	ErrDate = errors.New("bad date")

	// ErrRecord: a record cannot be read, is not in its canonical encoding, or its digest does
	// not match its content.
	ErrRecord = errors.New("invalid nomination record")
)

// TreeError is one problem with the organisations given to NewTree. NewTree joins every problem
// it finds (errors.Join), in the order of the input.
type TreeError struct {
	Index  int   // 0-based position of the organisation in the input
	Org    OrgID // its ID
	Other  OrgID // the parent not found, the other root, or the other copy's ID
	Err    error // the sentinel
	Detail string
}

// Error describes the problem and where it is, prefixed "nominate: ".
func (e *TreeError) Error() string {
	var b strings.Builder
	b.WriteString("nominate: ")
	switch {
	case e.Index >= 0:
		fmt.Fprintf(&b, "organisation %d (%q): ", e.Index+1, e.Org)
	case e.Org != "":
		fmt.Fprintf(&b, "organisation %q: ", e.Org)
	default:
		b.WriteString("tree: ")
	}
	b.WriteString(e.Err.Error())
	if e.Other != "" {
		fmt.Fprintf(&b, " %q", e.Other)
	}
	return withDetail(&b, e.Detail)
}

// Unwrap returns the sentinel.
func (e *TreeError) Unwrap() error { return e.Err }

// withDetail ends an error message with its detail in brackets, if there is one.
func withDetail(b *strings.Builder, detail string) string {
	if detail != "" {
		fmt.Fprintf(b, " (%s)", detail)
	}
	return b.String()
}

// SheetError reports a sheet that cannot be counted.
type SheetError struct {
	Org    OrgID
	Index  int    // 0-based position of the sheet in the input, or -1 for a streamed sheet
	Person string // the person concerned, where there is one
	Err    error  // the sentinel
	Detail string
}

// Error describes the problem and where it is, prefixed "nominate: ".
func (e *SheetError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "nominate: sheet of %q", e.Org)
	if e.Index >= 0 {
		fmt.Fprintf(&b, " (sheet %d)", e.Index+1)
	}
	if e.Person != "" {
		fmt.Fprintf(&b, ": person %q", e.Person)
	}
	fmt.Fprintf(&b, ": %v", e.Err)
	return withDetail(&b, e.Detail)
}

// Unwrap returns the sentinel.
func (e *SheetError) Unwrap() error { return e.Err }

// RuleError reports a rule that cannot be applied at an organisation.
type RuleError struct {
	Org    OrgID  // the organisation, or "" for a rule checked on its own
	Field  string // the rule's field, in Go spelling (Size.Take, Order)
	Err    error  // the sentinel
	Detail string
}

// Error describes the problem and where it is, prefixed "nominate: ".
func (e *RuleError) Error() string {
	var b strings.Builder
	b.WriteString("nominate: rule")
	if e.Org != "" {
		fmt.Fprintf(&b, " at %q", e.Org)
	}
	if e.Field != "" {
		fmt.Fprintf(&b, ": %s", e.Field)
	}
	fmt.Fprintf(&b, ": %v", e.Err)
	return withDetail(&b, e.Detail)
}

// Unwrap returns the sentinel.
func (e *RuleError) Unwrap() error { return e.Err }

// DecisionError reports a recorded decision that cannot be applied.
type DecisionError struct {
	Index  int // 0-based position of the decision in the input
	Org    OrgID
	Err    error // the sentinel
	Detail string
}

// Error describes the problem and where it is, prefixed "nominate: ".
func (e *DecisionError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "nominate: decision %d at %q: %v", e.Index+1, e.Org, e.Err)
	return withDetail(&b, e.Detail)
}

// Unwrap returns the sentinel.
func (e *DecisionError) Unwrap() error { return e.Err }

// BallotError reports a recommendation ballot that cannot be counted at all (a person outside
// the registry). A ballot naming too many persons is not an error: it is counted as invalid.
type BallotError struct {
	Ballot int // 1-based position among the ballots given to the counter
	Name   int // 1-based position of the offending name on the ballot
	Err    error
}

// Error describes the problem and where it is, prefixed "nominate: ".
func (e *BallotError) Error() string {
	return fmt.Sprintf("nominate: ballot %d: name %d: %v", e.Ballot, e.Name, e.Err)
}

// Unwrap returns the sentinel.
func (e *BallotError) Unwrap() error { return e.Err }

// StepError reports a step of a Nomination that cannot be taken.
type StepError struct {
	Step   string // the method: "Up", "Inspect", "Vet", "Notice", "Slate"…
	Person string // the person concerned, where there is one
	Err    error  // the sentinel
	Detail string
}

// Error describes the problem and where it is, prefixed "nominate: ".
func (e *StepError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "nominate: %s", e.Step)
	if e.Person != "" {
		fmt.Fprintf(&b, ": person %q", e.Person)
	}
	fmt.Fprintf(&b, ": %v", e.Err)
	return withDetail(&b, e.Detail)
}

// Unwrap returns the sentinel.
func (e *StepError) Unwrap() error { return e.Err }

// Sentinels of the recommendation file reader; a *ParseError says where. A row naming an
// organisation not in the tree wraps ErrUnknownOrg, one naming an inner organisation ErrNotLeaf.
var (
	// ErrNoHeader: the file is empty or holds only blank lines.
	ErrNoHeader = errors.New("no header")
	// ErrColumnName: a header cell is empty or names no known column.
	ErrColumnName = errors.New("unknown column")
	// ErrDuplicateColumn: a column appears twice in the header.
	ErrDuplicateColumn = errors.New("duplicate column")
	// ErrMissingColumn: the header has no organisation column, or no names column.
	ErrMissingColumn = errors.New("missing column")
	// ErrColumnOrder: the names column is not the header's last.
	ErrColumnOrder = errors.New("names column not last")
	// ErrFieldCount: a row has fewer cells than the columns before the names.
	ErrFieldCount = errors.New("too few cells")
	// ErrEmptyOrg: a row's organisation cell is empty.
	ErrEmptyOrg = errors.New("empty organisation")
	// ErrFlagValue: a probationary or spoiled cell is not one of the yes/no words.
	ErrFlagValue = errors.New("unknown yes/no value")
	// ErrQuote: a quote inside an unquoted cell, text after a closing quote, or a quoted cell
	// not closed on its line.
	ErrQuote = errors.New("bad quote")
	// ErrRecordTooLong: a line is longer than the Reader's MaxRecordBytes.
	ErrRecordTooLong = errors.New("line too long")
	// ErrEncoding: bytes that are not UTF-8 (nor, for a file detected as GB18030, GB18030).
	ErrEncoding = errors.New("invalid text encoding")
)

// ParseError reports a problem at a place in a recommendation file.
type ParseError struct {
	Line   int    // 1-based line number
	Column int    // 1-based cell number, or 0 for the line or file as a whole
	Name   string // the column's header, where known
	Text   string // the offending text, where there is one (cut to 40 bytes)
	Err    error  // the sentinel
}

// Error describes the problem and where it is, prefixed "nominate: ".
func (e *ParseError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "nominate: line %d", e.Line)
	if e.Column > 0 {
		fmt.Fprintf(&b, ", column %d", e.Column)
		if e.Name != "" {
			fmt.Fprintf(&b, " (%s)", e.Name)
		}
	}
	b.WriteString(": ")
	b.WriteString(e.Err.Error())
	if e.Text != "" {
		fmt.Fprintf(&b, " %q", e.Text)
	}
	return b.String()
}

// Unwrap returns the sentinel.
func (e *ParseError) Unwrap() error { return e.Err }
