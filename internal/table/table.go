// Package table measures text in terminal columns and writes aligned plain-text tables: the one
// place in chae that knows how wide a Chinese character is on a terminal or in a monospaced
// printout, so that a tally sheet, a composition report and an example's summary line up alike.
package table

import (
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// Width returns the number of terminal columns s takes: two for an East Asian wide or full-width
// character (Chinese characters, full-width punctuation and the ideographic space), none for a
// combining mark (Unicode category Mn) or a zero-width character (U+200B–U+200D, U+FEFF), one for
// anything else.
func Width(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case r == 0x200B || r == 0x200C || r == 0x200D || r == 0xFEFF:
		case unicode.Is(unicode.Mn, r):
		default:
			switch width.LookupRune(r).Kind() {
			case width.EastAsianWide, width.EastAsianFullwidth:
				n += 2
			default:
				n++
			}
		}
	}
	return n
}

// Table is a plain-text table whose columns are padded to their widest cell (in Width columns) and
// separated by two spaces. The zero value is an empty table with every column left-aligned.
type Table struct {
	Indent string // written before every line
	Right  []bool // Right[j]: column j is right-aligned; columns past its end are left-aligned
	Min    []int  // Min[j]: the least width of column j, to line up several tables
	Rows   [][]string
}

// Add appends a row.
func (t *Table) Add(cells ...string) { t.Rows = append(t.Rows, cells) }

// Widths returns the width of each column: its widest cell, or Min where that is wider.
func (t *Table) Widths() []int {
	var wd []int
	for _, r := range t.Rows {
		for j, c := range r {
			if j >= len(wd) {
				wd = append(wd, 0)
			}
			wd[j] = max(wd[j], Width(c))
		}
	}
	for j, m := range t.Min {
		if j < len(wd) {
			wd[j] = max(wd[j], m)
		}
	}
	return wd
}

// Write writes the table to b, one line per row ending in "\n", without trailing spaces.
func (t *Table) Write(b *strings.Builder) {
	wd := t.Widths()
	var line strings.Builder
	for _, r := range t.Rows {
		line.Reset()
		line.WriteString(t.Indent)
		for j, c := range r {
			if j > 0 {
				line.WriteString("  ")
			}
			pad := strings.Repeat(" ", wd[j]-Width(c))
			if j < len(t.Right) && t.Right[j] {
				line.WriteString(pad + c)
			} else {
				line.WriteString(c + pad)
			}
		}
		b.WriteString(strings.TrimRight(line.String(), " "))
		b.WriteByte('\n')
	}
}

// String returns the table as Write writes it.
func (t *Table) String() string {
	var b strings.Builder
	t.Write(&b)
	return b.String()
}
