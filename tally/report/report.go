package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/chae-go/chae/ballot"
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

// ParseLang reads "en" or "zh" (also "zh-CN", "zh-Hans", case ignored).
func ParseLang(s string) (Lang, error) {
	switch strings.ToLower(s) {
	case "en", "en-us", "en-gb", "english":
		return English, nil
	case "zh", "zh-cn", "zh-hans", "chinese":
		return Chinese, nil
	}
	return English, fmt.Errorf("report: unknown language %q (want en or zh)", s)
}

// String returns "en" or "zh".
func (l Lang) String() string {
	if l == Chinese {
		return "zh"
	}
	return "en"
}

// Options configure a report. The zero value writes English labels and no next round.
type Options struct {
	Lang Lang
	// Next, when not nil, is the round the election asks for next (Election.Next), printed at the
	// end of a report of an election not yet done.
	Next *tally.Round
}

// labels holds the words of one language.
type labels struct {
	title, rules, seats, candidates, round, turnout                    string
	entitled, present, issued, returned                                string
	quorum, quorumMet, quorumNotMet, quorumNone                        string
	ballots, valid, invalid, spoiled, pollValid, pollVoid              string
	bar, noBar, needed, share, result                                  string
	num, candidate, forL, against, abstain                             string
	writeIns, writeIn, votes, sameAs, decision, reasons                string
	elected, electedList, closed, none, done, next, unfilled, digest   string
	kind                                                               [3]string
	status                                                             [5]string
	why                                                                [5]string
	whyRunoffWin, whyRunoffLose                                        string
	sign                                                               []string
	date                                                               string
	chartTitle, chartLine                                              string
	seatsOpen, runoffAmong, missing, heldAgain, supplementary, reduced string
	neededP, colon                                                     string
}

var en = labels{
	title: "Tally sheet", rules: "Rules", seats: "Seats", candidates: "Candidates", round: "Round",
	turnout: "Turnout", entitled: "entitled", present: "present", issued: "ballots issued", returned: "ballots returned",
	quorum: "Quorum", quorumMet: "met", quorumNotMet: "NOT met: the round did not take place", quorumNone: "none required",
	ballots: "Ballots", valid: "valid", invalid: "invalid (over-vote)", spoiled: "spoiled",
	pollValid: "the poll is valid", pollVoid: "the poll is VOID",
	bar: "To be elected", noBar: "most votes among the tied", needed: "votes needed",
	share: "Share", result: "Result",
	num: "#", candidate: "Candidate", forL: "For", against: "Against", abstain: "Abstain",
	writeIns: "Write-ins", writeIn: "write-in", votes: "Votes", sameAs: "same name as candidate",
	decision: "Decision", reasons: "Reasons",
	elected: "elected", electedList: "Elected", closed: "Seats closed", none: "none",
	done: "The election is done.", next: "Next", unfilled: "still to fill", digest: "Record digest",
	kind:   [3]string{"regular election", "runoff", "supplementary election"},
	status: [5]string{"not elected", "ELECTED", "tied: runoff", "not elected", "not eligible"},
	why: [5]string{"below the bar", "cleared the bar", "tied across the last seat",
		"cleared the bar but outranked", "write-in not eligible here"},
	whyRunoffWin: "most votes in the runoff", whyRunoffLose: "fewer votes in the runoff",
	sign: []string{"Counting staff", "Scrutineers", "Chair"}, date: "Date",
	chartTitle: "For votes against the bar", chartLine: "bar",
	seatsOpen: "seats", runoffAmong: "runoff among", missing: "not filled",
	heldAgain: "the round is held again", supplementary: "supplementary election", reduced: "seats closed",
	neededP: "needed", colon: ": ",
}

