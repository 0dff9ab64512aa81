package ballot

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
	"sync/atomic"
	"unicode/utf8"
)

// markSpellings is the one table of the ways a mark is written. Everything that reads or writes a
// mark derives from it: ParseMark, Mark.Symbol, Mark.Letter, MarshalText, the Reader (its fast paths
// included) and the Writer.
//
// name is the mark's name (Mark.String), which a Reader also accepts; written[style] is what a
// Writer with that MarkStyle writes; explicit[style] is what it writes on a blank ballot (every
// mark Abstain), whose row would otherwise hold no mark at all and read as an empty row, which is
// not a ballot; read lists the other spellings a Reader accepts. Every spelling is compared
// ignoring case and surrounding white space, so "F" stands for "f" too and the empty cell for a
// cell of spaces.
//
//	Abstain: abstain; written (empty) - (empty); on a blank ballot 弃 - -; also 弃权
//	For:     for;     written ○ F 1; also 〇 O
//	Against: against; written × A 0; also X ✕
var markSpellings = [NumMarks]struct {
	name     string
	written  [numStyles]string
	explicit [numStyles]string
	read     []string
}{
	Abstain: {name: "abstain", written: [numStyles]string{MarkSymbols: "", MarkLetters: "-", MarkDigits: ""},
		explicit: [numStyles]string{MarkSymbols: "弃", MarkLetters: "-", MarkDigits: "-"}, read: []string{"弃权"}},
	For: {name: "for", written: [numStyles]string{MarkSymbols: "○", MarkLetters: "F", MarkDigits: "1"},
		explicit: [numStyles]string{MarkSymbols: "○", MarkLetters: "F", MarkDigits: "1"}, read: []string{"〇", "O"}},
	Against: {name: "against", written: [numStyles]string{MarkSymbols: "×", MarkLetters: "A", MarkDigits: "0"},
		explicit: [numStyles]string{MarkSymbols: "×", MarkLetters: "A", MarkDigits: "0"}, read: []string{"X", "✕"}},
}

// spoiledSpellings is the one table of the ways the spoiled column is filled in: index 0 for a
// ballot not spoiled, 1 for a spoiled one. written is what a Writer writes; read lists the other
// spellings a Reader accepts, compared as marks are.
//
//	not spoiled: (empty), also 0 no n false 否
//	spoiled:     1, also yes y true x spoiled 是 废 废票
var spoiledSpellings = [2]struct {
	written string
	read    []string
}{
	{written: "", read: []string{"0", "no", "n", "false", "否"}},
	{written: "1", read: []string{"yes", "y", "true", "x", "spoiled", "是", "废", "废票"}},
}

// Reserved column names, compared ignoring case and surrounding white space. A Writer writes the
// first of each.
var (
	boxNames     = []string{"box", "票箱"}
	spoiledNames = []string{"spoiled", "废票"}
	writeInNames = []string{"write-in", "writein", "write in", "另选他人", "另选"}
)

// Spellings is a table of the spellings a Reader accepts in a mark cell and in the spoiled cell of
// a ballot file. DefaultSpellings is the documented table (see the package documentation); an
// election may add its own spellings to it with WithMark and WithSpoiled (√ for For, say).
// Spellings are compared ignoring case and surrounding white space; the empty cell is always an
// abstention and a ballot not spoiled.
//
// A Spellings is an immutable value, safe to copy and to share between goroutines: WithMark and
// WithSpoiled return a new table and leave the old one as it was. The zero value is
// DefaultSpellings.
type Spellings struct {
	t *spellTable
}

// spellTable is a Spellings' lookup table with the Reader's fast paths derived from it.
type spellTable struct {
	marks   map[string]Mark                            // folded spelling → mark
	spoiled map[string]bool                            // folded spelling → spoiled
	oneByte [256]Mark                                  // a one-byte cell → its mark, or NumMarks if it is none (or not one byte)
	short   []shortSpelling                            // folded spellings of 2 to 4 bytes, as a cell holds them exactly, by first byte
	lead    [256]uint16                                // a first byte → 1 + the index in short of the first spelling it begins, or 0
	fast    [len(separators)]atomic.Pointer[fastTable] // the fast path's table for each separator, built when first needed
}

