package report

import (
	"fmt"
	"html/template"
	"io"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/tally"
)

// paperColumns is the number of candidates in a line of the printed ballot paper.
const paperColumns = 7

// BallotPaper writes the ballot paper of a round as one self-contained HTML page that prints on
// A4: the office, the round, the seats, the candidates — each name under an empty box for the
// voter's mark, in the order of Options.StrokeOrder (surname strokes, or slate order) —, lines
// for the names written in, and the marking instructions the rules imply:
//
//   - ○ in the box above a name for the candidate (赞成), × against (不赞成), the box left empty
//     to abstain (弃权) (docs/rules.md B4; the Electoral Law's own wording is A9);
//   - where the rules allow write-ins (Rules.WriteIns) and the round is not a runoff, which
//     only the tied stand in, one line for each seat of the round (另选他人): a voter may choose
//     no more persons than seats;
//   - a ballot choosing more persons than the round's seats, marks ○ and names written in
//     together, is invalid (所选人数多于应选人数的为无效票; A8, B7).
//
// Only Options.Lang and Options.StrokeOrder are used. The page needs no script and no network.
func BallotPaper(w io.Writer, round tally.Round, rules tally.Rules, o Options) error {
	lang := o.Lang
	s := round.Slate
	cands := printed(s.Candidates, o.StrokeOrder)
	p := paperPage{Lang: "en", Title: paperTitle(round, lang), Subtitle: paperSubtitle(round, lang, o.StrokeOrder)}
	if lang == Chinese {
		p.Lang = "zh-Hans"
	}
	for i := 0; i < len(cands); i += paperColumns {
		var line paperLine
		for _, c := range cands[i:min(i+paperColumns, len(cands))] {
			line.Names = append(line.Names, c.Name)
		}
		line.Width = 100 * len(line.Names) / paperColumns // a short last line keeps the columns' width
		p.Lines = append(p.Lines, line)
	}
	writeIns := rules.WriteIns && round.Kind != tally.Runoff
	if writeIns {
		for i := range s.Seats {
			p.WriteIns = append(p.WriteIns, i+1)
		}
	}
	p.Instructions = paperInstructions(s.Seats, writeIns, lang)
	p.Labels = paperLabels[lang]
	return paperTemplate.Execute(w, p)
}

type paperPage struct {
	Lang, Title, Subtitle string
	Lines                 []paperLine
	WriteIns              []int
	Instructions          []string
	Labels                paperWords
}

// paperLine is a line of candidates on the paper, and its width in percent of the page's.
type paperLine struct {
	Names []string
	Width int
}

// paperWords are the labels of a ballot paper.
type paperWords struct {
	Candidates, WriteIns, WriteInName, Instructions, Mark string
}

var paperLabels = map[Lang]paperWords{
	English: {Candidates: "Candidates", WriteIns: "Write-ins", WriteInName: "Name written in", Instructions: "How to mark this ballot", Mark: "mark"},
	Chinese: {Candidates: "候选人", WriteIns: "另选他人", WriteInName: "另选人姓名", Instructions: "说明", Mark: "符号"},
}

// paperTitle is the heading of the paper: the office and the kind of round.
func paperTitle(round tally.Round, lang Lang) string {
	office := round.Slate.Office
	if lang == Chinese {
		switch round.Kind {
		case tally.Runoff:
			return office + "再次投票选票"
		case tally.Supplementary:
			return office + "另行选举选票"
		}
		return office + "选举选票"
	}
	return "Ballot paper — " + office
}

