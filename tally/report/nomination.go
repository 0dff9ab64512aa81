package report

import (
	"strings"

	"github.com/chae-go/chae/tally/nominate"
)

// NominationReason words one reason of a nomination (package tally/nominate) in the language,
// from its values alone: the organisation (a reason of a step after the ups has none), the
// persons, the figures, the ground and reference of a recorded decision, and the rule it
// applies, as the rule's Source gives it, in brackets: "[…]", "〔…〕". name gives a person's name
// from their key; nil, or a name it does not know, prints the key. A reason of a kind this
// package does not know prints its stable name.
func NominationReason(r nominate.Reason, lang Lang, name func(person string) string) string {
	w := nominationWords{lang: lang, name: name}
	t := nominationWordings[lang][r.Kind]
	if t == nil {
		return r.Kind.String()
	}
	text := t(w, r)
	if r.Org == "" && lang == English {
		text = capitalize(text)
	}
	if r.Rule == "" {
		return text
	}
	if lang == Chinese {
		return text + "〔" + r.Rule + "〕"
	}
	return text + " [" + r.Rule + "]"
}

// NominationFunnel words a nomination's funnel: the size of each list held, from the persons
// recommended to the candidates on the ballot paper, and the seats. Stages not held (a zero
// size) are left out.
func NominationFunnel(f nominate.Funnel, lang Lang) string {
	type stage struct {
		n      int
		en, zh string
	}
	stages := []stage{
		{f.Recommended, "recommended", "推荐人选"},
		{f.Inspected, "inspected", "考察对象"},
		{f.Preliminary, "preliminary candidates", "初步人选"},
		{f.Prospective, "prospective candidates", "预备人选"},
		{f.Candidates, "candidates", "候选人"},
	}
	var parts []string
	for _, s := range stages {
		if s.n == 0 {
			continue
		}
		if lang == Chinese {
			parts = append(parts, s.zh+itoa(s.n)+"名")
		} else {
			parts = append(parts, itoa(s.n)+" "+s.en)
		}
	}
	if lang == Chinese {
		out := strings.Join(parts, " → ") + "（应选" + itoa(f.Seats) + "名"
		if f.FromAbove > 0 {
			out += "，其中上级提名" + itoa(f.FromAbove) + "名"
		}
		return out + "）"
	}
	out := strings.Join(parts, " → ") + " for " + howMany(f.Seats, "seat")
	if f.FromAbove > 0 {
		out += " (" + itoa(f.FromAbove) + " nominated from above)"
	}
	return out
}

// nominationWords holds what the words of a nomination reason need beside the reason.
type nominationWords struct {
	lang Lang
	name func(string) string
}

func (w nominationWords) person(key string) string {
	if w.name == nil {
		return key
	}
	if n := w.name(key); n != "" {
		return n
	}
	return key
}

// persons names the persons: "A", "A and B", "A, B and C"; in Chinese "A、B、C".
func (w nominationWords) persons(keys []string) string {
	names := make([]string, len(keys))
	for i, k := range keys {
		names[i] = w.person(k)
	}
	if w.lang == Chinese {
		return strings.Join(names, "、")
	}
	return andList(names)
}

// sequence names the persons in an order: "A, B, C"; "A、B、C".
func (w nominationWords) sequence(keys []string) string {
	names := make([]string, len(keys))
	for i, k := range keys {
		names[i] = w.person(k)
	}
	if w.lang == Chinese {
		return strings.Join(names, "、")
	}
	return strings.Join(names, ", ")
}

func fig(r nominate.Reason, k nominate.FigureKind) int {
	v, _ := r.Figure(k)
	return v
}

// groundWords are the grounds of removals, additions and objections.
var groundWords = map[nominate.Ground][2]string{
	nominate.Political:    {"politically unqualified", "政治上不合格"},
	nominate.Integrity:    {"a finding of the integrity review", "廉洁审核发现问题"},
	nominate.Identity:     {"not eligible for the place", "身份条件不符"},
	nominate.PublicNotice: {"a finding of the public notice", "公示中反映问题属实"},
	nominate.Withdrawn:    {"withdrew", "本人退出"},
	nominate.FromAbove:    {"nominated from above", "上级提名"},
	nominate.Structure:    {"the composition of the list", "结构需要"},
	nominate.Consultation: {"after consultation with the higher organisation", "与上级党组织沟通"},
	nominate.OtherGround:  {"other ground", "其他原因"},
}

