package nominate

import (
	"fmt"
	"maps"
	"slices"

	"github.com/chae-go/chae/quota"
)

// Basis says whose majority sends a name up: the texts say "根据多数党组织和党员的意见" (the 2020
// grassroots regulation, Art. 10; the 2021 Notice for the 20th Congress) and "根据多数党组织或多数
// 党员的意见" (the 1994 local regulation as paraphrased; the 17th-Congress procedure), and none
// defines either majority. At a branch, which has no organisations below it, every basis is
// ByMembers.
type Basis uint8

const (
	// ByMembers: the person's votes clear the member bar. The zero value.
	ByMembers Basis = iota
	// ByOrgs: the organisations whose lists include the person clear the organisation bar.
	ByOrgs
	// ByEither: either bar suffices (the "或" reading).
	ByEither
	// ByBoth: both bars are required (one reading of "和").
	ByBoth
	numBases
)

var basisNames = [...]string{"members", "organisations", "either", "both"}

// String returns "members", "organisations", "either" or "both".
func (b Basis) String() string { return enumName(basisNames[:], b) }

// MarshalText encodes the basis as String does.
func (b Basis) MarshalText() ([]byte, error) { return marshalEnum(basisNames[:], b, "basis") }

// UnmarshalText decodes a name String returns.
func (b *Basis) UnmarshalText(t []byte) error { return unmarshalEnum(t, basisNames[:], b, "basis") }

// Universe says which names an inner organisation considers.
type Universe uint8

const (
	// AllNamed: every person named on a counted ballot anywhere below (the member reading; the
	// deployed university system counts every recommendation its units report). The zero value.
	AllNamed Universe = iota
	// ChildLists: only persons that some organisation directly below sent up (the "两上两下"
	// work plan: each level selects among what the level below selected).
	ChildLists
	numUniverses
)

var universeNames = [...]string{"all-named", "child-lists"}

// String returns "all-named" or "child-lists".
func (u Universe) String() string { return enumName(universeNames[:], u) }

// MarshalText encodes the universe as String does.
func (u Universe) MarshalText() ([]byte, error) {
	return marshalEnum(universeNames[:], u, "universe")
}

// UnmarshalText decodes a name String returns.
func (u *Universe) UnmarshalText(t []byte) error {
	return unmarshalEnum(t, universeNames[:], u, "universe")
}

// MemberBase is the figure a member bar is measured against. No source names one.
type MemberBase uint8

const (
	// OfEntitled: the members entitled to recommend in every branch below, whether their sheet
	// counted or not (应参加). The zero value, the strictest.
	OfEntitled MemberBase = iota
	// OfEntitledCounted: the entitled members of the branches whose sheets counted.
	OfEntitledCounted
	// OfTookPart: the ballots returned in the branches whose sheets counted (实际参加).
	OfTookPart
	// OfValid: the valid ballots of those branches.
	OfValid
	numMemberBases
)

var memberBaseNames = [...]string{"entitled", "entitled-counted", "took-part", "valid"}

// String returns "entitled", "entitled-counted", "took-part" or "valid".
func (b MemberBase) String() string { return enumName(memberBaseNames[:], b) }

// MarshalText encodes the base as String does.
func (b MemberBase) MarshalText() ([]byte, error) {
	return marshalEnum(memberBaseNames[:], b, "member base")
}

// UnmarshalText decodes a name String returns.
func (b *MemberBase) UnmarshalText(t []byte) error {
	return unmarshalEnum(t, memberBaseNames[:], b, "member base")
}

// OrgScope is which organisations an organisation bar counts.
type OrgScope uint8

const (
	// Children: the organisations directly below (the 1990 regulation's "所辖多数党组织"; the
	// work plan's "多数党支部"). The zero value.
	Children OrgScope = iota
	// Branches: every branch below (the deployed system counts branches recommending).
	Branches
	numScopes
)

var scopeNames = [...]string{"children", "branches"}

// String returns "children" or "branches".
func (s OrgScope) String() string { return enumName(scopeNames[:], s) }

