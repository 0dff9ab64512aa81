package gen

import "testing"

// TestReadUnihanOriginal reads an original Unihan file (the tests otherwise read only the
// extract): its version and date from the header, its checksum, the first kTotalStrokes value
// and kTGH, and nothing of the other fields.
func TestReadUnihanOriginal(t *testing.T) {
	text := "# Unihan_IRGSources.txt\n# Date: 2023-07-15 00:00:00 GMT [KL]\n# Unicode version: 15.1.0\n\n" +
		"U+4E00\tkTotalStrokes\t1\nU+4E00\tkRSUnicode\t1.0\nU+4E8C\tkTotalStrokes\t2 3\nU+4E8C\tkTGH\t2013:6\n"
	src := Source{Name: "Unihan_IRGSources.txt", Data: []byte(text)}
	u := &unihan{total: map[rune]int{}, tgh: map[rune]int{}}
	if err := u.read(src); err != nil {
		t.Fatal(err)
	}
	want := unihanSource{name: src.Name, sum: sum(src.Data), version: "15.1.0", date: "2023-07-15"}
	if len(u.sources) != 1 || u.sources[0] != want {
		t.Errorf("sources %+v, want %+v", u.sources, want)
	}
	if len(u.total) != 2 || u.total['一'] != 1 || u.total['二'] != 2 || len(u.tgh) != 1 || u.tgh['二'] != 6 {
		t.Errorf("total %v, tgh %v", u.total, u.tgh)
	}
	for _, bad := range []string{"# Date: 2023-07-15\n", "# Unicode version: 15.1.0\nU+4E00 kTotalStrokes 1\n", "# Unicode version: 15.1.0\nU+4E00\tkTGH\t2012:1\n"} {
		u := &unihan{total: map[rune]int{}, tgh: map[rune]int{}}
		if err := u.read(Source{Name: "u.txt", Data: []byte(bad)}); err == nil {
			t.Errorf("%q was read", bad)
		}
	}
}
