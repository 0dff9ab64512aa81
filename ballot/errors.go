package ballot

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinels say what is wrong; the typed errors (*SlateError, *BallotError, *MarkError) say where.
// Match them with errors.Is.
var (
	// ErrSeats: a slate must fill at least one seat. (The rules' arithmetic has its own
	// quota.ErrSeatCount for a seat count out of its range.)
	ErrSeats = errors.New("fewer than one seat")
	// ErrNoCandidates: a slate must name at least one candidate.
	ErrNoCandidates = errors.New("no candidates")
	// ErrEmptyID: every candidate needs an ID.
	ErrEmptyID = errors.New("empty candidate ID")
	// ErrDuplicateID: candidate IDs are unique within a slate.
	ErrDuplicateID = errors.New("duplicate candidate ID")
	// ErrEmptyName: every candidate needs a name.
	ErrEmptyName = errors.New("empty candidate name")
	// ErrNameText: an office, a candidate ID, a name or an attribute holds text that cannot be
	// printed as it is stored: bytes that are not UTF-8, a control character (U+0000–U+001F,
	// U+007F–U+009F: NUL, tab, line feed, escape, ...), a line or paragraph separator (U+2028,
	// U+2029), or a bidirectional formatting character (Unicode's Bidi_Control: U+061C, U+200E,
	// U+200F, U+202A–U+202E, U+2066–U+2069), which can make a printed name read otherwise than it
	// is stored.
	ErrNameText = errors.New("text that cannot be printed")
	// ErrFewerCandidatesThanSeats: a slate cannot fill more seats than it has candidates.
	// (Whether it has enough *more* candidates is the difference rule's job, in package quota.)
	ErrFewerCandidatesThanSeats = errors.New("fewer candidates than seats")

	// ErrMarkCount: a ballot must carry exactly one mark per slate candidate.
	ErrMarkCount = errors.New("wrong number of marks")
	// ErrMarkValue: a mark is not Abstain, For or Against.
	ErrMarkValue = errors.New("mark out of range")
	// ErrEmptyWriteIn: a write-in name is empty after normalisation.
	ErrEmptyWriteIn = errors.New("empty write-in name")
	// ErrSpelling: a spelling given to Spellings.WithMark or WithSpoiled already reads as something
	// else, or cannot be compared as given.
	ErrSpelling = errors.New("bad spelling")
)

// SlateError is one problem with a slate. Slate.Validate joins every problem it finds.
type SlateError struct {
	Candidate int    // index of the candidate in the slate (0-based), or -1 for the slate as a whole
	ID        string // the candidate's ID, where there is one
	// Field is the field in question: "office", "seats" or "candidates" of the slate, or "id",
	// "name" or "attrs" of the candidate.
	Field  string
	Detail string // what is wrong in the field, for ErrNameText: the character and its byte offset
	Err    error  // the sentinel
}

func (e *SlateError) Error() string {
	var b strings.Builder
	b.WriteString("ballot: slate: ")
	if e.Candidate >= 0 {
		fmt.Fprintf(&b, "candidate %d", e.Candidate+1)
		if e.ID != "" {
			fmt.Fprintf(&b, " (%q)", e.ID)
		}
		b.WriteString(": ")
	}
	if e.Detail != "" {
		b.WriteString(e.Field + ": " + e.Detail + ": ")
	}
	b.WriteString(e.Err.Error())
	return b.String()
}

// Unwrap returns the sentinel.
func (e *SlateError) Unwrap() error { return e.Err }

// BallotError reports a malformed ballot: one that cannot be classified at all. A legal but
// invalid ballot (an over-vote) is not an error but a classification.
type BallotError struct {
	Ballot  int   // 1-based position of the ballot in its stream, or 0 where unknown
	Mark    int   // 1-based position of the offending mark, or 0
	WriteIn int   // 1-based position of the offending write-in, or 0
	Err     error // the sentinel: ErrMarkCount, ErrMarkValue, ErrEmptyWriteIn
	Detail  string
}

func (e *BallotError) Error() string {
	var b strings.Builder
	b.WriteString("ballot: ")
	if e.Ballot > 0 {
		fmt.Fprintf(&b, "ballot %d: ", e.Ballot)
	}
	if e.Mark > 0 {
		fmt.Fprintf(&b, "mark %d: ", e.Mark)
	}
	if e.WriteIn > 0 {
		fmt.Fprintf(&b, "write-in %d: ", e.WriteIn)
	}
	b.WriteString(e.Err.Error())
	if e.Detail != "" {
		b.WriteString(" (")
		b.WriteString(e.Detail)
		b.WriteString(")")
	}
	return b.String()
}

// Unwrap returns the sentinel.
func (e *BallotError) Unwrap() error { return e.Err }

