package report_test

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chae-go/chae/tally"
	"github.com/chae-go/chae/tally/count"
	"github.com/chae-go/chae/tally/report"
)

// The printing tests print pages in headless Chromium and read the PDF with poppler's tools. They
// skip, saying so, where these are not installed (Debian: apt-get install -y chromium
// fonts-wqy-microhei poppler-utils); continuous integration installs them. With
// CHAE_PRINT_DIR=folder they keep each PDF there and its first page as a PNG.

// printer is the programs the printing tests need.
type printer struct{ chromium string }

func newPrinter(t *testing.T) printer {
	t.Helper()
	var p printer
	for _, c := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if path, err := exec.LookPath(c); err == nil {
			p.chromium = path
			break
		}
	}
	if p.chromium == "" {
		t.Skip("chromium is not installed (apt-get install -y chromium fonts-wqy-microhei): the page is not printed")
	}
	for _, tool := range []string{"pdfinfo", "pdftotext", "pdftoppm"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed (apt-get install -y poppler-utils): the PDF is not read", tool)
		}
	}
	return p
}

// print prints the page to PDF as a browser prints it, with no header or footer of its own, and
// returns the PDF's path.
func (p printer) print(t *testing.T, name string, page []byte) string {
	t.Helper()
	dir := t.TempDir()
	html := filepath.Join(dir, name+".html")
	if err := os.WriteFile(html, page, 0o644); err != nil {
		t.Fatal(err)
	}
	pdf := filepath.Join(dir, name+".pdf")
	cmd := exec.Command(p.chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+filepath.Join(dir, "profile"), "--print-to-pdf="+pdf, "--no-pdf-header-footer",
		"file://"+html)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, out)
	}
	return pdf
}

func command(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		t.Fatalf("%s %q: %v", name, args, err)
	}
	return string(out)
}

var pdfPages = regexp.MustCompile(`(?m)^Pages:\s+(\d+)$`)
var pdfSize = regexp.MustCompile(`(?m)^Page size:\s+([\d.]+) x ([\d.]+) pts`)

// pages checks that every page of the PDF is A4 — by pdfinfo's page size in points, and by the
// size of each page rasterised at 50 dots an inch — and not blank, and returns the text of each
// page with white space removed (pdftotext puts spaces where it likes between Chinese
// characters).
func pages(t *testing.T, pdf string) []string {
	t.Helper()
	info := command(t, "pdfinfo", pdf)
	m := pdfPages.FindStringSubmatch(info)
	if m == nil {
		t.Fatalf("pdfinfo gives no page count:\n%s", info)
	}
	n, _ := strconv.Atoi(m[1])
	sz := pdfSize.FindStringSubmatch(info)
	if sz == nil {
		t.Fatalf("pdfinfo gives no page size:\n%s", info)
	}
	w, _ := strconv.ParseFloat(sz[1], 64)
	h, _ := strconv.ParseFloat(sz[2], 64)
	if w < 594 || w > 596 || h < 841 || h > 843 {
		t.Errorf("page size %.2f x %.2f points, want A4 (595 x 842)", w, h)
	}
	dir := t.TempDir()
	command(t, "pdftoppm", "-r", "50", "-png", pdf, filepath.Join(dir, "page"))
	texts := make([]string, n)
	for i := range n {
		img := readPNG(t, filepath.Join(dir, fmt.Sprintf("page-%d.png", i+1)))
		// A4 is 8.27 x 11.69 inches: 413.4 x 584.6 dots at 50 dots an inch.
		if b := img.Bounds(); b.Dx() < 413 || b.Dx() > 414 || b.Dy() < 584 || b.Dy() > 585 {
			t.Errorf("page %d rasterised at 50 dpi is %d x %d, want A4's 414 x 585", i+1, b.Dx(), b.Dy())
		}
		if inked(img) < 100 {
			t.Errorf("page %d is blank", i+1)
		}
		text := command(t, "pdftotext", "-f", strconv.Itoa(i+1), "-l", strconv.Itoa(i+1), "-layout", pdf, "-")
		texts[i] = strings.Join(strings.Fields(text), "")
	}
	if n == 0 {
		t.Fatal("the PDF has no page")
	}
	return texts
}

