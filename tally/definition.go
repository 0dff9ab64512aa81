package tally

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/quota"
)

// Definition is an election as a counting team sets it up: the ballot paper, the rules, and the
// turnout of each round of voting.
type Definition struct {
	// Slate is the ballot paper: office, seats, candidates in printed order.
	Slate ballot.Slate
	// Rules are the election's rules.
	Rules Rules
	// Preset is the name the rules were given by ("cpc-grassroots-committee"), or "" when they
	// were spelled out.
	Preset string
	// Turnout holds the turnout of each round of voting, in order: Turnout[0] is round 1's.
	Turnout []Turnout
	// Marks are the spellings of marks the ballot papers use beyond the defaults, as the
	// definition file declares them; Marks.Spellings is the table to read the ballot files with.
	Marks MarkSpellings
}

// MarkSpellings are the spellings of marks an election's ballot papers use beyond
// ballot.DefaultSpellings (○ 〇 F O 1 for For, × X ✕ A 0 for Against, an empty cell, - or 弃 for
// an abstention, among others), as a definition file declares them in its "marks" member:
//
//	"marks": {"for": ["√", "✓", "是"], "against": ["否"], "abstain": ["弃"]}
//
// The defaults stay; a spelling that already reads as the same mark changes nothing.
type MarkSpellings struct {
	For, Against, Abstain []string
}

// Spellings returns ballot.DefaultSpellings extended with the declared spellings (see
// ballot.Spellings.WithMark), for ballot.Reader.Spellings. It is an error wrapping
// ballot.ErrSpelling if a spelling already reads as another mark (one of the defaults, or one
// declared for another mark before it: For first, then Against, then Abstain) or cannot be a
// spelling (not UTF-8, or the empty cell for For or Against).
func (m MarkSpellings) Spellings() (ballot.Spellings, error) {
	s := ballot.DefaultSpellings()
	for _, d := range m.declared() {
		for _, sp := range d.spellings {
			var err error
			if s, err = s.WithMark(d.mark, sp); err != nil {
				return ballot.DefaultSpellings(), err
			}
		}
	}
	return s, nil
}

// declared lists the declared spellings by mark, in the order they are added, with their members'
// names.
func (m MarkSpellings) declared() []struct {
	mark      ballot.Mark
	member    string
	spellings []string
} {
	return []struct {
		mark      ballot.Mark
		member    string
		spellings []string
	}{{ballot.For, "for", m.For}, {ballot.Against, "against", m.Against}, {ballot.Abstain, "abstain", m.Abstain}}
}

// clone returns a copy of m sharing nothing with it.
func (m MarkSpellings) clone() MarkSpellings {
	return MarkSpellings{For: slices.Clone(m.For), Against: slices.Clone(m.Against), Abstain: slices.Clone(m.Abstain)}
}

// presets maps the preset names of definition files to the preset functions.
var presets = []struct {
	name string
	fn   func() Rules
}{
	{"cpc-grassroots-committee", CPCGrassrootsCommittee},
	{"cpc-grassroots-delegates", CPCGrassrootsDelegates},
	{"cpc-local-delegates", CPCLocalDelegates},
	{"cpc-local-committee", CPCLocalCommittee},
	{"national-congress-delegates", NationalCongressDelegates},
	{"central-committee-preliminary", CentralCommitteePreliminary},
	{"electoral-law-direct", ElectoralLawDirect},
	{"electoral-law-indirect", ElectoralLawIndirect},
	{"vietnam-national-assembly", VietnamNationalAssembly},
}

// PresetNames returns the names of the rules presets a definition file may give, in a new slice:
// the preset functions' names in kebab case ("cpc-grassroots-committee" for
// CPCGrassrootsCommittee).
func PresetNames() []string {
	out := make([]string, len(presets))
	for i, p := range presets {
		out[i] = p.name
	}
	return out
}

// Preset returns the rules of the named preset (see PresetNames), or an error wrapping
// ErrUnknownPreset.
func Preset(name string) (Rules, error) {
	for _, p := range presets {
		if p.name == name {
			return p.fn(), nil
		}
	}
	return Rules{}, fmt.Errorf("%w %q", ErrUnknownPreset, name)
}

