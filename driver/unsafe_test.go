package driver

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestUnsafeBenchmarks builds benchmark programs that exercise the
// unchecked primitives (vectors, lists, strings) with --unsafe and checks
// that they print what they print in safe mode.
func TestUnsafeBenchmarks(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs benchmarks")
	}
	dir := t.TempDir()
	for _, name := range []string{"quicksort", "deriv", "strings"} {
		t.Run(name, func(t *testing.T) {
			file := filepath.Join("..", "benchmarks", name+".scm")
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			want, ok := expectedStdout(string(src))
			if !ok {
				t.Fatalf("%s has no expected output", file)
			}
			var stderr bytes.Buffer
			cfg := Config{File: file, Out: filepath.Join(dir, name), Unsafe: true, Stdout: &stderr, Stderr: &stderr}
			gosrc, err := Compile(&cfg, "main")
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(gosrc, []byte("U(")) {
				t.Errorf("%s: --unsafe emitted no unchecked primitive", name)
			}
			if Build(cfg) != 0 {
				t.Fatalf("build failed: %s", stderr.String())
			}
			out, errOut, exit, err := runProcess(exec.Command(cfg.Out))
			if err != nil || exit != 0 {
				t.Fatalf("exit %d, %v: %s", exit, err, errOut)
			}
			if string(out) != want {
				t.Errorf("--unsafe printed\n%s\nwant\n%s", out, want)
			}
		})
	}
}

// TestUnsafeOnlyWhenAsked checks that safe code keeps the checks (and
// reports the error at its position) and that --unsafe drops them.
func TestUnsafeOnlyWhenAsked(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "bad.scm")
	if err := os.WriteFile(file, []byte("(define (f v n) (if (= n 0) (vector-ref v 1) (+ 1 (f v (- n 1)))))\n(display (f (vector 1 2) 3))\n(f 5 0)\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, unsafe := range []bool{false, true} {
		var stderr bytes.Buffer
		cfg := Config{File: file, Unsafe: unsafe, Stderr: &stderr}
		gosrc, err := Compile(&cfg, "main")
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(string(gosrc), "rt.VectorRefU("); got != unsafe {
			t.Errorf("unsafe=%v: emitted rt.VectorRefU: %v", unsafe, got)
		}
		if got := strings.Contains(string(gosrc), "StackCheck"); got == unsafe {
			t.Errorf("unsafe=%v: stack check emitted: %v", unsafe, got)
		}
	}
	if testing.Short() {
		return
	}
	var stderr bytes.Buffer
	cfg := Config{File: file, Out: filepath.Join(dir, "bad"), Stderr: &stderr}
	if Build(cfg) != 0 {
		t.Fatalf("build failed: %s", stderr.String())
	}
	out, errOut, exit, err := runProcess(exec.Command(cfg.Out))
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != "5" || exit != 70 || !strings.HasPrefix(string(errOut), file+":1:29: vector-ref: expected vector, got 5") {
		t.Errorf("safe mode: exit %d, stdout %q, stderr %q", exit, out, errOut)
	}
}
