package report_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/internal/table"
	"github.com/chae-go/chae/tally"
	"github.com/chae-go/chae/tally/count"
	"github.com/chae-go/chae/tally/report"
)

// smallElection decides a committee election of 2 seats from 3 candidates in one round.
func smallElection(t testing.TB) tally.Result {
	slate := ballot.Slate{Office: "Branch committee", Seats: 2, Candidates: []ballot.Candidate{
		{ID: "c1", Name: "Li Wei"}, {ID: "c2", Name: "Wang Fang"}, {ID: "c3", Name: "Zhang Min"},
	}}
	e, err := tally.NewElection(slate, tally.CPCGrassrootsCommittee())
	if err != nil {
		t.Fatal(err)
	}
	var ballots []ballot.Ballot
	add := func(n int, marks ...ballot.Mark) {
		for range n {
			ballots = append(ballots, ballot.Ballot{Marks: marks})
		}
	}
	F, A, X := ballot.For, ballot.Against, ballot.Abstain
	add(6, F, F, A)
	add(2, F, A, F)
	add(1, A, F, X)
	add(1, F, F, F) // an over-vote
	counts, err := count.Count(slate, ballots)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.Decide(tally.Turnout{Entitled: 11, Present: 10, Issued: 10}, counts); err != nil {
		t.Fatal(err)
	}
	return e.Result()
}

func ExampleText() {
	res := smallElection(nil) // a decided tally.Result
	var b strings.Builder
	if err := report.Text(&b, res, report.Options{Lang: report.English}); err != nil {
		fmt.Println(err)
		return
	}
	// Print the candidates' table of round 1.
	lines := strings.Split(b.String(), "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "  #  Candidate") {
			fmt.Println(strings.Join(lines[i:i+4], "\n"))
			break
		}
	}
	// Output:
	//   #  Candidate  For  Against  Abstain  Share  Result
	//   1  Li Wei       8        1        0  80.0%  ELECTED (cleared the bar)
	//   2  Wang Fang    7        2        0  70.0%  ELECTED (cleared the bar)
	//   3  Zhang Min    2        6        1  20.0%  not elected (below the bar)
}

func TestHTMLIsSelfContained(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	if err := report.HTML(&b, smallElection(t), report.Options{Lang: report.Chinese}); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, bad := range []string{"<script", "src=", "href=", "@import", "url("} {
		if strings.Contains(page, bad) {
			t.Errorf("page contains %q: not self-contained", bad)
		}
	}
	for _, want := range []string{`<html lang="zh-Hans">`, "<svg", "<line", "当选线 6", "Li Wei", "计票人"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}

func TestHTMLEscapes(t *testing.T) {
	t.Parallel()
	res := smallElection(t)
	res.Slate.Office = `<script>alert("x")</script>`
	var b bytes.Buffer
	if err := report.HTML(&b, res, report.Options{}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "<script>") {
		t.Error("office name not escaped")
	}
}

// TestTextAligned: in the text report every row of the candidates' table is as wide as its
// header, counting a Chinese character as two columns.
func TestTextAligned(t *testing.T) {
	t.Parallel()
	for _, lang := range []report.Lang{report.English, report.Chinese} {
		var b bytes.Buffer
		if err := report.Text(&b, smallElection(t), report.Options{Lang: lang}); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(b.String(), "\n")
		var head int
		for i, l := range lines {
			if strings.HasPrefix(strings.TrimSpace(l), "#") || strings.HasPrefix(strings.TrimSpace(l), "序号") {
				head = i
				break
			}
		}
		// The "Share" column ends at the same display column on every row.
		end := func(l, sub string) int { return table.Width(l[:strings.Index(l, sub)+len(sub)]) }
		want := end(lines[head], map[report.Lang]string{report.English: "Share", report.Chinese: "得票率"}[lang])
		for _, l := range lines[head+1 : head+4] {
			if got := end(l, "%"); got != want {
				t.Errorf("%v: column ends at %d, header at %d:\n%s\n%s", lang, got, want, lines[head], l)
			}
		}
	}
}

func TestParseLang(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]report.Lang{"en": report.English, "zh": report.Chinese, "zh-CN": report.Chinese, "ZH-Hans": report.Chinese} {
		if got, err := report.ParseLang(in); err != nil || got != want {
			t.Errorf("ParseLang(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := report.ParseLang("fr"); !errors.Is(err, report.ErrLang) || strings.Count(err.Error(), "report:") != 1 {
		t.Errorf("ParseLang(fr): %v, want ErrLang", err)
	}
}

// sampleResult decides the three-round sample election of examples/count from its files.
func sampleResult(t *testing.T) tally.Result {
	t.Helper()
	dir := filepath.Join("..", "..", "examples", "count", "testdata")
	f, err := os.Open(filepath.Join(dir, "election.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	def, err := tally.ReadDefinition(f)
	if err != nil {
		t.Fatal(err)
	}
	e, err := tally.NewElection(def.Slate, def.Rules)
	if err != nil {
		t.Fatal(err)
	}
	for i, name := range []string{"round1.csv", "round2.csv", "round3.csv"} {
		round := e.Next()
		bf, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		r := ballot.NewReader(bf)
		r.Candidates = round.Slate.IDs()
		c, err := count.NewCounter(round.Slate)
		if err != nil {
			t.Fatal(err)
		}
		for b, err := range r.All() {
			if err != nil {
				t.Fatal(err)
			}
			if err := c.Add(b); err != nil {
				t.Fatal(err)
			}
		}
		bf.Close()
		if _, err := e.Decide(def.Turnout[i], c.Counts()); err != nil {
			t.Fatal(err)
		}
	}
	return e.Result()
}

// TestChartColours (issue 12, item 5): every bar of the chart has its standing's colour; the
// runoff's loser, outranked, was drawn black (fill="").
func TestChartColours(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	if err := report.HTML(&b, sampleResult(t), report.Options{Lang: report.Chinese}); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	if strings.Contains(page, `fill=""`) {
		t.Error("a bar has no colour")
	}
	// Round 3, the runoff: 杨帆 lost to 陈静.
	runoff := page[strings.Index(page, "第3轮"):]
	bar := runoff[strings.Index(runoff, ">杨帆<"):]
	bar = bar[:strings.Index(bar, "/>")]
	if !strings.Contains(bar, `fill="#1565c0"`) {
		t.Errorf("the runoff's loser is drawn %q, want the outranked colour #1565c0", bar)
	}
}
