package analyze

import (
	"github.com/lambdust/lambdust/parse"
	"github.com/lambdust/lambdust/rt"
)

// Node is a core IR expression. The set of node kinds is closed (the
// unexported method seals it); every node carries the source position of
// the form it came from. The comment on each type gives its printed form
// (see Dump).
type Node interface {
	Pos() parse.Pos
	node()
}

// Var is a lexical variable. Each binding occurrence gets its own Var, so
// after expansion names no longer matter: two Vars are the same variable
// exactly when they are the same pointer.
type Var struct {
	Name string
	ID   int // unique within a Program; makes printed and generated names stable
	P    parse.Pos
	// Facts set by the varinfo pass.
	Assigned bool // the target of some set!
	Captured bool // referenced from a lambda other than the one that binds it
	// Boxed is set by the assign pass: the variable is both captured and
	// assigned, so closures must share one mutable cell for it; every
	// other captured variable can be copied into closures by value.
	Boxed bool
	// FuncArity, set by the closures pass on a parameter of a known
	// global procedure that is only ever called (funcParams), is the
	// number of arguments it is called with, plus one; 0 otherwise.
	FuncArity int
}

// Global is a top-level variable of the program.
type Global struct {
	Name string
	P    parse.Pos // first definition, or first reference when never defined
	// Set by the expander: number of defines and set!s of it.
	Defines, Sets int
	// Prim is the primitive of the same name, when the program never
	// defines the global (set by the expander).
	Prim *rt.Prim
	// Known is the lambda the global is bound to, when it is defined
	// exactly once, at top level, to a lambda, and never set! (set by the
	// knownprocs pass). Calls to it may be direct.
	Known *Lambda
}

type (
	// Const is a literal: (quote datum).
	Const struct {
		P   parse.Pos
		Val rt.Value
	}
	// Ref reads a lexical variable: name.N
	Ref struct {
		P   parse.Pos
		Var *Var
	}
	// GlobalRef reads a global variable: (global name)
	GlobalRef struct {
		P parse.Pos
		G *Global
		// Defined is set when the global is certainly defined whenever
		// this reference runs (the records pass), so no unbound check
		// is needed.
		Defined bool
	}
	// PrimRef is a reference to a primitive procedure that the program
	// does not redefine: (prim name)
	PrimRef struct {
		P    parse.Pos
		Prim *rt.Prim
	}
	// Set assigns a lexical variable: (set! name.N value)
	Set struct {
		P     parse.Pos
		Var   *Var
		Value Node
	}
	// GlobalSet defines or assigns a global: (define name value) or
	// (set! (global name) value).
	GlobalSet struct {
		P      parse.Pos
		G      *Global
		Value  Node
		Define bool
	}
	// If is (if test then else); a missing else is Const unspecified.
	If struct {
		P                parse.Pos
		Test, Then, Else Node
	}
	// Seq evaluates Exprs in order and yields the last: (begin e ...).
	// It always has at least one element.
	Seq struct {
		P     parse.Pos
		Exprs []Node
	}
	// Lambda is a procedure: (lambda name (params . rest) body).
	Lambda struct {
		P      parse.Pos
		Name   string // the name it was defined or let-bound under, or ""
		ID     int
		Params []*Var
		Rest   *Var // nil when there is no rest parameter
		Body   Node
		// Free lists the variables of enclosing lambdas that Body uses,
		// in order of first use (set by the varinfo pass).
		Free []*Var
		// Inline and HotPath are the declarations #:inline #t and
		// #:hot-path #t written at the start of the body.
		Inline, HotPath bool
		// NoInline is the declaration #:inline #f: calls are never
		// inlined (the procedure keeps its backtrace frames).
		NoInline bool
		// Fx is set by the fxspec pass when the lambda has an unboxed
		// (int64/float64) specialisation, which FxSig describes (see
		// fxspec.go).
		Fx    bool
		FxSig *FxSig
		// Direct is set by the closures pass on a lambda bound by a
		// letrec to a variable that is only ever called: no procedure
		// value is made and calls to it are direct (closures.go). Lifted
		// further says it uses no variable of an enclosing lambda other
		// than those of Lifted procedures: it needs no closure at all.
		Direct, Lifted bool
		// Group, for a Direct lambda, lists the lambdas of its letrec
		// that tail-call each other (itself included, in letrec order);
		// for a known global procedure, the known global procedures
		// that do (in program order). Code generation makes them one Go
		// function. Nil otherwise (closures pass).
		Group []*Lambda
		// InPlace is set by the closures pass on a named let whose
		// calls are all tail calls from its own body or from in-place
		// lambdas nested in it: code generation emits it as a labelled
		// Go loop in the code of the enclosing procedure, its calls as
		// jumps; there is no procedure at all (closures.go, inPlace).
		InPlace bool
		// FuncArg is set by the closures pass on a lambda written as
		// the argument of a Call with FuncArgs for a parameter with
		// FuncArity: code generation passes it as a Go function, with
		// no procedure object.
		FuncArg bool
	}
	// Call applies Fn to Args: (call fn arg ...), or (tail-call ...) when
	// in tail position.
	Call struct {
		P    parse.Pos
		Fn   Node
		Args []Node
		Tail bool // set by the tailcalls pass
		// FuncArgs is set by the closures pass on a call of a known
		// global procedure that passes a lambda (FuncArg) for every
		// parameter with FuncArity (a tail call only when the callee
		// tail-calls no other such procedure).
		FuncArgs bool
	}
	// PrimCall calls a known primitive: (primcall name arg ...).
	PrimCall struct {
		P    parse.Pos
		Prim *rt.Prim
		Args []Node
		Tail bool // set by the tailcalls pass
		// NoOverflow is set by the fxspec pass on fixnum arithmetic whose
		// operand ranges prove the int64 result cannot overflow.
		NoOverflow bool
		// Proven is set by the types pass when the checked argument's
		// type is proven, so the primitive's type check can be dropped,
		// and on arithmetic and comparisons of two proven flonums
		// (types.go).
		Proven bool
		// Folded is set by the types pass on a type predicate of a
		// variable whose proven type decides it: the call's value,
		// #t or #f.
		Folded *Const
	}
	// Let binds Vars to Inits in parallel, then evaluates Body:
	// (let ((v init) ...) body).
	Let struct {
		P     parse.Pos
		Vars  []*Var
		Inits []Node
		Body  Node
	}
	// Letrec binds Vars with letrec* semantics: all are in scope in every
	// init, and the inits run left to right: (letrec ((v init) ...) body).
	Letrec struct {
		P     parse.Pos
		Vars  []*Var
		Inits []Node
		Body  Node
	}
)

