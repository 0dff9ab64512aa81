package quota_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"testing"

	"github.com/chae-go/chae/quota"
	"pgregory.net/rapid"
)

func TestParseFraction(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in       string
		num, den int64
		str      string
	}{
		{"15%", 3, 20, "15%"},
		{"20%", 1, 5, "20%"},
		{"12.5%", 1, 8, "12.5%"},
		{"0.2", 1, 5, "0.2"},
		{"0.20", 1, 5, "0.20"},
		{"12.50%", 1, 8, "12.50%"},
		{"15.0%", 3, 20, "15.0%"},
		{"2.000", 2, 1, "2.000"},
		{"0.0", 0, 1, "0.0"},
		{"1/3", 1, 3, "1/3"},
		{"2/6", 1, 3, "1/3"},
		{"4/5", 4, 5, "4/5"},
		{"2", 2, 1, "2"},
		{"0", 0, 1, "0"},
		{"0%", 0, 1, "0%"},
		{"100%", 1, 1, "100%"},
		{"  1/2 ", 1, 2, "1/2"},
		{"33.3333%", 333333, 1000000, "33.3333%"},
		{"1000000000000", 1000000000000, 1, "1000000000000"},
		{"0.000000000001", 1, 1000000000000, "0.000000000001"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			f, err := quota.ParseFraction(tt.in)
			if err != nil {
				t.Fatalf("ParseFraction(%q): %v", tt.in, err)
			}
			if f.Num() != tt.num || f.Den() != tt.den {
				t.Fatalf("ParseFraction(%q) = %d/%d, want %d/%d", tt.in, f.Num(), f.Den(), tt.num, tt.den)
			}
			if got := f.String(); got != tt.str {
				t.Fatalf("String() = %q, want %q", got, tt.str)
			}
		})
	}
}

func TestParseFractionRejects(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want error
	}{
		{"", quota.ErrFractionSyntax},
		{"   ", quota.ErrFractionSyntax},
		{"-1", quota.ErrFractionNegative},
		{"-15%", quota.ErrFractionNegative},
		{"+1", quota.ErrFractionSyntax},
		{"1/0", quota.ErrZeroDenominator},
		{"0/0", quota.ErrZeroDenominator},
		{"%", quota.ErrFractionSyntax},
		{"abc", quota.ErrFractionSyntax},
		{"1/", quota.ErrFractionSyntax},
		{"/3", quota.ErrFractionSyntax},
		{"1/3/4", quota.ErrFractionSyntax},
		{"1.5/2", quota.ErrFractionSyntax},
		{"1/3%", quota.ErrFractionSyntax},
		{"15%%", quota.ErrFractionSyntax},
		{".5", quota.ErrFractionSyntax},
		{"5.", quota.ErrFractionSyntax},
		{"1.2.3", quota.ErrFractionSyntax},
		{"1e3", quota.ErrFractionSyntax},
		{"15 %", quota.ErrFractionSyntax},
		{"１５%", quota.ErrFractionSyntax},
		{"0x10", quota.ErrFractionSyntax},
		{"NaN", quota.ErrFractionSyntax},
		{"1000000000001", quota.ErrFractionRange},
		{"1/1000000000001", quota.ErrFractionRange},
		{"0.0000000000001", quota.ErrFractionRange},
		{strings.Repeat("1", 41), quota.ErrFractionRange},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			f, err := quota.ParseFraction(tt.in)
			if !errors.Is(err, tt.want) {
				t.Fatalf("ParseFraction(%q) = %v, %v; want %v", tt.in, f, err, tt.want)
			}
			var fe *quota.FractionError
			if !errors.As(err, &fe) || fe.Input != tt.in {
				t.Fatalf("error %v is not a *FractionError with Input %q", err, tt.in)
			}
			if !strings.HasPrefix(err.Error(), "quota: ") {
				t.Fatalf("error %q lacks the package prefix", err)
			}
		})
	}
}

func TestNewFraction(t *testing.T) {
	t.Parallel()
	if f, err := quota.NewFraction(6, 4); err != nil || f.Num() != 3 || f.Den() != 2 || f.String() != "3/2" {
		t.Fatalf("NewFraction(6, 4) = %v, %v", f, err)
	}
	for _, c := range []struct {
		n, d int64
		want error
	}{{-1, 2, quota.ErrFractionNegative}, {1, -2, quota.ErrFractionNegative}, {1, 0, quota.ErrZeroDenominator}, {quota.MaxFractionTerm + 1, 1, quota.ErrFractionRange}} {
		if _, err := quota.NewFraction(c.n, c.d); !errors.Is(err, c.want) {
			t.Errorf("NewFraction(%d, %d) error = %v, want %v", c.n, c.d, err, c.want)
		}
	}
	if f, err := quota.NewFraction(2*quota.MaxFractionTerm, 2); err != nil || f.Num() != quota.MaxFractionTerm {
		t.Errorf("NewFraction reduces before the range check: %v, %v", f, err)
	}
	if !quota.Percent(-5).IsZero() || !quota.Ratio(1, 0).IsZero() {
		t.Errorf("Percent(-5) and Ratio(1, 0) must be zero")
	}
}

