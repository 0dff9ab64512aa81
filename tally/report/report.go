package report

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/ballot/stroke"
	texttable "github.com/chae-go/chae/internal/table"
	"github.com/chae-go/chae/quota"
	"github.com/chae-go/chae/tally"
)

// Lang is the language of a report's labels. The zero value is English.
type Lang uint8

const (
	// English labels.
	English Lang = iota
	// Chinese labels, simplified characters (简体中文).
	Chinese
)

// ParseLang reads "en" or "zh" (also "zh-CN", "zh-Hans", case ignored); anything else is an error
// wrapping ErrLang.
func ParseLang(s string) (Lang, error) {
	switch strings.ToLower(s) {
	case "en", "en-us", "en-gb", "english":
		return English, nil
	case "zh", "zh-cn", "zh-hans", "chinese":
		return Chinese, nil
	}
	return English, fmt.Errorf("report: language %q: %w (want en or zh)", s, ErrLang)
}

// String returns "en" or "zh".
func (l Lang) String() string {
	if l == Chinese {
		return "zh"
	}
	return "en"
}

// Options configure a report. The zero value writes English labels, no next round, and the
// candidates in slate order.
type Options struct {
	Lang Lang
	// Next, when not nil, is the round the election asks for next (Election.Next), printed at the
	// end of a report of an election not yet done.
	Next *tally.Round
	// StrokeOrder lists the candidates of every round — the rows of its table and the bars of its
	// chart, the list of the next round, and on a ballot paper the candidates — in the order of
	// their surnames' strokes (stroke.CompareNames: GF 3003-1999, single given names first),
	// as the rules that print ballot papers so require (docs/rules.md B3, C7). Names that are
	// not Chinese come after the Chinese ones, in the order stroke.CompareNames gives them (by
	// code point); equal names keep their slate order. Without it, candidates are listed in slate
	// order. Lists by votes (the elected, the reasons) keep their order either way.
	StrokeOrder bool
}

// labels holds the words of one language.
type labels struct {
	title, rules, seats, candidates, round, turnout, voters             string
	entitled, present, registered, voted, issued, returned              string
	quorum, validity, quorumMet, quorumNotMet, quorumNone, turnoutShort string
	valid, invalid, spoiled, pollValid, pollVoid                        string
	bar, noBar, needed                                                  string
	share, result                                                       string
	num, candidate, forL, against, abstain                              string
	writeIns, writeIn, votes, sameAs, decision, reasons                 string
	electedList, closed, none, done, next, unfilled, digest, listNeeded string
	kind                                                                [3]string
	status                                                              [5]string
	why                                                                 [5]string
	whyRunoffWin, whyRunoffLose                                         string
	sign                                                                []string
	date                                                                string
	chartTitle, chartLine                                               string
	heldAgain, colon                                                    string
	asCounted                                                           string
	page, initials                                                      string // "Page %d of %d"; the initials line of every printed page
}

var en = labels{
	title: "Tally sheet", rules: "Rules", seats: "Seats", candidates: "Candidates", round: "Round",
	turnout: "Turnout", voters: "Voters", entitled: "entitled", present: "present", registered: "registered", voted: "voted",
	issued: "ballots issued", returned: "ballots returned",
	quorum: "Quorum", validity: "Validity", quorumMet: "met", quorumNotMet: "NOT met: the round did not take place",
	quorumNone: "none required", turnoutShort: "NOT met: the election is not valid",
	valid: "valid", invalid: "invalid (over-vote)", spoiled: "spoiled",
	pollValid: "the poll is valid", pollVoid: "the poll is VOID",
	bar: "To be elected", noBar: "most votes among the tied", needed: "votes needed",
	share: "Share", result: "Result",
	num: "#", candidate: "Candidate", forL: "For", against: "Against", abstain: "Abstain",
	writeIns: "Write-ins", writeIn: "write-in", votes: "Votes", sameAs: "same name as candidate",
	decision: "Decision", reasons: "Reasons",
	electedList: "Elected", closed: "Seats closed", none: "none",
	done: "The election is done.", next: "Next", unfilled: "still to fill", digest: "Record digest",
	listNeeded: "the list is to be given by the organisers",
	kind:       [3]string{"regular election", "runoff", "supplementary election"},
	status:     [5]string{"not elected", "ELECTED", "tied: runoff", "not elected", "not eligible"},
	why: [5]string{"below the bar", "cleared the bar", "tied across the last seat",
		"cleared the bar but outranked", "write-in not eligible here"},
	whyRunoffWin: "most votes in the runoff", whyRunoffLose: "fewer votes in the runoff",
	sign: []string{"Counter", "Scrutineers", "Chief scrutineer"}, date: "Date",
	chartTitle: "For votes against the bar", chartLine: "bar",
	heldAgain: "the round is held again", colon: ": ",
	asCounted: "as counted",
	page:      "Page %d of %d", initials: "Initials of the counter and the scrutineers",
}

