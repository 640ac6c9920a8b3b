package driver

import (
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestInlineDifferential generates programs of small procedures that call
// each other (some declared #:inline #t or #:hot-path #t, some assigning
// their parameters or returning closures), called with constants and
// expressions, and checks that the interpreter prints the same at -O0
// (no inline pass) and -O3 (the largest inlining budget). The programs
// are interpreted, so the test needs no go build.
func TestInlineDifferential(t *testing.T) {
	dir := t.TempDir()
	r := rand.New(rand.NewSource(5))
	n := 16
	if testing.Short() {
		n = 4
	}
	for i := 0; i < n; i++ {
		src := (&inlGen{progGen: progGen{r: r}}).program()
		name := fmt.Sprintf("inldiff%02d", i)
		path := filepath.Join(dir, name+".scm")
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			o0, e0, x0 := interpretAt(t, path, 0)
			o3, e3, x3 := interpretAt(t, path, 3)
			if string(o0) != string(o3) || x0 != x3 || firstLine(e0) != firstLine(e3) {
				t.Errorf("-O0 and -O3 differ\n-O0 (exit %d): %s%s\n-O3 (exit %d): %s%s\nprogram:\n%s", x0, o0, e0, x3, o3, e3, src)
			}
			if x0 != 0 {
				t.Errorf("exit %d: %s\nprogram:\n%s", x0, e0, src)
			}
		})
	}
}

// interpretAt interprets path in a process of its own at -Olevel.
func interpretAt(t *testing.T, path string, level int) (stdout, stderr []byte, exit int) {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(self)
	cmd.Env = append(os.Environ(), interpEnv+"="+path, fmt.Sprintf("%s=%d", interpOptEnv, level))
	stdout, stderr, exit, err = runProcess(cmd)
	if err != nil {
		t.Fatal(err)
	}
	return stdout, stderr, exit
}

// inlGen writes programs for TestInlineDifferential.
type inlGen struct {
	progGen
	procs []int // arity of each procedure defined so far
}

// call returns a call of a random procedure defined so far.
func (g *inlGen) call(depth int) string {
	k := g.r.Intn(len(g.procs))
	args := make([]string, g.procs[k])
	for i := range args {
		if depth > 0 && g.r.Intn(4) == 0 {
			args[i] = g.call(depth - 1)
		} else {
			args[i] = g.num(1)
		}
	}
	return fmt.Sprintf("(p%d %s)", k, strings.Join(args, " "))
}

func (g *inlGen) proc(b *strings.Builder) {
	k := len(g.procs)
	arity := 1 + g.r.Intn(3)
	params := make([]string, arity)
	for i := range params {
		params[i] = fmt.Sprintf("a%d", i)
	}
	g.vars = params
	decl := ""
	switch g.r.Intn(6) {
	case 0:
		decl = " #:inline #t"
	case 1:
		decl = " #:hot-path #t"
	}
	var body string
	switch c := g.r.Intn(7); {
	case c == 0:
		body = fmt.Sprintf("(set! a0 (+ a0 %s)) (* a0 2)", g.num(1))
	case c == 1:
		body = fmt.Sprintf("((lambda (x) (- x %s)) %s)", g.num(1), g.num(2))
	case c == 2 && k > 0:
		body = fmt.Sprintf("(if (< a0 %s) %s %s)", g.num(1), g.call(1), g.num(2))
	case c == 3 && k > 0:
		body = fmt.Sprintf("(+ %s %s)", g.call(1), g.num(1))
	case c == 4:
		body = fmt.Sprintf("(let ((f (lambda (y) (* y a0)))) (+ (f %s) (f 2)))", g.num(1))
	default:
		body = g.num(3)
	}
	g.vars = nil
	fmt.Fprintf(b, "(define (p%d %s)%s %s)\n", k, strings.Join(params, " "), decl, body)
	g.procs = append(g.procs, arity)
}

func (g *inlGen) program() string {
	var b strings.Builder
	for i := 0; i < 8; i++ {
		g.proc(&b)
	}
	for i := 0; i < 10; i++ {
		e := g.call(2)
		if g.r.Intn(3) == 0 {
			v, init := g.fresh(), g.num(2)
			g.vars = []string{v}
			e = fmt.Sprintf("(let ((%s %s)) (list %s %s))", v, init, g.call(2), v)
			g.vars = nil
		}
		fmt.Fprintf(&b, "(write %s)\n(newline)\n", e)
	}
	return b.String()
}
