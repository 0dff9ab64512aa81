package tally_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/tally"
)

// withMarks returns goodDefinition with a "marks" member.
func withMarks(marks string) string {
	return strings.Replace(goodDefinition, `"turnout"`, `"marks": `+marks+`,
  "turnout"`, 1)
}

// TestDefinitionDeclaresMarks: ballots marked √ and 是/否 were refused, although ballot papers are
// printed with many symbols; a definition declares its papers' spellings, and the ballot files are
// read with them. The defaults stay.
func TestDefinitionDeclaresMarks(t *testing.T) {
	t.Parallel()
	def, err := tally.ReadDefinition(strings.NewReader(withMarks(`{"for": ["√", "✓", "是"], "against": ["否"], "abstain": ["弃", "-"]}`)))
	if err != nil {
		t.Fatal(err)
	}
	s, err := def.Marks.Spellings()
	if err != nil {
		t.Fatal(err)
	}
	r := ballot.NewReader(strings.NewReader("c1,c2,c3\n√,否,弃\n✓,是,○\n×,F,\n"))
	r.Candidates = def.Slate.IDs()
	r.Spellings = s
	var got []string
	for b, err := range r.All() {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, fmt.Sprint(b.Marks))
	}
	if want := "[for against abstain] [for for for] [against for abstain]"; strings.Join(got, " ") != want {
		t.Errorf("read %v, want %s", got, want)
	}
	// Without the declaration, √ is refused as before.
	r = ballot.NewReader(strings.NewReader("c1,c2,c3\n√,否,弃\n"))
	if _, err := r.Read(); !errors.Is(err, ballot.ErrMarkValue) {
		t.Errorf("√ with the default spellings: %v, want ErrMarkValue", err)
	}
	// The declaration survives a round trip through the definition's JSON.
	enc, err := def.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	again, err := tally.ReadDefinition(bytes.NewReader(enc))
	if err != nil || fmt.Sprint(again.Marks) != fmt.Sprint(def.Marks) {
		t.Errorf("round trip: %v, %v; want %v", again.Marks, err, def.Marks)
	}
	// A definition without marks reads with the default spellings.
	def, err = tally.ReadDefinition(strings.NewReader(goodDefinition))
	if s, serr := def.Marks.Spellings(); err != nil || serr != nil || s != ballot.DefaultSpellings() {
		t.Errorf("no marks: %v, %v", err, serr)
	}
	if enc, _ := def.MarshalJSON(); bytes.Contains(enc, []byte("marks")) {
		t.Errorf("a definition without marks is written with them:\n%s", enc)
	}
}

// TestDefinitionMarksClash: a declared spelling that reads as another mark is refused at its
// place in the file.
func TestDefinitionMarksClash(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		marks     string
		path      string
		line, col int
		err       error
	}{
		{"a default of another mark", `{"for": ["√", "x"]}`, "$.marks.for[1]", 10, 28, ballot.ErrSpelling},
		{"declared for two marks", `{"for": ["是"], "against": ["否", "是"]}`, "$.marks.against[1]", 10, 48, ballot.ErrSpelling},
		{"the empty cell for For", `{"for": [" "]}`, "$.marks.for[0]", 10, 21, ballot.ErrSpelling},
		{"abstain declared as a mark of For", `{"abstain": ["1"]}`, "$.marks.abstain[0]", 10, 25, ballot.ErrSpelling},
		{"an unknown mark", `{"maybe": ["?"]}`, "$.marks.maybe", 10, 13, tally.ErrUnknownField},
		{"a string for a list", `{"for": "√"}`, "$.marks.for", 10, 20, tally.ErrFieldValue},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := tally.ReadDefinition(strings.NewReader(withMarks(tc.marks)))
			var de *tally.DefinitionError
			if !errors.Is(err, tc.err) || !errors.As(err, &de) {
				t.Fatalf("error %v, want %v", err, tc.err)
			}
			if de.Path != tc.path || de.Line != tc.line || de.Column != tc.col {
				t.Errorf("at %s line %d column %d, want %s line %d column %d (%v)", de.Path, de.Line, de.Column, tc.path, tc.line, tc.col, err)
			}
		})
	}
	// MarkSpellings.Spellings refuses what ReadDefinition refuses.
	if _, err := (tally.MarkSpellings{For: []string{"是"}, Against: []string{"是"}}).Spellings(); !errors.Is(err, ballot.ErrSpelling) {
		t.Errorf("Spellings of a clash: %v, want ErrSpelling", err)
	}
}

// FuzzDefinitionMarks: whatever a definition's "marks" member holds, reading it never panics, an
// error is a *DefinitionError, and a definition read gives spellings that read every declared
// spelling as its mark, and survives a round trip.
func FuzzDefinitionMarks(f *testing.F) {
	f.Add(`{"for": ["√", "✓", "是"], "against": ["否"], "abstain": ["弃"]}`)
	f.Add(`{"for": ["x"]}`)
	f.Add(`{"against": ["\uFFFD"], "abstain": [""]}`)
	f.Add(`{"for": [" OK ", "ok"]}`)
	f.Add(`null`)
	f.Fuzz(func(t *testing.T, marks string) {
		def, err := tally.ReadDefinition(strings.NewReader(withMarks(marks)))
		if err != nil {
			var de *tally.DefinitionError
			if !errors.As(err, &de) {
				t.Fatalf("%T %v is not a *DefinitionError", err, err)
			}
			return
		}
		s, err := def.Marks.Spellings()
		if err != nil {
			t.Fatalf("read, but its spellings are refused: %v", err)
		}
		for _, d := range []struct {
			m  ballot.Mark
			sp []string
		}{{ballot.For, def.Marks.For}, {ballot.Against, def.Marks.Against}, {ballot.Abstain, def.Marks.Abstain}} {
			for _, sp := range d.sp {
				if m, ok := s.Mark(sp); !ok || m != d.m {
					t.Fatalf("declared %q for %v, reads as %v, %t", sp, d.m, m, ok)
				}
			}
		}
		enc, err := def.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		again, err := tally.ReadDefinition(bytes.NewReader(enc))
		if err != nil || fmt.Sprint(again.Marks) != fmt.Sprint(def.Marks) {
			t.Fatalf("round trip: %v, %v; want %v\n%s", again.Marks, err, def.Marks, enc)
		}
	})
}
