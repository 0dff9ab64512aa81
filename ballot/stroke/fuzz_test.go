package stroke_test

import (
	"strings"
	"testing"

	"github.com/chae-go/chae/ballot/stroke"
)

// FuzzCompareNames checks, on arbitrary strings including invalid UTF-8, that the comparisons never
// panic, are antisymmetric and agree with their keys, and that Compare is 0 only for equal strings.
func FuzzCompareNames(f *testing.F) {
	for _, s := range [][2]string{
		{"王毅", "王小洪"}, {"丁月牙（女，回族）", "丁月牙"}, {"艾力更·依明巴海", "艾力更 · 依明巴海"},
		{"王　毅", "王毅"}, {"((王", "王)"}, {"（（", "）"}, {"卐", "𪚥"}, {"\xff\xfe", "\xe4\xb8"},
		{"", " "}, {"孙春兰（女(满族)）", "孙春兰"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if ab, ba := stroke.Compare(a, b), stroke.Compare(b, a); ab != -ba || (ab == 0) != (a == b) {
			t.Fatalf("Compare(%q, %q) = %d, reversed %d", a, b, ab, ba)
		}
		if got, want := sign(strings.Compare(string(stroke.StringKey(a)), string(stroke.StringKey(b)))), stroke.Compare(a, b); got != want {
			t.Fatalf("StringKey order %d, Compare %d for %q, %q", got, want, a, b)
		}
		for _, o := range []stroke.Names{{}, {NoBlank: true}} {
			ab, ba := o.Compare(a, b), o.Compare(b, a)
			if ab != -ba || o.Compare(a, a) != 0 {
				t.Fatalf("%+v.Compare(%q, %q) = %d, reversed %d", o, a, b, ab, ba)
			}
			if got := sign(strings.Compare(string(o.Key(a)), string(o.Key(b)))); got != ab {
				t.Fatalf("%+v: keys order %d, Compare %d for %q, %q", o, got, ab, a, b)
			}
		}
		for _, r := range stroke.Unknown(a) {
			if !strings.ContainsRune(a, r) {
				t.Fatalf("Unknown(%q) reports %q", a, r)
			}
		}
	})
}
