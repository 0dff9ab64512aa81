package count_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"pgregory.net/rapid"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/tally/count"
)

// run is a run of ballots of one box and its counts, as FileOptions.Runs is given it.
type run struct {
	box    string
	counts count.Counts
}

// countPlainRuns counts a ballot file the plain way, run by run: a Counter for each run of
// consecutive ballots of one box (a file without a box column is one run, even with no ballot).
func countPlainRuns(data []byte, s ballot.Slate, opts count.FileOptions) ([]run, error) {
	r := ballot.NewReader(bytes.NewReader(data))
	r.Candidates, r.Names = s.IDs(), s.Names()
	r.Spellings, r.Comma, r.MaxRecordBytes = opts.Spellings, opts.Comma, opts.MaxRecordBytes
	h, err := r.Header()
	if err != nil {
		return nil, err
	}
	var runs []run
	var c *count.Counter
	box := ""
	end := func() {
		if c != nil {
			runs = append(runs, run{box, c.Counts()})
		}
	}
	if !h.Box {
		c, _ = count.NewCounter(s)
		box = opts.Box
	}
	for {
		b, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if h.Box && (c == nil || r.Box() != box) {
			end()
			c, _ = count.NewCounter(s)
			box = r.Box()
		}
		if err := c.Add(b); err != nil {
			return nil, err
		}
	}
	end()
	return runs, nil
}

// countPlain counts a ballot file the plain way: a ballot.Reader, and Counter.Add for each box's
// ballots, stopping at the first error. It is what CountFile must give on every path.
func countPlain(data []byte, s ballot.Slate, opts count.FileOptions) (count.FileCounts, error) {
	r := ballot.NewReader(bytes.NewReader(data))
	r.Candidates, r.Names = s.IDs(), s.Names()
	r.Spellings, r.Comma, r.MaxRecordBytes = opts.Spellings, opts.Comma, opts.MaxRecordBytes
	h, err := r.Header()
	if err != nil {
		return count.FileCounts{}, err
	}
	var order []string
	counters := map[string]*count.Counter{}
	get := func(box string) *count.Counter {
		c := counters[box]
		if c == nil {
			c, _ = count.NewCounter(s)
			counters[box] = c
			order = append(order, box)
		}
		return c
	}
	if !h.Box {
		get(opts.Box)
	}
	for {
		b, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return count.FileCounts{}, err
		}
		box := opts.Box
		if h.Box {
			box = r.Box()
		}
		if err := get(box).Add(b); err != nil {
			return count.FileCounts{}, err
		}
	}
	out := count.FileCounts{Skipped: r.Skipped()}
	total, _ := count.NewCounter(s)
	for _, box := range order {
		out.Boxes = append(out.Boxes, count.BoxCounts{Box: box, Counts: counters[box].Counts()})
		if err := total.Merge(counters[box]); err != nil {
			return count.FileCounts{}, err
		}
	}
	if out.Boxes == nil {
		out.Boxes = []count.BoxCounts{}
	}
	out.Total = total.Counts()
	out.Total.SkippedRows = out.Skipped.Rows
	return out, nil
}

// countBatches counts a ballot file through Batch.ReadFrom in batches of n ballots and
// Counter.AddBatch: the total, and the skipped rows.
func countBatches(data []byte, s ballot.Slate, opts count.FileOptions, n int) (count.Counts, ballot.SkippedRows, error) {
	r := ballot.NewReader(bytes.NewReader(data))
	r.Candidates, r.Names = s.IDs(), s.Names()
	r.Spellings, r.Comma, r.MaxRecordBytes = opts.Spellings, opts.Comma, opts.MaxRecordBytes
	c, _ := count.NewCounter(s)
	bt, err := count.NewBatch(len(s.Candidates), n)
	if err != nil {
		return count.Counts{}, ballot.SkippedRows{}, err
	}
	for {
		bt.Reset()
		_, err := bt.ReadFrom(r, n)
		if aerr := c.AddBatch(bt); aerr != nil {
			return count.Counts{}, ballot.SkippedRows{}, aerr
		}
		if err == io.EOF {
			counts := c.Counts()
			counts.SkippedRows = r.Skipped().Rows
			return counts, r.Skipped(), nil
		}
		if err != nil {
			return count.Counts{}, ballot.SkippedRows{}, err
		}
	}
}

