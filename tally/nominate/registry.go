package nominate

import (
	"fmt"
	"maps"
	"math"

	"github.com/chae-go/chae/ballot"
)

// Person is a person's dense index in a Registry: 0, 1, 2… in the order persons were first
// interned. It is meaningful only with its registry, and nothing the package outputs depends on
// it: tallies, lists and records name persons by key, in key order.
type Person int32

// Registry interns the persons that recommendation ballots name, so that counting a mark costs
// a lookup, not a string: a province's five million ballots allocate nothing per name.
//
// A person is identified by a key: whatever the ballots write to name them (a member number,
// or a name where names identify persons), in the form ballot.NormalizeName gives it. Chongqing
// in 2012 counted 1,772 recommendations naming 786 persons: the registry is what makes them
// the same persons.
//
// A Registry is not safe for concurrent use while persons are added; once complete it may be
// read (Lookup, Key, Candidate) from any number of goroutines, and Aggregate requires that.
type Registry struct {
	keys  []string
	names []string
	attrs []map[string]string
	index map[string]Person
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry { return &Registry{index: make(map[string]Person)} }

// Len returns the number of persons.
func (r *Registry) Len() int { return len(r.keys) }

// Intern returns the person with the given key, adding them if new. The key is normalised with
// ballot.NormalizeName; a key empty after normalisation is an error wrapping ErrPerson.
func (r *Registry) Intern(key string) (Person, error) {
	if p, ok := r.index[key]; ok {
		return p, nil
	}
	k := ballot.NormalizeName(key)
	if k == "" {
		return 0, fmt.Errorf("nominate: person %q: %w", key, ErrPerson)
	}
	if p, ok := r.index[k]; ok {
		return p, nil
	}
	if len(r.keys) == math.MaxInt32 {
		return 0, fmt.Errorf("nominate: person %q: %w (registry full)", key, ErrPerson)
	}
	p := Person(len(r.keys))
	r.keys = append(r.keys, k)
	r.names = append(r.names, "")
	r.attrs = append(r.attrs, nil)
	r.index[k] = p
	return p, nil
}

// internBytes is Intern for a key held in bytes: it allocates only for a new person.
func (r *Registry) internBytes(b []byte) (Person, error) {
	if p, ok := r.index[string(b)]; ok {
		return p, nil
	}
	return r.Intern(string(b))
}

// Register adds a person with the details a slate prints: c.ID is the key, c.Name and c.Attrs
// (gender, born, sector…) are kept for Candidate. A person already interned by key alone takes
// the details; one already registered with different details is an error wrapping
// ErrDuplicatePerson.
func (r *Registry) Register(c ballot.Candidate) (Person, error) {
	p, err := r.Intern(c.ID)
	if err != nil {
		return 0, err
	}
	if r.names[p] != "" || r.attrs[p] != nil {
		if r.names[p] != c.Name || !maps.Equal(r.attrs[p], c.Attrs) {
			return 0, fmt.Errorf("nominate: person %q: %w", r.keys[p], ErrDuplicatePerson)
		}
		return p, nil
	}
	r.names[p] = c.Name
	if c.Attrs != nil {
		r.attrs[p] = maps.Clone(c.Attrs)
	}
	return p, nil
}

// Lookup returns the person with the given key (normalised as Intern does).
func (r *Registry) Lookup(key string) (Person, bool) {
	if p, ok := r.index[key]; ok {
		return p, true
	}
	p, ok := r.index[ballot.NormalizeName(key)]
	return p, ok
}

// Key returns the person's key, or "" for a person outside the registry.
func (r *Registry) Key(p Person) string {
	if p < 0 || int(p) >= len(r.keys) {
		return ""
	}
	return r.keys[p]
}

// Candidate returns the person as a slate candidate: ID the key, Name the registered name (the
// key if none was registered), Attrs a copy of the registered attributes.
func (r *Registry) Candidate(p Person) ballot.Candidate {
	if p < 0 || int(p) >= len(r.keys) {
		return ballot.Candidate{}
	}
	c := ballot.Candidate{ID: r.keys[p], Name: r.names[p]}
	if c.Name == "" {
		c.Name = c.ID
	}
	if r.attrs[p] != nil {
		c.Attrs = maps.Clone(r.attrs[p])
	}
	return c
}

// candidateByKey is Candidate for a key, or a candidate named by the key alone.
func (r *Registry) candidateByKey(key string) ballot.Candidate {
	if p, ok := r.index[key]; ok {
		return r.Candidate(p)
	}
	return ballot.Candidate{ID: key, Name: key}
}
