package rt

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"

	"github.com/lambdust/lambdust/parse"
)

// readerNumber reads s with the project's reader and reports what it
// makes of it: the number's value, or ok=false when s is not a single real
// number literal (a symbol, an error, a complex number, ...).
func readerNumber(s string) (Value, bool) {
	ds, err := parse.ReadAll("t", s)
	if err != nil || len(ds) != 1 {
		return Value{}, false
	}
	switch d := ds[0].(type) {
	case *parse.Int:
		return Fixnum(d.V), true
	case *parse.BigInt:
		return Bignum(d.V), true
	case *parse.Rat:
		return Ratnum(d.V), true
	case *parse.Real:
		return Flonum(d.V), true
	}
	return Value{}, false
}

// checkAgainstReader compares string->number with the reader on s.
func checkAgainstReader(t *testing.T, s string) {
	t.Helper()
	if s == "" || s == "." || strings.ContainsAny(s, "()\";'|`,[]{}") || strings.IndexFunc(s, unicode.IsSpace) >= 0 {
		return // not a single token
	}
	for i := 0; i < len(s); i++ {
		if s[i] == '#' && (i+1 == len(s) || !strings.ContainsRune("xXoObBdDeEiI", rune(s[i+1]))) {
			return // datum labels, comments, directives: not number syntax
		}
	}
	want, wantOK := readerNumber(s)
	got, gotOK := ParseNumber(s, 10)
	if wantOK != gotOK || (wantOK && !Eqv(got, want)) {
		t.Errorf("%q: string->number gives %s (ok=%v), the reader %s (ok=%v)",
			s, WriteString(got), gotOK, WriteString(want), wantOK)
	}
}

// TestStringToNumberMatchesReader checks that string->number accepts
// exactly the real numbers the reader accepts, with the same values.
func TestStringToNumberMatchesReader(t *testing.T) {
	corpus := []string{
		"0", "-0", "+5", "1/2", "-6/4", "1/0", "1.5", ".5", "5.", "1e2", "1E2", "1e+3", "1.e2",
		"1e400", "-1e400", "1e-400", "+inf.0", "-inf.0", "+nan.0", "-nan.0", "+INF.0", "+Nan.0",
		"#x10", "#XFF", "#x-a", "#b101", "#o777", "#d99", "#e1.5", "#e.25", "#e1e3", "#e-1.2e-2",
		"#i1/4", "#i5", "#i-0", "#x#e10", "#e#x10", "#i#x10", "#x1/a", "#b-1/10",
		"12345678901234567890", "-9223372036854775808", "9223372036854775808",
		"1+0i", "-2.5+0i", "+0i", "3@0", "1.5@0", "1+0.0i", "#i+0i", "3@0.0", "0@1", "1/2-0i",
		"1+2i", "+i", "-i", "1@2", "#e+inf.0", "#e1e10001", "#e1e10000", "#e1.5e-10005",
		"+", "-", "..", "1..2", "1e", "e1", "1e+", "abc", "1/", "/2", "1/2/3", "1/2.0",
		"#x1.5", "#b2", "#o8", "#xg", "#x#x1", "#e#i1", "1_000", "0x10", "1e2.5", "--1",
		"+-1", "1#", "i", "1i", "++i", "1e5i", "+1e5i", "1e+5i", "1-1e-5i", "+inf.0i",
		"-inf.0i", "+nan.0i", "1+inf.0i", "#i1+0i", "#e1+0.0i", "1e1000@0", "+i@0", "#x1e+2i",
		"#xe+0i", "#x1e", "#x1E2", "1.5e1000000", "#e1e1000000", "#e1.", "#e.5e1",
	}
	for _, s := range corpus {
		checkAgainstReader(t, s)
	}
	// Random strings over the alphabet of number syntax.
	rng := rand.New(rand.NewPCG(1, 2))
	const alphabet = "0123456789+-./e#xobdiEIX@abfn"
	for range 200000 {
		n := 1 + rng.IntN(8)
		b := make([]byte, n)
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		checkAgainstReader(t, string(b))
	}
}

func FuzzStringToNumber(f *testing.F) {
	for _, s := range []string{"1", "-1/2", "#x#e1.5", "1e10", "+inf.0", "1+0i", "3@0.0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkAgainstReader(t, s)
		if v, ok := ParseNumber(s, 10); ok {
			// What string->number accepts, number->string prints back.
			back, ok := ParseNumber(FormatNumber(v, 10), 10)
			if !ok || !Eqv(back, v) {
				t.Errorf("%q: %s does not round-trip", s, WriteString(v))
			}
		}
	})
}
