package ballot

import (
	"fmt"
	"strings"
)

// Mark is a voter's mark against one candidate on a ballot paper.
//
// The zero value is Abstain: a candidate left unmarked is an abstention (弃权).
type Mark uint8

const (
	// Abstain is no mark at all (弃权). It is the zero value.
	Abstain Mark = iota
	// For is a vote for the candidate (赞成), conventionally marked ○.
	For
	// Against is a vote against the candidate (不赞成, 反对), conventionally marked ×.
	Against
)

// NumMarks is the number of distinct valid marks; every Mark below it is valid.
const NumMarks = 3

// Valid reports whether m is one of Abstain, For and Against.
func (m Mark) Valid() bool { return m < NumMarks }

// String returns "abstain", "for" or "against", or "Mark(n)" for a value out of range.
func (m Mark) String() string {
	switch m {
	case Abstain:
		return "abstain"
	case For:
		return "for"
	case Against:
		return "against"
	}
	return fmt.Sprintf("Mark(%d)", uint8(m))
}

// Symbol returns the conventional symbol printed on a tally sheet: "○" for For, "×" for Against,
// and the empty string for Abstain (and for a value out of range).
func (m Mark) Symbol() string {
	switch m {
	case For:
		return "○"
	case Against:
		return "×"
	}
	return ""
}

// Letter returns the ASCII form of the mark: "F", "A", or "-" for Abstain (and "?" out of range).
func (m Mark) Letter() string {
	switch m {
	case Abstain:
		return "-"
	case For:
		return "F"
	case Against:
		return "A"
	}
	return "?"
}

// MarshalText encodes the mark as its conventional symbol (○, × or empty).
// A mark out of range is an error wrapping ErrMarkValue.
func (m Mark) MarshalText() ([]byte, error) {
	if !m.Valid() {
		return nil, &MarkError{Text: m.String(), Err: ErrMarkValue}
	}
	return []byte(m.Symbol()), nil
}

// UnmarshalText decodes any form ParseMark accepts.
func (m *Mark) UnmarshalText(text []byte) error {
	v, err := ParseMark(string(text))
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// ParseMark reads a mark in any of the conventional spellings, ignoring case and surrounding
// white space:
//
//	For:     ○ 〇 O F 1 for
//	Against: × X ✕ A 0 against
//	Abstain: (empty) - abstain
//
// Anything else is a *MarkError wrapping ErrMarkValue.
func ParseMark(s string) (Mark, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	switch t {
	case "", "-", "abstain":
		return Abstain, nil
	case "○", "〇", "o", "f", "1", "for":
		return For, nil
	case "×", "x", "✕", "a", "0", "against":
		return Against, nil
	}
	return Abstain, &MarkError{Text: s, Err: ErrMarkValue}
}

// MarkError reports a mark that cannot be read.
type MarkError struct {
	Text string // the text as given
	Err  error  // ErrMarkValue
}

func (e *MarkError) Error() string { return fmt.Sprintf("ballot: unknown mark %q", e.Text) }

// Unwrap returns the sentinel.
func (e *MarkError) Unwrap() error { return e.Err }
