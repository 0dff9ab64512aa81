package composition

import (
	"errors"
	"fmt"
)

// Sentinels for composition definitions and targets; match with errors.Is.
var (
	// ErrCategory: a category is unnamed, named twice, or measured over a base that does not exist
	// or that leads back to itself.
	ErrCategory = errors.New("invalid category")
	// ErrTargetUnmet: the report does not meet a target.
	ErrTargetUnmet = errors.New("target not met")
)

// SpecError reports a composition definition that cannot be used.
type SpecError struct {
	Name   string // the category, distinct count, average or target concerned
	Detail string
	Err    error // ErrCategory
}

// Error names the definition entry and the problem.
func (e *SpecError) Error() string {
	return fmt.Sprintf("composition: %q: %s: %v", e.Name, e.Detail, e.Err)
}

// Unwrap returns the sentinel.
func (e *SpecError) Unwrap() error { return e.Err }

// TargetError reports an unmet target.
type TargetError struct {
	Target Target
	Count  int // members of the category
	Base   int // members of its base
	Err    error
}

// Error gives the target, the count over its base and the share to one decimal place.
func (e *TargetError) Error() string {
	share := "no base"
	if e.Base > 0 {
		share = percentString(e.Count, e.Base, 1)
	}
	return fmt.Sprintf("composition: %s: %d of %d (%s): %v", e.Target, e.Count, e.Base, share, e.Err)
}

// Unwrap returns the sentinel (ErrTargetUnmet).
func (e *TargetError) Unwrap() error { return e.Err }

// Sentinels for attribute errors; match with errors.Is.
var (
	// ErrMissingAttribute: a date or numeric attribute that a predicate or an average reads is
	// absent or empty on a candidate.
	ErrMissingAttribute = errors.New("missing attribute")
	// ErrBadAttribute: an attribute value cannot be read as the date (YYYY-MM-DD) or the decimal
	// number it must be.
	ErrBadAttribute = errors.New("malformed attribute")
)

// AttributeError reports a candidate attribute that a composition cannot read.
type AttributeError struct {
	Index int    // 1-based position of the candidate in the roster
	ID    string // the candidate's ID
	Key   string // the attribute
	Value string // its value as given ("" when missing)
	Err   error  // ErrMissingAttribute or ErrBadAttribute
}

// Error names the candidate by position and ID, the attribute and its value.
func (e *AttributeError) Error() string {
	if errors.Is(e.Err, ErrMissingAttribute) {
		return fmt.Sprintf("composition: candidate %d (ID %q): attribute %q: %v", e.Index, e.ID, e.Key, e.Err)
	}
	return fmt.Sprintf("composition: candidate %d (ID %q): attribute %q = %q: %v", e.Index, e.ID, e.Key, e.Value, e.Err)
}

// Unwrap returns the sentinel.
func (e *AttributeError) Unwrap() error { return e.Err }
