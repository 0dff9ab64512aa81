package report_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/tally/nominate"
	"github.com/chae-go/chae/tally/report"
)

func figs(kv ...int) []nominate.Figure {
	out := make([]nominate.Figure, len(kv)/2)
	for i := range out {
		out[i] = nominate.Figure{Kind: nominate.FigureKind(kv[2*i]), Value: kv[2*i+1]}
	}
	return out
}

var nominationNames = map[string]string{"p1": "李希", "p2": "王毅", "p3": "丁薛祥"}

func nameOf(key string) string { return nominationNames[key] }

// Each reason kind, worded in both languages from its values, exactly.
func TestNominationReason(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name   string
		r      nominate.Reason
		en, zh string
	}{
		{"cut", nominate.Reason{Kind: nominate.ReasonCut, Org: "u1", Rule: "docs/rules.md G5",
			Figures: figs(int(nominate.FigPlaces), 3, int(nominate.FigMin), 4, int(nominate.FigMax), -1, int(nominate.FigPassers), 9, int(nominate.FigListed), 4)},
			"u1: 4 of 9 eligible listed for 3 places (at least 4, no most). [docs/rules.md G5]",
			"u1：按3个名额，在符合条件的9名人选中确定4名（不少于4名，不设上限）。〔docs/rules.md G5〕"},
		{"tie", nominate.Reason{Kind: nominate.ReasonTie, Persons: []string{"p1", "p2"},
			Figures: figs(int(nominate.FigRank), 5, int(nominate.FigPlaces), 1)},
			"李希 and 王毅 are tied at rank 5 for 1 place left: the list waits for a decision.",
			"李希、王毅并列第5名，争1个名额，须作出决定。"},
		{"tie settled", nominate.Reason{Kind: nominate.ReasonTieSettled, Persons: []string{"p2", "p1"}, Ground: nominate.OtherGround,
			Ref: "lot 3", Figures: figs(int(nominate.FigPlaces), 1)},
			"A recorded decision orders the tied: 王毅, 李希, for 1 place (other ground, lot 3).",
			"并列人选按记录的决定排序：王毅、李希，确定1名（其他原因，lot 3）。"},
		{"vetoed", nominate.Reason{Kind: nominate.ReasonVetoed, Persons: []string{"p3"}, Ground: nominate.Integrity, Ref: "review 7"},
			"丁薛祥 removed by vetting (a finding of the integrity review, review 7).",
			"丁薛祥经审核把关被否决（廉洁审核发现问题，review 7）。"},
		{"replaced", nominate.Reason{Kind: nominate.ReasonReplaced, Persons: []string{"p1"}},
			"李希 listed in place of the removed, next in rank.",
			"按排名依次递补李希。"},
		{"notice", nominate.Reason{Kind: nominate.ReasonNotice, Figures: figs(int(nominate.FigDays), 5, int(nominate.FigRequired), 5)},
			"The list was made public for 5 days as its calendar counts them, 5 required.",
			"人选公示5天（按公示所用的计日方法，不少于5天）。"},
		{"objection upheld", nominate.Reason{Kind: nominate.ReasonObjectionUpheld, Persons: []string{"p2"}, Ground: nominate.PublicNotice, Ref: "letter 2"},
			"An objection to 王毅 was upheld (a finding of the public notice, letter 2): removed.",
			"对王毅的反映经核实属实（公示中反映问题属实，letter 2），取消其人选资格。"},
		{"short", nominate.Reason{Kind: nominate.ReasonShort, Org: "b1",
			Figures: figs(int(nominate.FigMin), 6, int(nominate.FigListed), 4, int(nominate.FigMissing), 2)},
			"b1: 4 listed of the 6 required: 2 short.",
			"b1：仅确定4名，少于应有的6名，缺2名。"},
		{"difference", nominate.Reason{Kind: nominate.ReasonDifference, Rule: "docs/rules.md D1",
			Figures: figs(int(nominate.FigSeats), 46, int(nominate.FigCandidates), 53, int(nominate.FigMin), 53, int(nominate.FigMax), -1,
				int(nominate.FigFromAbove), 2, int(nominate.FigInBase), 0)},
			"53 candidates for 46 seats: the difference rule asks at least 53; 2 nominated from above and as many seats left out of the base. [docs/rules.md D1]",
			"应选46名，候选人53名；差额规则要求不少于53名；上级提名2名，与相应名额不计入差额基数。〔docs/rules.md D1〕"},
		{"unknown person", nominate.Reason{Kind: nominate.ReasonVetoed, Persons: []string{"X-17"}, Ground: nominate.Political},
			"X-17 removed by vetting (politically unqualified).",
			"X-17经审核把关被否决（政治上不合格）。"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := report.NominationReason(tc.r, report.English, nameOf); got != tc.en {
				t.Errorf("English:\n got %s\nwant %s", got, tc.en)
			}
			if got := report.NominationReason(tc.r, report.Chinese, nameOf); got != tc.zh {
				t.Errorf("Chinese:\n got %s\nwant %s", got, tc.zh)
			}
		})
	}
}

