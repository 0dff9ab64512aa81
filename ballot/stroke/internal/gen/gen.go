// Package gen builds the stroke-order table of package stroke from its sources: the stroke sequences
// of cnchar-order (npm, MIT licence), Unihan's kTotalStrokes and kTGH fields (Unicode licence) and the
// project's overrides file. It checks the result against kTGH, the official position of every
// character of 《通用规范汉字表》 (2013), whose three levels are each printed in GF 3003-1999 order, and
// writes the Go source of the table.
//
// The same code runs from the command strokegen (go generate) and from the package's tests, which
// rebuild the table from the committed inputs and compare it byte for byte with the committed file.
package gen

import (
	"archive/tar"
	"bufio"
	"bytes"
	"compress/bzip2"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The block of CJK Unified Ideographs: the table keeps a count for every one of its code points, and
// only its characters may have a stroke sequence. It holds the 20,902 characters of GB 13000.1 that
// GF 3003-1999 orders (U+4E00..U+9FA5) and the later additions to the block.
const (
	UROFirst = 0x4E00
	UROLast  = 0x9FFF
)

// Levels of 《通用规范汉字表》 by kTGH position: level 1 is 1..3500, level 2 3501..6500, level 3
// 6501..8105.
var levelEnds = [3]int{3500, 6500, 8105}

// Letter is the description of one cnchar stroke letter: its GF 3003 class (1 横, 2 竖, 3 撇, 4 点,
// 5 折), its rank inside the class for rule 3 (basic form before variant), and the name cnchar gives
// it, checked against the input so that a changed alphabet is noticed.
type Letter struct {
	Class int
	Rank  int
	Name  string
}

// Letters is the cnchar-order alphabet folded to GF 3003's classes. Within a class the rank orders
// the forms for rule 3: 横 before 提, 竖 before 竖钩, 点 (and cnchar's second dot d, a 点 written
// leftwards) before 捺; turning strokes by the number of turns (钩 and 提 counted as a turn, as
// cnchar's foldCount does, with o counted as 横折弯钩), then by the direction they start in (横,
// 竖, 撇, then 弯钩 and 斜钩), then in a fixed order of this table. Letters that name two strokes
// (e 横撇|横钩, v 横折折|横折弯, x 竖折撇|竖折折, y 斜钩|卧钩, w 横折折折钩|横撇弯钩, o
// 横斜钩|横折弯钩) cannot tell them apart: where that matters the overrides file settles it. The
// generator checks the result against kTGH.
var Letters = map[byte]Letter{
	'j': {1, 0, "横"},
	'i': {1, 1, "提"},
	'f': {2, 0, "竖"},
	'g': {2, 1, "竖钩"},
	's': {3, 0, "撇"},
	'k': {4, 0, "点"},
	'd': {4, 0, "点2"},
	'l': {4, 1, "捺"},
	// one turn
	'c': {5, 0, "横折"},
	'e': {5, 1, "横撇|横钩"},
	'b': {5, 2, "竖弯"},
	'h': {5, 3, "竖提"},
	'n': {5, 4, "撇折"},
	'm': {5, 5, "撇点"},
	't': {5, 6, "弯钩"},
	'y': {5, 7, "斜钩|卧钩"},
	// two turns
	'v': {5, 8, "横折折|横折弯"},
	'r': {5, 9, "横折钩"},
	'p': {5, 10, "横折提"},
	'x': {5, 11, "竖折撇|竖折折"},
	'u': {5, 12, "竖弯钩"},
	// three turns
	'o': {5, 13, "横斜钩"},
	'a': {5, 14, "横折折撇"},
	'q': {5, 15, "横折折折"},
	'z': {5, 16, "竖折折钩"},
	// four
	'w': {5, 17, "横折折折钩|横撇弯钩"},
}

// Classes folds a cnchar letter sequence to GF 3003 class digits: "ws" (乃) → "53".
func Classes(letters string) string {
	b := make([]byte, len(letters))
	for i := 0; i < len(letters); i++ {
		b[i] = '0' + byte(Letters[letters[i]].Class)
	}
	return string(b)
}

// Source is one input file: its base name and its bytes as stored (compressed or not).
type Source struct {
	Name string
	Data []byte
}

// Inputs are the generator's inputs.
type Inputs struct {
	Cnchar    Source   // cnchar-order-<version>.tgz (the npm tarball) or cnchar.order.min.js
	Unihan    []Source // Unihan_*.txt, .txt.bz2, .txt.gz, or the extract this package writes
	Overrides Source   // overrides.txt
}

// An Override is one line of the overrides file.
type Override struct {
	Line   int
	Verb   string // seq, count, order or accept
	Chars  []rune
	Arg    string // seq: the letters; count: the count
	Reason string
}

// Table is the built table, with what the header records about it.
type Table struct {
	Seq       map[rune]string // stroke letters (after overrides) of every character that has them
	Count     map[rune]int    // total strokes of every character of the table
	Order     []rune          // the characters with a sequence, in stroke order
	TGH       map[rune]int    // kTGH position
	Overrides []Override

	cncharName, cncharVersion, cncharSum string
	cncharLicence                        string
	unihanSources                        []unihanSource // original files
	extract                              []byte         // the filtered Unihan text
	overridesSum                         string
	report                               []string // kTGH check, one line per level
	rule1Fixed                           int
}

type unihanSource struct{ name, sum, version, date string }

// Seqs parses the stroke sequences and the stroke alphabet of cnchar-order, from its npm tarball or
// its cnchar.order.min.js. It returns the sequences by character, the package version and the text
// of its licence (empty when read from the .js alone).
func Seqs(src Source) (seq map[rune]string, version, licence string, err error) {
	js := src.Data
	version = "unknown"
	if strings.HasSuffix(src.Name, ".tgz") || strings.HasSuffix(src.Name, ".tar.gz") {
		files, err := untar(src.Data)
		if err != nil {
			return nil, "", "", fmt.Errorf("%s: %w", src.Name, err)
		}
		js = files["package/cnchar.order.min.js"]
		if js == nil {
			return nil, "", "", fmt.Errorf("%s: no package/cnchar.order.min.js", src.Name)
		}
		var pkg struct{ Name, Version, License string }
		if err := json.Unmarshal(files["package/package.json"], &pkg); err != nil {
			return nil, "", "", fmt.Errorf("%s: package.json: %w", src.Name, err)
		}
		if pkg.Name != "cnchar-order" || pkg.License != "MIT" {
			return nil, "", "", fmt.Errorf("%s: package %q, licence %q: want cnchar-order, MIT", src.Name, pkg.Name, pkg.License)
		}
		version = pkg.Version
		licence = string(files["package/LICENSE"])
	}
	blobs := jsonBlobs(string(js))
	if len(blobs) != 2 {
		return nil, "", "", fmt.Errorf("%s: found %d JSON.parse blobs, want 2 (sequences, alphabet)", src.Name, len(blobs))
	}
	var raw map[string]string
	if err := json.Unmarshal([]byte(blobs[0]), &raw); err != nil {
		return nil, "", "", fmt.Errorf("%s: sequences: %w", src.Name, err)
	}
	var alphabet map[string]struct{ Name string }
	if err := json.Unmarshal([]byte(blobs[1]), &alphabet); err != nil {
		return nil, "", "", fmt.Errorf("%s: alphabet: %w", src.Name, err)
	}
	if len(alphabet) != len(Letters) {
		return nil, "", "", fmt.Errorf("%s: %d stroke letters, want %d", src.Name, len(alphabet), len(Letters))
	}
	for l, a := range alphabet {
		want, ok := Letters[l[0]]
		if len(l) != 1 || !ok || want.Name != a.Name {
			return nil, "", "", fmt.Errorf("%s: stroke letter %q is %q, want %q", src.Name, l, a.Name, want.Name)
		}
	}
	seq = make(map[rune]string, len(raw))
	for k, v := range raw {
		r, n := utf8.DecodeRuneInString(k)
		if n != len(k) || r == utf8.RuneError {
			return nil, "", "", fmt.Errorf("%s: key %q is not one character", src.Name, k)
		}
		if err := checkLetters(v); err != nil {
			return nil, "", "", fmt.Errorf("%s: %c: %w", src.Name, r, err)
		}
		seq[r] = v
	}
	return seq, version, licence, nil
}

func checkLetters(v string) error {
	if v == "" {
		return errors.New("empty stroke sequence")
	}
	for i := 0; i < len(v); i++ {
		if _, ok := Letters[v[i]]; !ok {
			return fmt.Errorf("stroke letter %q unknown in %q", v[i], v)
		}
	}
	return nil
}

func untar(tgz []byte) (map[string][]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(tgz))
	if err != nil {
		return nil, err
	}
	tr := tar.NewReader(zr)
	files := map[string][]byte{}
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return files, nil
		}
		if err != nil {
			return nil, err
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			return nil, err
		}
		files[h.Name] = b
	}
}

