package driver

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/lambdust/lambdust/analyze"
)

// TestFxSpecDifferential generates random fixnum-only procedures (the
// code fxspec gives int64 entries: arithmetic near the int64 limits,
// comparisons, if, let, or, and, case, named-let loops, calls of earlier
// procedures),
// calls them with edge values, and checks that the compiled program, where
// they run on int64 with speculation, prints exactly what the interpreter
// prints. It also checks that fxspec really specialised most of them, so
// the test exercises what it means to. The seeds are fixed.
func TestFxSpecDifferential(t *testing.T) {
	specDifferential(t, "fxdiff", 5000, func(r *rand.Rand) string { return (&fxGen{r: r}).program() })
}

// specDifferential writes 8 programs from gen (seeds seed0, seed0+1, ...),
// checks that fxspec gave at least three quarters of each program's known
// procedures an unboxed entry, so the test exercises what it means to,
// and compares the programs' output compiled and interpreted.
func specDifferential(t *testing.T, prefix string, seed0 int64, gen func(r *rand.Rand) string) {
	if testing.Short() {
		t.Skip("builds Go code")
	}
	const programs = 8
	dir := t.TempDir()
	var cases []runCase
	for i := 0; i < programs; i++ {
		src := gen(rand.New(rand.NewSource(seed0 + int64(i))))
		name := fmt.Sprintf("%s%02d", prefix, i)
		c := writeCase(t, dir, name, src)
		prog, err := analyze.Frontend(name+".scm", src, analyze.Options{Verify: true})
		if err != nil {
			t.Fatalf("%s: %v\n%s", name, err, src)
		}
		fx, known := 0, 0
		for _, gl := range prog.Globals {
			if gl.Known != nil {
				known++
				// Constant folding and inlining can turn a flonum
				// procedure into a fixnum one; any unboxed entry counts.
				if gl.Known.Fx {
					fx++
				}
			}
		}
		if fx*4 < known*3 {
			var notes strings.Builder
			prog.WriteNotes(&notes)
			t.Errorf("%s: fxspec gave unboxed entries to only %d of %d procedures:\n%s\n%s", name, fx, known, notes.String(), src)
		}
		cases = append(cases, c)
	}
	compareModes(t, cases)
}

// fxGen writes one program of fixnum-only procedures.
type fxGen struct {
	r     *rand.Rand
	procs []int // arity of each procedure defined so far
	vars  []string
	n     int
}

var fxEdge = []string{"0", "1", "-1", "2", "3", "7", "-13", "1000003", "3037000499", "-3037000500",
	"4611686018427387904", "-4611686018427387904", "9223372036854775807", "-9223372036854775808"}

func (g *fxGen) program() string {
	var b strings.Builder
	for i := 0; i < 10; i++ {
		arity := 1 + g.r.Intn(3)
		g.vars = g.vars[:0]
		params := make([]string, arity)
		for j := range params {
			params[j] = g.fresh()
			g.vars = append(g.vars, params[j])
		}
		fmt.Fprintf(&b, "(define (f%d %s)\n  %s)\n", i, strings.Join(params, " "), g.expr(4))
		g.procs = append(g.procs, arity)
	}
	for i, arity := range g.procs {
		for k := 0; k < 4; k++ {
			args := make([]string, arity)
			for j := range args {
				args[j] = g.edge()
			}
			fmt.Fprintf(&b, "(write (guard (e ((error-object? e) (list 'error (error-object-message e)))) (f%d %s)))\n(newline)\n", i, strings.Join(args, " "))
		}
	}
	return b.String()
}

func (g *fxGen) fresh() string {
	g.n++
	return fmt.Sprintf("v%d", g.n)
}

func (g *fxGen) edge() string {
	if g.r.Intn(3) == 0 {
		return fmt.Sprint(g.r.Int63n(2001) - 1000)
	}
	return fxEdge[g.r.Intn(len(fxEdge))]
}

func (g *fxGen) atom() string {
	if len(g.vars) > 0 && g.r.Intn(3) > 0 {
		return g.vars[g.r.Intn(len(g.vars))]
	}
	return g.edge()
}

func (g *fxGen) expr(depth int) string {
	if depth == 0 {
		return g.atom()
	}
	switch g.r.Intn(10) {
	case 0, 1:
		ops := []string{"+", "-", "*", "quotient", "remainder", "modulo"}
		return fmt.Sprintf("(%s %s %s)", ops[g.r.Intn(len(ops))], g.expr(depth-1), g.expr(depth-1))
	case 2:
		return fmt.Sprintf("(- %s)", g.expr(depth-1))
	case 3, 4:
		return fmt.Sprintf("(if %s %s %s)", g.test(depth-1), g.expr(depth-1), g.expr(depth-1))
	case 5:
		init := g.expr(depth - 1)
		v := g.fresh()
		g.vars = append(g.vars, v)
		body := g.expr(depth - 1)
		g.vars = g.vars[:len(g.vars)-1]
		return fmt.Sprintf("(let ((%s %s)) %s)", v, init, body)
	case 6:
		// A bounded named-let loop whose accumulator is any expression.
		i, acc, loop := g.fresh(), g.fresh(), g.fresh()
		init := g.expr(depth - 1)
		g.vars = append(g.vars, i, acc)
		step := g.expr(depth - 1)
		g.vars = g.vars[:len(g.vars)-2]
		return fmt.Sprintf("(let %s ((%s 0) (%s %s)) (if (>= %s %d) %s (%s (+ %s 1) %s)))",
			loop, i, acc, init, i, 1+g.r.Intn(6), acc, loop, i, step)
	case 8:
		return fmt.Sprintf("(case %s ((0 1) %s) ((%s) %s) (else %s))", g.expr(depth-1), g.expr(depth-1), g.edge(), g.expr(depth-1), g.expr(depth-1))
	case 7:
		if len(g.procs) > 0 {
			j := g.r.Intn(len(g.procs))
			args := make([]string, g.procs[j])
			for k := range args {
				args[k] = g.expr(depth - 1)
			}
			return fmt.Sprintf("(f%d %s)", j, strings.Join(args, " "))
		}
	}
	return g.atom()
}

func (g *fxGen) test(depth int) string {
	switch g.r.Intn(7) {
	case 5:
		return fmt.Sprintf("(or %s %s)", g.test(depth/2), g.test(depth/2))
	case 6:
		return fmt.Sprintf("(and %s %s)", g.test(depth/2), g.test(depth/2))
	case 0:
		return fmt.Sprintf("(zero? %s)", g.expr(depth))
	case 1:
		return fmt.Sprintf("(odd? %s)", g.expr(depth))
	case 2:
		return fmt.Sprintf("(not %s)", g.test(depth))
	}
	cmps := []string{"<", "<=", ">", ">=", "="}
	return fmt.Sprintf("(%s %s %s)", cmps[g.r.Intn(len(cmps))], g.expr(depth), g.expr(depth))
}
