package rt

import (
	"encoding/binary"
	"fmt"
	"os"
	"runtime"
	"strings"
	"time"
	"unsafe"
)

// This file holds the procedures of R7RS 6.14 (system interface).

// LoadHook evaluates the Scheme source file filename in env (Default when
// load was called without an environment, meaning the interaction
// environment). The interpreter sets it when it is linked; until then load
// raises "load: no evaluator linked".
var LoadHook func(t *Thread, filename string, env Value) Value

// Args is the command line returned by (command-line). A compiled program's
// main may set it (for example to drop arguments meant for the runtime); it
// defaults to os.Args.
var Args = os.Args

// ExitHooks run, in order, when (exit) is called, before the program's
// thread unwinds: this is where the outstanding dynamic-wind after thunks
// run once dynamic-wind exists. A hook that raises an uncaught error has it
// reported on stderr; exit goes on. emergency-exit skips the hooks.
var ExitHooks []func(t *Thread)

// osExit is os.Exit; tests replace it.
var osExit = os.Exit

// startTime is the epoch of current-jiffy.
var startTime = time.Now()

// Load is (load filename [environment]).
func Load(t *Thread, args []Value) Value {
	const who = "load"
	name := fileNameArg(t, who, args[0])
	env := Default
	if v, ok := optArg(args, 1); ok {
		env = v
	}
	if LoadHook == nil {
		return t.Errorf(who, "no evaluator linked")
	}
	if _, err := os.Stat(name); err != nil {
		return t.Raise(FileError(who, "cannot open "+strconvQuote(name)+": "+osReason(err)).Value())
	}
	LoadHook(t, name, env)
	return Unspecified
}

// FileExistsP is (file-exists? filename).
func FileExistsP(t *Thread, name Value) Value {
	_, err := os.Stat(fileNameArg(t, "file-exists?", name))
	return Bool(err == nil)
}

// DeleteFile is (delete-file filename).
func DeleteFile(t *Thread, name Value) Value {
	const who = "delete-file"
	n := fileNameArg(t, who, name)
	if err := os.Remove(n); err != nil {
		return t.Raise(FileError(who, "cannot delete "+strconvQuote(n)+": "+osReason(err)).Value())
	}
	return Unspecified
}

// CommandLine is (command-line).
func CommandLine(t *Thread) Value {
	vs := make([]Value, len(Args))
	for i, a := range Args {
		vs[i] = Str(a)
	}
	return List(vs...)
}

// exitStatus translates the argument of emergency-exit into a status, as
// Exit does: none, #t or any non-integer is 0, #f is 1, and a fixnum is
// itself (the OS keeps its low byte).
func exitStatus(args []Value) int {
	v, ok := optArg(args, 0)
	if !ok {
		return 0
	}
	switch {
	case v.IsFixnum():
		return int(v.Int())
	case v.IsFalse():
		return 1
	}
	return 0
}

// runExitHooks runs ExitHooks for (exit); Exit in core.go calls it before
// unwinding, then the ports are flushed.
func runExitHooks(t *Thread) {
	hooks := ExitHooks
	for _, h := range hooks {
		runExitHook(t, h)
	}
	FlushAll()
}

func runExitHook(t *Thread, h func(*Thread)) {
	defer func() {
		if r := recover(); r != nil {
			u, ok := r.(*Uncaught)
			if !ok {
				panic(r)
			}
			FlushAll()
			fmt.Fprintln(os.Stderr, "error during exit:", u.Error())
		}
	}()
	h(t)
}

// EmergencyExit is (emergency-exit [obj]). It runs no dynamic-wind after
// thunks or ExitHooks and does not unwind the thread: the process ends at
// once with os.Exit. It does flush the buffered output ports first, so
// output the program already wrote is not lost (a friendlier reading of
// "no cleanup" than POSIX _exit's).
func EmergencyExit(t *Thread, args []Value) Value {
	code := exitStatus(args)
	FlushAll()
	osExit(code)
	return Unspecified // reached only when a test replaces osExit
}

