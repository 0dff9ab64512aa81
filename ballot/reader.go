package ballot

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/chae-go/chae/internal/textenc"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"
)

// DefaultMaxRecordBytes is the longest record (one line of the file, or several where a quoted cell
// spans lines) a Reader accepts when its MaxRecordBytes is zero. It bounds the Reader's memory.
const DefaultMaxRecordBytes = 1 << 20

// Header describes the columns of a ballot file. A Writer writes them in this order: the box column
// (if Box), the candidates, the write-in columns, the spoiled column (if Spoiled).
type Header struct {
	Box        bool     // the file has a ballot-box column
	Candidates []string // candidate IDs in slate order
	WriteIns   int      // number of write-in columns
	Spoiled    bool     // the file has a spoiled column
}

// Clone returns a copy of h sharing nothing with it.
func (h Header) Clone() Header {
	h.Candidates = append([]string(nil), h.Candidates...)
	return h
}

// HeaderFor returns the header of a file for the slate's ballots with the given number of write-in
// columns, a spoiled column, and a box column if box is true.
func HeaderFor(s Slate, writeIns int, box bool) Header {
	return Header{Box: box, Candidates: s.IDs(), WriteIns: writeIns, Spoiled: true}
}

func reserved(name string, names []string) bool {
	for _, n := range names {
		if strings.EqualFold(name, n) {
			return true
		}
	}
	return false
}

func isReserved(name string) bool {
	return reserved(name, boxNames) || reserved(name, spoiledNames) || reserved(name, writeInNames)
}

type colKind uint8

const (
	colCandidate colKind = iota
	colBox
	colWriteIn
	colSpoiled
)

type column struct {
	kind colKind
	name string
}

// Reader reads ballots from a ballot file (see the package documentation for the format), one
// record at a time, in memory bounded by MaxRecordBytes whatever the file's size.
//
// A Reader is not safe for concurrent use.
type Reader struct {
	// Candidates, if not nil, are the slate's candidate IDs in slate order: the header must name
	// exactly these candidates, in this order (other columns may stand anywhere). If nil, the
	// candidates are whatever the header names.
	Candidates []string
	// Names, if not nil, are the candidates' names, in the order of Candidates. They serve only
	// errors: a header that names a candidate column wrongly is reported with the candidate
	// columns' IDs and names, and a header cell holding a candidate's name (compared by MatchKey)
	// with that candidate's ID. Slate.IDs and Slate.Names give both.
	Names []string
	// MaxRecordBytes bounds the length of a record; zero means DefaultMaxRecordBytes.
	MaxRecordBytes int
	// Spellings are the spellings of marks and of the spoiled column the Reader accepts; the zero
	// value is DefaultSpellings. Set it before the first read.
	Spellings Spellings
	// Comma is the cell separator: ',' ';' '\t' or '|'. The zero value detects it from the header
	// line: a comma if the header holds one outside quotes, else a semicolon or a tab, whichever
	// it holds (a header holding both, and no comma, is an error wrapping ErrSeparator). Any other
	// value is an error wrapping ErrSeparator. Set it before the first read.
	Comma rune

	src     io.Reader
	buf     []byte
	r, w    int
	eof     bool
	started bool
	hdrErr  error // the header's error, returned by every read
	decoded bool  // decoding GB18030 or UTF-16: U+FFFD in a cell stands for bytes the decoder could not read
	sep     byte  // the cell separator
	spell   *spellTable
	short   []shortSpelling // spell.short with sep in place of the comma that follows each spelling
	line    int             // lines consumed
	recLine int             // first line of the last record
	err     error

	cols    []column
	header  Header
	nCand   int
	fields  [][]byte
	spans   []int
	scratch []byte
	box     string

	pend    []emptyRun // empty rows read and not yet known to be at the end of the file
	ahead   heldRecord // the record read after pending empty rows
	skipped SkippedRows

	fast       *fastTable         // the fast path's spellings (ReadMarks)
	layout     []segment          // the columns as the fast path walks them
	simple     *simpleLayout      // the columns as fastLines walks them, if they are so laid out
	fastBox    string             // the box, as its cell is written, if the fast path may compare cells with it
	fastBoxKey uint64             // its first 8 bytes, packed
	masks      *[winBlocks]uint64 // fastLines' window of separators
	win        sepWin             // where it lies
}

// emptyRun is a run of consecutive empty rows: rows rows from line first to line last. The rows of
// a run of more than one row take a line each.
type emptyRun struct{ first, last, rows int }

