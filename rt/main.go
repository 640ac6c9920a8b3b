package rt

import (
	"fmt"
	"os"
	"runtime/debug"
)

// ExitUncaught is the exit status of a program ended by an uncaught error
// (EX_SOFTWARE, as sysexits.h has it).
const ExitUncaught = 70

// Run runs body on a fresh thread and returns how it ended: nil, an
// *Uncaught for an error no handler took, or an *ExitRequest. Go runtime
// faults inside Scheme code (which safe code should never cause) come back as
// *Uncaught too, so they are reported as Scheme errors, never as Go traces.
func Run(body func(t *Thread)) (end error) {
	t := NewThread()
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		switch e := r.(type) {
		case *Uncaught:
			end = e
		case *ExitRequest:
			end = e
		default:
			// A Go runtime fault (nil dereference, index out of range)
			// inside compiled code: report it at the innermost Scheme
			// frame, still on the stack while this deferred call runs.
			msg := fmt.Sprint(r)
			if e, ok := r.(error); ok {
				msg = e.Error()
			}
			trace := captureTrace(2)
			pos := t.here()
			if len(trace) > 0 {
				pos = trace[0].Pos
			}
			end = &Uncaught{Obj: NewError("internal runtime fault: " + msg).Value(), Pos: pos, Trace: trace}
		}
	}()
	body(t)
	return nil
}

func (e *ExitRequest) Error() string { return fmt.Sprintf("exit %d", e.Code) }

// Main is the entry point of a compiled program: it runs body, flushes the
// output ports, reports an uncaught error on stderr and exits.
func Main(body func(t *Thread)) {
	os.Exit(RunMain(body))
}

// RunMain is Main without the os.Exit; it returns the exit status.
func RunMain(body func(t *Thread)) int {
	// Deep non-tail recursion uses Go's stack; let it grow well past Go's
	// default 1 GB limit on 64-bit machines.
	debug.SetMaxStack(4 << 30)
	configureGC()
	watchStacks()
	stopProfile := startProfile()
	end := Run(body)
	stopProfile()
	FlushAll()
	switch e := end.(type) {
	case nil:
		return 0
	case *ExitRequest:
		return e.Code
	default:
		fmt.Fprintln(os.Stderr, end.Error())
		if u, ok := end.(*Uncaught); ok {
			fmt.Fprint(os.Stderr, FormatTrace(u.Trace))
		}
		return ExitUncaught
	}
}
