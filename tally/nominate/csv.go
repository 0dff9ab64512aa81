package nominate

import (
	"bufio"
	"bytes"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/chae-go/chae/internal/textenc"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"
)

// DefaultMaxRecordBytes is the longest line a Reader accepts when its MaxRecordBytes is zero. It
// bounds the Reader's memory.
const DefaultMaxRecordBytes = 64 << 10

type colKind uint8

const (
	colOrg colKind = iota
	colBox
	colProbationary
	colSpoiled
	colNames
)

// Header names, compared ignoring case and surrounding white space.
var headerNames = [...][]string{
	colOrg:          {"org", "organisation", "organization", "branch", "党组织", "支部"},
	colBox:          {"box", "票箱"},
	colProbationary: {"probationary", "预备党员"},
	colSpoiled:      {"spoiled", "废票"},
	colNames:        {"names", "name", "推荐人选", "被推荐人"},
}

var (
	yesWords = []string{"1", "yes", "y", "true", "x", "是"}
	noWords  = []string{"", "0", "no", "n", "false", "否"}
)

// Row is one recommendation ballot read from a file.
type Row struct {
	Line   int    // the line it was read from
	Org    OrgID  // the branch
	Box    string // the ballot box ("" without a box column)
	Ballot Ballot
}

// Reader reads recommendation ballots from a recommendation file (see the package
// documentation for the format), one row at a time, in memory bounded by MaxRecordBytes however
// long the file. Names are interned in the registry as they are read: a name already seen
// costs no allocation.
//
// A Reader is not safe for concurrent use.
type Reader struct {
	// MaxRecordBytes bounds the length of a line; zero means DefaultMaxRecordBytes.
	MaxRecordBytes int

	src     io.Reader
	br      *bufio.Reader
	tree    *Tree
	reg     *Registry
	started bool
	gb      bool
	err     error
	line    int
	cols    []colKind
	heads   []string
	fields  [][]byte
	quoted  []byte
	boxes   map[string]string
	lastOrg OrgID
}

// NewReader returns a Reader of the file r for branches of the tree, interning names in reg.
func NewReader(r io.Reader, t *Tree, reg *Registry) *Reader {
	return &Reader{src: r, tree: t, reg: reg, boxes: map[string]string{}}
}

func (r *Reader) max() int {
	if r.MaxRecordBytes > 0 {
		return r.MaxRecordBytes
	}
	return DefaultMaxRecordBytes
}

func (r *Reader) fail(err error) error { r.err = err; return err }

// start detects the encoding (a UTF-8 byte order mark is dropped; a file that is not UTF-8 but is
// well-formed GB18030 is decoded as GB18030) and reads the header.
func (r *Reader) start() error {
	if r.err != nil {
		return r.err
	}
	if r.started {
		return nil
	}
	r.started = true
	size := max(r.max()+2, 4096)
	r.br = bufio.NewReaderSize(r.src, size)
	sample, err := r.br.Peek(min(size, 64<<10))
	eof := err != nil
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return r.fail(err)
	}
	if bytes.HasPrefix(sample, []byte(textenc.BOM)) {
		r.br.Discard(len(textenc.BOM))
		sample = sample[len(textenc.BOM):]
	}
	cut := sample
	if !eof {
		if i := bytes.LastIndexByte(cut, '\n'); i >= 0 {
			cut = cut[:i+1]
		}
	}
	if !utf8.Valid(cut) && textenc.IsGB18030(sample, eof) {
		r.br = bufio.NewReaderSize(transform.NewReader(r.br, simplifiedchinese.GB18030.NewDecoder()), size)
		r.gb = true
	}
	for {
		fields, err := r.record()
		if err == io.EOF {
			return r.fail(&ParseError{Line: r.line, Err: ErrNoHeader})
		}
		if err != nil {
			return r.fail(err)
		}
		if fields == nil {
			continue
		}
		return r.header(fields)
	}
}