// heldRecord is a record (or the error reading it) held back while the empty rows before it are
// reported.
type heldRecord struct {
	held   bool
	line   []byte
	fields [][]byte
	at     int // its first line
	err    error
}

// SkippedRows describes the empty rows at the end of a ballot file, which a Reader skips: rows in
// which every cell is empty or white space, however many cells, as a spreadsheet exports the rows
// below its data that were touched and left empty. They are consecutive and end the file, so
// First and Last say exactly which lines they are.
type SkippedRows struct {
	Rows  int // how many rows were skipped; 0 for none
	First int // the line of the first, or 0
	Last  int // the last line of the last (a row with a quoted cell may span lines), or 0
}

// NewReader returns a Reader reading from r.
func NewReader(r io.Reader) *Reader {
	return &Reader{src: r}
}

// Header reads the header, if it has not been read, and returns it.
func (r *Reader) Header() (Header, error) {
	if err := r.start(); err != nil {
		return Header{}, err
	}
	return r.header.Clone(), nil
}

// Line returns the line on which the last record read begins: the line of the last ballot read,
// or of the problem last reported.
func (r *Reader) Line() int { return r.recLine }

// Box returns the ballot box of the last ballot read, or "" for a file without a box column.
func (r *Reader) Box() string { return r.box }

// Skipped returns the empty rows at the end of the file, which the Reader skipped. It is known once
// Read has returned io.EOF; before, it is the zero value.
func (r *Reader) Skipped() SkippedRows { return r.skipped }

// Read reads the next ballot. At the end of the file it returns io.EOF. A problem with the file
// is a *ParseError. A problem in one ballot's cells (an unknown mark, a wrong field count, an
// unreadable spoiled or box cell, bad encoding in a cell) leaves the Reader at the next record, and
// so does an empty row before a later row (ErrEmptyRow, one error for each such row); any other
// error (in the header, the quoting, a record's length, or from the underlying reader) is final
// and is returned by every later call.
//
// Empty rows at the end of the file are no ballots and no error: they are skipped and reported by
// Skipped.
//
// Read checks the file's form, not the ballot: a ballot choosing more persons than seats is read
// as it is, for Slate.Classify or a count.Counter to classify.
func (r *Reader) Read() (Ballot, error) {
	var b Ballot
	err := r.ReadInto(&b)
	return b, err
}

// ReadInto reads the next ballot into *b, reusing the capacity of its Marks and WriteIns so that
// reading a ballot without write-ins does not allocate. On error *b is unspecified.
func (r *Reader) ReadInto(b *Ballot) error {
	if err := r.start(); err != nil {
		return err
	}
	line, fields, err := r.next()
	if err != nil {
		return err
	}
	return r.decode(b, line, fields)
}

// decode decodes a record that is not an empty row into *b.
func (r *Reader) decode(b *Ballot, line []byte, fields [][]byte) error {
	if cap(b.Marks) < r.nCand {
		b.Marks = make([]Mark, r.nCand)
	}
	b.Marks = b.Marks[:r.nCand]
	clear(b.WriteIns)
	b.WriteIns = b.WriteIns[:0]
	b.Spoiled = false
	if fields == nil {
		return r.decodeLine(b, line)
	}
	n := len(r.cols)
	if len(fields) < n {
		return r.fieldErr(len(fields)+1, ErrFieldCount, cellsFor(len(fields), n))
	}
	for k := n; k < len(fields); k++ {
		if len(bytes.TrimSpace(fields[k])) != 0 {
			return r.fieldErr(k+1, ErrFieldCount, string(clip(fields[k])))
		}
	}
	ci := 0
	for k := range n {
		if err := r.cell(b, k, fields[k], &ci); err != nil {
			return err
		}
	}
	return nil
}

// cellsFor describes a record of too few cells.
func cellsFor(cells, cols int) string {
	if cells == 1 {
		return fmt.Sprintf("1 cell for %d columns", cols)
	}
	return fmt.Sprintf("%d cells for %d columns", cells, cols)
}

