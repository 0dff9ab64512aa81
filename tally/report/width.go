package report

import (
	"unicode"

	"golang.org/x/text/width"
)

// displayWidth returns the number of terminal columns s takes: two for a wide or full-width character
// (Chinese characters, full-width punctuation), none for a combining mark, one otherwise.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
		case width.LookupRune(r).Kind() == width.EastAsianWide || width.LookupRune(r).Kind() == width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}
