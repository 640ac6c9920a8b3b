package driver

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestExpectedStdout(t *testing.T) {
	for _, c := range []struct {
		src, want string
		found     bool
	}{
		{";; expect-stdout:\n;; 1\n;;\n;; 2\n(display 1)\n", "1\n\n2\n", true},
		{"(display 1)\n;; expect-stdout:\n;; a b\n;; expect-exit: 0\n;; c\n", "a b\n", true},
		{"(display 1)\n", "", false},
	} {
		got, found := expectedStdout(c.src)
		if got != c.want || found != c.found {
			t.Errorf("expectedStdout(%q) = %q, %v; want %q, %v", c.src, got, found, c.want, c.found)
		}
	}
}

func TestSummarize(t *testing.T) {
	for _, c := range []struct {
		xs          []float64
		med, lo, hi float64
	}{
		{[]float64{3, 1, 2}, 2, 1, 3},
		{[]float64{4, 1, 3, 2}, 2.5, 1, 4},
		{[]float64{5}, 5, 5, 5},
	} {
		med, lo, hi := summarize(c.xs)
		if med != c.med || lo != c.lo || hi != c.hi {
			t.Errorf("summarize(%v) = %v, %v, %v; want %v, %v, %v", c.xs, med, lo, hi, c.med, c.lo, c.hi)
		}
	}
	if g := geomean([]float64{2, 8}); math.Abs(g-4) > 1e-12 {
		t.Errorf("geomean(2, 8) = %v, want 4", g)
	}
}

func TestWithImports(t *testing.T) {
	if src := ";; c\n\n(import (scheme base))\n(car 1)"; withImports(src) != src {
		t.Errorf("a program with an import was changed")
	}
	if got := withImports(";; c\n(define x 1)\n"); !strings.HasPrefix(got, "(import (scheme base)") {
		t.Errorf("no import added: %q", got)
	}
}

// TestBenchmarkPrograms checks that every program in benchmarks/ states its
// expected output and passes the front end; running them all takes
// minutes, so that is left to `lambdustc bench benchmarks/*.scm`.
func TestBenchmarkPrograms(t *testing.T) {
	files, _ := filepath.Glob("../benchmarks/*.scm")
	if len(files) < 20 {
		t.Fatalf("%d programs in benchmarks/, want at least 20", len(files))
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if want, ok := expectedStdout(string(src)); !ok || want == "" {
			t.Errorf("%s: no ;; expect-stdout: block", f)
		}
		if !strings.HasPrefix(string(src), ";; ") {
			t.Errorf("%s: no header comment saying what it measures", f)
		}
		cfg := Config{File: f, Stderr: &bytes.Buffer{}}
		if _, err := Frontend(&cfg); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}

// TestBenchJSON runs one real benchmark compiled, twice, and checks the
// JSON report.
func TestBenchJSON(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a program")
	}
	var out, errOut bytes.Buffer
	code := Bench(BenchConfig{
		Files: []string{"../benchmarks/fib.scm"}, Runs: 2, NoInterp: true, JSON: true,
		Compare: []string{"no-such-scheme"}, Stdout: &out, Stderr: &errOut,
	})
	if code != 0 {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, &out, &errOut)
	}
	var rep BenchReport
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("bad JSON: %v\n%s", err, &out)
	}
	if rep.Runs != 2 || rep.Failed || len(rep.Programs) != 1 {
		t.Fatalf("report: %+v", rep)
	}
	p := rep.Programs[0]
	m := p.Modes["compiled"]
	if p.Name != "fib" || p.Output != "102334155\n" || m == nil || len(m.Times) != 2 || m.Error != "" {
		t.Fatalf("program: %+v, compiled: %+v", p, m)
	}
	if m.Min > m.Median || m.Median > m.Max || m.Min <= 0 {
		t.Errorf("inconsistent times: %+v", m)
	}
	if len(rep.Systems) != 2 || rep.Systems[1].Avail || !strings.Contains(rep.Systems[1].Note, "unknown system") {
		t.Errorf("systems: %+v", rep.Systems)
	}
	if !strings.Contains(errOut.String(), "bench: [1/1] ../benchmarks/fib.scm") {
		t.Errorf("no progress on stderr: %q", &errOut)
	}
}

// TestBenchCompareShims runs a program using the R7RS features the
// comparison shims provide under every comparison system that is
// installed; absent ones are skipped.
func TestBenchCompareShims(t *testing.T) {
	if testing.Short() {
		t.Skip("builds programs")
	}
	for _, name := range CompareSystemNames() {
		t.Run(name, func(t *testing.T) {
			found, _ := findSystems([]string{name}, t.TempDir())
			if len(found) == 0 {
				t.Skipf("%s is not installed", name)
			}
			var out, errOut bytes.Buffer
			code := Bench(BenchConfig{
				Files: []string{"testdata/bench/shim.scm"}, Runs: 1, NoInterp: true,
				Compare: []string{name}, Timeout: time.Minute, Stdout: &out, Stderr: &errOut,
			})
			if code != 0 {
				t.Errorf("exit %d\n%s\n%s", code, &out, &errOut)
			}
		})
	}
}