// ground words a ground with a reference: "a finding of the integrity review, review 7";
// "廉洁审核发现问题，review 7". No ground and no reference give "".
func (w nominationWords) ground(r nominate.Reason) string {
	var parts []string
	if g, ok := groundWords[r.Ground]; ok {
		parts = append(parts, g[w.lang])
	}
	if r.Ref != "" {
		parts = append(parts, r.Ref)
	}
	if w.lang == Chinese {
		return strings.Join(parts, "，")
	}
	return strings.Join(parts, ", ")
}

// paren is " (x)" or "（x）", or "" for an empty x.
func (w nominationWords) paren(x string) string {
	switch {
	case x == "":
		return ""
	case w.lang == Chinese:
		return "（" + x + "）"
	}
	return " (" + x + ")"
}

func (w nominationWords) org(r nominate.Reason) string {
	if r.Org == "" {
		return ""
	}
	if w.lang == Chinese {
		return string(r.Org) + "："
	}
	return string(r.Org) + ": "
}

type nominationWording func(w nominationWords, r nominate.Reason) string

// nominationWordings holds the words of every nomination reason kind, English and Chinese. A
// kind without a wording is a bug the tests catch.
var nominationWordings = [2]map[nominate.ReasonKind]nominationWording{nominationEnglish, nominationChinese}

var nominationEnglish = map[nominate.ReasonKind]nominationWording{
	nominate.ReasonNotCounted: func(w nominationWords, r nominate.Reason) string {
		return w.org(r) + "the sheet does not count: " + howMany(fig(r, nominate.FigBallots), "ballot") + " of " +
			itoa(fig(r, nominate.FigEntitled)) + " entitled members, " + itoa(fig(r, nominate.FigNeeded)) + " needed."
	},
	nominate.ReasonUnvoted: func(w nominationWords, r nominate.Reason) string {
		return w.org(r) + w.persons(r.Persons) + " cleared the organisations' bar, but no member named them: not sent up."
	},
	nominate.ReasonCut: func(w nominationWords, r nominate.Reason) string {
		limit := "no most"
		if mx := fig(r, nominate.FigMax); mx >= 0 {
			limit = "at most " + itoa(mx)
		}
		return w.org(r) + itoa(fig(r, nominate.FigListed)) + " of " + itoa(fig(r, nominate.FigPassers)) +
			" eligible listed for " + howMany(fig(r, nominate.FigPlaces), "place") + " (at least " +
			itoa(fig(r, nominate.FigMin)) + ", " + limit + ")."
	},
	nominate.ReasonTie: func(w nominationWords, r nominate.Reason) string {
		return w.org(r) + w.persons(r.Persons) + " are tied at rank " + itoa(fig(r, nominate.FigRank)) + " for " +
			howMany(fig(r, nominate.FigPlaces), "place") + " left: the list waits for a decision."
	},
	nominate.ReasonTieSettled: func(w nominationWords, r nominate.Reason) string {
		return w.org(r) + "a recorded decision orders the tied: " + w.sequence(r.Persons) + ", for " +
			howMany(fig(r, nominate.FigPlaces), "place") + w.paren(w.ground(r)) + "."
	},
	nominate.ReasonTieIncluded: func(w nominationWords, r nominate.Reason) string {
		return w.org(r) + w.persons(r.Persons) + ", tied at rank " + itoa(fig(r, nominate.FigRank)) + ", are all listed."
	},
	nominate.ReasonTieExcluded: func(w nominationWords, r nominate.Reason) string {
		return w.org(r) + w.persons(r.Persons) + ", tied at rank " + itoa(fig(r, nominate.FigRank)) + ", are none of them listed."
	},
	nominate.ReasonShort: func(w nominationWords, r nominate.Reason) string {
		return w.org(r) + itoa(fig(r, nominate.FigListed)) + " listed of the " + itoa(fig(r, nominate.FigMin)) +
			" required: " + itoa(fig(r, nominate.FigMissing)) + " short."
	},
	nominate.ReasonSecondRound: func(w nominationWords, r nominate.Reason) string {
		return w.org(r) + "a second recommendation among " + w.persons(r.Persons) + " fills " +
			howMany(fig(r, nominate.FigMissing), "place") + "."
	},
	nominate.ReasonSecondResult: func(w nominationWords, r nominate.Reason) string {
		return w.org(r) + w.persons(r.Persons) + " listed by the second recommendation (" +
			howMany(fig(r, nominate.FigBallots), "ballot") + "; " + itoa(fig(r, nominate.FigNeeded)) + " of " +
			itoa(fig(r, nominate.FigBase)) + " needed)."
	},
	nominate.ReasonAdded: func(w nominationWords, r nominate.Reason) string {
		return w.org(r) + w.persons(r.Persons) + " added by a recorded decision" + w.paren(w.ground(r)) + "."
	},
	nominate.ReasonRemoved: func(w nominationWords, r nominate.Reason) string {
		return w.org(r) + w.persons(r.Persons) + " kept off the list by a recorded decision" + w.paren(w.ground(r)) + "."
	},
	nominate.ReasonVetoed: func(w nominationWords, r nominate.Reason) string {
		return w.org(r) + w.persons(r.Persons) + " removed by vetting" + w.paren(w.ground(r)) + "."
	},
	nominate.ReasonReplaced: func(w nominationWords, r nominate.Reason) string {
		if len(r.Persons) > 1 {
			return w.org(r) + w.person(r.Persons[0]) + " listed in place of " + w.persons(r.Persons[1:]) + ", next in rank."
		}
		return w.org(r) + w.persons(r.Persons) + " listed in place of the removed, next in rank."
	},
	nominate.ReasonReopen: func(w nominationWords, r nominate.Reason) string {
		return w.org(r) + howMany(fig(r, nominate.FigMissing), "place") + " to fill by a new round of recommendation."
	},
	nominate.ReasonNotice: func(w nominationWords, r nominate.Reason) string {
		return w.org(r) + "the list was made public for " + howMany(fig(r, nominate.FigDays), "day") +
			" as its calendar counts them, " + itoa(fig(r, nominate.FigRequired)) + " required."
	},
	nominate.ReasonObjectionUpheld: func(w nominationWords, r nominate.Reason) string {
		return w.org(r) + "an objection to " + w.persons(r.Persons) + " was upheld" + w.paren(w.ground(r)) + ": removed."
	},
	nominate.ReasonObjectionDismissed: func(w nominationWords, r nominate.Reason) string {
		return w.org(r) + "an objection to " + w.persons(r.Persons) + " was dismissed" + w.paren(w.ground(r)) + "."
	},
	nominate.ReasonDifference: func(w nominationWords, r nominate.Reason) string {
		limit := ""
		if mx := fig(r, nominate.FigMax); mx >= 0 {
			limit = " and at most " + itoa(mx)
		}
		out := w.org(r) + howMany(fig(r, nominate.FigCandidates), "candidate") + " for " +
			howMany(fig(r, nominate.FigSeats), "seat") + ": the difference rule asks at least " +
			itoa(fig(r, nominate.FigMin)) + limit
		if above := fig(r, nominate.FigFromAbove); above > 0 {
			if fig(r, nominate.FigInBase) == 1 {
				out += "; " + itoa(above) + " nominated from above, counted in the base"
			} else {
				out += "; " + itoa(above) + " nominated from above and as many seats left out of the base"
			}
		}
		return out + "."
	},
}

