package rt

import (
	"sync"

	"github.com/lambdust/lambdust/parse"
)

// This file holds the runtime side of eval (R7RS 6.12): environment
// specifiers and the hook through which eval reaches the expander and the
// interpreter. rt cannot import them (they import rt), so package interp
// sets EvalHook when it is linked; the code generator links it into every
// compiled program that uses eval.

// Environment is an environment specifier: the import sets it was made
// from, or the interaction environment (everything, and definitions
// persist). The evaluator keeps its state (expander and globals) in State.
type Environment struct {
	Name        string  // how it prints: "(environment (scheme base))"
	Imports     []Value // import sets, as data
	Interaction bool

	Mu    sync.Mutex
	State any // owned by the evaluator
}

// EvalHook evaluates expr in env. Package interp sets it.
var EvalHook func(t *Thread, expr Value, env *Environment) Value

// EnvironmentHook, when set (by package interp), prepares a new
// environment's evaluator so that environment itself reports an unknown
// library; when it raises an error it returns the raise's result and false.
var EnvironmentHook func(t *Thread, env *Environment) (Value, bool)

var interaction = &Environment{Name: "(interaction-environment)", Interaction: true}

// EnvironmentOf returns v's *Environment, or nil.
func EnvironmentOf(v Value) *Environment {
	if !v.Is(TForeign) {
		return nil
	}
	e, _ := v.Foreign().V.(*Environment)
	return e
}

// Eval is (eval expr [environment]).
func Eval(t *Thread, args []Value) Value {
	env := interaction
	if len(args) > 1 {
		if env = EnvironmentOf(args[1]); env == nil {
			return t.TypeError("eval", "environment specifier", args[1])
		}
	}
	if EvalHook == nil {
		return t.Errorf("eval", "this program was built without the evaluator")
	}
	return EvalHook(t, args[0], env)
}

// EnvironmentP is (environment import-set ...).
func EnvironmentP(t *Thread, args []Value) Value {
	name := "(environment"
	for _, a := range args {
		if !a.IsPair() {
			return t.TypeError("environment", "import set (a list)", a)
		}
		name += " " + WriteString(a)
	}
	env := &Environment{Name: name + ")", Imports: append([]Value(nil), args...)}
	if EnvironmentHook != nil {
		if r, ok := EnvironmentHook(t, env); !ok {
			return r
		}
	}
	return NewForeign("environment", env)
}

// r5rsEnvironment is scheme-report-environment and null-environment: only
// version 5 exists. The report environment is (scheme r5rs); the null
// environment only its syntactic keywords (R5RS 6.5).
func r5rsEnvironment(who string) func(t *Thread, version Value) Value {
	return func(t *Thread, version Value) Value {
		if !version.IsFixnum() || version.Int() != 5 {
			return t.Errorf(who, "unsupported version %s (only 5 is)", WriteString(version))
		}
		spec := List(Intern("scheme"), Intern("r5rs"))
		if who == "null-environment" {
			only := []Value{Intern("only"), spec}
			for _, name := range schemeR5RS {
				if IsSyntacticKeyword(name) {
					only = append(only, Intern(name))
				}
			}
			spec = List(only...)
		}
		env := &Environment{Name: "(" + who + " 5)", Imports: []Value{spec}}
		if EnvironmentHook != nil {
			if r, ok := EnvironmentHook(t, env); !ok {
				return r
			}
		}
		return NewForeign("environment", env)
	}
}

// SchemeReportEnvironment is (scheme-report-environment 5).
func SchemeReportEnvironment(t *Thread, version Value) Value {
	return r5rsEnvironment("scheme-report-environment")(t, version)
}

// NullEnvironment is (null-environment 5).
func NullEnvironment(t *Thread, version Value) Value {
	return r5rsEnvironment("null-environment")(t, version)
}

var interactionValue = NewForeign("environment", interaction)

// InteractionEnvironment is (interaction-environment).
func InteractionEnvironment(t *Thread) Value { return interactionValue }

// ToDatum converts a value to the datum eval expands. Symbols, lists,
// vectors and the literal atoms become their datums; any other object
// (a procedure, a record...) is embedded as a parse.Opaque constant. It
// reports false for a circular structure, which is not an expression.
func ToDatum(v Value) (parse.Datum, bool) {
	onPath := map[*Pair]bool{}
	var conv func(v Value, depth int) (parse.Datum, bool)
	conv = func(v Value, depth int) (parse.Datum, bool) {
		if depth > 100000 {
			return nil, false
		}
		switch {
		case v.IsFixnum():
			return &parse.Int{V: v.Int()}, true
		case v.IsFlonum():
			return &parse.Real{V: v.Float()}, true
		case v.IsBool():
			return &parse.Bool{V: v.IsTrue()}, true
		case v.IsChar():
			return &parse.Char{V: v.Rune()}, true
		case v.IsNull():
			return &parse.List{}, true
		case v.IsSymbol():
			return &parse.Symbol{Name: v.Sym().Name}, true
		case v.IsVector():
			out := &parse.Vector{}
			for _, e := range v.Vec().Items {
				d, ok := conv(e, depth+1)
				if !ok {
					return nil, false
				}
				out.Elems = append(out.Elems, d)
			}
			return out, true
		case v.IsPair():
			out := &parse.List{}
			var path []*Pair
			defer func() {
				for _, p := range path {
					delete(onPath, p)
				}
			}()
			for v.IsPair() {
				p := v.Pair()
				if onPath[p] {
					return nil, false
				}
				onPath[p] = true
				path = append(path, p)
				d, ok := conv(p.Car, depth+1)
				if !ok {
					return nil, false
				}
				out.Elems = append(out.Elems, d)
				v = p.Cdr
			}
			if !v.IsNull() {
				d, ok := conv(v, depth+1)
				if !ok {
					return nil, false
				}
				out.Tail = d
			}
			return out, true
		}
		return &parse.Opaque{V: v}, true
	}
	return conv(v, 0)
}

func init() {
	Define("eval", 1, 2, Eval)
	Define("environment", 0, -1, EnvironmentP)
	Define("scheme-report-environment", 1, 1, SchemeReportEnvironment)
	Define("null-environment", 1, 1, NullEnvironment)
	Define("interaction-environment", 0, 0, InteractionEnvironment)
}
