package nominate_test

import (
	"errors"
	"testing"

	"github.com/chae-go/chae/tally/nominate"
)

// Every error type's message: the package prefix once, where, what (the sentinel), then the
// detail; and errors.Is reaches the sentinel.
func TestErrorMessages(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		err      error
		sentinel error
		want     string
	}{
		{&nominate.TreeError{Index: 1, Org: "b", Other: "X", Err: nominate.ErrUnknownParent, Detail: "d"}, nominate.ErrUnknownParent,
			`nominate: organisation 2 ("b"): unknown parent "X" (d)`},
		{&nominate.TreeError{Index: -1, Org: "R", Err: nominate.ErrFigures}, nominate.ErrFigures, `nominate: organisation "R": bad figures`},
		{&nominate.TreeError{Index: -1, Err: nominate.ErrRoot}, nominate.ErrRoot, `nominate: tree: not exactly one root`},
		{&nominate.SheetError{Org: "b", Index: 0, Person: "P", Err: nominate.ErrSheet, Detail: "d"}, nominate.ErrSheet,
			`nominate: sheet of "b" (sheet 1): person "P": impossible sheet figures (d)`},
		{&nominate.SheetError{Org: "b", Index: -1, Err: nominate.ErrNotLeaf}, nominate.ErrNotLeaf, `nominate: sheet of "b": not a branch`},
		{&nominate.RuleError{Org: "R", Field: "Size.Take", Err: nominate.ErrRule, Detail: "d"}, nominate.ErrRule,
			`nominate: rule at "R": Size.Take: rule cannot be applied (d)`},
		{&nominate.RuleError{Err: nominate.ErrKind}, nominate.ErrKind, `nominate: rule: value out of range`},
		{&nominate.DecisionError{Index: 2, Org: "R", Err: nominate.ErrDecision, Detail: "no persons"}, nominate.ErrDecision,
			`nominate: decision 3 at "R": decision cannot be applied (no persons)`},
		{&nominate.StepError{Step: "Vet", Person: "P", Err: nominate.ErrVeto, Detail: "d"}, nominate.ErrVeto,
			`nominate: Vet: person "P": removal cannot be applied (d)`},
		{&nominate.BallotError{Ballot: 5, Name: 2, Err: nominate.ErrPerson}, nominate.ErrPerson, `nominate: ballot 5: name 2: unknown or empty person`},
		{&nominate.ParseError{Line: 3, Column: 2, Name: "box", Text: "x", Err: nominate.ErrQuote}, nominate.ErrQuote,
			`nominate: line 3, column 2 (box): bad quote "x"`},
		{&nominate.ParseError{Line: 1, Err: nominate.ErrNoHeader}, nominate.ErrNoHeader, `nominate: line 1: no header`},
	} {
		t.Run(tc.want, func(t *testing.T) {
			t.Parallel()
			if got := tc.err.Error(); got != tc.want {
				t.Errorf("Error() = %q, want %q", got, tc.want)
			}
			if !errors.Is(tc.err, tc.sentinel) {
				t.Errorf("errors.Is(%v, %v) = false", tc.err, tc.sentinel)
			}
		})
	}
}
