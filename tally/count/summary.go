package count

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/internal/textenc"
)

// BoxCounts is the count of one ballot box (a polling station's box, a mobile box).
type BoxCounts struct {
	Box    string
	Counts Counts
}

// Summary column names.
const (
	sumBox          = "box"
	sumBallots      = "ballots"
	sumValid        = "valid"
	sumInvalid      = "invalid"
	sumSpoiled      = "spoiled"
	sumFor          = ":for"
	sumAgainst      = ":against"
	sumAbstain      = ":abstain"
	sumWriteIn      = "write-in:"
	sumFigures      = 5 // box, ballots, valid, invalid, spoiled
	maxSummaryCount = 1 << 40
	maxSummaryBytes = 16 << 20 // a summary is a few lines per ballot box
)

type sumCol struct {
	kind int // 0..4: the figures; 5 for, 6 against, 7 abstain; 8 write-in
	cand int
	name string // write-in match key (ballot.MatchKey)
}

// ReadSummary reads a count summary: the hand counts of ballot boxes, one row per box, for the
// slate s. The format is CSV with a header:
//
//	box,ballots,valid,invalid,spoiled,c1:for,c1:against,c1:abstain,c2:for,c2:against,write-in:Zhao Liu
//	Mobile,12,11,1,0,8,2,1,5,6,1
//
// The columns box, ballots, valid, invalid and spoiled are required; each slate candidate has a
// "<ID>:for" and an "<ID>:against" column, and may have an "<ID>:abstain" column (without it,
// Abstain is valid − For − Against); "write-in:<name>" columns hold the votes of a written-in
// name (an empty cell is 0). Columns may stand in any order; names are compared exactly, but for
// surrounding spaces. A UTF-8 byte order mark, CRLF line ends and GB18030 text (a file that is
// not UTF-8 but is well-formed GB18030) are accepted, and so are empty cells after the last named
// column. A summary holds at most 16 MiB.
//
// Every row is checked: a box named once (ErrDuplicateBox), every cell a whole number
// (ErrSummaryNumber), the figures adding up (ErrSummaryTotals). Errors are *SummaryError values
// with the line and column.
func ReadSummary(r io.Reader, s ballot.Slate) ([]BoxCounts, error) {
	data, err := readSummaryText(r)
	if err != nil {
		return nil, err
	}
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	head, err := cr.Read()
	if err == io.EOF {
		return nil, &SummaryError{Line: 1, Err: ErrSummaryColumn, Detail: "no header"}
	}
	if err != nil {
		return nil, csvError(err)
	}
	h, err := parseSummaryHeader(head, s)
	if err != nil {
		return nil, err
	}
	var out []BoxCounts
	boxes := make(map[string]bool)
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, csvError(err)
		}
		line, _ := cr.FieldPos(0)
		bc, err := h.row(rec, line)
		if err != nil {
			return nil, err
		}
		if boxes[bc.Box] {
			return nil, &SummaryError{Line: line, Column: h.seen[sumBox] + 1, Name: bc.Box, Err: ErrDuplicateBox}
		}
		boxes[bc.Box] = true
		if err := Check(s, bc.Counts); err != nil {
			return nil, &SummaryError{Line: line, Name: bc.Box, Err: ErrSummaryTotals, Detail: err.(*CountsError).details()}
		}
		out = append(out, bc)
	}
}