// The wire form of a definition. The rules object is the one wire form of rules, that of the
// "rules" member of the election record (see RecordFormat).
type defFile struct {
	Office     string          `json:"office"`
	Seats      int             `json:"seats"`
	Candidates []wireCandidate `json:"candidates"`
	Rules      json.RawMessage `json:"rules"`
	Turnout    []defTurnout    `json:"turnout"`
	Marks      *wireMarks      `json:"marks,omitempty"`
}

type defTurnout struct {
	Entitled int      `json:"entitled"`
	Present  int      `json:"present"`
	Issued   int      `json:"issued"`
	Returned Declared `json:"returned,omitzero"`
}

// ReadDefinition reads an election definition: a JSON object with the office, the seats, the
// candidates (ID, name, attributes) in printed order, the rules — the name of a preset, or an
// object with the members of the "rules" member of an election record, every one that is not
// left at its zero value spelled out, shares written as "15%", "0.2" or "1/3" — and the turnout
// of each round: those entitled, those present and the ballots issued, each required, and the
// ballots returned, which may be left out (Turnout.Returned not declared) and may be 0:
//
//	{
//	  "office": "Branch committee",
//	  "seats": 2,
//	  "candidates": [
//	    {"id": "c1", "name": "Li Wei", "attrs": {"gender": "female"}},
//	    {"id": "c2", "name": "Wang Fang"},
//	    {"id": "c3", "name": "Zhang Min"}
//	  ],
//	  "rules": "cpc-grassroots-committee",
//	  "turnout": [{"entitled": 50, "present": 46, "issued": 46, "returned": 46}],
//	  "marks": {"for": ["√", "是"], "against": ["否"]}
//	}
//
// The "marks" member is optional: it declares the spellings of marks the ballot papers use beyond
// the defaults (see MarkSpellings); a spelling that reads as another mark is an error wrapping
// ballot.ErrSpelling, at the spelling.
//
// Decoding is strict: an unknown member, a member (or attribute) given twice, a value of the wrong
// type or unreadable (a fraction "1/0", a base "nobody"), a missing office, seats, candidates or
// rules, a turnout without its entitled, present or issued figure, an unknown preset, a slate that does not validate (a NUL or a bidirectional override in a
// name: ballot.ErrNameText) or breaks the rules' difference rule, a negative turnout or more
// present than entitled — each is a *DefinitionError with the JSON path of the problem and, where
// it is at one place, its line and column. Bytes that are not UTF-8, and a \u escape of half a
// surrogate pair without its other half, are refused where they stand (ErrDefinitionSyntax), never
// read as U+FFFD. Extra data after the object is an error too. A definition holds at most
// MaxDefinitionBytes (16 MiB); a UTF-8 byte order mark before it is ignored.
func ReadDefinition(r io.Reader) (Definition, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxDefinitionBytes+1))
	if err != nil {
		return Definition{}, fmt.Errorf("tally: definition: %w", err)
	}
	if len(data) > MaxDefinitionBytes {
		return Definition{}, &DefinitionError{Err: fmt.Errorf("%w: the file is longer than 16 MiB (MaxDefinitionBytes, %d bytes)", ErrFieldValue, MaxDefinitionBytes)}
	}
	return decodeDefinition(data)
}

// MaxDefinitionBytes is the size of the longest election definition ReadDefinition reads: 16 MiB,
// room for a slate of a hundred thousand candidates with their attributes and the turnout of many
// rounds. A longer file is refused (wrapping ErrFieldValue) before it is decoded.
const MaxDefinitionBytes = 16 << 20