var zh = labels{
	title: "计票结果报告单", rules: "选举办法", seats: "应选名额", candidates: "候选人", round: "轮次",
	turnout: "到会情况", voters: "投票情况", entitled: "应到", present: "实到", registered: "选民", voted: "参加投票",
	issued: "发出选票", returned: "收回选票",
	quorum: "法定人数", validity: "选举有效条件", quorumMet: "符合", quorumNotMet: "不符合：本轮选举未进行",
	quorumNone: "无要求", turnoutShort: "不符合：选举无效",
	valid: "有效票", invalid: "无效票（多选）", spoiled: "废票",
	pollValid: "选举有效", pollVoid: "选举无效",
	bar: "当选条件", noBar: "得票相等者再次投票，得票多者当选", needed: "票当选",
	share: "得票率", result: "结果",
	num: "序号", candidate: "候选人", forL: "赞成", against: "不赞成", abstain: "弃权",
	writeIns: "另选他人", writeIn: "另选", votes: "票数", sameAs: "与候选人同名",
	decision: "决定", reasons: "说明",
	electedList: "当选人名单", closed: "不再选举的名额", none: "无",
	done: "选举结束。", next: "下一轮", unfilled: "个名额待选", digest: "记录摘要",
	listNeeded: "候选人名单待选举组织机构确定",
	kind:       [3]string{"正式选举", "再次投票", "另行选举"},
	status:     [5]string{"未当选", "当选", "票数相等，再次投票", "未当选", "不能当选"},
	why: [5]string{"未达当选票数", "达到当选票数", "票数相等，超出应选名额",
		"达到当选票数但名次在后", "本轮另选他人不能当选"},
	whyRunoffWin: "再次投票得票多", whyRunoffLose: "再次投票得票少",
	sign: []string{"计票人", "监票人", "总监票人"}, date: "日期",
	chartTitle: "赞成票与当选票数", chartLine: "当选线",
	heldAgain: "本轮重新进行", colon: "：",
	asCounted: "按清点数",
	page:      "第 %d 页 共 %d 页", initials: "计票人、监票人签名",
}

func (o Options) labels() *labels {
	if o.Lang == Chinese {
		return &zh
	}
	return &en
}

// The layout all three forms render.
type sheet struct {
	lang    Lang
	l       *labels
	title   string
	meta    [][2]string
	rounds  []roundView
	elected table
	closed  []string
	status  string
	digest  string
}

type table struct {
	head  []string
	right []bool // right-aligned columns
	rows  [][]string
	class []string // per row: "elected", "tied", "failed", ...
}

type bar struct {
	label  string
	status tally.Status
	votes  int
}

type roundView struct {
	heading  string
	lines    []string
	table    table
	writeIns table
	decision []string
	reasons  []string
	chart    []bar
	needed   int // 0: no line
	base     int
}

// capitalize returns s with its first letter in upper case (ASCII).
func capitalize(s string) string {
	if s != "" && s[0] >= 'a' && s[0] <= 'z' {
		return string(s[0]-'a'+'A') + s[1:]
	}
	return s
}

// share returns votes/base as a percentage with one decimal, or "—" for a zero base.
func share(votes, base int) string {
	if base <= 0 || votes < 0 {
		return "—"
	}
	f, err := quota.NewFraction(int64(votes), int64(base))
	if err != nil {
		return "—"
	}
	return f.PercentDecimal(1).StringFixed(1) + "%"
}

func (l *labels) kindName(k tally.RoundKind) string {
	if int(k) < len(l.kind) {
		return l.kind[k]
	}
	return k.String()
}