// MarshalText encodes the scope as String does.
func (s OrgScope) MarshalText() ([]byte, error) { return marshalEnum(scopeNames[:], s, "scope") }

// UnmarshalText decodes a name String returns.
func (s *OrgScope) UnmarshalText(t []byte) error {
	return unmarshalEnum(t, scopeNames[:], s, "scope")
}

// OrgBase is the count of organisations an organisation bar is measured against.
type OrgBase uint8

const (
	// AllOrgs: every organisation in the scope. The zero value.
	AllOrgs OrgBase = iota
	// CountedOrgs: those whose sheets counted (a branch), or with a counted branch below (an
	// inner organisation): the deployed system counts only units that reported.
	CountedOrgs
	numOrgBases
)

var orgBaseNames = [...]string{"all", "counted"}

// String returns "all" or "counted".
func (b OrgBase) String() string { return enumName(orgBaseNames[:], b) }

// MarshalText encodes the base as String does.
func (b OrgBase) MarshalText() ([]byte, error) {
	return marshalEnum(orgBaseNames[:], b, "organisation base")
}

// UnmarshalText decodes a name String returns.
func (b *OrgBase) UnmarshalText(t []byte) error {
	return unmarshalEnum(t, orgBaseNames[:], b, "organisation base")
}

// MemberBar is a bar on a person's votes: a share of a named base with a boundary.
type MemberBar struct {
	Threshold quota.Threshold
	Base      MemberBase
}

// OrgBar is a bar on the organisations whose lists include a person.
type OrgBar struct {
	Threshold quota.Threshold
	Scope     OrgScope
	Base      OrgBase
}

// SizeKind is how a list's size follows from its places.
type SizeKind uint8

const (
	// SizeAll: every person clearing the bars, no cut. The zero value.
	SizeAll SizeKind = iota
	// SizeFull: exactly the places (全额: Chongqing 2012 and 2022, Shanxi 2012).
	SizeFull
	// SizeSurplus: as many as a difference rule asks of the places (Size.Surplus): "more than
	// 30% over the places" (the work manuals; Yunnan 2021), "more than 20%" for preliminary
	// candidates.
	SizeSurplus
	// SizeShare: a share or multiple of the places (Size.Share.Needed(places)): an "enlarged
	// proportion" (扩大比例, Chongqing 2022) such as one and a half times the places.
	SizeShare
	numSizeKinds
)

var sizeKindNames = [...]string{"all", "full", "surplus", "share"}

// String returns "all", "full", "surplus" or "share".
func (k SizeKind) String() string { return enumName(sizeKindNames[:], k) }

// MarshalText encodes the kind as String does.
func (k SizeKind) MarshalText() ([]byte, error) {
	return marshalEnum(sizeKindNames[:], k, "size kind")
}

// UnmarshalText decodes a name String returns.
func (k *SizeKind) UnmarshalText(t []byte) error {
	return unmarshalEnum(t, sizeKindNames[:], k, "size kind")
}

// Take is which size a list takes when its rule allows a range.
type Take uint8

const (
	// TakeMin: the least the rule requires (the manuals give minimums only). The zero value.
	TakeMin Take = iota
	// TakeMax: the most the rule allows; the rule must set a maximum.
	TakeMax
	// TakeAll: every person clearing the bars, at least the minimum (or a shortfall) and at
	// most the maximum where there is one.
	TakeAll
	numTakes
)

var takeNames = [...]string{"min", "max", "all"}

// String returns "min", "max" or "all".
func (t Take) String() string { return enumName(takeNames[:], t) }

// MarshalText encodes the value as String does.
func (t Take) MarshalText() ([]byte, error) { return marshalEnum(takeNames[:], t, "take") }

// UnmarshalText decodes a name String returns.
func (t *Take) UnmarshalText(b []byte) error { return unmarshalEnum(b, takeNames[:], t, "take") }

// Size is the size of a list relative to its places.
type Size struct {
	Kind SizeKind
	// Surplus is the difference rule of SizeSurplus: the list needs Surplus.MinCandidates(places)
	// names and allows Surplus.MaxCandidates(places).
	Surplus quota.Difference
	// Share is the share of SizeShare: the list has exactly Share.Needed(places) names — with
	// AtLeast, the share of the places rounded up; with MoreThan, more than it.
	Share quota.Threshold
	// Take is which size to take where the rule allows a range.
	Take Take
}