// next returns the next record that is not an empty row: its line if it has no quote, or its
// cells. Empty rows are held back until what follows them is known: at the end of the file they
// are skipped (Skipped); before a record, or before an error reading one, each is reported as an
// ErrEmptyRow error, one a call, and then the record is returned.
func (r *Reader) next() ([]byte, [][]byte, error) {
	for {
		if r.ahead.held {
			if len(r.pend) > 0 {
				return nil, nil, r.popEmpty()
			}
			h := r.ahead
			r.ahead = heldRecord{}
			r.recLine = h.at
			return h.line, h.fields, h.err
		}
		line, fields, err := r.record()
		if err == io.EOF {
			r.skipPending()
			return nil, nil, io.EOF
		}
		if err == nil && r.isEmptyRow(line, fields) {
			r.addEmpty(r.recLine, r.line)
			continue
		}
		if len(r.pend) == 0 {
			return line, fields, err
		}
		r.ahead = heldRecord{held: true, line: line, fields: fields, at: r.recLine, err: err}
	}
}

// addEmpty records an empty row on lines first to last.
func (r *Reader) addEmpty(first, last int) {
	if n := len(r.pend); n > 0 {
		p := &r.pend[n-1]
		if first == last && p.last-p.first+1 == p.rows && first == p.last+1 {
			p.last = last
			p.rows++
			return
		}
	}
	r.pend = append(r.pend, emptyRun{first: first, last: last, rows: 1})
}

// popEmpty reports the first pending empty row, which stands before a later row.
func (r *Reader) popEmpty() error {
	p := &r.pend[0]
	line := p.first
	if p.rows == 1 {
		r.pend = r.pend[1:]
		if len(r.pend) == 0 {
			r.pend = r.pend[:0:0]
		}
	} else {
		p.first++
		p.rows--
	}
	r.recLine = line
	return &ParseError{Line: line, Err: ErrEmptyRow}
}

// skipPending skips the pending empty rows: they end the file.
func (r *Reader) skipPending() {
	if len(r.pend) == 0 {
		return
	}
	s := SkippedRows{First: r.pend[0].first, Last: r.pend[len(r.pend)-1].last}
	for _, p := range r.pend {
		s.Rows += p.rows
	}
	r.skipped = s
	r.pend = nil
}

// isEmptyRow reports whether every cell of a record is empty or white space.
func (r *Reader) isEmptyRow(line []byte, fields [][]byte) bool {
	if fields == nil {
		return blankText(line, r.sep)
	}
	for _, f := range fields {
		if !blankText(f, 0) {
			return false
		}
	}
	return true
}

// blankText reports whether b holds only white space (unicode.IsSpace) and the byte sep.
func blankText(b []byte, sep byte) bool {
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if c != sep && !asciiSpace[c] {
				return false
			}
			i++
			continue
		}
		rn, n := utf8.DecodeRune(b[i:])
		if !unicode.IsSpace(rn) {
			return false
		}
		i += n
	}
	return true
}

// asciiSpace holds the ASCII bytes unicode.IsSpace reports as white space.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// decodeLine decodes a record without quotes. Cells holding a one-byte mark or nothing, the
// common case, are decoded in place; any other cell goes through cell.
func (r *Reader) decodeLine(b *Ballot, line []byte) error {
	cols := r.cols
	marks := b.Marks
	oneByte, lead, short, sep := &r.spell.oneByte, &r.spell.lead, r.short, r.sep
	ci := 0
	p := 0 // start of the next cell; len(line)+1 once the last cell is consumed
cells:
	for k := range cols {
		if p > len(line) {
			return r.fieldErr(k+1, ErrFieldCount, cellsFor(k, len(cols)))
		}
		if cols[k].kind == colCandidate && ci < len(marks) {
			if p == len(line) || line[p] == sep {
				marks[ci] = Abstain
				ci++
				p++
				continue
			}
			if p+1 == len(line) || line[p+1] == sep {
				if m := oneByte[line[p]]; m < NumMarks {
					marks[ci] = m
					ci++
					p += 2
					continue
				}
			}
			// A spelling of 2 to 4 bytes as the Writer writes it (○, ×) and the comma after it,
			// compared as one word with the spellings of the same first byte; the end of the line
			// reads as a comma.
			if i := lead[line[p]]; i != 0 {
				var w uint64
				if p+8 <= len(line) {
					w = binary.LittleEndian.Uint64(line[p:])
				} else {
					w = pack(line[p:]) | uint64(sep)<<(8*(len(line)-p))
				}
				for _, s := range short[i-1:] {
					if byte(s.key) != line[p] {
						break
					}
					if w&s.mask == s.key {
						marks[ci] = s.m
						ci++
						p += s.n + 1
						continue cells
					}
				}
			}
		}
		e := bytes.IndexByte(line[p:], sep)
		next := len(line) + 1
		if e >= 0 {
			next = p + e + 1
		} else {
			e = len(line) - p
		}
		if err := r.cell(b, k, line[p:p+e], &ci); err != nil {
			return err
		}
		p = next
	}
	// Cells beyond the header must be empty.
	for k := len(cols); p <= len(line); k++ {
		e := bytes.IndexByte(line[p:], sep)
		if e < 0 {
			e = len(line) - p
		}
		if f := line[p : p+e]; len(bytes.TrimSpace(f)) != 0 {
			return r.fieldErr(k+1, ErrFieldCount, string(clip(f)))
		}
		p += e + 1
	}
	return nil
}