// build lays out the sheet of the result.
func build(r tally.Result, o Options) sheet {
	l := o.labels()
	s := sheet{lang: o.Lang, l: l, title: l.title + " — " + r.Slate.Office}
	if o.Lang == Chinese {
		s.title = r.Slate.Office + l.title
	}
	s.meta = [][2]string{
		{l.rules, rulesName(r.Rules, o.Lang)},
		{l.seats, itoa(r.Seats)},
		{l.candidates, itoa(len(r.Slate.Candidates))},
	}
	words := sayFor(r, o.Lang)
	for _, d := range r.Decisions {
		s.rounds = append(s.rounds, buildRound(r, d, words, l, o.StrokeOrder))
	}
	s.elected = table{head: []string{l.num, l.candidate, l.round, l.votes}, right: []bool{true, false, false, true}}
	for _, m := range r.Elected {
		name := m.Name
		if m.WriteIn {
			name += " (" + l.writeIn + ")"
			if o.Lang == Chinese {
				name = m.Name + "（" + l.writeIn + "）"
			}
		}
		s.elected.rows = append(s.elected.rows, []string{itoa(m.Rank), name, itoa(m.Round) + " " + l.kindName(m.Kind), itoa(m.Votes)})
		s.elected.class = append(s.elected.class, "elected")
	}
	for _, c := range r.Closed {
		s.closed = append(s.closed, closedLine(c, words))
	}
	s.status = status(r, o, l)
	s.digest = r.Digest()
	return s
}

// closedLine words a reduction: the caller's reason as given, or the rules' reason.
func closedLine(c tally.Reduction, words *say) string {
	why := c.Reason
	if c.ByRules != nil {
		why = words.sentence(*c.ByRules)
	}
	if words.lang == Chinese {
		return itoa(c.Seats) + "名：" + why
	}
	return howMany(c.Seats, "seat") + ": " + why
}

// status is the last line: done, the round needed next, or the seats still to fill.
func status(r tally.Result, o Options, l *labels) string {
	switch {
	case r.Done:
		return l.done
	case o.Next != nil:
		n := o.Next
		names := candidateNames(printed(n.Slate.Candidates, o.StrokeOrder))
		cands := strings.Join(names, ", ")
		if o.Lang == Chinese {
			cands = "候选人：" + strings.Join(names, "、")
		}
		if len(n.Slate.Candidates) == 0 {
			cands = l.listNeeded
		}
		if o.Lang == Chinese {
			return fmt.Sprintf("%s：第%d轮%s，应选%d名，%s", l.next, n.Number, l.kindName(n.Kind), n.Slate.Seats, cands)
		}
		return fmt.Sprintf("%s: %s %d, %s, %s: %s", l.next, l.round, n.Number, l.kindName(n.Kind), howMany(n.Slate.Seats, "seat"), cands)
	case o.Lang == Chinese:
		return fmt.Sprintf("%d%s", r.Unfilled(), l.unfilled)
	}
	return fmt.Sprintf("%s %s", howMany(r.Unfilled(), "seat"), l.unfilled)
}

// printed returns the candidates in the order they are printed: by the strokes of their names
// (stable: equal names keep their order), or as given. The slice given is not changed.
func printed(cs []ballot.Candidate, strokeOrder bool) []ballot.Candidate {
	if !strokeOrder {
		return cs
	}
	out := slices.Clone(cs)
	slices.SortStableFunc(out, func(a, b ballot.Candidate) int { return stroke.CompareNames(a.Name, b.Name) })
	return out
}

func candidateNames(cs []ballot.Candidate) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Name
	}
	return out
}

// buildRound lays out one round: heading, figures, the candidates' table, the write-ins, the
// decision and its reasons.
func buildRound(r tally.Result, d tally.Decision, words *say, l *labels, strokeOrder bool) roundView {
	v := roundView{base: d.BaseFigure, needed: d.Needed, heading: heading(d, words.lang, l)}
	v.lines = append(v.lines, turnoutLine(d, words, l), attendanceLine(r.Rules, d, words, l))
	v.reasons = make([]string, len(d.Reasons))
	for i, why := range d.Reasons {
		v.reasons[i] = words.sentence(why)
	}
	if d.Outcome == tally.NoQuorum {
		v.decision = []string{l.heldAgain}
		return v
	}
	v.lines = append(v.lines, ballotsLine(d, words.lang, l))
	if short := fewerLine(d, words); short != "" {
		v.lines = append(v.lines, short)
	}
	if skipped := skippedLine(d, words); skipped != "" {
		v.lines = append(v.lines, skipped)
	}
	if d.Outcome == tally.Void {
		v.decision = []string{l.heldAgain}
		return v
	}
	v.lines = append(v.lines, barLine(d, words, l))
	v.table, v.writeIns, v.chart = standings(d, words, l, strokeOrder)
	v.decision = decisionLines(d, words, l)
	return v
}

