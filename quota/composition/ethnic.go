package composition

// EthnicGroup is one of the 56 ethnic groups (民族) recognised in the People's Republic of China.
type EthnicGroup struct {
	Code    int    // the numeric code of GB 3304-91: 1 for Han, 2 for Mongol, …, 56 for Jino
	Name    string // the romanised name, the value of the ethnicity attribute: "Zhuang", "Va"
	Chinese string // the name in Chinese: 壮族, 佤族
}

// ethnicGroups is the one list of ethnic groups, in the code order of GB 3304-91 (Names of
// nationalities of China in romanization with codes). The names are the standard's romanisation,
// except that 朝鲜族 and 藏族 are Korean and Tibetan, the spellings the standard gives for use
// abroad (it writes Chosen and Zang at home).
var ethnicGroups = [...]EthnicGroup{
	{1, "Han", "汉族"}, {2, "Mongol", "蒙古族"}, {3, "Hui", "回族"}, {4, "Tibetan", "藏族"},
	{5, "Uygur", "维吾尔族"}, {6, "Miao", "苗族"}, {7, "Yi", "彝族"}, {8, "Zhuang", "壮族"},
	{9, "Buyei", "布依族"}, {10, "Korean", "朝鲜族"}, {11, "Man", "满族"}, {12, "Dong", "侗族"},
	{13, "Yao", "瑶族"}, {14, "Bai", "白族"}, {15, "Tujia", "土家族"}, {16, "Hani", "哈尼族"},
	{17, "Kazak", "哈萨克族"}, {18, "Dai", "傣族"}, {19, "Li", "黎族"}, {20, "Lisu", "傈僳族"},
	{21, "Va", "佤族"}, {22, "She", "畲族"}, {23, "Gaoshan", "高山族"}, {24, "Lahu", "拉祜族"},
	{25, "Sui", "水族"}, {26, "Dongxiang", "东乡族"}, {27, "Naxi", "纳西族"}, {28, "Jingpo", "景颇族"},
	{29, "Kirgiz", "柯尔克孜族"}, {30, "Tu", "土族"}, {31, "Daur", "达斡尔族"}, {32, "Mulao", "仫佬族"},
	{33, "Qiang", "羌族"}, {34, "Blang", "布朗族"}, {35, "Salar", "撒拉族"}, {36, "Maonan", "毛南族"},
	{37, "Gelao", "仡佬族"}, {38, "Xibe", "锡伯族"}, {39, "Achang", "阿昌族"}, {40, "Pumi", "普米族"},
	{41, "Tajik", "塔吉克族"}, {42, "Nu", "怒族"}, {43, "Uzbek", "乌孜别克族"}, {44, "Russ", "俄罗斯族"},
	{45, "Ewenki", "鄂温克族"}, {46, "Deang", "德昂族"}, {47, "Bonan", "保安族"}, {48, "Yugur", "裕固族"},
	{49, "Gin", "京族"}, {50, "Tatar", "塔塔尔族"}, {51, "Derung", "独龙族"}, {52, "Oroqen", "鄂伦春族"},
	{53, "Hezhen", "赫哲族"}, {54, "Monba", "门巴族"}, {55, "Lhoba", "珞巴族"}, {56, "Jino", "基诺族"},
}

// han is the name of the majority group: every other group is an ethnic minority.
var han = ethnicGroups[0].Name

// EthnicGroups returns the 56 ethnic groups recognised in the People's Republic of China in the
// code order of GB 3304-91: Han first, then the 55 ethnic minorities. Names are the standard's
// romanisation (Zhuang, Uygur, Va, …), with Korean and Tibetan for 朝鲜族 and 藏族 as the standard
// writes them for use abroad. A roster's ethnicity attribute spelled so is counted right by
// Congress and by any Distinct count over it. The slice is new on every call.
func EthnicGroups() []EthnicGroup {
	return append([]EthnicGroup(nil), ethnicGroups[:]...)
}