var zh = labels{
	title: "计票结果报告单", rules: "选举办法", seats: "应选名额", candidates: "候选人", round: "轮次",
	turnout: "到会情况", entitled: "应到", present: "实到", issued: "发出选票", returned: "收回选票",
	quorum: "法定人数", quorumMet: "符合", quorumNotMet: "不符合：本轮选举未进行", quorumNone: "无要求",
	ballots: "选票", valid: "有效票", invalid: "无效票（多选）", spoiled: "废票",
	pollValid: "选举有效", pollVoid: "选举无效",
	bar: "当选条件", noBar: "得票相等者再次投票，得票多者当选", needed: "票当选",
	share: "得票率", result: "结果",
	num: "序号", candidate: "候选人", forL: "赞成", against: "不赞成", abstain: "弃权",
	writeIns: "另选他人", writeIn: "另选", votes: "票数", sameAs: "与候选人同名",
	decision: "决定", reasons: "说明",
	elected: "当选", electedList: "当选人名单", closed: "减少名额", none: "无",
	done: "选举结束。", next: "下一轮", unfilled: "个名额待选", digest: "记录摘要",
	kind:   [3]string{"正式选举", "再次投票", "另行选举"},
	status: [5]string{"未当选", "当选", "票数相等，再次投票", "未当选", "不能当选"},
	why: [5]string{"未达当选票数", "达到当选票数", "票数相等，超出应选名额",
		"达到当选票数但名次在后", "本轮另选他人不能当选"},
	whyRunoffWin: "再次投票得票多", whyRunoffLose: "再次投票得票少",
	sign: []string{"计票人", "监票人", "总监票人"}, date: "日期",
	chartTitle: "赞成票与当选票数", chartLine: "当选线",
	seatsOpen: "名", runoffAmong: "再次投票：", missing: "个名额空缺", heldAgain: "本轮重新进行",
	supplementary: "另行选举", reduced: "减少名额", neededP: "人为法定人数", colon: "：",
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
	label, class string
	votes        int
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

func itoa(n int) string { return strconv.Itoa(n) }

// seats returns "1 seat" or "n seats".
func seats(n int) string {
	if n == 1 {
		return "1 seat"
	}
	return itoa(n) + " seats"
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

func (l *labels) baseName(lang Lang, b tally.Base) string {
	if lang == English {
		return b.Describe()
	}
	switch b {
	case tally.OfPresent:
		return "实到会有选举权的人数"
	case tally.OfEntitled:
		return "应到会有选举权的人数"
	case tally.OfIssued:
		return "发出的选票"
	case tally.OfReturned:
		return "收回的选票"
	case tally.OfValid:
		return "有效票"
	}
	return b.String()
}

func (l *labels) threshold(lang Lang, t quota.Threshold, b tally.Base) string {
	if lang == English {
		return t.String() + " of " + b.Describe()
	}
	word := "超过"
	if t.Boundary == quota.AtLeast {
		word = "不少于"
	}
	return word + l.baseName(lang, b) + "的" + zhShare(t.Share)
}

func zhShare(f quota.Fraction) string {
	switch {
	case f.Equal(quota.Ratio(1, 2)):
		return "半数"
	case f.Equal(quota.Ratio(1, 3)):
		return "三分之一"
	case f.Equal(quota.Ratio(2, 3)):
		return "三分之二"
	case f.Equal(quota.Ratio(4, 5)):
		return "五分之四"
	}
	return f.String()
}

func build(r tally.Result, o Options) sheet {
	l := o.labels()
	s := sheet{lang: o.Lang, l: l, title: l.title + " — " + r.Slate.Office}
	if o.Lang == Chinese {
		s.title = r.Slate.Office + l.title
	}
	s.meta = [][2]string{
		{l.rules, r.Rules.Name},
		{l.seats, itoa(r.Seats)},
		{l.candidates, itoa(len(r.Slate.Candidates))},
	}
	names := map[string]string{}
	for _, c := range r.Slate.Candidates {
		names[c.ID] = c.Name
	}
	for _, d := range r.Decisions {
		s.rounds = append(s.rounds, buildRound(r, d, l, o.Lang, names))
	}
	s.elected = table{head: []string{l.num, l.candidate, l.round, l.votes}, right: []bool{true, false, false, true}}
	for _, m := range r.Elected {
		name := m.Name
		if m.WriteIn {
			name += " (" + l.writeIn + ")"
		}
		s.elected.rows = append(s.elected.rows, []string{itoa(m.Rank), name, itoa(m.Round) + " " + l.kindName(m.Kind), itoa(m.Votes)})
		s.elected.class = append(s.elected.class, "elected")
	}
	for _, c := range r.Closed {
		s.closed = append(s.closed, fmt.Sprintf("%d: %s", c.Seats, c.Reason))
	}
	switch {
	case r.Done:
		s.status = l.done
	case o.Next != nil:
		s.status = fmt.Sprintf("%s: %s %d, %s, %d %s: %s", l.next, l.round, o.Next.Number, l.kindName(o.Next.Kind),
			o.Next.Slate.Seats, l.seatsOpen, strings.Join(candidateNames(o.Next.Slate.Candidates), ", "))
		if o.Lang == Chinese {
			s.status = fmt.Sprintf("%s：第%d轮%s，应选%d名，候选人：%s", l.next, o.Next.Number, l.kindName(o.Next.Kind),
				o.Next.Slate.Seats, strings.Join(candidateNames(o.Next.Slate.Candidates), "、"))
		}
	case o.Lang == Chinese:
		s.status = fmt.Sprintf("%d%s", r.Unfilled(), l.unfilled)
	default:
		s.status = fmt.Sprintf("%s %s", seats(r.Unfilled()), l.unfilled)
	}
	s.digest = r.Digest()
	return s
}

func candidateNames(cs []ballot.Candidate) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Name
	}
	return out
}

