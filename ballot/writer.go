package ballot

import (
	"bufio"
	"io"
	"slices"
	"strings"
	"unicode/utf8"
)

// MarkStyle is how a Writer spells marks. The zero value is MarkSymbols.
//
// A blank ballot (every mark Abstain) is written with an explicit abstention in every candidate
// cell, 弃 or -, never as a row of empty cells: a Reader takes an entirely empty row for no
// ballot at all (see the package documentation).
type MarkStyle uint8

const (
	// MarkSymbols writes ○ for For, × for Against, and an empty cell for Abstain (弃 on a blank
	// ballot).
	MarkSymbols MarkStyle = iota
	// MarkLetters writes F, A and -.
	MarkLetters
	// MarkDigits writes 1 for For, 0 for Against, and an empty cell for Abstain (- on a blank
	// ballot).
	MarkDigits

	numStyles // the number of styles; a Writer takes any larger value as MarkSymbols
)

// Writer writes ballots in the ballot file format that Reader reads. Every ballot a Reader returns
// is written so that reading it back gives the same ballot and box.
//
// Output is buffered: call Flush when done. A Writer is not safe for concurrent use.
type Writer struct {
	// Marks is how marks are spelled; the zero value writes the symbols ○ and ×.
	Marks MarkStyle
	// UseCRLF ends lines with \r\n instead of \n.
	UseCRLF bool

	w           *bufio.Writer
	h           Header
	wroteHeader bool
	n           int
	rec         []byte
}

// NewWriter returns a Writer writing ballots with header h to w. It is an error (a *ParseError
// with Line 1 and the column) if h names no candidate, or a candidate ID twice, or an ID that
// cannot be a column name: empty, with surrounding white space, a reserved name (box, spoiled,
// write-in, in any case), or text a slate may not hold (not UTF-8, a control character, ...: see
// ErrNameText). A negative WriteIns is taken as zero.
func NewWriter(w io.Writer, h Header) (*Writer, error) {
	h = h.Clone()
	h.WriteIns = max(h.WriteIns, 0)
	if len(h.Candidates) == 0 {
		return nil, &ParseError{Line: 1, Err: ErrNoCandidateColumns}
	}
	seen := make(map[string]bool, len(h.Candidates))
	col := 0
	if h.Box {
		col++
	}
	for _, id := range h.Candidates {
		col++
		switch {
		case id == "" || id != strings.TrimSpace(id) || strings.HasPrefix(id, "\uFEFF") || isReserved(id) || unprintable(id) != "":
			return nil, &ParseError{Line: 1, Column: col, Err: ErrColumnName, Text: id}
		case seen[id]:
			return nil, &ParseError{Line: 1, Column: col, Err: ErrDuplicateColumn, Text: id}
		}
		seen[id] = true
	}
	return &Writer{w: bufio.NewWriterSize(w, 64<<10), h: h}, nil
}

func (w *Writer) eol() {
	if w.UseCRLF {
		w.rec = append(w.rec, '\r', '\n')
	} else {
		w.rec = append(w.rec, '\n')
	}
}

func (w *Writer) header() error {
	if w.wroteHeader {
		return nil
	}
	w.wroteHeader = true
	w.rec = w.rec[:0]
	sep := false
	cell := func(s string) {
		if sep {
			w.rec = append(w.rec, ',')
		}
		sep = true
		w.rec = appendCell(w.rec, s)
	}
	if w.h.Box {
		cell(boxNames[0])
	}
	for _, id := range w.h.Candidates {
		cell(id)
	}
	for range w.h.WriteIns {
		cell(writeInNames[0])
	}
	if w.h.Spoiled {
		cell(spoiledNames[0])
	}
	w.eol()
	_, err := w.w.Write(w.rec)
	return err
}

