package ballot_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/unicode"

	"github.com/chae-go/chae/ballot"
)

// readRows reads every ballot of a file, going on past the errors a Reader goes on after, and
// returns the lines of the ballots read, the errors met and the rows skipped. A final error is
// the one returned twice in a row (Reader.Read returns it on every later call).
func readRows(r *ballot.Reader) (lines []int, errs []error, skipped ballot.SkippedRows) {
	var b ballot.Ballot
	for range 100_000 {
		err := r.ReadInto(&b)
		if err == io.EOF {
			return lines, errs, r.Skipped()
		}
		if err != nil {
			if len(errs) > 0 && errs[len(errs)-1] == err {
				return lines, errs, r.Skipped()
			}
			errs = append(errs, err)
			continue
		}
		lines = append(lines, r.Line())
	}
	panic("the Reader does not end")
}

// errLines returns the line of each error (0 for one that is not a *ParseError).
func errLines(errs []error) []int {
	var out []int
	for _, err := range errs {
		var pe *ballot.ParseError
		if errors.As(err, &pe) {
			out = append(out, pe.Line)
		} else {
			out = append(out, 0)
		}
	}
	return out
}

// TestTrailingEmptyRowsAreNoBallots: the rows a spreadsheet exports below its data (every cell
// empty) in a file without a box column were read as blank ballots: five ",,,,,,,," rows were five
// more valid ballots. They are skipped, and reported.
func TestTrailingEmptyRowsAreNoBallots(t *testing.T) {
	t.Parallel()
	const head = "c1,c2,c3,c4,c5,c6,c7,write-in,spoiled\n○,×,○,,○,×,,,\n×,○,,○,○,×,○,,\n"
	tests := []struct {
		name string
		tail string
		want ballot.SkippedRows
	}{
		{"five rows of commas", strings.Repeat(",,,,,,,,\n", 5), ballot.SkippedRows{Rows: 5, First: 4, Last: 8}},
		{"five rows of commas, CRLF, no final line end", strings.Repeat(",,,,,,,,\r\n", 4) + ",,,,,,,,", ballot.SkippedRows{Rows: 5, First: 4, Last: 8}},
		{"fewer and more commas", ",,\n,,,,,,,,,,,,,,\n", ballot.SkippedRows{Rows: 2, First: 4, Last: 5}},
		{"white space and blank lines", "   \n\n\t,\u3000,\n\r\n", ballot.SkippedRows{Rows: 4, First: 4, Last: 7}},
		{"quoted empty cells, one across two lines", "\"\",\"\"\n\" \n\",,\n,\n", ballot.SkippedRows{Rows: 3, First: 4, Last: 7}},
		{"no empty row", "", ballot.SkippedRows{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r := ballot.NewReader(strings.NewReader(head + tc.tail))
			lines, errs, skipped := readRows(r)
			if len(errs) > 0 || !slices.Equal(lines, []int{2, 3}) || skipped != tc.want {
				t.Errorf("ballots on lines %v, errors %v, skipped %+v; want lines [2 3], no error, skipped %+v", lines, errs, skipped, tc.want)
			}
		})
	}
}