// Every reason kind has words in both languages (none falls back to its stable name), and the
// Chinese words hold no Latin letters but the values themselves (keys, references, citations).
func TestNominationReasonEveryKind(t *testing.T) {
	t.Parallel()
	latin := regexp.MustCompile(`[A-Za-z]`)
	grounds := []nominate.Ground{nominate.NoGround}
	for g := nominate.Political; ; g++ {
		if _, err := g.MarshalText(); err != nil {
			break
		}
		grounds = append(grounds, g)
	}
	for k := nominate.ReasonKind(1); ; k++ {
		if _, err := k.MarshalText(); err != nil {
			if k < 19 {
				t.Fatalf("only %d reason kinds", k-1)
			}
			break
		}
		for _, g := range grounds {
			r := nominate.Reason{Kind: k, Org: "", Persons: []string{"p1", "p2"}, Ground: g,
				Figures: figs(int(nominate.FigPlaces), 2, int(nominate.FigMax), 3, int(nominate.FigFromAbove), 1)}
			en := report.NominationReason(r, report.English, nameOf)
			zh := report.NominationReason(r, report.Chinese, nameOf)
			if en == k.String() || zh == k.String() {
				t.Errorf("%s: no words (%q, %q)", k, en, zh)
			}
			if en == zh {
				t.Errorf("%s: the same words in both languages: %q", k, en)
			}
			if latin.MatchString(zh) {
				t.Errorf("%s, ground %q: Latin letters in the Chinese words: %s", k, g, zh)
			}
			if !strings.HasSuffix(en, ".") || !strings.HasSuffix(zh, "。") {
				t.Errorf("%s: not a sentence: %q, %q", k, en, zh)
			}
		}
	}
}

