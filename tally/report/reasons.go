package report

import (
	"strings"

	"github.com/chae-go/chae/quota"
	"github.com/chae-go/chae/tally"
)

// A wording words one kind of reason in one language, from the reason's values alone.
type wording func(s *say, r tally.Reason) string

// wordings holds the words of every reason kind: wordings[English] and wordings[Chinese]. A
// kind without a wording is a bug the tests catch.
var wordings = [2]map[tally.ReasonKind]wording{english, chinese}

// Reasons returns the reasons of a decision of the result as sentences in the language, one a
// reason, each followed by the rule it applies in brackets: "[docs/rules.md B6]", "〔docs/rules.md
// B6〕".
func Reasons(r tally.Result, d tally.Decision, lang Lang) []string {
	s := sayFor(r, lang)
	out := make([]string, len(d.Reasons))
	for i, why := range d.Reasons {
		out[i] = s.sentence(why)
	}
	return out
}

// sayFor returns the context the reasons of the result are worded in.
func sayFor(r tally.Result, lang Lang) *say {
	s := &say{lang: lang, names: map[string]string{}, preliminary: r.Preliminary, voters: r.Rules.Attendance == tally.VoterTurnout}
	for _, d := range r.Decisions {
		for _, c := range d.Round.Slate.Candidates {
			s.names[c.ID] = c.Name
		}
	}
	for _, c := range r.Slate.Candidates {
		s.names[c.ID] = c.Name
	}
	return s
}

// sentence words one reason, with the rule it applies.
func (s *say) sentence(r tally.Reason) string {
	t := wordings[s.lang][r.Kind]
	if t == nil {
		return r.Kind.String()
	}
	text := t(s, r)
	if r.Rule == "" {
		return text
	}
	if s.lang == Chinese {
		return text + "〔" + r.Rule + "〕"
	}
	return text + " [" + r.Rule + "]"
}

// elected is "elected" or, in a preliminary election, "placed on the formal list".
func (s *say) elected() string {
	if s.preliminary {
		return "placed on the formal list"
	}
	return "elected"
}

func (s *say) electedZH() string {
	if s.preliminary {
		return "列入正式候选人名单"
	}
	return "当选"
}

// limitEN words the figure the ballots returned may not exceed: "the 46 ballots issued".
func (s *say) limitEN(f tally.Figures) string {
	switch f.Base {
	case tally.OfPresent:
		if s.voters {
			return "the " + howMany(f.Limit, "voter") + " who voted"
		}
		return "the " + itoa(f.Limit) + " present"
	case tally.OfEntitled:
		return "the " + itoa(f.Limit) + " entitled to vote"
	case tally.OfIssued:
		return "the " + howMany(f.Limit, "ballot") + " issued"
	case tally.OfValid:
		return "the " + howMany(f.Limit, "valid ballot")
	}
	return "the " + howMany(f.Limit, "ballot") + " returned"
}

// limitZH words the figure the ballots returned may not exceed: "发出的选票46张".
func (s *say) limitZH(f tally.Figures) string {
	switch f.Base {
	case tally.OfPresent:
		if s.voters {
			return "投票人数" + itoa(f.Limit) + "人"
		}
		return "实到会人数" + itoa(f.Limit) + "人"
	case tally.OfEntitled:
		return "应到会人数" + itoa(f.Limit) + "人"
	case tally.OfIssued:
		return "发出选票" + itoa(f.Limit) + "张"
	case tally.OfValid:
		return "有效票" + itoa(f.Limit) + "张"
	}
	return "收回选票" + itoa(f.Limit) + "张"
}

// ballotsEN words how the ballots returned were counted: "44 valid, 1 invalid, 1 spoiled".
func ballotsEN(f tally.Figures) string {
	return itoa(f.Valid) + " valid, " + itoa(f.Invalid) + " invalid, " + itoa(f.Spoiled) + " spoiled"
}

// quorumEN words the figures of a quorum, met or not: "31 of the 46 entitled to vote are present,
// more than half of them (24 needed)", "20 of the 46 entitled to vote are present, not more than
// half of them (24 needed)".
func quorumEN(f tally.Figures, met bool) string {
	present := "are present, "
	if !met {
		present = verb("is", f.Present) + " present, not "
	}
	return itoa(f.Present) + " of the " + itoa(f.Entitled) + " entitled to vote " + present + thresholdEN(f.Threshold()) +
		" of them (" + itoa(f.Needed) + " needed)"
}