// TestEmptyRowBetweenBallotsRefused: an empty row before a later row is an error on its own line,
// one for each such row, never a ballot; reading goes on after it.
func TestEmptyRowBetweenBallotsRefused(t *testing.T) {
	t.Parallel()
	empty, quote, mark := ballot.ErrEmptyRow, ballot.ErrQuote, ballot.ErrMarkValue
	tests := []struct {
		name       string
		in         string
		ballots    []int
		errs       []int
		kinds      []error
		skippedRow int
	}{
		{"one row of commas", "c1,c2,c3\nF,A,-\n,,\nA,A,F\n", []int{2, 4}, []int{3}, []error{empty}, 0},
		{"two rows, then one at the end", "c1,c2,c3\nF,A,-\n,,\n\nA,A,F\n,,\n", []int{2, 5}, []int{3, 4}, []error{empty, empty}, 1},
		{"right after the header", "c1,c2,c3\n\nF,A,-\n", []int{3}, []int{2}, []error{empty}, 0},
		{"before a bad row", "c1,c2,c3\n,,\nF,?,-\nF,F,F\n", []int{4}, []int{2, 3}, []error{empty, mark}, 0},
		{"before a multi-line row", "c1,write-in\n,\nF,\"a\nb\"\n", []int{3}, []int{2}, []error{empty}, 0},
		{"a quoted empty row", "c1,write-in\n\"\",\"  \"\nF,x\n", []int{3}, []int{2}, []error{empty}, 0},
		{"before an unterminated quote", "c1,write-in\n,\nF,\"a\n", nil, []int{2, 3}, []error{empty, quote}, 0},
		{"with a box column", "box,c1\nA,F\n,\nA,-\n", []int{2, 4}, []int{3}, []error{empty}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r := ballot.NewReader(strings.NewReader(tc.in))
			lines, errs, skipped := readRows(r)
			if !slices.Equal(lines, tc.ballots) || !slices.Equal(errLines(errs), tc.errs) || skipped.Rows != tc.skippedRow {
				t.Fatalf("ballots on lines %v, errors %v, skipped %+v; want ballots %v, errors on lines %v, %d skipped",
					lines, errs, skipped, tc.ballots, tc.errs, tc.skippedRow)
			}
			for i, err := range errs {
				if !errors.Is(err, tc.kinds[i]) {
					t.Errorf("error %v, want %v", err, tc.kinds[i])
				}
			}
		})
	}
}

// TestWhitespaceLineIsAnEmptyRow: a line of white space was "1 cells for 10 columns"; it is an
// empty row like any other.
func TestWhitespaceLineIsAnEmptyRow(t *testing.T) {
	t.Parallel()
	for _, ws := range []string{" ", "\t", "   \r", "\u3000", " , ,\u00a0"} {
		r := ballot.NewReader(strings.NewReader("c1,c2,c3,c4,c5,c6,c7,c8,c9,c10\nF,F,F,F,F,F,F,F,F,F\n" + ws + "\nA,A,A,A,A,A,A,A,A,A\n"))
		lines, errs, _ := readRows(r)
		var pe *ballot.ParseError
		if len(errs) != 1 || !errors.Is(errs[0], ballot.ErrEmptyRow) || !errors.As(errs[0], &pe) || pe.Line != 3 || pe.Column != 0 {
			t.Errorf("line %q: errors %v, want one ErrEmptyRow on line 3", ws, errs)
		}
		if !slices.Equal(lines, []int{2, 4}) {
			t.Errorf("line %q: ballots on lines %v, want [2 4]", ws, lines)
		}
		if len(errs) == 1 && strings.Contains(errs[0].Error(), "cells for") {
			t.Errorf("line %q: message %q counts cells", ws, errs[0])
		}
	}
}

// TestEmptyRowBeforeHeader: the header is the first row; a file of empty rows has no header.
func TestEmptyRowBeforeHeader(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		line int
		err  error
	}{
		{"\nc1,c2\nF,A\n", 1, ballot.ErrEmptyRow},
		{",,\n \nc1,c2\nF,A\n", 1, ballot.ErrEmptyRow},
		{"\uFEFF\r\nc1\n", 1, ballot.ErrEmptyRow},
		{",,\n\n", 2, ballot.ErrNoHeader},
	}
	for _, tc := range tests {
		_, err := ballot.NewReader(strings.NewReader(tc.in)).Header()
		var pe *ballot.ParseError
		if !errors.Is(err, tc.err) || !errors.As(err, &pe) || pe.Line != tc.line {
			t.Errorf("%q: error %v, want %v on line %d", tc.in, err, tc.err, tc.line)
		}
	}
}

// TestHeaderOnlyFile: a file with a header and no ballot is a box returned empty, with a box column
// or without, with empty rows after the header or not, in every encoding and separator.
func TestHeaderOnlyFile(t *testing.T) {
	t.Parallel()
	for _, in := range []string{
		"c1,c2,c3\n", "c1,c2,c3", "box,c1,c2,c3,write-in,spoiled\r\n", "\uFEFFbox,c1,c2,c3\n",
		"c1,c2,c3\n,,\n,,\n", "box;c1;c2;c3\n", "box\tc1\tc2\tc3\n\t\t\t\n", utf16LE("box\tc1\tc2\tc3\r\n"),
	} {
		r := ballot.NewReader(strings.NewReader(in))
		r.Candidates = []string{"c1", "c2", "c3"}
		lines, errs, _ := readRows(r)
		if len(lines) != 0 || len(errs) != 0 {
			t.Errorf("%q: ballots on lines %v, errors %v; want none", in, lines, errs)
		}
	}
}

