package ballot_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"pgregory.net/rapid"

	"github.com/chae-go/chae/ballot"
)

// TestDefaultSpellings lists every documented spelling, marks and spoiled cells, and a few that are
// not spellings.
func TestDefaultSpellings(t *testing.T) {
	t.Parallel()
	s := ballot.DefaultSpellings()
	marks := []struct {
		text string
		want ballot.Mark
		ok   bool
	}{
		{"", ballot.Abstain, true}, {"  ", ballot.Abstain, true}, {"-", ballot.Abstain, true}, {"abstain", ballot.Abstain, true},
		{"○", ballot.For, true}, {"〇", ballot.For, true}, {"F", ballot.For, true}, {"o", ballot.For, true},
		{"1", ballot.For, true}, {"FOR", ballot.For, true},
		{"×", ballot.Against, true}, {"X", ballot.Against, true}, {"✕", ballot.Against, true}, {"a", ballot.Against, true},
		{"0", ballot.Against, true}, {"Against", ballot.Against, true},
		{"√", 0, false}, {"✓", 0, false}, {"yes", 0, false}, {"是", 0, false}, {"2", 0, false},
	}
	for _, tc := range marks {
		if got, ok := s.Mark(tc.text); ok != tc.ok || (ok && got != tc.want) {
			t.Errorf("Mark(%q) = %v, %t; want %v, %t", tc.text, got, ok, tc.want, tc.ok)
		}
	}
	spoiled := []struct {
		text     string
		want, ok bool
	}{
		{"", false, true}, {"0", false, true}, {"no", false, true}, {"N", false, true}, {"false", false, true}, {"否", false, true},
		{"1", true, true}, {"YES", true, true}, {"y", true, true}, {"true", true, true}, {"x", true, true},
		{"spoiled", true, true}, {"是", true, true}, {"废", true, true}, {"废票", true, true},
		// × was read as spoiled although the package documentation never listed it: a cross is
		// "against" on the paper, so it is refused here rather than guessed.
		{"×", false, false}, {"maybe", false, false}, {"2", false, false},
	}
	for _, tc := range spoiled {
		if got, ok := s.Spoiled(tc.text); ok != tc.ok || (ok && got != tc.want) {
			t.Errorf("Spoiled(%q) = %t, %t; want %t, %t", tc.text, got, ok, tc.want, tc.ok)
		}
	}
	if (ballot.Spellings{}) != s {
		t.Error("the zero Spellings is not DefaultSpellings")
	}
}

// TestMarkSpellingsAgree: Symbol, Letter, String and what a Writer writes in each style read back
// as the mark, through ParseMark and through a Reader.
func TestMarkSpellingsAgree(t *testing.T) {
	t.Parallel()
	for _, m := range []ballot.Mark{ballot.Abstain, ballot.For, ballot.Against} {
		for _, text := range []string{m.Symbol(), m.Letter(), m.String()} {
			if got, err := ballot.ParseMark(text); err != nil || got != m {
				t.Errorf("%v spelled %q reads as %v, %v", m, text, got, err)
			}
		}
	}
	want := map[ballot.MarkStyle]string{ballot.MarkSymbols: "○,×,\n", ballot.MarkLetters: "F,A,-\n", ballot.MarkDigits: "1,0,\n"}
	for style, line := range want {
		var b strings.Builder
		w, err := ballot.NewWriter(&b, ballot.Header{Candidates: []string{"c1", "c2", "c3"}})
		if err != nil {
			t.Fatal(err)
		}
		w.Marks = style
		if err := w.Write("", ballot.Ballot{Marks: []ballot.Mark{ballot.For, ballot.Against, ballot.Abstain}}); err != nil {
			t.Fatal(err)
		}
		w.Flush()
		if got := strings.TrimPrefix(b.String(), "c1,c2,c3\n"); got != line {
			t.Errorf("style %d writes %q, want %q", style, got, line)
		}
	}
}

