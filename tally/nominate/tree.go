package nominate

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// OrgID identifies a party organisation in a Tree.
type OrgID string

// Kind is what an organisation is. It selects the rule that applies to it (Rules.ByKind) and is
// shown in reports; the tree's shape, not the kind, decides which organisations count ballots
// (the leaves).
type Kind uint8

const (
	// Branch is a party branch (党支部), where members recommend. The zero value.
	Branch Kind = iota
	// GeneralBranch is a general party branch (党总支).
	GeneralBranch
	// Committee is a grassroots party committee (基层党委).
	Committee
	// RecommendingUnit is a recommending unit's party organisation (推荐单位党组织).
	RecommendingUnit
	// ElectionUnit is the election unit's party organisation (选举单位党组织): usually the root.
	ElectionUnit
	numKinds
)

var kindNames = [...]string{"branch", "general-branch", "committee", "recommending-unit", "election-unit"}

// String returns the kind's stable name: "branch", "general-branch", "committee",
// "recommending-unit" or "election-unit".
func (k Kind) String() string {
	if k < numKinds {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// MarshalText encodes the kind as String does.
func (k Kind) MarshalText() ([]byte, error) {
	if k >= numKinds {
		return nil, fmt.Errorf("nominate: kind %d: %w", uint8(k), ErrKind)
	}
	return []byte(k.String()), nil
}

// UnmarshalText decodes a name String returns.
func (k *Kind) UnmarshalText(b []byte) error { return unmarshalEnum(b, kindNames[:], k, "kind") }

// Org is one party organisation.
type Org struct {
	ID     OrgID
	Parent OrgID // "" only for the root
	Name   string
	Kind   Kind
	// Members is the number of party members of a branch (党员数), probationary members
	// included. Leaves only: an inner organisation's members are the sum over its branches.
	Members int
	// Probationary is how many of the Members are probationary members (预备党员), who have no
	// vote (grassroots election regulation, 2020, Art. 5); whether their recommendations count
	// is the rule's choice (Rule.CountProbationary). Leaves only; at most Members.
	Probationary int
	// Places is the number of places the organisation's list is sized against (its share of
	// the election unit's delegates, see Apportion). Zero means the nearest ancestor's.
	Places int
}

// Tree is a validated organisation tree: one root (the election unit), any depth, branches at
// the leaves. It is immutable and safe for concurrent use. Organisations are kept in tree order:
// the root first, then each subtree in turn, children in ID order (byte order), so that nothing
// depends on the order in which they were given.
type Tree struct {
	orgs   []Org           // tree order
	index  map[OrgID]int32 // ID → position
	parent []int32         // -1 for the root
	end    []int32         // the subtree of i is [i, end[i])
	kids   [][]int32       // children in ID order
	depth  []int32
	leaves []int32 // leaves in the subtree
	places []int   // effective places (inherited)
	member []int64 // members in the subtree
	probat []int64 // probationary members in the subtree
}

func validOrgID(id OrgID) bool {
	s := string(id)
	if s == "" || !utf8.ValidString(s) {
		return false
	}
	r0, _ := utf8.DecodeRuneInString(s)
	r1, _ := utf8.DecodeLastRuneInString(s)
	return !unicode.IsSpace(r0) && !unicode.IsSpace(r1)
}

// NewTree validates the organisations and returns their tree. Every problem is reported at once,
// as *TreeError values joined with errors.Join in input order: a bad ID (ErrOrgID), a duplicate
// ID (ErrDuplicateOrg), an unknown parent (ErrUnknownParent), no root or two roots (ErrRoot), a
// cycle (ErrCycle, reported once, at the cycle's first organisation in the input), member figures
// on an inner organisation (ErrInnerFigures), negative figures or more probationary members than
// members (ErrFigures), a kind out of range (ErrKind). The input is not retained.
func NewTree(orgs []Org) (*Tree, error) {
	if len(orgs) == 0 {
		return nil, &TreeError{Index: -1, Err: ErrRoot, Detail: "no organisations"}
	}
	if len(orgs) > 1<<30 {
		return nil, &TreeError{Index: -1, Err: ErrFigures, Detail: "too many organisations"}
	}
	c := &orgCheck{orgs: orgs}
	first := c.index()
	root, hasKids := c.link(first)
	if root < 0 && len(c.errs) == 0 {
		c.errs = append(c.errs, &TreeError{Index: -1, Err: ErrRoot, Detail: "every organisation has a parent"})
	}
	c.inner(first, hasKids)
	if len(c.errs) > 0 {
		return nil, errors.Join(c.errs...)
	}
	t := treeOrder(orgs, first, root)
	if len(t.orgs) < len(orgs) {
		return nil, errors.Join(cycleErrors(orgs, first, t.index)...)
	}
	t.finish()
	if t.member[0] > math.MaxInt32 {
		return nil, &TreeError{Index: -1, Org: t.orgs[0].ID, Err: ErrFigures, Detail: "more than 2,147,483,647 members"}
	}
	return t, nil
}

// orgCheck collects NewTree's problems with the organisations given, as *TreeError values in
// the order the checks find them: IDs first, then each organisation's own figures and parent,
// then figures on inner organisations.
type orgCheck struct {
	orgs []Org
	errs []error
}

func (c *orgCheck) fail(i int, err error, other OrgID, detail string) {
	c.errs = append(c.errs, &TreeError{Index: i, Org: c.orgs[i].ID, Other: other, Err: err, Detail: detail})
}

// index returns the input position of each valid ID's first organisation, and reports bad IDs
// (ErrOrgID) and repeated ones (ErrDuplicateOrg).
func (c *orgCheck) index() map[OrgID]int {
	first := make(map[OrgID]int, len(c.orgs))
	for i, o := range c.orgs {
		if !validOrgID(o.ID) {
			c.fail(i, ErrOrgID, "", "")
			continue
		}
		if j, dup := first[o.ID]; dup {
			c.fail(i, ErrDuplicateOrg, "", fmt.Sprintf("also organisation %d", j+1))
			continue
		}
		first[o.ID] = i
	}
	return first
}

// link checks each indexed organisation's own fields and its parent. It returns the input
// position of the root (-1 if none) and which organisations have children. A second root is
// ErrRoot, a parent not indexed ErrUnknownParent.
func (c *orgCheck) link(first map[OrgID]int) (root int, hasKids []bool) {
	hasKids = make([]bool, len(c.orgs))
	root = -1
	for i, o := range c.orgs {
		if first[o.ID] != i || !validOrgID(o.ID) {
			continue
		}
		c.fields(i, o)
		if o.Parent == "" {
			if root >= 0 {
				c.fail(i, ErrRoot, c.orgs[root].ID, "two organisations without a parent")
			} else {
				root = i
			}
			continue
		}
		p, ok := first[o.Parent]
		if !ok {
			c.fail(i, ErrUnknownParent, o.Parent, "")
			continue
		}
		hasKids[p] = true
	}
	return root, hasKids
}

// fields checks an organisation's kind (ErrKind), figures (ErrFigures) and name (ErrOrgID).
func (c *orgCheck) fields(i int, o Org) {
	if o.Kind >= numKinds {
		c.fail(i, ErrKind, "", fmt.Sprintf("kind %d", o.Kind))
	}
	if o.Members < 0 || o.Probationary < 0 || o.Places < 0 || o.Probationary > o.Members {
		c.fail(i, ErrFigures, "", fmt.Sprintf("members %d, probationary %d, places %d", o.Members, o.Probationary, o.Places))
	}
	if !utf8.ValidString(o.Name) {
		c.fail(i, ErrOrgID, "", "name is not UTF-8")
	}
}

// inner reports member figures on organisations with children (ErrInnerFigures).
func (c *orgCheck) inner(first map[OrgID]int, hasKids []bool) {
	for i, o := range c.orgs {
		if first[o.ID] == i && hasKids[i] && (o.Members != 0 || o.Probationary != 0) {
			c.fail(i, ErrInnerFigures, "", fmt.Sprintf("members %d, probationary %d", o.Members, o.Probationary))
		}
	}
}

// treeOrder lays out, in tree order, the organisations reachable from the root: the root, then
// each subtree in turn, children in ID order. It fills orgs, index, parent and depth; an
// organisation it leaves out lies on a cycle or hangs from one. The organisations must have
// passed orgCheck: unique valid IDs, known parents.
func treeOrder(orgs []Org, first map[OrgID]int, root int) *Tree {
	kidsOf := make([][]int, len(orgs))
	for i, o := range orgs {
		if o.Parent != "" {
			p := first[o.Parent]
			kidsOf[p] = append(kidsOf[p], i)
		}
	}
	for _, k := range kidsOf {
		slices.SortFunc(k, func(a, b int) int { return cmp.Compare(orgs[a].ID, orgs[b].ID) })
	}
	n := len(orgs)
	t := &Tree{index: make(map[OrgID]int32, n), orgs: make([]Org, 0, n), parent: make([]int32, 0, n), depth: make([]int32, 0, n)}
	type frame struct{ in, parent, depth int }
	stack := []frame{{root, -1, 0}}
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		pos := int32(len(t.orgs))
		t.index[orgs[f.in].ID] = pos
		t.orgs = append(t.orgs, orgs[f.in])
		t.parent = append(t.parent, int32(f.parent))
		t.depth = append(t.depth, int32(f.depth))
		k := kidsOf[f.in]
		for j := len(k) - 1; j >= 0; j-- {
			stack = append(stack, frame{k[j], int(pos), f.depth + 1})
		}
	}
	return t
}

// cycleErrors reports each cycle among the organisations that treeOrder did not place, once, at
// the cycle's first organisation in the input (ErrCycle, with the cycle's IDs in input order).
// The errors are sorted by input position.
func cycleErrors(orgs []Org, first map[OrgID]int, placed map[OrgID]int32) []error {
	var errs []error
	reported := make(map[int]bool)
	for i := range orgs {
		if _, ok := placed[orgs[i].ID]; ok || reported[i] {
			continue
		}
		cyc := cycleAbove(orgs, first, i)
		if reported[cyc[0]] {
			for _, c := range cyc {
				reported[c] = true
			}
			continue
		}
		ids := make([]string, len(cyc))
		for x, c := range cyc {
			ids[x] = string(orgs[c].ID)
			reported[c] = true
		}
		errs = append(errs, &TreeError{Index: cyc[0], Org: orgs[cyc[0]].ID, Err: ErrCycle, Detail: strings.Join(ids, " → ")})
	}
	slices.SortFunc(errs, func(a, b error) int {
		return cmp.Compare(a.(*TreeError).Index, b.(*TreeError).Index)
	})
	return errs
}

// cycleAbove follows parents from input position i until one repeats and returns the input
// positions of the cycle it entered, sorted. Every organisation on the way must have a known
// parent.
func cycleAbove(orgs []Org, first map[OrgID]int, i int) []int {
	seen := map[int]bool{}
	j := i
	for !seen[j] {
		seen[j] = true
		j = first[orgs[j].Parent]
	}
	cyc := []int{j}
	for k := first[orgs[j].Parent]; k != j; k = first[orgs[k].Parent] {
		cyc = append(cyc, k)
	}
	slices.Sort(cyc)
	return cyc
}

// finish computes the children, subtree ends, sums and inherited places.
func (t *Tree) finish() {
	n := len(t.orgs)
	t.kids = make([][]int32, n)
	t.end = make([]int32, n)
	t.leaves = make([]int32, n)
	t.member = make([]int64, n)
	t.probat = make([]int64, n)
	t.places = make([]int, n)
	for i := 1; i < n; i++ {
		p := t.parent[i]
		t.kids[p] = append(t.kids[p], int32(i))
	}
	for i := n - 1; i >= 0; i-- {
		t.end[i] = int32(i + 1)
		if len(t.kids[i]) == 0 {
			t.leaves[i] = 1
			t.member[i] = int64(t.orgs[i].Members)
			t.probat[i] = int64(t.orgs[i].Probationary)
		}
		for _, k := range t.kids[i] {
			t.end[i] = max(t.end[i], t.end[k])
			t.leaves[i] += t.leaves[k]
			t.member[i] += t.member[k]
			t.probat[i] += t.probat[k]
		}
	}
	for i := range n {
		t.places[i] = t.orgs[i].Places
		if t.places[i] == 0 && i > 0 {
			t.places[i] = t.places[t.parent[i]]
		}
	}
}

// Len returns the number of organisations.
func (t *Tree) Len() int { return len(t.orgs) }

// Root returns the root's ID.
func (t *Tree) Root() OrgID { return t.orgs[0].ID }

// Orgs returns the organisations in tree order, in a new slice.
func (t *Tree) Orgs() []Org { return slices.Clone(t.orgs) }

// Org returns the organisation with the given ID.
func (t *Tree) Org(id OrgID) (Org, bool) {
	i, ok := t.index[id]
	if !ok {
		return Org{}, false
	}
	return t.orgs[i], true
}

// IsLeaf reports whether the organisation exists and has no organisations below it.
func (t *Tree) IsLeaf(id OrgID) bool {
	i, ok := t.index[id]
	return ok && len(t.kids[i]) == 0
}

// Children returns the IDs of the organisations directly below id, in ID order.
func (t *Tree) Children(id OrgID) []OrgID {
	i, ok := t.index[id]
	if !ok {
		return nil
	}
	out := make([]OrgID, len(t.kids[i]))
	for j, k := range t.kids[i] {
		out[j] = t.orgs[k].ID
	}
	return out
}

// Leaves returns the IDs of the branches (leaves) in the subtree of id, in tree order.
func (t *Tree) Leaves(id OrgID) []OrgID {
	i, ok := t.index[id]
	if !ok {
		return nil
	}
	out := make([]OrgID, 0, t.leaves[i])
	for j := i; j < t.end[i]; j++ {
		if len(t.kids[j]) == 0 {
			out = append(out, t.orgs[j].ID)
		}
	}
	return out
}

// Members returns the members and probationary members in the subtree of id (the sums over its
// branches).
func (t *Tree) Members(id OrgID) (members, probationary int64) {
	i, ok := t.index[id]
	if !ok {
		return 0, 0
	}
	return t.member[i], t.probat[i]
}

// Places returns the places of id's list: its own Places, or the nearest ancestor's.
func (t *Tree) Places(id OrgID) int {
	i, ok := t.index[id]
	if !ok {
		return 0
	}
	return t.places[i]
}

// Subtree returns the tree of id and everything below it, with id as the root. Places inherited
// from above id are made explicit on id.
func (t *Tree) Subtree(id OrgID) (*Tree, error) {
	i, ok := t.index[id]
	if !ok {
		return nil, &TreeError{Index: -1, Org: id, Err: ErrUnknownOrg}
	}
	orgs := slices.Clone(t.orgs[i:t.end[i]])
	orgs[0].Parent = ""
	orgs[0].Places = t.places[i]
	return NewTree(orgs)
}

// WithPlaces returns a copy of the tree in which each allocation's organisation has the
// allocated places (Apportion's result). An unknown organisation is an error wrapping
// ErrUnknownOrg; negative places, ErrFigures.
func (t *Tree) WithPlaces(allocs []Allocation) (*Tree, error) {
	orgs := slices.Clone(t.orgs)
	for k, a := range allocs {
		i, ok := t.index[a.Org]
		if !ok {
			return nil, &TreeError{Index: k, Org: a.Org, Err: ErrUnknownOrg, Detail: "allocation"}
		}
		if a.Places < 0 {
			return nil, &TreeError{Index: k, Org: a.Org, Err: ErrFigures, Detail: "negative places"}
		}
		orgs[i].Places = a.Places
	}
	return NewTree(orgs)
}

// unmarshalEnum decodes one of names into v.
func unmarshalEnum[T ~uint8](b []byte, names []string, v *T, what string) error {
	for i, n := range names {
		if string(b) == n {
			*v = T(i)
			return nil
		}
	}
	return fmt.Errorf("nominate: unknown %s %q: %w", what, b, ErrKind)
}
