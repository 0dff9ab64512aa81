package stroke_test

import (
	"bytes"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/chae-go/chae/ballot/stroke/internal/gen"
)

// TestTableReproduced rebuilds table.go from the committed inputs, with no network, and compares it
// byte for byte with the committed file.
func TestTableReproduced(t *testing.T) {
	got := table(t).GoSource("stroke")
	want, err := os.ReadFile("table.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Fatalf("table.go is not what the generator writes (run go generate); line %d:\n got %s\nwant %s", i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("table.go is not what the generator writes (run go generate): %d lines, generator %d", len(wl), len(gl))
	}
}

// TestLicences checks that the committed licence of cnchar-order is the one in its tarball.
func TestLicences(t *testing.T) {
	b, err := os.ReadFile(gen.LicenceCnchar)
	if err != nil {
		t.Fatal(err)
	}
	if lic := table(t).Licence(); lic == "" || string(b) != lic {
		t.Errorf("%s differs from the LICENSE of the tarball", gen.LicenceCnchar)
	}
	if b, err := os.ReadFile(gen.LicenceUnicode); err != nil || !bytes.Contains(b, []byte("UNICODE, INC. LICENSE AGREEMENT")) {
		t.Errorf("%s: %v", gen.LicenceUnicode, err)
	}
}

// TestOverrides checks that every line of overrides.txt has an effect a test can see: a corrected
// sequence or count differs from the source's, and an order line is the order of the table.
func TestOverrides(t *testing.T) {
	tab := table(t)
	raw, _, _, err := gen.Seqs(committedSource(t))
	if err != nil {
		t.Fatal(err)
	}
	pos := map[rune]int{}
	for i, r := range tab.Order {
		pos[r] = i
	}
	for _, o := range tab.Overrides {
		switch o.Verb {
		case "seq":
			if tab.Seq[o.Chars[0]] != o.Arg {
				t.Errorf("line %d: %c has %s", o.Line, o.Chars[0], tab.Seq[o.Chars[0]])
			}
			if raw[o.Chars[0]] == o.Arg && !strings.Contains(o.Reason, "Unihan") {
				t.Errorf("line %d: %c: cnchar's own sequence, and no count disagreement with Unihan settled", o.Line, o.Chars[0])
			}
		case "count":
			if got := tab.Count[o.Chars[0]]; o.Arg != strconv.Itoa(got) {
				t.Errorf("line %d: %c has %d strokes", o.Line, o.Chars[0], got)
			}
		case "order":
			for i := 1; i < len(o.Chars); i++ {
				if pos[o.Chars[i-1]] >= pos[o.Chars[i]] {
					t.Errorf("line %d: %c is not before %c", o.Line, o.Chars[i-1], o.Chars[i])
				}
			}
		}
	}
}

func committedSource(t *testing.T) gen.Source {
	in, err := committedInputs()
	if err != nil {
		t.Fatal(err)
	}
	return in.Cnchar
}
