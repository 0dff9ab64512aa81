package main

import (
	"fmt"
	"math/rand/v2"

	"github.com/chae-go/chae/ballot"
)

// Attribute keys and values carried by every generated candidate, as read by the composition
// report (composition.Congress).
const (
	attrSector     = "sector"     // frontline | leading
	attrOccupation = "occupation" // front-line only: worker | farmer | technical | other
	attrMigrant    = "migrant"    // yes, for migrant workers
	attrGender     = "gender"     // female | male
	attrEthnicity  = "ethnicity"  // Han or a minority group
	attrBorn       = "born"       // YYYY-MM-DD
	attrEducation  = "education"  // secondary | college | university | postgraduate
	attrJoined     = "joined"     // YYYY-MM-DD, joined the party
	attrHonours    = "honours"    // front-line only: national | provincial | none
)

var surnames = []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")

var givenChars = []rune("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红建国志文斌海波宁辉鹏飞琳雪梅晨阳光宇峰欣颖婷慧琴云龙东亮成林晓春燕凤新利俊德祥福荣嘉浩然思远卫民")

// personName returns a plausible Chinese name: a surname and one or two given characters.
func personName(r *rand.Rand) string {
	n := []rune{surnames[r.IntN(len(surnames))], givenChars[r.IntN(len(givenChars))]}
	if permille(r, 650) {
		n = append(n, givenChars[r.IntN(len(givenChars))])
	}
	return string(n)
}

// date returns a calendar date in the given year, as YYYY-MM-DD (days 1..28 of every month, so
// that every date exists).
func date(r *rand.Rand, year int) string {
	return fmt.Sprintf("%04d-%02d-%02d", year, between(r, 1, 12), between(r, 1, 28))
}

// newCandidate draws one candidate of unit u. The shares aim at the published composition:
// about a third front-line members, women above their share of the unit's membership, the unit's
// ethnic mix, ages mostly 40 to 62.
func newCandidate(r *rand.Rand, u Unit, id, name string) ballot.Candidate {
	a := make(map[string]string, 9)
	front := permille(r, 360)
	if front {
		a[attrSector] = "frontline"
		switch x := r.IntN(1000); {
		case x < 250:
			a[attrOccupation] = "worker"
			if permille(r, 140) {
				a[attrMigrant] = "yes"
			}
		case x < 360:
			a[attrOccupation] = "farmer"
		case x < 710:
			a[attrOccupation] = "technical"
		default:
			a[attrOccupation] = "other"
		}
		if permille(r, 920) {
			a[attrHonours] = []string{"national", "provincial"}[r.IntN(2)]
		} else {
			a[attrHonours] = "none"
		}
	} else {
		a[attrSector] = "leading"
	}
	if permille(r, u.WomenPermille+30) {
		a[attrGender] = "female"
	} else {
		a[attrGender] = "male"
	}
	a[attrEthnicity] = "Han"
	if permille(r, u.MinorityPermille+u.MinorityPermille*3/10) {
		a[attrEthnicity] = minorityGroup(r, u)
	}
	var age int
	if front {
		age = between(r, 33, 61)
	} else {
		age = between(r, 47, 64)
	}
	born := 2022 - age
	a[attrBorn] = date(r, born)
	switch x := r.IntN(1000); {
	case x < 40:
		a[attrEducation] = "secondary"
	case x < 110:
		a[attrEducation] = "college"
	case x < 470:
		a[attrEducation] = "university"
	default:
		a[attrEducation] = "postgraduate"
	}
	a[attrJoined] = date(r, min(born+between(r, 18, 32), 2020))
	return ballot.Candidate{ID: id, Name: name, Attrs: a}
}

// minorityGroup draws one of the unit's minority groups, the first listed most often.
func minorityGroup(r *rand.Rand, u Unit) string {
	n := len(u.Minorities)
	// weights n, n-1, ..., 1
	x := r.IntN(n * (n + 1) / 2)
	for i := range n {
		w := n - i
		if x < w {
			return u.Minorities[i]
		}
		x -= w
	}
	return u.Minorities[n-1]
}