// Write writes one ballot, from the given box ("" for a file without a box column). A ballot that
// the file cannot hold is not written and is reported as a *BallotError (Ballot is its 1-based
// position among those given to Write) wrapping ErrMarkCount or ErrMarkValue (the marks do not
// fit the header), ErrEmptyWriteIn (a write-in empty after NormalizeName), ErrTooManyWriteIns,
// ErrEmptyBox, ErrNoColumn (a box or a spoiled flag without its column), or ErrEncoding (a box or
// write-in that is not UTF-8).
func (w *Writer) Write(box string, b Ballot) error {
	w.n++
	bad := func(err error, detail string) error { return &BallotError{Ballot: w.n, Err: err, Detail: detail} }
	switch {
	case len(b.Marks) != len(w.h.Candidates):
		return bad(ErrMarkCount, itoa(len(b.Marks))+" marks for "+itoa(len(w.h.Candidates))+" candidates")
	case len(b.WriteIns) > w.h.WriteIns:
		return bad(ErrTooManyWriteIns, itoa(len(b.WriteIns))+" for "+itoa(w.h.WriteIns)+" columns")
	case w.h.Box && box == "":
		return bad(ErrEmptyBox, "")
	case !w.h.Box && box != "":
		return bad(ErrNoColumn, boxNames[0])
	case !w.h.Spoiled && b.Spoiled:
		return bad(ErrNoColumn, spoiledNames[0])
	case !utf8.ValidString(box):
		return bad(ErrEncoding, boxNames[0])
	}
	for i, m := range b.Marks {
		if !m.Valid() {
			return &BallotError{Ballot: w.n, Mark: i + 1, Err: ErrMarkValue, Detail: m.String()}
		}
	}
	for i, s := range b.WriteIns {
		if !utf8.ValidString(s) {
			return &BallotError{Ballot: w.n, WriteIn: i + 1, Err: ErrEncoding}
		}
		if NormalizeName(s) == "" {
			return &BallotError{Ballot: w.n, WriteIn: i + 1, Err: ErrEmptyWriteIn}
		}
	}
	if err := w.header(); err != nil {
		return err
	}
	w.rec = w.rec[:0]
	if w.h.Box {
		w.rec = appendCell(w.rec, box)
		w.rec = append(w.rec, ',')
	}
	blank := !slices.ContainsFunc(b.Marks, func(m Mark) bool { return m != Abstain })
	for i, m := range b.Marks {
		if i > 0 {
			w.rec = append(w.rec, ',')
		}
		w.rec = append(w.rec, w.mark(m, blank)...)
	}
	for i := range w.h.WriteIns {
		w.rec = append(w.rec, ',')
		if i < len(b.WriteIns) {
			w.rec = appendCell(w.rec, b.WriteIns[i])
		}
	}
	if w.h.Spoiled {
		w.rec = append(w.rec, ',')
		if b.Spoiled {
			w.rec = append(w.rec, spoiledSpellings[1].written...)
		} else {
			w.rec = append(w.rec, spoiledSpellings[0].written...)
		}
	}
	w.eol()
	_, err := w.w.Write(w.rec)
	return err
}

// mark returns the spelling of the valid mark m in the Writer's style (the table of spellings): the
// explicit one on a blank ballot.
func (w *Writer) mark(m Mark, blank bool) string {
	style := w.Marks
	if style >= numStyles {
		style = MarkSymbols
	}
	if blank {
		return markSpellings[m].explicit[style]
	}
	return markSpellings[m].written[style]
}

// Flush writes any buffered data (and the header, if no ballot was written) to the underlying
// writer and returns the first error met.
func (w *Writer) Flush() error {
	if err := w.header(); err != nil {
		return err
	}
	return w.w.Flush()
}

// appendCell appends s as a CSV cell, quoted when it holds a comma, a quote, a CR or LF, or a
// semicolon or a tab, which a Reader would take for the separator of a header without commas.
func appendCell(dst []byte, s string) []byte {
	if !strings.ContainsAny(s, ",\";\t\r\n") {
		return append(dst, s...)
	}
	dst = append(dst, '"')
	for i := 0; i < len(s); i++ {
		if s[i] == '"' {
			dst = append(dst, '"')
		}
		dst = append(dst, s[i])
	}
	return append(dst, '"')
}