// cell decodes cell k of a record into b; *ci counts the candidate cells decoded so far.
func (r *Reader) cell(b *Ballot, k int, f []byte, ci *int) error {
	switch r.cols[k].kind {
	case colCandidate:
		m, ok := r.spell.fastMark(f)
		if !ok {
			if !utf8.Valid(f) {
				return r.fieldErr(k+1, ErrEncoding, "")
			}
			if m, ok = r.spell.markOf(f); !ok {
				return r.fieldErr(k+1, ErrMarkValue, string(clip(f)))
			}
		}
		b.Marks[*ci] = m
		*ci++
	case colWriteIn:
		if len(f) == 0 {
			return nil
		}
		if !r.validText(f) {
			return r.fieldErr(k+1, ErrEncoding, "")
		}
		s := string(f)
		if NormalizeName(s) == "" {
			return nil
		}
		b.WriteIns = append(b.WriteIns, s)
	case colBox:
		if len(f) == 0 {
			return r.fieldErr(k+1, ErrEmptyBox, "")
		}
		if !r.validText(f) {
			return r.fieldErr(k+1, ErrEncoding, "")
		}
		if string(f) != r.box {
			r.box = string(f)
			r.fastBox = ""
			if !blankText(f, 0) && bytes.IndexByte(f, '"') < 0 && bytes.IndexByte(f, r.sep) < 0 && bytes.IndexByte(f, '\n') < 0 && bytes.IndexByte(f, '\r') < 0 {
				r.fastBox = r.box
				r.fastBoxKey = pack(f[:min(len(f), 8)])
			}
		}
	case colSpoiled:
		sp, ok := r.spell.spoiledOf(f)
		if !ok {
			if !utf8.Valid(f) {
				return r.fieldErr(k+1, ErrEncoding, "")
			}
			return r.fieldErr(k+1, ErrSpoiledValue, string(clip(f)))
		}
		b.Spoiled = sp
	}
	return nil
}

// All returns an iterator over the remaining ballots. It stops at the end of the file or after
// yielding the first error. During the loop, r.Box and r.Line describe the ballot just yielded.
// The iterator yields a fresh Ballot each time; use ReadInto to reuse one.
func (r *Reader) All() iter.Seq2[Ballot, error] {
	return func(yield func(Ballot, error) bool) {
		for {
			b, err := r.Read()
			if err == io.EOF {
				return
			}
			if !yield(b, err) || err != nil {
				return
			}
		}
	}
}

func (r *Reader) validText(f []byte) bool {
	if !utf8.Valid(f) {
		return false
	}
	// A GB18030 or UTF-16 byte the decoder could not read comes out as U+FFFD.
	return !r.decoded || !bytes.Contains(f, []byte("\uFFFD"))
}

func clip(f []byte) []byte {
	if len(f) > 40 {
		f = f[:40]
		for len(f) > 0 && !utf8.Valid(f) {
			f = f[:len(f)-1]
		}
	}
	return f
}

func (r *Reader) fieldErr(col int, err error, text string) error {
	e := &ParseError{Line: r.recLine, Column: col, Err: err, Text: text}
	if col >= 1 && col <= len(r.cols) {
		e.Name = r.cols[col-1].name
	}
	return e
}

func (r *Reader) fail(err error) error {
	r.err = err
	return err
}

func (r *Reader) maxRecord() int {
	if r.MaxRecordBytes > 0 {
		return r.MaxRecordBytes
	}
	return DefaultMaxRecordBytes
}