func utf16LE(s string) string {
	out, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(s)
	if err != nil {
		panic(err)
	}
	return out
}

func utf16BE(s string) string {
	out, err := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().String(s)
	if err != nil {
		panic(err)
	}
	return out
}

// TestReaderUTF16: spreadsheets' "Unicode text" (UTF-16 with a byte order mark, little-endian,
// tab-separated) gave only "invalid text encoding"; it is read.
func TestReaderUTF16(t *testing.T) {
	t.Parallel()
	plain := "票箱\tc1\tc2\t另选他人\n一号箱\t○\t×\t赵六\n流动箱\t弃\t弃\t\n"
	want := []string{"一号箱 [for against] [赵六]", "流动箱 [abstain abstain] []"}
	for name, in := range map[string]string{
		"little-endian":      utf16LE(plain),
		"big-endian":         utf16BE(plain),
		"little-endian CRLF": utf16LE(strings.ReplaceAll(plain, "\n", "\r\n")),
		"commas":             utf16LE(strings.ReplaceAll(plain, "\t", ",")),
	} {
		r := ballot.NewReader(strings.NewReader(in))
		var got []string
		for b, err := range r.All() {
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			got = append(got, fmt.Sprint(r.Box(), " ", b.Marks, " ", b.WriteIns))
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: read %q, want %q", name, got, want)
		}
	}

	bad := []struct {
		name      string
		in        string
		line, col int
		advice    string
	}{
		{"UTF-16 without a byte order mark", strings.TrimPrefix(utf16LE("c1,c2\nF,A\n"), "\xFF\xFE"), 1, 0, "byte order mark"},
		{"a lone surrogate in a write-in", utf16LE("c1,write-in\nF,a") + "\x00\xD8" + strings.TrimPrefix(utf16LE("b\n"), "\xFF\xFE"), 2, 2, ""},
		{"a lone surrogate in the header", utf16LE("c1,") + "\x00\xD8" + strings.TrimPrefix(utf16LE("\nF,A\n"), "\xFF\xFE"), 1, 2, ""},
	}
	for _, tc := range bad {
		r := ballot.NewReader(strings.NewReader(tc.in))
		_, errs, _ := readRows(r)
		var pe *ballot.ParseError
		if len(errs) == 0 || !errors.Is(errs[0], ballot.ErrEncoding) || !errors.As(errs[0], &pe) || pe.Line != tc.line || pe.Column != tc.col {
			t.Errorf("%s: errors %v, want ErrEncoding at line %d column %d", tc.name, errs, tc.line, tc.col)
			continue
		}
		if !strings.Contains(errs[0].Error(), tc.advice) {
			t.Errorf("%s: message %q does not say what to do (%q)", tc.name, errs[0], tc.advice)
		}
	}
}

