// Command strokegen writes the stroke-order table of package stroke (table.go) from its sources.
//
// From the committed inputs (what go generate runs):
//
//	strokegen -cnchar testdata/cnchar-order-3.2.6.tgz -unihan testdata/unihan-strokes.txt.gz \
//		-overrides overrides.txt -out table.go
//
// From the original files, writing the Unihan extract as well:
//
//	npm pack cnchar-order@3.2.6
//	apt-get download unicode-data && dpkg-deb -x unicode-data_*.deb unicode-data
//	strokegen -cnchar cnchar-order-3.2.6.tgz \
//		-unihan unicode-data/usr/share/unicode/Unihan_IRGSources.txt.bz2 \
//		-unihan unicode-data/usr/share/unicode/Unihan_OtherMappings.txt.bz2 \
//		-overrides overrides.txt -extract testdata/unihan-strokes.txt.gz -out table.go
//
// With -ties it prints, instead, the groups of characters of each level of 《通用规范汉字表》 that
// rules 1–3 leave tied, in kTGH order, as order lines to complete with their reasons.
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/chae-go/chae/ballot/stroke/internal/gen"
)

type list []string

func (l *list) String() string     { return strings.Join(*l, ",") }
func (l *list) Set(s string) error { *l = append(*l, s); return nil }

func main() {
	var unihan list
	cnchar := flag.String("cnchar", "", "cnchar-order npm tarball (or cnchar.order.min.js)")
	flag.Var(&unihan, "unihan", "Unihan file (.txt, .bz2, .gz) or the extract; repeat")
	overrides := flag.String("overrides", "overrides.txt", "overrides file")
	out := flag.String("out", "table.go", "Go file to write")
	extract := flag.String("extract", "", "also write the gzipped Unihan extract here")
	ties := flag.Bool("ties", false, "print the tied groups of each kTGH level and the inversions against kTGH, and exit")
	flag.Parse()
	if err := run(*cnchar, unihan, *overrides, *out, *extract, *ties); err != nil {
		fmt.Fprintln(os.Stderr, "strokegen:", err)
		os.Exit(1)
	}
}

func read(name string) (gen.Source, error) {
	b, err := os.ReadFile(name)
	return gen.Source{Name: gen.Base(name), Data: b}, err
}

func run(cnchar string, unihan []string, overrides, out, extract string, ties bool) error {
	var in gen.Inputs
	var err error
	if in.Cnchar, err = read(cnchar); err != nil {
		return err
	}
	for _, u := range unihan {
		s, err := read(u)
		if err != nil {
			return err
		}
		in.Unihan = append(in.Unihan, s)
	}
	if in.Overrides, err = read(overrides); err != nil {
		return err
	}
	if ties {
		t, err := gen.BuildUnchecked(in)
		if err != nil {
			return err
		}
		for _, g := range t.Ties() {
			var b strings.Builder
			b.WriteString("order")
			for _, r := range g {
				fmt.Fprintf(&b, " %c", r)
			}
			b.WriteString(" -- kTGH")
			for _, r := range g {
				fmt.Fprintf(&b, " %d", t.TGH[r])
			}
			fmt.Println(b.String())
		}
		for _, inv := range t.Inversions() {
			fmt.Printf("inversion: level %d: kTGH %d %c (%d strokes) before %d %c (%d strokes)\n", inv.Level,
				t.TGH[inv.First], inv.First, t.Count[inv.First], t.TGH[inv.Second], inv.Second, t.Count[inv.Second])
		}
		return nil
	}
	t, err := gen.Build(in)
	if err != nil {
		return err
	}
	if extract != "" {
		if err := os.WriteFile(extract, gen.Gzip(t.Extract()), 0o644); err != nil {
			return err
		}
	}
	return os.WriteFile(out, t.GoSource("stroke"), 0o644)
}
