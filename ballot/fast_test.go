package ballot_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"github.com/chae-go/chae/ballot"
)

// event is one thing a Reader gives: a ballot, its box and line, or an error.
type event struct {
	b    ballot.Ballot
	box  string
	line int
	err  error
}

func (e event) String() string {
	if e.err != nil {
		return fmt.Sprintf("error %v", describeErr(e.err))
	}
	return fmt.Sprintf("line %d box %q %v %q %t", e.line, e.box, e.b.Marks, e.b.WriteIns, e.b.Spoiled)
}

// describeErr gives an error's kind and position, for comparing errors of two paths.
func describeErr(err error) string {
	var pe *ballot.ParseError
	if errors.As(err, &pe) {
		return fmt.Sprintf("%s [line %d column %d %q %q]", err, pe.Line, pe.Column, pe.Name, pe.Text)
	}
	return err.Error()
}

// readPlain reads a file with ReadInto alone, going on after the errors the Reader goes on after.
func readPlain(r *ballot.Reader) ([]event, ballot.SkippedRows) {
	var out []event
	for range 1_000_000 {
		b, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			if len(out) > 0 && out[len(out)-1].err == err {
				break
			}
			out = append(out, event{err: err})
			continue
		}
		if len(b.WriteIns) == 0 {
			b.WriteIns = nil
		}
		out = append(out, event{b: b, box: r.Box(), line: r.Line()})
	}
	return out, r.Skipped()
}

// readFast reads a file with ReadMarks, rows at a time, and ReadInto where ReadMarks stops.
func readFast(t interface{ Fatalf(string, ...any) }, r *ballot.Reader, rows, pad int) ([]event, ballot.SkippedRows) {
	h, err := r.Header()
	if err != nil {
		return []event{{err: err}}, r.Skipped()
	}
	k := len(h.Candidates)
	pitch := k + pad
	dst := make([]ballot.Mark, rows*pitch)
	var out []event
	for range 1_000_000 {
		n, err := r.ReadMarks(dst, pitch)
		if err != nil {
			t.Fatalf("ReadMarks: %v", err)
		}
		for i := range n {
			out = append(out, event{b: ballot.Ballot{Marks: slices.Clone(dst[i*pitch : i*pitch+k])}, box: r.Box()})
		}
		if n > 0 {
			// Line describes the last ballot read; the lines of the others are checked by the
			// ballots that follow them in the plain reading.
			out[len(out)-1].line = r.Line()
			for i := len(out) - n; i < len(out)-1; i++ {
				out[i].line = -1
			}
		}
		if n == rows {
			continue
		}
		b, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			if len(out) > 0 && out[len(out)-1].err == err {
				break
			}
			out = append(out, event{err: err})
			continue
		}
		if len(b.WriteIns) == 0 {
			b.WriteIns = nil
		}
		out = append(out, event{b: b, box: r.Box(), line: r.Line()})
	}
	return out, r.Skipped()
}

// sameEvents compares two readings; a line of -1 in got is not compared.
func sameEvents(want, got []event) bool {
	return slices.EqualFunc(want, got, func(w, g event) bool {
		if (w.err == nil) != (g.err == nil) {
			return false
		}
		if w.err != nil {
			return describeErr(w.err) == describeErr(g.err)
		}
		return (g.line == -1 || w.line == g.line) && w.box == g.box && equalBallot(w.b, g.b)
	})
}

// TestReadMarksAgreesWithReadInto: reading with ReadMarks where it reads and ReadInto where it
// stops gives exactly the ballots, boxes, lines, errors and skipped rows of ReadInto alone, on
// any generated file, whatever the rows a call takes.
func TestReadMarksAgreesWithReadInto(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		g := drawFile(t)
		rows := rapid.IntRange(1, 5).Draw(t, "rows")
		pad := rapid.IntRange(0, 9).Draw(t, "pad")
		max := rapid.SampledFrom([]int{0, 16, 24, 40, 200}).Draw(t, "maxRecord")
		plain := ballot.NewReader(bytes.NewReader(g.data))
		plain.MaxRecordBytes = max
		want, wantSkip := readPlain(plain)
		fast := ballot.NewReader(bytes.NewReader(g.data))
		fast.MaxRecordBytes = max
		got, gotSkip := readFast(t, fast, rows, pad)
		if !sameEvents(want, got) || wantSkip != gotSkip {
			t.Fatalf("ReadInto:\n%v\n%+v\nReadMarks:\n%v\n%+v\nfile %q", want, wantSkip, got, gotSkip, g.data)
		}
	})
}