// Full returns the size of full-quota recommendation (全额): exactly the places.
func Full() Size { return Size{Kind: SizeFull} }

// Surplus returns the size of a list that must exceed its places by the difference rule, taking
// the minimum.
func Surplus(d quota.Difference) Size { return Size{Kind: SizeSurplus, Surplus: d} }

// bounds returns the least and most names the size asks of the places; max < 0: no maximum.
func (s Size) bounds(places int) (lo, hi int) {
	switch s.Kind {
	case SizeFull:
		return places, places
	case SizeSurplus:
		lo = s.Surplus.MinCandidates(places)
		if m, ok := s.Surplus.MaxCandidates(places); ok {
			return lo, m
		}
		return lo, -1
	case SizeShare:
		n := s.Share.Needed(places)
		return n, n
	}
	return 0, -1
}

// needsPlaces reports whether the size depends on the places.
func (s Size) needsPlaces() bool { return s.Kind != SizeAll }

// target returns the number of names to take: the bounds and the Take, for passers persons
// clearing the bars; -1 takes every passer.
func (s Size) target(lo, hi int) int {
	if s.Kind == SizeAll {
		return -1
	}
	switch s.Take {
	case TakeMax:
		return hi
	case TakeAll:
		return -1
	}
	return lo
}

// Key is a ranking key. Persons are ranked by the keys of Rule.Order in turn, each from best
// to worst; persons equal on every key share a rank.
type Key uint8

const (
	_ Key = iota
	// KeyVotes: more votes first (the votes that count under the rule: with probationary
	// members' or without).
	KeyVotes
	// KeyFull: more full members' votes first (the deployed system's third key).
	KeyFull
	// KeyOrgs: more organisations directly below listing the person first.
	KeyOrgs
	// KeyBranches: more branches below listing the person first (the deployed system's first
	// key).
	KeyBranches
	// KeyAgainst: fewer Against votes first (opinion rounds).
	KeyAgainst
	numKeys
)

var keyNames = [...]string{"", "votes", "full", "orgs", "branches", "against"}

// String returns "votes", "full", "orgs", "branches" or "against".
func (k Key) String() string { return enumName(keyNames[:], k) }

// MarshalText encodes the key as String does.
func (k Key) MarshalText() ([]byte, error) {
	if k == 0 {
		return nil, fmt.Errorf("nominate: key 0: %w", ErrKind)
	}
	return marshalEnum(keyNames[:], k, "key")
}

// UnmarshalText decodes a name String returns.
func (k *Key) UnmarshalText(t []byte) error {
	if len(t) == 0 {
		return fmt.Errorf("nominate: empty key: %w", ErrKind)
	}
	return unmarshalEnum(t, keyNames[:], k, "key")
}

// CutRule says what happens when a list's cut falls inside a tie.
type CutRule uint8

const (
	// ReportTie: the tie is reported (Node.Tie) and the list holds only the persons above it,
	// until a recorded decision (OpOrder) settles it. The zero value: ties are data.
	ReportTie CutRule = iota
	// IncludeTied: every tied person goes on the list, which grows past its size.
	IncludeTied
	// ExcludeTied: no tied person goes on the list, which falls short.
	ExcludeTied
	numCutRules
)

var cutRuleNames = [...]string{"report", "include", "exclude"}

// String returns "report", "include" or "exclude".
func (c CutRule) String() string { return enumName(cutRuleNames[:], c) }

// MarshalText encodes the rule as String does.
func (c CutRule) MarshalText() ([]byte, error) {
	return marshalEnum(cutRuleNames[:], c, "cut rule")
}

// UnmarshalText decodes a name String returns.
func (c *CutRule) UnmarshalText(t []byte) error {
	return unmarshalEnum(t, cutRuleNames[:], c, "cut rule")
}

// ShortRule says what happens when too few persons clear the bars.
type ShortRule uint8

