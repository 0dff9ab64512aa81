package nominate

import (
	"bytes"
	"crypto/sha256"
	"encoding"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"io"
	"strconv"
	"unicode/utf8"
)

// The record's canonical JSON (see the package documentation) is written once, as a schema
// (schema.go) that walks a codec: enc writes each value it is shown, dec reads each value into
// the place it is shown. So the members, their order and their forms exist in one place for both
// directions.

// codec is one direction of the canonical encoding. A value is a string, an integer, a boolean,
// a text value (an enumeration, a date, a fraction: its MarshalText as a string), null, an
// object (begin, members each after key, end) or a list.
type codec interface {
	reading() bool
	begin()
	end()
	// key starts a member: a comma unless it is the object's first, then its quoted name.
	key(name string)
	str(p *string)
	int(p *int)
	uint8(p *uint8)
	bool(p *bool)
	text(p textValue)
	// null writes null when isNil, or reads a null if one comes next; it reports which.
	null(isNil bool) bool
	// Lists are walked by the function list, which needs the concrete codec.
}

// textValue is a value written as its text: the enumerations, Date, quota.Fraction and
// quota.Boundary.
type textValue interface {
	encoding.TextMarshaler
	encoding.TextUnmarshaler
}

// enc writes the canonical encoding to an output and a hash at once, through a buffer.
type enc struct {
	out    io.Writer
	h      hash.Hash
	b      []byte // pending bytes
	n      int64
	first  bool // no member yet in the current object
	err    error
	digest string
}

func newEnc(w io.Writer) *enc { return &enc{out: w, h: sha256.New(), b: make([]byte, 0, 64<<10)} }

func (e *enc) flush() {
	if e.err == nil && len(e.b) > 0 {
		var n int
		n, e.err = e.out.Write(e.b)
		e.n += int64(n)
	}
	e.h.Write(e.b)
	e.b = e.b[:0]
}

// grown flushes the buffer once it holds 60 KiB.
func (e *enc) grown() {
	if len(e.b) >= 60<<10 {
		e.flush()
	}
}

func (e *enc) raw(s string) {
	e.b = append(e.b, s...)
	e.grown()
}

// finish writes the digest member and closes the record: the digest covers everything written
// so far and "}".
func (e *enc) finish() (int64, error) {
	e.flush()
	e.h.Write([]byte("}"))
	e.digest = "sha256:" + hex.EncodeToString(e.h.Sum(nil))
	e.b = append(e.b, `,"digest":"`+e.digest+`"}`...)
	if e.err == nil {
		var n int
		n, e.err = e.out.Write(e.b)
		e.n += int64(n)
	}
	return e.n, e.err
}

func (e *enc) reading() bool { return false }
func (e *enc) begin()        { e.raw("{"); e.first = true }
func (e *enc) end()          { e.raw("}"); e.first = false }

func (e *enc) key(name string) {
	if !e.first {
		e.raw(",")
	}
	e.first = false
	e.raw(`"`)
	e.raw(name)
	e.raw(`":`)
}