// heading is a round's heading: "Round 2: supplementary election, 2 seats, 3 candidates".
func heading(d tally.Decision, lang Lang, l *labels) string {
	seats, cands := d.Round.Slate.Seats, len(d.Round.Slate.Candidates)
	if lang == Chinese {
		return fmt.Sprintf("第%d轮：%s，应选%d名，候选人%d名", d.Round.Number, l.kindName(d.Round.Kind), seats, cands)
	}
	return fmt.Sprintf("%s %d: %s, %s, %s", l.round, d.Round.Number, l.kindName(d.Round.Kind), howMany(seats, "seat"), howMany(cands, "candidate"))
}

// turnoutLine gives the turnout figures: of a meeting, or of a constituency's voters. Ballots
// returned that were not declared are the ballots counted, and say so.
func turnoutLine(d tally.Decision, words *say, l *labels) string {
	t := d.Turnout
	sep, colon := ", ", ": "
	if words.lang == Chinese {
		sep, colon = "，", "："
	}
	title, entitled, present := l.turnout, l.entitled, l.present
	if words.voters {
		title, entitled, present = l.voters, l.registered, l.voted
	}
	return title + colon + strings.Join([]string{entitled + " " + itoa(t.Entitled), present + " " + itoa(t.Present),
		l.issued + " " + itoa(t.Issued), l.returned + " " + returnedFigure(d, words.lang, l)}, sep)
}

// returnedFigure is the ballots returned: the declared figure, or the ballots counted, marked
// so; a dash in a round that did not take place, where nothing was declared nor counted.
func returnedFigure(d tally.Decision, lang Lang, l *labels) string {
	if n, ok := d.Turnout.Returned.Get(); ok {
		return itoa(n)
	}
	if d.Outcome == tally.NoQuorum && d.Counts.Ballots == 0 {
		return "—"
	}
	if lang == Chinese {
		return itoa(d.Counts.Ballots) + "（" + l.asCounted + "）"
	}
	return itoa(d.Counts.Ballots) + " (" + l.asCounted + ")"
}

// fewerLine notes a round whose ballots counted are fewer than those present (or the voters who
// voted): each of them was given a ballot paper, so the missing ones were kept, lost or are in a
// file not counted. It is "" when there are as many ballots as present, or more (the poll may
// then be void, which the ballots line says), and for a round that did not take place.
func fewerLine(d tally.Decision, words *say) string {
	counted, present := d.Counts.Ballots, d.Turnout.Present
	if d.Outcome == tally.NoQuorum || counted >= present {
		return ""
	}
	if words.lang == Chinese {
		who := "实到人数"
		if words.voters {
			who = "参加投票的选民人数"
		}
		return fmt.Sprintf("注意：清点选票%d张，比%s（%d人）少%d张", counted, who, present, present-counted)
	}
	who := "present"
	if words.voters {
		who = "voters who voted"
	}
	return fmt.Sprintf("Note: %s counted, %d fewer than the %d %s", howMany(counted, "ballot"), present-counted, present, who)
}

// skippedLine notes the empty rows that ended the round's ballot files, skipped as holding no
// ballot, so that the sheet accounts for every row counted or not; "" when there were none.
func skippedLine(d tally.Decision, words *say) string {
	n := d.Counts.SkippedRows
	if n <= 0 {
		return ""
	}
	if words.lang == Chinese {
		return fmt.Sprintf("注意：选票文件末尾的空行%d行已跳过，不含选票，不计入清点", n)
	}
	return fmt.Sprintf("Note: %s at the end of the ballot files skipped: they hold no ballot and are not counted", howMany(n, "empty row"))
}