func (r *Reader) header(fields [][]byte) error {
	seen := map[colKind]int{}
	for k, f := range fields {
		name := strings.TrimSpace(string(f))
		if !utf8.ValidString(name) {
			return r.fail(&ParseError{Line: r.line, Column: k + 1, Err: ErrEncoding})
		}
		kind, ok := colKind(0), false
		for c, names := range headerNames {
			for _, n := range names {
				if strings.EqualFold(name, n) {
					kind, ok = colKind(c), true
				}
			}
		}
		if !ok {
			if name == "" && seen[colNames] > 0 {
				// Trailing empty header cells after the names column belong to it.
				continue
			}
			return r.fail(&ParseError{Line: r.line, Column: k + 1, Err: ErrColumnName, Text: clip(name)})
		}
		if _, dup := seen[kind]; dup {
			return r.fail(&ParseError{Line: r.line, Column: k + 1, Name: name, Err: ErrDuplicateColumn})
		}
		seen[kind] = k + 1
		if seen[colNames] > 0 && kind != colNames {
			return r.fail(&ParseError{Line: r.line, Column: k + 1, Name: name, Err: ErrColumnOrder})
		}
		r.cols = append(r.cols, kind)
		r.heads = append(r.heads, name)
	}
	if seen[colOrg] == 0 {
		return r.fail(&ParseError{Line: r.line, Err: ErrMissingColumn, Text: "org"})
	}
	if seen[colNames] == 0 {
		return r.fail(&ParseError{Line: r.line, Err: ErrMissingColumn, Text: "names"})
	}
	return nil
}

// record reads the next line and splits it into cells; a blank line gives nil cells.
func (r *Reader) record() ([][]byte, error) {
	line, err := r.br.ReadSlice('\n')
	if err == bufio.ErrBufferFull {
		r.line++
		return nil, &ParseError{Line: r.line, Err: ErrRecordTooLong}
	}
	if err != nil && err != io.EOF {
		return nil, err
	}
	if len(line) == 0 && err == io.EOF {
		return nil, io.EOF
	}
	r.line++
	if len(line) > r.max()+2 {
		return nil, &ParseError{Line: r.line, Err: ErrRecordTooLong}
	}
	line = bytes.TrimSuffix(line, []byte("\n"))
	line = bytes.TrimSuffix(line, []byte("\r"))
	if len(bytes.TrimSpace(line)) == 0 {
		return nil, nil
	}
	r.fields = r.fields[:0]
	if bytes.IndexByte(line, '"') < 0 {
		for {
			i := bytes.IndexByte(line, ',')
			if i < 0 {
				r.fields = append(r.fields, line)
				return r.fields, nil
			}
			r.fields = append(r.fields, line[:i])
			line = line[i+1:]
		}
	}
	return r.splitQuoted(line)
}

// splitQuoted splits a line holding quotes: a cell that begins with a quote ends at the next
// lone quote, "" standing for a quote inside it; a quote anywhere else is an error.
func (r *Reader) splitQuoted(line []byte) ([][]byte, error) {
	r.quoted = r.quoted[:0]
	// Cells are kept as offsets into r.quoted, then sliced, so that growing it is safe.
	var spans [][2]int
	col := 1
	for {
		start := len(r.quoted)
		if len(line) > 0 && line[0] == '"' {
			line = line[1:]
			closed := false
			for len(line) > 0 {
				c := line[0]
				line = line[1:]
				if c != '"' {
					r.quoted = append(r.quoted, c)
					continue
				}
				if len(line) > 0 && line[0] == '"' {
					r.quoted = append(r.quoted, '"')
					line = line[1:]
					continue
				}
				closed = true
				break
			}
			if !closed {
				return nil, &ParseError{Line: r.line, Column: col, Err: ErrQuote}
			}
			if len(line) > 0 && line[0] != ',' {
				return nil, &ParseError{Line: r.line, Column: col, Err: ErrQuote}
			}
		} else {
			i := bytes.IndexByte(line, ',')
			cell := line
			if i >= 0 {
				cell = line[:i]
			}
			if bytes.IndexByte(cell, '"') >= 0 {
				return nil, &ParseError{Line: r.line, Column: col, Err: ErrQuote}
			}
			r.quoted = append(r.quoted, cell...)
			line = line[len(cell):]
		}
		spans = append(spans, [2]int{start, len(r.quoted)})
		if len(line) == 0 {
			break
		}
		line = line[1:] // the comma
		col++
	}
	for _, s := range spans {
		r.fields = append(r.fields, r.quoted[s[0]:s[1]])
	}
	return r.fields, nil
}

// Read reads the next ballot into row, reusing the capacity of row.Ballot.Persons. At the end
// of the file it returns io.EOF. A problem in one row's cells (an unknown organisation, a bad
// flag, bad encoding) is a *ParseError that leaves the Reader at the next row; a problem with
// the header, quoting, a line's length or the underlying reader is final and returned by every
// later call.
func (r *Reader) Read(row *Row) error {
	if err := r.start(); err != nil {
		return err
	}
	for {
		fields, err := r.record()
		if err == io.EOF {
			return err
		}
		if err != nil {
			return r.fail(err)
		}
		if fields == nil {
			continue
		}
		return r.row(row, fields)
	}
}