// TestReadMarksReads: the fast path reads the common lines itself (a test that it is not always
// left to ReadInto), and stops where it must.
func TestReadMarksReads(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		in    string
		rows  int // the rows the first call after the first ballot fills
		marks string
	}{
		{"symbols", "box,c1,c2,c3,write-in,spoiled\nA,○,×,,,\nA,×,,○,,\nA,弃,弃,弃,,\nA,,○,,,0\n", 3, "[against abstain for abstain abstain abstain abstain for abstain]"},
		{"letters, CRLF", "box,c1,c2,c3,c4,c5\r\nA,F,A,-,F,A\r\nA,A,A,F,-,-\r\nA,f,a,-,1,0\r\n", 2, "[against against for abstain abstain for against abstain for against]"},
		{"semicolons, no box", "c1;c2;c3\n○;×;\n×;;○\n;○;\n", 2, "[against abstain for abstain for abstain]"},
		{"declared √", "c1,c2\n√,×\n√,√\n○,√\n", 2, "[for for for for]"},
		{"stops at a write-in", "box,c1,write-in\nA,○,\nA,×,\nA,○,Zhao\nA,×,\n", 1, "[against]"},
		{"stops at a new box", "box,c1\nA,○\nA,×\nB,○\nB,×\n", 1, "[against]"},
		{"stops at a quote", "box,c1\nA,○\nA,×\nA,\"○\"\n", 1, "[against]"},
		{"stops at an empty row", "c1,c2\n○,×\n×,×\n,\n○,○\n", 1, "[against against]"},
		{"another spelling of a first byte (✕ after ×, ✕ first)", "c1,c2,c3,c4,c5\n○,×,○,×,○\n×,✕,×,×,×\n✕,×,F,A,×\n", 2, "[against against against against against against against for against against]"},
		{"another spelling of a first byte in the last column", "c1,c2\n○,×\n×,✕\n○,○\n", 2, "[against against for for]"},
		{"a spoiled cell that reads not spoiled", "box,c1,c2,spoiled\nA,F,A,\nA,A,F,\nA,F,F,0\nA,A,A,\n", 3, "[against for for for against against]"},
		{"stops at spaces", "box,c1,c2\nA,○,×\nA,×, \nA,○,○\n", 0, "[]"},
		{"stops at a row of a blank box and empty cells", "box,c1,c2\n ,○,×\n ,,\n ,○,○\n", 0, "[]"},
	}
	s, err := ballot.DefaultSpellings().WithMark(ballot.For, "√")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r := ballot.NewReader(strings.NewReader(tc.in))
			r.Spellings = s
			if _, err := r.Read(); err != nil {
				t.Fatal(err)
			}
			h, _ := r.Header()
			k := len(h.Candidates)
			dst := make([]ballot.Mark, 10*k)
			n, err := r.ReadMarks(dst, k)
			if err != nil || n != tc.rows || fmt.Sprint(dst[:n*k]) != tc.marks && n > 0 {
				t.Errorf("read %d rows %v, %v; want %d rows %s", n, dst[:n*k], err, tc.rows, tc.marks)
			}
		})
	}
}

// TestReadMarksRecordLimit: the fast path leaves a line longer than MaxRecordBytes to ReadInto,
// which refuses it, whatever the buffer holds.
func TestReadMarksRecordLimit(t *testing.T) {
	t.Parallel()
	cells := []string{"F", "○", "against", "-"}
	var in strings.Builder
	in.WriteString("c1,c2,c3,write-in\n")
	for _, a := range cells {
		for _, b := range cells {
			for _, c := range cells {
				for _, eol := range []string{"\n", "\r\n"} {
					in.WriteString(a + "," + b + "," + c + "," + eol) // plain lines of 7 to 25 bytes
				}
			}
		}
	}
	for limit := 6; limit < 28; limit++ {
		plain := ballot.NewReader(strings.NewReader(in.String()))
		plain.MaxRecordBytes = limit
		want, _ := readPlain(plain)
		fast := ballot.NewReader(strings.NewReader(in.String()))
		fast.MaxRecordBytes = limit
		got, _ := readFast(t, fast, 3, 0)
		if !sameEvents(want, got) {
			t.Fatalf("limit %d: ReadInto\n%v\nReadMarks\n%v", limit, want, got)
		}
	}
}

// TestReadMarksLongLines: lines longer than the fast path's window of separators (thousands of
// candidates) are read as ReadInto reads them.
func TestReadMarksLongLines(t *testing.T) {
	t.Parallel()
	for _, k := range []int{2000, 3000, 5000} {
		var in strings.Builder
		h := make([]string, k)
		for i := range h {
			h[i] = fmt.Sprintf("c%d", i)
		}
		in.WriteString("box," + strings.Join(h, ",") + "\n")
		for l := range 5 {
			cells := make([]string, k)
			for i := range cells {
				cells[i] = []string{"○", "×", "", "F"}[(i*7+l)%4]
			}
			in.WriteString("A," + strings.Join(cells, ",") + "\n")
		}
		want, _ := readPlain(ballot.NewReader(strings.NewReader(in.String())))
		got, _ := readFast(t, ballot.NewReader(strings.NewReader(in.String())), 3, 5)
		if !sameEvents(want, got) || len(got) != 5 {
			t.Fatalf("%d candidates: ReadMarks gives %d ballots, ReadInto %d", k, len(got), len(want))
		}
	}
}

// FuzzReadMarks: on any input, reading with ReadMarks and ReadInto gives exactly what ReadInto
// alone gives, whatever the rows a call takes and the room left in its rows.
func FuzzReadMarks(f *testing.F) {
	f.Add([]byte("box,c1,c2,c3,write-in,spoiled\nA,○,×,,,\nA,×,○,○,,\nA,弃,弃,弃,,0\nB,F,A,-,x,\n,,,,,\n"), uint8(3), uint8(0))
	f.Add([]byte("c1;c2;c3;c4;c5\r\nF;A;-;F;A\r\nA;A;A;F;F\r\n;;;;\r\n"), uint8(1), uint8(3))
	f.Add([]byte("c1,c2\n○,×\n\"○\",×\n○,×\r\n○ ,×\n,\n"), uint8(2), uint8(7))
	f.Fuzz(func(t *testing.T, data []byte, rows, pad uint8) {
		plain := ballot.NewReader(bytes.NewReader(data))
		plain.MaxRecordBytes = 128
		want, wantSkip := readPlain(plain)
		fast := ballot.NewReader(bytes.NewReader(data))
		fast.MaxRecordBytes = 128
		got, gotSkip := readFast(t, fast, int(rows%8)+1, int(pad%9))
		if !sameEvents(want, got) || wantSkip != gotSkip {
			t.Fatalf("ReadInto:\n%v\n%+v\nReadMarks:\n%v\n%+v", want, wantSkip, got, gotSkip)
		}
	})
}
