package main

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/chae-go/chae/ballot"
)

// Attribute keys and values carried by every generated person, as read by the composition
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

// dealer deals categories along a sequence of persons so that every stretch of the sequence
// holds each category in proportion to its weight, as nearly as whole persons allow: the next
// person takes the category furthest behind its share (largest deficit first, ties by a seeded
// order of the categories). That sequence repeats every total-weight persons; the dealer starts
// at a seeded place in it, so that where a category's persons fall is evenly spread from one
// unit to the next, the first persons included. Exact integers.
type dealer struct {
	w     []int64
	total int64
	n     int64 // persons dealt
	got   []int64
	prio  []int
}

// newDealer returns a dealer of len(weights) categories with a tie order and a starting place
// drawn from r.
func newDealer(r *rand.Rand, weights ...int) *dealer {
	d := &dealer{w: make([]int64, len(weights)), got: make([]int64, len(weights)), prio: r.Perm(len(weights))}
	for i, w := range weights {
		d.w[i] = int64(w)
		d.total += int64(w)
	}
	if d.total > 0 {
		for range r.IntN(int(d.total)) {
			d.next()
		}
	}
	return d
}

// next returns the category of the next person.
func (d *dealer) next() int {
	d.n++
	best, bestDef := -1, int64(0)
	for _, c := range d.prio {
		if d.w[c] == 0 {
			continue
		}
		def := d.n*d.w[c] - d.got[c]*d.total // (n·share − got), times the total weight
		if best < 0 || def > bestDef {
			best, bestDef = c, def
		}
	}
	d.got[best]++
	return best
}

// chosen returns k of n positions drawn at random, as a set: exactly k persons of a zone.
func chosen(r *rand.Rand, n, k int) []bool {
	out := make([]bool, n)
	for _, i := range r.Perm(n)[:min(k, n)] {
		out[i] = true
	}
	return out
}

// opening is the day ages are measured on: the congress opened on 16 October 2022.
var opening = time.Date(2022, time.October, 16, 0, 0, 0, 0, time.UTC)

// bornAged returns a birth date at which a person is exactly age years old (in completed years)
// on the congress's opening day: any day of the year before it.
func bornAged(r *rand.Rand, age int) time.Time {
	return time.Date(2022-age, time.October, 16-r.IntN(365), 0, 0, 0, 0, time.UTC)
}

// ageOn returns the age in completed years on the opening day.
func ageOn(born time.Time) int {
	a := opening.Year() - born.Year()
	if born.AddDate(a, 0, 0).After(opening) {
		a--
	}
	return a
}

// joinedAt returns the day a person born on born joined the party, at an age drawn from
// [lo, hi], never after the end of 2021.
func joinedAt(r *rand.Rand, born time.Time, lo, hi int) time.Time {
	j := born.AddDate(between(r, lo, hi), 0, r.IntN(300))
	if last := time.Date(2021, time.December, 31, 0, 0, 0, 0, time.UTC); j.After(last) {
		j = last
	}
	return j
}

func day(t time.Time) string { return t.Format(time.DateOnly) }

// candidateOf returns a person as a slate candidate.
func candidateOf(id, name string, attrs map[string]string) ballot.Candidate {
	return ballot.Candidate{ID: id, Name: name, Attrs: attrs}
}

// personID is the ID of the k-th person of a unit's pool: the unit's code and a number.
func personID(code string, k int) string { return fmt.Sprintf("%s-%04d", code, k+1) }