// TestReaderSeparators: a semicolon- or tab-separated file gave an unknown column "box;c1;…"; the
// separator is detected from the header and the file read, or refused saying what to do.
func TestReaderSeparators(t *testing.T) {
	t.Parallel()
	want := []string{"A [for against abstain] [Zhao; Liu]", "A [abstain abstain abstain] []"}
	tests := []struct {
		name  string
		in    string
		comma rune
	}{
		{"semicolons", "box;c1;c2;c3;write-in\nA;○;×;;\"Zhao; Liu\"\nA;-;-;-;\n", 0},
		{"tabs", "box\tc1\tc2\tc3\twrite-in\nA\tF\tA\t\tZhao; Liu\nA\t弃\t弃\t弃\t\n", 0},
		{"tabs, CRLF and a trailing empty row", "box\tc1\tc2\tc3\twrite-in\r\nA\tF\tA\t\tZhao; Liu\r\nA\t-\t-\t-\t\r\n\t\t\t\t\r\n", 0},
		{"quoted header cells", "\"box\";c1;c2;c3;\"write-in\"\nA;F;A;;\"Zhao; Liu\"\nA;-;-;-;\n", 0},
		{"vertical bars, given", "box|c1|c2|c3|write-in\nA|F|A||Zhao; Liu\nA|-|-|-|\n", '|'},
		{"commas, given", "box,c1,c2,c3,write-in\nA,F,A,,Zhao; Liu\nA,-,-,-,\n", ','},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r := ballot.NewReader(strings.NewReader(tc.in))
			r.Candidates = []string{"c1", "c2", "c3"}
			r.Comma = tc.comma
			var got []string
			for b, err := range r.All() {
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, fmt.Sprint(r.Box(), " ", b.Marks, " ", b.WriteIns))
			}
			if !slices.Equal(got, want) {
				t.Errorf("read %q, want %q", got, want)
			}
		})
	}

	// A comma inside a quoted header cell is no separator.
	h, err := ballot.NewReader(strings.NewReader("c1;\"x,y\";c3\nF;A;F\n")).Header()
	if err != nil || !slices.Equal(h.Candidates, []string{"c1", "x,y", "c3"}) {
		t.Errorf("header with a quoted comma: %v, %v", h.Candidates, err)
	}

	bad := []struct {
		name   string
		in     string
		comma  rune
		advice string
	}{
		{"semicolons and tabs", "box;c1\tc2\n", 0, "save the file as CSV"},
		{"a separator no spreadsheet writes", "c1.c2\n", '.', "comma, a semicolon, a tab or a vertical bar"},
		{"a quote as separator", "c1\"c2\n", '"', "comma, a semicolon"},
	}
	for _, tc := range bad {
		r := ballot.NewReader(strings.NewReader(tc.in))
		r.Comma = tc.comma
		_, err := r.Header()
		var pe *ballot.ParseError
		if !errors.Is(err, ballot.ErrSeparator) || !errors.As(err, &pe) || pe.Line != 1 || !strings.Contains(err.Error(), tc.advice) {
			t.Errorf("%s: error %v, want ErrSeparator on line 1 saying %q", tc.name, err, tc.advice)
		}
	}
}

// TestUnknownColumnSaysWhatToDo: a header of names instead of IDs gave no hint; an unknown column
// is reported with the columns expected (IDs and names), and a name with its candidate's ID, in one
// message.
func TestUnknownColumnSaysWhatToDo(t *testing.T) {
	t.Parallel()
	slate := ballot.Slate{Seats: 1, Candidates: []ballot.Candidate{{ID: "c1", Name: "李伟"}, {ID: "c2", Name: "王芳"}, {ID: "c3", Name: "张敏"}}}
	tests := []struct {
		name    string
		in      string
		err     error
		col     int
		nameOf  string
		message string
	}{
		{"a name for an ID", "box,李伟,王芳,张敏\n", ballot.ErrUnknownColumn, 2, "c1",
			`ballot: line 1, column 2: unknown candidate column "李伟": "李伟" is a candidate's name: use its ID "c1" (the candidate columns, in order: c1 李伟, c2 王芳, c3 张敏)`},
		{"a name with odd spaces", "c1, 王芳 ,c3\n", ballot.ErrUnknownColumn, 2, "c2", `"王芳" is a candidate's name: use its ID "c2"`},
		{"another round's column", "c1,c4,c3\n", ballot.ErrUnknownColumn, 2, "",
			`ballot: line 1, column 2: unknown candidate column "c4" (the candidate columns, in order: c1 李伟, c2 王芳, c3 张敏)`},
		{"a missing column", "c1,c2\n", ballot.ErrMissingColumn, 0, "", `missing candidate column "c3" (the candidate columns, in order: c1 李伟`},
		{"out of order", "c2,c1,c3\n", ballot.ErrColumnOrder, 1, "", `out of slate order "c2" (the candidate columns, in order: c1 李伟`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r := ballot.NewReader(strings.NewReader(tc.in))
			r.Candidates, r.Names = slate.IDs(), slate.Names()
			_, err := r.Header()
			var pe *ballot.ParseError
			if !errors.Is(err, tc.err) || !errors.As(err, &pe) || pe.Column != tc.col || pe.NameOf != tc.nameOf {
				t.Fatalf("error %#v, want %v in column %d naming %q", err, tc.err, tc.col, tc.nameOf)
			}
			if len(pe.Columns) != 3 || pe.Columns[1].ID != "c2" || pe.Columns[1].Name != "王芳" {
				t.Errorf("columns %v, want the slate's", pe.Columns)
			}
			if !strings.Contains(err.Error(), tc.message) || strings.Count(err.Error(), "ballot:") != 1 {
				t.Errorf("message\n%s\ndoes not hold\n%s", err, tc.message)
			}
		})
	}
	// Without names, the columns are listed by ID.
	r := ballot.NewReader(strings.NewReader("李伟,c2,c3\n"))
	r.Candidates = slate.IDs()
	if _, err := r.Header(); err == nil || !strings.HasSuffix(err.Error(), "(the candidate columns, in order: c1, c2, c3)") {
		t.Errorf("without names: %v", err)
	}
}

