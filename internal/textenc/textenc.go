// Package textenc recognises the text encodings of the files counting teams exchange: UTF-8, with
// or without a byte order mark, and GB18030, in which Chinese-language spreadsheets save "CSV".
// It is shared by the ballot file reader (package ballot) and the count summary reader (package
// tally).
package textenc

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// BOM is the UTF-8 byte order mark.
const BOM = "\uFEFF"

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
