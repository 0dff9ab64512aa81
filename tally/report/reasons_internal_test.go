package report

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/quota"
	"github.com/chae-go/chae/tally"
	"github.com/chae-go/chae/tally/count"
)

// sampleReason returns a reason of the kind with the candidates and figures the kind documents.
func sampleReason(k tally.ReasonKind) tally.Reason {
	r := tally.Reason{Kind: k, Rule: "docs/rules.md B8"}
	two := []string{"a", "b"}
	switch k {
	case tally.ReasonQuorumMet, tally.ReasonNoQuorum, tally.ReasonQuorumWaived,
		tally.ReasonTurnoutMet, tally.ReasonTurnoutShort, tally.ReasonTurnoutWaived:
		r.Figures = tally.Figures{Entitled: 50, Present: 40, Share: quota.Ratio(4, 5), Needed: 41, Rounds: 1}
	case tally.ReasonPollValid, tally.ReasonPollVoid:
		r.Figures = tally.Figures{Returned: 46, Valid: 44, Invalid: 1, Spoiled: 1, Limit: 45, Base: tally.OfIssued}
	case tally.ReasonBar:
		r.Figures = tally.Figures{Share: quota.Ratio(1, 3), Boundary: quota.AtLeast, Base: tally.OfReturned, BaseFigure: 90, Needed: 30}
	case tally.ReasonWriteInSameName:
		r.Candidates, r.Figures = []string{tally.WriteInPrefix + "Li Wei", "a"}, tally.Figures{Votes: 3}
	case tally.ReasonTie, tally.ReasonTieByAge, tally.ReasonSameBirthDate, tally.ReasonLots, tally.ReasonRunoff:
		r.Candidates, r.Figures = two, tally.Figures{Votes: 24, Seats: 1}
	case tally.ReasonNoBirthDate:
		r.Candidates = []string{tally.WriteInPrefix + "Sun Yue"}
	case tally.ReasonElected, tally.ReasonSupplementary:
		r.Candidates, r.Figures = two, tally.Figures{VotesOf: []int{43, 40}, Seats: 2}
	case tally.ReasonShortfall:
		r.Figures = tally.Figures{Cleared: 1, Seats: 2, Missing: 1}
	case tally.ReasonListNoSurplus:
		r.Candidates, r.Figures = []string{"a"}, tally.Figures{Seats: 1}
	case tally.ReasonListTie:
		r.Candidates, r.Figures = []string{"a", "b", "c"}, tally.Figures{VotesOf: []int{680, 600, 600}, Listed: 1, Places: 1, Seats: 1}
	case tally.ReasonRoundsExhausted:
		r.Figures = tally.Figures{Rounds: 1, Missing: 1}
	}
	return r
}

// latinWord finds a word in Latin letters.
var latinWord = regexp.MustCompile(`[A-Za-z]+`)

// TestEveryReasonKindWorded walks every reason kind: each has a wording in both languages, for a
// meeting and for an election by voters, for an election and a preliminary one; the words are not
// empty, name the candidates and end with the rule; the Chinese has no Latin word but the names,
// the rule's citation and the write-in's name.
func TestEveryReasonKindWorded(t *testing.T) {
	t.Parallel()
	for _, k := range tally.ReasonKinds() {
		for _, lang := range []Lang{English, Chinese} {
			if wordings[lang][k] == nil {
				t.Errorf("%v: no %v wording", k, lang)
				continue
			}
			for _, voters := range []bool{false, true} {
				for _, prelim := range []bool{false, true} {
					s := &say{lang: lang, names: map[string]string{"a": "王芳", "b": "李强", "c": "张敏"}, voters: voters, preliminary: prelim}
					r := sampleReason(k)
					got := s.sentence(r)
					text := strings.TrimSuffix(strings.TrimSuffix(got, "〔docs/rules.md B8〕"), " [docs/rules.md B8]")
					if text == got || strings.TrimSpace(text) == "" || text == k.String() {
						t.Errorf("%v %v: %q", k, lang, got)
					}
					for _, id := range r.Candidates {
						if !strings.Contains(got, s.name(id)) {
							t.Errorf("%v %v: %q does not name %q", k, lang, got, s.name(id))
						}
					}
					if lang == Chinese {
						for _, w := range latinWord.FindAllString(strings.NewReplacer("Li Wei", "", "Sun Yue", "", "docs/rules.md", "").Replace(got), -1) {
							if w != "B" {
								t.Errorf("%v: Chinese %q has the Latin word %q", k, got, w)
							}
						}
					}
				}
			}
		}
	}
}

