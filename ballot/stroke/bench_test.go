package stroke_test

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/chae-go/chae/ballot/stroke"
)

// Surnames and given-name characters common in the published lists, for synthetic lists.
const (
	benchSurnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤习"
	benchGiven    = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力斌宇浩凯俊峰鹏志国庆海波宁希毅晨东立新春林云飞雪梅琳"
	benchNotes    = "（女）|（女，回族）|（藏族）|（满族）|（女，壮族）"
)

// benchNames returns n names drawn from a fixed seed: a third with a single given name, a fifth
// with an annotation, as the delegates' list of a national congress prints them.
func benchNames(n int) []string {
	rng := rand.New(rand.NewPCG(2296, 20))
	surnames, given, notes := []rune(benchSurnames), []rune(benchGiven), strings.Split(benchNotes, "|")
	out := make([]string, n)
	for i := range out {
		var b strings.Builder
		b.WriteRune(surnames[rng.IntN(len(surnames))])
		b.WriteRune(given[rng.IntN(len(given))])
		if rng.IntN(3) != 0 {
			b.WriteRune(given[rng.IntN(len(given))])
		}
		if rng.IntN(5) == 0 {
			b.WriteString(notes[rng.IntN(len(notes))])
		}
		out[i] = b.String()
	}
	return out
}

func BenchmarkCompare(b *testing.B) {
	names := benchNames(1024)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		stroke.Compare(names[i&1023], names[(i+1)&1023])
		i++
	}
}

func BenchmarkCompareNames(b *testing.B) {
	names := benchNames(1024)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		stroke.CompareNames(names[i&1023], names[(i+1)&1023])
		i++
	}
}

func BenchmarkNameKey(b *testing.B) {
	names := benchNames(1024)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		stroke.NameKey(names[i&1023])
		i++
	}
}

// BenchmarkSort2296 sorts a list the size of the 20th National Congress's delegates (2,296 names)
// with CompareNames, with keys, and with golang.org/x/text/collate ("zh-u-co-stroke", which sorts
// them in another order; see TestCollateComparison), in the same run.
func BenchmarkSort2296(b *testing.B) {
	names := benchNames(2296)
	work := make([]string, len(names))
	b.Run("CompareNames", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			copy(work, names)
			slices.SortFunc(work, stroke.CompareNames)
		}
	})
	b.Run("NameKey", func(b *testing.B) {
		type entry struct {
			key  stroke.Key
			name string
		}
		entries := make([]entry, len(names))
		b.ReportAllocs()
		for b.Loop() {
			for i, n := range names {
				entries[i] = entry{stroke.NameKey(n), n}
			}
			slices.SortFunc(entries, func(a, b entry) int { return cmp.Compare(a.key, b.key) })
		}
	})
	b.Run("collate", func(b *testing.B) {
		c := collate.New(language.MustParse("zh-u-co-stroke"))
		b.ReportAllocs()
		for b.Loop() {
			copy(work, names)
			slices.SortFunc(work, c.CompareString)
		}
	})
	b.Run("collate-keys", func(b *testing.B) {
		c := collate.New(language.MustParse("zh-u-co-stroke"))
		type entry struct {
			key  []byte
			name string
		}
		entries := make([]entry, len(names))
		var buf collate.Buffer
		b.ReportAllocs()
		for b.Loop() {
			buf.Reset()
			for i, n := range names {
				entries[i] = entry{c.KeyFromString(&buf, n), n}
			}
			slices.SortFunc(entries, func(a, b entry) int { return cmp.Compare(string(a.key), string(b.key)) })
		}
	})
}
