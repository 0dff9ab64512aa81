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