func TestFractionZeroValue(t *testing.T) {
	t.Parallel()
	var z quota.Fraction
	if !z.IsZero() || z.Num() != 0 || z.Den() != 1 || z.String() != "0" || z.Rat().Sign() != 0 {
		t.Fatalf("zero Fraction = %d/%d %q", z.Num(), z.Den(), z)
	}
	if !z.Equal(quota.Percent(0)) || z.Cmp(quota.Ratio(1, 1000)) != -1 {
		t.Fatalf("zero Fraction compares wrongly")
	}
}

func TestFractionDecimal(t *testing.T) {
	t.Parallel()
	tests := []struct {
		f       quota.Fraction
		places  int32
		dec     string
		percent string
	}{
		{quota.Ratio(1, 3), 1, "0.3", "33.3"},
		{quota.Ratio(2, 3), 1, "0.7", "66.7"},
		{quota.Ratio(771, 2296), 1, "0.3", "33.6"},
		{quota.Ratio(1, 8), 2, "0.13", "12.50"}, // 0.125 rounds half up
		{quota.Ratio(1, 40), 0, "0", "3"},       // 2.5% rounds up to 3
		{quota.Ratio(1, 200), 0, "0", "1"},      // 0.5% rounds up to 1
		{quota.Ratio(1, 2), 0, "1", "50"},
		{quota.Ratio(5, 2), -1, "3", "250"}, // negative places count as 0
	}
	for _, tt := range tests {
		t.Run(tt.f.String(), func(t *testing.T) {
			t.Parallel()
			p := max(tt.places, 0)
			if got := tt.f.Decimal(tt.places).StringFixed(p); got != tt.dec {
				t.Errorf("Decimal(%d) = %s, want %s", tt.places, got, tt.dec)
			}
			if got := tt.f.PercentDecimal(tt.places).StringFixed(p); got != tt.percent {
				t.Errorf("PercentDecimal(%d) = %s, want %s", tt.places, got, tt.percent)
			}
		})
	}
}

