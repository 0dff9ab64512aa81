package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/chae-go/chae/tally"
)

// The record is the same on every run, shows the three planned rounds, and the JSON record
// verifies and carries the digest the readable record prints.
func TestRecord(t *testing.T) {
	var a, b, js bytes.Buffer
	if err := run(&a, false); err != nil {
		t.Fatal(err)
	}
	if err := run(&b, false); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() {
		t.Fatal("two runs print different records")
	}
	for _, want := range []string{
		"== Round 1: regular, 7 of 7 seats",
		"valid 44, invalid (over-vote) 1, spoiled 1",
		"Only 5 cleared the bar for 7 seats",
		"== Round 2: supplementary, 2 of 7 seats",
		"tied for the last open seat",
		"== Round 3: runoff, 1 of 7 seats",
		"  7. ",
	} {
		if !strings.Contains(a.String(), want) {
			t.Errorf("record lacks %q", want)
		}
	}
	if err := run(&js, true); err != nil {
		t.Fatal(err)
	}
	var res tally.Result
	if err := json.Unmarshal(js.Bytes(), &res); err != nil {
		t.Fatal(err)
	}
	if !res.Done || len(res.Elected) != 7 {
		t.Fatalf("done %v, %d elected", res.Done, len(res.Elected))
	}
	if !strings.Contains(a.String(), "Record digest: "+res.Digest()) {
		t.Errorf("the readable record does not print the digest %s", res.Digest())
	}
}