func decodeDefinition(data []byte) (Definition, error) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	d := &decoder{doc: data}
	if off, what := textProblem(data); off >= 0 {
		// encoding/json would read it as U+FFFD, silently.
		e := &DefinitionError{Err: fmt.Errorf("%w: %s", ErrDefinitionSyntax, what)}
		e.Line, e.Column = d.position(off)
		return Definition{}, e
	}
	if !json.Valid(data) {
		return Definition{}, d.syntaxError()
	}
	start := len(data) - len(bytes.TrimLeft(data, " \t\r\n"))
	var f defFile
	if err := d.decode("$", data[start:], start, reflect.ValueOf(&f).Elem()); err != nil {
		return Definition{}, err
	}
	if err := d.required(f); err != nil {
		return Definition{}, err
	}
	def := Definition{Slate: ballot.Slate{Office: f.Office, Seats: f.Seats, Candidates: candidates(f.Candidates)}}
	var err error
	if def.Rules, def.Preset, err = d.rules(f.Rules); err != nil {
		return Definition{}, err
	}
	for i, t := range f.Turnout {
		def.Turnout = append(def.Turnout, Turnout(t))
		path := fmt.Sprintf("$.turnout[%d]", i)
		for _, m := range []string{"entitled", "present", "issued"} {
			if !d.has(path + "." + m) {
				return Definition{}, d.errAt(path+"."+m, d.at[path], ErrMissingField)
			}
		}
		if err := Turnout(t).checkFigures(); err != nil {
			var te *TurnoutError
			if errors.As(err, &te) {
				path += "." + te.Field
			}
			return Definition{}, d.errAt(path, d.at[path], err)
		}
	}
	if err := def.Slate.Validate(); err != nil {
		return Definition{}, d.slateError(err)
	}
	if err := def.Rules.Difference.Check(def.Slate.Seats, len(def.Slate.Candidates)); err != nil {
		return Definition{}, d.errAt("$.candidates", d.at["$.candidates"], err)
	}
	if f.Marks != nil {
		def.Marks = f.Marks.spellings()
		if err := d.checkMarks(def.Marks); err != nil {
			return Definition{}, err
		}
	}
	return def, nil
}

// checkMarks adds the declared spellings to the defaults one by one, as MarkSpellings.Spellings
// does, and reports the first that clashes, at its place.
func (d *decoder) checkMarks(m MarkSpellings) error {
	s := ballot.DefaultSpellings()
	for _, dm := range m.declared() {
		for i, sp := range dm.spellings {
			var err error
			if s, err = s.WithMark(dm.mark, sp); err != nil {
				path := fmt.Sprintf("$.marks.%s[%d]", dm.member, i)
				return d.errAt(path, d.at[path], err)
			}
		}
	}
	return nil
}

// syntaxError locates the syntax error of a document that is not JSON.
func (d *decoder) syntaxError() error {
	var v any
	err := json.Unmarshal(d.doc, &v)
	var se *json.SyntaxError
	e := &DefinitionError{Err: fmt.Errorf("%w: %v", ErrDefinitionSyntax, err)}
	if errors.As(err, &se) {
		e.Line, e.Column = d.position(max(int(se.Offset)-1, 0)) // Offset is just past the bad byte
	} else {
		e.Line, e.Column = d.position(len(d.doc))
	}
	return e
}

// required reports the first required member the definition lacks.
func (d *decoder) required(f defFile) error {
	for _, m := range []struct {
		name string
		ok   bool
	}{{"office", d.has("$.office")}, {"seats", d.has("$.seats")}, {"candidates", d.has("$.candidates")},
		{"rules", len(f.Rules) > 0 && !bytes.Equal(f.Rules, []byte("null"))}} {
		if !m.ok {
			return &DefinitionError{Path: "$." + m.name, Err: ErrMissingField}
		}
	}
	return nil
}

// rules decodes the "rules" member: a preset's name, or the rules spelled out (checked with
// Rules.Validate).
func (d *decoder) rules(raw json.RawMessage) (Rules, string, error) {
	at := d.at["$.rules"]
	if raw[0] == '"' {
		var name string
		if err := json.Unmarshal(raw, &name); err != nil {
			return Rules{}, "", d.errAt("$.rules", at, fmt.Errorf("%w: %v", ErrFieldValue, err))
		}
		r, err := Preset(name)
		if err != nil {
			return Rules{}, "", d.errAt("$.rules", at, err)
		}
		return r, name, nil
	}
	var w wireRules
	if err := d.decode("$.rules", raw, at, reflect.ValueOf(&w).Elem()); err != nil {
		return Rules{}, "", err
	}
	r := w.rules()
	if err := r.Validate(); err != nil {
		return Rules{}, "", d.errAt("$.rules", at, err)
	}
	return r, "", nil
}

// slateError locates a slate that does not validate: the member of the candidate concerned.
func (d *decoder) slateError(err error) error {
	var se *ballot.SlateError
	errors.As(err, &se)
	path := "$.seats"
	switch {
	case se != nil && se.Candidate >= 0:
		path = fmt.Sprintf("$.candidates[%d]", se.Candidate)
		if se.Field != "" {
			path += "." + se.Field // id, name, attrs
		}
	case se != nil && se.Field != "":
		path = "$." + se.Field // seats, candidates, office
	}
	if se != nil {
		err = se
	}
	return d.errAt(path, d.at[path], err)
}

