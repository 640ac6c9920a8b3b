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
	{"tailcalls", "mark calls in tail position", MarkTailCalls},
	{"fxspec", "infer fixnum types and ranges; find procedures with an int64 entry", FxSpec},
}

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
}

// Run runs the pass pipeline over p. A panic inside a pass is reported as an
// internal error naming the pass.
func Run(p *Program, opt Options) (err error) {
	if opt.StopAfter != "" {
		if _, ok := PassByName(opt.StopAfter); !ok {
			return fmt.Errorf("unknown pass %q (passes: %v)", opt.StopAfter, PassNames())
		}
	}
	for _, pass := range Passes {
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
