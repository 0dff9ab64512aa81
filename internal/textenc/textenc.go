// Package textenc recognises the text encodings of the files counting teams exchange: UTF-8, with
// or without a byte order mark; UTF-16 with its byte order mark, little- or big-endian, which
// spreadsheets save as "Unicode text"; and GB18030, in which Chinese-language spreadsheets save
// "CSV". It is shared by the ballot file reader (package ballot) and the count summary reader
// (package tally/count).
package textenc

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// BOM is the UTF-8 byte order mark.
const BOM = "\uFEFF"

// UTF-16 byte order marks.
const (
	BOM16LE = "\xFF\xFE"
	BOM16BE = "\xFE\xFF"
)

// IsGB18030 reports whether a sample of a file that is not valid UTF-8 is well-formed GB18030
// text: it decodes without a replacement character and without control characters other than
// tab, CR and LF. If eof is false the sample is cut at its last line end first (a GB18030 trail
// byte is never '\n'), so that a character split at the end of the sample does not count.
func IsGB18030(sample []byte, eof bool) bool {
	if !eof {
		i := bytes.LastIndexByte(sample, '\n')
		if i < 0 {
			return false
		}
		sample = sample[:i+1]
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(sample)
	if err != nil {
		return false
	}
	for _, c := range string(out) {
		if c == utf8.RuneError || (c < ' ' && c != '\t' && c != '\r' && c != '\n') || c == 0x7f {
			return false
		}
	}
	return true
}

// DecodeGB18030 decodes GB18030 text to UTF-8.
func DecodeGB18030(b []byte) ([]byte, error) {
	return simplifiedchinese.GB18030.NewDecoder().Bytes(b)
}

// UTF16 returns a decoder of UTF-16 text to UTF-8 if b begins with a UTF-16 byte order mark
// (BOM16LE or BOM16BE), and nil otherwise. The decoder drops the byte order mark and writes
// U+FFFD for what is not UTF-16 (an unpaired surrogate, an odd byte at the end).
//
// A UTF-8 byte order mark is never taken for a UTF-16 one: it begins with 0xEF.
func UTF16(b []byte) *encoding.Decoder {
	switch {
	case bytes.HasPrefix(b, []byte(BOM16LE)):
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
	case bytes.HasPrefix(b, []byte(BOM16BE)):
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder()
	}
	return nil
}

// LooksUTF16 reports whether the first line of a sample without a byte order mark looks like
// UTF-16 text: a quarter of its bytes or more are NUL, which text never holds, all in even places
// or all in odd ones (the high bytes of ASCII characters). Such a file is UTF-16 saved without its
// byte order mark, which cannot be read with certainty.
func LooksUTF16(sample []byte) bool {
	line := sample[:min(len(sample), 512)]
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	if bytes.IndexByte(line, 0) < 0 || len(line) < 2 {
		return false
	}
	even, odd := 0, 0
	for i, c := range line {
		if c == 0 {
			if i%2 == 0 {
				even++
			} else {
				odd++
			}
		}
	}
	return (even == 0 || odd == 0) && 4*(even+odd) >= len(line) && even+odd >= 2
}