// decoder decodes JSON into the definition's wire types, strictly, keeping the path and the
// offset of every value it meets.
type decoder struct {
	doc []byte
	at  map[string]int // path → offset of the value
}

func (d *decoder) has(path string) bool { _, ok := d.at[path]; return ok }

func (d *decoder) position(off int) (line, col int) {
	off = min(off, len(d.doc))
	line = 1 + bytes.Count(d.doc[:off], []byte("\n"))
	col = off - bytes.LastIndexByte(d.doc[:off], '\n')
	return line, col
}

func (d *decoder) errAt(path string, off int, err error) error {
	e := &DefinitionError{Path: path, Err: err}
	if _, ok := d.at[path]; ok || off > 0 {
		e.Line, e.Column = d.position(off)
	}
	return e
}

var (
	unmarshalerType     = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// decode decodes raw, found at offset off of the document, into v: a value with a decoder of its
// own (a fraction, a name) or of a plain kind as a leaf, a pointer, slice or struct member by
// member.
func (d *decoder) decode(path string, raw []byte, off int, v reflect.Value) error {
	if d.at == nil {
		d.at = make(map[string]int)
	}
	d.at[path] = off
	pt := reflect.PointerTo(v.Type())
	if pt.Implements(unmarshalerType) || pt.Implements(textUnmarshalerType) ||
		v.Kind() != reflect.Struct && v.Kind() != reflect.Slice && v.Kind() != reflect.Pointer && v.Kind() != reflect.Map {
		return d.decodeLeaf(path, raw, off, v)
	}
	if bytes.Equal(raw, []byte("null")) {
		v.SetZero()
		return nil
	}
	switch v.Kind() {
	case reflect.Pointer:
		p := reflect.New(v.Type().Elem())
		if err := d.decode(path, raw, off, p.Elem()); err != nil {
			return err
		}
		v.Set(p)
		return nil
	case reflect.Slice:
		return d.decodeSlice(path, raw, off, v)
	case reflect.Map:
		return d.decodeMap(path, raw, off, v)
	}
	return d.decodeStruct(path, raw, off, v)
}

// decodeMap decodes a JSON object into a map with string keys (a candidate's attributes) member by
// member, refusing a name given twice, which encoding/json would let the last one win.
func (d *decoder) decodeMap(path string, raw []byte, off int, v reflect.Value) error {
	m := reflect.MakeMap(v.Type())
	err := d.members(path, raw, off, "an object of strings", func(key string, val []byte, voff int) (string, error) {
		k := reflect.ValueOf(key).Convert(v.Type().Key())
		if m.MapIndex(k).IsValid() {
			return "repeated field", nil
		}
		e := reflect.New(v.Type().Elem()).Elem()
		if err := d.decode(path+"."+key, val, voff, e); err != nil {
			return "", err
		}
		m.SetMapIndex(k, e)
		return "", nil
	})
	if err != nil {
		return err
	}
	v.Set(m)
	return nil
}

// members walks the members of the JSON object raw (at offset off, a value of path described as
// what), calling member with each one's name, value and the value's offset. member names what
// is wrong with a member that may not be there ("unknown field", "repeated field"): that is
// ErrUnknownField, at the member's name.
func (d *decoder) members(path string, raw []byte, off int, what string, member func(key string, val []byte, voff int) (refuse string, err error)) error {
	if raw[0] != '{' {
		return d.errAt(path, off, fmt.Errorf("%w: %s where %s is expected", ErrFieldValue, jsonKind(raw), what))
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.Token()
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return d.errAt(path, off, fmt.Errorf("%w: %v", ErrDefinitionSyntax, err))
		}
		key, _ := tok.(string)
		koff := off + int(dec.InputOffset()) - len(strconv.Quote(key))
		var val json.RawMessage
		if err := dec.Decode(&val); err != nil {
			return d.errAt(path, off, fmt.Errorf("%w: %v", ErrDefinitionSyntax, err))
		}
		voff := off + int(dec.InputOffset()) - len(val)
		refuse, err := member(key, val, voff)
		if err != nil {
			return err
		}
		if refuse != "" {
			e := &DefinitionError{Path: path + "." + key, Err: fmt.Errorf("%w: %s %q", ErrUnknownField, refuse, key)}
			e.Line, e.Column = d.position(max(koff, off))
			return e
		}
	}
	return nil
}