// The reasons of a real nomination — the three-level example of package nominate, cut short —
// all have words.
func TestNominationReasonsOfARecord(t *testing.T) {
	t.Parallel()
	tree, err := nominate.NewTree([]nominate.Org{
		{ID: "unit", Kind: nominate.ElectionUnit, Places: 2},
		{ID: "b1", Parent: "unit", Members: 4},
		{ID: "b2", Parent: "unit", Members: 3},
	})
	if err != nil {
		t.Fatal(err)
	}
	reg := nominate.NewRegistry()
	for key, name := range nominationNames {
		if _, err := reg.Register(ballot.Candidate{ID: key, Name: name}); err != nil {
			t.Fatal(err)
		}
	}
	sheets, err := nominate.ReadSheets(strings.NewReader("org,names\nb1,p1,p2\nb1,p1,p3\nb1,p2\nb1,p3\nb2,p1,p2\nb2,p3\nb2,p3\n"),
		tree, reg, nominate.BallotRule{Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	n, err := nominate.New(tree, reg, 2, nominate.Options{})
	if err != nil {
		t.Fatal(err)
	}
	unit := nominate.Rule{Size: nominate.Full(), Source: "docs/rules.md G5"}
	up := nominate.Up{Rules: nominate.Rules{Default: unit}, Sheets: sheets}
	p, err := n.Up(up)
	if err != nil {
		t.Fatal(err)
	}
	var reasons []nominate.Reason
	for _, nd := range p.Nodes {
		reasons = append(reasons, nd.Reasons...)
	}
	if p.Root().Tie == nil {
		t.Fatal("no tie at the unit")
	}
	up.Decisions = []nominate.Decision{{Org: "unit", Op: nominate.OpOrder, Persons: []string{"p2", "p1"}, Ref: "minutes 1"}}
	if p, err = n.Redo(up); err != nil {
		t.Fatal(err)
	}
	reasons = append(reasons, p.Root().Reasons...)
	sl, err := n.Narrow(nominate.Inspected, nominate.ListRule{Size: nominate.Full()}, nil)
	if err != nil {
		t.Fatal(err)
	}
	reasons = append(reasons, sl.Reasons...)
	kinds := map[nominate.ReasonKind]bool{}
	for _, r := range reasons {
		kinds[r.Kind] = true
	}
	if !kinds[nominate.ReasonTie] || !kinds[nominate.ReasonTieSettled] || !kinds[nominate.ReasonCut] {
		t.Errorf("reasons %v", reasons)
	}
	if len(reasons) < 3 {
		t.Fatalf("%d reasons", len(reasons))
	}
	for _, r := range reasons {
		for _, lang := range []report.Lang{report.English, report.Chinese} {
			if got := report.NominationReason(r, lang, nameOf); got == r.Kind.String() || strings.Contains(got, "p1") {
				t.Errorf("%s (%s): %q", r, lang, got)
			}
		}
	}
}

func TestNominationFunnel(t *testing.T) {
	t.Parallel()
	f := nominate.Funnel{Recommended: 66, Inspected: 43, Preliminary: 38, Candidates: 38, Seats: 33}
	if got, want := report.NominationFunnel(f, report.English), "66 recommended → 43 inspected → 38 preliminary candidates → 38 candidates for 33 seats"; got != want {
		t.Errorf("English:\n got %s\nwant %s", got, want)
	}
	if got, want := report.NominationFunnel(f, report.Chinese), "推荐人选66名 → 考察对象43名 → 初步人选38名 → 候选人38名（应选33名）"; got != want {
		t.Errorf("Chinese:\n got %s\nwant %s", got, want)
	}
	f = nominate.Funnel{Recommended: 9, Prospective: 5, Candidates: 6, FromAbove: 1, Seats: 1}
	if got, want := report.NominationFunnel(f, report.English), "9 recommended → 5 prospective candidates → 6 candidates for 1 seat (1 nominated from above)"; got != want {
		t.Errorf("English:\n got %s\nwant %s", got, want)
	}
	if got, want := report.NominationFunnel(f, report.Chinese), "推荐人选9名 → 预备人选5名 → 候选人6名（应选1名，其中上级提名1名）"; got != want {
		t.Errorf("Chinese:\n got %s\nwant %s", got, want)
	}
}

// A vetting removal and its replacement, as the nomination records them, in both languages.
func ExampleNominationReason() {
	names := map[string]string{"P17": "王毅", "P23": "李希"}
	name := func(key string) string { return names[key] }
	for _, r := range []nominate.Reason{
		{Kind: nominate.ReasonVetoed, Persons: []string{"P17"}, Ground: nominate.Integrity, Ref: "review 3"},
		{Kind: nominate.ReasonReplaced, Persons: []string{"P23"}},
	} {
		fmt.Println(report.NominationReason(r, report.English, name))
		fmt.Println(report.NominationReason(r, report.Chinese, name))
	}
	fmt.Println(report.NominationFunnel(nominate.Funnel{Recommended: 66, Inspected: 43, Preliminary: 38, Seats: 33}, report.English))
	// Output:
	// 王毅 removed by vetting (a finding of the integrity review, review 3).
	// 王毅经审核把关被否决（廉洁审核发现问题，review 3）。
	// 李希 listed in place of the removed, next in rank.
	// 按排名依次递补李希。
	// 66 recommended → 43 inspected → 38 preliminary candidates for 33 seats
}
