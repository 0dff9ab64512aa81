package report_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/chae-go/chae/tally"
	"github.com/chae-go/chae/tally/report"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// TestScenarioGoldens writes the sheet of every scenario in both languages (and the grassroots
// scenario in every form) and compares it with testdata/ (go test -update rewrites them).
func TestScenarioGoldens(t *testing.T) {
	t.Parallel()
	for _, sc := range scenarios(t) {
		forms := map[string]func(*bytes.Buffer, tally.Result, report.Options) error{
			"txt": func(b *bytes.Buffer, r tally.Result, o report.Options) error { return report.Text(b, r, o) },
		}
		if sc.name == "grassroots" || sc.name == "direct" {
			forms["md"] = func(b *bytes.Buffer, r tally.Result, o report.Options) error { return report.Markdown(b, r, o) }
			forms["html"] = func(b *bytes.Buffer, r tally.Result, o report.Options) error { return report.HTML(b, r, o) }
		}
		for ext, write := range forms {
			for _, lang := range []report.Lang{report.English, report.Chinese} {
				var b bytes.Buffer
				if err := write(&b, sc.res, report.Options{Lang: lang, Next: sc.next}); err != nil {
					t.Fatal(err)
				}
				golden(t, filepath.Join("testdata", sc.name+"-"+lang.String()+"."+ext), b.Bytes())
			}
		}
	}
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update writes it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; got:\n%s", path, got)
	}
}

// TestScenariosGiveEveryReason: the golden sheets show every kind of reason.
func TestScenariosGiveEveryReason(t *testing.T) {
	t.Parallel()
	seen := map[tally.ReasonKind]bool{}
	for _, sc := range scenarios(t) {
		for _, d := range sc.res.Decisions {
			for _, r := range d.Reasons {
				seen[r.Kind] = true
			}
		}
	}
	for _, k := range tally.ReasonKinds() {
		if !seen[k] {
			t.Errorf("no scenario gives a %v reason", k)
		}
	}
}

var (
	digestRe = regexp.MustCompile(`sha256:[0-9a-f]{64}`)
	ruleRe   = regexp.MustCompile(`docs/rules\.md [A-F][0-9]+`)
	styleRe  = regexp.MustCompile(`(?s)<style>.*?</style>`)
	tagRe    = regexp.MustCompile(`<[^>]*>`)
	latinRe  = regexp.MustCompile(`[\p{Latin}]+`)
)

// TestChineseSheetsHaveNoEnglish walks every golden Chinese sheet (text, Markdown and HTML, of the
// scenarios here and of examples/count) and fails on a word in Latin letters other than the
// names of candidates and written-in persons spelled in Latin letters, the record digest, and the
// rows of docs/rules.md cited.
func TestChineseSheetsHaveNoEnglish(t *testing.T) {
	t.Parallel()
	allowed := map[string]bool{}
	results := []tally.Result{sampleResult(t)}
	for _, sc := range scenarios(t) {
		results = append(results, sc.res)
	}
	for _, r := range results {
		for _, d := range r.Decisions {
			for _, st := range d.Standings {
				for _, w := range latinRe.FindAllString(st.Name, -1) {
					allowed[w] = true
				}
			}
		}
	}
	var files []string
	for _, pattern := range []string{"testdata/*-zh.*", "../../examples/count/testdata/golden/*-zh.*", "../../examples/count/testdata/golden/*-zh.html"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	slices.Sort(files)
	files = slices.Compact(files)
	if len(files) < 12 {
		t.Fatalf("only %d Chinese sheets found: %v", len(files), files)
	}
	for _, f := range files {
		if strings.HasPrefix(filepath.Base(f), "json") {
			continue // the record, not a sheet
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		if strings.HasSuffix(f, ".html") {
			text = html.UnescapeString(tagRe.ReplaceAllString(styleRe.ReplaceAllString(text, ""), " "))
		}
		text = ruleRe.ReplaceAllString(digestRe.ReplaceAllString(text, ""), "")
		for _, w := range latinRe.FindAllString(text, -1) {
			if !allowed[w] {
				i := strings.Index(text, w)
				t.Errorf("%s: Latin word %q in %q", f, w, text[max(0, i-40):min(len(text), i+40)])
				break
			}
		}
	}
}

// TestChineseRenderingKeepsTheRecord: a chae.election/2 record, read back and worded in Chinese in
// every form, still verifies, with the same bytes and digest.
func TestChineseRenderingKeepsTheRecord(t *testing.T) {
	t.Parallel()
	for _, sc := range scenarios(t) {
		b, err := json.Marshal(sc.res)
		if err != nil {
			t.Fatal(err)
		}
		var back tally.Result
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("%s: %v", sc.name, err)
		}
		o := report.Options{Lang: report.Chinese, Next: sc.next}
		var sheet bytes.Buffer
		for _, write := range []func(*bytes.Buffer, tally.Result, report.Options) error{
			func(w *bytes.Buffer, r tally.Result, o report.Options) error { return report.Text(w, r, o) },
			func(w *bytes.Buffer, r tally.Result, o report.Options) error { return report.Markdown(w, r, o) },
			func(w *bytes.Buffer, r tally.Result, o report.Options) error { return report.HTML(w, r, o) },
		} {
			if err := write(&sheet, back, o); err != nil {
				t.Fatal(err)
			}
		}
		for _, d := range back.Decisions {
			for _, s := range report.Reasons(back, d, report.Chinese) {
				if !strings.Contains(sheet.String(), s) {
					t.Errorf("%s: the sheet lacks %q", sc.name, s)
				}
			}
		}
		if err := back.Verify(); err != nil {
			t.Errorf("%s: the record does not verify after its reasons were worded in Chinese: %v", sc.name, err)
		}
		b2, _ := json.Marshal(back)
		if !bytes.Equal(b, b2) || back.Digest() != sc.res.Digest() || !strings.Contains(sheet.String(), sc.res.Digest()) {
			t.Errorf("%s: the record changed", sc.name)
		}
	}
}

// TestRecordHoldsNoSentence: no sentence of the English sheet is in the record, so that no
// wording is covered by the digest.
func TestRecordHoldsNoSentence(t *testing.T) {
	t.Parallel()
	for _, sc := range scenarios(t) {
		b, err := json.Marshal(sc.res)
		if err != nil {
			t.Fatal(err)
		}
		// Names are data: the phrases between them are the report's.
		var names []string
		for _, d := range sc.res.Decisions {
			for _, st := range d.Standings {
				names = append(names, st.Name)
			}
		}
		slices.SortFunc(names, func(a, b string) int { return len(b) - len(a) })
		for _, d := range sc.res.Decisions {
			for _, s := range report.Reasons(sc.res, d, report.English) {
				for _, n := range names {
					s = strings.ReplaceAll(s, n, "|")
				}
				for _, part := range strings.Split(s, "|") {
					words := strings.Fields(part)
					for i := 0; i+3 <= len(words); i++ {
						if phrase := strings.Join(words[i:i+3], " "); bytes.Contains(b, []byte(phrase)) {
							t.Errorf("%s: the record holds %q, of %q", sc.name, phrase, s)
						}
					}
				}
			}
		}
	}
}