// sameOutcome reports how two countings of one file differ: "" if they give the same counts, or
// the same error (its message, and for a *ballot.ParseError its sentinel, line, column, column
// name and text).
func sameOutcome(want count.FileCounts, werr error, got count.FileCounts, gerr error) string {
	if (werr == nil) != (gerr == nil) {
		return fmt.Sprintf("error %v, want %v", gerr, werr)
	}
	if werr != nil {
		var wp, gp *ballot.ParseError
		if errors.As(werr, &wp) != errors.As(gerr, &gp) || werr.Error() != gerr.Error() {
			return fmt.Sprintf("error %v, want %v", gerr, werr)
		}
		if wp != nil && (wp.Line != gp.Line || wp.Column != gp.Column || wp.Name != gp.Name || wp.Text != gp.Text || root(werr) != root(gerr)) {
			return fmt.Sprintf("error %#v, want %#v", gp, wp)
		}
		return ""
	}
	if !reflect.DeepEqual(want, got) {
		return fmt.Sprintf("counts\n%+v\nwant\n%+v", got, want)
	}
	return ""
}

// root returns the error at the end of err's chain: the sentinel.
func root(err error) error {
	for {
		next := errors.Unwrap(err)
		if next == nil {
			return err
		}
		err = next
	}
}

// drawBallotFile draws a ballot file for the slate of k candidates: ballots in any spelling, boxes,
// write-ins, spoiled ballots, quoted cells (some across lines), empty rows anywhere, malformed
// rows of every kind, in UTF-8 (with a byte order mark or not), UTF-16 or GB18030, with CRLF or
// LF, commas, semicolons or tabs.
func drawBallotFile(t *rapid.T, k int) []byte {
	sep := rapid.SampledFrom([]string{",", ",", ";", "\t"}).Draw(t, "sep")
	eol := rapid.SampledFrom([]string{"\n", "\r\n"}).Draw(t, "eol")
	box := rapid.Bool().Draw(t, "box")
	writeIn := rapid.Bool().Draw(t, "writeInColumn")
	spoiled := rapid.Bool().Draw(t, "spoiledColumn")
	var head []string
	if box {
		head = append(head, "box")
	}
	for i := range k {
		head = append(head, fmt.Sprintf("c%d", i+1))
	}
	if writeIn {
		head = append(head, "write-in")
	}
	if spoiled {
		head = append(head, "spoiled")
	}
	if len(head) == 1 {
		sep = ","
	}
	marks := rapid.SampledFrom([][]string{
		{"", "○", "×", "弃"}, // as a Writer writes symbols
		{"-", "F", "A"},     // letters
		{"", "○", "×", "F", "a", " ", "1", "0", "〇", "✕", "for", "弃权", "√"}, // anything
	}).Draw(t, "marks")
	messy := rapid.IntRange(0, 20).Draw(t, "messy") // one row in messy+1 is unusual
	var b strings.Builder
	b.WriteString(strings.Join(head, sep) + eol)
	boxName := "A"
	rows := rapid.IntRange(0, 60).Draw(t, "rows")
	for range rows {
		cells := make([]string, 0, len(head))
		for _, h := range head {
			switch h {
			case "box":
				if rapid.IntRange(0, 15).Draw(t, "newBox") == 0 {
					boxName = rapid.SampledFrom([]string{"A", "B", "一号箱", "\"Q,R\"", " "}).Draw(t, "boxName")
				}
				cells = append(cells, boxName)
			case "write-in":
				w := ""
				if rapid.IntRange(0, 10).Draw(t, "writeIn") == 0 {
					w = rapid.SampledFrom([]string{"Zhao Liu", "赵六", "\"a,b\"", "\"two\nlines\"", "\u3000"}).Draw(t, "writeInName")
				}
				cells = append(cells, w)
			case "spoiled":
				v := ""
				if rapid.IntRange(0, 10).Draw(t, "spoiled") == 0 {
					v = rapid.SampledFrom([]string{"1", "0", "是", "no"}).Draw(t, "spoiledValue")
				}
				cells = append(cells, v)
			default:
				cells = append(cells, rapid.SampledFrom(marks).Draw(t, "mark"))
			}
		}
		line := strings.Join(cells, sep)
		if rapid.IntRange(0, messy).Draw(t, "unusual") == 0 {
			line = rapid.SampledFrom([]string{
				"",                               // an empty row
				strings.Repeat(sep, len(head)-1), // a row of empty cells
				"  ",                             // white space
				line + sep + "x",                 // a cell too many
				strings.SplitN(line, sep, 2)[0],  // too few
				strings.Replace(line, sep, sep+"?"+sep, 1), // a bad mark (or too many cells)
				line + "\"", // a bare quote
				"\"" + line, // a quote never closed
				"\"" + strings.Replace(line, sep, "\""+sep, 1),  // a quoted first cell
				strings.Replace(line, sep, sep+"\xff", 1),       // not UTF-8
				strings.Repeat("F"+sep, 40),                     // a long line
				"F" + sep + "F\"" + strings.Repeat(sep+"F", 40), // a long line with a bare quote early
				line + eol + strings.Repeat(sep, len(head)-1),   // a row of empty cells after
			}).Draw(t, "unusualLine")
		}
		b.WriteString(line + eol)
	}
	for range rapid.SampledFrom([]int{0, 1, 3, 30}).Draw(t, "trailingEmptyRows") {
		b.WriteString(strings.Repeat(sep, rapid.IntRange(0, len(head)).Draw(t, "emptyCells")) + eol)
	}
	s := b.String()
	if rapid.Bool().Draw(t, "noFinalEOL") {
		s = strings.TrimSuffix(s, eol)
	}
	switch rapid.SampledFrom([]string{"utf8", "utf8", "bom", "utf16", "gb18030"}).Draw(t, "encoding") {
	case "bom":
		s = "\uFEFF" + s
	case "utf16":
		s, _ = unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(strings.ToValidUTF8(s, "\uFFFD"))
	case "gb18030":
		s, _ = simplifiedchinese.GB18030.NewEncoder().String(strings.ToValidUTF8(s, "\uFFFD"))
	}
	return []byte(s)
}

