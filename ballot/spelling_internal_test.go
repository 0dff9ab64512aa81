package ballot

import "testing"

// TestShortSpellingsIndexed: the Reader's fast path finds every short spelling of a table by its
// first byte (lead), and finds the written symbol first in its group.
func TestShortSpellingsIndexed(t *testing.T) {
	t.Parallel()
	ext, err := DefaultSpellings().WithMark(For, "√", "✓", "是", "ok", "○○")
	if err != nil {
		t.Fatal(err)
	}
	for name, tab := range map[string]*spellTable{"default": defaultTable, "extended": ext.table()} {
		find := func(f string) (int, bool) {
			key := pack([]byte(f + ","))
			i := tab.lead[f[0]]
			if i == 0 {
				return 0, false
			}
			for j := int(i - 1); j < len(tab.short) && byte(tab.short[j].key) == f[0]; j++ {
				if tab.short[j].key == key {
					return j, true
				}
			}
			return 0, false
		}
		for f, m := range tab.marks {
			if len(f) < 2 || len(f) > 4 {
				continue
			}
			j, ok := find(f)
			if !ok || tab.short[j].m != m {
				t.Errorf("%s: short spelling %q (%v) not found by its first byte", name, f, m)
			}
		}
		for m := range markSpellings {
			if sym := markSpellings[m].written[MarkSymbols]; sym != "" {
				if j, ok := find(sym); !ok || int(tab.lead[sym[0]]-1) != j {
					t.Errorf("%s: the written symbol %q is not first among its first byte", name, sym)
				}
			}
		}
	}
}
