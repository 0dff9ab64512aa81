package composition_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chae-go/chae/quota/composition"
)

// TestEthnicGroups checks the list against GB 3304-91: 56 groups in code order, Han first, every
// romanised and Chinese name once, and the spellings the old lists got wrong.
func TestEthnicGroups(t *testing.T) {
	t.Parallel()
	gs := composition.EthnicGroups()
	if len(gs) != 56 {
		t.Fatalf("%d groups, want 56", len(gs))
	}
	names, chinese := map[string]bool{}, map[string]bool{}
	for i, g := range gs {
		if g.Code != i+1 {
			t.Errorf("group %d (%s) has code %d", i+1, g.Name, g.Code)
		}
		if names[g.Name] || chinese[g.Chinese] || g.Name == "" || !strings.HasSuffix(g.Chinese, "族") {
			t.Errorf("group %d: %q %q repeated or malformed", g.Code, g.Name, g.Chinese)
		}
		names[g.Name], chinese[g.Chinese] = true, true
	}
	byChinese := map[string]string{}
	for _, g := range gs {
		byChinese[g.Chinese] = g.Name
	}
	for zh, want := range map[string]string{
		"汉族": "Han", "佤族": "Va", "维吾尔族": "Uygur", "满族": "Man", "哈萨克族": "Kazak", "柯尔克孜族": "Kirgiz",
		"京族": "Gin", "德昂族": "Deang", "俄罗斯族": "Russ", "朝鲜族": "Korean", "藏族": "Tibetan", "基诺族": "Jino",
	} {
		if byChinese[zh] != want {
			t.Errorf("%s is %q, want %q", zh, byChinese[zh], want)
		}
	}
	gs[0].Name = "changed"
	if composition.EthnicGroups()[0].Name != "Han" {
		t.Error("EthnicGroups returns a shared slice")
	}
}

func ExampleEthnicGroups() {
	for _, g := range composition.EthnicGroups()[:5] {
		fmt.Println(g.Code, g.Name, g.Chinese)
	}
	fmt.Println(composition.EthnicGroups()[20].Name)
	// Output:
	// 1 Han 汉族
	// 2 Mongol 蒙古族
	// 3 Hui 回族
	// 4 Tibetan 藏族
	// 5 Uygur 维吾尔族
	// Va
}
