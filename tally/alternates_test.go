package tally_test

import (
	"fmt"
	"slices"
	"testing"

	"pgregory.net/rapid"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/ballot/stroke"
	"github.com/chae-go/chae/tally"
)

// alternates returns elected members with the given names and votes, IDs in the order given, and
// their slate.
func alternates(names []string, votes []int) ([]tally.ElectedMember, ballot.Slate) {
	s := ballot.Slate{Office: "Alternates", Seats: len(names)}
	var ms []tally.ElectedMember
	for i, n := range names {
		id := fmt.Sprintf("c%02d", i+1)
		s.Candidates = append(s.Candidates, ballot.Candidate{ID: id, Name: n})
		ms = append(ms, tally.ElectedMember{ID: id, Name: n, Votes: votes[i]})
	}
	return ms, s
}

func listing(ms []tally.ElectedMember) []string {
	var out []string
	for _, m := range ms {
		out = append(out, fmt.Sprintf("%d %s", m.Rank, m.Name))
	}
	return out
}

// With no comparator given, equal votes are listed by the strokes of the surnames (docs/rules.md
// C7), with the blank rule and annotations ignored; the IDs run the other way, so ID order would
// give a different list.
func TestOrderAlternatesStrokes(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		names []string
		votes []int
		want  []string
	}{
		{"surnames", []string{"陈静", "张伟", "李强", "刘洋", "王丽", "丁一"}, []int{50, 50, 50, 50, 50, 50},
			[]string{"1 丁一", "2 王丽", "3 刘洋", "4 李强", "5 张伟", "6 陈静"}},
		{"votes first", []string{"蔡奇", "丁薛祥", "王毅"}, []int{30, 29, 30},
			[]string{"1 王毅", "2 蔡奇", "3 丁薛祥"}},
		{"blank rule", []string{"王小洪", "王毅", "李干杰", "李强", "李希"}, []int{7, 7, 7, 7, 7},
			[]string{"1 王毅", "2 王小洪", "3 李希", "4 李强", "5 李干杰"}},
		{"annotations", []string{"马兴瑞", "习近平（女）", "尹　力"}, []int{4, 4, 4},
			[]string{"1 习近平（女）", "2 马兴瑞", "3 尹　力"}},
		{"same reading shares a rank", []string{"王毅", "王　毅（回族）", "丁一"}, []int{5, 5, 5},
			[]string{"1 丁一", "2 王毅", "2 王　毅（回族）"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ms, s := alternates(tc.names, tc.votes)
			if got := listing(tally.OrderAlternates(ms, s, nil)); !slices.Equal(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// Property: the listing does not depend on the order of the members given; it is by votes, then
// by stroke order; ranks are 1-based positions, shared only by equal votes and equal readings.
func TestOrderAlternatesProperty(t *testing.T) {
	t.Parallel()
	pool := []string{"丁一", "王毅", "王　毅", "王小洪", "李希", "李强", "李干杰", "习近平", "马兴瑞", "司马光", "欧阳修", "蔡奇"}
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(0, 30).Draw(t, "n")
		names := make([]string, n)
		votes := make([]int, n)
		for i := range n {
			names[i] = rapid.SampledFrom(pool).Draw(t, "name")
			votes[i] = rapid.IntRange(0, 3).Draw(t, "votes")
		}
		ms, s := alternates(names, votes)
		got := tally.OrderAlternates(ms, s, nil)
		perm := rapid.Permutation(ms).Draw(t, "perm")
		if again := tally.OrderAlternates(perm, s, nil); !slices.Equal(again, got) {
			t.Fatalf("input order changes the listing:\n%v\n%v", got, again)
		}
		for i := 1; i < len(got); i++ {
			a, b := got[i-1], got[i]
			c := stroke.CompareNames(a.Name, b.Name)
			switch {
			case a.Votes < b.Votes, a.Votes == b.Votes && c > 0:
				t.Fatalf("%v listed before %v", a, b)
			case a.Votes == b.Votes && c == 0:
				if b.Rank != a.Rank || a.ID > b.ID {
					t.Fatalf("equal %v and %v: ranks or IDs out of order", a, b)
				}
			default:
				if b.Rank != i+1 {
					t.Fatalf("%v at position %d has rank %d", b, i+1, b.Rank)
				}
			}
		}
	})
}
