// Package analyze is Lambdust's middle end: the expander that turns datums
// into the typed core IR (ir.go), and the analysis passes over that IR.
//
// The passes are a table (Passes), so one list drives the pipeline, the
// --dump-after/--stop-after/--time-passes switches and the verifier that the
// tests run after every pass. Each pass's doc comment states what it
// requires and what it guarantees.
package analyze

import (
	"fmt"
	"time"
)

// Pass is one named transformation or analysis of a Program.
type Pass struct {
	Name string
	Doc  string
	Fn   func(p *Program) error
}

// Passes is the pipeline, in order.
var Passes = []Pass{
	{"prims", "replace references to built-in procedures by primitive nodes", ResolvePrims},
	{"varinfo", "mark assigned and captured variables, compute free variables", VarInfo},
	{"knownprocs", "find globals bound once to a lambda", KnownProcs},
	{"inline", "fold constants, simplify, inline small known procedures", Inline},
	{"records", "compile calls of define-record-type's accessors, modifiers and predicates inline", Records},
	{"tailcalls", "mark calls in tail position", MarkTailCalls},
	{"resumable", "classify call/cc; make code that may unwind for a re-entrant capture resumable (%then)", Resumable},
	{"assign", "assignment conversion: box the variables that are both captured and assigned", AssignConv},
	{"loops", "note the self tail calls compiled as Go loops, for explain", Loops},
	{"closures", "find local procedures that are only called: direct calls, no closure (lifted when they use no enclosing variable)", Closures},
	{"fxspec", "infer fixnum types and ranges; find procedures with an int64 entry", FxSpec},
	{"types", "infer the types of immutable variables and of parameters of procedures only called; drop proven checks, fold predicates", Types},
}

// passLevel gives the optimisation passes the lowest -O level that runs
// them; passes not listed always run.
var passLevel = map[string]int{"inline": 1, "records": 1, "closures": 1, "fxspec": 1, "types": 2}

// PassByName returns the pass called name.
func PassByName(name string) (Pass, bool) {
	for _, p := range Passes {
		if p.Name == name {
			return p, true
		}
	}
	return Pass{}, false
}

// PassNames lists the pass names in order.
func PassNames() []string {
	names := make([]string, len(Passes))
	for i, p := range Passes {
		names[i] = p.Name
	}
	return names
}

// Options controls a pipeline run.
type Options struct {
	// LibPath lists the directories searched for user libraries.
	LibPath []string
	// StopAfter ends the pipeline after the named pass ("" runs all).
	StopAfter string
	// AfterPass, when set, is called after each pass (for dumps).
	AfterPass func(pass string, p *Program)
	// Verify checks the IR's invariants after every pass.
	Verify bool
	// Timings, when set, receives each pass's duration.
	Timings func(pass string, d time.Duration)
	// Opt is the optimisation level (-O0..-O3); the zero value is -O2.
	Opt OptLevel
	// Unsafe lets the program drop its remaining run-time checks, as
	// (declare (unsafe)) does (--unsafe).
	Unsafe bool
	// Open says code compiled separately calls the program's exported
	// procedures with its own values (runtime mode, gen --runtime): the
	// analyses may not assume they see the whole program.
	Open bool
}

// OptLevel is an optimisation level, -O0 to -O3. The zero value is the
// default level, -O2, so that Options{} optimises as the command does.
//
//	-O0  no optimisation passes (code generation still compiles known
//	     calls as direct Go calls and self tail calls as Go loops)
//	-O1  inline: constant folding and local simplification, inlining of
//	     #:inline #t procedures only; fxspec: int64 entries, every
//	     fixnum operation overflow-checked
//	-O2  inline also inlines known procedures of up to inlineBudgetO2
//	     nodes; fxspec with range analysis: proven operations unchecked
//	-O3  as -O2 with the larger inlining budget inlineBudgetO3
//
// Inside #:hot-path #t procedures the inlining budget is multiplied by
// hotPathFactor (inline.go).
type OptLevel int8

// The levels; ODefault is -O2.
const (
	ODefault OptLevel = iota
	O0
	O1
	O2
	O3
)

// MakeOptLevel returns the level -On, for n in 0..3.
func MakeOptLevel(n int) (OptLevel, error) {
	if n < 0 || n > 3 {
		return ODefault, fmt.Errorf("optimisation level %d: want 0, 1, 2 or 3", n)
	}
	return O0 + OptLevel(n), nil
}

// Level returns n for -On.
func (l OptLevel) Level() int {
	if l == ODefault {
		return 2
	}
	return int(l - O0)
}

// Run runs the pass pipeline over p. A panic inside a pass is reported as an
// internal error naming the pass.
func Run(p *Program, opt Options) (err error) {
	if opt.StopAfter != "" {
		if _, ok := PassByName(opt.StopAfter); !ok {
			return fmt.Errorf("unknown pass %q (passes: %v)", opt.StopAfter, PassNames())
		}
	}
	p.OptLevel = opt.Opt.Level()
	if opt.Unsafe {
		p.Unsafe = true
	}
	p.Open = opt.Open
	for _, pass := range Passes {
		if p.OptLevel < passLevel[pass.Name] {
			if pass.Name == opt.StopAfter {
				break
			}
			continue
		}
		start := time.Now()
		if err := runPass(pass, p); err != nil {
			return err
		}
		if opt.Timings != nil {
			opt.Timings(pass.Name, time.Since(start))
		}
		if opt.Verify {
			if err := Verify(p); err != nil {
				return fmt.Errorf("internal error: IR invalid after pass %s: %v", pass.Name, err)
			}
		}
		if opt.AfterPass != nil {
			opt.AfterPass(pass.Name, p)
		}
		if pass.Name == opt.StopAfter {
			break
		}
	}
	return nil
}

func runPass(pass Pass, p *Program) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error: panic during pass %s while compiling %s: %v", pass.Name, p.File, r)
		}
	}()
	return pass.Fn(p)
}