// turnoutEN words the figures of a direct election's turnout, met or not: "600 of the 1000
// registered voters voted, more than half of them (501 needed)", or "..., not more than half...".
func turnoutEN(f tally.Figures, met bool) string {
	not := ""
	if !met {
		not = "not "
	}
	return itoa(f.Present) + " of the " + howMany(f.Entitled, "registered voter") + " voted, " + not + thresholdEN(f.Threshold()) +
		" of them (" + itoa(f.Needed) + " needed)"
}

// quorumZH words the figures of a quorum, met or not: "应到会有选举权的46人，实到会31人，超过应到会人数
// 的半数（至少须24人）".
func quorumZH(f tally.Figures, met bool) string {
	return "应到会有选举权的" + itoa(f.Entitled) + "人，实到会" + itoa(f.Present) + "人，" + metZH(f.Boundary, met) + "应到会人数的" +
		shareZH(f.Share) + "（至少须" + itoa(f.Needed) + "人）"
}

// turnoutZH words the figures of a direct election's turnout, met or not: "选区选民1000人，参加投票600
// 人，超过全体选民的半数（至少须501人）".
func turnoutZH(f tally.Figures, met bool) string {
	return "选区选民" + itoa(f.Entitled) + "人，参加投票" + itoa(f.Present) + "人，" + metZH(f.Boundary, met) + "全体选民的" +
		shareZH(f.Share) + "（至少须" + itoa(f.Needed) + "人）"
}

// metZH is passZH or failZH.
func metZH(b quota.Boundary, met bool) string {
	if met {
		return passZH(b)
	}
	return failZH(b)
}

// passZH and failZH are the verbs of a threshold met and not met: 超过 / 未超过, 达到 / 不足.
func passZH(b quota.Boundary) string {
	if b == quota.AtLeast {
		return "达到"
	}
	return "超过"
}

func failZH(b quota.Boundary) string {
	if b == quota.AtLeast {
		return "不足"
	}
	return "未超过"
}

// needZH is the verb of a requirement: 超过, 不少于.
func needZH(b quota.Boundary) string {
	if b == quota.AtLeast {
		return "不少于"
	}
	return "超过"
}