// fill reads more input into the buffer, keeping buf[r:w] and growing the buffer when it is full,
// up to about MaxRecordBytes (the callers check a record's length before filling). At the end of
// the input it sets r.eof.
func (r *Reader) fill() error {
	r.win.ok = false // the data moves
	if r.r > 0 {
		copy(r.buf, r.buf[r.r:r.w])
		r.w -= r.r
		r.r = 0
	}
	if r.w == len(r.buf) {
		size := 2 * len(r.buf)
		if size == 0 {
			size = 256 << 10
		}
		if lim := r.maxRecord() + 2; size > lim {
			size = max(lim, len(r.buf)+1)
		}
		nb := make([]byte, size, size+fastSlack) // room for the fast path's loads
		copy(nb, r.buf[:r.w])
		r.buf = nb
	}
	for range 100 {
		n, err := r.src.Read(r.buf[r.w:])
		r.w += n
		if err == io.EOF {
			r.eof = true
			return nil
		}
		if err != nil {
			return err
		}
		if n > 0 {
			return nil
		}
	}
	return io.ErrNoProgress
}

// start reads the header, once; its error is returned by every read.
func (r *Reader) start() error {
	if !r.started {
		r.started = true
		if err := r.readHeader(); err != nil {
			r.hdrErr = r.fail(err)
		}
	}
	return r.hdrErr
}

// readHeader detects the encoding (a UTF-8 byte order mark is dropped; text with a UTF-16 byte order
// mark is decoded as UTF-16; input that is not UTF-8 but is well-formed GB18030 is decoded as
// GB18030) and the separator, reads the header and maps the columns.
func (r *Reader) readHeader() error {
	r.spell = r.Spellings.table()
	if err := r.sample(); err != nil {
		return err
	}
	data := r.buf[:r.w]
	switch {
	case bytes.HasPrefix(data, []byte(textenc.BOM)):
		r.r = len(textenc.BOM)
	case textenc.UTF16(data) != nil:
		r.decodeWith(textenc.UTF16(data), data)
	case !utf8.Valid(completeUTF8(data, r.eof)) && textenc.IsGB18030(data, r.eof):
		r.decodeWith(simplifiedchinese.GB18030.NewDecoder(), data)
	case textenc.LooksUTF16(data):
		return &ParseError{Line: 1, Err: fmt.Errorf("%w: UTF-16 text without its byte order mark: "+
			"save the file as CSV UTF-8, or as Unicode text with its byte order mark", ErrEncoding)}
	}
	if r.decoded {
		if err := r.sample(); err != nil {
			return err
		}
	}
	if err := r.detectSeparator(); err != nil {
		return err
	}
	firstEmpty := 0
	for {
		line, fields, err := r.record()
		if err == io.EOF {
			return &ParseError{Line: max(r.line, 1), Err: ErrNoHeader}
		}
		if err != nil {
			return err
		}
		if r.isEmptyRow(line, fields) {
			if firstEmpty == 0 {
				firstEmpty = r.recLine
			}
			continue
		}
		if firstEmpty > 0 {
			return &ParseError{Line: firstEmpty, Err: fmt.Errorf("%w before the header: the header is the first row", ErrEmptyRow)}
		}
		if fields == nil {
			fields = bytes.Split(line, []byte{r.sep})
		}
		return r.parseHeader(fields)
	}
}

// sample fills the buffer with the start of the file, as much as it holds without growing past
// its limit, for the encoding and the separator to be detected.
func (r *Reader) sample() error {
	size := min(64<<10, r.maxRecord()+2)
	for !r.eof && r.w < size {
		if err := r.fill(); err != nil {
			return err
		}
	}
	return nil
}

// decodeWith reads the rest of the file, from data (the buffered start) on, through a decoder
// to UTF-8.
func (r *Reader) decodeWith(dec transform.Transformer, data []byte) {
	rest := append([]byte(nil), data...)
	r.src = transform.NewReader(io.MultiReader(bytes.NewReader(rest), r.src), dec)
	r.decoded = true
	r.r, r.w, r.eof = 0, 0, false
}

// Separators a Reader reads.
const separators = ",;\t|"

