package report

import (
	"strconv"
	"strings"

	"github.com/chae-go/chae/quota"
	"github.com/chae-go/chae/tally"
)

// say holds what the words of a reason need beside the reason itself.
type say struct {
	lang        Lang
	names       map[string]string // candidate ID → name, from the slate and the rounds
	preliminary bool              // "placed on the formal list" rather than "elected"
	voters      bool              // an election by voters (tally.VoterTurnout): no quorum
}

// name returns the name of a candidate, or of a written-in person.
func (s *say) name(id string) string {
	if n, ok := s.names[id]; ok {
		return n
	}
	return strings.TrimPrefix(id, tally.WriteInPrefix)
}

// list names the candidates: "A", "A and B", "A, B and C"; in Chinese "A、B、C".
func (s *say) list(ids []string) string {
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = s.name(id)
	}
	if s.lang == Chinese {
		return strings.Join(names, "、")
	}
	return andList(names)
}

// listVotes names the candidates with their votes: "A (43), B (40)"; "A（43票）、B（40票）".
func (s *say) listVotes(ids []string, votes []int) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		v := 0
		if i < len(votes) {
			v = votes[i]
		}
		if s.lang == Chinese {
			parts[i] = s.name(id) + "（" + itoa(v) + "票）"
		} else {
			parts[i] = s.name(id) + " (" + itoa(v) + ")"
		}
	}
	if s.lang == Chinese {
		return strings.Join(parts, "、")
	}
	return strings.Join(parts, ", ")
}

// sequence names the candidates in an order: "A, B, C"; in Chinese "A、B、C".
func (s *say) sequence(ids []string) string {
	if s.lang == Chinese {
		return s.list(ids)
	}
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = s.name(id)
	}
	return strings.Join(names, ", ")
}

// times returns "once", "twice", "3 times".
func times(n int) string {
	switch n {
	case 1:
		return "once"
	case 2:
		return "twice"
	}
	return itoa(n) + " times"
}

func andList(xs []string) string {
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}

func itoa(n int) string { return strconv.Itoa(n) }

// howMany returns "1 seat", "2 seats": n and the noun, in the plural unless n is 1.
func howMany(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return itoa(n) + " " + plural(noun)
}

func plural(noun string) string {
	switch noun {
	case "is":
		return "are"
	case "was":
		return "were"
	case "stays":
		return "stay"
	case "has":
		return "have"
	}
	return noun + "s"
}

// verb returns the verb for n subjects: verb("is", 1) = "is", verb("is", 2) = "are".
func verb(v string, n int) string {
	if n == 1 {
		return v
	}
	return plural(v)
}

// shareEN words a share: "half", "one third", "four fifths", "15%", "3/11".
func shareEN(f quota.Fraction) string {
	s := f.String()
	if strings.HasSuffix(s, "%") || !strings.Contains(s, "/") {
		return s
	}
	n, d := f.Num(), f.Den()
	ones := []string{"", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"}
	parts := []string{"", "", "half", "third", "quarter", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}
	switch {
	case n == 1 && d == 2:
		return "half"
	case d <= 10 && n < d:
		p := parts[d]
		if n > 1 {
			p += "s"
		}
		return ones[n] + " " + p
	}
	return s
}

// shareZH words a share: "半数", "三分之一", "五分之四", "15%".
func shareZH(f quota.Fraction) string {
	s := f.String()
	if strings.HasSuffix(s, "%") || !strings.Contains(s, "/") {
		return s
	}
	n, d := f.Num(), f.Den()
	digits := []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}
	switch {
	case n == 1 && d == 2:
		return "半数"
	case d <= 10 && n < d:
		return digits[d] + "分之" + digits[n]
	}
	return s
}

// thresholdEN words a threshold: "more than half", "at least one third".
func thresholdEN(t quota.Threshold) string {
	return t.Boundary.String() + " " + shareEN(t.Share)
}

// baseEN words a base as a noun phrase that follows a figure or "of": "those present", "the
// ballots returned".
func (s *say) baseEN(b tally.Base) string {
	switch b {
	case tally.OfPresent:
		if s.voters {
			return "the voters who voted"
		}
		return "those present"
	case tally.OfEntitled:
		if s.voters {
			return "the registered voters"
		}
		return "those entitled to vote"
	case tally.OfIssued:
		return "the ballots issued"
	case tally.OfReturned:
		return "the ballots returned"
	case tally.OfValid:
		return "the valid ballots"
	}
	return b.String()
}

// baseZH words a base and gives the unit of its figure: "实到会有选举权的人数", "人".
func (s *say) baseZH(b tally.Base) (string, string) {
	switch b {
	case tally.OfPresent:
		if s.voters {
			return "参加投票的选民人数", "人"
		}
		return "实到会有选举权的人数", "人"
	case tally.OfEntitled:
		if s.voters {
			return "选区全体选民人数", "人"
		}
		return "应到会有选举权的人数", "人"
	case tally.OfIssued:
		return "发出的选票数", "张"
	case tally.OfReturned:
		return "收回的选票数", "张"
	case tally.OfValid:
		return "有效票数", "张"
	}
	return b.String(), ""
}

// presetZH gives the Chinese names of the presets, by the name of the preset (tally.PresetNames).
var presetZH = map[string]string{
	"cpc-grassroots-committee":      "中国共产党基层组织委员会委员选举",
	"cpc-grassroots-delegates":      "中国共产党基层组织党员代表大会代表选举",
	"cpc-local-delegates":           "中国共产党地方代表大会选举代表",
	"cpc-local-committee":           "中国共产党地方委员会委员选举",
	"national-congress-delegates":   "中国共产党全国代表大会代表选举",
	"central-committee-preliminary": "中国共产党中央委员会委员预选",
	"electoral-law-direct":          "县、乡两级人民代表大会代表直接选举（选举法）",
	"electoral-law-indirect":        "县级以上人民代表大会代表间接选举（选举法）",
	"vietnam-national-assembly":     "越南国会代表选举",
}

// rulesName names the rules in the language: a preset (known by its English name) by its Chinese
// name on a Chinese sheet; other rules by the name they were given.
func rulesName(r tally.Rules, lang Lang) string {
	if lang != Chinese {
		return r.Name
	}
	for _, p := range tally.PresetNames() {
		if pr, err := tally.Preset(p); err == nil && pr.Name == r.Name {
			return presetZH[p]
		}
	}
	return r.Name
}