// readSummaryText reads a summary of at most maxSummaryBytes as UTF-8 text: a byte order mark
// dropped, GB18030 decoded. Text that is neither is an error at the line of the first bad byte.
func readSummaryText(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxSummaryBytes+1))
	if err != nil {
		return nil, fmt.Errorf("count: summary: %w", err)
	}
	if len(data) > maxSummaryBytes {
		return nil, &SummaryError{Line: 1, Err: ErrSummaryNumber, Detail: fmt.Sprintf("longer than %d bytes", maxSummaryBytes)}
	}
	data = bytes.TrimPrefix(data, []byte(textenc.BOM))
	if utf8.Valid(data) {
		return data, nil
	}
	dec, err := textenc.DecodeGB18030(data)
	if err != nil || !textenc.IsGB18030(data, true) {
		bad := 0
		for bad < len(data) {
			r, size := utf8.DecodeRune(data[bad:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			bad += size
		}
		line := 1 + bytes.Count(data[:bad], []byte("\n"))
		return nil, &SummaryError{Line: line, Err: ErrSummaryNumber, Detail: "text neither UTF-8 nor GB18030"}
	}
	return dec, nil
}

// summaryHeader is the header of a summary as read against the slate.
type summaryHeader struct {
	slate      ballot.Slate
	cols       []sumCol
	names      []string          // each column's name, as given (trimmed)
	seen       map[string]int    // column name (a write-in's with its match key) → index
	hasAbstain []bool            // per candidate: whether the summary has its abstain column
	candNames  map[string]string // candidate match key → ID, for the SameAs of write-ins
}

// parseSummaryHeader maps the header's columns: the figures, each candidate's columns, the
// write-ins. A column that is none of these, a column twice, or a required column missing is an
// error wrapping ErrSummaryColumn.
func parseSummaryHeader(head []string, s ballot.Slate) (*summaryHeader, error) {
	head = trimEmpty(head)
	h := &summaryHeader{slate: s, cols: make([]sumCol, len(head)), names: make([]string, len(head)),
		seen: make(map[string]int), hasAbstain: make([]bool, len(s.Candidates)), candNames: candidateNames(s)}
	fixed := [...]string{sumBox, sumBallots, sumValid, sumInvalid, sumSpoiled}
	for k, cell := range head {
		name := strings.TrimSpace(cell)
		h.names[k] = name
		col := sumCol{kind: -1}
		if i := slices.Index(fixed[:], name); i >= 0 {
			col.kind = i
		} else if id, kind, ok := cutCandidateColumn(name); ok && s.Index(id) >= 0 {
			col.kind, col.cand = kind, s.Index(id)
		} else if w, ok := strings.CutPrefix(name, sumWriteIn); ok && ballot.MatchKey(w) != "" {
			col.kind, col.name = 8, ballot.MatchKey(w)
			name = sumWriteIn + col.name
		}
		if col.kind < 0 {
			return nil, &SummaryError{Line: 1, Column: k + 1, Name: name, Err: ErrSummaryColumn, Detail: "unknown column"}
		}
		if _, dup := h.seen[name]; dup {
			return nil, &SummaryError{Line: 1, Column: k + 1, Name: name, Err: ErrSummaryColumn, Detail: "duplicate column"}
		}
		h.seen[name] = k
		h.cols[k] = col
		if col.kind == 7 {
			h.hasAbstain[col.cand] = true
		}
	}
	required := append([]string(nil), fixed[:]...)
	for _, c := range s.Candidates {
		required = append(required, c.ID+sumFor, c.ID+sumAgainst)
	}
	for _, req := range required {
		if _, ok := h.seen[req]; !ok {
			return nil, &SummaryError{Line: 1, Name: req, Err: ErrSummaryColumn, Detail: "missing column"}
		}
	}
	return h, nil
}

// row reads one box's row of the summary at the given line: its cells, the abstentions of a
// candidate without an abstain column (valid − For − Against), and the write-ins in Counts order.
// It does not check that the figures add up.
func (h *summaryHeader) row(rec []string, line int) (BoxCounts, error) {
	if len(rec) < len(h.cols) {
		return BoxCounts{}, &SummaryError{Line: line, Column: len(rec) + 1, Err: ErrSummaryNumber,
			Detail: fmt.Sprintf("%d cells for %d columns", len(rec), len(h.cols))}
	}
	for k := len(h.cols); k < len(rec); k++ {
		if strings.TrimSpace(rec[k]) != "" {
			return BoxCounts{}, &SummaryError{Line: line, Column: k + 1, Err: ErrSummaryNumber, Detail: "cell beyond the header"}
		}
	}
	bc := BoxCounts{Counts: Counts{Candidates: make([]CandidateCount, len(h.slate.Candidates))}}
	for i, c := range h.slate.Candidates {
		bc.Counts.Candidates[i].ID = c.ID
	}
	for k, col := range h.cols {
		if err := h.cell(&bc, col, strings.TrimSpace(rec[k])); err != nil {
			return BoxCounts{}, &SummaryError{Line: line, Column: k + 1, Name: h.names[k], Err: err.Err, Detail: err.Detail}
		}
	}
	c := &bc.Counts
	for i := range c.Candidates {
		if !h.hasAbstain[i] {
			c.Candidates[i].Abstain = c.Valid - c.Candidates[i].For - c.Candidates[i].Against
		}
	}
	SortWriteIns(c.WriteIns)
	if c.WriteIns == nil {
		c.WriteIns = []WriteInCount{}
	}
	return bc, nil
}

// cell reads one trimmed cell of a row into bc: the box name (not empty), or a whole number from 0
// to maxSummaryCount (an empty write-in cell is 0). The error has no position: row adds it.
func (h *summaryHeader) cell(bc *BoxCounts, col sumCol, cell string) *SummaryError {
	if col.kind == 0 {
		if cell == "" {
			return &SummaryError{Err: ErrSummaryColumn, Detail: "empty box name"}
		}
		bc.Box = cell
		return nil
	}
	if cell == "" && col.kind == 8 {
		return nil
	}
	n, err := strconv.ParseInt(cell, 10, 64)
	if err != nil || n < 0 || n > maxSummaryCount || cell[0] == '+' {
		return &SummaryError{Err: ErrSummaryNumber, Detail: strconv.Quote(cell)}
	}
	v, c := int(n), &bc.Counts
	switch col.kind {
	case 1:
		c.Ballots = v
	case 2:
		c.Valid = v
	case 3:
		c.Invalid = v
	case 4:
		c.Spoiled = v
	case 5:
		c.Candidates[col.cand].For = v
	case 6:
		c.Candidates[col.cand].Against = v
	case 7:
		c.Candidates[col.cand].Abstain = v
	case 8:
		if v > 0 {
			c.WriteIns = append(c.WriteIns, WriteInCount{Name: col.name, Votes: v, SameAs: h.candNames[col.name]})
		}
	}
	return nil
}

func cutCandidateColumn(name string) (id string, kind int, ok bool) {
	for k, suf := range []string{sumFor, sumAgainst, sumAbstain} {
		if id, ok := strings.CutSuffix(name, suf); ok {
			return id, 5 + k, true
		}
	}
	return "", 0, false
}

func trimEmpty(rec []string) []string {
	n := len(rec)
	for n > 0 && strings.TrimSpace(rec[n-1]) == "" {
		n--
	}
	return rec[:n]
}

func csvError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &SummaryError{Line: pe.Line, Column: pe.Column, Err: ErrSummaryNumber, Detail: pe.Err.Error()}
	}
	return fmt.Errorf("count: summary: %w", err)
}