// detectSeparator sets the separator: Comma, or the one the header line holds (see Comma), and
// the short spellings that are read followed by it.
func (r *Reader) detectSeparator() error {
	switch {
	case r.Comma == 0:
		r.sep = ','
		line := r.buf[r.r:r.w]
		if i := bytes.IndexByte(line, '\n'); i >= 0 {
			line = line[:i]
		}
		var n [256]int
		quoted := false
		for _, c := range line {
			if c == '"' {
				quoted = !quoted
			} else if !quoted {
				n[c]++
			}
		}
		switch {
		case n[','] > 0:
		case n[';'] > 0 && n['\t'] > 0:
			return &ParseError{Line: 1, Err: fmt.Errorf("%w: the header holds semicolons and tabs and no comma: "+
				"save the file as CSV (comma-separated), or name its separator", ErrSeparator)}
		case n[';'] > 0:
			r.sep = ';'
		case n['\t'] > 0:
			r.sep = '\t'
		}
	case r.Comma < utf8.RuneSelf && strings.ContainsRune(separators, r.Comma):
		r.sep = byte(r.Comma)
	default:
		return &ParseError{Line: 1, Err: fmt.Errorf("%w: %q: a ballot file's cells are separated by "+
			"a comma, a semicolon, a tab or a vertical bar", ErrSeparator, r.Comma)}
	}
	r.fast = r.spell.fastFor(r.sep)
	r.short = r.spell.short
	if r.sep != ',' {
		// The spellings that follow the comma in the shared table follow the separator here; one
		// that holds the separator is read only from a quoted cell.
		r.short = make([]shortSpelling, len(r.spell.short))
		for i, sp := range r.spell.short {
			sp.key ^= uint64(','^r.sep) << (8 * sp.n)
			if bytes.IndexByte(packed(sp.key, sp.n), r.sep) >= 0 {
				// Followed by a line end, which no line holds: it matches no cell, and keeps its
				// place among the spellings of its first byte.
				sp.key = sp.key&^(0xFF<<(8*sp.n)) | '\n'<<(8*sp.n)
			}
			r.short[i] = sp
		}
	}
	return nil
}

// packed returns the first n bytes packed in a word.
func packed(key uint64, n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(key >> (8 * i))
	}
	return b
}

// completeUTF8 drops an incomplete UTF-8 sequence at the end of a sample that is not the whole input.
func completeUTF8(b []byte, eof bool) []byte {
	if eof {
		return b
	}
	for i := 1; i <= 3 && i <= len(b); i++ {
		if utf8.RuneStart(b[len(b)-i]) {
			if !utf8.FullRune(b[len(b)-i:]) {
				return b[:len(b)-i]
			}
			break
		}
	}
	return b
}

func (r *Reader) parseHeader(fields [][]byte) error {
	n := len(fields)
	for n > 0 && len(bytes.TrimSpace(fields[n-1])) == 0 {
		n--
	}
	herr := func(col int, err error, text string) error {
		return &ParseError{Line: r.recLine, Column: col, Err: err, Text: text}
	}
	r.cols = make([]column, n)
	h := Header{}
	seen := make(map[string]bool)
	for k := range n {
		f := fields[k]
		if !r.validText(f) {
			return herr(k+1, ErrEncoding, "")
		}
		name := strings.TrimSpace(string(f))
		r.cols[k].name = name
		switch {
		case name == "" || strings.HasPrefix(name, "\uFEFF") || unprintable(name) != "":
			// Empty, a second byte order mark, or a name a slate may not hold (a control
			// character, ...: see ErrNameText), which no Writer writes.
			return herr(k+1, ErrColumnName, name)
		case reserved(name, boxNames):
			if h.Box {
				return herr(k+1, ErrDuplicateColumn, name)
			}
			h.Box = true
			r.cols[k].kind = colBox
		case reserved(name, spoiledNames):
			if h.Spoiled {
				return herr(k+1, ErrDuplicateColumn, name)
			}
			h.Spoiled = true
			r.cols[k].kind = colSpoiled
		case reserved(name, writeInNames):
			h.WriteIns++
			r.cols[k].kind = colWriteIn
		default:
			if seen[name] {
				return herr(k+1, ErrDuplicateColumn, name)
			}
			seen[name] = true
			if r.Candidates != nil {
				j := len(h.Candidates)
				if j >= len(r.Candidates) || r.Candidates[j] != name {
					if indexOf(r.Candidates, name) < 0 {
						return r.columnErr(k+1, ErrUnknownColumn, name)
					}
					return r.columnErr(k+1, ErrColumnOrder, name)
				}
			}
			h.Candidates = append(h.Candidates, name)
		}
	}
	if r.Candidates != nil && len(h.Candidates) < len(r.Candidates) {
		return r.columnErr(0, ErrMissingColumn, r.Candidates[len(h.Candidates)])
	}
	if len(h.Candidates) == 0 {
		return herr(0, ErrNoCandidateColumns, "")
	}
	r.header = h
	r.nCand = len(h.Candidates)
	return nil
}

