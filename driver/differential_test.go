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

// TestDifferential generates random programs (fixnum arithmetic near the
// int64 limits, rationals, flonums, closures, loops, set!, lists, vectors,
// strings) and checks that interpreted and compiled runs print exactly the
// same thing. The seeds are fixed, so a failure reproduces.
func TestDifferential(t *testing.T) {
	if testing.Short() {
		t.Skip("builds Go code")
	}
	compareModes(t, generatedCases(t, "diff", 24, 1000, func(_ int, r *rand.Rand) string {
		return (&progGen{r: r}).program()
	}))
}

// generatedCases writes n programs made by gen, the i-th from the seed
// seed0+i, as prefix00.scm, prefix01.scm ...
func generatedCases(t *testing.T, prefix string, n int, seed0 int64, gen func(i int, r *rand.Rand) string) []runCase {
	t.Helper()
	dir := t.TempDir()
	var cases []runCase
	for i := 0; i < n; i++ {
		src := gen(i, rand.New(rand.NewSource(seed0+int64(i))))
		cases = append(cases, writeCase(t, dir, fmt.Sprintf("%s%02d", prefix, i), src))
	}
	return cases
}

// writeCase writes a generated program to dir as name.scm.
func writeCase(t *testing.T, dir, name, src string) runCase {
	t.Helper()
	path := filepath.Join(dir, name+".scm")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return runCase{name: name, path: path, src: src}
}

// compareModes builds the generated programs in one batch and checks that
// each prints the same, exits the same and fails with the same first line
// of stderr interpreted and compiled.
func compareModes(t *testing.T, cases []runCase) {
	t.Helper()
	bin, built := buildBatch(t, cases)
	if len(built) != len(cases) {
		t.Fatalf("%d of %d generated programs did not compile", len(cases)-len(built), len(cases))
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			iout, ierr, iexit := interpret(t, c.path)
			cout, cerr, cexit, err := runProcess(exec.Command(bin, c.name))
			if err != nil {
				t.Fatal(err)
			}
			if string(iout) != string(cout) || iexit != cexit || firstLine(ierr) != firstLine(cerr) {
				t.Errorf("%s: modes differ\ninterpreted (exit %d): %s%s\ncompiled (exit %d): %s%s\nprogram:\n%s",
					c.name, iexit, iout, ierr, cexit, cout, cerr, c.src)
			}
		})
	}
}

func firstLine(b []byte) string {
	s, _, _ := strings.Cut(string(b), "\n")
	return s
}

// progGen writes one random program.
type progGen struct {
	r    *rand.Rand
	vars []string
	n    int
}

func (g *progGen) program() string {
	var b strings.Builder
	for i := 0; i < 12; i++ {
		fmt.Fprintf(&b, "(write %s)\n(newline)\n", g.expr(4))
	}
	return b.String()
}

var edgeInts = []string{"0", "1", "-1", "2", "7", "-13", "1000003",
	"4611686018427387904", "-4611686018427387904", "9223372036854775807",
	"-9223372036854775808", "3037000499", "100000000000000000000"}

func (g *progGen) fresh() string {
	g.n++
	return fmt.Sprintf("v%d", g.n)
}

// num returns a numeric expression.
func (g *progGen) num(depth int) string {
	if depth <= 0 || g.r.Intn(5) == 0 {
		switch k := g.r.Intn(10); {
		case k < 3 && len(g.vars) > 0:
			return g.vars[g.r.Intn(len(g.vars))]
		case k < 8:
			return edgeInts[g.r.Intn(len(edgeInts))]
		case k < 9:
			return fmt.Sprintf("%d.5", g.r.Intn(100)-50)
		default:
			return fmt.Sprintf("%d/%d", g.r.Intn(20)-10, g.r.Intn(9)+1)
		}
	}
	d := depth - 1
	switch g.r.Intn(16) {
	case 0, 1:
		return fmt.Sprintf("(+ %s %s)", g.num(d), g.num(d))
	case 2, 3:
		return fmt.Sprintf("(- %s %s)", g.num(d), g.num(d))
	case 4, 5:
		return fmt.Sprintf("(* %s %s)", g.num(d), g.num(d))
	case 6:
		return fmt.Sprintf("(quotient %s (+ 1 (abs (round %s))))", g.intExpr(d), g.intExpr(d))
	case 7:
		return fmt.Sprintf("(if (< %s %s) %s %s)", g.num(d), g.num(d), g.num(d), g.num(d))
	case 8:
		v := g.fresh()
		init := g.num(d)
		g.vars = append(g.vars, v)
		body := g.num(d)
		g.vars = g.vars[:len(g.vars)-1]
		return fmt.Sprintf("(let ((%s %s)) %s)", v, init, body)
	case 9:
		v, w := g.fresh(), g.fresh()
		arg := g.num(d)
		g.vars = append(g.vars, v)
		body := g.num(d)
		g.vars = g.vars[:len(g.vars)-1]
		return fmt.Sprintf("(let ((%s (lambda (%s) %s))) (%s %s))", w, v, body, w, arg)
	case 10:
		i, acc := g.fresh(), g.fresh()
		init := g.num(d)
		g.vars = append(g.vars, i, acc)
		step := g.num(d)
		g.vars = g.vars[:len(g.vars)-2]
		return fmt.Sprintf("(let loop ((%s 0) (%s %s)) (if (= %s %d) %s (loop (+ %s 1) (- %s %s))))",
			i, acc, init, i, g.r.Intn(20), acc, i, step, i)
	case 11:
		v := g.fresh()
		init := g.num(d)
		g.vars = append(g.vars, v)
		inc := g.num(d)
		g.vars = g.vars[:len(g.vars)-1]
		return fmt.Sprintf("(let ((%s %s)) (set! %s (+ %s %s)) %s)", v, init, v, v, inc, v)
	case 12:
		return fmt.Sprintf("(apply + (list %s %s %s))", g.num(d), g.num(d), g.num(d))
	case 13:
		return fmt.Sprintf("(vector-ref (vector %s %s %s) %d)", g.num(d), g.num(d), g.num(d), g.r.Intn(3))
	case 14:
		return fmt.Sprintf("(max %s %s)", g.num(d), g.num(d))
	default:
		return fmt.Sprintf("(abs %s)", g.num(d))
	}
}

// intExpr returns an expression whose value is an exact integer.
func (g *progGen) intExpr(depth int) string {
	if depth <= 0 || g.r.Intn(3) == 0 {
		return edgeInts[g.r.Intn(len(edgeInts))]
	}
	d := depth - 1
	switch g.r.Intn(4) {
	case 0:
		return fmt.Sprintf("(+ %s %s)", g.intExpr(d), g.intExpr(d))
	case 1:
		return fmt.Sprintf("(* %s %s)", g.intExpr(d), g.intExpr(d))
	case 2:
		return fmt.Sprintf("(- %s)", g.intExpr(d))
	default:
		return fmt.Sprintf("(string-length (number->string %s))", g.intExpr(d))
	}
}

// expr returns an expression of any printable type.
func (g *progGen) expr(depth int) string {
	switch g.r.Intn(6) {
	case 0:
		return fmt.Sprintf("(list %s %s)", g.num(depth-1), g.num(depth-1))
	case 1:
		return fmt.Sprintf("(< %s %s %s)", g.num(depth-1), g.num(depth-1), g.num(depth-1))
	case 2:
		return fmt.Sprintf("(number->string %s)", g.num(depth-1))
	case 3:
		return fmt.Sprintf("(inexact %s)", g.num(depth-1))
	}
	return g.num(depth)
}
