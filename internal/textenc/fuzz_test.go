package textenc_test

import (
	"bytes"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/chae-go/chae/internal/textenc"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// FuzzGB18030: detection never panics and means what it says: a sample taken for GB18030 decodes,
// to UTF-8 without U+FFFD or control characters but tab, CR and LF; a sample that is not at its
// end is judged by its lines up to the last line end; and text without those characters (nor
// private-use characters), encoded in GB18030, is recognised and decodes back to itself.
func FuzzGB18030(f *testing.F) {
	gb, _ := simplifiedchinese.GB18030.NewEncoder().String("票箱,c1\n一号箱,○\n")
	for _, s := range []string{gb, gb[:len(gb)-2], "c1\n\xff\n", "c1\x01\n", "c1\n\xb0", "plain,ascii\n", "\x81\x30\x81\x30\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if textenc.IsGB18030(data, true) {
			out, err := textenc.DecodeGB18030(data)
			if err != nil || !utf8.Valid(out) {
				t.Fatalf("taken for GB18030 but does not decode: %v", err)
			}
			for _, r := range string(out) {
				if r == utf8.RuneError || r < ' ' && r != '\t' && r != '\r' && r != '\n' || r == 0x7f {
					t.Fatalf("taken for GB18030 but decodes to %U", r)
				}
			}
		}
		if i := bytes.LastIndexByte(data, '\n'); i >= 0 {
			if textenc.IsGB18030(data, false) != textenc.IsGB18030(data[:i+1], true) {
				t.Fatalf("a sample is not judged by its lines up to the last line end")
			}
		} else if textenc.IsGB18030(data, false) {
			t.Fatalf("a sample without a line end is taken for GB18030")
		}
		// The other way: text, encoded. Private-use characters are left out: GB18030 maps some of
		// them to others (golang.org/x/text reads the encoding of U+E618 as U+F62C).
		text := strings.Map(func(r rune) rune {
			if r == utf8.RuneError || r < ' ' && r != '\t' && r != '\r' && r != '\n' || r == 0x7f || unicode.Is(unicode.Co, r) {
				return -1
			}
			return r
		}, strings.ToValidUTF8(string(data), ""))
		enc, err := simplifiedchinese.GB18030.NewEncoder().String(text)
		if err != nil {
			t.Fatalf("GB18030 cannot encode %q: %v", text, err)
		}
		if !textenc.IsGB18030([]byte(enc), true) {
			t.Fatalf("GB18030 text of %q is not recognised", text)
		}
		dec, err := textenc.DecodeGB18030([]byte(enc))
		if err != nil || string(dec) != text {
			t.Fatalf("GB18030 text of %q decodes to %q (%v)", text, dec, err)
		}
	})
}
