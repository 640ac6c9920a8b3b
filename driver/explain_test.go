package driver

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/lambdust/lambdust/analyze"
)

// The explain tests are Scheme files in testdata/explain whose comments
// hold the decisions `lambdustc explain` must print for their line, as Go's
// escape-analysis tests hold `-m` diagnostics:
//
//	(define (fib n)   ; explain: fib: int64 entry (generic entry on overflow) ; explain: n: fixnum, unboxed
//
// Every note of a line must be expected there and every expectation met.
// `; BAD: why` after the expectations marks a decision that is known to be
// imprecise (the expectation states what the compiler does today).

var explainRE = regexp.MustCompile(`;\s*explain:\s*`)

// explainExpectations returns the expected notes of each line of src, and
// the lines marked BAD with their remark.
func explainExpectations(src string) (map[int][]string, map[int]string) {
	want, bad := map[int][]string{}, map[int]string{}
	for i, line := range strings.Split(src, "\n") {
		if j := strings.Index(line, "; BAD:"); j >= 0 {
			bad[i+1] = strings.TrimSpace(line[j+len("; BAD:"):])
			line = line[:j]
		}
		parts := explainRE.Split(line, -1)
		for _, p := range parts[1:] {
			want[i+1] = append(want[i+1], strings.TrimSpace(p))
		}
	}
	return want, bad
}

func TestExplain(t *testing.T) {
	files, _ := filepath.Glob("../testdata/explain/*.scm")
	if len(files) == 0 {
		t.Fatal("no explain tests in testdata/explain")
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			file := filepath.Base(path)
			prog, err := analyze.Frontend(file, string(src), analyze.Options{Verify: true, LibPath: []string{filepath.Dir(path)}})
			if err != nil {
				t.Fatal(err)
			}
			want, bad := explainExpectations(string(src))
			got := map[int][]string{}
			for _, n := range prog.SortedNotes() {
				if n.Pos.File == file {
					got[int(n.Pos.Line)] = append(got[int(n.Pos.Line)], n.Msg)
				}
			}
			for line := range mergeKeys(got, want) {
				g, w := slices.Sorted(slices.Values(got[line])), slices.Sorted(slices.Values(want[line]))
				if !slices.Equal(g, w) {
					t.Errorf("%s:%d: notes\n\t%s\nwant\n\t%s", file, line, strings.Join(g, "\n\t"), strings.Join(w, "\n\t"))
				}
			}
			for line, why := range bad {
				t.Logf("%s:%d: known imprecision: %s", file, line, why)
			}
		})
	}
}

func mergeKeys(a, b map[int][]string) map[int]bool {
	out := map[int]bool{}
	for k := range a {
		out[k] = true
	}
	for k := range b {
		out[k] = true
	}
	return out
}

// TestExplainLevels checks what -O0 and -O1 leave out, and the command's
// output format.
func TestExplainLevels(t *testing.T) {
	explain := func(opt analyze.OptLevel) string {
		var out, errOut bytes.Buffer
		cfg := Config{File: "../testdata/explain/fib.scm", Opt: opt, Stdout: &out, Stderr: &errOut}
		if code := Explain(cfg); code != 0 {
			t.Fatalf("explain -O%d: exit %d: %s", opt.Level(), code, errOut.String())
		}
		return out.String()
	}
	o2 := explain(analyze.ODefault)
	if want := "../testdata/explain/fib.scm:3:14: n: fixnum, unboxed\n"; !strings.Contains(o2, want) {
		t.Errorf("explain output lacks %q:\n%s", want, o2)
	}
	if o3 := explain(analyze.O3); o3 != o2 {
		t.Errorf("-O3 differs from -O2:\n%s\nvs\n%s", o3, o2)
	}
	o1 := explain(analyze.O1)
	if !strings.Contains(o1, "fib: int64 entry") || strings.Contains(o1, "no overflow check") {
		t.Errorf("-O1 should specialise fib without range analysis:\n%s", o1)
	}
	if o0 := explain(analyze.O0); strings.Contains(o0, "fixnum") || strings.Contains(o0, "int64") {
		t.Errorf("-O0 should run no fxspec:\n%s", o0)
	}
}
