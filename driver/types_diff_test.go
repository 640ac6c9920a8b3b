package driver

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
)

// TestTypesDifferential generates random programs whose values are of
// every type (lists, dotted pairs, numbers of each kind, strings, chars,
// symbols, vectors, booleans, procedures) and flow through known
// procedures that are only called, named lets, predicates, and checked
// primitives behind the tests that make them safe, and checks that
// interpreted and compiled runs print the same thing. The types pass
// (analyze/types.go) drops checks and folds predicates only in compiled
// code, so a type it proves wrongly shows up as a difference or a crash.
// Half the programs also change a cdr, which must make the pass stop
// trusting list types. The seeds are fixed, so a failure reproduces.
func TestTypesDifferential(t *testing.T) {
	if testing.Short() {
		t.Skip("builds Go code")
	}
	compareModes(t, generatedCases(t, "types", 16, 5000, func(i int, r *rand.Rand) string {
		return (&typeGen{r: r, mutate: i%2 == 1}).program()
	}))
}

type typeGen struct {
	r      *rand.Rand
	vars   []string
	procs  []string // the procedures defined so far, each of one parameter
	n      int
	mutate bool
}

var typeConsts = []string{"'()", "'(1 2 3)", "'(1 . 2)", "'(a (b) . c)", "7", "-3", "2.5",
	"100000000000000000000", "1/3", "\"str\"", "#\\a", "'sym", "#(1 2)", "#t", "#f"}

func (g *typeGen) fresh() string {
	g.n++
	return fmt.Sprintf("v%d", g.n)
}

func (g *typeGen) program() string {
	var b strings.Builder
	b.WriteString("(define (kinds x) (list (pair? x) (null? x) (list? x) (number? x) (exact-integer? x) (real? x) (string? x) (vector? x) (symbol? x) (char? x) (boolean? x) (procedure? x)))\n")
	for i := 0; i < 5; i++ {
		name := fmt.Sprintf("p%d", i)
		g.vars = []string{"x"}
		fmt.Fprintf(&b, "(define (%s x) %s)\n", name, g.val(4))
		g.procs = append(g.procs, name)
	}
	g.vars = nil
	if g.mutate {
		// A list made as a list becomes dotted, then flows on.
		b.WriteString("(define (dot! l) (if (and (pair? l) (pair? (cdr l))) (set-cdr! (cdr l) 9)) l)\n")
		b.WriteString("(let ((l (list 1 2 3))) (dot! l) (write (list (p0 l) (p1 l) (kinds l) (if (list? l) (length l) 'dotted))) (newline))\n")
	}
	for i := 0; i < 10; i++ {
		fmt.Fprintf(&b, "(write (kinds %s))\n(newline)\n(write %s)\n(newline)\n", g.val(3), g.val(4))
	}
	return b.String()
}

// val returns an expression that evaluates without error to a value of
// any type.
func (g *typeGen) val(depth int) string {
	if depth <= 0 || g.r.Intn(6) == 0 {
		if len(g.vars) > 0 && g.r.Intn(2) == 0 {
			return g.vars[g.r.Intn(len(g.vars))]
		}
		return typeConsts[g.r.Intn(len(typeConsts))]
	}
	d := depth - 1
	x := func() string { return g.val(d) }
	switch g.r.Intn(18) {
	case 0:
		return fmt.Sprintf("(cons %s %s)", x(), x())
	case 1:
		return fmt.Sprintf("(list %s %s)", x(), x())
	case 2:
		v := g.fresh()
		return g.bind(v, x(), func() string { return fmt.Sprintf("(if (pair? %s) (car %s) %s)", v, v, v) })
	case 3:
		v := g.fresh()
		return g.bind(v, x(), func() string {
			return fmt.Sprintf("(if (null? %s) 'empty (if (pair? %s) (cdr %s) %s))", v, v, v, g.val(d))
		})
	case 4:
		v := g.fresh()
		return g.bind(v, x(), func() string { return fmt.Sprintf("(if (list? %s) (length %s) -1)", v, v) })
	case 5:
		v := g.fresh()
		return g.bind(v, x(), func() string {
			return fmt.Sprintf("(if (number? %s) (+ %s 1) (if (string? %s) (string-length %s) %s))", v, v, v, v, g.val(d))
		})
	case 6:
		v := g.fresh()
		return g.bind(v, x(), func() string {
			return fmt.Sprintf("(if (real? %s) (let ((f (inexact %s))) (list (* f f) (< f 1.5) (- f 0.5))) %s)", v, v, g.val(d))
		})
	case 7:
		v := g.fresh()
		return g.bind(v, x(), func() string {
			return fmt.Sprintf("(if (exact-integer? %s) (exact (* %s 3)) (if (exact? 1) %s 0))", v, v, g.val(d))
		})
	case 8:
		// A named let over a list, or whatever the value is.
		l, n := g.fresh(), g.fresh()
		return fmt.Sprintf("(let loop ((%s %s) (%s 0)) (if (pair? %s) (loop (cdr %s) (+ %s 1)) (list %s %s)))", l, x(), n, l, l, n, n, l)
	case 9:
		l, acc := g.fresh(), g.fresh()
		return fmt.Sprintf("(let loop ((%s %s) (%s '())) (if (null? %s) %s (if (pair? %s) (loop (cdr %s) (cons (car %s) %s)) (cons %s %s))))",
			l, x(), acc, l, acc, l, l, l, acc, l, acc)
	case 10, 11:
		if len(g.procs) > 0 {
			return fmt.Sprintf("(%s %s)", g.procs[g.r.Intn(len(g.procs))], x())
		}
		return x()
	case 12:
		v := g.fresh()
		return g.bind(v, x(), func() string {
			return fmt.Sprintf("(let ((m (and (list? %s) (memv 2 %s)))) (if m (car m) 'none))", v, v)
		})
	case 13:
		v := g.fresh()
		return g.bind(v, x(), func() string {
			return fmt.Sprintf("(if (and (vector? %s) (> (vector-length %s) 0)) (vector-ref %s 0) (if (symbol? %s) (symbol->string %s) %s))", v, v, v, v, v, g.val(d))
		})
	case 14:
		v := g.fresh()
		return g.bind(v, x(), func() string {
			return fmt.Sprintf("(if (char? %s) (char->integer (char-upcase %s)) (kinds %s))", v, v, v)
		})
	case 15:
		return fmt.Sprintf("(if %s %s %s)", x(), x(), x())
	case 16:
		v := g.fresh()
		return g.bind(v, x(), func() string { return fmt.Sprintf("(if (list? %s) (reverse %s) (vector %s))", v, v, v) })
	default:
		v := g.fresh()
		return g.bind(v, x(), func() string { return fmt.Sprintf("(begin (if (not (pair? %s)) 'skip (car %s)) %s)", v, v, g.val(d)) })
	}
}

// bind returns (let ((v init)) body) with v in scope in body.
func (g *typeGen) bind(v, init string, body func() string) string {
	g.vars = append(g.vars, v)
	b := body()
	g.vars = g.vars[:len(g.vars)-1]
	return fmt.Sprintf("(let ((%s %s)) %s)", v, init, b)
}