// TestEnglishPlurals: one of a thing is singular, and "only 0" is never said.
func TestEnglishPlurals(t *testing.T) {
	t.Parallel()
	s := &say{lang: English, names: map[string]string{"a": "A"}}
	tests := []struct {
		r    tally.Reason
		want string
	}{
		{tally.Reason{Kind: tally.ReasonShortfall, Figures: tally.Figures{Cleared: 0, Seats: 1, Missing: 1}},
			"No candidate cleared the bar for 1 seat: 1 seat stays open, not filled from those below the bar."},
		{tally.Reason{Kind: tally.ReasonShortfall, Figures: tally.Figures{Cleared: 1, Seats: 3, Missing: 2}},
			"1 candidate cleared the bar for 3 seats: 2 seats stay open, not filled from those below the bar."},
		{tally.Reason{Kind: tally.ReasonPollValid, Figures: tally.Figures{Returned: 1, Valid: 1, Limit: 1, Base: tally.OfIssued}},
			"1 ballot was returned (1 valid, 0 invalid, 0 spoiled), no more than the 1 ballot issued: the poll is valid."},
		{tally.Reason{Kind: tally.ReasonBar, Figures: tally.Figures{Base: tally.OfPresent, BaseFigure: 1, Needed: 1}},
			"To be elected a candidate needs at least 1 For vote."},
		{tally.Reason{Kind: tally.ReasonBar, Figures: tally.Figures{Share: quota.Ratio(1, 2), Base: tally.OfPresent, BaseFigure: 46, Needed: 24}},
			"To be elected a candidate needs more than half of those present (46): at least 24 For votes."},
		{tally.Reason{Kind: tally.ReasonRoundsExhausted, Figures: tally.Figures{Rounds: 1, Missing: 1}},
			"The rules allow no more than 1 supplementary round: 1 seat stays empty."},
		{tally.Reason{Kind: tally.ReasonNoQuorum, Figures: tally.Figures{Entitled: 10, Present: 1, Share: quota.Ratio(1, 2), Needed: 6}},
			"1 of the 10 entitled to vote is present, not more than half of them (6 needed): the quorum is not met, and the round does not take place; it is held again."},
		{tally.Reason{Kind: tally.ReasonTurnoutShort, Figures: tally.Figures{Entitled: 100, Present: 50, Share: quota.Ratio(1, 2), Needed: 51}},
			"50 of the 100 registered voters voted, not more than half of them (51 needed): the election is not valid, and is held again."},
	}
	for _, tc := range tests {
		if got := s.sentence(tc.r); got != tc.want {
			t.Errorf("%v:\n got %q\nwant %q", tc.r.Kind, got, tc.want)
		}
	}
}

// TestRewordingKeepsDigest rewords every English wording and prints the sheet again: the words
// change, the record's digest on it does not. Not parallel: it swaps the package's wordings.
func TestRewordingKeepsDigest(t *testing.T) {
	res := sheetSample(t)
	var before bytes.Buffer
	if err := Text(&before, res, Options{}); err != nil {
		t.Fatal(err)
	}
	saved := wordings[English]
	reworded := map[tally.ReasonKind]wording{}
	for k, w := range saved {
		reworded[k] = func(s *say, r tally.Reason) string { return "Reworded: " + strings.ToLower(w(s, r)) }
	}
	wordings[English] = reworded
	var after bytes.Buffer
	err := Text(&after, res, Options{})
	wordings[English] = saved
	if err != nil {
		t.Fatal(err)
	}
	if before.String() == after.String() || !strings.Contains(after.String(), "Reworded: ") {
		t.Fatal("the rewording changed nothing")
	}
	digest := func(s string) string {
		_, d, _ := strings.Cut(s, "Record digest: ")
		d, _, _ = strings.Cut(d, "\n")
		return d
	}
	if digest(before.String()) != res.Digest() || digest(after.String()) != res.Digest() {
		t.Errorf("digest %q before, %q after, record %q", digest(before.String()), digest(after.String()), res.Digest())
	}
}

// sheetSample decides a small election with a shortfall, for the rewording test.
func sheetSample(t *testing.T) tally.Result {
	t.Helper()
	s := ballot.Slate{Office: "Branch committee", Seats: 2, Candidates: []ballot.Candidate{
		{ID: "a", Name: "Li Wei"}, {ID: "b", Name: "Wang Fang"}, {ID: "c", Name: "Zhang Min"},
	}}
	e, err := tally.NewElection(s, tally.CPCGrassrootsCommittee())
	if err != nil {
		t.Fatal(err)
	}
	c := count.Counts{Ballots: 10, Valid: 10, Candidates: []count.CandidateCount{{ID: "a", For: 8, Against: 2}, {ID: "b", For: 4, Against: 6}, {ID: "c", For: 3, Against: 7}}}
	if _, err := e.Decide(tally.Turnout{Entitled: 11, Present: 10, Issued: 10}, c); err != nil {
		t.Fatal(err)
	}
	return e.Result()
}

// TestPresetNamesInChinese: every preset has a Chinese name, used on Chinese sheets; rules of the
// caller's keep their own name.
func TestPresetNamesInChinese(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	for _, p := range tally.PresetNames() {
		r, err := tally.Preset(p)
		if err != nil {
			t.Fatal(err)
		}
		zh := rulesName(r, Chinese)
		if zh == "" || zh == r.Name || seen[zh] || latinWord.MatchString(zh) {
			t.Errorf("%s: Chinese name %q", p, zh)
		}
		seen[zh] = true
		if rulesName(r, English) != r.Name {
			t.Errorf("%s: English name %q", p, rulesName(r, English))
		}
	}
	if len(presetZH) != len(tally.PresetNames()) {
		t.Errorf("%d Chinese names for %d presets", len(presetZH), len(tally.PresetNames()))
	}
	if got := rulesName(tally.Rules{Name: "Union rules"}, Chinese); got != "Union rules" {
		t.Errorf("the caller's rules named %q", got)
	}
}
