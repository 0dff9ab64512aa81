package stroke_test

import (
	"slices"
	"testing"
	"unicode"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/chae-go/chae/ballot/stroke"
	"github.com/chae-go/chae/ballot/stroke/internal/gen"
)

// TestCompareOrder checks chains that must come out in this order, each adjacent pair both ways.
func TestCompareOrder(t *testing.T) {
	tests := []struct {
		name  string
		chain []string // in order
	}{
		{"common surnames by count", []string{"丁", "王", "刘", "李", "张", "陈"}},
		{"习 541 before 马 551 (rule 2)", []string{"习", "马"}},
		{"three-stroke 于 才 万 么 习", []string{"于", "才", "万", "么", "习"}},
		{"rule 3: 横 before 竖钩's variant, 干 于", []string{"干", "于"}},
		{"rule 3: 横折 before 横撇, 巴 孔", []string{"巴", "孔"}},
		{"rule 3: 点 before 捺, 相 查", []string{"相", "查"}},
		{"rule 3: 横 before 提, 子 孑", []string{"子", "孑"}},
		{"rule 3: 夕 久", []string{"夕", "久"}},
		{"rule 4: 田 由", []string{"田", "由"}},
		{"rule 4: 叶 申", []string{"叶", "甲", "申"}},
		{"rule 4, the standard's example 八 人 入", []string{"八", "人", "入"}},
		{"rule 4, the standard's example 工 土 士", []string{"工", "土", "士"}},
		{"override: 横斜钩 of 气 before 竖弯钩 of 毛", []string{"气", "毛"}},
		{"corrected sequence: 皙 has 13 strokes", []string{"晰", "皙"}},
		{"not official: 亓 before 井 by code point (different levels of 《通用规范汉字表》)", []string{"亓", "井"}},
		{"not official: 佘 before 余 by code point (different levels of 《通用规范汉字表》)", []string{"佘", "余"}},
		{"a prefix first", []string{"王", "王王"}},
		{"white space before every character", []string{"王 ", "王一", "王丁"}},
		{"Han before Latin and digits, those by code point", []string{"王", "1", "A", "a"}},
		{"a Han character without data after every counted one", []string{"王", "龘", "𪚥"}},
		{"Han characters without data by code point, before any other character", []string{"\u3007", "𪚥", "A"}},
		{"invalid UTF-8 after everything, by byte", []string{"a", "\x80", "\xff"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			chain := tt.chain
			for i := 1; i < len(chain); i++ {
				a, b := chain[i-1], chain[i]
				if got := stroke.Compare(a, b); got != -1 {
					t.Errorf("Compare(%q, %q) = %d, want -1", a, b, got)
				}
				if got := stroke.Compare(b, a); got != +1 {
					t.Errorf("Compare(%q, %q) = %d, want +1", b, a, got)
				}
				if ka, kb := stroke.StringKey(a), stroke.StringKey(b); !(ka < kb) {
					t.Errorf("StringKey(%q) >= StringKey(%q)", a, b)
				}
			}
		})
	}
}

// TestHandCheckedSequences checks the data against sequences checked by hand.
func TestHandCheckedSequences(t *testing.T) {
	tab := table(t)
	for _, tt := range []struct {
		char    rune
		classes string
	}{
		{'乃', "53"}, {'及', "354"}, {'凸', "21251"}, {'凹', "25251"}, {'比', "1535"},
		{'北', "21135"}, {'火', "4334"}, {'必', "45434"},
		{'习', "541"}, {'马', "551"},
		// corrected in overrides.txt
		{'皙', "1234331232511"}, {'炽', "433425134"}, {'德', "332122522114544"}, {'雌', "21213532411121"},
	} {
		seq, ok := tab.Seq[tt.char]
		if !ok {
			t.Errorf("%c: no sequence", tt.char)
			continue
		}
		if got := gen.Classes(seq); got != tt.classes {
			t.Errorf("%c: classes %s (%s), want %s", tt.char, got, seq, tt.classes)
		}
		if got := stroke.Strokes(tt.char); got != len(tt.classes) {
			t.Errorf("Strokes(%c) = %d, want %d", tt.char, got, len(tt.classes))
		}
	}
}

// TestCountsOutsideURO checks counts kept for characters of 《通用规范汉字表》 outside
// U+4E00..U+9FFF, corrected ones among them.
func TestCountsOutsideURO(t *testing.T) {
	for _, tt := range []struct {
		r    rune
		want int
	}{{'䜣', 6}, {'𬙊', 18}, {'䴓', 9}, {'㘎', 17}, {'䶮', 9}, {'𠀀', 0}} {
		if got := stroke.Strokes(tt.r); got != tt.want {
			t.Errorf("Strokes(%c) = %d, want %d", tt.r, got, tt.want)
		}
	}
}

func TestCompareEqual(t *testing.T) {
	for _, s := range []string{"", "王", "王毅", "卐", "a\xffb", "　"} {
		if got := stroke.Compare(s, s); got != 0 {
			t.Errorf("Compare(%q, %q) = %d", s, s, got)
		}
	}
	// Different strings never compare equal, even where they look alike.
	for _, p := range [][2]string{{" ", "\u3000"}, {"\uFFFD", "\xff"}, {"\xfe", "\xff"}, {"王", "王 "}} {
		if got := stroke.Compare(p[0], p[1]); got == 0 {
			t.Errorf("Compare(%q, %q) = 0", p[0], p[1])
		}
	}
}

