package ballot

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// NormalizeName puts a written name in the form in which it is counted and shown (names are matched
// by MatchKey): Unicode NFC, leading and trailing white space removed (including the ideographic
// space U+3000), and every inner run of white space collapsed to one ASCII space. Invalid UTF-8
// bytes are replaced by U+FFFD.
func NormalizeName(s string) string {
	if isPlainName(s) {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// MatchKey returns the key under which written names are matched: two names written on ballots, or
// a written name and a candidate's name, are the same person's exactly when their keys are equal.
// Every count, summary and election matches names by this key and by nothing else. The key is the
// NormalizeName form, so MatchKey(MatchKey(s)) == MatchKey(s) and a key reads as the name it
// matches.
func MatchKey(s string) string { return NormalizeName(s) }

// isPlainName reports whether s is already normalised and needs no work: printable ASCII with no
// leading, trailing or doubled space. (ASCII is always NFC.)
func isPlainName(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	prev := byte(0)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || c < ' ' || c == 0x7f || (c == ' ' && prev == ' ') {
			return false
		}
		prev = c
	}
	return true
}
