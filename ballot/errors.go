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
	ErrSpelling = errors.New("conflicting spelling")
)

// SlateError is one problem with a slate. Slate.Validate joins every problem it finds.
type SlateError struct {
	Candidate int    // index of the candidate in the slate (0-based), or -1 for the slate as a whole
	ID        string // the candidate's ID, where there is one
	Err       error  // the sentinel
}

func (e *SlateError) Error() string {
	if e.Candidate < 0 {
		return "ballot: slate: " + e.Err.Error()
	}
	if e.ID != "" {
		return fmt.Sprintf("ballot: slate: candidate %d (%q): %v", e.Candidate+1, e.ID, e.Err)
	}
	return fmt.Sprintf("ballot: slate: candidate %d: %v", e.Candidate+1, e.Err)
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