func buildRound(r tally.Result, d tally.Decision, l *labels, lang Lang, names map[string]string) roundView {
	v := roundView{base: d.BaseFigure, needed: d.Needed}
	t, c := d.Turnout, d.Counts
	if lang == Chinese {
		v.heading = fmt.Sprintf("第%d轮：%s，应选%d名，候选人%d名", d.Round.Number, l.kindName(d.Round.Kind), d.Round.Slate.Seats, len(d.Round.Slate.Candidates))
	} else {
		cands := itoa(len(d.Round.Slate.Candidates)) + " candidates"
		if len(d.Round.Slate.Candidates) == 1 {
			cands = "1 candidate"
		}
		v.heading = fmt.Sprintf("%s %d: %s, %s, %s", l.round, d.Round.Number, l.kindName(d.Round.Kind),
			seats(d.Round.Slate.Seats), cands)
	}
	sep, colon := ", ", ": "
	if lang == Chinese {
		sep, colon = "，", "："
	}
	v.lines = append(v.lines, l.turnout+colon+strings.Join([]string{
		l.entitled + " " + itoa(t.Entitled), l.present + " " + itoa(t.Present),
		l.issued + " " + itoa(t.Issued), l.returned + " " + itoa(t.Returned)}, sep))
	q := r.Rules.Quorum
	quorum := l.quorumNone
	if !q.Share.IsZero() || q.Boundary != quota.MoreThan {
		quorum = fmt.Sprintf("%s: %d %s, %d %s", l.threshold(lang, q, tally.OfEntitled), q.Needed(t.Entitled), l.neededP, t.Present, l.present)
		if lang == Chinese {
			quorum = fmt.Sprintf("%s，至少%d人，实到%d人", l.threshold(lang, q, tally.OfEntitled), q.Needed(t.Entitled), t.Present)
		}
		if d.Outcome == tally.NoQuorum {
			quorum += " — " + l.quorumNotMet
		} else {
			quorum += " — " + l.quorumMet
		}
	}
	v.lines = append(v.lines, l.quorum+colon+quorum)
	if d.Outcome == tally.NoQuorum {
		v.decision = []string{l.heldAgain}
		v.reasons = d.Reasons
		return v
	}
	poll := l.pollValid
	if d.Outcome == tally.Void {
		poll = l.pollVoid + " — " + l.heldAgain
	}
	v.lines = append(v.lines, fmt.Sprintf("%s %d%s%s %d%s%s %d%s%s %d — %s", capitalize(l.returned), c.Ballots, colon,
		l.valid, c.Valid, sep, l.invalid, c.Invalid, sep, l.spoiled, c.Spoiled, poll))
	if d.Outcome == tally.Void {
		v.decision = []string{l.heldAgain}
		v.reasons = d.Reasons
		return v
	}
	if d.Bar != nil {
		if lang == Chinese {
			v.lines = append(v.lines, fmt.Sprintf("%s%s%s（%d），即至少%d票", l.bar, colon,
				l.threshold(lang, d.Bar.Threshold, d.Bar.Base), d.BaseFigure, d.Needed))
		} else {
			v.lines = append(v.lines, fmt.Sprintf("%s%s%s (%d): %d %s", l.bar, colon,
				l.threshold(lang, d.Bar.Threshold, d.Bar.Base), d.BaseFigure, d.Needed, l.needed))
		}
	} else {
		v.lines = append(v.lines, l.bar+colon+l.noBar)
	}
	v.table = table{
		head:  []string{l.num, l.candidate, l.forL, l.against, l.abstain, l.share, l.result},
		right: []bool{true, false, true, true, true, true, false},
	}
	v.writeIns = table{head: []string{l.writeIns, l.votes, l.result}, right: []bool{false, true, false}}
	n := 0
	for _, st := range d.Standings {
		status := l.status[min(int(st.Status), len(l.status)-1)]
		why := l.why[min(int(st.Status), len(l.why)-1)]
		if d.Bar == nil && st.Status == tally.Elected {
			why = l.whyRunoffWin
		} else if d.Bar == nil {
			why = l.whyRunoffLose
		}
		res := status + "（" + why + "）"
		if lang == English {
			res = status + " (" + why + ")"
		}
		class := strings.ToLower(st.Status.String())
		if st.WriteIn {
			v.writeIns.rows = append(v.writeIns.rows, []string{st.Name, itoa(st.For), res})
			v.writeIns.class = append(v.writeIns.class, class)
			continue
		}
		n++
		v.table.rows = append(v.table.rows, []string{itoa(n), st.Name, itoa(st.For), itoa(st.Against), itoa(st.Abstain), share(st.For, d.BaseFigure), res})
		v.table.class = append(v.table.class, class)
		v.chart = append(v.chart, bar{label: st.Name, votes: st.For, class: class})
	}
	// Write-ins that are not standings (Counts keeps every name; the flag for a name equal to a
	// candidate's).
	for _, w := range c.WriteIns {
		found := false
		for _, row := range v.writeIns.rows {
			if row[0] == w.Name {
				found = true
			}
		}
		if found {
			continue
		}
		res := l.status[tally.Ineligible]
		if w.SameAs != "" {
			res += " (" + l.sameAs + " " + names[w.SameAs] + ")"
			if lang == Chinese {
				res = l.status[tally.Ineligible] + "（" + l.sameAs + names[w.SameAs] + "）"
			}
		}
		v.writeIns.rows = append(v.writeIns.rows, []string{w.Name, itoa(w.Votes), res})
		v.writeIns.class = append(v.writeIns.class, "ineligible")
	}
	v.decision = decisionLines(d, l, lang, names)
	if lang == English {
		v.reasons = d.Reasons
	}
	return v
}

