package stroke_test

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/chae-go/chae/ballot/stroke"
)

func ExampleCompare() {
	surnames := []string{"陈", "张", "李", "刘", "王", "丁", "马", "习"}
	slices.SortFunc(surnames, stroke.Compare)
	fmt.Println(surnames)
	// Output:
	// [丁 习 马 王 刘 李 张 陈]
}

func ExampleCompareNames() {
	names := []string{"李干杰", "王小洪", "李强", "王　毅", "丁薛祥", "李希", "孙春兰（女）", "马兴瑞"}
	slices.SortStableFunc(names, stroke.CompareNames)
	for _, n := range names {
		fmt.Println(n)
	}
	// Output:
	// 丁薛祥
	// 马兴瑞
	// 王　毅
	// 王小洪
	// 孙春兰（女）
	// 李希
	// 李强
	// 李干杰
}

func ExampleNames() {
	names := []string{"王小洪", "王毅"}
	slices.SortFunc(names, stroke.Names{NoBlank: true}.Compare)
	fmt.Println("without the blank rule:", names)
	slices.SortFunc(names, stroke.CompareNames)
	fmt.Println("with it:", names)
	// Output:
	// without the blank rule: [王小洪 王毅]
	// with it: [王毅 王小洪]
}

func ExampleNameKey() {
	type entry struct {
		key  stroke.Key
		name string
	}
	var list []entry
	for _, n := range []string{"蔡奇", "赵乐际", "陈敏尔", "何立峰", "李书磊", "刘国中"} {
		list = append(list, entry{stroke.NameKey(n), n}) // one key per name
	}
	slices.SortFunc(list, func(a, b entry) int { return cmp.Compare(a.key, b.key) })
	for _, e := range list {
		fmt.Print(e.name, " ")
	}
	fmt.Println()
	// Output:
	// 刘国中 李书磊 何立峰 陈敏尔 赵乐际 蔡奇
}

func ExampleUnknown() {
	names := []string{"王五", "卐字", "丁一"}
	for _, n := range names {
		for _, r := range stroke.Unknown(n) {
			fmt.Printf("%s: %c has no stroke sequence; placed after the %d-stroke characters\n", n, r, stroke.Strokes(r))
		}
	}
	slices.SortFunc(names, stroke.CompareNames)
	fmt.Println(names)
	// Output:
	// 卐字: 卐 has no stroke sequence; placed after the 4-stroke characters
	// [丁一 王五 卐字]
}
