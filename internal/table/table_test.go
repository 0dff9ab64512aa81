package table_test

import (
	"testing"

	"github.com/chae-go/chae/internal/table"
)

func TestWidth(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		s    string
		want int
	}{
		{"", 0},
		{"abc", 3},
		{"李伟", 4},
		{"赞成 ○", 6},      // ○ is ambiguous-width: one column
		{"（女）", 6},       // full-width parentheses
		{"Zoë", 3},       // precomposed
		{"Zoe\u0308", 3}, // combining diaeresis takes no column
		{"a\u200bb", 2},
		{"\ufeffx", 1},
		{"\u3000", 2}, // ideographic space
	} {
		if got := table.Width(tc.s); got != tc.want {
			t.Errorf("Width(%q) = %d, want %d", tc.s, got, tc.want)
		}
	}
}

func TestTable(t *testing.T) {
	t.Parallel()
	tb := table.Table{Indent: "  ", Right: []bool{false, true}, Min: []int{6}}
	tb.Add("候选人", "票数", "note")
	tb.Add("Li", "12", "")
	tb.Add("王芳", "7", "x")
	want := "" +
		"  候选人  票数  note\n" +
		"  Li        12\n" +
		"  王芳       7  x\n"
	if got := tb.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