// Sentinels for ballot files; a *ParseError says where, these say what. Match them with errors.Is.
// A mark that cannot be read wraps ErrMarkValue.
var (
	// ErrNoHeader: the file is empty (or holds only blank lines): it has no header.
	ErrNoHeader = errors.New("no header")
	// ErrColumnName: a header cell is empty or holds text a slate may not hold (a control
	// character, ...: see ErrNameText), or a candidate ID cannot be a column name (it is empty,
	// has surrounding white space, holds such text, or is a reserved name: box, spoiled,
	// write-in).
	ErrColumnName = errors.New("bad column name")
	// ErrDuplicateColumn: a candidate, box or spoiled column appears twice.
	ErrDuplicateColumn = errors.New("duplicate column")
	// ErrUnknownColumn: a candidate column names an ID that is not on the slate.
	ErrUnknownColumn = errors.New("unknown candidate column")
	// ErrMissingColumn: a slate candidate has no column.
	ErrMissingColumn = errors.New("missing candidate column")
	// ErrColumnOrder: the candidate columns are not in slate order.
	ErrColumnOrder = errors.New("candidate column out of slate order")
	// ErrNoCandidateColumns: the header names no candidate.
	ErrNoCandidateColumns = errors.New("no candidate columns")
	// ErrFieldCount: a record has fewer cells than the header, or a non-empty cell beyond it.
	ErrFieldCount = errors.New("wrong number of fields")
	// ErrSpoiledValue: a spoiled cell is neither empty nor one of the documented yes/no words.
	ErrSpoiledValue = errors.New("unknown spoiled value")
	// ErrEmptyBox: the file has a box column and a ballot's box cell is empty.
	ErrEmptyBox = errors.New("empty ballot box")
	// ErrQuote: a quote inside an unquoted cell, text after a closing quote, or a quote never closed.
	ErrQuote = errors.New("bad quote")
	// ErrRecordTooLong: a record is longer than the Reader's MaxRecordBytes.
	ErrRecordTooLong = errors.New("record too long")
	// ErrEncoding: bytes that are not UTF-8 (nor, for a file detected as GB18030, GB18030).
	ErrEncoding = errors.New("invalid text encoding")
	// ErrTooManyWriteIns: a Writer was given more write-ins than the file has write-in columns.
	ErrTooManyWriteIns = errors.New("more write-ins than write-in columns")
	// ErrNoColumn: a Writer was given a box or a spoiled flag for a file without that column.
	ErrNoColumn = errors.New("no column for the value")
	// ErrEmptyRow: a row with every cell empty or white space stands before a later row (or
	// before the header). Such rows are no ballots: a blank ballot is written with an abstain
	// mark (- or 弃) in every candidate cell. Empty rows at the end of a file are skipped, not
	// refused (Reader.Skipped).
	ErrEmptyRow = errors.New("empty row")
	// ErrSeparator: the Reader's Comma is not a separator it reads, or the header line does not
	// tell which separator the file uses.
	ErrSeparator = errors.New("unknown cell separator")
)

// ParseError reports a problem at a place in a ballot file.
type ParseError struct {
	Line   int    // 1-based line number
	Column int    // 1-based cell number, or 0 for the record or file as a whole
	Name   string // the column's header, where known
	Text   string // the offending text, where there is one (cut to 40 bytes)
	Err    error  // the sentinel, or an error wrapping it that says more
	// Columns, for a header that names the candidate columns wrongly (ErrUnknownColumn,
	// ErrColumnOrder, ErrMissingColumn) when the Reader was given the slate's Candidates, lists the
	// candidate columns the header must name, in order: each ID, with the candidate's name where
	// the Reader was given Names.
	Columns []Candidate
	// NameOf, for ErrUnknownColumn, is the ID of the candidate whose name the header cell holds
	// (compared by MatchKey): the header names the candidate by name instead of by ID.
	NameOf string
}

func (e *ParseError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "ballot: line %d", e.Line)
	if e.Column > 0 {
		fmt.Fprintf(&b, ", column %d", e.Column)
		if e.Name != "" {
			fmt.Fprintf(&b, " (%s)", e.Name)
		}
	}
	b.WriteString(": ")
	switch e.Err {
	case ErrMarkValue:
		b.WriteString("unknown mark")
	case ErrEmptyRow:
		b.WriteString("empty row before a later row: delete it; a blank ballot has an abstain mark (- or 弃) in every candidate column")
	default:
		b.WriteString(e.Err.Error())
	}
	if e.Text != "" {
		fmt.Fprintf(&b, " %q", e.Text)
	}
	if e.NameOf != "" {
		fmt.Fprintf(&b, ": %q is a candidate's name: use its ID %q", e.Text, e.NameOf)
	}
	if len(e.Columns) > 0 {
		b.WriteString(" (the candidate columns, in order: ")
		const most = 12
		for i, c := range e.Columns[:min(len(e.Columns), most)] {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(c.ID)
			if c.Name != "" {
				fmt.Fprintf(&b, " %s", c.Name)
			}
		}
		if n := len(e.Columns) - most; n > 0 {
			fmt.Fprintf(&b, " and %d more", n)
		}
		b.WriteString(")")
	}
	return b.String()
}

// Unwrap returns the sentinel.
func (e *ParseError) Unwrap() error { return e.Err }

// MarkError reports a mark that cannot be read.
type MarkError struct {
	Text string // the text as given
	Err  error  // ErrMarkValue
}

func (e *MarkError) Error() string { return fmt.Sprintf("ballot: unknown mark %q", e.Text) }

// Unwrap returns the sentinel.
func (e *MarkError) Unwrap() error { return e.Err }
