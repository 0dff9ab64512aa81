package stroke_test

import (
	"strings"
	"testing"

	"pgregory.net/rapid"

	"github.com/chae-go/chae/ballot/stroke"
)

// pieces are fragments that exercise every branch of reading: known and unknown characters, white
// space, middle dots, parentheses, annotations, non-Han characters, invalid UTF-8.
var pieces = []string{
	"王", "李", "毅", "小", "洪", "丁", "强", "希", "干", "于", "八", "人", "入", "气", "毛", "皙",
	"卐", "卍", "龘", "𪚥", "司马", "欧阳",
	" ", "\u3000", "\t", "·", "・", "•", "（", "）", "(", ")", "（女）", "(回族)",
	"A", "a", "1", "\uFFFD", "\xff", "\x80", "\xe4\xb8",
}

// urChar draws a character of U+4E00..U+9FFF (all have a count; about a third a sequence).
var urChar = rapid.Custom(func(t *rapid.T) string {
	return string(rune(rapid.Int32Range(0x4E00, 0x9FFF).Draw(t, "cp")))
})

var text = rapid.Custom(func(t *rapid.T) string {
	n := rapid.IntRange(0, 6).Draw(t, "n")
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(rapid.OneOf(rapid.SampledFrom(pieces), urChar).Draw(t, "piece"))
	}
	return b.String()
})

// checkOrder checks that cmp is a strict weak order on a, b, c, consistent with key.
func checkOrder(t *rapid.T, name string, cmp func(a, b string) int, key func(string) stroke.Key, a, b, c string) {
	ab, ba, bc, ac := cmp(a, b), cmp(b, a), cmp(b, c), cmp(a, c)
	if cmp(a, a) != 0 {
		t.Fatalf("%s(%q, %q) != 0", name, a, a)
	}
	if ab != -ba || ab < -1 || ab > 1 {
		t.Fatalf("%s(%q, %q) = %d but %s(%q, %q) = %d", name, a, b, ab, name, b, a, ba)
	}
	if ab <= 0 && bc <= 0 {
		if ac > 0 || (ac == 0 && (ab < 0 || bc < 0)) {
			t.Fatalf("%s not transitive: %q %d %q %d %q, but %d", name, a, ab, b, bc, c, ac)
		}
	}
	if ab == 0 && ac != bc {
		t.Fatalf("%s: %q and %q are equivalent but compare %d and %d with %q", name, a, b, ac, bc, c)
	}
	if got := sign(strings.Compare(string(key(a)), string(key(b)))); got != ab {
		t.Fatalf("%s(%q, %q) = %d but their keys compare %d", name, a, b, ab, got)
	}
}

func TestCompareIsStrictWeakOrder(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a, b, c := text.Draw(t, "a"), text.Draw(t, "b"), text.Draw(t, "c")
		checkOrder(t, "Compare", stroke.Compare, stroke.StringKey, a, b, c)
		if (stroke.Compare(a, b) == 0) != (a == b) {
			t.Fatalf("Compare(%q, %q) = %d", a, b, stroke.Compare(a, b))
		}
	})
}

func TestNamesAreStrictWeakOrders(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a, b, c := text.Draw(t, "a"), text.Draw(t, "b"), text.Draw(t, "c")
		checkOrder(t, "CompareNames", stroke.CompareNames, stroke.NameKey, a, b, c)
		nb := stroke.Names{NoBlank: true}
		checkOrder(t, "NoBlank", nb.Compare, nb.Key, a, b, c)
	})
}

// TestFewerStrokesFirst: a character with fewer strokes sorts first, alone or as a surname.
func TestFewerStrokesFirst(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		x, y := urChar.Draw(t, "x"), urChar.Draw(t, "y")
		nx, ny := stroke.Strokes([]rune(x)[0]), stroke.Strokes([]rune(y)[0])
		if nx == 0 || ny == 0 {
			t.Fatalf("no count for %s (%d) or %s (%d)", x, nx, y, ny)
		}
		if nx >= ny {
			x, y, nx, ny = y, x, ny, nx
		}
		if nx == ny {
			return
		}
		if stroke.Compare(x, y) >= 0 {
			t.Fatalf("Compare(%s, %s) >= 0 with %d < %d strokes", x, y, nx, ny)
		}
		gx, gy := text.Draw(t, "given x"), text.Draw(t, "given y")
		if stroke.CompareNames(x+gx, y+gy) >= 0 || (stroke.Names{NoBlank: true}).Compare(x+gx, y+gy) >= 0 {
			t.Fatalf("%q does not sort before %q (surnames of %d and %d strokes)", x+gx, y+gy, nx, ny)
		}
	})
}

// TestBlankRule: among the names of one surname, the single given names come first; without the
// rule the given names compare as Compare compares them.
func TestBlankRule(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s, g, h1, h2 := urChar.Draw(t, "surname"), urChar.Draw(t, "given"), urChar.Draw(t, "h1"), urChar.Draw(t, "h2")
		if got := stroke.CompareNames(s+g, s+h1+h2); got != -1 {
			t.Fatalf("CompareNames(%s, %s) = %d", s+g, s+h1+h2, got)
		}
		if got, want := (stroke.Names{NoBlank: true}).Compare(s+g, s+h1+h2), stroke.Compare(g, h1+h2); got != want {
			t.Fatalf("NoBlank: %d, Compare of the given names: %d", got, want)
		}
		if got := stroke.CompareNames(s+"\u3000"+g, s+g); got != 0 {
			t.Fatalf("%s　%s and %s%s differ: %d", s, g, s, g, got)
		}
	})
}

// TestIgnoredParts: annotations and middle dots do not change a name's place.
func TestIgnoredParts(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a, b := urChar.Draw(t, "a"), urChar.Draw(t, "b")
		rest := rapid.SliceOfN(urChar, 0, 3).Draw(t, "rest")
		name := a + b + strings.Join(rest, "")
		note := rapid.SampledFrom([]string{"（女）", "（女，回族）", "(满族)", "（女（满族））"}).Draw(t, "note")
		dot := rapid.SampledFrom([]string{"·", "・", "•", "‧"}).Draw(t, "dot")
		for _, o := range []stroke.Names{{}, {NoBlank: true}} {
			if got := o.Compare(name+note, name); got != 0 {
				t.Fatalf("%+v: %s%s and %s differ", o, name, note, name)
			}
			if len(rest) > 0 {
				if got := o.Compare(a+b+dot+strings.Join(rest, ""), name); got != 0 {
					t.Fatalf("%+v: the dot changes %s", o, name)
				}
			}
		}
	})
}
