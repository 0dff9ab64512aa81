package textenc_test

import (
	"testing"

	"github.com/chae-go/chae/internal/textenc"
	"golang.org/x/text/encoding/simplifiedchinese"
)

func TestIsGB18030(t *testing.T) {
	t.Parallel()
	gb, _ := simplifiedchinese.GB18030.NewEncoder().String("票箱,c1\n一号箱,○\n")
	tests := []struct {
		name   string
		sample string
		eof    bool
		want   bool
	}{
		{"whole GB18030 file", gb, true, true},
		{"sample cut inside a character", gb[:len(gb)-2], false, true},
		{"sample without a line end", gb[:4], false, false},
		{"byte 0xFF", "c1\n\xff\n", true, false},
		{"control character", "c1\x01\n", true, false},
		{"lead byte at the end of the file", "c1\n\xb0", true, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := textenc.IsGB18030([]byte(tc.sample), tc.eof); got != tc.want {
				t.Errorf("IsGB18030(%q, %v) = %v, want %v", tc.sample, tc.eof, got, tc.want)
			}
		})
	}
}

func TestUTF16(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		want string // "" for no decoder
	}{
		{"little-endian", "\xFF\xFEc\x001\x00,\x00\x4E\x67\n\x00", "c1,李\n"},
		{"big-endian", "\xFE\xFF\x00c\x001\x00,\x67\x4E\x00\n", "c1,李\n"},
		{"lone surrogate and odd byte", "\xFF\xFE\x00\xD8a\x00b", "\uFFFDa\uFFFD"},
		{"UTF-8 BOM", "\uFEFFc1\n", ""},
		{"no BOM", "c\x001\x00", ""},
		{"one byte", "\xFF", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dec := textenc.UTF16([]byte(tc.in))
			if dec == nil {
				if tc.want != "" {
					t.Fatalf("no decoder, want %q", tc.want)
				}
				return
			}
			if tc.want == "" {
				t.Fatal("a decoder for text without a UTF-16 byte order mark")
			}
			got, err := dec.String(tc.in)
			if err != nil || got != tc.want {
				t.Errorf("decoded %q, %v; want %q", got, err, tc.want)
			}
		})
	}
}

func TestLooksUTF16(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want bool
	}{
		{"c\x001\x00,\x00c\x002\x00\n\x00", true},
		{"\x00c\x001\x00,\x00c\x002\n", true},
		{"c1,c2\n\x00\x00", false},
		{"c1,\x00c2\x00\n", false},
		{"〰\x00\n", false},                         // one NUL: not enough for UTF-16
		{"c\x001\x00,\x00c2,c3,c4,c5,c6\n", false}, // NULs too few for ASCII in UTF-16
		{"c1,c2", false},
		{"", false},
	}
	for _, tc := range tests {
		if got := textenc.LooksUTF16([]byte(tc.in)); got != tc.want {
			t.Errorf("LooksUTF16(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}