// jsonBlobs returns the string arguments of JSON.parse('...') in a minified script.
func jsonBlobs(js string) []string {
	var out []string
	for {
		i := strings.Index(js, "JSON.parse('")
		if i < 0 {
			return out
		}
		js = js[i+len("JSON.parse('"):]
		j := strings.Index(js, "')")
		if j < 0 {
			return out
		}
		out = append(out, js[:j])
		js = js[j:]
	}
}

// unihan holds the two Unihan fields the table needs.
type unihan struct {
	total   map[rune]int // kTotalStrokes, first value (the one preferred for zh-Hans)
	tgh     map[rune]int // kTGH position
	sources []unihanSource
}

const extractMark = "# Unihan extract for ballot/stroke"

// readUnihan reads Unihan files or the extract. For an original file it records the file's name
// and checksum; for the extract it takes the originals' names and checksums from its header.
func readUnihan(srcs []Source) (*unihan, error) {
	u := &unihan{total: map[rune]int{}, tgh: map[rune]int{}}
	for _, src := range srcs {
		if err := u.read(src); err != nil {
			return nil, err
		}
	}
	sort.Slice(u.sources, func(i, j int) bool { return u.sources[i].name < u.sources[j].name })
	if len(u.tgh) != levelEnds[2] {
		return nil, fmt.Errorf("unihan: %d kTGH values, want %d", len(u.tgh), levelEnds[2])
	}
	return u, nil
}

