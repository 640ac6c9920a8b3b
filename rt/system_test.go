package rt

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestCommandLine(t *testing.T) {
	old := Args
	defer func() { Args = old }()
	Args = []string{"prog", "-x", "file name"}
	if got := WriteString(CommandLine(NewThread())); got != `("prog" "-x" "file name")` {
		t.Fatalf("command-line: %s", got)
	}
	Args = nil
	if !CommandLine(NewThread()).IsNull() {
		t.Fatal("empty command line")
	}
}

func TestEnvironmentVariables(t *testing.T) {
	th := NewThread()
	t.Setenv("LAMBDUST_TEST_VAR", "some=value")
	if v := GetEnvironmentVariable(th, Str("LAMBDUST_TEST_VAR")); !v.IsString() || v.Str().String() != "some=value" {
		t.Fatalf("get-environment-variable: %s", WriteString(v))
	}
	os.Unsetenv("LAMBDUST_TEST_VAR_MISSING")
	if v := GetEnvironmentVariable(th, Str("LAMBDUST_TEST_VAR_MISSING")); !v.IsFalse() {
		t.Fatal("missing variable not #f")
	}
	found := false
	for l := GetEnvironmentVariables(th); l.IsPair(); l = l.Pair().Cdr {
		e := l.Pair().Car
		if !e.IsPair() || !e.Pair().Car.IsString() || !e.Pair().Cdr.IsString() {
			t.Fatalf("bad entry %s", WriteString(e))
		}
		if e.Pair().Car.Str().String() == "LAMBDUST_TEST_VAR" {
			found = e.Pair().Cdr.Str().String() == "some=value"
		}
	}
	if !found {
		t.Fatal("get-environment-variables lacks the variable")
	}
	ioMustRaise(t, ErrGeneral, func() { GetEnvironmentVariable(th, Intern("PATH")) }, "get-environment-variable")
}

func TestTime(t *testing.T) {
	th := NewThread()
	s := CurrentSecond(th)
	if !s.IsFlonum() || s.Float()-float64(time.Now().Unix()) > 2 || float64(time.Now().Unix())-s.Float() > 2 {
		t.Fatalf("current-second: %s", WriteString(s))
	}
	j1 := CurrentJiffy(th)
	time.Sleep(2 * time.Millisecond)
	j2 := CurrentJiffy(th)
	if !j1.IsFixnum() || !j2.IsFixnum() || j2.Int()-j1.Int() < 2_000_000 {
		t.Fatalf("current-jiffy: %d then %d", j1.Int(), j2.Int())
	}
	if JiffiesPerSecond(th).Int() != 1_000_000_000 {
		t.Fatal("jiffies-per-second")
	}
}

func TestFeatures(t *testing.T) {
	fs := WriteString(FeaturesP(NewThread()))
	for _, want := range []string{"r7rs", "exact-closed", "ratios", "full-unicode", "lambdust"} {
		if !strings.Contains(fs, " "+want+" ") && !strings.HasPrefix(fs, "("+want+" ") {
			t.Errorf("features %s lacks %s", fs, want)
		}
	}
	if strings.Contains(fs, "exact-complex") {
		t.Errorf("features claims exact-complex: %s", fs)
	}
	if runtime.GOOS == "linux" && !strings.Contains(fs, " linux ") {
		t.Errorf("features lacks linux: %s", fs)
	}
	if runtime.GOARCH == "amd64" && !strings.Contains(fs, " x86-64 ") {
		t.Errorf("features lacks x86-64: %s", fs)
	}
	if !strings.Contains(fs, "little-endian") && !strings.Contains(fs, "big-endian") {
		t.Errorf("features lacks endianness: %s", fs)
	}
}

func TestLoad(t *testing.T) {
	th := NewThread()
	dir := t.TempDir()
	name := filepath.Join(dir, "x.scm")
	os.WriteFile(name, []byte("(display 1)"), 0o644)
	old := LoadHook
	defer func() { LoadHook = old }()
	LoadHook = nil
	ioMustRaise(t, ErrGeneral, func() { Load(th, []Value{Str(name)}) }, "load: no evaluator linked")
	var gotName string
	var gotEnv Value
	LoadHook = func(t *Thread, filename string, env Value) Value {
		gotName, gotEnv = filename, env
		return Fixnum(1)
	}
	if r := Load(th, []Value{Str(name)}); !r.IsUnspec() || gotName != name || !gotEnv.IsDefault() {
		t.Fatal("load without environment")
	}
	Load(th, []Value{Str(name), Intern("env")})
	if WriteString(gotEnv) != "env" {
		t.Fatal("load with environment")
	}
	ioMustRaise(t, ErrFile, func() { Load(th, []Value{Str(filepath.Join(dir, "nope.scm"))}) }, "load", "nope.scm")
	ioMustRaise(t, ErrGeneral, func() { Load(th, []Value{Fixnum(1)}) }, "load", "string")
}