// shortSpelling is a spelling of 2 to 4 bytes followed by a comma, packed into a word (first byte
// lowest): the Reader compares a cell inside a line with it without hashing.
type shortSpelling struct {
	key  uint64 // the spelling's bytes and a comma
	mask uint64 // the low n+1 bytes set
	n    int
	m    Mark
}

// defaultTable is built once from markSpellings and spoiledSpellings and never changed.
var defaultTable = func() *spellTable {
	t := &spellTable{marks: make(map[string]Mark), spoiled: make(map[string]bool)}
	for m, row := range markSpellings {
		t.marks[fold(row.name)] = Mark(m)
		for _, s := range row.written {
			t.marks[fold(s)] = Mark(m)
		}
		for _, s := range row.explicit {
			t.marks[fold(s)] = Mark(m)
		}
		for _, s := range row.read {
			t.marks[fold(s)] = Mark(m)
		}
	}
	for v, row := range spoiledSpellings {
		t.spoiled[fold(row.written)] = v == 1
		for _, s := range row.read {
			t.spoiled[fold(s)] = v == 1
		}
	}
	t.derive()
	return t
}()

// DefaultSpellings returns the spellings of the package documentation: for marks ○ 〇 F O 1 for
// (For), × X ✕ A 0 against (Against), an empty cell, - 弃 弃权 or abstain (Abstain); for the spoiled column
// an empty cell, 0, no, n, false or 否 (not spoiled) and 1, yes, y, true, x, spoiled, 是, 废 or 废票
// (spoiled).
func DefaultSpellings() Spellings { return Spellings{} }

func (s Spellings) table() *spellTable {
	if s.t == nil {
		return defaultTable
	}
	return s.t
}

// Mark returns the mark spelled by text, and false if text spells no mark.
func (s Spellings) Mark(text string) (Mark, bool) {
	m, ok := s.table().marks[fold(text)]
	return m, ok
}

// Spoiled reads a spoiled cell: whether it says the ballot is spoiled, and false as the second
// result if text is not a spelling of the spoiled column.
func (s Spellings) Spoiled(text string) (spoiled, ok bool) {
	spoiled, ok = s.table().spoiled[fold(text)]
	return spoiled, ok
}

// WithMark returns a copy of s that also reads each of the spellings as the mark m (a spelling
// that already reads as m changes nothing). It is an error wrapping ErrMarkValue if m is out of
// range, and wrapping ErrSpelling if a spelling already reads as another mark (the empty cell is
// always Abstain), is not valid UTF-8 or holds U+FFFD, or changes when its case and white space
// are folded a second time.
func (s Spellings) WithMark(m Mark, spellings ...string) (Spellings, error) {
	if !m.Valid() {
		return s, &MarkError{Text: m.String(), Err: ErrMarkValue}
	}
	t := s.table()
	marks := maps.Clone(t.marks)
	for _, sp := range spellings {
		f, err := foldSpelling(sp)
		if err != nil {
			return s, err
		}
		if old, ok := marks[f]; ok && old != m {
			return s, fmt.Errorf("ballot: spelling %q of %v: it reads as %v: %w", sp, m, old, ErrSpelling)
		}
		marks[f] = m
	}
	n := &spellTable{marks: marks, spoiled: t.spoiled}
	n.derive()
	return Spellings{t: n}, nil
}

// WithSpoiled returns a copy of s that also reads each of the spellings in the spoiled column as
// spoiled (or, for false, as not spoiled). It is an error wrapping ErrSpelling if a spelling
// already reads the other way (the empty cell is always "not spoiled"), or for the reasons
// WithMark gives.
func (s Spellings) WithSpoiled(spoiled bool, spellings ...string) (Spellings, error) {
	t := s.table()
	sp := maps.Clone(t.spoiled)
	for _, text := range spellings {
		f, err := foldSpelling(text)
		if err != nil {
			return s, err
		}
		if old, ok := sp[f]; ok && old != spoiled {
			return s, fmt.Errorf("ballot: spelling %q of the spoiled column: it reads as spoiled=%t: %w", text, old, ErrSpelling)
		}
		sp[f] = spoiled
	}
	n := &spellTable{marks: t.marks, spoiled: sp}
	n.derive()
	return Spellings{t: n}, nil
}