func TestFractionJSONRoundTrip(t *testing.T) {
	t.Parallel()
	type rule struct {
		Share     quota.Fraction
		Threshold quota.Threshold
		D         quota.Difference
	}
	in := rule{Share: quota.Percent(15), Threshold: quota.Majority(), D: quota.ElectoralLawDirectSurplus()}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"Share":"15%","Threshold":{"Share":"1/2","Boundary":"more-than"},"D":{"MinShare":"1/3","MinBoundary":"at-least","MaxShare":"1","MinSurplus":0,"MaxSurplus":0,"Steps":null,"EqualAllowed":false,"Source":"docs/rules.md A1"}}`
	if string(b) != want {
		t.Fatalf("json = %s\nwant   %s", b, want)
	}
	var out rule
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	if !out.Share.Equal(in.Share) || out.Share.String() != "15%" || !out.Threshold.Share.Equal(in.Threshold.Share) ||
		out.Threshold.Boundary != in.Threshold.Boundary || !out.D.MinShare.Equal(in.D.MinShare) || !out.D.MaxShare.Equal(in.D.MaxShare) ||
		out.D.MinBoundary != in.D.MinBoundary || out.D.Source != in.D.Source {
		t.Fatalf("round trip: %+v, want %+v", out, in)
	}
	var bad rule
	if err := json.Unmarshal([]byte(`{"Share":"-3%"}`), &bad); !errors.Is(err, quota.ErrFractionNegative) {
		t.Fatalf("decoding -3%%: %v, want ErrFractionNegative", err)
	}
	if err := json.Unmarshal([]byte(`{"Threshold":{"Boundary":"maybe"}}`), &bad); err == nil {
		t.Fatalf("decoding an unknown boundary succeeded")
	}
}

// drawFraction draws a Fraction in any of its written forms.
func drawFraction(t *rapid.T, label string) quota.Fraction {
	switch rapid.IntRange(0, 2).Draw(t, label+" form") {
	case 0:
		return quota.Percent(rapid.Int64Range(0, 100_000).Draw(t, label+" percent"))
	case 1:
		n := rapid.Int64Range(0, quota.MaxFractionTerm).Draw(t, label+" num")
		d := rapid.Int64Range(1, quota.MaxFractionTerm).Draw(t, label+" den")
		return quota.Ratio(n, d)
	}
	s := rapid.StringMatching(`[0-9]{1,6}(\.[0-9]{1,6})?%?`).Draw(t, label+" text")
	f, err := quota.ParseFraction(s)
	if err != nil {
		t.Fatalf("ParseFraction(%q): %v", s, err)
	}
	return f
}

func TestFractionStringRoundTrip(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		f := drawFraction(t, "f")
		g, err := quota.ParseFraction(f.String())
		if err != nil {
			t.Fatalf("ParseFraction(%q): %v", f, err)
		}
		if !g.Equal(f) || g.Num() != f.Num() || g.Den() != f.Den() || g.String() != f.String() {
			t.Fatalf("ParseFraction(%q) = %v (%d/%d), want %d/%d", f, g, g.Num(), g.Den(), f.Num(), f.Den())
		}
		var h quota.Fraction
		b, _ := f.MarshalText()
		if err := h.UnmarshalText(b); err != nil || !h.Equal(f) {
			t.Fatalf("text round trip of %v: %v, %v", f, h, err)
		}
	})
}

func TestFractionOrderMatchesCrossMultiplication(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		f, g := drawFraction(t, "f"), drawFraction(t, "g")
		a := new(big.Int).Mul(big.NewInt(f.Num()), big.NewInt(g.Den()))
		b := new(big.Int).Mul(big.NewInt(g.Num()), big.NewInt(f.Den()))
		want := a.Cmp(b)
		if got := f.Cmp(g); got != want {
			t.Fatalf("%v.Cmp(%v) = %d, want %d", f, g, got, want)
		}
		if got := g.Cmp(f); got != -want {
			t.Fatalf("Cmp is not antisymmetric for %v, %v", f, g)
		}
		if f.Equal(g) != (want == 0) {
			t.Fatalf("%v.Equal(%v) = %t, want %t", f, g, f.Equal(g), want == 0)
		}
		if f.Rat().Cmp(g.Rat()) != want {
			t.Fatalf("Rat disagrees with Cmp for %v, %v", f, g)
		}
	})
}

func FuzzParseFraction(f *testing.F) {
	for _, s := range []string{"15%", "0.2", "1/3", "4/5", "2", "", "-1", "1/0", "%", "abc", "12.5%", "0.000000000001", "9999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := quota.ParseFraction(s)
		if err != nil {
			var fe *quota.FractionError
			if !errors.As(err, &fe) {
				t.Fatalf("ParseFraction(%q): error %v is not a *FractionError", s, err)
			}
			return
		}
		if v.Num() < 0 || v.Den() < 1 || v.Num() > quota.MaxFractionTerm || v.Den() > quota.MaxFractionTerm {
			t.Fatalf("ParseFraction(%q) = %d/%d out of range", s, v.Num(), v.Den())
		}
		w, err := quota.ParseFraction(v.String())
		if err != nil || !w.Equal(v) || w.String() != v.String() {
			t.Fatalf("ParseFraction(%q).String() = %q does not parse back: %v, %v", s, v, w, err)
		}
	})
}

func ExampleParseFraction() {
	for _, s := range []string{"15%", "0.2", "1/3", "2/6", "1/0"} {
		f, err := quota.ParseFraction(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(f, f.Num(), f.Den(), f.PercentDecimal(1).StringFixed(1)+"%")
	}
	// Output:
	// 15% 3 20 15.0%
	// 0.2 1 5 20.0%
	// 1/3 1 3 33.3%
	// 1/3 1 3 33.3%
	// quota: parsing fraction "1/0": zero denominator
}

func BenchmarkParseFraction(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := quota.ParseFraction("12.5%"); err != nil {
			b.Fatal(err)
		}
	}
}

// TestFractionErrorQuotesShortly: the message of a *FractionError quotes at most 32 bytes of a long
// input (cut between characters) and says how long it was; the input itself stays in the error.
func TestFractionErrorQuotesShortly(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("9", 100_000)
	_, err := quota.ParseFraction(long)
	var fe *quota.FractionError
	if !errors.Is(err, quota.ErrFractionRange) || !errors.As(err, &fe) || fe.Input != long {
		t.Fatalf("ParseFraction of 100,000 digits: %v", err)
	}
	if want := `quota: parsing fraction "` + long[:32] + `"… (100000 bytes): value out of range`; err.Error() != want {
		t.Fatalf("message %.200q, want %q", err, want)
	}
	_, err = quota.ParseFraction(strings.Repeat("五", 20)) // 60 bytes: cut after 10 characters
	if want := `quota: parsing fraction "` + strings.Repeat("五", 10) + `"… (60 bytes): value out of range`; err == nil || err.Error() != want {
		t.Fatalf("message %.200q, want %q", err, want)
	}
	in := strings.Repeat("1", 39) + "x" // 40 bytes: quoted whole
	if _, err := quota.ParseFraction(in); err == nil || !strings.Contains(err.Error(), strconv.Quote(in)+":") {
		t.Fatalf("message %q does not quote %q", err, in)
	}
}
