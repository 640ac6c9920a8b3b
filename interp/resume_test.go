package interp

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lambdust/lambdust/analyze"
	"github.com/lambdust/lambdust/rt"
)

// runFile interprets a program from testdata and returns what it wrote to
// the current output port, and how it ended.
func runFile(t *testing.T, name string) (string, error) {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	prog, err := analyze.Frontend(name, string(src), analyze.Options{Verify: true})
	if err != nil {
		t.Fatal(err)
	}
	out := rt.OpenOutputString()
	end := rt.Run(func(th *rt.Thread) {
		th.SetCurrentOutput(out)
		Compile(prog, NewGlobals()).Run(th)
	})
	return out.OutputString(), end
}

// expectedStdout collects the ";; expect-stdout:" block of a program.
func expectedStdout(t *testing.T, name string) string {
	src, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	_, block, ok := strings.Cut(string(src), ";; expect-stdout:\n")
	if !ok {
		t.Fatalf("%s: no expect-stdout block", name)
	}
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimRight(block, "\n"), "\n") {
		b.WriteString(strings.TrimPrefix(strings.TrimPrefix(line, ";;"), " "))
		b.WriteByte('\n')
	}
	return b.String()
}

// Re-entrant continuations work in the interpreter (the compiled mode does
// not support re-entry yet, so these programs are not in testdata/run).
func TestReentrantContinuations(t *testing.T) {
	got, err := runFile(t, "cont_reenter.scm")
	if err != nil {
		t.Fatalf("ended with %v; output so far:\n%s", err, got)
	}
	if want := expectedStdout(t, "cont_reenter.scm"); got != want {
		t.Errorf("output:\n%s\nwant:\n%s", got, want)
	}
}

// Deep non-tail recursion moves the stack to the heap.
func TestDeepRecursion(t *testing.T) {
	got, err := runFile(t, "cont_deep.scm")
	if err != nil {
		t.Fatalf("ended with %v; output so far:\n%s", err, got)
	}
	if want := expectedStdout(t, "cont_deep.scm"); got != want {
		t.Errorf("output:\n%s\nwant:\n%s", got, want)
	}
}