// TestWriterWritesBlankBallotsExplicitly: a blank ballot is written with an abstain mark in every
// candidate cell, in every style, so that it never reads as an empty row; it reads back as a blank
// ballot.
func TestWriterWritesBlankBallotsExplicitly(t *testing.T) {
	t.Parallel()
	want := map[ballot.MarkStyle]string{ballot.MarkSymbols: "弃,弃,弃,", ballot.MarkLetters: "-,-,-,", ballot.MarkDigits: "-,-,-,"}
	for style, line := range want {
		var b strings.Builder
		w, err := ballot.NewWriter(&b, ballot.Header{Candidates: []string{"c1", "c2", "c3"}, WriteIns: 1})
		if err != nil {
			t.Fatal(err)
		}
		w.Marks = style
		for range 2 {
			if err := w.Write("", ballot.Ballot{Marks: make([]ballot.Mark, 3)}); err != nil {
				t.Fatal(err)
			}
		}
		w.Flush()
		if got := strings.Split(b.String(), "\n")[1]; got != line {
			t.Errorf("style %d writes a blank ballot as %q, want %q", style, got, line)
		}
		r := ballot.NewReader(strings.NewReader(b.String()))
		lines, errs, skipped := readRows(r)
		if len(lines) != 2 || len(errs) != 0 || skipped.Rows != 0 {
			t.Errorf("style %d: blank ballots read back as ballots on lines %v, errors %v, skipped %+v", style, lines, errs, skipped)
		}
	}
}

// FuzzReaderRows: on any input, reading never panics and ends; every ballot and every error the
// Reader goes on after stands on a later line than the one before; a *ParseError has a line; the
// empty rows skipped at the end come after everything read.
func FuzzReaderRows(f *testing.F) {
	f.Add([]byte("c1,c2,c3,c4,c5,c6,c7\n○,×,○,,○,×,\n" + strings.Repeat(",,,,,,,,\n", 5)))
	f.Add([]byte("c1,c2,c3\nF,A,-\n,,\n\nA,A,F\n  \n"))
	f.Add([]byte("box;c1;c2;write-in\nA;○;×;\"x;y\"\n;;;\n"))
	f.Add([]byte(utf16LE("box\tc1\tc2\n一号箱\t○\t×\n\t\t\n")))
	f.Add([]byte(utf16BE("c1,c2\r\nF,A\r\n")))
	f.Add([]byte("c1,write-in\n\"\",\"\n\"\nF,\"a\"\n,\n"))
	f.Add([]byte("\n\nc1\nF\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := ballot.NewReader(bytes.NewReader(data))
		r.MaxRecordBytes = 4096
		lines, errs, skipped := readRows(r)
		last := 0
		for _, err := range errs {
			var pe *ballot.ParseError
			if errors.As(err, &pe) && pe.Line < 1 {
				t.Fatalf("error without a line: %v", err)
			}
		}
		// Merge the ballots' lines and the errors' lines in reading order is not kept by readRows;
		// each list on its own must rise.
		for _, l := range lines {
			if l <= last {
				t.Fatalf("ballot lines %v do not rise", lines)
			}
			last = l
		}
		el := errLines(errs)
		for i := 1; i < len(el); i++ {
			if el[i] <= el[i-1] && el[i] != 0 {
				t.Fatalf("error lines %v do not rise (%v)", el, errs)
			}
		}
		if skipped.Rows > 0 {
			if skipped.First <= last || skipped.Last < skipped.First || skipped.Rows > skipped.Last-skipped.First+1 {
				t.Fatalf("skipped %+v after the ballot on line %d", skipped, last)
			}
			if len(el) > 0 && el[len(el)-1] >= skipped.First {
				t.Fatalf("skipped %+v after an error on line %d", skipped, el[len(el)-1])
			}
		}
	})
}
