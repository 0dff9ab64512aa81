package stroke_test

import (
	"errors"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/chae-go/chae/ballot/stroke/internal/gen"
)

// committedInputs reads the generator's committed inputs.
func committedInputs() (gen.Inputs, error) {
	var in gen.Inputs
	var errs []error
	read := func(name string) gen.Source {
		b, err := os.ReadFile(name)
		errs = append(errs, err)
		return gen.Source{Name: gen.Base(name), Data: b}
	}
	in.Cnchar = read("testdata/cnchar-order-3.2.6.tgz")
	in.Unihan = []gen.Source{read(gen.ExtractPath)}
	in.Overrides = read("overrides.txt")
	return in, errors.Join(errs...)
}

var builtTable = sync.OnceValues(func() (*gen.Table, error) {
	in, err := committedInputs()
	if err != nil {
		return nil, err
	}
	return gen.Build(in)
})

// table returns the table built from the committed inputs (once per test binary).
func table(t testing.TB) *gen.Table {
	t.Helper()
	tab, err := builtTable()
	if err != nil {
		t.Fatal(err)
	}
	return tab
}

// list is one published list of testdata/lists.txt.
type list struct {
	title, source, date string
	names               []string
}

func readLists(t testing.TB) []list {
	t.Helper()
	b, err := os.ReadFile("testdata/lists.txt")
	if err != nil {
		t.Fatal(err)
	}
	var out []list
	for _, l := range strings.Split(string(b), "\n") {
		switch {
		case strings.HasPrefix(l, "## "):
			out = append(out, list{title: strings.TrimPrefix(l, "## ")})
		case len(out) > 0 && strings.HasPrefix(l, "# source: "):
			out[len(out)-1].source = strings.TrimPrefix(l, "# source: ")
		case len(out) > 0 && strings.HasPrefix(l, "# date: "):
			out[len(out)-1].date = strings.TrimPrefix(l, "# date: ")
		case l == "" || strings.HasPrefix(l, "#"):
		default:
			if len(out) == 0 {
				t.Fatalf("lists.txt: name %q before the first list", l)
			}
			out[len(out)-1].names = append(out[len(out)-1].names, l)
		}
	}
	return out
}

func sign(c int) int {
	switch {
	case c < 0:
		return -1
	case c > 0:
		return 1
	}
	return 0
}