// columnErr reports a header that names the candidate columns wrongly, with the columns it should
// name and, for a cell holding a candidate's name, that candidate's ID.
func (r *Reader) columnErr(col int, err error, text string) error {
	e := &ParseError{Line: r.recLine, Column: col, Err: err, Text: text}
	e.Columns = make([]Candidate, len(r.Candidates))
	for i, id := range r.Candidates {
		e.Columns[i].ID = id
		if i < len(r.Names) {
			e.Columns[i].Name = r.Names[i]
		}
	}
	if err == ErrUnknownColumn && MatchKey(text) != "" {
		for i, name := range r.Names {
			if i < len(r.Candidates) && MatchKey(name) == MatchKey(text) {
				e.NameOf = r.Candidates[i]
				break
			}
		}
	}
	return e
}

func indexOf(s []string, v string) int {
	for i, x := range s {
		if x == v {
			return i
		}
	}
	return -1
}

// record reads the next record, an empty line included. It returns the line of a record without
// quotes, its line end removed, or the cells of a record with quotes. The slices are valid until
// the next call.
func (r *Reader) record() (line []byte, fields [][]byte, err error) {
	if r.err != nil {
		return nil, nil, r.err
	}
	scan := 0 // bytes of buf[r.r:] known to hold no '\n'
	for {
		i := bytes.IndexByte(r.buf[r.r+scan:r.w], '\n')
		if i >= 0 {
			end := r.r + scan + i
			line = r.buf[r.r:end]
			// Too long first, whatever the line holds: a Reader whose buffer holds the whole line
			// (a chunk's) must say what one whose buffer stops at the limit says.
			if len(line) > r.maxRecord() {
				return nil, nil, r.fail(&ParseError{Line: r.line + 1, Err: ErrRecordTooLong})
			}
			if bytes.IndexByte(line, '"') >= 0 {
				fields, err := r.quoted()
				return nil, fields, err
			}
			r.r = end + 1
		} else {
			if r.w-r.r > r.maxRecord() {
				return nil, nil, r.fail(&ParseError{Line: r.line + 1, Err: ErrRecordTooLong})
			}
			if !r.eof {
				scan = r.w - r.r
				if err := r.fill(); err != nil {
					return nil, nil, r.fail(err)
				}
				continue
			}
			if r.r == r.w {
				return nil, nil, io.EOF
			}
			line = r.buf[r.r:r.w]
			if bytes.IndexByte(line, '"') >= 0 {
				fields, err := r.quoted()
				return nil, fields, err
			}
			r.r = r.w
		}
		scan = 0
		r.line++
		if len(line) > 0 && line[len(line)-1] == '\r' {
			line = line[:len(line)-1]
		}
		r.recLine = r.line
		return line, nil, nil
	}
}

// quoted parses a record holding a quote, which may span lines, from buf[r.r:]: cell after cell,
// each quoted or bare, into r.scratch with r.spans marking the cells.
func (r *Reader) quoted() ([][]byte, error) {
	r.recLine = r.line + 1
	r.scratch = r.scratch[:0]
	r.spans = r.spans[:0]
	q := quoteScan{r: r, lines: 1, col: 1}
	for {
		start := len(r.scratch)
		var end int
		var err error
		if b, ok := q.peek(0); ok && b == '"' {
			end, err = q.quotedCell(start)
		} else {
			end, err = q.bareCell(start)
		}
		if err != nil {
			return nil, err
		}
		if end >= 0 {
			if q.pos > r.maxRecord() { // q.pos: the record's bytes, its line end not counted
				return nil, q.tooLong()
			}
			return r.endQuoted(end, q.lines)
		}
	}
}

// quoteScan is the state of reading one record that holds a quote.
type quoteScan struct {
	r     *Reader
	pos   int // bytes of the record consumed, from r.r (fill keeps r.buf[r.r:] in place)
	lines int // lines the record spans so far
	col   int // 1-based number of the cell being read
}

// peek returns the byte at pos+i if the buffer holds it.
func (q *quoteScan) peek(i int) (byte, bool) {
	if k := q.r.r + q.pos + i; k < q.r.w {
		return q.r.buf[k], true
	}
	return 0, false
}