// paperSubtitle gives the round, the seats and the candidates, and their order.
func paperSubtitle(round tally.Round, lang Lang, strokeOrder bool) string {
	s := round.Slate
	if lang == Chinese {
		sub := fmt.Sprintf("第%d轮%s　应选%d名　候选人%d名", round.Number, zh.kindName(round.Kind), s.Seats, len(s.Candidates))
		if strokeOrder {
			sub += "（以姓氏笔画为序）"
		}
		return sub
	}
	sub := fmt.Sprintf("Round %d, %s: %s, %s", round.Number, en.kindName(round.Kind), howMany(s.Seats, "seat"), howMany(len(s.Candidates), "candidate"))
	if strokeOrder {
		sub += ", listed in the order of their surnames' strokes"
	}
	return sub
}

// paperInstructions are the marking instructions of a paper for seats seats.
func paperInstructions(seats int, writeIns bool, lang Lang) []string {
	yes, no := ballot.For.Symbol(), ballot.Against.Symbol()
	if lang == Chinese {
		out := []string{"赞成候选人的，在其姓名上方的空格内画“" + yes + "”；不赞成的，画“" + no + "”；弃权的，不画任何符号。"}
		chosen := "画“" + yes + "”的候选人"
		if writeIns {
			out = append(out, "另选他人的，在“另选他人”栏内写上其姓名；另选的人计入所选人数。")
			chosen = "画“" + yes + "”的候选人和另选的人合计"
		}
		return append(out, fmt.Sprintf("所选人数（%s）多于应选人数的为无效票，等于或少于应选人数的为有效票。本次应选%d名。", chosen, seats))
	}
	out := []string{"Mark " + yes + " in the box above a candidate's name to vote for the candidate, " + no + " to vote against; leave the box empty to abstain."}
	chosen := "candidates marked " + yes
	if writeIns {
		out = append(out, "To vote for a person not on the list, write the name on a line under “Write-ins”; each name written in counts as a person chosen.")
		chosen = "candidates marked " + yes + " and names written in, together"
	}
	return append(out, fmt.Sprintf("A ballot choosing more than %s (%s) is invalid; one choosing %d or fewer is valid.",
		howMany(seats, "person"), chosen, seats))
}

var paperTemplate = template.Must(template.New("paper").Parse(htmlHead + `@page { size: A4; margin: 15mm; }
body { ` + bodyStyle + ` max-width: 50em; color: #000; }
h1 { text-align: center; font-size: 1.7em; margin: .2em 0; letter-spacing: .05em; }
.sub { text-align: center; margin: 0 0 1.2em; }
h2 { font-size: 1.1em; margin: 1.2em 0 .4em; }
.wide { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; margin-bottom: -1.5px; }
td, th { border: 1.5px solid #000; text-align: center; }
td.box { height: 3.2em; }
th.name { padding: .45em .2em; font-size: 1.15em; font-weight: normal; white-space: nowrap; word-break: keep-all; }
td.line { height: 2.6em; text-align: left; padding-left: .6em; }
th.n { width: 8em; font-weight: normal; white-space: nowrap; }
ol { padding-left: 1.4em; line-height: 1.6; }
@media print { body { margin: 0; padding: 0; max-width: none; font-size: 11pt; } .wide { overflow: visible; } }
</style>
</head>
<body>
<h1>{{.Title}}</h1>
<p class="sub">{{.Subtitle}}</p>
<h2>{{.Labels.Candidates}}</h2>
{{range .Lines}}<div class="wide"><table style="width: {{.Width}}%">
<tr>{{range .Names}}<td class="box" aria-label="{{$.Labels.Mark}}"></td>{{end}}</tr>
<tr>{{range .Names}}<th class="name">{{.}}</th>{{end}}</tr>
</table></div>
{{end}}{{if .WriteIns}}<h2>{{.Labels.WriteIns}}</h2>
<div class="wide"><table>{{range .WriteIns}}
<tr><th class="n">{{$.Labels.WriteInName}} {{.}}</th><td class="line"></td></tr>{{end}}
</table></div>
{{end}}<h2>{{.Labels.Instructions}}</h2>
<ol>{{range .Instructions}}
<li>{{.}}</li>{{end}}
</ol>
</body>
</html>
`))
