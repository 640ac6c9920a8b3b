// Package interp runs core IR directly. It compiles each IR node once into a
// Go closure (closure compilation), so running a procedure never walks the
// IR again. Interpreted procedures are ordinary rt.Procedures with the same
// entry points and tail-call protocol as compiled ones, so the two mix
// freely (a compiled program that calls eval links this package).
package interp

import (
	"sync/atomic"

	"github.com/lambdust/lambdust/analyze"
	"github.com/lambdust/lambdust/parse"
	"github.com/lambdust/lambdust/rt"
)

// code is a compiled expression running in frame f. It may return the
// tail-call marker only when compiled in tail position.
type code func(t *rt.Thread, f []rt.Value) rt.Value

// Frames and closures
//
// A frame holds one procedure activation: its parameters, then the
// variables its closure captured, then every let and letrec variable of
// its body (nested lambdas have frames of their own). Closures are flat:
// making one copies the values of its free variables (Lambda.Free) out of
// the enclosing frame, and each call copies them into the new frame, so a
// variable is always one index away. A variable that is both captured and
// assigned (Var.Boxed, the assign pass) holds a box — a pair whose car is
// the value — shared by the frame and the closures; a letrec variable that
// a closure may capture before its init has run is boxed too (see let).
//
// Frames live on a per-thread stack of chunks (stack), not on the Go heap:
// a call takes its frame from the top of the stack and gives it back when
// it returns. A frame can outlive its call only through the resumable
// frames an unwind pushes (resume.go) — a continuation capture or the move
// of a deep stack to the heap — so an activation that returns the unwind
// marker freezes the chunk its frame is in: a frozen chunk is never
// allocated from again.

// chunk is a piece of the frame stack.
type chunk struct {
	vals   []rt.Value
	small  [afterFreeze]rt.Value // vals of a chunk made after a freeze
	frozen bool                  // holds frames of unwound activations: never reuse
	next   *chunk                // the chunk used after this one fills, kept for reuse
	top    int                   // where the frames end, while the stack is in a later chunk
	gen    int                   // the stack's gen when this chunk was made
}

// stack is a thread's frame stack: frames are taken from cur at sp.
type stack struct {
	cur *chunk
	sp  int
	gen int // chunks made so far (see Reset)
}

const (
	firstChunk  = 256     // values in a thread's first chunk
	afterFreeze = 8       // values in the chunk made after a freeze
	maxChunk    = 1 << 16 // values in the largest chunk
)

// chunkValues counts the values of the chunks grow has made to extend
// the stack (not those made after a freeze), for tests.
var chunkValues atomic.Int64

// stackOf returns t's frame stack, making it on first use.
func stackOf(t *rt.Thread) *stack {
	if s, ok := t.Interp.(*stack); ok {
		return s
	}
	s := &stack{cur: &chunk{vals: make([]rt.Value, firstChunk)}}
	t.Interp = s
	return s
}

// alloc takes a frame of n values from the top of the stack. The values
// are stale: the caller sets or clears each (a stale value in a frame that
// a continuation keeps would keep what it refers to alive).
func (s *stack) alloc(n int) []rt.Value {
	c, sp := s.cur, s.sp
	if c.frozen || sp+n > len(c.vals) {
		return s.grow(n)
	}
	s.sp = sp + n
	return c.vals[sp : sp+n : sp+n]
}

// grow moves to the next chunk (a new one after a freeze, or when the
// next one is too small or frozen) and takes the frame there.
func (s *stack) grow(n int) []rt.Value {
	c := s.cur
	var next *chunk
	switch {
	case c.frozen:
		if n <= afterFreeze {
			next = &chunk{}
			next.vals = next.small[:]
			break
		}
		size := afterFreeze
		for size < n {
			size *= 2
		}
		next = &chunk{vals: make([]rt.Value, size)}
	case c.next != nil && !c.next.frozen && len(c.next.vals) >= n:
		next = c.next
	default:
		size := min(2*len(c.vals), maxChunk)
		for size < n {
			size *= 2
		}
		next = &chunk{vals: make([]rt.Value, size)}
		c.next = next
		chunkValues.Add(int64(size))
	}
	if next.gen == 0 {
		s.gen++
		next.gen = s.gen
	}
	c.top = s.sp
	s.cur, s.sp = next, n
	return next.vals[:n:n]
}

