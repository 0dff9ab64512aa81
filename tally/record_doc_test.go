package tally_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/quota"
	"github.com/chae-go/chae/tally"
	"github.com/chae-go/chae/tally/count"
)

// TestRecordDocExample checks the worked example of docs/record.md: the record given there is the
// record this library writes for the election described; it reads; its body, the record without
// the digest member, has the length and SHA-256 the document states, computed from the bytes
// alone as a checker in another language computes it.
func TestRecordDocExample(t *testing.T) {
	t.Parallel()
	doc, err := os.ReadFile("../docs/record.md")
	if err != nil {
		t.Fatal(err)
	}
	block := regexp.MustCompile("(?s)## Worked example.*?```json\n(.*?)\n```").FindSubmatch(doc)
	if block == nil {
		t.Fatal("docs/record.md has no worked example")
	}
	rec := block[1]

	s := ballot.Slate{Office: `Club "Q&A" board`, Seats: 1, Candidates: []ballot.Candidate{{ID: "a", Name: "Ann Lee"}, {ID: "b", Name: "王芳"}}}
	r := tally.Rules{Name: "Club", Source: "bylaws 4.2", Threshold: quota.Majority(), Base: tally.OfPresent, VoidWhenReturnedExceeds: tally.OfIssued}
	e, err := tally.NewElection(s, r)
	if err != nil {
		t.Fatal(err)
	}
	c := count.Counts{Ballots: 5, Valid: 5, Candidates: []count.CandidateCount{{ID: "a", For: 4, Against: 1}, {ID: "b", For: 1, Against: 3, Abstain: 1}}}
	if _, err := e.Decide(tally.Turnout{Entitled: 6, Present: 5, Issued: 5, Returned: tally.Declare(5)}, c); err != nil {
		t.Fatal(err)
	}
	mine, err := json.Marshal(e.Result())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(mine, rec) {
		t.Fatalf("the example is not the record of its election:\n doc  %s\n mine %s", rec, mine)
	}
	res, err := tally.ReadRecord(bytes.NewReader(rec))
	if err != nil {
		t.Fatal(err)
	}
	if err := res.Verify(); err != nil {
		t.Fatal(err)
	}

	// The digest from the bytes alone.
	m := regexp.MustCompile(`,"digest":"sha256:([0-9a-f]{64})"\}$`).FindSubmatchIndex(rec)
	if m == nil {
		t.Fatal("the record does not end with its digest member")
	}
	body := append(bytes.Clone(rec[:m[0]]), '}')
	sum := sha256.Sum256(body)
	digest := "sha256:" + hex.EncodeToString(sum[:])
	if string(rec[m[2]:m[3]]) != digest[len("sha256:"):] || res.Digest() != digest {
		t.Fatalf("digest member %s, SHA-256 of the body %s, Digest %s", rec[m[2]:m[3]], digest, res.Digest())
	}
	text := string(doc)
	for _, want := range []string{
		"one line of " + thousands(len(rec)) + " bytes",
		"the first " + thousands(len(body)-1) + " bytes and the\nfinal `}`, " + thousands(len(body)) + " bytes ending in `" + string(body[len(body)-23:]) + "`",
		"    " + digest + "\n",
		"(" + strconv.Itoa(len(rec)-len(body)) + " bytes; the final `}` kept)",
		"`,\"digest\":\"sha256:" + digest[7:11] + "…" + digest[len(digest)-4:] + "\"`",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("docs/record.md does not say %q", want)
		}
	}
}

// thousands writes n with a comma between thousands: 2,151.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