// read reads one Unihan file or extract into u: its kTotalStrokes and kTGH lines, and its
// source (from the header of an original file, from the source lines of an extract).
func (u *unihan) read(src Source) error {
	text, err := decompress(src)
	if err != nil {
		return err
	}
	isExtract := bytes.HasPrefix(text, []byte(extractMark))
	us := unihanSource{name: src.Name, sum: sum(src.Data)}
	sc := bufio.NewScanner(bytes.NewReader(text))
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		t := sc.Text()
		if strings.HasPrefix(t, "#") {
			if err := u.comment(t, isExtract, &us); err != nil {
				return fmt.Errorf("%s:%d: %w", src.Name, line, err)
			}
			continue
		}
		if t == "" {
			continue
		}
		if err := u.field(t); err != nil {
			return fmt.Errorf("%s:%d: %w", src.Name, line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", src.Name, err)
	}
	if !isExtract {
		if us.version == "" {
			return fmt.Errorf("%s: no Unicode version in the header", src.Name)
		}
		u.sources = append(u.sources, us)
	}
	return nil
}

// comment reads a comment line: an extract's source line, or an original file's version and
// date into us.
func (u *unihan) comment(t string, isExtract bool, us *unihanSource) error {
	switch {
	case isExtract && strings.HasPrefix(t, "# source: "):
		f := strings.Fields(strings.TrimPrefix(t, "# source: "))
		// name sha256 <hex> unicode <version> date <date>
		if len(f) != 7 || f[1] != "sha256" || f[3] != "unicode" || f[5] != "date" {
			return errors.New("malformed source line")
		}
		u.sources = append(u.sources, unihanSource{name: f[0], sum: f[2], version: f[4], date: f[6]})
	case strings.HasPrefix(t, "# Unicode version: "):
		us.version = strings.TrimPrefix(t, "# Unicode version: ")
	case strings.HasPrefix(t, "# Date: "):
		us.date = strings.Fields(strings.TrimPrefix(t, "# Date: "))[0]
	}
	return nil
}

// field reads a line "U+XXXX<tab>field<tab>value", keeping kTotalStrokes (its first value) and
// kTGH (2013:position).
func (u *unihan) field(t string) error {
	f := strings.Split(t, "\t")
	if len(f) != 3 || !strings.HasPrefix(f[0], "U+") {
		return fmt.Errorf("malformed line %q", t)
	}
	if f[1] != "kTotalStrokes" && f[1] != "kTGH" {
		return nil
	}
	cp, err := strconv.ParseUint(f[0][2:], 16, 32)
	if err != nil || cp > unicode.MaxRune {
		return fmt.Errorf("bad code point %q", f[0])
	}
	r := rune(cp)
	v := strings.Fields(f[2])
	switch f[1] {
	case "kTotalStrokes":
		n, err := strconv.Atoi(v[0])
		if err != nil || n < 1 {
			return fmt.Errorf("bad kTotalStrokes %q", f[2])
		}
		u.total[r] = n
	case "kTGH":
		y, p, ok := strings.Cut(v[0], ":")
		n, err := strconv.Atoi(p)
		if !ok || y != "2013" || err != nil || n < 1 || n > levelEnds[2] {
			return fmt.Errorf("bad kTGH %q", f[2])
		}
		u.tgh[r] = n
	}
	return nil
}

func decompress(src Source) ([]byte, error) {
	switch {
	case strings.HasSuffix(src.Name, ".bz2"):
		b, err := io.ReadAll(bzip2.NewReader(bytes.NewReader(src.Data)))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", src.Name, err)
		}
		return b, nil
	case strings.HasSuffix(src.Name, ".gz"):
		zr, err := gzip.NewReader(bytes.NewReader(src.Data))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", src.Name, err)
		}
		b, err := io.ReadAll(zr)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", src.Name, err)
		}
		return b, nil
	}
	return src.Data, nil
}

