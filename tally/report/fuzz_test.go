package report_test

import (
	"bytes"
	"io"
	"regexp"
	"testing"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/tally"
	"github.com/chae-go/chae/tally/count"
	"github.com/chae-go/chae/tally/report"
)

// entity is what an '&' of an HTML sheet begins: a named or numeric character reference.
var entity = regexp.MustCompile(`^&(?:[a-zA-Z]+|#[0-9]+|#x[0-9a-fA-F]+);`)

// FuzzReport: any office, candidate names and name written in that a slate and a count accept give
// a sheet in every form and language without error or panic; in HTML and Markdown no '<' of theirs
// is left as it is (each begins with "<x-", which no tag of the sheets does), and in HTML every
// '&' begins a character reference; and a sheet's size is bounded by its input's (no form writes
// a name more than a few times a row).
func FuzzReport(f *testing.F) {
	f.Add("Branch committee", "Li Wei", "Wang Fang", "Zhao Liu", uint8(7), uint8(3))
	f.Add("R&D <board>", "<b>Li</b>", "王芳 & \"co\"", "<script>alert(1)</script>", uint8(2), uint8(9))
	f.Add("*_`|[x](y)\\", "a\nb", "&amp;", "&#60;", uint8(0), uint8(0))
	f.Fuzz(func(t *testing.T, office, name1, name2, writeIn string, for1, votes uint8) {
		office, name1, name2, writeIn = "<x-"+office, "<x-"+name1, "<x-"+name2, ballot.MatchKey("<x-"+writeIn)
		s := ballot.Slate{Office: office, Seats: 1, Candidates: []ballot.Candidate{{ID: "c1", Name: name1}, {ID: "c2", Name: name2}}}
		rules := tally.CPCGrassrootsCommittee()
		rules.WriteIns = true
		e, err := tally.NewElection(s, rules)
		if err != nil {
			return // a slate that does not validate: no sheet
		}
		valid := 10
		f1, v := int(for1)%(valid+1), int(votes)%(valid+1)
		c := count.Counts{Ballots: valid, Valid: valid, Candidates: []count.CandidateCount{
			{ID: "c1", For: f1, Against: valid - f1}, {ID: "c2", Against: valid}}}
		if f1+v <= valid && v > 0 {
			c.WriteIns = []count.WriteInCount{{Name: writeIn, Votes: v}}
		}
		if _, err := e.Decide(tally.Turnout{Entitled: valid, Present: valid, Issued: valid}, c); err != nil {
			return // a name written in that cannot be counted
		}
		res := e.Result()
		in := len(office) + len(name1) + len(name2) + len(writeIn)
		for _, lang := range []report.Lang{report.English, report.Chinese} {
			for _, form := range []struct {
				name  string
				write func(io.Writer, tally.Result, report.Options) error
			}{{"text", report.Text}, {"markdown", report.Markdown}, {"html", report.HTML}} {
				var b bytes.Buffer
				round := e.Next()
				if err := form.write(&b, res, report.Options{Lang: lang, Next: &round}); err != nil {
					t.Fatalf("%s %v: %v", form.name, lang, err)
				}
				out := b.Bytes()
				if form.name != "text" && bytes.Contains(out, []byte("<x-")) {
					t.Fatalf("%s %v: a name's '<' is not escaped:\n%s", form.name, lang, out)
				}
				if form.name == "html" {
					for i := bytes.IndexByte(out, '&'); i >= 0; i = nextAmp(out, i) {
						if !entity.Match(out[i:]) {
							t.Fatalf("html %v: a bare '&' at %d: %q", lang, i, out[i:min(i+20, len(out))])
						}
					}
				}
				if len(out) > 64<<10+40*in {
					t.Fatalf("%s %v: %d bytes for %d bytes of names", form.name, lang, len(out), in)
				}
			}
		}
	})
}

// nextAmp returns the offset of the next '&' in b after i, or -1.
func nextAmp(b []byte, i int) int {
	j := bytes.IndexByte(b[i+1:], '&')
	if j < 0 {
		return -1
	}
	return i + 1 + j
}