// attendanceLine gives the quorum of a meeting, or the turnout that makes an election by voters
// valid, and whether the round met it.
func attendanceLine(rules tally.Rules, d tally.Decision, words *say, l *labels) string {
	q, t := rules.Quorum, d.Turnout
	label, met := l.quorum, l.quorumMet
	if words.voters {
		label = l.validity
	}
	if d.Outcome == tally.NoQuorum {
		met = l.quorumNotMet
		if words.voters {
			met = l.turnoutShort
		}
	}
	if words.lang == Chinese {
		if q.Share.IsZero() && q.Boundary == quota.MoreThan {
			return label + "：" + l.quorumNone
		}
		if words.voters {
			need := "选区全体选民的" + needZH(q.Boundary) + shareZH(q.Share) + "参加投票"
			if q.Boundary == quota.MoreThan && q.Share.Equal(quota.Ratio(1, 2)) {
				need = "选区全体选民的过半数参加投票" // Art. 45 ¶1's own words
			}
			return fmt.Sprintf("%s：%s（至少%d人），实际参加投票%d人 — %s", label, need, q.Needed(t.Entitled), t.Present, met)
		}
		return fmt.Sprintf("%s：%s应到会有选举权的人数的%s，至少%d人，实到%d人 — %s", label, needZH(q.Boundary), shareZH(q.Share), q.Needed(t.Entitled), t.Present, met)
	}
	if q.Share.IsZero() && q.Boundary == quota.MoreThan {
		return label + ": " + l.quorumNone
	}
	who, base := "present", "those entitled to vote"
	if words.voters {
		who, base = "voted", "the registered voters must vote"
	}
	return fmt.Sprintf("%s: %s of %s: %d needed, %d %s — %s", label, thresholdEN(q), base, q.Needed(t.Entitled), t.Present, who, met)
}

// ballotsLine gives how the ballots returned were counted, and whether the poll is valid.
func ballotsLine(d tally.Decision, lang Lang, l *labels) string {
	c := d.Counts
	poll := l.pollValid
	if d.Outcome == tally.Void {
		poll = l.pollVoid + " — " + l.heldAgain
	}
	sep, colon := ", ", ": "
	if lang == Chinese {
		sep, colon = "，", "："
	}
	return fmt.Sprintf("%s %d%s%s %d%s%s %d%s%s %d — %s", capitalize(l.returned), d.Turnout.Returned.Or(c.Ballots), colon,
		l.valid, c.Valid, sep, l.invalid, c.Invalid, sep, l.spoiled, c.Spoiled, poll)
}

// barLine gives the bar of the round and the votes it takes.
func barLine(d tally.Decision, words *say, l *labels) string {
	colon := ": "
	if words.lang == Chinese {
		colon = "："
	}
	if d.Bar == nil {
		return l.bar + colon + l.noBar
	}
	if d.Bar.Threshold.Share.IsZero() {
		if words.lang == Chinese {
			return fmt.Sprintf("%s：赞成票至少%d票", l.bar, d.Needed)
		}
		return fmt.Sprintf("%s: %d %s", l.bar, d.Needed, l.needed)
	}
	if words.lang == Chinese {
		base, unit := words.baseZH(d.Bar.Base)
		return fmt.Sprintf("%s：赞成票%s%s（%d%s）的%s，即至少%d票", l.bar, needZH(d.Bar.Threshold.Boundary), base, d.BaseFigure, unit,
			shareZH(d.Bar.Threshold.Share), d.Needed)
	}
	return fmt.Sprintf("%s: %s of %s (%d): %d %s", l.bar, thresholdEN(d.Bar.Threshold), words.baseEN(d.Bar.Base), d.BaseFigure, d.Needed, l.needed)
}

// standings lays out the candidates' table, the write-ins' table and the chart of a round: the
// candidates in slate order, or in stroke order, numbered as listed; the write-ins by votes.
func standings(d tally.Decision, words *say, l *labels, strokeOrder bool) (cands, writeIns table, chart []bar) {
	cands = table{
		head:  []string{l.num, l.candidate, l.forL, l.against, l.abstain, l.share, l.result},
		right: []bool{true, false, true, true, true, true, false},
	}
	writeIns = table{head: []string{l.writeIns, l.votes, l.result}, right: []bool{false, true, false}}
	var onSlate []tally.Standing
	for _, st := range d.Standings {
		if st.WriteIn {
			writeIns.rows = append(writeIns.rows, []string{st.Name, itoa(st.For), result(st, d.Bar == nil, words.lang, l)})
			writeIns.class = append(writeIns.class, st.Status.String())
			continue
		}
		onSlate = append(onSlate, st)
	}
	if strokeOrder {
		slices.SortStableFunc(onSlate, func(a, b tally.Standing) int { return stroke.CompareNames(a.Name, b.Name) })
	}
	for i, st := range onSlate {
		cands.rows = append(cands.rows, []string{itoa(i + 1), st.Name, itoa(st.For), itoa(st.Against), itoa(st.Abstain), share(st.For, d.BaseFigure), result(st, d.Bar == nil, words.lang, l)})
		cands.class = append(cands.class, st.Status.String())
		chart = append(chart, bar{label: st.Name, votes: st.For, status: st.Status})
	}
	// Write-ins that are not standings (Counts keeps every name; the flag for a name equal to a
	// candidate's).
	listed := map[string]bool{}
	for _, row := range writeIns.rows {
		listed[row[0]] = true
	}
	for _, w := range d.Counts.WriteIns {
		if listed[w.Name] {
			continue
		}
		res := l.status[tally.Ineligible]
		if w.SameAs != "" {
			res += " (" + l.sameAs + " " + words.name(w.SameAs) + ")"
			if words.lang == Chinese {
				res = l.status[tally.Ineligible] + "（" + l.sameAs + words.name(w.SameAs) + "）"
			}
		}
		writeIns.rows = append(writeIns.rows, []string{w.Name, itoa(w.Votes), res})
		writeIns.class = append(writeIns.class, "ineligible")
	}
	return cands, writeIns, chart
}

