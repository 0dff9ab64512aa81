package ballot

import "fmt"

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

// String returns the mark's name, "abstain", "for" or "against" (see the table of spellings), or
// "Mark(n)" for a value out of range.
func (m Mark) String() string {
	if m.Valid() {
		return markSpellings[m].name
	}
	return fmt.Sprintf("Mark(%d)", uint8(m))
}

// Symbol returns the conventional symbol printed on a tally sheet: "○" for For, "×" for Against,
// and the empty string for Abstain (and for a value out of range). It is the spelling a Writer
// writes with MarkSymbols.
func (m Mark) Symbol() string {
	if m.Valid() {
		return markSpellings[m].written[MarkSymbols]
	}
	return ""
}

// Letter returns the ASCII form of the mark: "F", "A", or "-" for Abstain (and "?" out of range).
// It is the spelling a Writer writes with MarkLetters.
func (m Mark) Letter() string {
	if m.Valid() {
		return markSpellings[m].written[MarkLetters]
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

// ParseMark reads a mark in any spelling of DefaultSpellings, ignoring case and surrounding
// white space:
//
//	For:     ○ 〇 O F 1 for
//	Against: × X ✕ A 0 against
//	Abstain: (empty) - 弃 弃权 abstain
//
// Anything else is a *MarkError wrapping ErrMarkValue.
func ParseMark(s string) (Mark, error) {
	m, ok := DefaultSpellings().Mark(s)
	if !ok {
		return Abstain, &MarkError{Text: s, Err: ErrMarkValue}
	}
	return m, nil
}