// fold puts a spelling in the form in which spellings are compared: surrounding white space
// removed, lower case.
func fold(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// foldSpelling folds a new spelling. It refuses text that is not UTF-8 or holds U+FFFD (the
// Reader reports such a cell as bad encoding, whatever the table says), and a spelling whose
// folded form is not stable (folding it again changes it): the Reader's fast paths compare a cell
// with the folded form as it stands.
func foldSpelling(s string) (string, error) {
	if !utf8.ValidString(s) || strings.ContainsRune(s, utf8.RuneError) {
		return "", fmt.Errorf("ballot: spelling %q: not UTF-8 text: %w", s, ErrSpelling)
	}
	f := fold(s)
	if fold(f) != f {
		return "", fmt.Errorf("ballot: spelling %q: not stable under case folding: %w", s, ErrSpelling)
	}
	return f, nil
}

// derive builds the Reader's fast paths from the maps: every ASCII byte whose folded form is a
// mark spelling, and every folded mark spelling of 2 to 4 bytes, grouped by first byte (the
// written symbols first in their group) and indexed by it.
func (t *spellTable) derive() {
	for b := range t.oneByte {
		t.oneByte[b] = NumMarks
		if b < 0x80 {
			if m, ok := t.marks[fold(string(rune(b)))]; ok {
				t.oneByte[b] = m
			}
		}
	}
	t.short = t.short[:0:0]
	add := func(f string, m Mark) {
		// A spelling holding a comma, quote or line end is read only from a quoted cell.
		if len(f) < 2 || len(f) > 4 || strings.ContainsAny(f, ",\"\r\n") {
			return
		}
		key := pack([]byte(f + ","))
		for _, s := range t.short {
			if s.key == key {
				return
			}
		}
		t.short = append(t.short, shortSpelling{key: key, mask: 1<<(8*(len(f)+1)) - 1, n: len(f), m: m})
	}
	for m, row := range markSpellings {
		add(fold(row.written[MarkSymbols]), Mark(m))
	}
	for _, f := range sortedKeys(t.marks) {
		add(f, t.marks[f])
	}
	slices.SortStableFunc(t.short, func(a, b shortSpelling) int { return int(byte(a.key)) - int(byte(b.key)) })
	if len(t.short) > math.MaxUint16-1 {
		t.short = t.short[:math.MaxUint16-1] // any more are read by the folded lookup
	}
	t.lead = [256]uint16{}
	for i := len(t.short) - 1; i >= 0; i-- {
		t.lead[byte(t.short[i].key)] = uint16(i + 1)
	}
}

// sortedKeys returns the keys of m in byte order, so that derived tables do not depend on map
// iteration order.
func sortedKeys(m map[string]Mark) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// pack packs up to 8 bytes into a word, first byte lowest.
func pack(f []byte) uint64 {
	var k uint64
	for i, c := range f {
		k |= uint64(c) << (8 * i)
	}
	return k
}

// fastMark reads a mark cell as it stands in the file, without allocating, when it is empty, one
// byte, or a spelling of 2 to 4 bytes in its folded form (○, ×, 〇, ✕). Otherwise it returns
// false, and the cell is to be looked up folded (markOf).
func (t *spellTable) fastMark(f []byte) (Mark, bool) {
	switch n := len(f); {
	case n == 0:
		return Abstain, true
	case n == 1:
		m := t.oneByte[f[0]]
		return m, m < NumMarks
	case n <= 4:
		return t.shortMark(f)
	}
	return Abstain, false
}

// markOf reads a mark cell of UTF-8 text: the fast paths, then the folded lookup.
func (t *spellTable) markOf(f []byte) (Mark, bool) {
	if m, ok := t.fastMark(f); ok {
		return m, true
	}
	m, ok := t.marks[fold(string(f))]
	return m, ok
}

// shortMark looks a whole cell f (2 to 4 bytes) up among the short spellings.
func (t *spellTable) shortMark(f []byte) (Mark, bool) {
	k := pack(f) | ','<<(8*len(f))
	for _, s := range t.short {
		if s.key == k {
			return s.m, true
		}
	}
	return Abstain, false
}

// spoiledOf reads a spoiled cell as it stands in the file. It does not allocate for a cell that
// holds a spelling in its folded form ("", "1", "是").
func (t *spellTable) spoiledOf(f []byte) (spoiled, ok bool) {
	if len(f) == 0 {
		return false, true // the empty cell: never spoiled (WithSpoiled refuses to change it)
	}
	if v, ok := t.spoiled[string(f)]; ok {
		return v, true
	}
	spoiled, ok = t.spoiled[fold(string(f))]
	return spoiled, ok
}