// result words a standing: "ELECTED (cleared the bar)".
func result(st tally.Standing, mostVotes bool, lang Lang, l *labels) string {
	status := l.status[min(int(st.Status), len(l.status)-1)]
	why := l.why[min(int(st.Status), len(l.why)-1)]
	switch {
	case mostVotes && st.Status == tally.Elected:
		why = l.whyRunoffWin
	case mostVotes && st.Status != tally.Ineligible:
		why = l.whyRunoffLose
	}
	if lang == Chinese {
		return status + "（" + why + "）"
	}
	return status + " (" + why + ")"
}

func decisionLines(d tally.Decision, words *say, l *labels) []string {
	var out []string
	zhSeats := func(n int) string { return itoa(n) + "名" }
	if len(d.Elected) > 0 {
		if words.lang == Chinese {
			out = append(out, words.list(d.Elected)+words.electedZH())
		} else {
			out = append(out, capitalize(words.elected())+": "+words.list(d.Elected))
		}
	}
	if len(d.Tied) > 0 {
		if words.lang == Chinese {
			out = append(out, "再次投票："+words.list(d.Tied)+"，选"+zhSeats(d.RunoffSeats))
		} else {
			out = append(out, "Runoff among "+words.list(d.Tied)+" for "+howMany(d.RunoffSeats, "seat"))
		}
	}
	if d.Missing > 0 {
		if words.lang == Chinese {
			out = append(out, "缺额"+zhSeats(d.Missing))
		} else {
			out = append(out, howMany(d.Missing, "seat")+" not filled")
		}
	}
	if len(out) == 0 {
		out = append(out, l.none)
	}
	return out
}

// Text writes the report as aligned plain text, for a terminal or a printer. Columns are aligned
// by display width: a Chinese character counts two columns.
func Text(w io.Writer, r tally.Result, o Options) error {
	s := build(r, o)
	var b strings.Builder
	b.WriteString(s.title + "\n")
	b.WriteString(strings.Repeat("=", texttable.Width(s.title)) + "\n")
	writeTable(&b, "", metaRows(s.meta, s.l.colon))
	for _, rv := range s.rounds {
		b.WriteString("\n" + rv.heading + "\n")
		b.WriteString(strings.Repeat("-", texttable.Width(rv.heading)) + "\n")
		for _, line := range rv.lines {
			b.WriteString("  " + line + "\n")
		}
		if len(rv.table.rows) > 0 {
			b.WriteString("\n")
			writeTable(&b, "  ", rv.table)
		}
		if len(rv.writeIns.rows) > 0 {
			b.WriteString("\n")
			writeTable(&b, "  ", rv.writeIns)
		}
		b.WriteString("\n  " + s.l.decision + strings.TrimSpace(s.l.colon) + "\n")
		for _, d := range rv.decision {
			b.WriteString("    " + d + "\n")
		}
		if len(rv.reasons) > 0 {
			b.WriteString("  " + s.l.reasons + strings.TrimSpace(s.l.colon) + "\n")
			for _, d := range rv.reasons {
				b.WriteString("    " + d + "\n")
			}
		}
	}
	b.WriteString("\n" + s.l.electedList + "\n")
	b.WriteString(strings.Repeat("-", texttable.Width(s.l.electedList)) + "\n")
	if len(s.elected.rows) == 0 {
		b.WriteString("  " + s.l.none + "\n")
	} else {
		writeTable(&b, "  ", s.elected)
	}
	if len(s.closed) > 0 {
		b.WriteString("\n" + s.l.closed + strings.TrimSpace(s.l.colon) + "\n")
		for _, c := range s.closed {
			b.WriteString("  " + c + "\n")
		}
	}
	b.WriteString("\n" + s.status + "\n")
	b.WriteString(s.l.digest + s.l.colon + s.digest + "\n\n")
	for _, sg := range append(s.l.sign, s.l.date) {
		b.WriteString(sg + s.l.colon + strings.Repeat("_", 30) + "\n\n")
	}
	_, err := io.WriteString(w, strings.TrimSuffix(b.String(), "\n"))
	return err
}

