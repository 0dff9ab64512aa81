package report

import (
	"fmt"
	"html/template"
	"io"
	"math/bits"
	"strings"
	"unicode"

	"github.com/chae-go/chae/tally"
)

// HTML writes the report as one self-contained HTML page: inline CSS, and for each round an inline
// SVG bar chart of the candidates' For votes with the bar to clear drawn as a line. It needs no
// script, no font download and no network.
//
// It prints on A4 (CSS @page): the sheet's title at the top of every page; at the foot of every
// page "Page N of M" (第 N 页 共 M 页), a line for the initials of the counter and the
// scrutineers, and the start of the record digest; tables whose header rows repeat on every page
// they run onto and whose column headings never break inside a word (序号 stays whole). The
// signature lines of the counter, the scrutineers and the chief scrutineer (计票人, 监票人,
// 总监票人) and the date stand on the last page under the result: the list of the elected, the
// status and the digest are kept together with them on one page. The initials on every page tie each page to the signed last one:
// a sheet of several pages signed only at the end could have a page replaced unseen. On a
// screen the page keeps a side margin however narrow the window, and a table or chart wider
// than the window scrolls instead of overflowing.
func HTML(w io.Writer, r tally.Result, o Options) error {
	s := build(r, o)
	page := htmlPage{Lang: "en", Title: s.title, Meta: s.meta, Status: s.status, Digest: s.digest, L: s.l,
		Elected: s.elected, Closed: s.closed, Print: printCSS(s.title, s.digest, s.l)}
	if o.Lang == Chinese {
		page.Lang = "zh-Hans"
	}
	for _, rv := range s.rounds {
		page.Rounds = append(page.Rounds, htmlRound{roundView: rv, Table: rv.table, WriteIns: rv.writeIns, Chart: chart(rv, s.l)})
	}
	return pageTemplate.Execute(w, page)
}

// printCSS is the @page rule of a printed sheet: A4, the title at the top of every page, the
// initials line, the page number and the digest at the foot.
func printCSS(title, digest string, l *labels) template.CSS {
	short := digest
	if len(short) > 23 {
		short = short[:23] + "…" // "sha256:" and 16 hexadecimal digits
	}
	parts := strings.SplitN(l.page, "%d", 3)
	number := cssString(parts[0]) + " counter(page) " + cssString(parts[1]) + " counter(pages) " + cssString(parts[2])
	return template.CSS(`@page { size: A4; margin: 18mm 15mm 20mm 15mm;
  @top-center { content: ` + cssString(title) + `; font-size: 9pt; color: #333; }
  @bottom-left { content: ` + cssString(l.initials+l.colon+"________________") + `; font-size: 8pt; }
  @bottom-center { content: ` + number + `; font-size: 9pt; }
  @bottom-right { content: ` + cssString(short) + `; font-size: 8pt; font-family: monospace; }
}`)
}