// WriteSummary writes the counts of ballot boxes for the slate in the format ReadSummary reads,
// with every column: the figures, For, Against and Abstain of each candidate, and one column for
// each name written in any box, in byte order of the names. Reading it back gives the same counts
// (but for a name written in with no votes, which is written as 0 and read as no name).
// It checks each box with Check (a *CountsError naming the box) and refuses duplicate boxes, and
// box names that are empty, padded with white space, not UTF-8 or hold a control character
// (ErrSummaryColumn). What a summary cannot hold is refused, not dropped (ErrCounts): skipped rows
// (they belong to ballot files, not boxes), and a write-in whose SameAs is not the slate's
// candidate of its name (ReadSummary gives each write-in that one, as a Counter does).
// SummaryWriter writes the same form box by box.
func WriteSummary(w io.Writer, s ballot.Slate, boxes []BoxCounts) error {
	var names []string
	seen := make(map[string]bool)
	same := candidateNames(s)
	for _, b := range boxes {
		if seen[b.Box] {
			return fmt.Errorf("count: summary: box %q: %w", b.Box, ErrDuplicateBox)
		}
		seen[b.Box] = true
		if err := checkSummaryBox(s, same, b); err != nil {
			return err
		}
		for _, wi := range b.Counts.WriteIns {
			names = append(names, wi.Name)
		}
	}
	sw, err := newSummaryWriter(w, s, names, same)
	if err != nil {
		return err
	}
	for _, b := range boxes { // every box checked above: nothing is written unless all can be
		if err := sw.write(b); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// checkBoxName refuses a box name a summary cannot hold so that it reads back the same: empty,
// padded with white space, not UTF-8 (it would be read as GB18030 or refused) or holding a control
// character (a CR would be read as a line end).
func checkBoxName(box string) error {
	if box == "" || box != strings.TrimSpace(box) {
		return fmt.Errorf("count: summary: box %q: empty or padded box name: %w", box, ErrSummaryColumn)
	}
	if !printable(box) {
		return fmt.Errorf("count: summary: box %q: a box name of bytes that are not UTF-8 or of control characters: %w", box, ErrSummaryColumn)
	}
	return nil
}

// printable reports whether s is UTF-8 without control characters (U+0000–U+001F, U+007F–U+009F).
func printable(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r < 0x20 || 0x7F <= r && r <= 0x9F {
			return false
		}
	}
	return true
}
