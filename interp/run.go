package interp

import (
	"github.com/lambdust/lambdust/analyze"
	"github.com/lambdust/lambdust/rt"
)

// RunProgram interprets an analyzed program on a fresh thread, as a compiled
// program's main would run it, and returns how it ended (see rt.Run).
func RunProgram(prog *analyze.Program) error {
	p := Compile(prog, NewGlobals())
	return rt.Run(func(t *rt.Thread) { p.Run(t) })
}