// TestUnknownCharacter checks 卐, a character with a count (Unihan: 4) but no sequence: it sorts
// after every 4-stroke character with a sequence and before every 5-stroke one, and is reported.
func TestUnknownCharacter(t *testing.T) {
	const u = "卐"
	if got := stroke.Unknown("王" + u + "李" + u); !slices.Equal(got, []rune{'卐'}) {
		t.Errorf("Unknown = %q, want [卐]", got)
	}
	if got := stroke.Strokes('卐'); got != 4 {
		t.Errorf("Strokes(卐) = %d, want 4", got)
	}
	n4, n5 := 0, 0
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		s := string(r)
		if stroke.Unknown(s) != nil {
			continue
		}
		switch stroke.Strokes(r) {
		case 4:
			n4++
			if stroke.Compare(s, u) >= 0 {
				t.Errorf("%s (4 strokes, with a sequence) does not sort before %s", s, u)
			}
		case 5:
			n5++
			if stroke.Compare(u, s) >= 0 {
				t.Errorf("%s does not sort before %s (5 strokes)", u, s)
			}
		}
	}
	if n4 == 0 || n5 == 0 {
		t.Fatalf("no 4- or 5-stroke characters found (%d, %d)", n4, n5)
	}
	// Two characters of one count without a sequence: by code point, deterministically.
	if got := stroke.Compare("卍", "卐"); got != -1 { // U+534D, U+5350
		t.Errorf("Compare(卍, 卐) = %d, want -1 (code point order)", got)
	}
	for _, s := range []string{"王", "A", "1", "·", "\xff", "𪚥"} {
		if got := stroke.Unknown(s); s != "𪚥" && got != nil {
			t.Errorf("Unknown(%q) = %q, want nil", s, got)
		}
	}
	if got := stroke.Unknown("𪚥"); !slices.Equal(got, []rune{'𪚥'}) {
		t.Errorf("Unknown(𪚥) = %q (a Han character without any data)", got)
	}
	if got := stroke.Strokes('𪚥'); got != 0 {
		t.Errorf("Strokes(𪚥) = %d, want 0 (no data)", got)
	}
}

// GB 2312's hanzi that have no stroke sequence: radical forms.
const gb2312Radicals = "丨丿丶匚刂亠冫冖讠卩阝廴艹扌彳彡犭夂饣忄丬氵宀辶彐屮纟灬礻疒衤"

func TestGB2312Coverage(t *testing.T) {
	dec := simplifiedchinese.GBK.NewDecoder()
	var missing []rune
	n := 0
	for hi := 0xB0; hi <= 0xF7; hi++ {
		for lo := 0xA1; lo <= 0xFE; lo++ {
			s, err := dec.String(string([]byte{byte(hi), byte(lo)}))
			r := []rune(s)
			if err != nil || len(r) != 1 || !unicode.Is(unicode.Han, r[0]) {
				continue
			}
			n++
			if stroke.Unknown(s) != nil {
				missing = append(missing, r[0])
			} else if stroke.Strokes(r[0]) == 0 {
				t.Errorf("%s: a sequence but no count", s)
			}
		}
	}
	if n != 6763 {
		t.Errorf("decoded %d hanzi of GB 2312, want 6763", n)
	}
	if string(missing) != gb2312Radicals {
		t.Errorf("GB 2312 hanzi without a sequence:\n got %s\nwant %s", string(missing), gb2312Radicals)
	}
	for _, r := range gb2312Radicals {
		if stroke.Strokes(r) == 0 {
			t.Errorf("%c: no count either", r)
		}
	}
}

// TestTGHOrder checks the runtime table against kTGH, independently of the generator's own check:
// in each level of 《通用规范汉字表》, consecutive characters with a sequence compare in order.
func TestTGHOrder(t *testing.T) {
	tab := table(t)
	byPos := make([]rune, 8106)
	for r, p := range tab.TGH {
		byPos[p] = r
	}
	checked := 0
	for level, last := range []int{3500, 6500, 8105} {
		first := []int{1, 3501, 6501}[level]
		var prev rune
		for p := first; p <= last; p++ {
			r := byPos[p]
			if stroke.Unknown(string(r)) != nil {
				continue
			}
			if prev != 0 {
				checked++
				if stroke.Compare(string(prev), string(r)) >= 0 {
					t.Errorf("level %d: %c (kTGH %d) does not sort before %c (kTGH %d)", level+1, prev, tab.TGH[prev], r, p)
				}
			}
			prev = r
		}
	}
	if checked < 6700 {
		t.Errorf("checked only %d pairs", checked)
	}
	if inv := tab.Inversions(); len(inv) != 0 {
		t.Errorf("%d inversions against kTGH, first %+v", len(inv), inv[0])
	}
}

func TestAllocations(t *testing.T) {
	pairs := [][2]string{
		{"王毅", "王小洪"}, {"丁宁（女）", "丁小强"}, {"艾力更·依明巴海", "艾 力"}, {"卐", "\xff𪚥"},
	}
	n := testing.AllocsPerRun(100, func() {
		for _, p := range pairs {
			stroke.Compare(p[0], p[1])
			stroke.CompareNames(p[0], p[1])
			stroke.Names{NoBlank: true}.Compare(p[0], p[1])
			stroke.Strokes('王')
		}
	})
	if n != 0 {
		t.Errorf("%v allocations per run, want 0", n)
	}
	if n := testing.AllocsPerRun(100, func() { stroke.Unknown("王毅（女）") }); n != 0 {
		t.Errorf("Unknown allocates %v times for a string without unknown characters", n)
	}
}