func sum(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// ParseOverrides reads the overrides file. Each line is a verb, its characters and arguments, then
// " -- " and the reason, which may not be empty:
//
//	seq 皙 jfskssjfsfcjj -- why the sequence is corrected
//	count 䜣 6 -- why Unihan's count is replaced
//	order 八 人 入 -- why these characters, equal by rules 1 and 2, come in this order
//	accept 甲 乙 -- why the table puts 乙 before 甲 although kTGH puts 甲 first
//
// Blank lines and lines starting with # are comments.
func ParseOverrides(src Source) ([]Override, error) {
	var out []Override
	sc := bufio.NewScanner(bytes.NewReader(src.Data))
	line := 0
	for sc.Scan() {
		line++
		t := strings.TrimSpace(sc.Text())
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		body, reason, ok := strings.Cut(t, " -- ")
		reason = strings.TrimSpace(reason)
		if !ok || reason == "" {
			return nil, fmt.Errorf("%s:%d: no reason (write it after \" -- \")", src.Name, line)
		}
		f := strings.Fields(body)
		o := Override{Line: line, Verb: f[0], Reason: reason}
		chars := f[1:]
		switch o.Verb {
		case "seq", "count":
			if len(f) != 3 {
				return nil, fmt.Errorf("%s:%d: %s wants one character and one argument", src.Name, line, o.Verb)
			}
			chars, o.Arg = f[1:2], f[2]
		case "order":
			if len(chars) < 2 {
				return nil, fmt.Errorf("%s:%d: order wants two characters or more", src.Name, line)
			}
		case "accept":
			if len(chars) != 2 {
				return nil, fmt.Errorf("%s:%d: accept wants two characters", src.Name, line)
			}
		default:
			return nil, fmt.Errorf("%s:%d: unknown verb %q", src.Name, line, o.Verb)
		}
		for _, c := range chars {
			r, n := utf8.DecodeRuneInString(c)
			if n != len(c) || r == utf8.RuneError {
				return nil, fmt.Errorf("%s:%d: %q is not one character", src.Name, line, c)
			}
			if slices.Contains(o.Chars, r) {
				return nil, fmt.Errorf("%s:%d: %c twice", src.Name, line, r)
			}
			o.Chars = append(o.Chars, r)
		}
		out = append(out, o)
	}
	return out, sc.Err()
}

// Build builds the table from its inputs and checks it against kTGH.
func Build(in Inputs) (*Table, error) { return build(in, true) }

// BuildUnchecked builds the table without checking it against kTGH, to study the inversions.
func BuildUnchecked(in Inputs) (*Table, error) { return build(in, false) }

func build(in Inputs, check bool) (*Table, error) {
	seq, version, licence, err := Seqs(in.Cnchar)
	if err != nil {
		return nil, err
	}
	u, err := readUnihan(in.Unihan)
	if err != nil {
		return nil, err
	}
	ovs, err := ParseOverrides(in.Overrides)
	if err != nil {
		return nil, err
	}
	t := &Table{
		Seq: seq, Count: map[rune]int{}, TGH: u.tgh, Overrides: ovs,
		cncharName: in.Cnchar.Name, cncharVersion: version, cncharSum: sum(in.Cnchar.Data),
		cncharLicence: licence, unihanSources: u.sources, overridesSum: sum(in.Overrides.Data),
	}
	where := func(o Override) string { return fmt.Sprintf("%s:%d", in.Overrides.Name, o.Line) }
	need := needed(u, seq)
	t.extract = extractText(u, need)
	corrected, err := correct(ovs, seq, u, where)
	if err != nil {
		return nil, err
	}
	if err := t.counts(need, u, corrected); err != nil {
		return nil, err
	}
	if err := t.order(ovs, where); err != nil {
		return nil, err
	}
	if check {
		if err := t.check(ovs, where); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// needed returns the characters of the table: every character of U+4E00..U+9FFF that Unihan
// counts, every character with kTGH, every character of cnchar-order. The Unihan extract covers
// exactly these.
func needed(u *unihan, seq map[rune]string) map[rune]bool {
	need := map[rune]bool{}
	for r := rune(UROFirst); r <= UROLast; r++ {
		if _, ok := u.total[r]; ok {
			need[r] = true
		}
	}
	for r := range u.tgh {
		need[r] = true
	}
	for r := range seq {
		need[r] = true
	}
	return need
}

// correct applies the seq and count lines of the overrides to the sequences and to Unihan's
// counts, and returns the characters corrected. A character may be corrected once; count lines
// are for characters without a sequence that Unihan counts.
func correct(ovs []Override, seq map[rune]string, u *unihan, where func(Override) string) (map[rune]bool, error) {
	corrected := map[rune]bool{}
	for _, o := range ovs {
		r := o.Chars[0]
		switch o.Verb {
		case "seq":
			if err := checkLetters(o.Arg); err != nil {
				return nil, fmt.Errorf("%s: %w", where(o), err)
			}
			if corrected[r] {
				return nil, fmt.Errorf("%s: %c corrected twice", where(o), r)
			}
			seq[r], corrected[r] = o.Arg, true
		case "count":
			if _, ok := seq[r]; ok {
				return nil, fmt.Errorf("%s: %c has a stroke sequence: correct it with seq", where(o), r)
			}
			n, err := strconv.Atoi(o.Arg)
			if err != nil || n < 1 {
				return nil, fmt.Errorf("%s: bad count %q", where(o), o.Arg)
			}
			if _, ok := u.total[r]; !ok {
				return nil, fmt.Errorf("%s: %c has no kTotalStrokes to correct", where(o), r)
			}
			if corrected[r] {
				return nil, fmt.Errorf("%s: %c corrected twice", where(o), r)
			}
			u.total[r], corrected[r] = n, true
		}
	}
	return corrected, nil
}

// counts fills t.Count for every needed character: the length of its stroke sequence, or else
// Unihan's kTotalStrokes. A sequence outside the block, a character without a count, a count the
// table cannot store, and a sequence whose length disagrees with an uncorrected Unihan count (all
// of these listed at once) are errors.
func (t *Table) counts(need map[rune]bool, u *unihan, corrected map[rune]bool) error {
	var bad []string
	for r := range need {
		n, ok := u.total[r]
		if s, has := t.Seq[r]; has {
			if r < UROFirst || r > UROLast {
				return fmt.Errorf("%c (U+%04X) has a stroke sequence outside U+%04X..U+%04X", r, r, UROFirst, UROLast)
			}
			if ok && n != len(s) && !corrected[r] {
				bad = append(bad, fmt.Sprintf("%c (U+%04X): %d strokes in cnchar-order, %d in Unihan", r, r, len(s), n))
			}
			n, ok = len(s), true
		}
		if !ok {
			return fmt.Errorf("%c (U+%04X): no stroke count", r, r)
		}
		if n > 94 || n == 64 {
			return fmt.Errorf("%c (U+%04X): %d strokes cannot be stored", r, r, n)
		}
		t.Count[r] = n
	}
	if len(bad) > 0 {
		sort.Strings(bad)
		return fmt.Errorf("counts disagree; settle each with a seq line:\n\t%s", strings.Join(bad, "\n\t"))
	}
	return nil
}

// order fills t.Order: the characters with a sequence by rules 1–3, then the order lines (rule 4
// and corrections of rule 3), which permute their characters among the places they hold; code
// point order settles the rest. An order line may only name characters with a sequence that
// rules 1 and 2 leave equal.
func (t *Table) order(ovs []Override, where func(Override) string) error {
	seq := t.Seq
	for r := range seq {
		t.Order = append(t.Order, r)
	}
	slices.SortFunc(t.Order, func(a, b rune) int { return compareSeq(seq[a], seq[b], a, b) })
	pos := map[rune]int{}
	for i, r := range t.Order {
		pos[r] = i
	}
	for _, o := range ovs {
		if o.Verb != "order" {
			continue
		}
		first := o.Chars[0]
		var slots []int
		for _, r := range o.Chars {
			s, ok := seq[r]
			if !ok {
				return fmt.Errorf("%s: %c has no stroke sequence", where(o), r)
			}
			if Classes(s) != Classes(seq[first]) {
				return fmt.Errorf("%s: %c (%s) and %c (%s) differ by rule 1 or 2", where(o), first, Classes(seq[first]), r, Classes(s))
			}
			slots = append(slots, pos[r])
		}
		sort.Ints(slots)
		for i, r := range o.Chars {
			t.Order[slots[i]], pos[r] = r, slots[i]
		}
	}
	return nil
}

// compareSeq orders two stroke sequences by GF 3003's rules 1–3, then by code point.
func compareSeq(a, b string, ra, rb rune) int {
	if c := len(a) - len(b); c != 0 {
		return c
	}
	for i := 0; i < len(a); i++ {
		if c := Letters[a[i]].Class - Letters[b[i]].Class; c != 0 {
			return c
		}
	}
	for i := 0; i < len(a); i++ {
		if c := Letters[a[i]].Rank - Letters[b[i]].Rank; c != 0 {
			return c
		}
	}
	return int(ra - rb)
}

// Level returns the level (1, 2 or 3) of a kTGH position.
func Level(p int) int {
	for i, end := range levelEnds {
		if p <= end {
			return i + 1
		}
	}
	return 0
}

// Inversion is a pair of characters of one level of 《通用规范汉字表》 that the table orders
// against kTGH: kTGH puts First before Second.
type Inversion struct {
	Level         int
	First, Second rune
}

// Inversions returns the pairs of characters the table orders against kTGH: by count for every
// character, by position for the characters with a stroke sequence. Characters without a sequence
// but with the same count as one with a sequence are placed by the documented fallback and are not
// compared.
func (t *Table) Inversions() []Inversion {
	pos := map[rune]int{}
	for i, r := range t.Order {
		pos[r] = i
	}
	var out []Inversion
	for lvl, chars := range t.levels() {
		cnt, at := make([]int, len(chars)), make([]int, len(chars))
		for i, r := range chars {
			cnt[i], at[i] = t.Count[r], -1
			if p, ok := pos[r]; ok {
				at[i] = p
			}
		}
		for i := range chars {
			for j := i + 1; j < len(chars); j++ {
				if cnt[i] > cnt[j] || (at[i] > at[j] && at[j] >= 0) {
					out = append(out, Inversion{lvl + 1, chars[i], chars[j]})
				}
			}
		}
	}
	return out
}

// levels returns the characters of each level in kTGH order.
func (t *Table) levels() [3][]rune {
	var lv [3][]rune
	for r, p := range t.TGH {
		l := Level(p) - 1
		lv[l] = append(lv[l], r)
	}
	for i := range lv {
		slices.SortFunc(lv[i], func(a, b rune) int { return t.TGH[a] - t.TGH[b] })
	}
	return lv
}

// check checks the table against kTGH (checkInversions) and records what the header reports:
// the groups rules 1–3 leave tied and how the order lines settle them, and each level's
// characters with and without a sequence.
func (t *Table) check(ovs []Override, where func(Override) string) error {
	if err := t.checkInversions(ovs, where); err != nil {
		return err
	}
	t.report = append(t.report, t.tieReport(ovs))
	for lvl, chars := range t.levels() {
		withSeq := 0
		for _, r := range chars {
			if _, ok := t.Seq[r]; ok {
				withSeq++
			}
		}
		t.report = append(t.report, fmt.Sprintf("level %d: %d characters, %d with a stroke sequence (0 inversions), %d placed by their count",
			lvl+1, len(chars), withSeq, len(chars)-withSeq))
	}
	return nil
}

// checkInversions refuses any inversion against kTGH that an accept line does not explain (none
// may in level 1, the first 40 listed), and an accept line that explains none.
func (t *Table) checkInversions(ovs []Override, where func(Override) string) error {
	type pair [2]rune
	accepted := map[pair]Override{}
	used := map[pair]bool{}
	for _, o := range ovs {
		if o.Verb == "accept" {
			accepted[pair{o.Chars[0], o.Chars[1]}] = o
		}
	}
	var bad []string
	for _, inv := range t.Inversions() {
		p := pair{inv.First, inv.Second}
		if _, ok := accepted[p]; ok && inv.Level > 1 {
			used[p] = true
			continue
		}
		bad = append(bad, fmt.Sprintf("level %d: kTGH %d %c before %d %c (%d and %d strokes)",
			inv.Level, t.TGH[inv.First], inv.First, t.TGH[inv.Second], inv.Second, t.Count[inv.First], t.Count[inv.Second]))
	}
	if len(bad) > 0 {
		more := ""
		if len(bad) > 40 {
			more = fmt.Sprintf("\n\t... and %d more", len(bad)-40)
			bad = bad[:40]
		}
		return fmt.Errorf("%d inversions against kTGH (level 1 must have none; explain the others with accept lines):\n\t%s%s",
			len(bad), strings.Join(bad, "\n\t"), more)
	}
	for _, o := range ovs {
		if o.Verb == "accept" && !used[pair{o.Chars[0], o.Chars[1]}] {
			return fmt.Errorf("%s: accept %c %c explains no inversion", where(o), o.Chars[0], o.Chars[1])
		}
	}
	return nil
}

// tieReport says how many groups of characters rules 1–3 leave equal, and how many of them one
// order line settles as a whole.
func (t *Table) tieReport(ovs []Override) string {
	groups := map[string][]rune{}
	for r, s := range t.Seq {
		groups[rankKey(s)] = append(groups[rankKey(s)], r)
	}
	inLine := map[rune]int{}
	for _, o := range ovs {
		if o.Verb == "order" {
			for _, r := range o.Chars {
				inLine[r] = o.Line
			}
		}
	}
	tied, tiedChars, settled := 0, 0, 0
	for _, g := range groups {
		if len(g) < 2 {
			continue
		}
		tied++
		tiedChars += len(g)
		all := true
		for _, r := range g {
			all = all && inLine[r] != 0 && inLine[r] == inLine[g[0]]
		}
		if all {
			settled++
		}
	}
	return fmt.Sprintf("Rules 1-3 leave %d groups of equal characters (%d characters): order lines settle %d, code point order the other %d",
		tied, tiedChars, settled, tied-settled)
}

// Ties returns, for each level, the groups of characters with a stroke sequence that rules 1–3
// leave tied (before the order lines), in kTGH order, for writing order lines.
func (t *Table) Ties() [][]rune {
	var out [][]rune
	for _, chars := range t.levels() {
		groups := map[string][]rune{}
		var keys []string
		for _, r := range chars {
			s, ok := t.Seq[r]
			if !ok {
				continue
			}
			k := rankKey(s)
			if groups[k] == nil {
				keys = append(keys, k)
			}
			groups[k] = append(groups[k], r)
		}
		for _, k := range keys {
			if len(groups[k]) > 1 {
				out = append(out, groups[k])
			}
		}
	}
	return out
}

func rankKey(s string) string {
	var b strings.Builder
	b.WriteString(Classes(s))
	for i := 0; i < len(s); i++ {
		b.WriteByte('a' + byte(Letters[s[i]].Rank))
	}
	return b.String()
}

// Extract returns the filtered Unihan text that the table needs, the extract the generator writes
// for the tests (gzip it to commit it).
func (t *Table) Extract() []byte { return t.extract }

func extractText(u *unihan, need map[rune]bool) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s: the kTotalStrokes and kTGH lines of the characters it needs\n", extractMark)
	b.WriteString("# (every character of U+4E00..U+9FFF, every character with kTGH, every character of cnchar-order).\n")
	b.WriteString("# Modified from the Unicode Character Database: lines of the source files filtered, none changed.\n")
	b.WriteString("# Unicode terms of use: https://www.unicode.org/terms_of_use.html (see LICENSE.unicode).\n")
	for _, s := range u.sources {
		fmt.Fprintf(&b, "# source: %s sha256 %s unicode %s date %s\n", s.name, s.sum, s.version, s.date)
	}
	rs := make([]rune, 0, len(need))
	for r := range need {
		rs = append(rs, r)
	}
	slices.Sort(rs)
	for _, r := range rs {
		if p, ok := u.tgh[r]; ok {
			fmt.Fprintf(&b, "U+%04X\tkTGH\t2013:%d\n", r, p)
		}
		if n, ok := u.total[r]; ok {
			fmt.Fprintf(&b, "U+%04X\tkTotalStrokes\t%d\n", r, n)
		}
	}
	return b.Bytes()
}

// Go source of the table.

// CountByte is the byte that stores a count in the table's string of counts: a space for none.
func CountByte(n int) byte { return byte(0x20 + n) }

// Paths, relative to package stroke, that the table's header names.
const (
	ExtractPath    = "testdata/unihan-strokes.txt.gz"
	LicenceCnchar  = "testdata/LICENSE.cnchar-order"
	LicenceUnicode = "testdata/LICENSE.unicode"
)

// GoSource returns the generated Go file of package pkg: the header naming the sources and the
// checks, then uroCount, seqBits and seqRank, seqPos and extra.
func (t *Table) GoSource(pkg string) []byte {
	g := &goFile{}
	t.header(g)
	g.printf("\npackage %s\n\n", pkg)
	g.printf("const (\n\turoFirst = 0x%04X\n\turoLast  = 0x%04X\n)\n\n", UROFirst, UROLast)
	t.writeCounts(g)
	inSeq := make([]rune, 0, len(t.Seq))
	for r := range t.Seq {
		inSeq = append(inSeq, r)
	}
	slices.Sort(inSeq)
	writeSeqBits(g, inSeq)
	t.writeSeqPos(g, inSeq)
	t.writeExtra(g)
	return g.b.Bytes()
}

// goFile is the generated file being written.
type goFile struct{ b bytes.Buffer }

func (g *goFile) printf(format string, a ...any) { fmt.Fprintf(&g.b, format, a...) }

// array writes the body of an array literal: n values, perLine to a line, each line indented by
// a tab, each value followed by a comma and separated from the next on its line by a space.
func (g *goFile) array(n, perLine int, value func(i int) string) {
	for i := 0; i < n; i += perLine {
		g.printf("\t")
		for j := i; j < i+perLine && j < n; j++ {
			g.printf("%s,", value(j))
			if j+1 < i+perLine && j+1 < n {
				g.printf(" ")
			}
		}
		g.printf("\n")
	}
}

// header writes the file's comment: the sources with their checksums, the licences, the table's
// size and the result of the checks.
func (t *Table) header(g *goFile) {
	w := g.printf
	counts := map[string]int{}
	for _, o := range t.Overrides {
		counts[o.Verb]++
	}
	w("// Code generated by strokegen from the sources below; DO NOT EDIT.\n")
	w("// Regenerate with go generate (see generate.go); the tests check that this file is reproduced byte for byte.\n")
	w("//\n")
	w("// Sources:\n")
	w("//   - cnchar-order %s (npm registry), MIT licence, by theajack: stroke sequences.\n", t.cncharVersion)
	w("//     %s sha256 %s\n", t.cncharName, t.cncharSum)
	for i, s := range t.unihanSources {
		if i == 0 {
			w("//   - Unihan %s (Unicode Character Database), Unicode licence: kTotalStrokes and kTGH.\n", s.version)
		}
		w("//     %s sha256 %s (dated %s)\n", s.name, s.sum, s.date)
	}
	w("//     filtered to %s, sha256 of its text %s\n", ExtractPath, sum(t.extract))
	w("//   - overrides.txt sha256 %s: %d lines (seq %d, count %d, order %d, accept %d).\n",
		t.overridesSum, len(t.Overrides), counts["seq"], counts["count"], counts["order"], counts["accept"])
	w("// Licences: %s.\n", strings.Join([]string{LicenceCnchar, LicenceUnicode}, ", "))
	w("//\n")
	w("// %d characters with a stroke sequence, %d with a total stroke count.\n", len(t.Order), len(t.Count))
	w("// %s.\n", t.report[0])
	w("// Checked against kTGH (the position of each character in 《通用规范汉字表》, 2013):\n")
	for _, l := range t.report[1:] {
		w("//   - %s\n", l)
	}
}

// writeCounts writes uroCount: a byte for each code point of the block (CountByte), 64 to a
// raw string.
func (t *Table) writeCounts(g *goFile) {
	g.printf("// uroCount holds a byte for each code point from uroFirst to uroLast: 0x20 plus its total\n")
	g.printf("// stroke count (0x20, a space, for none).\n")
	g.printf("const uroCount = \"\" +\n")
	line := make([]byte, 0, 64)
	for r := rune(UROFirst); r <= UROLast; r++ {
		line = append(line, CountByte(t.Count[r]))
		if len(line) == 64 || r == UROLast {
			end := " +"
			if r == UROLast {
				end = ""
			}
			g.printf("\t`%s`%s\n", line, end)
			line = line[:0]
		}
	}
	g.printf("\n")
}

// writeSeqBits writes seqBits, a bit per code point of the block set for the characters with a
// sequence (inSeq, in code point order), and seqRank, the bits set before each word.
func writeSeqBits(g *goFile, inSeq []rune) {
	words := (UROLast - UROFirst + 1 + 63) / 64
	bits := make([]uint64, words)
	for _, r := range inSeq {
		i := r - UROFirst
		bits[i/64] |= 1 << (i % 64)
	}
	rank := make([]int, words)
	for i := 1; i < words; i++ {
		rank[i] = rank[i-1] + popcount(bits[i-1])
	}
	g.printf("// seqBits has a bit for each code point from uroFirst to uroLast, set when the character has\n")
	g.printf("// a stroke sequence; seqRank[i] counts the bits set in seqBits[:i].\n")
	g.printf("var seqBits = [%d]uint64{\n", words)
	g.array(words, 4, func(i int) string { return fmt.Sprintf("0x%016x", bits[i]) })
	g.printf("}\n\n")
	g.printf("var seqRank = [%d]uint16{\n", words)
	g.array(words, 12, func(i int) string { return strconv.Itoa(rank[i]) })
	g.printf("}\n\n")
}

// writeSeqPos writes seqPos: the position in t.Order of each character of inSeq.
func (t *Table) writeSeqPos(g *goFile, inSeq []rune) {
	pos := map[rune]int{}
	for i, r := range t.Order {
		pos[r] = i
	}
	g.printf("// seqPos holds the position in stroke order of each character with a sequence, in code point\n")
	g.printf("// order.\n")
	g.printf("var seqPos = [%d]uint16{\n", len(inSeq))
	g.array(len(inSeq), 16, func(i int) string { return strconv.Itoa(pos[inSeq[i]]) })
	g.printf("}\n\n")
}

// writeExtra writes extra: the counted characters outside the block, with their counts.
func (t *Table) writeExtra(g *goFile) {
	var extra []rune
	for r := range t.Count {
		if r < UROFirst || r > UROLast {
			extra = append(extra, r)
		}
	}
	slices.Sort(extra)
	g.printf("// extra holds the characters outside uroFirst..uroLast that have a total stroke count, in\n")
	g.printf("// code point order: code point << 8 | count.\n")
	g.printf("var extra = [%d]uint32{\n", len(extra))
	g.array(len(extra), 6, func(i int) string {
		return fmt.Sprintf("0x%08x", uint32(extra[i])<<8|uint32(t.Count[extra[i]]))
	})
	g.printf("}\n")
}

func popcount(x uint64) int {
	n := 0
	for ; x != 0; x &= x - 1 {
		n++
	}
	return n
}

// Licence returns the licence text found in the cnchar-order tarball.
func (t *Table) Licence() string { return t.cncharLicence }

// Gzip compresses b deterministically (no name, no time), for the committed extract.
func Gzip(b []byte) []byte {
	var out bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&out, gzip.BestCompression)
	zw.Write(b)
	zw.Close()
	return out.Bytes()
}

// Base is path.Base, for the names of sources.
func Base(p string) string { return path.Base(strings.ReplaceAll(p, "\\", "/")) }