func TestExitRunsHooksAndFlushes(t *testing.T) {
	var sb strings.Builder
	p := NewOutputPort("sb", &sb)
	defer p.Close()
	p.WriteString("pending")
	oldHooks := ExitHooks
	defer func() { ExitHooks = oldHooks }()
	var order []string
	ExitHooks = []func(*Thread){
		func(*Thread) { order = append(order, "first") },
		func(t *Thread) { t.Errorf("hook", "ignored failure") },
		func(*Thread) { order = append(order, "second") },
	}
	// Silence the report of the failing hook.
	oldStderr := os.Stderr
	devnull, _ := os.Open(os.DevNull)
	os.Stderr = devnull
	var req *ExitRequest
	func() {
		defer func() { req, _ = recover().(*ExitRequest) }()
		Exit(NewThread(), []Value{Fixnum(3)})
	}()
	os.Stderr = oldStderr
	devnull.Close()
	if req == nil || req.Code != 3 {
		t.Fatalf("exit request %v", req)
	}
	if strings.Join(order, ",") != "first,second" {
		t.Fatalf("hooks ran: %v", order)
	}
	if sb.String() != "pending" {
		t.Fatalf("exit did not flush: %q", sb.String())
	}
}

func TestEmergencyExit(t *testing.T) {
	var sb strings.Builder
	p := NewOutputPort("sb", &sb)
	defer p.Close()
	p.WriteString("pending")
	oldExit, oldHooks := osExit, ExitHooks
	defer func() { osExit, ExitHooks = oldExit, oldHooks }()
	hookRan := false
	ExitHooks = []func(*Thread){func(*Thread) { hookRan = true }}
	codes := []int{}
	osExit = func(code int) { codes = append(codes, code) }
	th := NewThread()
	EmergencyExit(th, nil)
	EmergencyExit(th, []Value{True})
	EmergencyExit(th, []Value{False})
	EmergencyExit(th, []Value{Fixnum(4)})
	if len(codes) != 4 || codes[0] != 0 || codes[1] != 0 || codes[2] != 1 || codes[3] != 4 {
		t.Fatalf("codes %v", codes)
	}
	if hookRan {
		t.Fatal("emergency-exit ran exit hooks")
	}
	if sb.String() != "pending" {
		t.Fatal("emergency-exit did not flush")
	}
}

func TestRegisteredNames(t *testing.T) {
	names := []string{
		"port?", "input-port?", "output-port?", "textual-port?", "binary-port?",
		"input-port-open?", "output-port-open?", "close-port", "close-input-port", "close-output-port",
		"open-input-string", "open-output-string", "get-output-string",
		"open-input-bytevector", "open-output-bytevector", "get-output-bytevector",
		"open-input-file", "open-output-file", "open-binary-input-file", "open-binary-output-file",
		"call-with-port", "call-with-input-file", "call-with-output-file",
		"with-input-from-file", "with-output-to-file",
		"current-input-port", "current-output-port", "current-error-port",
		"read", "read-char", "peek-char", "read-line", "char-ready?", "read-string",
		"read-u8", "peek-u8", "u8-ready?", "read-bytevector", "read-bytevector!",
		"eof-object", "eof-object?",
		"write", "write-shared", "write-simple", "display", "write-char", "write-string",
		"write-u8", "write-bytevector", "newline", "flush-output-port",
		"read-error?", "file-error?",
		"load", "file-exists?", "delete-file", "command-line", "exit", "emergency-exit",
		"get-environment-variable", "get-environment-variables",
		"current-second", "current-jiffy", "jiffies-per-second", "features",
	}
	for _, n := range names {
		p := LookupPrim(n)
		if p == nil {
			t.Errorf("%s not registered", n)
			continue
		}
		if p.GoName() == "" {
			t.Errorf("%s: not a named Go function", n)
		}
	}
}