func decisionLines(d tally.Decision, l *labels, lang Lang, names map[string]string) []string {
	name := func(id string) string {
		if n, ok := names[id]; ok {
			return n
		}
		return strings.TrimPrefix(id, tally.WriteInPrefix)
	}
	list := func(ids []string) string {
		out := make([]string, len(ids))
		for i, id := range ids {
			out[i] = name(id)
		}
		if lang == Chinese {
			return strings.Join(out, "、")
		}
		return strings.Join(out, ", ")
	}
	var out []string
	if len(d.Elected) > 0 {
		if lang == Chinese {
			out = append(out, list(d.Elected)+"当选")
		} else {
			out = append(out, "Elected: "+list(d.Elected))
		}
	}
	if len(d.Tied) > 0 {
		if lang == Chinese {
			out = append(out, fmt.Sprintf("%s%s，选%d名", l.runoffAmong, list(d.Tied), d.RunoffSeats))
		} else {
			out = append(out, fmt.Sprintf("Runoff among %s for %s", list(d.Tied), seats(d.RunoffSeats)))
		}
	}
	if d.Missing > 0 {
		if lang == Chinese {
			out = append(out, fmt.Sprintf("%d%s", d.Missing, l.missing))
		} else {
			out = append(out, fmt.Sprintf("%s %s", seats(d.Missing), l.missing))
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
