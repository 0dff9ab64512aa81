package stroke

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Names says how personal names are read for sorting. The zero value reads them as the lists of
// the Communist Party of China print them: surname stroke order with the blank rule.
//
// A name is read as follows.
//
//   - An annotation in parentheses, full-width （） or half-width (), such as （女，回族）, is
//     ignored with its parentheses. Parentheses nest; an opening parenthesis with no closing one
//     after it is an ordinary character.
//   - The middle dot of transliterated names (艾力更·依明巴海) is ignored, and so are the characters
//     typed for it: U+00B7 ·, U+0387 ·, U+2022 •, U+2027 ‧, U+2219 ∙, U+22C5 ⋅, U+2E31 ⸱,
//     U+30FB ・ and U+FF65 ･.
//   - White space (U+3000, the full-width space, as well as the ASCII space and the rest of
//     Unicode's white space) before the first character or after the last is ignored.
//   - With the blank rule (NoBlank false), white space between two characters is the blank, a
//     place before every character, so 王　毅 sorts as 王 blank 毅; a run of it counts once; white
//     space next to a middle dot is the dot's and is ignored. A name of exactly two characters is
//     read as surname, blank, given name, so that single given names come first among those of
//     a surname: 王毅 < 王小洪, 李希 < 李强 < 李干杰.
//   - Without it (NoBlank true), all white space is ignored and names compare as written.
//
// The characters left are then compared one by one as Compare compares them.
type Names struct {
	// NoBlank turns the blank rule off, for lists that compare 王毅 and 王小洪 by 毅 and 小 (some
	// people's congress lists). The zero value keeps the rule, as party lists do.
	NoBlank bool
}

// CompareNames compares two personal names in the order of official lists and returns -1, 0 or
// +1: surname first, by stroke order, with the blank rule. It is Names{}.Compare; see Names for
// how a name is read. Two names that read the same (王毅 and 王　毅（女）) compare equal.
//
// CompareNames allocates nothing and is safe for concurrent use.
func CompareNames(a, b string) int { return Names{}.Compare(a, b) }

// NameKey returns the key of a name for CompareNames: cmp.Compare(NameKey(a), NameKey(b)) ==
// CompareNames(a, b). It is Names{}.Key, and allocates the key alone.
func NameKey(s string) Key { return Names{}.Key(s) }

// Compare compares two personal names read as o says and returns -1, 0 or +1. It allocates
// nothing.
func (o Names) Compare(a, b string) int {
	ra, rb := newReader(a, o), newReader(b, o)
	for {
		wa, oka := ra.next()
		wb, okb := rb.next()
		switch {
		case !oka && !okb:
			return 0
		case !oka:
			return -1
		case !okb:
			return +1
		case wa < wb:
			return -1
		case wa > wb:
			return +1
		}
	}
}

// Key returns the key of a name read as o says: cmp.Compare(o.Key(a), o.Key(b)) == o.Compare(a, b).
func (o Names) Key(s string) Key {
	var b strings.Builder
	b.Grow(4 * (utf8.RuneCountInString(s) + 1)) // a blank may be added
	r := newReader(s, o)
	for {
		w, ok := r.next()
		if !ok {
			return Key(b.String())
		}
		appendWeight(&b, w)
	}
}

// reader yields the weights of a name's characters, and the blanks between them.
type reader struct {
	s     string
	i     int
	blank bool   // the blank rule is on
	n     int    // characters returned
	held  uint32 // a character read while a blank was returned before it
	hold  bool
}

func newReader(s string, o Names) reader { return reader{s: s, blank: !o.NoBlank} }

func (r *reader) next() (uint32, bool) {
	if r.hold {
		r.hold = false
		r.n++
		return r.held, true
	}
	space, dot := false, false
	for r.i < len(r.s) {
		k, w, j := token(r.s, r.i)
		r.i = j
		switch k {
		case tokSpace:
			space = true
		case tokDot:
			dot = true
		case tokChar:
			// The blank: written as white space between two characters, or implied between
			// the two characters of a two-character name (this one is the second and last).
			if r.blank && r.n > 0 && ((space && !dot) || (r.n == 1 && r.last())) {
				r.held, r.hold = w, true
				return blank, true
			}
			r.n++
			return w, true
		}
	}
	return 0, false
}

// last reports whether no character follows r.i.
func (r *reader) last() bool {
	for i := r.i; i < len(r.s); {
		k, _, j := token(r.s, i)
		if k == tokChar {
			return false
		}
		i = j
	}
	return true
}

type tokenKind uint8

const (
	tokChar  tokenKind = iota // a character that counts
	tokSpace                  // white space
	tokDot                    // a middle dot
	tokSkip                   // an annotation in parentheses
)

// token reads the token at s[i] and returns its kind, the weight of a character, and the index
// after it.
func token(s string, i int) (tokenKind, uint32, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		switch c {
		case '(':
			if j := closing(s, i+1); j >= 0 {
				return tokSkip, 0, j
			}
		case ' ', '\t', '\n', '\v', '\f', '\r':
			return tokSpace, 0, i + 1
		}
		return tokChar, asciiWeight(c), i + 1
	}
	if r, ok := uroAt(s, i); ok {
		return tokChar, uroWeight(r), i + 3
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	switch {
	case r == utf8.RuneError && n == 1:
		return tokChar, invalidTier | uint32(c), i + 1
	case r == '（':
		if j := closing(s, i+n); j >= 0 {
			return tokSkip, 0, j
		}
	case isDot(r):
		return tokDot, 0, i + n
	case unicode.IsSpace(r):
		return tokSpace, 0, i + n
	}
	return tokChar, weight(r), i + n
}

// closing returns the index after the parenthesis that closes the one before s[i], or -1.
func closing(s string, i int) int {
	depth := 1
	for i < len(s) {
		c := s[i]
		n := 1
		if c >= utf8.RuneSelf {
			var r rune
			r, n = utf8.DecodeRuneInString(s[i:])
			switch r {
			case '（':
				depth++
			case '）':
				depth--
			}
		} else if c == '(' {
			depth++
		} else if c == ')' {
			depth--
		}
		i += n
		if depth == 0 {
			return i
		}
	}
	return -1
}

func isDot(r rune) bool {
	switch r {
	case '\u00B7', '\u0387', '\u2022', '\u2027', '\u2219', '\u22C5', '\u2E31', '\u30FB', '\uFF65':
		return true
	}
	return false
}
