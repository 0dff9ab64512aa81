package chae_test

import (
	"os"
	"strings"
	"testing"
)

// TestReadmeQuickStart keeps the README's quick-start program identical to ExampleCount, whose
// output the tests check, so the README's code compiles and prints what it says.
func TestReadmeQuickStart(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	example, err := os.ReadFile("tally/count/example_count_test.go")
	if err != nil {
		t.Fatal(err)
	}
	block := between(t, string(readme), "func main() {\n", "\n}\n```")
	body := between(t, string(example), "func ExampleCount() {\n", "\t// Output:")
	if strings.TrimSpace(block) != strings.TrimSpace(body) {
		t.Errorf("README quick start differs from ExampleCount:\n--- README\n%s\n--- example\n%s", block, body)
	}
	out := between(t, string(example), "\t// Output:\n", "\n}")
	var want []string
	for _, l := range strings.Split(out, "\n") {
		want = append(want, strings.TrimPrefix(strings.TrimSpace(l), "// "))
	}
	if !strings.Contains(string(readme), "```\n"+strings.Join(want, "\n")+"\n```") {
		t.Errorf("README does not show ExampleCount's output:\n%s", strings.Join(want, "\n"))
	}
}

func between(t *testing.T, s, from, to string) string {
	t.Helper()
	_, after, ok := strings.Cut(s, from)
	if !ok {
		t.Fatalf("%q not found", from)
	}
	in, _, ok := strings.Cut(after, to)
	if !ok {
		t.Fatalf("%q not found after %q", to, from)
	}
	return in
}
