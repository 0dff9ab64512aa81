package stroke

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A character's weight is a uint32; strings compare as the sequences of their characters' weights,
// a string that is a prefix of another first. From low to high:
//
//	0                          the blank of a name (Names only)
//	code point                 white space (below 1<<22)
//	count<<22 | position       a character with a stroke sequence: its total strokes, then its
//	                           position in stroke order (rules 1-4 and the overrides)
//	count<<22 | 1<<21 | cp     a character with a count (Unihan kTotalStrokes) but no sequence:
//	                           after the characters with a sequence of that count, by code point
//	1<<29 | cp                 a Han character with no data: after every character with a count
//	1<<30 | cp                 any other character (Latin letters, digits, punctuation)
//	1<<31 | byte               a byte that is not part of valid UTF-8
const (
	countShift  = 22
	fallbackBit = 1 << 21
	noDataTier  = 1 << 29
	otherTier   = 1 << 30
	invalidTier = 1 << 31
	blank       = 0
)

// weight returns the weight of a valid character.
func weight(r rune) uint32 {
	if r < utf8.RuneSelf {
		return asciiWeight(byte(r))
	}
	if r >= uroFirst && r <= uroLast {
		return uroWeight(r)
	}
	if c := extraCount(r); c != 0 {
		return c<<countShift | fallbackBit | uint32(r)
	}
	switch {
	case unicode.IsSpace(r):
		return uint32(r)
	case unicode.Is(unicode.Han, r):
		return noDataTier | uint32(r)
	}
	return otherTier | uint32(r)
}

// uroWeight returns the weight of a character of uroFirst..uroLast.
func uroWeight(r rune) uint32 {
	i := uint32(r - uroFirst)
	c := uint32(uroCount[i]) - 0x20
	w, b := i>>6, i&63
	if set := seqBits[w]; set>>b&1 != 0 {
		rank := uint32(seqRank[w]) + uint32(bits.OnesCount64(set&(1<<b-1)))
		return c<<countShift | uint32(seqPos[rank])
	}
	if c != 0 {
		return c<<countShift | fallbackBit | uint32(r)
	}
	return noDataTier | uint32(r)
}

// uroAt decodes the character at s[i] if it is one of uroFirst..uroLast (three bytes, lead byte
// 0xE4 to 0xE9, where every continuation byte is valid), the common case, without a call.
func uroAt(s string, i int) (rune, bool) {
	if c := s[i]; c-0xE4 <= 0xE9-0xE4 && i+2 < len(s) {
		c1, c2 := s[i+1], s[i+2]
		if c1&0xC0 == 0x80 && c2&0xC0 == 0x80 {
			if r := rune(c&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F); r >= uroFirst {
				return r, true
			}
		}
	}
	return 0, false
}

func asciiWeight(c byte) uint32 {
	switch c {
	case ' ', '\t', '\n', '\v', '\f', '\r':
		return uint32(c)
	}
	return otherTier | uint32(c)
}

// extraCount returns the count of a character outside uroFirst..uroLast, 0 if it has none.
func extraCount(r rune) uint32 {
	lo, hi := 0, len(extra)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if rune(extra[m]>>8) < r {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(extra) && rune(extra[lo]>>8) == r {
		return extra[lo] & 0xFF
	}
	return 0
}

// next returns the weight of the character at s[i] and its length in bytes.
func next(s string, i int) (uint32, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		return asciiWeight(c), 1
	}
	if r, ok := uroAt(s, i); ok {
		return uroWeight(r), 3
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if r == utf8.RuneError && n == 1 {
		return invalidTier | uint32(c), 1
	}
	return weight(r), n
}

// hasSequence reports whether a weight is that of a character with a stroke sequence.
func hasSequence(w uint32) bool {
	return w >= 1<<countShift && w < noDataTier && w&fallbackBit == 0
}

// Compare compares two strings character by character in the order of GF 3003-1999 and returns
// -1, 0 or +1. Each character is placed by its total strokes (rule 1), its stroke classes in
// writing order (rule 2), the basic form before the variant (rule 3), then the overrides (rule 4
// and corrections), then code point; characters the table does not order take the places the
// package documentation lists. A string that is a prefix of another comes first.
//
// Compare returns 0 only for equal strings; it allocates nothing and is safe for concurrent use.
func Compare(a, b string) int {
	i, j := 0, 0
	for {
		if i == len(a) {
			if j == len(b) {
				return 0
			}
			return -1
		}
		if j == len(b) {
			return +1
		}
		wa, na := next(a, i)
		wb, nb := next(b, j)
		if wa != wb {
			if wa < wb {
				return -1
			}
			return +1
		}
		i += na
		j += nb
	}
}

// A Key is a sort key: two keys compare (with <, cmp.Compare or strings.Compare) as the strings
// they were made from compare. Keys made by different functions, or by Names values with different
// settings, are not comparable with each other. The bytes are an encoding of the characters'
// places, four for each character; they are not text.
type Key string

// StringKey returns the key of s for Compare: cmp.Compare(StringKey(a), StringKey(b)) ==
// Compare(a, b).
func StringKey(s string) Key {
	var b strings.Builder
	b.Grow(4 * utf8.RuneCountInString(s))
	for i := 0; i < len(s); {
		w, n := next(s, i)
		appendWeight(&b, w)
		i += n
	}
	return Key(b.String())
}

func appendWeight(b *strings.Builder, w uint32) {
	b.WriteByte(byte(w >> 24))
	b.WriteByte(byte(w >> 16))
	b.WriteByte(byte(w >> 8))
	b.WriteByte(byte(w))
}

// Strokes returns the total number of strokes of r as the table has it: the length of its stroke
// sequence, or for a character without one its count from Unihan (kTotalStrokes, or the overrides'
// correction). It returns 0 for a character the table has no count for.
func Strokes(r rune) int {
	w := weight(r)
	if w < 1<<countShift || w >= noDataTier {
		return 0
	}
	return int(w >> countShift)
}

// Unknown returns the Han characters of s that have no stroke sequence, each once, in the order
// they first appear, or nil if there are none. Compare and CompareNames place such a character
// after the characters with a sequence of its total count (Unihan's), by code point, or, without a
// count, after every counted character: the order is deterministic but not GF 3003's, so a list
// containing them should be checked by hand. Characters that are not Han (Latin letters, digits,
// punctuation) are not reported.
func Unknown(s string) []rune {
	var out []rune
	for _, r := range s {
		w := weight(r)
		if (w >= 1<<countShift && w < otherTier && !hasSequence(w)) && !containsRune(out, r) {
			out = append(out, r)
		}
	}
	return out
}

func containsRune(rs []rune, r rune) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}
