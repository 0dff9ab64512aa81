package stroke

import (
	"testing"
	"unicode/utf8"
)

// TestFastDecode checks the inline decoding of U+4E00..U+9FFF against unicode/utf8 on every
// sequence of a lead byte 0xE0..0xEF and two following bytes, valid or not.
func TestFastDecode(t *testing.T) {
	for lead := 0xE0; lead <= 0xEF; lead++ {
		for c1 := 0; c1 < 256; c1++ {
			for _, c2 := range []int{0x00, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF} {
				s := string([]byte{byte(lead), byte(c1), byte(c2)})
				r, n := utf8.DecodeRuneInString(s)
				want := weight(r)
				if r == utf8.RuneError && n == 1 {
					want = invalidTier | uint32(lead)
				}
				if got, gn := next(s, 0); got != want || gn != n {
					t.Fatalf("next(% x) = %08x, %d; want %08x, %d", s, got, gn, want, n)
				}
				if k, w, j := token(s, 0); k != tokChar && k != tokSpace && k != tokDot || (k == tokChar && (w != want || j != n)) {
					t.Fatalf("token(% x) = %d, %08x, %d; want %08x, %d", s, k, w, j, want, n)
				}
			}
		}
	}
}

// TestWeightTiers checks the documented order of the tiers of weights.
func TestWeightTiers(t *testing.T) {
	order := []uint32{blank, weight(' '), weight('\u3000'), weight('丁'), weight('卐'), weight('龘'), weight('𪚥'), weight('A'), invalidTier | 0x80}
	for i := 1; i < len(order); i++ {
		if order[i-1] >= order[i] {
			t.Errorf("tier %d (%08x) >= tier %d (%08x)", i-1, order[i-1], i, order[i])
		}
	}
}