// GetEnvironmentVariable is (get-environment-variable name).
func GetEnvironmentVariable(t *Thread, name Value) Value {
	v, ok := os.LookupEnv(fileNameArg(t, "get-environment-variable", name))
	if !ok {
		return False
	}
	return Str(v)
}

// GetEnvironmentVariables is (get-environment-variables).
func GetEnvironmentVariables(t *Thread) Value {
	env := os.Environ()
	l := Null
	for i := len(env) - 1; i >= 0; i-- {
		k, v, ok := strings.Cut(env[i], "=")
		if !ok || k == "" {
			continue // Windows' "=C:=C:\dir" entries
		}
		l = Cons(Cons(Str(k), Str(v)), l)
	}
	return l
}

// CurrentSecond is (current-second): POSIX time (UTC, no leap seconds) in
// seconds, as a flonum. R7RS asks for TAI but allows UTC plus a constant;
// like most implementations we return UTC so that it agrees with the
// system clock.
func CurrentSecond(t *Thread) Value {
	now := time.Now()
	return Flonum(float64(now.Unix()) + float64(now.Nanosecond())/1e9)
}

// CurrentJiffy is (current-jiffy): nanoseconds since the program started,
// from the monotonic clock.
func CurrentJiffy(t *Thread) Value { return Fixnum(int64(time.Since(startTime))) }

// JiffiesPerSecond is (jiffies-per-second).
func JiffiesPerSecond(t *Thread) Value { return Fixnum(int64(time.Second)) }

// FeatureList returns the feature identifiers cond-expand treats as true,
// the names of (features). Besides the R7RS ones it names the operating
// system and architecture the program was built for (runtime.GOOS and
// GOARCH), in the R7RS appendix B spellings where there are some.
func FeatureList() []string {
	fs := []string{"r7rs", "exact-closed", "ratios", "ieee-float", "full-unicode", "lambdust"}
	switch runtime.GOOS {
	case "windows":
		fs = append(fs, "windows")
	case "plan9", "js", "wasip1":
		fs = append(fs, runtime.GOOS)
	default:
		fs = append(fs, "posix", "unix", runtime.GOOS)
		switch runtime.GOOS {
		case "freebsd", "openbsd", "netbsd", "dragonfly":
			fs = append(fs, "bsd")
		}
	}
	switch runtime.GOARCH {
	case "amd64":
		fs = append(fs, "x86-64")
	case "386":
		fs = append(fs, "i386")
	case "arm64":
		fs = append(fs, "aarch64", "arm64")
	case "ppc64", "ppc64le":
		fs = append(fs, "ppc64", "ppc")
	default:
		fs = append(fs, runtime.GOARCH)
	}
	if unsafe.Sizeof(uintptr(0)) == 8 {
		fs = append(fs, "lp64")
	} else {
		fs = append(fs, "ilp32")
	}
	var probe [2]byte
	binary.NativeEndian.PutUint16(probe[:], 1)
	if probe[0] == 1 {
		fs = append(fs, "little-endian")
	} else {
		fs = append(fs, "big-endian")
	}
	return fs
}

// FeaturesP is (features).
func FeaturesP(t *Thread) Value {
	fs := FeatureList()
	vs := make([]Value, len(fs))
	for i, f := range fs {
		vs[i] = Intern(f)
	}
	return List(vs...)
}

func init() {
	Define("load", 1, 2, Load)
	Define("file-exists?", 1, 1, FileExistsP)
	Define("delete-file", 1, 1, DeleteFile)
	Define("command-line", 0, 0, CommandLine)
	Define("emergency-exit", 0, 1, EmergencyExit)
	Define("get-environment-variable", 1, 1, GetEnvironmentVariable)
	Define("get-environment-variables", 0, 0, GetEnvironmentVariables)
	Define("current-second", 0, 0, CurrentSecond)
	Define("current-jiffy", 0, 0, CurrentJiffy)
	DefinePure("jiffies-per-second", 0, 0, JiffiesPerSecond)
	// Not pure: folding it at compile time would record the compiling
	// machine's features, not the target's.
	Define("features", 0, 0, FeaturesP)
}
