package rt

import (
	"fmt"
	"reflect"
	"runtime"
	"strings"
	"sync"
)

// This file builds Scheme backtraces for compiled code from Go's own
// stack (DESIGN §6): the emitted Go carries //line directives, so a frame
// of compiled Scheme has a .scm file and line, and the code generator
// registers the Go function of every named procedure with NameProcs, so
// frames read as Scheme procedure names. Frames of the runtime and of Go
// itself are left out: no Go file name reaches the user.

var procNames sync.Map // Go function name -> Scheme procedure name, or a []GroupMember

// GroupMember is one of the Scheme procedures a single Go function runs
// (a group of procedures that tail-call each other): its name and where
// its definition starts.
type GroupMember struct {
	Name string
	File string
	Line int32
}

// NameProcs records the Scheme names of compiled procedures, given as
// pairs (Go function, Scheme name); for a Go function that runs several
// procedures, the name is a []GroupMember in source order, and a frame
// is named after the member whose definition is the last to start before
// the frame's position.
func NameProcs(pairs ...any) {
	for i := 0; i+1 < len(pairs); i += 2 {
		fn := runtime.FuncForPC(reflect.ValueOf(pairs[i]).Pointer())
		if fn == nil {
			continue
		}
		switch name := pairs[i+1].(type) {
		case string:
			if name != "" {
				procNames.Store(fn.Name(), name)
			}
		case []GroupMember:
			if len(name) > 0 {
				procNames.Store(fn.Name(), name)
			}
		}
	}
}

// maxTraceFrames bounds the Go frames a backtrace looks at.
const maxTraceFrames = 512

// captureTrace returns the Scheme frames on the calling goroutine's stack,
// innermost first, skipping skip frames (as runtime.Callers counts).
func captureTrace(skip int) []Frame {
	pcs := make([]uintptr, maxTraceFrames)
	n := runtime.Callers(skip+1, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	var out []Frame
	for {
		f, more := frames.Next()
		// Go's main and init of the generated file come after the last
		// //line directive, so they would look like Scheme: skip them.
		if strings.HasSuffix(f.File, ".scm") && f.Function != "main.main" && !strings.HasSuffix(f.Function, ".init") && !strings.Contains(f.Function, ".init.") {
			pos := Pos{File: f.File, Line: int32(f.Line)}
			out = append(out, Frame{Name: schemeName(f.Function, pos), Pos: pos})
		}
		if !more {
			break
		}
	}
	return out
}

// schemeName maps a Go function name from the stack, at pos, to what the
// Scheme programmer wrote.
func schemeName(goName string, pos Pos) string {
	if v, ok := procNames.Load(goName); ok {
		if members, ok := v.([]GroupMember); ok {
			name := members[0].Name
			for _, m := range members {
				if m.File == pos.File && m.Line <= pos.Line {
					name = m.Name
				}
			}
			return name
		}
		return v.(string)
	}
	if i := strings.LastIndex(goName, ".func"); i > 0 {
		outer := schemeName(goName[:i], pos)
		if outer == "top level" {
			return "lambda"
		}
		return "lambda in " + outer
	}
	local := goName[strings.LastIndex(goName, ".")+1:]
	switch {
	case local == "schemeMain" || local == "Main" || strings.HasPrefix(local, "scm_run"):
		return "top level"
	}
	return local
}

// FormatTrace renders a backtrace, innermost first, with runs of the same
// frame folded.
func FormatTrace(frames []Frame) string {
	if len(frames) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("backtrace (innermost first):\n")
	for i := 0; i < len(frames); {
		j := i + 1
		for j < len(frames) && frames[j] == frames[i] {
			j++
		}
		f := frames[i]
		fmt.Fprintf(&b, "  %s  %s:%d", f.Name, f.Pos.File, f.Pos.Line)
		if j-i > 1 {
			fmt.Fprintf(&b, "  (%d times)", j-i)
		}
		b.WriteByte('\n')
		i = j
	}
	if len(frames) >= maxTraceFrames/2 {
		b.WriteString("  ... (older frames not shown)\n")
	}
	return b.String()
}

// The interpreter's procedures are Go closures, so its backtraces come
// from a shadow record instead: each interpreted activation notes its
// procedure's name and the call site it was called from, indexed by the
// thread's activation depth (Deep/Leave). Entries above the current depth
// are stale and ignored, so escapes need no cleanup; the cost is one store
// per call.

type shadowFrame struct {
	name   string
	caller *Pos // where it was called from (the caller's t.Loc)
}

// EnterFrame records the interpreted activation that Deep just counted.
func (t *Thread) EnterFrame(name string) {
	d := t.depth
	if d >= len(t.shadow) {
		if d > MaxDepth {
			return
		}
		t.shadow = append(t.shadow, make([]shadowFrame, d+1-len(t.shadow)+64)...)
	}
	if t.bouncing {
		// A tail call replaces the activation that made it, which was
		// called from where the replaced one was.
		t.bouncing = false
		t.shadow[d].name = name
		return
	}
	t.shadow[d] = shadowFrame{name: name, caller: t.Loc}
}

// shadowTrace is the interpreter's backtrace at a raise at pos.
func (t *Thread) shadowTrace(pos Pos) []Frame {
	d := t.depth
	if d >= len(t.shadow) {
		d = len(t.shadow) - 1
	}
	var out []Frame
	at := pos
	for ; d >= 1 && len(out) < maxTraceFrames; d-- {
		f := t.shadow[d]
		name := f.name
		if name == "" {
			name = "lambda"
		}
		out = append(out, Frame{Name: name, Pos: Pos{File: at.File, Line: at.Line}})
		if f.caller == nil {
			return out
		}
		at = *f.caller
	}
	if at.IsKnown() {
		out = append(out, Frame{Name: "top level", Pos: Pos{File: at.File, Line: at.Line}})
	}
	return out
}

// trace is the backtrace of a raise at pos: compiled frames from Go's
// stack, else the interpreter's shadow record.
func (t *Thread) trace(pos Pos) []Frame {
	if tr := captureTrace(3); len(tr) > 0 {
		return tr
	}
	if !pos.IsKnown() {
		return nil
	}
	return t.shadowTrace(pos)
}
