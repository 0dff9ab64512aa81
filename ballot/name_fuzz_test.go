package ballot_test

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/chae-go/chae/ballot"
	"golang.org/x/text/unicode/norm"
)

// FuzzNormalizeName: NormalizeName and MatchKey are idempotent, and MatchKey of the normal form is
// MatchKey of the name; the normal form is NFC UTF-8 with no white space at either end and no
// white space but single ASCII spaces inside.
func FuzzNormalizeName(f *testing.F) {
	for _, s := range []string{"Li Wei", "  Li \t Wei ", "李　伟", "e\u0301", "\xff\xfe", " \u0301e", "a\u3000\u0301", "Ａ", "ǅ", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := ballot.NormalizeName(s)
		if again := ballot.NormalizeName(n); again != n {
			t.Fatalf("NormalizeName(%q) = %q, and again %q", s, n, again)
		}
		k := ballot.MatchKey(s)
		if ballot.MatchKey(k) != k || ballot.MatchKey(n) != k {
			t.Fatalf("MatchKey(%q) = %q, MatchKey of it %q, of NormalizeName %q", s, k, ballot.MatchKey(k), ballot.MatchKey(n))
		}
		if !utf8.ValidString(n) || !norm.NFC.IsNormalString(n) {
			t.Fatalf("NormalizeName(%q) = %q is not NFC UTF-8", s, n)
		}
		if strings.TrimFunc(n, unicode.IsSpace) != n || strings.Contains(n, "  ") {
			t.Fatalf("NormalizeName(%q) = %q keeps white space", s, n)
		}
		for _, r := range n {
			if unicode.IsSpace(r) && r != ' ' {
				t.Fatalf("NormalizeName(%q) = %q keeps %U", s, n, r)
			}
		}
	})
}