// str writes a string: `"` and `\` escaped with a backslash, the characters below U+0020 as
// \u00XX (lower-case hexadecimal), every other character as its UTF-8 bytes, and a byte that is
// not UTF-8 as U+FFFD.
func (e *enc) str(p *string) {
	s := *p
	b := append(e.b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"':
				b = append(b, '\\', '"')
			case c == '\\':
				b = append(b, '\\', '\\')
			case c < 0x20:
				b = append(b, '\\', 'u', '0', '0', "0123456789abcdef"[c>>4], "0123456789abcdef"[c&0xf])
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = utf8.AppendRune(b, utf8.RuneError)
		} else {
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	e.b = append(b, '"')
	e.grown()
}

func (e *enc) int(p *int) {
	e.b = strconv.AppendInt(e.b, int64(*p), 10)
	e.grown()
}

func (e *enc) uint8(p *uint8) {
	e.b = strconv.AppendUint(e.b, uint64(*p), 10)
	e.grown()
}

func (e *enc) bool(p *bool) {
	if *p {
		e.raw("true")
	} else {
		e.raw("false")
	}
}

// text writes the value's text as a string; a value that has none (out of range) is the
// encoding's error.
func (e *enc) text(p textValue) {
	b, err := p.MarshalText()
	if err != nil {
		if e.err == nil {
			e.err = err
		}
		return
	}
	s := string(b)
	e.str(&s)
}

func (e *enc) null(isNil bool) bool {
	if isNil {
		e.raw("null")
	}
	return isNil
}

// dec reads the canonical encoding. It reads the members in their order, by their names, and
// stops at the first byte it does not expect (err, with the byte's offset); it does not check
// every detail of the form (escapes, number forms): DecodeRecord writes what it read again and
// compares the bytes.
type dec struct {
	data  []byte
	pos   int
	first bool
	err   error
}

func (d *dec) fail(want string) {
	if d.err == nil {
		d.err = fmt.Errorf("byte %d: want %s", d.pos, want)
	}
}

// expect consumes s, or fails.
func (d *dec) expect(s string) {
	if d.err != nil {
		return
	}
	if !bytes.HasPrefix(d.data[d.pos:], []byte(s)) {
		d.fail(strconv.Quote(s))
		return
	}
	d.pos += len(s)
}

// next consumes s if it comes next.
func (d *dec) next(s string) bool {
	if d.err == nil && bytes.HasPrefix(d.data[d.pos:], []byte(s)) {
		d.pos += len(s)
		return true
	}
	return false
}

func (d *dec) reading() bool { return true }
func (d *dec) begin()        { d.expect("{"); d.first = true }
func (d *dec) end()          { d.expect("}"); d.first = false }

func (d *dec) key(name string) {
	if !d.first {
		d.expect(",")
	}
	d.first = false
	d.expect(`"` + name + `":`)
}

func (d *dec) str(p *string) {
	if d.err != nil {
		return
	}
	if d.pos >= len(d.data) || d.data[d.pos] != '"' {
		d.fail("a string")
		return
	}
	escaped := false
	for i := d.pos + 1; i < len(d.data); i++ {
		switch d.data[i] {
		case '\\':
			escaped = true
			i++
		case '"':
			tok := d.data[d.pos : i+1]
			if !escaped {
				*p = string(tok[1 : len(tok)-1])
			} else if err := json.Unmarshal(tok, p); err != nil {
				d.fail("a string")
				return
			}
			d.pos = i + 1
			return
		}
	}
	d.fail("the end of the string")
}

func (d *dec) int(p *int) {
	if d.err != nil {
		return
	}
	i := d.pos
	if i < len(d.data) && d.data[i] == '-' {
		i++
	}
	for i < len(d.data) && '0' <= d.data[i] && d.data[i] <= '9' {
		i++
	}
	n, err := strconv.Atoi(string(d.data[d.pos:i]))
	if err != nil {
		d.fail("an integer")
		return
	}
	*p, d.pos = n, i
}

func (d *dec) uint8(p *uint8) {
	var n int
	d.int(&n)
	if d.err == nil && (n < 0 || n > 255) {
		d.fail("an integer from 0 to 255")
	}
	*p = uint8(n)
}

func (d *dec) bool(p *bool) {
	switch {
	case d.next("true"):
		*p = true
	case d.next("false"):
		*p = false
	default:
		d.fail("true or false")
	}
}

func (d *dec) text(p textValue) {
	var s string
	d.str(&s)
	if d.err != nil {
		return
	}
	if err := p.UnmarshalText([]byte(s)); err != nil {
		d.err = fmt.Errorf("byte %d: %w", d.pos, err)
	}
}

func (d *dec) null(bool) bool { return d.next("null") }

// list reads the items of a list, calling item with each index, until the list ends.
func (d *dec) list(item func(i int)) {
	d.expect("[")
	if d.next("]") {
		return
	}
	for i := 0; d.err == nil; i++ {
		item(i)
		if !d.next(",") {
			d.expect("]")
			return
		}
	}
}

// list walks a list of values: writing, the items of *xs; reading, the items read, appended to
// *xs (nil when the list is empty). It calls the concrete codecs, so that item need not escape.
func list[T any](c codec, xs *[]T, item func(*T)) {
	switch c := c.(type) {
	case *enc:
		c.raw("[")
		for i := range *xs {
			if i > 0 {
				c.raw(",")
			}
			item(&(*xs)[i])
		}
		c.raw("]")
	case *dec:
		*xs = nil
		c.list(func(int) {
			var zero T
			*xs = append(*xs, zero)
			item(&(*xs)[len(*xs)-1])
		})
	}
}

// optional walks a value that may be null: writing, null for a nil *p; reading, nil for a null
// and a new value otherwise.
func optional[T any](c codec, p **T, value func(*T)) {
	if c.null(*p == nil) {
		if c.reading() {
			*p = nil
		}
		return
	}
	if c.reading() {
		*p = new(T)
	}
	value(*p)
}