func (r *Reader) cellErr(k int, err error, text []byte) error {
	e := &ParseError{Line: r.line, Column: k + 1, Err: err, Text: clip(string(text))}
	if k < len(r.heads) {
		e.Name = r.heads[k]
	} else {
		e.Name = r.heads[len(r.heads)-1]
	}
	if err == ErrEncoding {
		e.Text = ""
	}
	return e
}

func (r *Reader) valid(b []byte) bool {
	return utf8.Valid(b) && (!r.gb || !bytes.Contains(b, []byte("\uFFFD")))
}

func (r *Reader) row(row *Row, fields [][]byte) error {
	row.Line = r.line
	row.Org, row.Box = "", ""
	row.Ballot.Persons = row.Ballot.Persons[:0]
	row.Ballot.Probationary, row.Ballot.Spoiled = false, false
	last := len(r.cols) - 1 // the names column
	if len(fields) < last {
		return &ParseError{Line: r.line, Column: len(fields) + 1, Err: ErrFieldCount}
	}
	for k := 0; k < last; k++ {
		f := bytes.TrimSpace(fields[k])
		if !r.valid(f) {
			return r.cellErr(k, ErrEncoding, nil)
		}
		switch r.cols[k] {
		case colOrg:
			if len(f) == 0 {
				return r.cellErr(k, ErrEmptyOrg, nil)
			}
			if r.lastOrg != "" && string(f) == string(r.lastOrg) {
				row.Org = r.lastOrg // rows usually come branch by branch
				break
			}
			i, ok := r.tree.index[OrgID(f)]
			if !ok {
				return r.cellErr(k, ErrUnknownOrg, f)
			}
			if len(r.tree.kids[i]) > 0 {
				return r.cellErr(k, ErrNotLeaf, f)
			}
			row.Org = r.tree.orgs[i].ID
			r.lastOrg = row.Org
		case colBox:
			b, ok := r.boxes[string(f)]
			if !ok {
				b = string(f)
				r.boxes[b] = b
			}
			row.Box = b
		case colProbationary, colSpoiled:
			v, ok := flag(f)
			if !ok {
				return r.cellErr(k, ErrFlagValue, f)
			}
			if r.cols[k] == colSpoiled {
				row.Ballot.Spoiled = v
			} else {
				row.Ballot.Probationary = v
			}
		}
	}
	for k := last; k < len(fields); k++ {
		f := bytes.TrimSpace(fields[k])
		if len(f) == 0 {
			continue
		}
		if !r.valid(f) {
			return r.cellErr(k, ErrEncoding, nil)
		}
		p, err := r.reg.internBytes(f)
		if err != nil {
			continue // a name empty once normalised (only invisible spaces) is no name
		}
		row.Ballot.Persons = append(row.Ballot.Persons, p)
	}
	return nil
}

func flag(b []byte) (value, ok bool) {
	s := string(b)
	for _, w := range yesWords {
		if strings.EqualFold(s, w) {
			return true, true
		}
	}
	for _, w := range noWords {
		if strings.EqualFold(s, w) {
			return false, true
		}
	}
	return false, false
}

func clip(s string) string {
	if len(s) > 40 {
		s = s[:40]
		for len(s) > 0 && !utf8.ValidString(s) {
			s = s[:len(s)-1]
		}
	}
	return s
}

// ReadSheets reads a whole recommendation file and counts it: one counter per branch and box,
// merged per branch (a mobile box is just another box). It returns the sheets of the branches
// that have rows, in tree order. It stops at the first problem, returned as a *ParseError (or a
// *BallotError).
func ReadSheets(src io.Reader, t *Tree, reg *Registry, rule BallotRule) ([]Sheet, error) {
	rd := NewReader(src, t, reg)
	type key struct {
		org OrgID
		box string
	}
	boxes := map[key]*Counter{}
	var row Row
	var last key
	var c *Counter // the last row's box: rows usually come box by box
	for {
		err := rd.Read(&row)
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if k := (key{row.Org, row.Box}); c == nil || k != last {
			last = k
			if c = boxes[k]; c == nil {
				c = NewCounter(reg, rule)
				boxes[k] = c
			}
		}
		if err := c.Add(row.Ballot); err != nil {
			return nil, err
		}
	}
	perOrg := map[OrgID]*Counter{}
	for k, c := range boxes {
		if o := perOrg[k.org]; o != nil {
			o.Merge(c)
		} else {
			perOrg[k.org] = c
		}
	}
	var out []Sheet
	for _, o := range t.orgs {
		if c := perOrg[o.ID]; c != nil {
			out = append(out, c.Sheet(o.ID))
		}
	}
	slices.SortStableFunc(out, func(a, b Sheet) int { return int(t.index[a.Org]) - int(t.index[b.Org]) })
	return out, nil
}