var english = map[tally.ReasonKind]wording{
	tally.ReasonQuorumMet: func(s *say, r tally.Reason) string {
		f := r.Figures
		if f.Share.IsZero() {
			return itoa(f.Present) + " of the " + itoa(f.Entitled) + " entitled to vote are present; the rules set no quorum beyond that."
		}
		return quorumEN(f, true) + ": the quorum is met."
	},
	tally.ReasonNoQuorum: func(s *say, r tally.Reason) string {
		f := r.Figures
		return quorumEN(f, false) + ": the quorum is not met, and the round does not take place; it is held again."
	},
	tally.ReasonQuorumWaived: func(s *say, r tally.Reason) string {
		f := r.Figures
		return quorumEN(f, false) + "; after " + howMany(f.Rounds, "round") + " without quorum the rules let the vote stand."
	},
	tally.ReasonTurnoutMet: func(s *say, r tally.Reason) string {
		f := r.Figures
		return turnoutEN(f, true) + ": the election is valid."
	},
	tally.ReasonTurnoutShort: func(s *say, r tally.Reason) string {
		f := r.Figures
		return turnoutEN(f, false) + ": the election is not valid, and is held again."
	},
	tally.ReasonTurnoutWaived: func(s *say, r tally.Reason) string {
		f := r.Figures
		return turnoutEN(f, false) + "; the election was already held again " + times(f.Rounds) +
			" for want of voters, and the rules let this result stand."
	},
	tally.ReasonPollValid: func(s *say, r tally.Reason) string {
		f := r.Figures
		return howMany(f.Returned, "ballot") + " " + verb("was", f.Returned) + " returned (" + ballotsEN(f) + "), no more than " +
			s.limitEN(f) + ": the poll is valid."
	},
	tally.ReasonPollVoid: func(s *say, r tally.Reason) string {
		f := r.Figures
		return howMany(f.Returned, "ballot") + " " + verb("was", f.Returned) + " returned, more than " + s.limitEN(f) +
			": the poll is void, and is held again."
	},
	tally.ReasonBar: func(s *say, r tally.Reason) string {
		f := r.Figures
		if f.Share.IsZero() {
			return "To be " + s.elected() + " a candidate needs at least " + howMany(f.Needed, "For vote") + "."
		}
		return "To be " + s.elected() + " a candidate needs " + thresholdEN(f.Threshold()) + " of " + s.baseEN(f.Base) +
			" (" + itoa(f.BaseFigure) + "): at least " + howMany(f.Needed, "For vote") + "."
	},
	tally.ReasonMostVotes: func(s *say, r tally.Reason) string {
		return "In a runoff the most For votes win."
	},
	tally.ReasonWriteInSameName: func(s *say, r tally.Reason) string {
		wi, other := "", ""
		if len(r.Candidates) == 2 {
			wi, other = s.name(r.Candidates[0]), s.name(r.Candidates[1])
		}
		return "The name “" + wi + "” was written in on " + howMany(r.Figures.Votes, "ballot") + ", but it is the name of " + other +
			": those votes are added to no one and elect no one."
	},
	tally.ReasonWriteInsBarred: func(s *say, r tally.Reason) string {
		return "Names written in are counted, but under these rules they cannot be " + s.elected() + "."
	},
	tally.ReasonWriteInsRunoff: func(s *say, r tally.Reason) string {
		return "In a runoff only the tied candidates can be " + s.elected() + ", not names written in."
	},
	tally.ReasonTie: func(s *say, r tally.Reason) string {
		last := "the last open seat"
		if r.Figures.Seats != 1 {
			last = "the last " + itoa(r.Figures.Seats) + " open seats"
		}
		return s.list(r.Candidates) + " have " + howMany(r.Figures.Votes, "For vote") + " each, tied for " + last + "."
	},
	tally.ReasonTieByAge: func(s *say, r tally.Reason) string {
		return "The rules settle the tie by age, the older first: in order of age, " + s.sequence(r.Candidates) + ", for " + howMany(r.Figures.Seats, "seat") + "."
	},
	tally.ReasonSameBirthDate: func(s *say, r tally.Reason) string {
		return s.list(r.Candidates) + " were born on the same day: they are still tied for " + howMany(r.Figures.Seats, "seat") + "."
	},
	tally.ReasonNoBirthDate: func(s *say, r tally.Reason) string {
		return "The rules settle ties by age, but " + s.list(r.Candidates) + " " + verb("has", len(r.Candidates)) + " no birth date: the tie stands."
	},
	tally.ReasonLots: func(s *say, r tally.Reason) string {
		first := "the first is " + s.elected()
		if r.Figures.Seats != 1 {
			first = "the first " + itoa(r.Figures.Seats) + " are " + s.elected()
		}
		return "Lots were drawn in the order " + s.sequence(r.Candidates) + ": " + first + "."
	},
	tally.ReasonRunoff: func(s *say, r tally.Reason) string {
		return "A runoff is held among " + s.list(r.Candidates) + " only, for " + howMany(r.Figures.Seats, "seat") + "."
	},
	tally.ReasonElected: func(s *say, r tally.Reason) string {
		e := s.elected()
		return strings.ToUpper(e[:1]) + e[1:] + ": " + s.listVotes(r.Candidates, r.Figures.VotesOf) + "."
	},
	tally.ReasonNoneElected: func(s *say, r tally.Reason) string {
		return "No one is " + s.elected() + " in this round."
	},
	tally.ReasonShortfall: func(s *say, r tally.Reason) string {
		f := r.Figures
		cleared := "No candidate cleared"
		if f.Cleared > 0 {
			cleared = howMany(f.Cleared, "candidate") + " cleared"
		}
		return cleared + " the bar for " + howMany(f.Seats, "seat") + ": " + howMany(f.Missing, "seat") + " " + verb("stays", f.Missing) +
			" open, not filled from those below the bar."
	},
	tally.ReasonSupplementary: func(s *say, r tally.Reason) string {
		return "Next: a supplementary election for " + howMany(r.Figures.Seats, "seat") + " among " + s.listVotes(r.Candidates, r.Figures.VotesOf) +
			": the best placed of those not yet " + s.elected() + ", by their votes in the first regular round, as many as the rules require; unless the seats are reduced."
	},
	tally.ReasonListNoSurplus: func(s *say, r tally.Reason) string {
		return "The list, " + s.list(r.Candidates) + ", has no more candidates than seats (" + itoa(len(r.Candidates)) + " for " +
			howMany(r.Figures.Seats, "seat") + "): more candidates must be nominated, or the seats reduced."
	},
	tally.ReasonListTie: func(s *say, r tally.Reason) string {
		f := r.Figures
		n := min(f.Listed, len(r.Candidates))
		listed, tied := r.Candidates[:n], r.Candidates[n:]
		tiedVotes := 0
		if len(f.VotesOf) > n {
			tiedVotes = f.VotesOf[n]
		}
		text := "Next: a supplementary election for " + howMany(f.Seats, "seat") + ", among " + howMany(f.Listed+f.Places, "candidate") +
			": the best placed of those not yet " + s.elected() + ", by their votes in the first regular round. "
		if n > 0 {
			text += s.listVotes(listed, f.VotesOf[:n]) + " " + verb("is", n) + " on the list; "
		}
		places := "the last place"
		if f.Places != 1 {
			places = "the last " + itoa(f.Places) + " places"
		}
		return text + s.list(tied) + " tie with " + howMany(tiedVotes, "vote") + " for " + places + ": the organisers give the list."
	},
	tally.ReasonRoundsExhausted: func(s *say, r tally.Reason) string {
		f := r.Figures
		return "The rules allow no more than " + howMany(f.Rounds, "supplementary round") + ": " + howMany(f.Missing, "seat") + " " +
			verb("stays", f.Missing) + " empty."
	},
}

