package driver

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
)

// TestFlSpecDifferential generates random procedures over flonums and
// fixnums (the code fxspec gives float64 entries: mixed arithmetic,
// signed zeros, infinities and NaNs, sqrt of negatives, exact comparisons
// of fixnums with flonums, lets, named-let loops, calls of earlier
// procedures), calls them with edge values (and with exact arguments where
// flonums are expected, which takes the generic entries), and checks that
// the compiled program prints exactly what the interpreter prints. It
// also checks that fxspec specialised most procedures. The seeds are fixed.
func TestFlSpecDifferential(t *testing.T) {
	specDifferential(t, "fldiff", 7000, func(r *rand.Rand) string { return (&flGen{r: r}).program() })
}

// flGen writes one program of procedures returning flonums.
type flGen struct {
	r      *rand.Rand
	procs  [][]bool // for each procedure so far, which parameters are flonums
	flVars []string
	fxVars []string
	n      int
}

var flEdge = []string{"0.", "-0.", "1.", "-1.", "0.5", "-2.25", "0.1", "3.", "1e308", "-1e308", "5e-324",
	"+inf.0", "-inf.0", "+nan.0", "9007199254740993.", "4611686018427387904.", "-9.223372036854775808e18"}

var flFxEdge = []string{"0", "1", "-1", "2", "7", "-13", "9007199254740993", "-9007199254740993",
	"4611686018427387904", "9223372036854775807", "-9223372036854775808"}

func (g *flGen) program() string {
	var b strings.Builder
	for i := 0; i < 10; i++ {
		arity := 1 + g.r.Intn(3)
		g.flVars, g.fxVars = g.flVars[:0], g.fxVars[:0]
		params := make([]string, arity)
		kinds := make([]bool, arity)
		kinds[0] = true // at least one flonum parameter
		for j := range params {
			params[j] = g.fresh()
			if j > 0 {
				kinds[j] = g.r.Intn(3) > 0
			}
			if kinds[j] {
				g.flVars = append(g.flVars, params[j])
			} else {
				g.fxVars = append(g.fxVars, params[j])
			}
		}
		fmt.Fprintf(&b, "(define (f%d %s)\n  %s)\n", i, strings.Join(params, " "), g.flo(4))
		g.procs = append(g.procs, kinds)
	}
	for i, kinds := range g.procs {
		for k := 0; k < 8; k++ {
			args := make([]string, len(kinds))
			for j, fl := range kinds {
				switch {
				case fl && k == 7:
					args[j] = g.fxEdge() // an exact argument: the generic entry
				case fl:
					args[j] = g.flEdge()
				default:
					args[j] = g.fxEdge()
				}
			}
			fmt.Fprintf(&b, "(write (guard (e ((error-object? e) (list 'error (error-object-message e)))) (f%d %s)))\n(newline)\n", i, strings.Join(args, " "))
		}
	}
	return b.String()
}

func (g *flGen) fresh() string {
	g.n++
	return fmt.Sprintf("v%d", g.n)
}

func (g *flGen) flEdge() string {
	if g.r.Intn(3) == 0 {
		return fmt.Sprintf("%d.%d", g.r.Intn(2001)-1000, g.r.Intn(100))
	}
	return flEdge[g.r.Intn(len(flEdge))]
}

func (g *flGen) fxEdge() string {
	if g.r.Intn(3) == 0 {
		return fmt.Sprint(g.r.Int63n(2001) - 1000)
	}
	return flFxEdge[g.r.Intn(len(flFxEdge))]
}

