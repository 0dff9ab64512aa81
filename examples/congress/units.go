package main

import (
	_ "embed"
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"
)

// unitsCSV is the embedded default data: the 38 election units with synthetic figures. Its header
// comment says what is real (the names, the count, the two units electing with equal numbers) and
// what is invented (every number).
//
//go:embed units.csv
var unitsCSV string

// Unit is one election unit: a province, region or municipality, or a central system.
type Unit struct {
	Code    string `json:"code"`    // two-letter code, also the prefix of candidate IDs
	Name    string `json:"name"`    // the unit's name (Chinese)
	English string `json:"english"` // the unit's name in English
	// Members is the unit's party membership (synthetic): the apportionment weight.
	Members int64 `json:"members"`
	// WomenPermille and MinorityPermille are the shares of women and of ethnic minorities in the
	// unit's membership, in thousandths (synthetic).
	WomenPermille    int `json:"women_permille"`
	MinorityPermille int `json:"minority_permille"`
	// Minorities are the ethnic minority groups among the unit's members, most numerous first.
	Minorities []string `json:"minorities"`
	// Entitled is the number of delegates to the unit's own congress, who elect (synthetic).
	Entitled int `json:"entitled"`
	// Equal marks a unit authorised by the Central Committee to elect with as many candidates as
	// seats (等额): Tibet and Xinjiang in 2022.
	Equal bool `json:"equal"`
}

// loadUnits parses the embedded unit table.
func loadUnits() ([]Unit, error) {
	var lines []string
	for _, l := range strings.Split(unitsCSV, "\n") {
		if l != "" && !strings.HasPrefix(l, "#") {
			lines = append(lines, l)
		}
	}
	r := csv.NewReader(strings.NewReader(strings.Join(lines, "\n")))
	recs, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("congress: units.csv: %w", err)
	}
	if len(recs) < 2 {
		return nil, fmt.Errorf("congress: units.csv: no units")
	}
	var units []Unit
	for i, rec := range recs[1:] {
		bad := func(col string, err error) error {
			return fmt.Errorf("congress: units.csv: unit %d (%s): %s: %w", i+1, rec[0], col, err)
		}
		u := Unit{Code: rec[0], Name: rec[1], English: rec[2], Equal: rec[8] == "1"}
		if u.Members, err = strconv.ParseInt(rec[3], 10, 64); err != nil {
			return nil, bad("members", err)
		}
		if u.WomenPermille, err = strconv.Atoi(rec[4]); err != nil {
			return nil, bad("women_permille", err)
		}
		if u.MinorityPermille, err = strconv.Atoi(rec[5]); err != nil {
			return nil, bad("minority_permille", err)
		}
		u.Minorities = strings.Split(rec[6], ";")
		if u.Entitled, err = strconv.Atoi(rec[7]); err != nil {
			return nil, bad("entitled", err)
		}
		units = append(units, u)
	}
	return units, nil
}

// scaleUnits returns n units: the base units in order, repeated with a numbered suffix when n
// exceeds them ("广东省 #2"), so that -units scales the simulation up with the same mix.
func scaleUnits(base []Unit, n int) []Unit {
	out := make([]Unit, n)
	for i := range out {
		u := base[i%len(base)]
		if k := i / len(base); k > 0 {
			u.Code = fmt.Sprintf("%s%d", u.Code, k+1)
			u.Name = fmt.Sprintf("%s #%d", u.Name, k+1)
			u.English = fmt.Sprintf("%s #%d", u.English, k+1)
		}
		out[i] = u
	}
	return out
}
