package ballot_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"pgregory.net/rapid"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/ballot/stroke"
)

// politburo20 is the 20th Politburo as published on 2022-10-23, "按姓氏笔划为序" (Xinhua's list, as
// reproduced by Wikipedia's 中国共产党中央政治局 page; the two-character names are printed padded with
// a full-width space, as there).
var politburo20 = []string{
	"丁薛祥", "习近平", "马兴瑞", "王　毅", "王沪宁", "尹　力", "石泰峰", "刘国中", "李　希", "李　强",
	"李干杰", "李书磊", "李鸿忠", "何卫东", "何立峰", "张又侠", "张国清", "陈文清", "陈吉宁", "陈敏尔",
	"赵乐际", "袁家军", "黄坤明", "蔡　奇",
}

func slateOf(names []string) ballot.Slate {
	s := ballot.Slate{Office: "Politburo", Seats: len(names)}
	for i, n := range names {
		s.Candidates = append(s.Candidates, ballot.Candidate{ID: fmt.Sprintf("m%03d", i+1), Name: n,
			Attrs: map[string]string{"printed": fmt.Sprint(i + 1)}})
	}
	return s
}

func names(s ballot.Slate) []string {
	out := make([]string, len(s.Candidates))
	for i, c := range s.Candidates {
		out[i] = c.Name
	}
	return out
}

// A published list, shuffled, comes back in its printed order; the shuffled slate is left as it
// was, and each candidate keeps its ID and attributes.
func TestStrokeOrderedPublished(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(20, 22))
	for k := range 20 {
		t.Run(fmt.Sprint("shuffle ", k), func(t *testing.T) {
			shuffled := slateOf(politburo20)
			r.Shuffle(len(shuffled.Candidates), func(i, j int) {
				shuffled.Candidates[i], shuffled.Candidates[j] = shuffled.Candidates[j], shuffled.Candidates[i]
			})
			before := names(shuffled)
			got := shuffled.StrokeOrdered()
			if !slices.Equal(names(got), politburo20) {
				t.Errorf("sorted:\n got %q\nwant %q", names(got), politburo20)
			}
			if !slices.Equal(names(shuffled), before) {
				t.Error("StrokeOrdered modified its slate")
			}
			for i, c := range got.Candidates {
				if want := fmt.Sprint(i + 1); c.Attrs["printed"] != want || c.ID != fmt.Sprintf("m%03d", i+1) {
					t.Errorf("position %d: %s %v, want printed %s", i+1, c.ID, c.Attrs, want)
				}
			}
			if got.Office != shuffled.Office || got.Seats != shuffled.Seats {
				t.Errorf("office %q seats %d", got.Office, got.Seats)
			}
		})
	}
}

// The copy shares nothing with the slate.
func TestStrokeOrderedCopies(t *testing.T) {
	t.Parallel()
	s := slateOf([]string{"李强", "丁一"})
	got := s.StrokeOrdered()
	got.Candidates[0].Attrs["printed"] = "changed"
	got.Candidates[1].Name = "changed"
	if s.Candidates[0].Name != "李强" || s.Candidates[1].Attrs["printed"] != "2" {
		t.Errorf("the sorted copy shares with the slate: %+v", s.Candidates)
	}
}

// Names that read the same keep their order in the slate: the sort is stable. The slate is long
// enough that an unstable sort would reorder them.
func TestStrokeOrderedStable(t *testing.T) {
	t.Parallel()
	same := []string{"王毅", "王　毅", "王 毅（女）", "王毅(回族)"}
	var in []string
	for k := range 40 {
		in = append(in, same[k%len(same)], "李强", "丁一")
	}
	s := slateOf(in)
	got := s.StrokeOrdered()
	var ids []string
	for _, c := range got.Candidates {
		if stroke.CompareNames(c.Name, "王毅") == 0 {
			ids = append(ids, c.ID)
		}
	}
	if !slices.IsSorted(ids) || len(ids) != 40 {
		t.Errorf("equal names reordered: %q", ids)
	}
}

// Property: the result is a permutation of the slate, ordered by stroke.CompareNames, and equal
// names keep their relative order.
func TestStrokeOrderedProperty(t *testing.T) {
	t.Parallel()
	pool := []string{"丁一", "王毅", "王　毅", "王小洪", "李希", "李强", "李干杰", "习近平", "马兴瑞", "司马光",
		"欧阳修", "艾力更·依明巴海", "张三（女，回族）", "Li Wei", "卐字", "于才"}
	rapid.Check(t, func(t *rapid.T) {
		picked := rapid.SliceOfN(rapid.SampledFrom(pool), 0, 60).Draw(t, "names")
		s := slateOf(picked)
		got := s.StrokeOrdered()
		if len(got.Candidates) != len(s.Candidates) {
			t.Fatalf("%d candidates, want %d", len(got.Candidates), len(s.Candidates))
		}
		seen := map[string]bool{}
		for i, c := range got.Candidates {
			if seen[c.ID] {
				t.Fatalf("%s twice", c.ID)
			}
			seen[c.ID] = true
			if i == 0 {
				continue
			}
			prev := got.Candidates[i-1]
			switch stroke.CompareNames(prev.Name, c.Name) {
			case 1:
				t.Fatalf("%q before %q", prev.Name, c.Name)
			case 0:
				if prev.ID > c.ID {
					t.Fatalf("equal names %q (%s) and %q (%s) reordered", prev.Name, prev.ID, c.Name, c.ID)
				}
			}
		}
	})
}

// Candidates are printed in surname stroke order: 丁 (2 strokes) before 王 (4), 王 before 李 (7),
// and among those of one surname a single given name first (李希 before 李书磊).
func ExampleSlate_StrokeOrdered() {
	s := ballot.Slate{Office: "Committee", Seats: 4, Candidates: []ballot.Candidate{
		{ID: "1", Name: "李书磊"}, {ID: "2", Name: "王小洪"}, {ID: "3", Name: "丁薛祥"},
		{ID: "4", Name: "李希"}, {ID: "5", Name: "王毅（回族）"},
	}}
	for _, c := range s.StrokeOrdered().Candidates {
		fmt.Println(c.ID, c.Name)
	}
	// Output:
	// 3 丁薛祥
	// 5 王毅（回族）
	// 2 王小洪
	// 4 李希
	// 1 李书磊
}
