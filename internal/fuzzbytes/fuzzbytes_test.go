package fuzzbytes_test

import (
	"math"
	"testing"

	"github.com/chae-go/chae/internal/fuzzbytes"
)

func TestInt(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		in   []byte
		want int
	}{
		{"empty", nil, 0},
		{"small", []byte{199}, 199},
		{"two bytes", []byte{200, 1, 2}, 258},
		{"near MaxInt", []byte{249, 3}, math.MaxInt - 3},
		{"any int64", []byte{250, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}, -1},
		{"short", []byte{255, 1}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := fuzzbytes.New(tc.in).Int(); got != tc.want {
				t.Errorf("Int() = %d, want %d", got, tc.want)
			}
		})
	}
}
