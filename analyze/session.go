package analyze

import (
	"github.com/lambdust/lambdust/parse"
)

// This file defines Session, an expander whose top level persists from one
// input to the next: macros, imports and definitions made by one input are
// seen by the later ones. eval keeps one per environment and the REPL one
// for its whole run. Unlike a program, a session does not reject globals
// that are not defined yet: an input may refer to a definition a later
// input makes, and a use before that raises "unbound variable" at run time.

// Session is a persistent top level.
type Session struct {
	x   *expander
	opt Options
}

// NewSession makes a session. With imports == nil it sees everything a
// program without import declarations sees; otherwise exactly what the
// import sets (datums like (scheme base) or (only (srfi 1) iota)) import.
func NewSession(name string, imports []parse.Datum, opt Options) (*Session, error) {
	x := newExpander(name, ExpandOptions{LibPath: opt.LibPath})
	x.lenient = imports == nil // the interaction environment and the REPL
	env := x.program
	if imports == nil {
		env.all = true
		env.scope.parent = x.coreScope
	} else {
		x.importDecl(&parse.List{Elems: append([]parse.Datum{&parse.Symbol{Name: "import"}}, imports...)}, env)
		if len(x.errs) > 0 {
			return nil, x.errs
		}
	}
	return &Session{x: x, opt: opt}, nil
}

// Expand expands and analyzes forms as the session's next input. The
// returned Program holds only these forms; its Globals are every global the
// session has seen.
func (s *Session) Expand(file string, forms []parse.Datum) (*Program, error) {
	return s.ExpandWith(file, forms, s.opt)
}

// ExpandWith is Expand with other pass options (the REPL's ,expand stops
// after the first pass).
func (s *Session) ExpandWith(file string, forms []parse.Datum, opt Options) (*Program, error) {
	x := s.x
	x.errs = nil
	prev := x.prog
	x.prog = &Program{File: file, Globals: prev.Globals, NumVars: prev.NumVars, NumLambdas: prev.NumLambdas, Session: true}
	x.program.importsOK = true
	x.toplevelForms(forms, x.program)
	x.resolveGlobals()
	if len(x.errs) > 0 {
		// Keep the counters so variables stay unique; drop the body.
		prev.NumVars, prev.NumLambdas, prev.Globals = x.prog.NumVars, x.prog.NumLambdas, x.prog.Globals
		x.prog = prev
		return nil, x.errs
	}
	if err := Run(x.prog, opt); err != nil {
		return nil, err
	}
	return x.prog, nil
}