func metaRows(meta [][2]string, colon string) table {
	t := table{right: []bool{false, false}}
	for _, m := range meta {
		t.rows = append(t.rows, []string{m[0] + strings.TrimSpace(colon), m[1]})
	}
	return t
}

// writeTable writes t with columns padded to their display width, two spaces apart.
func writeTable(b *strings.Builder, indent string, t table) {
	tb := texttable.Table{Indent: indent, Right: t.right}
	if t.head != nil {
		tb.Rows = append(tb.Rows, t.head)
	}
	tb.Rows = append(tb.Rows, t.rows...)
	tb.Write(b)
}

// Markdown writes the report as Markdown (GitHub-flavoured tables).
func Markdown(w io.Writer, r tally.Result, o Options) error {
	s := build(r, o)
	var b strings.Builder
	b.WriteString("# " + mdEscape(s.title) + "\n\n")
	for _, m := range s.meta {
		b.WriteString("- **" + mdEscape(m[0]) + "**: " + mdEscape(m[1]) + "\n")
	}
	for _, rv := range s.rounds {
		b.WriteString("\n## " + mdEscape(rv.heading) + "\n\n")
		for _, line := range rv.lines {
			b.WriteString("- " + mdEscape(line) + "\n")
		}
		if len(rv.table.rows) > 0 {
			b.WriteString("\n")
			mdTable(&b, rv.table)
		}
		if len(rv.writeIns.rows) > 0 {
			b.WriteString("\n")
			mdTable(&b, rv.writeIns)
		}
		b.WriteString("\n**" + mdEscape(s.l.decision) + "**:\n\n")
		for _, d := range rv.decision {
			b.WriteString("- " + mdEscape(d) + "\n")
		}
		if len(rv.reasons) > 0 {
			b.WriteString("\n**" + mdEscape(s.l.reasons) + "**:\n\n")
			for _, d := range rv.reasons {
				b.WriteString("- " + mdEscape(d) + "\n")
			}
		}
	}
	b.WriteString("\n## " + mdEscape(s.l.electedList) + "\n\n")
	if len(s.elected.rows) == 0 {
		b.WriteString(s.l.none + "\n")
	} else {
		mdTable(&b, s.elected)
	}
	if len(s.closed) > 0 {
		b.WriteString("\n**" + mdEscape(s.l.closed) + "**:\n\n")
		for _, c := range s.closed {
			b.WriteString("- " + mdEscape(c) + "\n")
		}
	}
	b.WriteString("\n" + mdEscape(s.status) + "\n\n")
	b.WriteString(mdEscape(s.l.digest) + ": `" + s.digest + "`\n\n")
	for _, sg := range s.l.sign {
		b.WriteString(mdEscape(sg) + ": \\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_ ")
	}
	b.WriteString(mdEscape(s.l.date) + ": \\_\\_\\_\\_\\_\\_\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func mdTable(b *strings.Builder, t table) {
	b.WriteString("|")
	for _, h := range t.head {
		b.WriteString(" " + mdEscape(h) + " |")
	}
	b.WriteString("\n|")
	for i := range t.head {
		if i < len(t.right) && t.right[i] {
			b.WriteString("---:|")
		} else {
			b.WriteString("---|")
		}
	}
	b.WriteString("\n")
	for _, r := range t.rows {
		b.WriteString("|")
		for _, c := range r {
			b.WriteString(" " + mdEscape(c) + " |")
		}
		b.WriteString("\n")
	}
}

var mdReplacer = strings.NewReplacer(`\`, `\\`, "|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`", "<", "&lt;", ">", "&gt;", "[", `\[`, "]", `\]`, "\n", " ")

func mdEscape(s string) string { return mdReplacer.Replace(s) }