const (
	// ReportShort: the shortfall is reported (Node.Short). The zero value.
	ReportShort ShortRule = iota
	// SecondRound: a second recommendation among the most-voted of the rest fills it ("缺额人选在
	// 推荐票得票多的被推荐人中第二次推荐产生", the recommendation meeting template): the node names
	// them (Node.Second); the caller holds the vote (Pass.SecondSlate) and passes its counts
	// back in (Up.Second).
	SecondRound
	numShortRules
)

var shortRuleNames = [...]string{"report", "second-round"}

// String returns "report" or "second-round".
func (s ShortRule) String() string { return enumName(shortRuleNames[:], s) }

// MarshalText encodes the rule as String does.
func (s ShortRule) MarshalText() ([]byte, error) {
	return marshalEnum(shortRuleNames[:], s, "shortfall rule")
}

// UnmarshalText decodes a name String returns.
func (s *ShortRule) UnmarshalText(t []byte) error {
	return unmarshalEnum(t, shortRuleNames[:], s, "shortfall rule")
}

// Shortfall is the handling of a list with too few names.
type Shortfall struct {
	Rule ShortRule
	// Candidates sizes a second round against the places missing: at least
	// Candidates.MinCandidates(missing) of the most-voted (all tied at that cut included). The
	// zero value asks for more candidates than places missing.
	Candidates quota.Difference
}

// Rule is how one organisation turns what it received into the list it sends up. Every point
// the sources leave open is a field; the zero Rule sends up every person named on a counted
// ballot (more than no votes), ranked by votes, with probationary members' recommendations set
// aside and a branch's sheet counted when it has at least one ballot.
type Rule struct {
	Basis    Basis
	Universe Universe
	// Members is the member bar; Orgs the organisation bar. Which of them apply is Basis's.
	Members MemberBar
	Orgs    OrgBar
	// Size is the size of the list against the organisation's places.
	Size Size
	// Order is the ranking keys, best first; nil means KeyVotes alone. Persons equal on every
	// key share a rank and are listed in key order; a cut between them is a tie.
	Order     []Key
	AtCut     CutRule
	Shortfall Shortfall
	// Participation is the minimum turnout for a branch's sheet to count: ballots against its
	// entitled members. The deployed university system refuses a report below 80% ("at least
	// 4/5", local practice); the recommendation meeting template requires more than half
	// present. The zero value counts a sheet with at least one ballot.
	Participation quota.Threshold
	// CountProbationary counts probationary members' recommendations and members. The 2020
	// grassroots regulation (Art. 5) gives them no vote and is silent on recommendation; by
	// default (false) their ballots are counted and reported but not used.
	CountProbationary bool
	// AllowUnvoted lets a person no member named go up on the organisations' strength alone. By
	// default (false) no such person goes up, as Shanxi required in 2012 ("党员没有提名的人选不
	// 向上级党组织推荐"): every name sent up has a member's recommendation below it.
	AllowUnvoted bool
	// Source cites where the rule comes from, for reports (the rule's own citation).
	Source string
}

func (r Rule) order() []Key {
	if len(r.Order) == 0 {
		return []Key{KeyVotes}
	}
	return r.Order
}

// Clone returns a copy of r sharing nothing with it.
func (r Rule) Clone() Rule {
	r.Order = slices.Clone(r.Order)
	r.Size.Surplus.Steps = slices.Clone(r.Size.Surplus.Steps)
	r.Shortfall.Candidates.Steps = slices.Clone(r.Shortfall.Candidates.Steps)
	return r
}