// release ends the activation whose frame f came from mine at off, with the
// stack at (ch, sp) before it: an unwinding activation freezes its chunk;
// one that returned gives its frame back (to the top of its own chunk
// when the one the stack was in before has been frozen since).
func (s *stack) release(ch *chunk, sp int, mine *chunk, off int, f []rt.Value, r rt.Value) {
	if ch.frozen && !mine.frozen && !rt.IsUnwind(r) {
		// The stack cannot go back into ch, but it can drop this frame
		// (at off in mine) and everything above it.
		s.cur, s.sp = mine, off
		return
	}
	if rt.IsUnwind(r) {
		if !mine.frozen {
			mine.freeze(s)
		}
		return
	}
	if mine.frozen {
		// The frame stays in a chunk that continuations keep: clear it,
		// or its values would live as long as they do.
		clear(f)
	}
	if !ch.frozen {
		s.cur, s.sp = ch, sp
	}
}

// freeze marks c as holding frames of unwound activations. The values
// above the frames (left by calls that returned) are cleared, so that the
// frames a continuation keeps do not also keep whatever those old values
// refer to — with continuations among them, that would chain every
// earlier capture to the next.
func (c *chunk) freeze(s *stack) {
	top := c.top
	if c == s.cur {
		top = s.sp
	}
	clear(c.vals[top:])
	c.frozen = true
	c.next = nil
}

// Mark and Reset make the stack an rt.StackMarker: a non-local exit
// lands on a point that resets the stack to where it was when the point
// was set up, as each activation the exit ends would have (release).
//
// When a capture has frozen the mark's chunk since, the frames the exit
// ends are in chunks made after the mark (gen counts the chunks made),
// which hold no other frames: a capture would have frozen them too. The
// stack then restarts at the bottom of the current one.
func (s *stack) Mark() (any, int, int) { return s.cur, s.sp, s.gen }

func (s *stack) Reset(c any, sp, gen int) {
	switch ch := c.(*chunk); {
	case !ch.frozen:
		s.cur, s.sp = ch, sp
	case !s.cur.frozen && s.cur.gen > gen:
		s.sp = 0
	}
}

// layout is the compile-time picture of one frame: where its variables
// live.
type layout struct {
	slots map[*analyze.Var]int
	size  int
}

func newLayout() *layout { return &layout{slots: map[*analyze.Var]int{}} }

func (l *layout) add(v *analyze.Var) int {
	i := l.size
	l.slots[v] = i
	l.size++
	return i
}

func (l *layout) find(v *analyze.Var) int {
	i, ok := l.slots[v]
	if !ok {
		panic("interp: variable " + v.Name + " not in scope")
	}
	return i
}

// newBox makes the box of a boxed variable holding v.
func newBox(v rt.Value) rt.Value { return rt.Cons(v, rt.Null) }

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
	// earlyBox holds the letrec variables boxed although not assigned: a
	// closure may capture them before their init has run (see let).
	earlyBox map[*analyze.Var]bool
}

// boxed reports whether v lives in a box.
func (c *compiler) boxed(v *analyze.Var) bool { return v.Boxed || c.earlyBox[v] }

// lambdaInfo is what self tail calls need to know about their procedure.
type lambdaInfo struct {
	lam       *analyze.Lambda
	layout    *layout
	selfCalls bool // some self tail call was compiled (selfCall)
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
	c := &compiler{globals: globals, locs: map[parse.Pos]*rt.Pos{}, recLambda: map[*analyze.Var]*analyze.Lambda{}, unwindMemo: map[analyze.Node]bool{}, earlyBox: map[*analyze.Var]bool{}}
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
	top := newLayout()
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
	f := make([]rt.Value, p.size)
	stackOf(t) // before the first point that marks it (rt.StackMarker)
	saved := t.Resumable
	t.Resumable = true
	defer func() { t.Resumable = saved }()
	return t.Drive(func(t *rt.Thread) rt.Value { return p.from(t, f, 0, rt.Unspecified) })
}

// from runs the top-level forms from index i on; r is the value of the
// previous one.
func (p *Program) from(t *rt.Thread, f []rt.Value, i int, r rt.Value) rt.Value {
	for ; i < len(p.body); i++ {
		r = t.SettleR(p.body[i](t, f))
		if rt.IsUnwind(r) {
			t.PushFrame(func(t *rt.Thread, v rt.Value) rt.Value { return p.from(t, f, i+1, v) })
			return r
		}
	}
	return r
}