// decodeLeaf decodes a value with encoding/json, naming a wrong type in words.
func (d *decoder) decodeLeaf(path string, raw []byte, off int, v reflect.Value) error {
	err := json.Unmarshal(raw, v.Addr().Interface())
	if err == nil {
		return nil
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		err = fmt.Errorf("%w: %s where %s is expected", ErrFieldValue, te.Value, kindName(v.Type()))
	} else if !isLibraryError(err) {
		err = fmt.Errorf("%w: %v", ErrFieldValue, err)
	}
	return d.errAt(path, off, err)
}

// decodeSlice decodes a JSON array element by element.
func (d *decoder) decodeSlice(path string, raw []byte, off int, v reflect.Value) error {
	if raw[0] != '[' {
		return d.errAt(path, off, fmt.Errorf("%w: %s where an array is expected", ErrFieldValue, jsonKind(raw)))
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.Token()
	s := reflect.MakeSlice(v.Type(), 0, 0)
	for i := 0; dec.More(); i++ {
		var elem json.RawMessage
		if err := dec.Decode(&elem); err != nil {
			return d.errAt(path, off, fmt.Errorf("%w: %v", ErrDefinitionSyntax, err))
		}
		e := reflect.New(v.Type().Elem()).Elem()
		eoff := off + int(dec.InputOffset()) - len(elem)
		if err := d.decode(fmt.Sprintf("%s[%d]", path, i), elem, eoff, e); err != nil {
			return err
		}
		s = reflect.Append(s, e)
	}
	v.Set(s)
	return nil
}

// decodeStruct decodes a JSON object member by member, refusing an unknown or repeated member.
func (d *decoder) decodeStruct(path string, raw []byte, off int, v reflect.Value) error {
	fields := make(map[string]int)
	for i := range v.NumField() {
		name, _, _ := strings.Cut(v.Type().Field(i).Tag.Get("json"), ",")
		fields[name] = i
	}
	var seen []string
	return d.members(path, raw, off, "an object", func(key string, val []byte, voff int) (string, error) {
		i, ok := fields[key]
		switch {
		case !ok:
			return "unknown field", nil
		case slices.Contains(seen, key):
			return "repeated field", nil
		}
		seen = append(seen, key)
		return "", d.decode(path+"."+key, val, voff, v.Field(i))
	})
}

// isLibraryError reports whether err comes from one of chae's own decoders (it then wraps a
// sentinel of its own and is kept as it is).
func isLibraryError(err error) bool {
	var fe *quota.FractionError
	return errors.As(err, &fe) || errors.Is(err, ErrRules) || errors.Is(err, quota.ErrFractionSyntax)
}

func kindName(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Int, reflect.Int64, reflect.Uint8:
		if t.Implements(reflect.TypeFor[fmt.Stringer]()) || reflect.PointerTo(t).Implements(textUnmarshalerType) {
			return "a name"
		}
		return "a whole number"
	case reflect.Bool:
		return "true or false"
	case reflect.Map:
		return "an object of strings"
	}
	return "a value of type " + t.String()
}

func jsonKind(raw []byte) string {
	switch raw[0] {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

// UnmarshalJSON decodes a definition as ReadDefinition does; positions in errors are relative to
// data.
func (def *Definition) UnmarshalJSON(data []byte) error {
	d, err := decodeDefinition(data)
	if err != nil {
		return err
	}
	*def = d
	return nil
}

// MarshalJSON encodes the definition in the form ReadDefinition reads: the rules as the preset's
// name when Preset is set, spelled out otherwise. A slate that does not validate (ballot.Slate's
// Validate) is an error: it would not read back, and text that is not UTF-8 would be written as
// U+FFFD.
func (def Definition) MarshalJSON() ([]byte, error) {
	if err := def.Slate.Validate(); err != nil {
		return nil, err
	}
	f := defFile{Office: def.Slate.Office, Seats: def.Slate.Seats, Candidates: toWireCandidates(def.Slate.Candidates), Turnout: []defTurnout{}}
	for _, t := range def.Turnout {
		f.Turnout = append(f.Turnout, defTurnout(t))
	}
	if m := def.Marks; len(m.For)+len(m.Against)+len(m.Abstain) > 0 {
		f.Marks = toWireMarks(m)
	}
	var err error
	if def.Preset != "" {
		f.Rules, err = json.Marshal(def.Preset)
	} else {
		f.Rules, err = def.Rules.MarshalJSON()
	}
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(f); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