// TestCountFilePathsAgree: on any ballot file, the fast path on one goroutine, the parallel path
// with any number of workers and any chunk size, and Batch.ReadFrom give exactly the counts (box by
// box, in order), the skipped rows and the error (kind, line, column) of the plain Reader and
// Counter.Add.
func TestCountFilePathsAgree(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		k := rapid.IntRange(1, 12).Draw(t, "candidates")
		s := ballot.Slate{Office: "x", Seats: rapid.IntRange(1, k).Draw(t, "seats")}
		for i := range k {
			s.Candidates = append(s.Candidates, ballot.Candidate{ID: fmt.Sprintf("c%d", i+1), Name: fmt.Sprintf("N%d", i+1)})
		}
		data := drawBallotFile(t, k)
		sp, _ := ballot.DefaultSpellings().WithMark(ballot.For, "√")
		opts := count.FileOptions{Box: "file.csv", Spellings: sp,
			MaxRecordBytes: rapid.SampledFrom([]int{0, 40, 100}).Draw(t, "maxRecord")}
		want, werr := countPlain(data, s, opts)
		for _, w := range []int{1, 2, 3, 5} {
			o := opts
			o.Workers = w
			o.ChunkBytes = rapid.IntRange(1, 600).Draw(t, "chunk")
			got, gerr := count.CountFile(bytes.NewReader(data), s, o)
			if d := sameOutcome(want, werr, got, gerr); d != "" {
				t.Fatalf("%d workers, chunks of %d: %s\nfile %q", w, o.ChunkBytes, d, data)
			}
		}

		// With Runs: each run of one box, in file order, and no boxes kept.
		wantRuns, _ := countPlainRuns(data, s, opts)
		var gotRuns []run
		o := opts
		o.Workers = rapid.IntRange(1, 4).Draw(t, "runWorkers")
		o.ChunkBytes = rapid.IntRange(1, 600).Draw(t, "runChunk")
		o.Runs = func(r *count.Run) error {
			c := r.Counts()
			if c.Ballots != r.Ballots {
				t.Fatalf("run of %d ballots counts %d", r.Ballots, c.Ballots)
			}
			gotRuns = append(gotRuns, run{r.Box, c})
			return nil
		}
		got, gerr := count.CountFile(bytes.NewReader(data), s, o)
		want.Boxes = nil
		if d := sameOutcome(want, werr, got, gerr); d != "" {
			t.Fatalf("with Runs, %d workers, chunks of %d: %s\nfile %q", o.Workers, o.ChunkBytes, d, data)
		}
		if werr == nil && !reflect.DeepEqual(gotRuns, wantRuns) {
			t.Fatalf("runs\n%+v\nwant\n%+v\nfile %q", gotRuns, wantRuns, data)
		}
		total, skipped, berr := countBatches(data, s, opts, rapid.IntRange(1, 50).Draw(t, "batch"))
		if d := sameOutcome(count.FileCounts{Total: want.Total, Skipped: want.Skipped}, werr, count.FileCounts{Total: total, Skipped: skipped}, berr); d != "" {
			t.Fatalf("batches: %s\nfile %q", d, data)
		}
	})
}

