package interp

import (
	"os"

	"github.com/lambdust/lambdust/analyze"
	"github.com/lambdust/lambdust/parse"
	"github.com/lambdust/lambdust/rt"
)

// This file implements eval (R7RS 6.12) for the interpreter and for
// compiled programs, which link this package when they use eval: each
// environment specifier gets its own expander session and globals, made on
// first use, so definitions evaluated in an environment stay there.

func init() {
	rt.EvalHook = evalIn
	rt.EnvironmentHook = checkEnv
	rt.LoadHook = loadFile
}

type evalState struct {
	sess    *analyze.Session
	globals *Globals
}

// prepareEnv makes env's expander session if it has none yet, so that an
// unknown library or a malformed import set is reported by environment
// itself. The caller holds env.Mu; a non-empty string is the error.
func prepareEnv(env *rt.Environment) (*evalState, string) {
	if st, _ := env.State.(*evalState); st != nil {
		return st, ""
	}
	var imports []parse.Datum
	if !env.Interaction {
		imports = []parse.Datum{}
		for _, spec := range env.Imports {
			sd, ok := rt.ToDatum(spec)
			if !ok {
				return nil, "circular import set"
			}
			imports = append(imports, sd)
		}
	}
	sess, err := analyze.NewSession("eval", imports, analyze.Options{})
	if err != nil {
		return nil, errorText(err)
	}
	st := &evalState{sess: sess, globals: NewGlobals()}
	env.State = st
	return st, ""
}

// checkEnv is rt.EnvironmentHook: environment reports a bad import set
// when it is called, not at the first eval.
func checkEnv(t *rt.Thread, env *rt.Environment) (rt.Value, bool) {
	env.Mu.Lock()
	_, msg := prepareEnv(env)
	env.Mu.Unlock()
	if msg != "" {
		return t.Errorf("environment", "%s", msg), false
	}
	return rt.Value{}, true
}

func evalIn(t *rt.Thread, expr rt.Value, env *rt.Environment) rt.Value {
	d, ok := rt.ToDatum(expr)
	if !ok {
		return t.Errorf("eval", "circular structure is not an expression")
	}
	env.Mu.Lock()
	st, msg := prepareEnv(env)
	if msg != "" {
		env.Mu.Unlock()
		return t.Errorf("environment", "%s", msg)
	}
	prog, err := st.sess.Expand("eval", []parse.Datum{d})
	var p *Program
	if err == nil {
		p = Compile(prog, st.globals)
	}
	env.Mu.Unlock()
	if err != nil {
		return t.Errorf("eval", "%s", errorText(err))
	}
	return p.Run(t)
}

// errorText is an expander error without the position of eval's datums,
// which were not read from a file.
func errorText(err error) string {
	if el, ok := err.(parse.ErrorList); ok && len(el) > 0 {
		e := el[0]
		if e.Pos.Line == 0 {
			return e.Msg
		}
		return e.Error()
	}
	return err.Error()
}

// loadFile is rt.LoadHook, (load filename [environment]): it reads the
// file with the project's reader and evaluates its forms one after the
// other in env (the interaction environment by default), so a form may use
// the definitions and macros of the forms before it. Errors keep the
// positions of the loaded file.
func loadFile(t *rt.Thread, filename string, envv rt.Value) rt.Value {
	if envv == rt.Default {
		envv = rt.InteractionEnvironment(t)
	}
	env := rt.EnvironmentOf(envv)
	if env == nil {
		return t.TypeError("load", "environment specifier", envv)
	}
	src, err := os.ReadFile(filename)
	if err != nil {
		return t.Raise(rt.FileError("load", "cannot read "+filename+": "+err.Error()).Value())
	}
	forms, err := parse.ReadAll(filename, string(src))
	if err != nil {
		c := &rt.Condition{Kind: rt.ErrRead, Who: "load", Message: err.Error()}
		return t.Raise(c.Value())
	}
	for _, d := range forms {
		env.Mu.Lock()
		st, msg := prepareEnv(env)
		if msg != "" {
			env.Mu.Unlock()
			return t.Errorf("load", "%s", msg)
		}
		prog, err := st.sess.Expand(filename, []parse.Datum{d})
		var p *Program
		if err == nil {
			p = Compile(prog, st.globals)
		}
		env.Mu.Unlock()
		if err != nil {
			return t.Errorf("load", "%s", err.Error())
		}
		p.Run(t)
	}
	return rt.Unspecified
}
