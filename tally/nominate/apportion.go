package nominate

import "github.com/chae-go/chae/quota"

// Weight is what an election unit's places are divided by among its recommending units.
type Weight uint8

const (
	// WeightMembers: the members below each unit. The zero value.
	WeightMembers Weight = iota
	// WeightOrgs: the grassroots organisations (branches) below each unit. The 20th Congress
	// quota weighed "党组织的数量和党员人数" without a published formula.
	WeightOrgs
	numWeights
)

var weightNames = [...]string{"members", "organisations"}

// String returns "members" or "organisations".
func (w Weight) String() string { return enumName(weightNames[:], w) }

// MarshalText encodes the weight as String does.
func (w Weight) MarshalText() ([]byte, error) { return marshalEnum(weightNames[:], w, "weight") }

// UnmarshalText decodes a name String returns.
func (w *Weight) UnmarshalText(t []byte) error {
	return unmarshalEnum(t, weightNames[:], w, "weight")
}

// Allocation is the places given to one organisation.
type Allocation struct {
	Org    OrgID
	Weight int64
	Places int
}

// Apportion divides places among the organisations directly below parent (its recommending
// units) by members or by branches, with a quota method (quota.Apportion: Hamilton,
// Huntington–Hill…), in children's ID order. Give the result to Tree.WithPlaces. A tie for the
// last places is quota's *quota.TieError (errors.Is quota.ErrTie), naming the tied children by
// their position in the result; an unknown parent is an error wrapping ErrUnknownOrg.
func Apportion(t *Tree, parent OrgID, places int, m quota.Method, w Weight) ([]Allocation, error) {
	i, ok := t.index[parent]
	if !ok {
		return nil, &TreeError{Index: -1, Org: parent, Err: ErrUnknownOrg}
	}
	if w >= numWeights {
		return nil, &TreeError{Index: -1, Org: parent, Err: ErrKind, Detail: "weight"}
	}
	kids := t.kids[i]
	if len(kids) == 0 {
		return nil, &TreeError{Index: -1, Org: parent, Err: ErrUnknownOrg, Detail: "no organisations below"}
	}
	out := make([]Allocation, len(kids))
	weights := make([]int64, len(kids))
	for j, k := range kids {
		weights[j] = t.member[k]
		if w == WeightOrgs {
			weights[j] = int64(t.leaves[k])
		}
		out[j] = Allocation{Org: t.orgs[k].ID, Weight: weights[j]}
	}
	seats, err := quota.Apportion(m, places, weights)
	if err != nil {
		return nil, err // quota's typed error: *quota.ApportionError or *quota.TieError
	}
	for j := range out {
		out[j].Places = seats[j]
	}
	return out, nil
}