var chinese = map[tally.ReasonKind]wording{
	tally.ReasonQuorumMet: func(s *say, r tally.Reason) string {
		f := r.Figures
		if f.Share.IsZero() {
			return "应到会有选举权的" + itoa(f.Entitled) + "人，实到会" + itoa(f.Present) + "人；选举办法对到会人数未作更高要求。"
		}
		return quorumZH(f, true) + "，可以进行选举。"
	},
	tally.ReasonNoQuorum: func(s *say, r tally.Reason) string {
		f := r.Figures
		return quorumZH(f, false) + "，本轮选举不能进行，应另行组织投票。"
	},
	tally.ReasonQuorumWaived: func(s *say, r tally.Reason) string {
		f := r.Figures
		return quorumZH(f, false) + "；此前已有" + itoa(f.Rounds) + "轮因到会人数不足未能进行，按照选举办法，本轮选举照常进行。"
	},
	tally.ReasonTurnoutMet: func(s *say, r tally.Reason) string {
		f := r.Figures
		return turnoutZH(f, true) + "，选举有效。"
	},
	tally.ReasonTurnoutShort: func(s *say, r tally.Reason) string {
		f := r.Figures
		return turnoutZH(f, false) + "，选举无效，应重新进行选举。"
	},
	tally.ReasonTurnoutWaived: func(s *say, r tally.Reason) string {
		f := r.Figures
		return turnoutZH(f, false) + "；此前已因参加投票人数不足重新选举" + itoa(f.Rounds) + "次，按照选举办法，本次选举结果有效。"
	},
	tally.ReasonPollValid: func(s *say, r tally.Reason) string {
		f := r.Figures
		return "收回选票" + itoa(f.Returned) + "张，不多于" + s.limitZH(f) + "，选举有效；其中有效票" + itoa(f.Valid) + "张，无效票" +
			itoa(f.Invalid) + "张，废票" + itoa(f.Spoiled) + "张。"
	},
	tally.ReasonPollVoid: func(s *say, r tally.Reason) string {
		f := r.Figures
		return "收回选票" + itoa(f.Returned) + "张，多于" + s.limitZH(f) + "，本次投票无效，应重新投票。"
	},
	tally.ReasonBar: func(s *say, r tally.Reason) string {
		f := r.Figures
		if f.Share.IsZero() {
			return s.electedZH() + "须至少获得赞成票" + itoa(f.Needed) + "票。"
		}
		base, unit := s.baseZH(f.Base)
		return s.electedZH() + "须获得赞成票" + needZH(f.Boundary) + base + "（" + itoa(f.BaseFigure) + unit + "）的" + shareZH(f.Share) +
			"，即至少" + itoa(f.Needed) + "票。"
	},
	tally.ReasonMostVotes: func(s *say, r tally.Reason) string {
		return "再次投票，以得票多的" + s.electedZH() + "。"
	},
	tally.ReasonWriteInSameName: func(s *say, r tally.Reason) string {
		wi, other := "", ""
		if len(r.Candidates) == 2 {
			wi, other = s.name(r.Candidates[0]), s.name(r.Candidates[1])
		}
		return "另选他人“" + wi + "”得" + itoa(r.Figures.Votes) + "票，与" + other + "同名，不计入任何人的得票，也不能" + s.electedZH() + "。"
	},
	tally.ReasonWriteInsBarred: func(s *say, r tally.Reason) string {
		return "另选他人的得票予以统计，但按照选举办法不能" + s.electedZH() + "。"
	},
	tally.ReasonWriteInsRunoff: func(s *say, r tally.Reason) string {
		return "再次投票只在票数相等的候选人中进行，另选他人不能" + s.electedZH() + "。"
	},
	tally.ReasonTie: func(s *say, r tally.Reason) string {
		return s.list(r.Candidates) + "得票相等，各得" + itoa(r.Figures.Votes) + "票，而剩余名额只有" + itoa(r.Figures.Seats) + "名。"
	},
	tally.ReasonTieByAge: func(s *say, r tally.Reason) string {
		return "按照选举办法，得票相等的按年龄确定，年长者优先：依次为" + s.list(r.Candidates) + "，取" + itoa(r.Figures.Seats) + "名。"
	},
	tally.ReasonSameBirthDate: func(s *say, r tally.Reason) string {
		return s.list(r.Candidates) + "出生日期相同，无法按年龄确定，仍就剩余的" + itoa(r.Figures.Seats) + "个名额票数相等。"
	},
	tally.ReasonNoBirthDate: func(s *say, r tally.Reason) string {
		return "按照选举办法，得票相等的按年龄确定，但" + s.list(r.Candidates) + "没有出生日期，无法按年龄确定。"
	},
	tally.ReasonLots: func(s *say, r tally.Reason) string {
		return "抽签顺序为" + s.list(r.Candidates) + "，前" + itoa(r.Figures.Seats) + "名" + s.electedZH() + "。"
	},
	tally.ReasonRunoff: func(s *say, r tally.Reason) string {
		return "就" + s.list(r.Candidates) + "再次投票，从中选出" + itoa(r.Figures.Seats) + "名。"
	},
	tally.ReasonElected: func(s *say, r tally.Reason) string {
		if s.preliminary {
			return "列入正式候选人名单：" + s.listVotes(r.Candidates, r.Figures.VotesOf) + "。"
		}
		return s.listVotes(r.Candidates, r.Figures.VotesOf) + "当选。"
	},
	tally.ReasonNoneElected: func(s *say, r tally.Reason) string {
		return "本轮无人" + s.electedZH() + "。"
	},
	tally.ReasonShortfall: func(s *say, r tally.Reason) string {
		f := r.Figures
		cleared := "没有候选人达到当选票数"
		if f.Cleared > 0 {
			cleared = "达到当选票数的候选人" + itoa(f.Cleared) + "名"
		}
		return cleared + "，应选" + itoa(f.Seats) + "名，缺额" + itoa(f.Missing) + "名；不得在未达到当选票数的候选人中按得票多少补足。"
	},
	tally.ReasonSupplementary: func(s *say, r tally.Reason) string {
		return "下一步：另行选举" + itoa(r.Figures.Seats) + "名，候选人为" + s.listVotes(r.Candidates, r.Figures.VotesOf) +
			"，即按第一轮正式选举得票多少，从未" + s.electedZH() + "的候选人中依规定的差额比例确定；决定减少名额的除外。"
	},
	tally.ReasonListNoSurplus: func(s *say, r tally.Reason) string {
		return "候选人" + s.list(r.Candidates) + "共" + itoa(len(r.Candidates)) + "名，应选" + itoa(r.Figures.Seats) + "名，不能实行差额选举：应另行提名候选人，或者减少名额。"
	},
	tally.ReasonListTie: func(s *say, r tally.Reason) string {
		f := r.Figures
		n := min(f.Listed, len(r.Candidates))
		listed, tied := r.Candidates[:n], r.Candidates[n:]
		tiedVotes := 0
		if len(f.VotesOf) > n {
			tiedVotes = f.VotesOf[n]
		}
		text := "下一步：另行选举" + itoa(f.Seats) + "名，候选人应为" + itoa(f.Listed+f.Places) + "名，按第一轮正式选举得票多少，从未" + s.electedZH() + "的候选人中确定。"
		if n > 0 {
			text += s.listVotes(listed, f.VotesOf[:n]) + "列入候选人名单；"
		}
		return text + s.list(tied) + "得票相等（各" + itoa(tiedVotes) + "票），而候选人名额只余" + itoa(f.Places) + "个，应由选举组织机构确定候选人名单。"
	},
	tally.ReasonRoundsExhausted: func(s *say, r tally.Reason) string {
		f := r.Figures
		return "按照选举办法，另行选举以" + itoa(f.Rounds) + "次为限，" + itoa(f.Missing) + "个名额空缺。"
	},
}
