package nominate

import "github.com/chae-go/chae/quota"

// The presets return rules the sources describe. Each says which source it follows and which
// open point it settles by choice, and its Source cites the row of docs/rules.md (section G,
// nomination) it follows; change the fields where your rules say otherwise.

// BranchMajority is a branch's rule after a recommendation meeting template
// (m.yzwku.com/doc/920947.html): a name goes up with more than half of the recommendation
// votes ("得推荐票超过一半以上"), here of the ballots returned (the template names no base), and
// the meeting counts with more than half of its members present ("实到会党员超过了应到会党员
// 一半以上"). Every passer goes up; a shortfall is reported.
func BranchMajority() Rule {
	return Rule{
		Members:       MemberBar{Threshold: quota.Majority(), Base: OfTookPart},
		Participation: quota.Majority(),
		Source:        "docs/rules.md G3 (a recommendation meeting template)",
	}
}

// LevelBelow is an inner organisation's rule after the "两上两下" work plan of about 2002
// (yanjianggao.wang, 2015 copy): each level selects, among the names the level directly below
// sent up, those sent up by more than half of its organisations ("部门党委根据多数党支部的意见对
// 人选进行遴选"). Every passer goes up.
func LevelBelow() Rule {
	return Rule{
		Basis:    ByOrgs,
		Universe: ChildLists,
		Orgs:     OrgBar{Threshold: quota.Majority(), Scope: Children, Base: AllOrgs},
		Order:    []Key{KeyOrgs, KeyVotes},
		Source:   "docs/rules.md G4 (the two ups and two downs work plan)",
	}
}

// OwipOrder is the ranking of a deployed university party-congress system
// (github.com/xvchaoqun/owip: read, not copied): branches recommending, then votes, then full
// members' votes.
func OwipOrder() []Key { return []Key{KeyBranches, KeyVotes, KeyFull} }

// OwipParticipation is the same system's minimum participation before a branch may report: at
// least 4/5 of all its members ("参评率未达要求（>=80%）"). Local practice, not a rule.
func OwipParticipation() quota.Threshold {
	return quota.Threshold{Share: quota.Ratio(4, 5), Boundary: quota.AtLeast}
}

// RecommendedSurplus is the size of a list of recommended names in the work manuals ("按照多于代表
// 百分之三十以上的比例提出候选人推荐人选名单", after a 2021 party-work handbook) and in Yunnan's
// 2021 procedure: more than 30% over the places. The text says both "more than" (多于) and "or
// above" (以上); this preset takes the strict reading: set Surplus.MinBoundary to quota.AtLeast
// for the other.
func RecommendedSurplus() Size {
	return Surplus(quota.Difference{MinShare: quota.Percent(30), MinBoundary: quota.MoreThan, Source: "docs/rules.md G5 (work manuals)"})
}

// PreliminarySurplus is the size of a preliminary candidate list in the same manuals ("按多于代表
// 百分之二十以上的差额比例"): more than 20% over the places, strict as RecommendedSurplus.
func PreliminarySurplus() Size {
	return Surplus(quota.Difference{MinShare: quota.Percent(20), MinBoundary: quota.MoreThan, Source: "docs/rules.md G5 (work manuals)"})
}