// FuzzCountFile: on any input, the paths of CountFile give the plain Reader's and Counter.Add's
// counts or error.
func FuzzCountFile(f *testing.F) {
	f.Add([]byte("box,c1,c2,c3,write-in,spoiled\nA,○,×,,,\nA,×,○,○,赵六,\nB,,,,,1\nB,弃,弃,弃,,\n,,,,,\n"), uint8(2), uint16(40))
	f.Add([]byte("c1;c2;c3\r\nF;A;-\r\n;;\r\nA;A;F\r\n\"F\";\"A\nB\";x\r\n"), uint8(3), uint16(1))
	f.Add([]byte("\xFF\xFEc\x001\x00\t\x00c\x002\x00\t\x00c\x003\x00\n\x00F\x00\t\x00A\x00\t\x00-\x00\n\x00"), uint8(2), uint16(0))
	f.Add([]byte("c1,c2,c3\nF,A,-\n"+strings.Repeat("○,×,\n", 50)+",,\n\n"), uint8(4), uint16(20))
	f.Fuzz(func(t *testing.T, data []byte, workers uint8, chunk uint16) {
		s := ballot.Slate{Office: "x", Seats: 2, Candidates: []ballot.Candidate{{ID: "c1", Name: "a"}, {ID: "c2", Name: "b"}, {ID: "c3", Name: "c"}}}
		opts := count.FileOptions{Box: "f", MaxRecordBytes: 64}
		want, werr := countPlain(data, s, opts)
		opts.Workers, opts.ChunkBytes = int(workers%6)+1, int(chunk)
		got, gerr := count.CountFile(bytes.NewReader(data), s, opts)
		if d := sameOutcome(want, werr, got, gerr); d != "" {
			t.Fatalf("%d workers, chunks of %d: %s", opts.Workers, opts.ChunkBytes, d)
		}
	})
}