// cssString quotes s as a CSS string: letters, digits, space, _ : . , - and printable characters
// beyond ASCII as they are, every other character escaped by its code point, so that no text can
// end the string or the style sheet.
func cssString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || strings.ContainsRune(" _:.,-", r),
			r >= 0x80 && unicode.IsPrint(r):
			b.WriteRune(r)
		default:
			fmt.Fprintf(&b, "\\%x ", r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

type htmlPage struct {
	Lang, Title, Status, Digest string
	Print                       template.CSS
	Meta                        [][2]string
	L                           *labels
	Rounds                      []htmlRound
	Elected                     table
	Closed                      []string
}

type htmlRound struct {
	roundView
	Table, WriteIns table
	Chart           *svgChart
}

func (r htmlRound) Heading() string    { return r.heading }
func (r htmlRound) Lines() []string    { return r.lines }
func (r htmlRound) Decision() []string { return r.decision }
func (r htmlRound) Reasons() []string  { return r.reasons }

func (t table) Head() []string { return t.head }
func (t table) Rows() []htmlRow {
	out := make([]htmlRow, len(t.rows))
	for i, r := range t.rows {
		out[i] = htmlRow{Cells: r, Right: t.right}
		if i < len(t.class) {
			out[i].Class = t.class[i]
		}
	}
	return out
}
func (t table) Right(i int) bool { return i < len(t.right) && t.right[i] }

type htmlRow struct {
	Cells []string
	Right []bool
	Class string
}

func (r htmlRow) IsRight(i int) bool { return i < len(r.Right) && r.Right[i] }

func (l *labels) Sign() []string      { return l.sign }
func (l *labels) Date() string        { return l.date }
func (l *labels) Decision() string    { return l.decision }
func (l *labels) Reasons() string     { return l.reasons }
func (l *labels) ElectedList() string { return l.electedList }
func (l *labels) Closed() string      { return l.closed }
func (l *labels) None() string        { return l.none }
func (l *labels) DigestLabel() string { return l.digest }
func (l *labels) ChartTitle() string  { return l.chartTitle }
func (l *labels) Colon() string       { return l.colon }

type svgChart struct {
	Width, Height int
	Bars          []svgBar
	Line          *svgLine
	Title         string
}

type svgBar struct {
	Y, W, TextY, ValueX int
	Label, Value, Fill  string
}

type svgLine struct {
	X, Y2, LabelX int
	Label         string
}

const (
	chartWidth = 720
	labelWidth = 170
	barArea    = 470
	rowHeight  = 30
	chartTop   = 24
)

// fills are the colours of the chart's bars, one for every standing: elected green, tied (to a
// runoff) orange, cleared the bar but outranked (or lost a runoff) blue, below the bar grey, a
// write-in not eligible light grey.
var fills = [...]string{
	tally.Failed: "#9e9e9e", tally.Elected: "#2e7d32", tally.Tied: "#ef6c00", tally.Outranked: "#1565c0", tally.Ineligible: "#bdbdbd",
}

// fill returns the colour of a bar of the standing.
func fill(s tally.Status) string {
	if int(s) < len(fills) {
		return fills[s]
	}
	return fills[tally.Failed]
}

// chart lays out the bar chart of a round: one bar per candidate, scaled to the largest of the
// votes, the base and the votes needed (whole pixels; presentation only).
func chart(rv roundView, l *labels) *svgChart {
	if len(rv.chart) == 0 {
		return nil
	}
	scale := max(rv.base, rv.needed, 1)
	for _, b := range rv.chart {
		scale = max(scale, b.votes)
	}
	c := &svgChart{Width: chartWidth, Height: chartTop + rowHeight*len(rv.chart) + 10, Title: l.chartTitle}
	for i, b := range rv.chart {
		y := chartTop + i*rowHeight
		w := pixels(b.votes, scale)
		c.Bars = append(c.Bars, svgBar{Y: y + 4, W: w, TextY: y + 20, ValueX: labelWidth + w + 6,
			Label: b.label, Value: itoa(b.votes), Fill: fill(b.status)})
	}
	if rv.needed > 0 {
		x := labelWidth + pixels(rv.needed, scale)
		c.Line = &svgLine{X: x, Y2: c.Height - 4, LabelX: x + 4, Label: l.chartLine + " " + itoa(rv.needed)}
	}
	return c
}

// pixels is the width of v votes in the bar area, scaled so that scale votes fill it: v × barArea
// ÷ scale, rounded down, for 0 ≤ v ≤ scale. The product is taken in 128 bits, so that no count
// near the int range wraps it into a negative or a wrong width.
func pixels(v, scale int) int {
	if v <= 0 || scale <= 0 {
		return 0
	}
	if v >= scale {
		return barArea
	}
	hi, lo := bits.Mul64(uint64(v), barArea)
	q, _ := bits.Div64(hi, lo, uint64(scale)) // hi < scale, as v < scale: no overflow
	return int(q)
}

// htmlHead opens the pages package report writes, up to their style sheet: a template of a
// value with Lang and Title. bodyStyle begins the style of their body: the fonts that have the
// Chinese characters, centred, with a side margin that grows with the screen.
const (
	htmlHead = `<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
`
	bodyStyle = `font-family: "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", sans-serif; margin: 0 auto; padding: 1em max(1em, 3vw);`
)

var pageTemplate = template.Must(template.New("page").Parse(htmlHead + `body { ` + bodyStyle + ` max-width: 60em; color: #111; line-height: 1.45; }
h1 { border-bottom: 3px double #111; padding-bottom: .2em; font-size: 1.6em; }
h2 { border-bottom: 1px solid #999; margin-top: 2em; font-size: 1.25em; }
.wide { overflow-x: auto; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { border: 1px solid #999; padding: .25em .6em; }
th { background: #eee; white-space: nowrap; word-break: keep-all; }
td.r { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.elected td { background: #e8f5e9; font-weight: bold; }
tr.tied td { background: #fff3e0; }
.meta { list-style: none; padding: 0; }
svg { max-width: 100%; height: auto; }
svg text { font-size: 13px; font-family: inherit; }
code { font-size: .85em; word-break: break-all; }
.end { break-inside: avoid; }
.sign { margin-top: 2.5em; display: flex; gap: 1.5em 2em; flex-wrap: wrap; }
.sign span { display: inline-block; min-width: 12em; border-bottom: 1px solid #111; padding-top: 2em; }
@media print {
  body { margin: 0; padding: 0; max-width: none; font-size: 10.5pt; }
  h1 { font-size: 16pt; margin-top: 0; }
  h2, .label { break-after: avoid; }
  h2 { font-size: 13pt; }
  .wide { overflow: visible; }
  tr, svg, li { break-inside: avoid; }
  thead { display: table-header-group; }
}
{{.Print}}
</style>
</head>
<body>
<h1>{{.Title}}</h1>
<ul class="meta">{{range .Meta}}
<li><b>{{index . 0}}</b>{{$.L.Colon}}{{index . 1}}</li>{{end}}
</ul>
{{range .Rounds}}
<section>
<h2>{{.Heading}}</h2>
<ul>{{range .Lines}}
<li>{{.}}</li>{{end}}
</ul>
{{with .Chart}}<div class="wide"><svg xmlns="http://www.w3.org/2000/svg" width="{{.Width}}" height="{{.Height}}" viewBox="0 0 {{.Width}} {{.Height}}" role="img" aria-label="{{.Title}}">
<text x="0" y="14" font-weight="bold">{{.Title}}</text>{{range .Bars}}
<text x="0" y="{{.TextY}}">{{.Label}}</text>
<rect x="170" y="{{.Y}}" width="{{.W}}" height="22" fill="{{.Fill}}"/>
<text x="{{.ValueX}}" y="{{.TextY}}">{{.Value}}</text>{{end}}{{with .Line}}
<line x1="{{.X}}" y1="18" x2="{{.X}}" y2="{{.Y2}}" stroke="#c62828" stroke-width="2" stroke-dasharray="6 3"/>
<text x="{{.LabelX}}" y="14" fill="#c62828">{{.Label}}</text>{{end}}
</svg></div>{{end}}
{{if .Table.Rows}}{{template "table" .Table}}{{end}}
{{if .WriteIns.Rows}}{{template "table" .WriteIns}}{{end}}
<p class="label"><b>{{$.L.Decision}}</b>{{$.L.Colon}}</p>
<ul>{{range .Decision}}
<li>{{.}}</li>{{end}}
</ul>
{{if .Reasons}}<p class="label"><b>{{$.L.Reasons}}</b>{{$.L.Colon}}</p>
<ol>{{range .Reasons}}
<li>{{.}}</li>{{end}}
</ol>{{end}}
</section>
{{end}}
<div class="end">
<h2>{{.L.ElectedList}}</h2>
{{if .Elected.Rows}}{{template "table" .Elected}}{{else}}<p>{{.L.None}}</p>{{end}}
{{if .Closed}}<p><b>{{.L.Closed}}</b>{{.L.Colon}}</p>
<ul>{{range .Closed}}
<li>{{.}}</li>{{end}}
</ul>{{end}}
<p><b>{{.Status}}</b></p>
<p>{{.L.DigestLabel}}{{.L.Colon}}<code>{{.Digest}}</code></p>
<div class="sign">{{range .L.Sign}}
<span>{{.}}{{$.L.Colon}}</span>{{end}}
<span>{{.L.Date}}{{$.L.Colon}}</span>
</div>
</div>
</body>
</html>
{{define "table"}}<div class="wide"><table>
<thead><tr>{{range .Head}}<th>{{.}}</th>{{end}}</tr></thead>
<tbody>{{range .Rows}}
<tr{{with .Class}} class="{{.}}"{{end}}>{{$r := .}}{{range $i, $c := .Cells}}<td{{if $r.IsRight $i}} class="r"{{end}}>{{$c}}</td>{{end}}</tr>{{end}}
</tbody>
</table></div>{{end}}
`))