// Validate reports a rule that cannot be applied: a value out of range (ErrKind), a key repeated
// in Order, TakeMax without a maximum (ErrRule). It does not need the tree: places are checked
// when the rule is applied.
func (r Rule) Validate() error {
	bad := func(field string, err error, detail string) error {
		return &RuleError{Field: field, Err: err, Detail: detail}
	}
	switch {
	case r.Basis >= numBases:
		return bad("Basis", ErrKind, "")
	case r.Universe >= numUniverses:
		return bad("Universe", ErrKind, "")
	case r.Members.Base >= numMemberBases:
		return bad("Members.Base", ErrKind, "")
	case r.Orgs.Scope >= numScopes:
		return bad("Orgs.Scope", ErrKind, "")
	case r.Orgs.Base >= numOrgBases:
		return bad("Orgs.Base", ErrKind, "")
	case r.Size.Kind >= numSizeKinds:
		return bad("Size.Kind", ErrKind, "")
	case r.Size.Take >= numTakes:
		return bad("Size.Take", ErrKind, "")
	case r.AtCut >= numCutRules:
		return bad("AtCut", ErrKind, "")
	case r.Shortfall.Rule >= numShortRules:
		return bad("Shortfall.Rule", ErrKind, "")
	}
	for _, b := range []quota.Boundary{r.Members.Threshold.Boundary, r.Orgs.Threshold.Boundary,
		r.Participation.Boundary, r.Size.Share.Boundary, r.Size.Surplus.MinBoundary,
		r.Shortfall.Candidates.MinBoundary} {
		if b > quota.AtLeast {
			return bad("Boundary", ErrKind, "")
		}
	}
	seen := 0
	for _, k := range r.Order {
		if k == 0 || k >= numKeys {
			return bad("Order", ErrKind, fmt.Sprintf("key %d", k))
		}
		if seen&(1<<k) != 0 {
			return bad("Order", ErrRule, "key "+k.String()+" repeated")
		}
		seen |= 1 << k
	}
	if r.Size.Take == TakeMax && r.Size.Kind == SizeSurplus {
		if _, ok := r.Size.Surplus.MaxCandidates(1); !ok {
			return bad("Size.Take", ErrRule, "the difference rule sets no maximum")
		}
	}
	if r.Size.Take == TakeMax && r.Size.Kind == SizeAll {
		return bad("Size.Take", ErrRule, "a list of every passer has no maximum")
	}
	return nil
}

// Rules is one rule per level: the rule of an organisation is ByOrg's for its ID, else ByKind's
// for its kind, else Default. Per-organisation rules let units of one election unit differ, as
// Chongqing combined full-quota recommendation with an enlarged proportion across its 44
// recommending units in 2022.
type Rules struct {
	Default Rule
	ByKind  map[Kind]Rule
	ByOrg   map[OrgID]Rule
}

// For returns the rule of the organisation.
func (rs Rules) For(o Org) Rule {
	if r, ok := rs.ByOrg[o.ID]; ok {
		return r
	}
	if r, ok := rs.ByKind[o.Kind]; ok {
		return r
	}
	return rs.Default
}

// Clone returns a copy of rs sharing nothing with it.
func (rs Rules) Clone() Rules {
	out := Rules{Default: rs.Default.Clone()}
	if rs.ByKind != nil {
		out.ByKind = make(map[Kind]Rule, len(rs.ByKind))
		for k, r := range rs.ByKind {
			out.ByKind[k] = r.Clone()
		}
	}
	if rs.ByOrg != nil {
		out.ByOrg = make(map[OrgID]Rule, len(rs.ByOrg))
		for k, r := range rs.ByOrg {
			out.ByOrg[k] = r.Clone()
		}
	}
	return out
}

// Validate validates every rule, in a fixed order (Default, ByKind by kind, ByOrg by ID), and
// reports the first problem with the rule's place.
func (rs Rules) Validate() error {
	if err := rs.Default.Validate(); err != nil {
		err.(*RuleError).Field = "Default." + err.(*RuleError).Field
		return err
	}
	for _, k := range slices.Sorted(maps.Keys(rs.ByKind)) {
		if k >= numKinds {
			return &RuleError{Field: "ByKind", Err: ErrKind, Detail: fmt.Sprintf("kind %d", k)}
		}
		if err := rs.ByKind[k].Validate(); err != nil {
			err.(*RuleError).Field = "ByKind[" + k.String() + "]." + err.(*RuleError).Field
			return err
		}
	}
	for _, id := range slices.Sorted(maps.Keys(rs.ByOrg)) {
		if err := rs.ByOrg[id].Validate(); err != nil {
			e := err.(*RuleError)
			e.Org = id
			return e
		}
	}
	return nil
}
