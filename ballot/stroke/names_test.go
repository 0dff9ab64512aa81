package stroke_test

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/chae-go/chae/ballot/stroke"
)

func TestCompareNames(t *testing.T) {
	tests := []struct {
		name    string
		a, b    string
		blank   int // CompareNames(a, b)
		noBlank int // Names{NoBlank: true}.Compare(a, b)
	}{
		{"compound surnames are not special: 司 (5) before 欧 (8)", "司马光", "欧阳修", -1, -1},
		{"compound surnames, two characters", "司马", "欧阳", -1, -1},
		{"blank rule: 王毅 before 王小洪", "王毅", "王小洪", -1, +1},
		{"blank rule: 丁铭 before 丁小强", "丁铭", "丁小强", -1, +1},
		{"blank rule: 章林 before 章丽莉", "章林", "章丽莉", -1, +1},
		{"blank rule: 李希 before 李强", "李希", "李强", -1, -1},
		{"blank rule: 李强 before 李干杰", "李强", "李干杰", -1, +1},
		{"two-character names by the given name", "王晨", "王毅", -1, -1},
		{"the surname decides first", "马凯", "王毅", -1, -1},
		{"annotation （女，回族） ignored", "丁月牙（女，回族）", "丁月牙", 0, 0},
		{"annotation (女) in half-width parentheses ignored", "孙春兰(女)", "孙春兰", 0, 0},
		{"annotation mixed widths", "孙春兰（女)", "孙春兰", 0, 0},
		{"nested annotations", "孙春兰（女（满族））", "孙春兰", 0, 0},
		{"annotation does not count as a character", "丁宁（女）", "丁小强", -1, +1},
		{"unclosed parenthesis is a character", "王（毅", "王", +1, +1},
		{"closing parenthesis alone is a character", "王）", "王", +1, +1},
		{"middle dot ignored", "艾力更·依明巴海", "艾力更依明巴海", 0, 0},
		{"katakana middle dot ignored", "艾力更・依明巴海", "艾力更依明巴海", 0, 0},
		{"bullet ignored", "艾力更•依明巴海", "艾力更依明巴海", 0, 0},
		{"hyphenation point ignored", "艾力更‧依明巴海", "艾力更依明巴海", 0, 0},
		{"space around a middle dot is the dot's", "艾力更 · 依明巴海", "艾力更·依明巴海", 0, 0},
		{"full-width space is the blank", "王　毅", "王毅", 0, 0},
		{"full-width space sorts first", "王　毅", "王小洪", -1, +1},
		{"ASCII space is the blank too", "王 毅", "王毅", 0, 0},
		{"a space in a longer name is the blank", "欧阳　娜", "欧阳丁", -1, +1},
		{"leading and trailing space ignored", "　王毅　", "王毅", 0, 0},
		{"a run of spaces is one blank", "王  \u3000 毅", "王毅", 0, 0},
		{"one-character name before its surname's others", "王", "王毅", -1, -1},
		{"empty name first", "", "王", -1, -1},
		{"annotation only reads as empty", "（女）", "", 0, 0},
		{"three characters compared one by one", "丁薛祥", "丁雄军", +1, +1},
		{"a Latin letter after the Han characters", "王A", "王毅", +1, +1},
		{"a two-character name with a Latin letter keeps the blank", "王A", "王小洪", -1, +1},
		{"invalid UTF-8 after everything", "王\xff", "王A", +1, +1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, c := range []struct {
				o    stroke.Names
				want int
			}{{stroke.Names{}, tt.blank}, {stroke.Names{NoBlank: true}, tt.noBlank}} {
				if got := c.o.Compare(tt.a, tt.b); got != c.want {
					t.Errorf("%+v.Compare(%q, %q) = %d, want %d", c.o, tt.a, tt.b, got, c.want)
				}
				if got := c.o.Compare(tt.b, tt.a); got != -c.want {
					t.Errorf("%+v.Compare(%q, %q) = %d, want %d", c.o, tt.b, tt.a, got, -c.want)
				}
				if got := sign(strings.Compare(string(c.o.Key(tt.a)), string(c.o.Key(tt.b)))); got != c.want {
					t.Errorf("%+v: keys of %q and %q compare %d, want %d", c.o, tt.a, tt.b, got, c.want)
				}
			}
			if got := stroke.CompareNames(tt.a, tt.b); got != tt.blank {
				t.Errorf("CompareNames(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.blank)
			}
			if got := sign(strings.Compare(string(stroke.NameKey(tt.a)), string(stroke.NameKey(tt.b)))); got != tt.blank {
				t.Errorf("NameKey(%q) vs NameKey(%q): %d, want %d", tt.a, tt.b, got, tt.blank)
			}
		})
	}
}

// TestPublishedLists sorts real lists printed in stroke order, shuffled, and expects them back as
// printed.
func TestPublishedLists(t *testing.T) {
	lists := readLists(t)
	if len(lists) < 5 {
		t.Fatalf("%d lists", len(lists))
	}
	rng := rand.New(rand.NewPCG(14, 2022))
	for _, l := range lists {
		t.Run(l.title, func(t *testing.T) {
			if l.source == "" || l.date == "" || len(l.names) < 9 {
				t.Fatalf("list without a source, a date or names: %+v", l)
			}
			for round := 0; round < 20; round++ {
				got := slices.Clone(l.names)
				rng.Shuffle(len(got), func(i, j int) { got[i], got[j] = got[j], got[i] })
				slices.SortFunc(got, stroke.CompareNames)
				if !slices.Equal(got, l.names) {
					t.Fatalf("sorted:\n%s\nprinted:\n%s", strings.Join(got, " "), strings.Join(l.names, " "))
				}
				keys := make([]stroke.Key, len(got))
				for i, n := range got {
					keys[i] = stroke.NameKey(n)
				}
				if !slices.IsSorted(keys) {
					t.Fatal("the keys of the printed list are not sorted")
				}
			}
			for _, n := range l.names {
				if u := stroke.Unknown(n); u != nil {
					t.Errorf("%s: no sequence for %q", n, u)
				}
			}
		})
	}
}

// TestCollateComparison counts the adjacent pairs of the published lists that each order gets
// right: CompareNames, and golang.org/x/text/collate with "zh-u-co-stroke" (given the names
// without annotations and spaces, its best case). The x/text figure is logged, not asserted.
func TestCollateComparison(t *testing.T) {
	c := collate.New(language.MustParse("zh-u-co-stroke"))
	strip := regexp.MustCompile(`[（(][^）)]*[)）]|\s`)
	pairs, ours, theirs := 0, 0, 0
	for _, l := range readLists(t) {
		for i := 1; i < len(l.names); i++ {
			a, b := l.names[i-1], l.names[i]
			pairs++
			if stroke.CompareNames(a, b) < 0 {
				ours++
			}
			if c.CompareString(strip.ReplaceAllString(a, ""), strip.ReplaceAllString(b, "")) < 0 {
				theirs++
			}
		}
	}
	if ours != pairs {
		t.Errorf("CompareNames orders %d of %d adjacent pairs", ours, pairs)
	}
	t.Logf("adjacent pairs in printed order: CompareNames %d of %d; x/text/collate zh-u-co-stroke %d of %d (%d%%)",
		ours, pairs, theirs, pairs, 100*theirs/pairs)
}
