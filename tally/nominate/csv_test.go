package nominate_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/chae-go/chae/tally/nominate"
	"golang.org/x/text/encoding/simplifiedchinese"
)

func readerTree(t testing.TB) *nominate.Tree {
	tree, err := nominate.NewTree([]nominate.Org{{ID: "unit"}, {ID: "c", Parent: "unit"},
		{ID: "b01", Parent: "c", Members: 9}, {ID: "支部2", Parent: "c", Members: 9}})
	if err != nil {
		t.Fatal(err)
	}
	return tree
}

type readRow struct {
	line         int
	org          nominate.OrgID
	box          string
	names        []string
	probationary bool
	spoiled      bool
}

func readAll(t testing.TB, tree *nominate.Tree, reg *nominate.Registry, data string, max int) ([]readRow, []error) {
	r := nominate.NewReader(strings.NewReader(data), tree, reg)
	r.MaxRecordBytes = max
	var rows []readRow
	var errs []error
	var row nominate.Row
	for range 1000 {
		err := r.Read(&row)
		if err == io.EOF {
			return rows, errs
		}
		if err != nil {
			errs = append(errs, err)
			var pe *nominate.ParseError
			if !errors.As(err, &pe) {
				return rows, errs
			}
			continue
		}
		rr := readRow{line: row.Line, org: row.Org, box: row.Box, probationary: row.Ballot.Probationary, spoiled: row.Ballot.Spoiled}
		for _, p := range row.Ballot.Persons {
			rr.names = append(rr.names, reg.Key(p))
		}
		rows = append(rows, rr)
	}
	return rows, errs
}

func TestReader(t *testing.T) {
	tree := readerTree(t)
	for _, tc := range []struct {
		name string
		data string
		rows []readRow
	}{
		{"names in cells", "org,box,names\nb01,hall,A,B,C\n", []readRow{{line: 2, org: "b01", box: "hall", names: []string{"A", "B", "C"}}}},
		{"a blank line, CRLF, trimmed cells", "\r\nOrg , Names\r\nb01 , A , ,B\r\n\r\n", []readRow{{line: 3, org: "b01", names: []string{"A", "B"}}}},
		{"flags", "org,probationary,spoiled,names\nb01,yes,,A\nb01,0,是,B\n", []readRow{
			{line: 2, org: "b01", names: []string{"A"}, probationary: true}, {line: 3, org: "b01", names: []string{"B"}, spoiled: true}}},
		{"quoted cells", "org,names\nb01,\"Wang, Fang\",\"say \"\"hi\"\"\"\n", []readRow{{line: 2, org: "b01", names: []string{"Wang, Fang", `say "hi"`}}}},
		{"no name", "org,names\nb01\nb01,\n", []readRow{{line: 2, org: "b01"}, {line: 3, org: "b01"}}},
		{"Chinese header", "\uFEFF党组织,票箱,推荐人选\n支部2,流动票箱,张三,李四\n", []readRow{{line: 2, org: "支部2", box: "流动票箱", names: []string{"张三", "李四"}}}},
		{"names normalised", "org,names\nb01,Li　 Wei, Li Wei\n", []readRow{{line: 2, org: "b01", names: []string{"Li Wei", "Li Wei"}}}},
		{"empty header cells after the names", "org,names,,\nb01,A,B,C\n", []readRow{{line: 2, org: "b01", names: []string{"A", "B", "C"}}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rows, errs := readAll(t, tree, nominate.NewRegistry(), tc.data, 0)
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			if !slices.EqualFunc(rows, tc.rows, func(a, b readRow) bool {
				return a.line == b.line && a.org == b.org && a.box == b.box && slices.Equal(a.names, b.names) &&
					a.probationary == b.probationary && a.spoiled == b.spoiled
			}) {
				t.Errorf("rows %+v, want %+v", rows, tc.rows)
			}
		})
	}
}

func TestReaderGB18030(t *testing.T) {
	utf := "党组织,推荐人选\n支部2,张三,李四\n"
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(utf)
	if err != nil {
		t.Fatal(err)
	}
	rows, errs := readAll(t, readerTree(t), nominate.NewRegistry(), gb, 0)
	if len(errs) > 0 || len(rows) != 1 || !slices.Equal(rows[0].names, []string{"张三", "李四"}) {
		t.Errorf("rows %+v errors %v", rows, errs)
	}
}

