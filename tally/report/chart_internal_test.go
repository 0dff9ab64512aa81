package report

import (
	"math"
	"testing"
)

// TestChartWidthsExact: the chart's bars and its line are v × 470 ÷ scale pixels, rounded down,
// whatever the size of the counts: near the int range the product wrapped in int arithmetic and
// drew bars of negative or wrong widths.
func TestChartWidthsExact(t *testing.T) {
	t.Parallel()
	const big = math.MaxInt
	tests := []struct {
		votes, base, needed int
		width, line         int
	}{
		{40, 46, 24, 408, 245},
		{0, 46, 24, 0, 245},
		{46, 46, 24, barArea, 245},
		{big, big, big/2 + 1, barArea, barArea / 2},
		{big / 2, big, big/2 + 1, barArea/2 - 1, barArea / 2},
		{big - 1, big, 1, barArea - 1, 0},
		{1 << 40, 1<<40 + 1, 1 << 39, barArea - 1, barArea/2 - 1},
	}
	for _, tc := range tests {
		c := chart(roundView{base: tc.base, needed: tc.needed, chart: []bar{{label: "A", votes: tc.votes}}}, &en)
		if w := c.Bars[0].W; w != tc.width {
			t.Errorf("%d votes of %d: bar %d pixels, want %d", tc.votes, tc.base, w, tc.width)
		}
		if x := c.Line.X - labelWidth; x != tc.line {
			t.Errorf("%d needed of %d: line at %d, want %d", tc.needed, tc.base, x, tc.line)
		}
	}
}
