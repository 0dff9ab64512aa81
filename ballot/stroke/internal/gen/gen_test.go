package gen_test

import (
	"os"
	"strings"
	"testing"

	"github.com/chae-go/chae/ballot/stroke/internal/gen"
)

func inputs(t *testing.T) gen.Inputs {
	t.Helper()
	read := func(name string) gen.Source {
		b, err := os.ReadFile("../../" + name)
		if err != nil {
			t.Fatal(err)
		}
		return gen.Source{Name: gen.Base(name), Data: b}
	}
	return gen.Inputs{
		Cnchar:    read("testdata/cnchar-order-3.2.6.tgz"),
		Unihan:    []gen.Source{read(gen.ExtractPath)},
		Overrides: read("overrides.txt"),
	}
}

func TestParseOverrides(t *testing.T) {
	tests := []struct {
		name, text, err string
	}{
		{"no reason", "order 八 人\n", `overrides.txt:1: no reason (write it after " -- ")`},
		{"empty reason", "order 八 人 -- \n", `overrides.txt:1: no reason (write it after " -- ")`},
		{"unknown verb", "# comment\n\nswap 八 人 -- why\n", `overrides.txt:3: unknown verb "swap"`},
		{"order of one", "order 八 -- why\n", "overrides.txt:1: order wants two characters or more"},
		{"accept of three", "accept 八 人 入 -- why\n", "overrides.txt:1: accept wants two characters"},
		{"seq without letters", "seq 八 -- why\n", "overrides.txt:1: seq wants one character and one argument"},
		{"not one character", "order 八人 入 -- why\n", `overrides.txt:1: "八人" is not one character`},
		{"a character twice", "order 八 人 八 -- why\n", "overrides.txt:1: 八 twice"},
		{"fine", "seq 皙 jfskssjfsfcjj -- why\ncount 䜣 6 -- why\norder 八 人 入 -- why\naccept 甲 乙 -- why\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ovs, err := gen.ParseOverrides(gen.Source{Name: "overrides.txt", Data: []byte(tt.text)})
			if tt.err == "" {
				if err != nil || len(ovs) != 4 || ovs[2].Line != 3 || string(ovs[2].Chars) != "八人入" || ovs[0].Arg != "jfskssjfsfcjj" {
					t.Fatalf("ParseOverrides = %+v, %v", ovs, err)
				}
				return
			}
			if err == nil || err.Error() != tt.err {
				t.Fatalf("error %v, want %q", err, tt.err)
			}
		})
	}
}

// TestBuildRejects checks that the generator refuses tables that break the standard or kTGH.
func TestBuildRejects(t *testing.T) {
	base := inputs(t)
	if _, err := gen.Build(base); err != nil {
		t.Fatalf("the committed inputs: %v", err)
	}
	tests := []struct {
		name     string
		edit     func(string) string
		wantErr  string // "" means Build succeeds
		wantMore string
	}{
		{"a level-1 inversion", add("order 人 八 -- test"), "inversions against kTGH", "level 1: kTGH 9 八 before 10 人"},
		{"a count disagreement left unsettled", drop("seq 皙 "), "counts disagree", "皙 (U+7699): 12 strokes in cnchar-order, 13 in Unihan"},
		{"a wrong Unihan count left", drop("count 䜣 "), "inversions against kTGH", "level 3: kTGH 6549 䜣 before"},
		{"order across rule 2", add("order 王 丰 -- test"), "differ by rule 1 or 2", ""},
		{"count of a character with a sequence", add("count 王 5 -- test"), "has a stroke sequence", ""},
		{"an unknown letter", add("seq 王 jjfX -- test"), `stroke letter 'X' unknown`, ""},
		{"an accept explaining nothing", add("accept 丁 七 -- test"), "explains no inversion", ""},
		{"a level-2 tie left to code point", drop("order 汩 汨 "), "level 2: kTGH 3773 汩 before 3774 汨", ""},
		{"the same, accepted", func(s string) string { return add("accept 汩 汨 -- test")(drop("order 汩 汨 ")(s)) }, "", ""},
		{"an accept in level 1 explains nothing", add("accept 人 八 -- test"), "explains no inversion", ""},
		{"an accept cannot excuse level 1", func(s string) string { return add("accept 八 人 -- test")(add("order 人 八 -- test")(s)) }, "level 1 must have none", "level 1: kTGH 9 八 before 10 人"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := base
			in.Overrides.Data = []byte(tt.edit(string(base.Overrides.Data)))
			_, err := gen.Build(in)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !strings.Contains(err.Error(), tt.wantMore) {
				t.Fatalf("error %v, want %q and %q", err, tt.wantErr, tt.wantMore)
			}
		})
	}
}

func add(line string) func(string) string {
	return func(s string) string { return s + line + "\n" }
}

func drop(prefix string) func(string) string {
	return func(s string) string {
		var out []string
		for _, l := range strings.Split(s, "\n") {
			if !strings.HasPrefix(l, prefix) {
				out = append(out, l)
			}
		}
		return strings.Join(out, "\n")
	}
}

// TestLetters checks the folding of cnchar's letters to classes and the rule-3 ranks the package
// documents: the basic form before the variant in each class.
func TestLetters(t *testing.T) {
	for _, p := range []struct{ basic, variant byte }{{'j', 'i'}, {'f', 'g'}, {'k', 'l'}, {'d', 'l'}, {'c', 'r'}, {'b', 'u'}, {'u', 'o'}, {'o', 'w'}} {
		b, v := gen.Letters[p.basic], gen.Letters[p.variant]
		if b.Class != v.Class || b.Rank >= v.Rank {
			t.Errorf("%c %+v, %c %+v", p.basic, b, p.variant, v)
		}
	}
	if got := gen.Classes("jifgskdlcebhnmtyvrpxuoaqzw"); got != "11223444555555555555555555" {
		t.Errorf("Classes = %s", got)
	}
}

func TestSeqs(t *testing.T) {
	seq, version, licence, err := gen.Seqs(inputs(t).Cnchar)
	if err != nil {
		t.Fatal(err)
	}
	if len(seq) != 6939 || version != "3.2.6" || !strings.Contains(licence, "The MIT License") {
		t.Errorf("%d sequences, version %s, licence %.20q", len(seq), version, licence)
	}
	if _, _, _, err := gen.Seqs(gen.Source{Name: "cnchar.order.min.js", Data: []byte("JSON.parse('{}')")}); err == nil {
		t.Error("a script with one blob was accepted")
	}
}

// FuzzParseOverrides checks that the parser of the overrides file never panics and that every line
// it accepts has a reason and characters.
func FuzzParseOverrides(f *testing.F) {
	for _, s := range []string{"order 八 人 -- why", "seq 皙 jfsk -- x\ncount 䜣 6 -- y", "accept 甲 乙 --", "# c\n\n", "order \xff 人 -- x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		ovs, err := gen.ParseOverrides(gen.Source{Name: "o", Data: []byte(text)})
		if err != nil {
			return
		}
		for _, o := range ovs {
			if o.Reason == "" || len(o.Chars) == 0 || o.Line < 1 {
				t.Fatalf("accepted %+v", o)
			}
		}
	})
}
