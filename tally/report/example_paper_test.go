package report_test

import (
	"bytes"
	"fmt"
	"regexp"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/tally"
	"github.com/chae-go/chae/tally/report"
)

func ExampleBallotPaper() {
	slate := ballot.Slate{Office: "第一党支部委员会", Seats: 2, Candidates: []ballot.Candidate{
		{ID: "c1", Name: "李伟"}, {ID: "c2", Name: "王芳"}, {ID: "c3", Name: "张敏"},
	}}
	round := tally.Round{Number: 1, Kind: tally.Regular, Slate: slate}
	var page bytes.Buffer
	if err := report.BallotPaper(&page, round, tally.CPCGrassrootsCommittee(), report.Options{Lang: report.Chinese, StrokeOrder: true}); err != nil {
		fmt.Println(err)
		return
	}
	// The heading, the candidates in stroke order, the write-in lines and the instructions.
	for _, m := range regexp.MustCompile(`<(?:h1|p class="sub"|th class="name"|th class="n"|li)>([^<]*)<`).FindAllStringSubmatch(page.String(), -1) {
		fmt.Println(m[1])
	}
	// Output:
	// 第一党支部委员会选举选票
	// 第1轮正式选举　应选2名　候选人3名（以姓氏笔画为序）
	// 王芳
	// 李伟
	// 张敏
	// 另选人姓名 1
	// 另选人姓名 2
	// 赞成候选人的，在其姓名上方的空格内画“○”；不赞成的，画“×”；弃权的，不画任何符号。
	// 另选他人的，在“另选他人”栏内写上其姓名；另选的人计入所选人数。
	// 所选人数（画“○”的候选人和另选的人合计）多于应选人数的为无效票，等于或少于应选人数的为有效票。本次应选2名。
}
