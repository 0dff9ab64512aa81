package ballot_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"pgregory.net/rapid"

	"github.com/chae-go/chae/ballot"
)

// rowKind is what a generated data row is.
type rowKind uint8

const (
	rowBallot rowKind = iota
	rowBadMark
	rowEmpty
)

// genRow is a generated data row and what reading it must give.
type genRow struct {
	kind   rowKind
	line   int // its first line
	box    string
	ballot ballot.Ballot
	col    int // for rowBadMark, the 1-based cell holding the bad mark
}

// genFile is a generated ballot file: its bytes and its rows.
type genFile struct {
	data    []byte
	h       ballot.Header
	rows    []genRow
	skipped ballot.SkippedRows // the empty rows that end it
}

// spellings a generated file writes for each mark, in unquoted form.
var genSpellings = [ballot.NumMarks][]string{
	ballot.Abstain: {"", "", " ", "-", "弃", "弃权", "abstain"},
	ballot.For:     {"○", "F", "f", "1", "〇", "for", " ○ "},
	ballot.Against: {"×", "A", "0", "X", "✕", "against"},
}

// drawFile draws a ballot file: a header with its columns in any order, ballots with any of the
// documented spellings, write-ins and boxes that need quoting, rows with a bad mark, empty rows
// anywhere (of commas, of white space, of quoted empty cells), in UTF-8 with or without a byte
// order mark, UTF-16 or GB18030, with CRLF or LF, separated by commas, semicolons or tabs.
func drawFile(t *rapid.T) genFile {
	sep := rapid.SampledFrom([]string{",", ";", "\t"}).Draw(t, "sep")
	eol := rapid.SampledFrom([]string{"\n", "\r\n"}).Draw(t, "eol")
	enc := rapid.SampledFrom([]string{"utf8", "bom", "utf16le", "utf16be", "gb18030"}).Draw(t, "encoding")
	k := rapid.IntRange(1, 10).Draw(t, "candidates")
	// A tidy file is mostly plain ballots, as a Writer writes them: few quotes, write-ins, spoiled
	// ballots and changes of box.
	tidy := rapid.Bool().Draw(t, "tidy")
	rare := func(label string) bool { return !tidy || rapid.IntRange(0, 9).Draw(t, label) == 0 }
	// The spellings of the file: as a Writer writes them in one style, or any mixed.
	style := rapid.IntRange(0, 3).Draw(t, "style")
	if tidy && style == 0 {
		style = 1
	}
	spellings := genSpellings
	switch style {
	case 1:
		spellings = [ballot.NumMarks][]string{{"", "弃"}, {"○"}, {"×"}}
	case 2:
		spellings = [ballot.NumMarks][]string{{"-"}, {"F", "f", "1"}, {"A", "a", "0"}}
	}
	var g genFile
	g.h = ballot.Header{Box: rapid.Bool().Draw(t, "box"), WriteIns: rapid.IntRange(0, 2).Draw(t, "writeIns"), Spoiled: rapid.Bool().Draw(t, "spoiled")}
	// The columns: candidates in slate order, the others inserted anywhere.
	var cols []string
	for i := range k {
		id := fmt.Sprintf("c%d", i+1)
		g.h.Candidates = append(g.h.Candidates, id)
		cols = append(cols, id)
	}
	insert := func(name string) {
		i := rapid.IntRange(0, len(cols)).Draw(t, "at")
		cols = slices.Insert(cols, i, name)
	}
	if g.h.Box {
		insert("box")
	}
	for range g.h.WriteIns {
		insert(rapid.SampledFrom([]string{"write-in", "另选他人"}).Draw(t, "writeInName"))
	}
	if g.h.Spoiled {
		insert(rapid.SampledFrom([]string{"spoiled", "废票"}).Draw(t, "spoiledName"))
	}
	if len(cols) == 1 {
		sep = "," // a header of one cell shows no separator
	}

	var text strings.Builder
	line := 1
	cell := func(s string, force bool) string {
		if force || strings.ContainsAny(s, sep+"\"\r\n") {
			return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
		}
		return s
	}
	lastRow := ""
	writeRow := func(cells []string) {
		row := strings.Join(cells, sep)
		lastRow = row
		text.WriteString(row)
		text.WriteString(eol)
		line += strings.Count(row, "\n") + 1
	}
	header := make([]string, len(cols))
	for i, c := range cols {
		header[i] = cell(c, rapid.IntRange(0, 9).Draw(t, "quoteHeader") == 0)
	}
	writeRow(header)

	emptyRow := func() []string {
		if rapid.Bool().Draw(t, "spreadsheetEmptyRow") {
			return make([]string, len(cols)) // as a spreadsheet exports a row left empty
		}
		n := len(cols) + rapid.IntRange(-len(cols)+1, 3).Draw(t, "emptyCells")
		cells := make([]string, n)
		for i := range cells {
			cells[i] = rapid.SampledFrom([]string{"", "", " ", "\u3000", `""`, `" "`, "\t"}).Draw(t, "emptyCell")
			if cells[i] == "\t" && sep == "\t" {
				cells[i] = ""
			}
		}
		return cells
	}
	n := rapid.IntRange(0, 12).Draw(t, "rows")
	if tidy {
		n = rapid.IntRange(0, 40).Draw(t, "tidyRows")
	}
	box := "A"
	for range n {
		kind := rowKind(rapid.IntRange(0, 5).Draw(t, "kind") % 3)
		if kind != rowBallot && (rapid.Bool().Draw(t, "mostlyBallots") || !rare("unusualRow")) {
			kind = rowBallot
		}
		row := genRow{kind: kind, line: line}
		if kind == rowEmpty {
			g.rows = append(g.rows, row)
			writeRow(emptyRow())
			continue
		}
		b := ballot.Ballot{Marks: make([]ballot.Mark, k)}
		var cells []string
		ci, wi := 0, 0
		blank := true
		for _, c := range cols {
			switch {
			case c == "box":
				if rare("newBox") {
					box = rapid.SampledFrom([]string{"A", "A", "一号箱", "b;c", "x,y", "say \"q\"", "流动\t箱", " ", "B "}).Draw(t, "boxName")
				}
				row.box = box
				cells = append(cells, cell(row.box, rare("quoteBox") && rapid.IntRange(0, 4).Draw(t, "quoteBox") == 0))
				blank = blank && strings.TrimSpace(row.box) == ""
			case c == "write-in" || c == "另选他人":
				s := ""
				if wi < 2 && rare("writeIn") && rapid.IntRange(0, 3).Draw(t, "hasWriteIn") == 0 {
					s = rapid.SampledFrom([]string{"Zhao Liu", "赵六", "a,b", "x;y", "say \"hi\"", "two\nlines", "t\tab"}).Draw(t, "writeIn")
					b.WriteIns = append(b.WriteIns, s)
					blank = false
				}
				wi++
				cells = append(cells, cell(s, false))
			case c == "spoiled" || c == "废票":
				v := ""
				if rare("spoiled") {
					v = rapid.SampledFrom([]string{"", "", "", "0", "1", "是", "否"}).Draw(t, "spoiledCell")
				}
				b.Spoiled = v == "1" || v == "是"
				blank = blank && v == ""
				cells = append(cells, v)
			default:
				m := ballot.Mark(rapid.IntRange(0, 2).Draw(t, "mark"))
				b.Marks[ci] = m
				sp := rapid.SampledFrom(spellings[m]).Draw(t, "spelling")
				blank = blank && strings.TrimSpace(sp) == ""
				cells = append(cells, cell(sp, rare("quoteMark") && rapid.IntRange(0, 9).Draw(t, "quoteMark") == 0))
				ci++
			}
		}
		if blank {
			// A ballot row is never empty: a blank ballot is written with explicit abstentions.
			i := slices.Index(cols, "c1")
			cells[i] = "-"
		}
		if kind == rowBadMark {
			i := slices.Index(cols, fmt.Sprintf("c%d", rapid.IntRange(1, k).Draw(t, "badCandidate")))
			cells[i] = rapid.SampledFrom([]string{"?", "√", "2", "FA", "ok"}).Draw(t, "badMark")
			row.col = i + 1
		}
		row.ballot = b
		g.rows = append(g.rows, row)
		writeRow(cells)
	}
	// Empty rows at the end, the last line end perhaps missing.
	for i := len(g.rows) - 1; i >= 0 && g.rows[i].kind == rowEmpty; i-- {
		g.skipped.Rows++
		g.skipped.First = g.rows[i].line
	}
	if g.skipped.Rows > 0 {
		g.skipped.Last = line - 1
	}
	s := text.String()
	if rapid.Bool().Draw(t, "noFinalEOL") && len(g.rows) > 0 && lastRow != "" {
		s = strings.TrimSuffix(s, eol)
	}
	switch enc {
	case "bom":
		s = "\uFEFF" + s
	case "utf16le":
		s = utf16LE(s)
	case "utf16be":
		s = utf16BE(s)
	case "gb18030":
		gb, err := simplifiedchinese.GB18030.NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		s = gb
	}
	g.data = []byte(s)
	return g
}

