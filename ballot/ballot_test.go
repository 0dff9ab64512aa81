package ballot_test

import (
	"errors"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"github.com/chae-go/chae/ballot"
)

func threeSlate(seats int) ballot.Slate {
	return ballot.Slate{Office: "test", Seats: seats, Candidates: []ballot.Candidate{
		{ID: "a", Name: "Li Wei"}, {ID: "b", Name: "王芳"}, {ID: "c", Name: "Zhang Min"},
	}}
}

func TestParseMark(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want ballot.Mark
		err  bool
	}{
		{"", ballot.Abstain, false}, {" ", ballot.Abstain, false}, {"-", ballot.Abstain, false},
		{"○", ballot.For, false}, {"〇", ballot.For, false}, {"F", ballot.For, false}, {"f", ballot.For, false},
		{"1", ballot.For, false}, {"For", ballot.For, false},
		{"×", ballot.Against, false}, {"x", ballot.Against, false}, {"A", ballot.Against, false},
		{"0", ballot.Against, false}, {"AGAINST", ballot.Against, false},
		{"✓", 0, true}, {"2", 0, true}, {"yes", 0, true}, {"FA", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ballot.ParseMark(tt.in)
			if tt.err {
				var me *ballot.MarkError
				if !errors.Is(err, ballot.ErrMarkValue) || !errors.As(err, &me) || me.Text != tt.in {
					t.Fatalf("ParseMark(%q) error = %v, want *MarkError wrapping ErrMarkValue", tt.in, err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("ParseMark(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestMarkText(t *testing.T) {
	t.Parallel()
	for _, m := range []ballot.Mark{ballot.Abstain, ballot.For, ballot.Against} {
		text, err := m.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back ballot.Mark
		if err := back.UnmarshalText(text); err != nil || back != m {
			t.Errorf("round trip of %v via %q gave %v, %v", m, text, back, err)
		}
		var fromLetter ballot.Mark
		if err := fromLetter.UnmarshalText([]byte(m.Letter())); err != nil || fromLetter != m {
			t.Errorf("letter %q of %v read back as %v, %v", m.Letter(), m, fromLetter, err)
		}
	}
	if _, err := ballot.Mark(7).MarshalText(); !errors.Is(err, ballot.ErrMarkValue) {
		t.Errorf("Mark(7).MarshalText error = %v, want ErrMarkValue", err)
	}
	if got := ballot.Mark(7).String(); got != "Mark(7)" {
		t.Errorf("Mark(7).String() = %q", got)
	}
}

func TestSlateValidate(t *testing.T) {
	t.Parallel()
	type problem struct {
		cand int
		err  error
	}
	tests := []struct {
		name  string
		slate ballot.Slate
		want  []problem
	}{
		{"ok", threeSlate(2), nil},
		{"equal candidates and seats", threeSlate(3), nil},
		{"zero seats", threeSlate(0), []problem{{-1, ballot.ErrSeats}}},
		{"no candidates", ballot.Slate{Seats: 1}, []problem{{-1, ballot.ErrNoCandidates}}},
		{"fewer candidates than seats", threeSlate(4), []problem{{-1, ballot.ErrFewerCandidatesThanSeats}}},
		{"everything at once", ballot.Slate{Seats: -1, Candidates: []ballot.Candidate{
			{ID: "a", Name: "A"}, {ID: "", Name: "B"}, {ID: "a", Name: "C"}, {ID: "d", Name: " 　"},
		}}, []problem{{-1, ballot.ErrSeats}, {1, ballot.ErrEmptyID}, {2, ballot.ErrDuplicateID}, {3, ballot.ErrEmptyName}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.slate.Validate()
			if len(tt.want) == 0 {
				if err != nil {
					t.Fatalf("Validate() = %v, want nil", err)
				}
				return
			}
			joined, ok := err.(interface{ Unwrap() []error })
			if !ok {
				t.Fatalf("Validate() = %v, want joined errors", err)
			}
			errs := joined.Unwrap()
			if len(errs) != len(tt.want) {
				t.Fatalf("Validate() reported %d problems, want %d: %v", len(errs), len(tt.want), err)
			}
			for i, w := range tt.want {
				var se *ballot.SlateError
				if !errors.As(errs[i], &se) || se.Candidate != w.cand || !errors.Is(errs[i], w.err) {
					t.Errorf("problem %d = %v, want candidate %d, %v", i, errs[i], w.cand, w.err)
				}
			}
		})
	}
}

func TestClassify(t *testing.T) {
	t.Parallel()
	F, A, X := ballot.For, ballot.Against, ballot.Abstain
	tests := []struct {
		name    string
		seats   int
		b       ballot.Ballot
		want    ballot.Class
		err     error
		mark    int
		writeIn int
	}{
		{"all abstain", 2, ballot.Ballot{Marks: []ballot.Mark{X, X, X}}, ballot.Valid, nil, 0, 0},
		{"exactly seats", 2, ballot.Ballot{Marks: []ballot.Mark{F, F, A}}, ballot.Valid, nil, 0, 0},
		{"seats plus one", 2, ballot.Ballot{Marks: []ballot.Mark{F, F, F}}, ballot.OverVote, nil, 0, 0},
		{"write-in counts toward seats", 2, ballot.Ballot{Marks: []ballot.Mark{F, F, A}, WriteIns: []string{"Sun Yue"}}, ballot.OverVote, nil, 0, 0},
		{"write-in within seats", 2, ballot.Ballot{Marks: []ballot.Mark{F, A, A}, WriteIns: []string{"Sun Yue"}}, ballot.Valid, nil, 0, 0},
		{"same write-in twice is one person", 2, ballot.Ballot{Marks: []ballot.Mark{F, A, A}, WriteIns: []string{"Sun Yue", " Sun  Yue "}}, ballot.Valid, nil, 0, 0},
		{"two write-ins over", 2, ballot.Ballot{Marks: []ballot.Mark{F, A, A}, WriteIns: []string{"Sun Yue", "Qian Li"}}, ballot.OverVote, nil, 0, 0},
		{"spoiled wins over everything", 1, ballot.Ballot{Marks: []ballot.Mark{F, F, 9}, Spoiled: true}, ballot.Spoiled, nil, 0, 0},
		{"too few marks", 2, ballot.Ballot{Marks: []ballot.Mark{F, F}}, 0, ballot.ErrMarkCount, 0, 0},
		{"too many marks", 2, ballot.Ballot{Marks: []ballot.Mark{F, F, A, A}}, 0, ballot.ErrMarkCount, 0, 0},
		{"mark out of range", 2, ballot.Ballot{Marks: []ballot.Mark{F, 3, A}}, 0, ballot.ErrMarkValue, 2, 0},
		{"empty write-in", 2, ballot.Ballot{Marks: []ballot.Mark{X, X, X}, WriteIns: []string{"ok", "　 "}}, 0, ballot.ErrEmptyWriteIn, 0, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := threeSlate(tt.seats)
			got, err := s.Classify(tt.b)
			if tt.err != nil {
				var be *ballot.BallotError
				if !errors.Is(err, tt.err) || !errors.As(err, &be) || be.Mark != tt.mark || be.WriteIn != tt.writeIn {
					t.Fatalf("Classify error = %v, want %v at mark %d write-in %d", err, tt.err, tt.mark, tt.writeIn)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("Classify = %v, %v; want %v", got, err, tt.want)
			}
		})
	}
}

func TestNormalizeName(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"Li Wei", "Li Wei"},
		{"  Li   Wei\t", "Li Wei"},
		{"　孙　　悦　", "孙 悦"},      // ideographic spaces
		{"Cafe\u0301", "Café"}, // NFD to NFC
		{"", ""},
		{" \u3000 ", ""},
		{"a\xffb", "a\uFFFDb"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := ballot.NormalizeName(tt.in); got != tt.want {
				t.Errorf("NormalizeName(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if got := ballot.NormalizeName(ballot.NormalizeName(tt.in)); got != tt.want {
				t.Errorf("NormalizeName is not idempotent on %q: %q", tt.in, got)
			}
		})
	}
}

func TestCloneSharesNothing(t *testing.T) {
	t.Parallel()
	s := threeSlate(2)
	s.Candidates[0].Attrs = map[string]string{"gender": "female"}
	c := s.Clone()
	c.Candidates[0].Attrs["gender"] = "male"
	c.Candidates[1].Name = "changed"
	if s.Candidates[0].Attrs["gender"] != "female" || s.Candidates[1].Name != "王芳" {
		t.Fatal("Slate.Clone shares memory with the original")
	}
	b := ballot.Ballot{Marks: []ballot.Mark{ballot.For}, WriteIns: []string{"x"}}
	bc := b.Clone()
	bc.Marks[0], bc.WriteIns[0] = ballot.Against, "y"
	if b.Marks[0] != ballot.For || b.WriteIns[0] != "x" {
		t.Fatal("Ballot.Clone shares memory with the original")
	}
}

// FuzzClassify checks that classification never panics and is consistent: a well-formed ballot is
// an over-vote exactly when it chooses more persons than seats.
func FuzzClassify(f *testing.F) {
	f.Add(2, []byte{1, 1, 0}, "Sun Yue", false)
	f.Add(1, []byte{1, 2, 9}, "", true)
	f.Add(3, []byte{}, "　", false)
	f.Fuzz(func(t *testing.T, seats int, marks []byte, writeIn string, spoiled bool) {
		s := threeSlate(seats)
		b := ballot.Ballot{Spoiled: spoiled}
		for _, m := range marks {
			b.Marks = append(b.Marks, ballot.Mark(m))
		}
		if writeIn != "" {
			b.WriteIns = []string{writeIn}
		}
		class, err := s.Classify(b)
		if spoiled {
			if class != ballot.Spoiled || err != nil {
				t.Fatalf("spoiled ballot classified %v, %v", class, err)
			}
			return
		}
		if err != nil {
			var be *ballot.BallotError
			if !errors.As(err, &be) {
				t.Fatalf("error %v is not a *BallotError", err)
			}
			return
		}
		if over := b.Chosen() > seats; over != (class == ballot.OverVote) {
			t.Fatalf("chosen %d, seats %d, class %v", b.Chosen(), seats, class)
		}
	})
}

// TestMatchKey: names that differ only in white space or Unicode composition are one person's;
// any other difference makes two persons. A ballot writing one person twice chooses one person.
func TestMatchKey(t *testing.T) {
	t.Parallel()
	tests := []struct {
		a, b string
		same bool
	}{
		{"Li Wei", "Li Wei", true},
		{"Li Wei", "  Li   Wei\t", true},
		{"孙悦", "\u3000孙悦\u3000", true},
		{"Café", "Cafe\u0301", true},
		{"Li Wei", "LiWei", false},
		{"Li Wei", "li wei", false},
		{"孙悦", "孙 悦", false},
	}
	slate := ballot.Slate{Seats: 1, Candidates: []ballot.Candidate{{ID: "c1", Name: "Wang Fang"}}}
	for _, tc := range tests {
		t.Run(tc.a+"|"+tc.b, func(t *testing.T) {
			if got := ballot.MatchKey(tc.a) == ballot.MatchKey(tc.b); got != tc.same {
				t.Errorf("same person = %t, want %t", got, tc.same)
			}
			class, err := slate.Classify(ballot.Ballot{Marks: []ballot.Mark{ballot.Abstain}, WriteIns: []string{tc.a, tc.b}})
			if want := map[bool]ballot.Class{true: ballot.Valid, false: ballot.OverVote}[tc.same]; err != nil || class != want {
				t.Errorf("a ballot writing both in for 1 seat: %v, %v; want %v", class, err, want)
			}
		})
	}
	rapid.Check(t, func(t *rapid.T) {
		s := rapid.StringOf(rapid.SampledFrom([]rune{'a', 'B', ' ', '\t', '\u3000', 'e', '\u0301', 'é', '孙'})).Draw(t, "name")
		k := ballot.MatchKey(s)
		if ballot.MatchKey(k) != k {
			t.Fatalf("MatchKey(%q) = %q is not its own key", s, k)
		}
		if ballot.MatchKey(" \u3000"+strings.ReplaceAll(s, " ", "  ")+"\t") != k {
			t.Fatalf("white space changes the key of %q", s)
		}
	})
}