func TestReaderErrors(t *testing.T) {
	tree := readerTree(t)
	for _, tc := range []struct {
		name         string
		data         string
		max          int
		line, column int
		want         error
		final        bool
		next         string // a good row after the bad one
	}{
		{"empty", "", 0, 0, 0, nominate.ErrNoHeader, true, ""},
		{"blank lines only", "\n \n", 0, 2, 0, nominate.ErrNoHeader, true, ""},
		{"unknown column", "org,votes,names\n", 0, 1, 2, nominate.ErrColumnName, true, "b01,Z\n"},
		{"duplicate column", "org,box,票箱,names\n", 0, 1, 3, nominate.ErrDuplicateColumn, true, "b01,Z\n"},
		{"no org column", "box,names\n", 0, 1, 0, nominate.ErrMissingColumn, true, "b01,Z\n"},
		{"no names column", "org,box\n", 0, 1, 0, nominate.ErrMissingColumn, true, "b01,Z\n"},
		{"names not last", "org,names,box\n", 0, 1, 3, nominate.ErrColumnOrder, true, "b01,Z\n"},
		{"too few cells", "org,box,spoiled,names\nb01\n", 0, 2, 2, nominate.ErrFieldCount, false, "b01,,,Z\n"},
		{"one cell short", "org,box,spoiled,names\nb01,\n", 0, 2, 3, nominate.ErrFieldCount, false, "b01,,,Z\n"},
		{"empty organisation", "org,names\n,A\n", 0, 2, 1, nominate.ErrEmptyOrg, false, "b01,Z\n"},
		{"unknown organisation", "org,names\nb99,A\n", 0, 2, 1, nominate.ErrUnknownOrg, false, "b01,Z\n"},
		{"not a branch", "org,names\nc,A\n", 0, 2, 1, nominate.ErrNotLeaf, false, "b01,Z\n"},
		{"bad flag", "org,spoiled,names\nb01,maybe,A\n", 0, 2, 2, nominate.ErrFlagValue, false, "b01,,Z\n"},
		{"quote inside a cell", "org,names\nb01,A\"B\n", 0, 2, 2, nominate.ErrQuote, true, "b01,Z\n"},
		{"text after a quote", "org,names\nb01,\"A\"B\n", 0, 2, 2, nominate.ErrQuote, true, "b01,Z\n"},
		{"quote not closed", "org,names\nb01,\"A\n", 0, 2, 2, nominate.ErrQuote, true, "b01,Z\n"},
		{"line too long", "org,names\nb01," + strings.Repeat("A,", 100) + "\n", 64, 2, 0, nominate.ErrRecordTooLong, true, "b01,Z\n"},
		{"bad UTF-8", "org,names\nb01,\xff\xfe\xfd\n", 0, 2, 2, nominate.ErrEncoding, false, "b01,Z\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := tc.data + tc.next
			rows, errs := readAll(t, tree, nominate.NewRegistry(), data, tc.max)
			if len(errs) == 0 {
				t.Fatalf("no error; rows %+v", rows)
			}
			var pe *nominate.ParseError
			if !errors.Is(errs[0], tc.want) || !errors.As(errs[0], &pe) {
				t.Fatalf("error %v, want %v", errs[0], tc.want)
			}
			if pe.Line != tc.line || pe.Column != tc.column {
				t.Errorf("line %d column %d, want %d %d (%v)", pe.Line, pe.Column, tc.line, tc.column, errs[0])
			}
			if !strings.HasPrefix(pe.Error(), "nominate: line ") {
				t.Errorf("message %q", pe)
			}
			// A row's problem leaves the reader at the next row; a file's problem is final.
			goesOn := len(rows) > 0 && rows[len(rows)-1].names[0] == "Z"
			if goesOn == tc.final {
				t.Errorf("reading went on: %t; final %t (errors %v)", goesOn, tc.final, errs)
			}
		})
	}
}

// FuzzReader reads anything without panicking; every problem is a *ParseError with a position
// (or the tree's sentinels), and what it reads, written back as a file, reads the same.
func FuzzReader(f *testing.F) {
	for _, s := range []string{
		"org,box,probationary,spoiled,names\nb01,hall,,,A,B\nb01,m,yes,,\"C, D\"\n",
		"党组织,推荐人选\n支部2,张三\n",
		"org,names\n\"b01\",\"A\"\"B\"\n",
		"org,names\nb01,\"A\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(fuzzOnce)
}

// fuzzOnce is FuzzReader's property for one input.
func fuzzOnce(t *testing.T, data []byte) {
	tree := readerTree(t)
	reg := nominate.NewRegistry()
	r := nominate.NewReader(bytes.NewReader(data), tree, reg)
	r.MaxRecordBytes = 256
	var row nominate.Row
	var out strings.Builder
	out.WriteString("org,box,probationary,spoiled,names\n")
	var want []string
	err := r.Read(&row)
	for range 10000 {
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *nominate.ParseError
			if !errors.As(err, &pe) || pe.Line < 0 || pe.Column < 0 {
				t.Fatalf("error %v (%T) without a position", err, err)
			}
			// A final error comes back from every later call; otherwise reading goes on.
			next := r.Read(&row)
			if next == err {
				break
			}
			err = next
			continue
		}
		var names []string
		for _, p := range row.Ballot.Persons {
			names = append(names, reg.Key(p))
		}
		rec := fmt.Sprintf("%s|%s|%t|%t|%s", row.Org, row.Box, row.Ballot.Probationary, row.Ballot.Spoiled, strings.Join(names, "|"))
		want = append(want, rec)
		cells := []string{string(row.Org), row.Box, yesNo(row.Ballot.Probationary), yesNo(row.Ballot.Spoiled)}
		cells = append(cells, names...)
		for i, c := range cells {
			if i > 0 {
				out.WriteByte(',')
			}
			out.WriteString(`"` + strings.ReplaceAll(c, `"`, `""`) + `"`)
		}
		out.WriteByte('\n')
		err = r.Read(&row)
	}
	// Round trip.
	r2 := nominate.NewReader(strings.NewReader(out.String()), tree, reg)
	r2.MaxRecordBytes = 1 << 20
	var got []string
	for {
		err := r2.Read(&row)
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("reading back: %v\n%s", err, out.String())
		}
		var names []string
		for _, p := range row.Ballot.Persons {
			names = append(names, reg.Key(p))
		}
		got = append(got, fmt.Sprintf("%s|%s|%t|%t|%s", row.Org, row.Box, row.Ballot.Probationary, row.Ballot.Spoiled, strings.Join(names, "|")))
	}
	if !slices.Equal(got, want) {
		t.Fatalf("round trip:\n%q\n%q", want, got)
	}
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