var nominationChinese = map[nominate.ReasonKind]nominationWording{
	nominate.ReasonNotCounted: func(w nominationWords, r nominate.Reason) string {
		return w.org(r) + "收回推荐票" + itoa(fig(r, nominate.FigBallots)) + "张，应参加党员" + itoa(fig(r, nominate.FigEntitled)) +
			"名，须达到" + itoa(fig(r, nominate.FigNeeded)) + "张，不予统计。"
	},
	nominate.ReasonUnvoted: func(w nominationWords, r nominate.Reason) string {
		return w.org(r) + w.persons(r.Persons) + "达到党组织推荐要求，但无党员推荐，不向上推荐。"
	},
	nominate.ReasonCut: func(w nominationWords, r nominate.Reason) string {
		limit := "不设上限"
		if mx := fig(r, nominate.FigMax); mx >= 0 {
			limit = "最多" + itoa(mx) + "名"
		}
		return w.org(r) + "按" + itoa(fig(r, nominate.FigPlaces)) + "个名额，在符合条件的" + itoa(fig(r, nominate.FigPassers)) +
			"名人选中确定" + itoa(fig(r, nominate.FigListed)) + "名（不少于" + itoa(fig(r, nominate.FigMin)) + "名，" + limit + "）。"
	},
	nominate.ReasonTie: func(w nominationWords, r nominate.Reason) string {
		return w.org(r) + w.persons(r.Persons) + "并列第" + itoa(fig(r, nominate.FigRank)) + "名，争" +
			itoa(fig(r, nominate.FigPlaces)) + "个名额，须作出决定。"
	},
	nominate.ReasonTieSettled: func(w nominationWords, r nominate.Reason) string {
		return w.org(r) + "并列人选按记录的决定排序：" + w.sequence(r.Persons) + "，确定" + itoa(fig(r, nominate.FigPlaces)) +
			"名" + w.paren(w.ground(r)) + "。"
	},
	nominate.ReasonTieIncluded: func(w nominationWords, r nominate.Reason) string {
		return w.org(r) + "并列第" + itoa(fig(r, nominate.FigRank)) + "名的" + w.persons(r.Persons) + "全部列入。"
	},
	nominate.ReasonTieExcluded: func(w nominationWords, r nominate.Reason) string {
		return w.org(r) + "并列第" + itoa(fig(r, nominate.FigRank)) + "名的" + w.persons(r.Persons) + "均不列入。"
	},
	nominate.ReasonShort: func(w nominationWords, r nominate.Reason) string {
		return w.org(r) + "仅确定" + itoa(fig(r, nominate.FigListed)) + "名，少于应有的" + itoa(fig(r, nominate.FigMin)) +
			"名，缺" + itoa(fig(r, nominate.FigMissing)) + "名。"
	},
	nominate.ReasonSecondRound: func(w nominationWords, r nominate.Reason) string {
		return w.org(r) + "在" + w.persons(r.Persons) + "中进行第二次推荐，产生" + itoa(fig(r, nominate.FigMissing)) + "名。"
	},
	nominate.ReasonSecondResult: func(w nominationWords, r nominate.Reason) string {
		return w.org(r) + w.persons(r.Persons) + "经第二次推荐列入（" + itoa(fig(r, nominate.FigBallots)) + "张票，基数" +
			itoa(fig(r, nominate.FigBase)) + "，须" + itoa(fig(r, nominate.FigNeeded)) + "票）。"
	},
	nominate.ReasonAdded: func(w nominationWords, r nominate.Reason) string {
		return w.org(r) + "经记录的决定增列" + w.persons(r.Persons) + w.paren(w.ground(r)) + "。"
	},
	nominate.ReasonRemoved: func(w nominationWords, r nominate.Reason) string {
		return w.org(r) + "经记录的决定不列入" + w.persons(r.Persons) + w.paren(w.ground(r)) + "。"
	},
	nominate.ReasonVetoed: func(w nominationWords, r nominate.Reason) string {
		return w.org(r) + w.persons(r.Persons) + "经审核把关被否决" + w.paren(w.ground(r)) + "。"
	},
	nominate.ReasonReplaced: func(w nominationWords, r nominate.Reason) string {
		if len(r.Persons) > 1 {
			return w.org(r) + "按排名由" + w.person(r.Persons[0]) + "递补" + w.persons(r.Persons[1:]) + "。"
		}
		return w.org(r) + "按排名依次递补" + w.persons(r.Persons) + "。"
	},
	nominate.ReasonReopen: func(w nominationWords, r nominate.Reason) string {
		return w.org(r) + "缺额" + itoa(fig(r, nominate.FigMissing)) + "名，重新组织推荐。"
	},
	nominate.ReasonNotice: func(w nominationWords, r nominate.Reason) string {
		return w.org(r) + "人选公示" + itoa(fig(r, nominate.FigDays)) + "天（按公示所用的计日方法，不少于" +
			itoa(fig(r, nominate.FigRequired)) + "天）。"
	},
	nominate.ReasonObjectionUpheld: func(w nominationWords, r nominate.Reason) string {
		return w.org(r) + "对" + w.persons(r.Persons) + "的反映经核实属实" + w.paren(w.ground(r)) + "，取消其人选资格。"
	},
	nominate.ReasonObjectionDismissed: func(w nominationWords, r nominate.Reason) string {
		return w.org(r) + "对" + w.persons(r.Persons) + "的反映经核实不影响其人选资格" + w.paren(w.ground(r)) + "。"
	},
	nominate.ReasonDifference: func(w nominationWords, r nominate.Reason) string {
		limit := ""
		if mx := fig(r, nominate.FigMax); mx >= 0 {
			limit = "、不多于" + itoa(mx) + "名"
		}
		out := w.org(r) + "应选" + itoa(fig(r, nominate.FigSeats)) + "名，候选人" + itoa(fig(r, nominate.FigCandidates)) +
			"名；差额规则要求不少于" + itoa(fig(r, nominate.FigMin)) + "名" + limit
		if above := fig(r, nominate.FigFromAbove); above > 0 {
			if fig(r, nominate.FigInBase) == 1 {
				out += "；上级提名" + itoa(above) + "名，计入差额基数"
			} else {
				out += "；上级提名" + itoa(above) + "名，与相应名额不计入差额基数"
			}
		}
		return out + "。"
	},
}