// TestNothingLost: for any ballot file, ballots read + rows reported skipped + rows refused = the
// data rows of the file; every ballot read is one the file holds, at its line; every row refused
// is refused at its line, for what it holds; the rows skipped are the empty rows that end it.
func TestNothingLost(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		g := drawFile(t)
		r := ballot.NewReader(bytes.NewReader(g.data))
		r.Candidates = g.h.Candidates
		var got []ballot.Ballot
		var boxes []string
		var lines []int
		var errs []error
		for {
			b, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				if len(errs) > 0 && errs[len(errs)-1] == err {
					t.Fatalf("final error %v in\n%q", err, g.data)
				}
				errs = append(errs, err)
				continue
			}
			got = append(got, b)
			boxes = append(boxes, r.Box())
			lines = append(lines, r.Line())
		}
		skipped := r.Skipped()
		if len(got)+skipped.Rows+len(errs) != len(g.rows) {
			t.Fatalf("%d ballots + %d skipped + %d refused ≠ %d rows (%v)\n%q", len(got), skipped.Rows, len(errs), len(g.rows), errs, g.data)
		}
		if skipped != g.skipped {
			t.Fatalf("skipped %+v, want %+v\n%q", skipped, g.skipped, g.data)
		}
		var bi, ei int
		for i, row := range g.rows[:len(g.rows)-g.skipped.Rows] {
			switch row.kind {
			case rowBallot:
				if bi >= len(got) || lines[bi] != row.line || !equalBallot(got[bi], row.ballot) || boxes[bi] != row.box {
					t.Fatalf("row %d: want %v in box %q on line %d; ballots %v %q on lines %v\n%q", i, row.ballot, row.box, row.line, got, boxes, lines, g.data)
				}
				bi++
			default:
				want, col := ballot.ErrEmptyRow, 0
				if row.kind == rowBadMark {
					want, col = ballot.ErrMarkValue, row.col
				}
				var pe *ballot.ParseError
				if ei >= len(errs) || !errors.Is(errs[ei], want) || !errors.As(errs[ei], &pe) || pe.Line != row.line || pe.Column != col {
					t.Fatalf("row %d: want %v on line %d column %d; errors %v\n%q", i, want, row.line, col, errs, g.data)
				}
				ei++
			}
		}
	})
}
