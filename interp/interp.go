// Package interp runs core IR directly. It compiles each IR node once into a
// Go closure (closure compilation), so running a procedure never walks the
// IR again. Interpreted procedures are ordinary rt.Procedures with the same
// entry points and tail-call protocol as compiled ones, so the two mix
// freely (a compiled program that calls eval links this package).
package interp

import (
	"github.com/lambdust/lambdust/analyze"
	"github.com/lambdust/lambdust/parse"
	"github.com/lambdust/lambdust/rt"
)

// code is a compiled expression. It may return the tail-call marker only
// when compiled in tail position.
type code func(t *rt.Thread, f *frame) rt.Value

// frame holds the variables of one procedure activation (or of one
// evaluation of a let whose variables a closure captures), linked to the
// frame of the enclosing procedure.
type frame struct {
	up    *frame
	vals  []rt.Value
	small [4]rt.Value
	// next is the frame of the next iteration after a self tail call
	// whose frame a closure may have captured (see selfCall).
	next *frame
}

func newFrame(up *frame, n int) *frame {
	f := &frame{up: up}
	if n <= len(f.small) {
		f.vals = f.small[:n]
	} else {
		f.vals = make([]rt.Value, n)
	}
	return f
}

// slot is where a variable lives: depth frames up, at index.
type slot struct{ depth, index int }

// layout is the compile-time picture of one frame: which variables it holds.
type layout struct {
	up    *layout
	slots map[*analyze.Var]int
	size  int
}

func (l *layout) add(v *analyze.Var) int {
	i := l.size
	l.slots[v] = i
	l.size++
	return i
}

func (l *layout) find(v *analyze.Var) (slot, bool) {
	d := 0
	for ; l != nil; l = l.up {
		if i, ok := l.slots[v]; ok {
			return slot{d, i}, true
		}
		d++
	}
	return slot{}, false
}

// Globals is the interpreter's global environment: a cell per name.
type Globals struct {
	cells map[string]*rt.Value
}

// NewGlobals makes an empty global environment.
func NewGlobals() *Globals { return &Globals{cells: map[string]*rt.Value{}} }

func (g *Globals) cell(name string) *rt.Value {
	c := g.cells[name]
	if c == nil {
		c = new(rt.Value)
		*c = rt.Unbound
		g.cells[name] = c
	}
	return c
}

// compiler compiles one program.
type compiler struct {
	globals *Globals
	locs    map[parse.Pos]*rt.Pos
	// lambdas is the stack of lambdas being compiled, innermost last.
	lambdas []*lambdaInfo
	// recLambda maps a letrec variable that is never assigned to the
	// lambda it is bound to.
	recLambda map[*analyze.Var]*analyze.Lambda
	// unwindMemo caches unwinds (resume.go).
	unwindMemo map[analyze.Node]bool
}

// lambdaInfo is what self tail calls need to know about their procedure.
type lambdaInfo struct {
	lam    *analyze.Lambda
	layout *layout
	// captured: some variable of the procedure's frame is captured, so a
	// self tail call must start a new frame instead of reusing it.
	captured bool
}

func (c *compiler) loc(p parse.Pos) *rt.Pos {
	l := c.locs[p]
	if l == nil {
		l = new(rt.Pos)
		*l = p
		c.locs[p] = l
	}
	return l
}

// Program is a compiled program ready to run.
type Program struct {
	body []code
	size int // top-level frame size
}

// Compile prepares prog for running against globals.
func Compile(prog *analyze.Program, globals *Globals) *Program {
	c := &compiler{globals: globals, locs: map[parse.Pos]*rt.Pos{}, recLambda: map[*analyze.Var]*analyze.Lambda{}, unwindMemo: map[analyze.Node]bool{}}
	for _, n := range prog.Body {
		analyze.Walk(n, func(n analyze.Node) bool {
			if lr, ok := n.(*analyze.Letrec); ok {
				for i, v := range lr.Vars {
					if lam, ok := lr.Inits[i].(*analyze.Lambda); ok && !v.Assigned {
						c.recLambda[v] = lam
					}
				}
			}
			return true
		})
	}
	top := &layout{slots: map[*analyze.Var]int{}}
	p := &Program{}
	for _, n := range prog.Body {
		p.body = append(p.body, c.compile(n, top))
	}
	p.size = top.size
	return p
}

// Run runs the program's top-level forms on t. Interpreted code is
// resumable, so continuations are re-entrant (resume.go); a continuation
// captured in one top-level form includes the forms after it.
func (p *Program) Run(t *rt.Thread) rt.Value {
	f := newFrame(nil, p.size)
	saved := t.Resumable
	t.Resumable = true
	defer func() { t.Resumable = saved }()
	return t.Drive(func(t *rt.Thread) rt.Value { return p.from(t, f, 0, rt.Unspecified) })
}

// from runs the top-level forms from index i on; r is the value of the
// previous one.
func (p *Program) from(t *rt.Thread, f *frame, i int, r rt.Value) rt.Value {
	for ; i < len(p.body); i++ {
		r = t.SettleR(p.body[i](t, f))
		if rt.IsUnwind(r) {
			t.PushFrame(func(t *rt.Thread, v rt.Value) rt.Value { return p.from(t, f, i+1, v) })
			return r
		}
	}
	return r
}