func TestSpellingsWith(t *testing.T) {
	t.Parallel()
	s, err := ballot.DefaultSpellings().WithMark(ballot.For, "√", "是", "Yes")
	if err != nil {
		t.Fatal(err)
	}
	if s, err = s.WithMark(ballot.Against, "否"); err != nil {
		t.Fatal(err)
	}
	if s, err = s.WithSpoiled(true, "作废"); err != nil {
		t.Fatal(err)
	}
	r := ballot.NewReader(strings.NewReader("c1,c2,c3,c4,spoiled\n√,是,否,YES,\n○,×,F, yes ,作废\n"))
	r.Spellings = s
	var got []string
	for b, err := range r.All() {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, fmt.Sprint(b.Marks, b.Spoiled))
	}
	if want := []string{"[for for against for] false", "[for against for for] true"}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("read %q, want %q", got, want)
	}
	if _, ok := ballot.DefaultSpellings().Mark("√"); ok {
		t.Error("WithMark changed the default spellings")
	}
	if _, err := ballot.ParseMark("√"); err == nil {
		t.Error("WithMark changed ParseMark")
	}

	bad := []struct {
		name string
		f    func() error
		err  error
	}{
		{"a spelling of another mark", func() error { _, err := s.WithMark(ballot.For, "x"); return err }, ballot.ErrSpelling},
		{"the empty cell for For", func() error { _, err := s.WithMark(ballot.For, " "); return err }, ballot.ErrSpelling},
		{"a mark out of range", func() error { _, err := s.WithMark(ballot.Mark(3), "?"); return err }, ballot.ErrMarkValue},
		{"not UTF-8", func() error { _, err := s.WithMark(ballot.For, "\xff"); return err }, ballot.ErrSpelling},
		{"U+FFFD", func() error { _, err := s.WithMark(ballot.For, "\uFFFD"); return err }, ballot.ErrSpelling},
		{"not spoiled read as spoiled", func() error { _, err := s.WithSpoiled(true, "no"); return err }, ballot.ErrSpelling},
		{"the empty cell as spoiled", func() error { _, err := s.WithSpoiled(true, ""); return err }, ballot.ErrSpelling},
	}
	for _, tc := range bad {
		if err := tc.f(); !errors.Is(err, tc.err) || !strings.HasPrefix(err.Error(), "ballot: ") {
			t.Errorf("%s: error %v, want %v", tc.name, err, tc.err)
		}
	}
	again, err := s.WithMark(ballot.For, "√", "F")
	if m, ok := again.Mark("√"); err != nil || !ok || m != ballot.For {
		t.Errorf("repeating spellings of the same mark: %v, %v", m, err)
	}
}

// TestReaderAgreesWithSpellings: whatever a cell holds and whatever spellings were added, the
// Reader (with its fast paths derived from the table) reads the mark the table's Mark method reads,
// or refuses the cell where it has no mark.
func TestReaderAgreesWithSpellings(t *testing.T) {
	t.Parallel()
	extra := []string{"√", "✓", "是", "否", "Yes", "ok", "☑", "○○", "Ⅹ", "y", "ja", "nein", "+"}
	rapid.Check(t, func(t *rapid.T) {
		s := ballot.DefaultSpellings()
		for i, sp := range extra {
			if rapid.Bool().Draw(t, fmt.Sprintf("add%d", i)) {
				m := ballot.Mark(rapid.IntRange(0, 2).Draw(t, fmt.Sprintf("mark%d", i)))
				if n, err := s.WithMark(m, sp); err == nil {
					s = n
				}
			}
		}
		cell := rapid.OneOf(rapid.SampledFrom(extra), rapid.SampledFrom([]string{"F", "x", "○", "×", "〇", "✕", "for", " f ", ""}),
			rapid.StringMatching(`[ FfAaOoXxYy01\-○×✕〇√是否+]{0,4}`)).Draw(t, "cell")
		if strings.ContainsAny(cell, ",\"\r\n") {
			t.Skip("not a bare cell")
		}
		want, ok := s.Mark(cell)
		r := ballot.NewReader(strings.NewReader("c1,c2\n" + cell + ",F\n"))
		r.Spellings = s
		b, err := r.Read()
		switch {
		case ok && (err != nil || b.Marks[0] != want):
			t.Fatalf("cell %q: Reader %v %v, table %v", cell, b.Marks, err, want)
		case !ok && !errors.Is(err, ballot.ErrMarkValue) && !(errors.Is(err, ballot.ErrEncoding) && !utf8.ValidString(cell)):
			t.Fatalf("cell %q: Reader %v %v, table has no mark", cell, b.Marks, err)
		}
	})
}

func ExampleSpellings_WithMark() {
	// An election whose ballot papers are ticked (√) for a candidate and marked 是/否.
	s, err := ballot.DefaultSpellings().WithMark(ballot.For, "√", "是")
	if err == nil {
		s, err = s.WithMark(ballot.Against, "否")
	}
	if err != nil {
		fmt.Println(err)
		return
	}
	r := ballot.NewReader(strings.NewReader("c1,c2,c3\n√,否,\n是,○,×\n"))
	r.Spellings = s
	for b, err := range r.All() {
		fmt.Println(b.Marks, err)
	}
	_, err = s.WithMark(ballot.For, "X")
	fmt.Println(err)
	// Output:
	// [for against abstain] <nil>
	// [for for against] <nil>
	// ballot: spelling "X" of for: it reads as against: bad spelling
}
