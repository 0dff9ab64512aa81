package tally

import (
	"fmt"
	"unicode/utf16"
	"unicode/utf8"
)

// The canonical text of the record (docs/record.md): JSON without white space, whose strings are
// written by appendQuoted. encoding/json writes the members in order and the integers in their
// one form; canonicalStrings then rewrites every string it wrote in the record's own escaping, so
// that the record's bytes depend on this file and not on the escaping of a version of
// encoding/json.

// appendQuoted appends s as a canonical JSON string: `"` and `\` escaped with a backslash; the
// control characters U+0008, U+0009, U+000A, U+000C and U+000D as \b, \t, \n, \f and \r, the
// other characters below U+0020 as \u00XX (lower-case hexadecimal); '<', '>' and '&' as \u003c,
// \u003e and \u0026, and U+2028 and U+2029 as \u2028 and \u2029 (as encoding/json's Marshal
// writes them, so that json.Marshal of a Result gives its canonical record); every other
// character as its UTF-8 bytes. A byte of s that is not UTF-8 is written as U+FFFD.
func appendQuoted(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				dst = append(dst, '\\', c)
			case c == '\b':
				dst = append(dst, '\\', 'b')
			case c == '\t':
				dst = append(dst, '\\', 't')
			case c == '\n':
				dst = append(dst, '\\', 'n')
			case c == '\f':
				dst = append(dst, '\\', 'f')
			case c == '\r':
				dst = append(dst, '\\', 'r')
			case c < 0x20 || c == '<' || c == '>' || c == '&':
				dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			default:
				dst = append(dst, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			dst = utf8.AppendRune(dst, utf8.RuneError)
		case r == '\u2028' || r == '\u2029':
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			dst = append(dst, s[i:i+size]...)
		}
		i += size
	}
	return append(dst, '"')
}

// canonicalStrings returns the compact JSON text b, as encoding/json writes it, with every string
// rewritten by appendQuoted. Strings that need no rewriting (no backslash, none of < > & or
// U+2028, U+2029) are copied as they are.
func canonicalStrings(b []byte) []byte {
	out := make([]byte, 0, len(b)+len(b)/32)
	for i := 0; i < len(b); {
		if b[i] != '"' {
			out = append(out, b[i])
			i++
			continue
		}
		end, plain := stringEnd(b, i)
		if plain {
			out = append(out, b[i:end]...)
		} else {
			out = appendQuoted(out, unquote(b[i+1:end-1]))
		}
		i = end
	}
	return out
}

// stringEnd returns the offset just past the JSON string that begins at b[i] ('"'), and whether
// the string is written as the canonical form writes it without looking closer: no escape, and
// none of the characters the canonical form escapes.
func stringEnd(b []byte, i int) (end int, plain bool) {
	plain = true
	for j := i + 1; j < len(b); j++ {
		switch b[j] {
		case '"':
			return j + 1, plain
		case '\\':
			plain = false
			j++
		case '<', '>', '&', 0xE2: // 0xE2 begins U+2028 and U+2029 (and other characters)
			plain = false
		}
	}
	return len(b), false
}

// unquote returns the text of the inside of a JSON string that encoding/json wrote: its escapes
// read, a surrogate pair as its character, a lone surrogate as U+FFFD (as encoding/json reads it).
func unquote(b []byte) string {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		if b[i] != '\\' || i+1 >= len(b) {
			out = append(out, b[i])
			continue
		}
		i++
		switch b[i] {
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r, ok := hex4(b[i+1:])
			if !ok {
				out = append(out, '\\', 'u')
				continue
			}
			i += 4
			if utf16.IsSurrogate(r) {
				r2, ok := rune(0), false
				if i+2 < len(b) && b[i+1] == '\\' && b[i+2] == 'u' {
					r2, ok = hex4(b[i+3:])
				}
				if dec := utf16.DecodeRune(r, r2); ok && dec != utf8.RuneError {
					r = dec
					i += 6
				} else {
					r = utf8.RuneError
				}
			}
			out = utf8.AppendRune(out, r)
		default: // '"', '\\', '/'
			out = append(out, b[i])
		}
	}
	return string(out)
}

// hex4 reads four hexadecimal digits.
func hex4(b []byte) (rune, bool) {
	if len(b) < 4 {
		return 0, false
	}
	var r rune
	for _, c := range b[:4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}

// textProblem returns the offset of the first byte of the JSON text doc that is not UTF-8, or of
// the first \u escape in a string that is half of a surrogate pair without its other half, and
// what it is: encoding/json would read either as U+FFFD, silently. It returns -1 and "" for text
// without such a problem.
func textProblem(doc []byte) (int, string) {
	inString := false
	for i := 0; i < len(doc); {
		c := doc[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRune(doc[i:])
			if r == utf8.RuneError && size == 1 {
				return i, fmt.Sprintf("invalid UTF-8 (byte %#02x)", c)
			}
			i += size
			continue
		}
		switch {
		case c == '"':
			inString = !inString
		case c == '\\' && inString && i+1 < len(doc):
			i += 2
			if doc[i-1] != 'u' {
				continue
			}
			r, ok := hex4(doc[i:])
			if !ok {
				continue // a syntax error, which the decoder reports
			}
			if !utf16.IsSurrogate(r) {
				i += 4
				continue
			}
			if r < 0xDC00 && i+10 <= len(doc) && doc[i+4] == '\\' && doc[i+5] == 'u' {
				if r2, ok := hex4(doc[i+6:]); ok && 0xDC00 <= r2 && r2 <= 0xDFFF {
					i += 10
					continue
				}
			}
			return i - 2, fmt.Sprintf("lone surrogate \\u%s", doc[i:i+4])
		}
		i++
	}
	return -1, ""
}
