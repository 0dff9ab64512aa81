package ballot_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/chae-go/chae/ballot"
)

// TestValidateRefusesUnprintableText: an office, a candidate ID, a name or an attribute holding a
// NUL or another control character, a bidirectional formatting character (which can make a printed
// name read otherwise than it is stored), a line or paragraph separator, or bytes that are not
// UTF-8 is refused with ErrNameText, saying which candidate and which field; names in any script,
// with the marks and joiners they need, are accepted.
func TestValidateRefusesUnprintableText(t *testing.T) {
	t.Parallel()
	slate := func(office, id, name string, attrs map[string]string) ballot.Slate {
		return ballot.Slate{Office: office, Seats: 1, Candidates: []ballot.Candidate{
			{ID: "c1", Name: "Li Wei"}, {ID: id, Name: name, Attrs: attrs}}}
	}
	tests := []struct {
		name  string
		slate ballot.Slate
		cand  int    // -1 for the office; 0 when accepted
		field string // "office", "id", "name" or "attrs"
	}{
		{"NUL in the office", slate("Committee\x00", "c2", "Wang Fang", nil), -1, "office"},
		{"NUL in an ID", slate("Committee", "c\x002", "Wang Fang", nil), 1, "id"},
		{"NUL in a name", slate("Committee", "c2", "Wang\x00Fang", nil), 1, "name"},
		{"escape in a name", slate("Committee", "c2", "Wang \x1b[31mFang", nil), 1, "name"},
		{"tab in an ID", slate("Committee", "c\t2", "Wang Fang", nil), 1, "id"},
		{"line feed in the office", slate("Com\nmittee", "c2", "Wang Fang", nil), -1, "office"},
		{"DEL in a name", slate("Committee", "c2", "Wang\x7fFang", nil), 1, "name"},
		{"C1 control in a name", slate("Committee", "c2", "Wang\u0085Fang", nil), 1, "name"},
		{"right-to-left override in a name", slate("Committee", "c2", "Wang \u202eFang", nil), 1, "name"},
		{"right-to-left isolate in an ID", slate("Committee", "c\u20672", "Wang Fang", nil), 1, "id"},
		{"line separator in a name", slate("Committee", "c2", "Wang\u2028Fang", nil), 1, "name"},
		{"invalid UTF-8 in a name", slate("Committee", "c2", "Wang \xffFang", nil), 1, "name"},
		{"NUL in an attribute value", slate("Committee", "c2", "Wang Fang", map[string]string{"gender": "female\x00"}), 1, "attrs"},
		{"NUL in an attribute name", slate("Committee", "c2", "Wang Fang", map[string]string{"gen\x00der": "female"}), 1, "attrs"},
		{"Chinese, an annotation and a middle dot", slate("第一党支部委员会", "c2", "买买提·艾力（男，维吾尔族）", nil), 0, ""},
		{"combining marks and a zero-width joiner", slate("Committee", "c2", "Nguyễn Văn A\u0301 क्\u200dष", nil), 0, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			err := tc.slate.Validate()
			if tc.field == "" {
				if err != nil {
					t.Fatalf("Validate: %v", err)
				}
				return
			}
			var se *ballot.SlateError
			if !errors.Is(err, ballot.ErrNameText) || !errors.As(err, &se) || se.Candidate != tc.cand || se.Field != tc.field {
				t.Fatalf("Validate: %v, want ErrNameText in the %s of candidate %d", err, tc.field, tc.cand)
			}
			if msg := err.Error(); !strings.HasPrefix(msg, "ballot: slate: ") || !strings.Contains(msg, " at byte ") {
				t.Errorf("message %q does not name the character", msg)
			}
		})
	}
}