func readPNG(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// inked counts the dark pixels of an image.
func inked(img image.Image) int {
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if r, g, bl, _ := img.At(x, y).RGBA(); r < 0x8000 && g < 0x8000 && bl < 0x8000 {
				n++
			}
		}
	}
	return n
}

// keep saves the PDF, and its first page as a PNG at 80 dots an inch, to CHAE_PRINT_DIR.
func keep(t *testing.T, name, pdf string) {
	t.Helper()
	dir := os.Getenv("CHAE_PRINT_DIR")
	if dir == "" {
		return
	}
	b, err := os.ReadFile(pdf)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".pdf"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	command(t, "pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "1", "-singlefile", pdf, filepath.Join(dir, name))
}

// TestPrintedSheet (issue 12, item 5): the three-round Chinese sheet of the sample election,
// printed: A4 pages (the page size was US Letter), each with the sheet's title at its head,
// "第 N 页 共 M 页" and the initials line at its foot; column headings whole (序 and 号 on two
// lines before); the signature lines on the last page, under the list of the elected; no bar
// without a colour.
func TestPrintedSheet(t *testing.T) {
	p := newPrinter(t)
	var page bytes.Buffer
	if err := report.HTML(&page, sampleResult(t), report.Options{Lang: report.Chinese, StrokeOrder: true}); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(page.Bytes(), []byte(`fill=""`)) {
		t.Error("a bar of the chart has no colour")
	}
	pdf := p.print(t, "sheet", page.Bytes())
	texts := pages(t, pdf)
	n := len(texts)
	if n < 2 {
		t.Fatalf("%d page: the three-round sheet does not run onto more pages, and the test tests nothing", n)
	}
	const title = "第一党支部委员会计票结果报告单"
	headings := 0
	for i, text := range texts {
		for _, want := range []string{title, fmt.Sprintf("第%d页共%d页", i+1, n), "计票人、监票人签名", "sha256:d7194524ea961914"} {
			if !strings.Contains(text, want) {
				t.Errorf("page %d of %d lacks %q:\n%s", i+1, n, want, text)
			}
		}
		headings += strings.Count(text, "序号候选人")
	}
	if headings != 4 {
		t.Errorf("%d tables headed 序号 候选人 whole, want 4 (three rounds and the elected)", headings)
	}
	last := texts[n-1]
	for _, want := range []string{"当选人名单", "选举结束。", "计票人：", "监票人：", "总监票人：", "日期："} {
		if !strings.Contains(last, want) {
			t.Errorf("the last page lacks %q:\n%s", want, last)
		}
	}
	if i, j := strings.Index(last, "当选人名单"), strings.Index(last, "总监票人："); i < 0 || j < i {
		t.Error("the signature lines are not under the list of the elected")
	}
	for i, text := range texts[:n-1] {
		if strings.Contains(text, "总监票人：") {
			t.Errorf("page %d of %d has the signature lines", i+1, n)
		}
	}
	keep(t, "tally-sheet-zh", pdf)
}

// TestPrintedBallotPaper (issue 14, item 4): the ballot paper of the sample's first round, in
// Chinese and in English, prints on one A4 page, with the candidates in stroke order, five write-in
// lines and the instructions.
func TestPrintedBallotPaper(t *testing.T) {
	p := newPrinter(t)
	res := sampleResult(t)
	round := tally.Round{Number: 1, Kind: tally.Regular, Slate: res.Slate}
	for _, tc := range []struct {
		lang  report.Lang
		order []string
		want  []string
	}{
		{report.Chinese, []string{"王芳", "刘洋", "李伟", "杨帆", "张敏", "陈静", "赵磊"},
			[]string{"第一党支部委员会选举选票", "第1轮正式选举应选5名候选人7名（以姓氏笔画为序）", "另选人姓名5", "弃权的，不画任何符号", "多于应选人数的为无效票"}},
		{report.English, []string{"王芳", "刘洋", "李伟", "杨帆", "张敏", "陈静", "赵磊"},
			[]string{"Ballotpaper—第一党支部委员会", "5seats,7candidates", "Namewrittenin5", "leavetheboxemptytoabstain", "Aballotchoosingmorethan5persons", "isinvalid"}},
	} {
		t.Run(tc.lang.String(), func(t *testing.T) {
			var page bytes.Buffer
			if err := report.BallotPaper(&page, round, res.Rules, report.Options{Lang: tc.lang, StrokeOrder: true}); err != nil {
				t.Fatal(err)
			}
			pdf := p.print(t, "ballot", page.Bytes())
			texts := pages(t, pdf)
			if len(texts) != 1 {
				t.Fatalf("the ballot paper prints on %d pages, want 1", len(texts))
			}
			text := texts[0]
			for _, want := range tc.want {
				if !strings.Contains(text, want) {
					t.Errorf("the paper lacks %q:\n%s", want, text)
				}
			}
			if !strings.Contains(text, strings.Join(tc.order, "")) {
				t.Errorf("the candidates are not printed in the order %v:\n%s", tc.order, text)
			}
			if strings.Contains(text, "另选人姓名6") || strings.Contains(text, "Namewrittenin6") {
				t.Error("more write-in lines than seats")
			}
			keep(t, "ballot-paper-"+tc.lang.String(), pdf)
		})
	}
}

// TestPrintedHeadingsWhole: in a crowded table — long names, long results — the column headings
// stay whole: 序号 on one line, not 序 over 号.
func TestPrintedHeadingsWhole(t *testing.T) {
	p := newPrinter(t)
	s := people(2, "阿卜杜热合曼·艾买提江·买买提明", "古丽娜尔·阿不都热依木·吐尔逊", "热孜万古丽·阿不都克热木·艾力", "王小明", "买买提江·吐尔洪·阿不力米提")
	s.Office = "第九选区代表"
	sc := decide(t, "crowded", mustElection(t, s, tally.CPCGrassrootsCommittee()), []round{
		{turnout: tally.Turnout{Entitled: 40, Present: 36, Issued: 36}, valid: 36, votes: []int{25, 20, 20, 2, 1},
			writeIns: []count.WriteInCount{{Name: "努尔艾合麦提·阿不都瓦依提·艾山江", Votes: 3}}},
	})
	var page bytes.Buffer
	if err := report.HTML(&page, sc.res, report.Options{Lang: report.Chinese, Next: sc.next}); err != nil {
		t.Fatal(err)
	}
	texts := pages(t, p.print(t, "crowded", page.Bytes()))
	all := strings.Join(texts, "")
	for _, want := range []string{"序号候选人赞成不赞成弃权得票率结果", "另选他人票数结果"} {
		if !strings.Contains(all, want) {
			t.Errorf("the headings %q are not printed whole:\n%s", want, all)
		}
	}
}

// TestNarrowScreenMargin (issue 12, item 5): on a screen as narrow as a telephone's (360 pixels)
// the sheet keeps a side margin: nothing is drawn in the 10 pixels at either edge (the sheet's
// text ran to the edges: its margin was "auto" beside a maximum width), and a table wider than the
// screen scrolls inside the page instead of running past its edge.
func TestNarrowScreenMargin(t *testing.T) {
	p := newPrinter(t)
	var page bytes.Buffer
	if err := report.HTML(&page, sampleResult(t), report.Options{Lang: report.Chinese}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	html := filepath.Join(dir, "sheet.html")
	if err := os.WriteFile(html, page.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	shot := filepath.Join(dir, "shot.png")
	const w, h = 360, 1600
	cmd := exec.Command(p.chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
		"--run-all-compositor-stages-before-draw", "--virtual-time-budget=10000",
		"--user-data-dir="+filepath.Join(dir, "profile"), "--screenshot="+shot, fmt.Sprintf("--window-size=%d,%d", w, h),
		"file://"+html)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, out)
	}
	img := readPNG(t, shot)
	b := img.Bounds()
	if b.Dx() != w {
		t.Fatalf("screenshot %d pixels wide, want %d", b.Dx(), w)
	}
	if inked(img) < 1000 {
		t.Fatal("the screenshot is blank: the page did not render")
	}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for _, x := range []int{0, 3, 6, 9, w - 10, w - 7, w - 4, w - 1} {
			if r, g, bl, _ := img.At(x, y).RGBA(); r < 0xe000 || g < 0xe000 || bl < 0xe000 {
				t.Fatalf("ink at (%d, %d), within 10 pixels of the edge of a %d-pixel screen", x, y, w)
			}
		}
	}
}