func (n *Const) Pos() parse.Pos     { return n.P }
func (n *Ref) Pos() parse.Pos       { return n.P }
func (n *GlobalRef) Pos() parse.Pos { return n.P }
func (n *PrimRef) Pos() parse.Pos   { return n.P }
func (n *Set) Pos() parse.Pos       { return n.P }
func (n *GlobalSet) Pos() parse.Pos { return n.P }
func (n *If) Pos() parse.Pos        { return n.P }
func (n *Seq) Pos() parse.Pos       { return n.P }
func (n *Lambda) Pos() parse.Pos    { return n.P }
func (n *Call) Pos() parse.Pos      { return n.P }
func (n *PrimCall) Pos() parse.Pos  { return n.P }
func (n *Let) Pos() parse.Pos       { return n.P }
func (n *Letrec) Pos() parse.Pos    { return n.P }

func (*Const) node()     {}
func (*Ref) node()       {}
func (*GlobalRef) node() {}
func (*PrimRef) node()   {}
func (*Set) node()       {}
func (*GlobalSet) node() {}
func (*If) node()        {}
func (*Seq) node()       {}
func (*Lambda) node()    {}
func (*Call) node()      {}
func (*PrimCall) node()  {}
func (*Let) node()       {}
func (*Letrec) node()    {}

// Program is a whole expanded program: its top-level forms in order and
// the globals they use.
type Program struct {
	File    string
	Body    []Node
	Globals []*Global // in order of first appearance
	// NumVars and NumLambdas count the IDs handed out.
	NumVars, NumLambdas int
	// Unsafe is set by (declare (unsafe)) at top level: the remaining
	// run-time checks may be dropped.
	Unsafe bool
	// Resumable is set by the resumable pass when the program may
	// capture re-entrant continuations: its top level runs under a
	// driver and code that may unwind uses %then (resumable.go).
	Resumable bool
	// Session is set for an input of a Session (REPL, eval), whose
	// globals a later input may redefine: known procedures are not
	// inlined.
	Session bool
	// Open is set when code compiled separately calls the program's
	// exported procedures (Options.Open): the program is not the whole
	// world.
	Open bool
	// OptLevel is the optimisation level n of -On the passes run at.
	OptLevel int
	// Libraries are the libraries the program defines or loads, in the
	// order their bodies run, with their exported variables.
	Libraries []*LibraryInfo
	// Notes are the optimisation decisions the passes made, for
	// `lambdustc explain` (see explain.go).
	Notes []Note
}

// LibraryInfo is a library of a program and the variables it exports.
type LibraryInfo struct {
	Name    string // written form, "(foo bar)"
	Exports []LibraryExport
}

// LibraryExport is an exported variable: its external name and global.
type LibraryExport struct {
	Name string
	G    *Global
}

// Walk calls f on n and then, if f returns true, on each child of n in
// evaluation order.
func Walk(n Node, f func(Node) bool) {
	if !f(n) {
		return
	}
	for _, c := range Children(n) {
		Walk(c, f)
	}
}

// Children returns n's direct sub-expressions in evaluation order.
func Children(n Node) []Node {
	switch n := n.(type) {
	case *Set:
		return []Node{n.Value}
	case *GlobalSet:
		return []Node{n.Value}
	case *If:
		return []Node{n.Test, n.Then, n.Else}
	case *Seq:
		return n.Exprs
	case *Lambda:
		return []Node{n.Body}
	case *Call:
		return append([]Node{n.Fn}, n.Args...)
	case *PrimCall:
		return n.Args
	case *Let:
		return append(append([]Node(nil), n.Inits...), n.Body)
	case *Letrec:
		return append(append([]Node(nil), n.Inits...), n.Body)
	}
	return nil
}

func writeConst(c *Const) string { return rt.WriteString(c.Val) }