// more reads more input: false at the end of the input. A record grown beyond MaxRecordBytes, or
// an error of the underlying reader, is final.
func (q *quoteScan) more() (bool, error) {
	r := q.r
	if r.eof {
		return false, nil
	}
	if r.w-r.r > r.maxRecord() {
		return false, q.tooLong()
	}
	if err := r.fill(); err != nil {
		return false, r.fail(err)
	}
	return true, nil
}

// waitFor reads until the buffer holds the byte at pos+i or the input ends.
func (q *quoteScan) waitFor(i int) error {
	for q.r.r+q.pos+i >= q.r.w && !q.r.eof {
		if _, err := q.more(); err != nil {
			return err
		}
	}
	return nil
}

func (q *quoteScan) tooLong() error {
	return q.r.fail(&ParseError{Line: q.r.recLine, Err: ErrRecordTooLong})
}

func (q *quoteScan) badQuote() error {
	return q.r.fail(&ParseError{Line: q.r.recLine + q.lines - 1, Column: q.col, Err: ErrQuote})
}

// quotedCell reads a quoted cell and what follows its closing quote. It returns the bytes the
// record consumed if the record ends there, or -1 after the comma that starts the next cell.
func (q *quoteScan) quotedCell(start int) (int, error) {
	q.pos++ // the opening quote
	if err := q.quotedText(); err != nil {
		return 0, err
	}
	// After the closing quote: a comma, the end of the record, or nothing more.
	if err := q.waitFor(0); err != nil {
		return 0, err
	}
	q.r.spans = append(q.r.spans, start, len(q.r.scratch))
	c, ok := q.peek(0)
	switch {
	case !ok:
		return q.pos, nil
	case c == q.r.sep:
		q.pos++
		q.col++
		return -1, nil
	case c == '\n':
		return q.pos + 1, nil
	case c == '\r':
		if err := q.waitFor(1); err != nil {
			return 0, err
		}
		switch c, ok := q.peek(1); {
		case !ok:
			return q.pos + 1, nil
		case c == '\n':
			return q.pos + 2, nil
		}
	}
	return 0, q.badQuote()
}

// quotedText copies the text of a quoted cell into r.scratch, a doubled quote as one, up to and
// past the closing quote. A quote never closed is an error at the line where the cell began.
func (q *quoteScan) quotedText() error {
	r := q.r
	qline := q.lines
	for {
		if q.pos > r.maxRecord() {
			return q.tooLong()
		}
		c, ok := q.peek(0)
		if !ok {
			more, err := q.more()
			if err != nil {
				return err
			}
			if !more {
				q.lines = qline
				return q.badQuote()
			}
			continue
		}
		if c == '"' {
			if err := q.waitFor(1); err != nil {
				return err
			}
			if next, ok := q.peek(1); ok && next == '"' {
				r.scratch = append(r.scratch, '"')
				q.pos += 2
				continue
			}
			q.pos++
			return nil
		}
		if c == '\n' {
			q.lines++
		}
		r.scratch = append(r.scratch, c)
		q.pos++
	}
}

// bareCell reads an unquoted cell, up to a comma or the end of the line; a quote in it is an
// error. It returns as quotedCell does. A CR before the line end is not part of the cell.
func (q *quoteScan) bareCell(start int) (int, error) {
	r := q.r
	end := func(consumed int) (int, error) {
		if s := r.scratch; len(s) > start && s[len(s)-1] == '\r' {
			r.scratch = s[:len(s)-1]
		}
		r.spans = append(r.spans, start, len(r.scratch))
		return consumed, nil
	}
	for {
		c, ok := q.peek(0)
		if !ok {
			more, err := q.more()
			if err != nil {
				return 0, err
			}
			if !more {
				return end(q.pos)
			}
			continue
		}
		switch c {
		case '"':
			return 0, q.badQuote()
		case r.sep:
			r.spans = append(r.spans, start, len(r.scratch))
			q.pos++
			q.col++
			return -1, nil
		case '\n':
			return end(q.pos + 1)
		}
		r.scratch = append(r.scratch, c)
		q.pos++
		if q.pos > r.maxRecord() {
			return 0, q.tooLong()
		}
	}
}

func (r *Reader) endQuoted(consumed, lines int) ([][]byte, error) {
	r.r += consumed
	r.line += lines
	r.fields = r.fields[:0]
	for i := 0; i < len(r.spans); i += 2 {
		r.fields = append(r.fields, r.scratch[r.spans[i]:r.spans[i+1]])
	}
	return r.fields, nil
}