// flo returns a flonum-valued expression.
func (g *flGen) flo(depth int) string {
	if depth == 0 {
		if len(g.flVars) > 0 && g.r.Intn(3) > 0 {
			return g.flVars[g.r.Intn(len(g.flVars))]
		}
		return g.flEdge()
	}
	switch g.r.Intn(13) {
	case 0, 1:
		ops := []string{"+", "-", "*", "/"}
		op := ops[g.r.Intn(len(ops))]
		if g.r.Intn(3) == 0 { // a fixnum operand: inexact contagion
			if g.r.Intn(2) == 0 {
				return fmt.Sprintf("(%s %s %s)", op, g.fix(depth-1), g.flo(depth-1))
			}
			return fmt.Sprintf("(%s %s %s)", op, g.flo(depth-1), g.fix(depth-1))
		}
		return fmt.Sprintf("(%s %s %s)", op, g.flo(depth-1), g.flo(depth-1))
	case 2:
		return fmt.Sprintf("(%s %s %s %s)", []string{"+", "*", "-"}[g.r.Intn(3)], g.flo(depth-1), g.fix(depth-1), g.flo(depth-1))
	case 3:
		fns := []string{"-", "abs", "square", "sqrt", "floor", "ceiling", "round", "truncate"}
		return fmt.Sprintf("(%s %s)", fns[g.r.Intn(len(fns))], g.flo(depth-1))
	case 4:
		return fmt.Sprintf("(inexact %s)", g.fix(depth-1))
	case 5, 6:
		return fmt.Sprintf("(if %s %s %s)", g.test(depth-1), g.flo(depth-1), g.flo(depth-1))
	case 7:
		init := g.flo(depth - 1)
		v := g.fresh()
		g.flVars = append(g.flVars, v)
		body := g.flo(depth - 1)
		g.flVars = g.flVars[:len(g.flVars)-1]
		return fmt.Sprintf("(let ((%s %s)) %s)", v, init, body)
	case 8:
		// A bounded named-let loop with a flonum accumulator.
		i, acc, loop := g.fresh(), g.fresh(), g.fresh()
		init := g.flo(depth - 1)
		g.fxVars = append(g.fxVars, i)
		g.flVars = append(g.flVars, acc)
		step := g.flo(depth - 1)
		g.fxVars = g.fxVars[:len(g.fxVars)-1]
		g.flVars = g.flVars[:len(g.flVars)-1]
		return fmt.Sprintf("(let %s ((%s 0) (%s %s)) (if (>= %s %d) %s (%s (+ %s 1) %s)))",
			loop, i, acc, init, i, 1+g.r.Intn(6), acc, loop, i, step)
	case 9:
		if len(g.procs) > 0 {
			j := g.r.Intn(len(g.procs))
			args := make([]string, len(g.procs[j]))
			for k, fl := range g.procs[j] {
				if fl {
					args[k] = g.flo(depth - 1)
				} else {
					args[k] = g.fix(depth - 1)
				}
			}
			return fmt.Sprintf("(f%d %s)", j, strings.Join(args, " "))
		}
	}
	return g.flo(0)
}

// fix returns a fixnum-valued expression.
func (g *flGen) fix(depth int) string {
	if depth == 0 || g.r.Intn(3) == 0 {
		if len(g.fxVars) > 0 && g.r.Intn(2) > 0 {
			return g.fxVars[g.r.Intn(len(g.fxVars))]
		}
		return g.fxEdge()
	}
	switch g.r.Intn(3) {
	case 0:
		return fmt.Sprintf("(%s %s %s)", []string{"+", "-", "*"}[g.r.Intn(3)], g.fix(depth-1), g.fix(depth-1))
	case 1:
		return fmt.Sprintf("(if %s %s %s)", g.test(depth-1), g.fix(depth-1), g.fix(depth-1))
	}
	return fmt.Sprintf("(- %s)", g.fix(depth-1))
}

func (g *flGen) test(depth int) string {
	cmps := []string{"<", "<=", ">", ">=", "="}
	switch g.r.Intn(8) {
	case 0:
		return fmt.Sprintf("(or %s %s)", g.test(depth/2), g.test(depth/2))
	case 1:
		return fmt.Sprintf("(not %s)", g.test(depth))
	case 2:
		preds := []string{"zero?", "positive?", "negative?", "nan?", "integer?", "finite?", "infinite?"}
		return fmt.Sprintf("(%s %s)", preds[g.r.Intn(len(preds))], g.flo(depth))
	case 3, 4:
		// An exact comparison of a fixnum with a flonum.
		if g.r.Intn(2) == 0 {
			return fmt.Sprintf("(%s %s %s)", cmps[g.r.Intn(len(cmps))], g.fix(depth), g.flo(depth))
		}
		return fmt.Sprintf("(%s %s %s)", cmps[g.r.Intn(len(cmps))], g.flo(depth), g.fix(depth))
	}
	return fmt.Sprintf("(%s %s %s)", cmps[g.r.Intn(len(cmps))], g.flo(depth), g.flo(depth))
}
