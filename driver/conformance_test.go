package driver

import (
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/lambdust/lambdust/analyze"
	"github.com/lambdust/lambdust/codegen"
	"github.com/lambdust/lambdust/interp"
	"github.com/lambdust/lambdust/rt"
)

// The conformance harness runs every program in testdata/run both
// interpreted and compiled and checks each against the expectations written
// in the program itself, as trailing comments:
//
//	;; expect-stdout:
//	;; line one
//	;; line two
//	;; expect-error: file.scm:3:7: car: expected pair, got 5
//	;; expect-exit: 3
//
// expect-error names the line printed on stderr (the exit status is then
// 70 unless expect-exit says otherwise). All compiled programs are built
// into one binary with a single go build (CI has two cores), which runs the
// program named by its first argument.

var runDir = flag.String("rundir", "../testdata/run", "directory of conformance programs")

// interpEnv makes the test binary act as the interpreter for one program
// (so each interpreted run has its own process, like a compiled one).
const interpEnv = "LAMBDUST_TEST_INTERP"

// interpOptEnv, when set to n, makes that interpretation run at -On.
const interpOptEnv = "LAMBDUST_TEST_INTERP_OPT"

func TestMain(m *testing.M) {
	if file := os.Getenv(interpEnv); file != "" {
		src, err := os.ReadFile(file)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		opt := analyze.Options{Verify: true, LibPath: []string{filepath.Dir(file)}}
		if n, err := strconv.Atoi(os.Getenv(interpOptEnv)); err == nil {
			opt.Opt, _ = analyze.MakeOptLevel(n)
		}
		prog, err := analyze.Frontend(filepath.Base(file), string(src), opt)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(ExitCompileError)
		}
		os.Exit(rt.RunMain(func(t *rt.Thread) { interp.Compile(prog, interp.NewGlobals()).Run(t) }))
	}
	os.Exit(m.Run())
}

// errMatches reports whether an error line is the expected one; an
// expectation ending in "..." matches any line with that prefix.
func errMatches(line, want string) bool {
	if p, ok := strings.CutSuffix(want, "..."); ok {
		return strings.HasPrefix(line, p)
	}
	return line == want
}

type expectation struct {
	stdout string
	stderr string // expected last line of stderr, or ""
	exit   int
}

func parseExpect(src string) (expectation, bool) {
	var e expectation
	found := false
	inStdout := false
	var out []string
	for _, line := range strings.Split(src, "\n") {
		line = strings.TrimRight(line, "\r")
		switch {
		case line == ";; expect-stdout:":
			inStdout, found = true, true
		case strings.HasPrefix(line, ";; expect-error: "):
			e.stderr = strings.TrimPrefix(line, ";; expect-error: ")
			if e.exit == 0 {
				e.exit = rt.ExitUncaught
			}
			inStdout, found = false, true
		case strings.HasPrefix(line, ";; expect-exit: "):
			fmt.Sscan(strings.TrimPrefix(line, ";; expect-exit: "), &e.exit)
			inStdout, found = false, true
		case inStdout && (line == ";;" || strings.HasPrefix(line, ";; ")):
			out = append(out, strings.TrimPrefix(strings.TrimPrefix(line, ";;"), " "))
		default:
			inStdout = false
		}
	}
	if len(out) > 0 {
		e.stdout = strings.Join(out, "\n") + "\n"
	}
	return e, found
}

type runCase struct {
	name   string // file base name without .scm
	path   string
	src    string
	expect expectation
}

func loadCases(t *testing.T) []runCase {
	files, err := filepath.Glob(filepath.Join(*runDir, "*.scm"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no conformance programs in %s (%v)", *runDir, err)
	}
	// The examples users are pointed at are checked the same way.
	examples, _ := filepath.Glob("../examples/*.scm")
	files = append(files, examples...)
	sort.Strings(files)
	var cases []runCase
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		e, ok := parseExpect(string(src))
		if !ok {
			t.Errorf("%s: no expectations (;; expect-stdout: / ;; expect-error:)", f)
			continue
		}
		name := strings.TrimSuffix(filepath.Base(f), ".scm")
		for _, c := range cases {
			if c.name == name {
				t.Fatalf("two conformance programs are named %s: %s and %s", name, c.path, f)
			}
		}
		cases = append(cases, runCase{name: name, path: f, src: string(src), expect: e})
	}
	return cases
}

func check(t *testing.T, mode string, c runCase, stdout, stderr []byte, exit int) {
	t.Helper()
	if got := string(stdout); got != c.expect.stdout {
		t.Errorf("%s %s: stdout:\n%s\nwant:\n%s", mode, c.name, got, c.expect.stdout)
	}
	if exit != c.expect.exit {
		t.Errorf("%s %s: exit status %d, want %d (stderr: %s)", mode, c.name, exit, c.expect.exit, stderr)
	}
	errText := strings.TrimSpace(string(stderr))
	if c.expect.stderr == "" {
		if errText != "" {
			t.Errorf("%s %s: unexpected stderr: %s", mode, c.name, errText)
		}
	} else {
		lines := strings.Split(errText, "\n")
		if !errMatches(lines[0], c.expect.stderr) {
			t.Errorf("%s %s: stderr:\n%s\nwant first line:\n%s", mode, c.name, errText, c.expect.stderr)
		}
	}
	if strings.Contains(string(stderr), "goroutine ") || strings.Contains(string(stderr), ".go:") {
		t.Errorf("%s %s: a Go stack trace or Go file name reached the user:\n%s", mode, c.name, stderr)
	}
}

func runProcess(cmd *exec.Cmd) (stdout, stderr []byte, exit int, err error) {
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err = cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		return o.Bytes(), e.Bytes(), ee.ExitCode(), nil
	}
	return o.Bytes(), e.Bytes(), 0, err
}

func TestInterpreted(t *testing.T) {
	for _, c := range loadCases(t) {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			stdout, stderr, exit := interpret(t, c.path)
			check(t, "interpreted", c, stdout, stderr, exit)
		})
	}
}

// interpret runs the program at path with the interpreter, in a child
// process (this test binary, see TestMain).
func interpret(t *testing.T, path string) (stdout, stderr []byte, exit int) {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(self)
	cmd.Env = append(os.Environ(), interpEnv+"="+path)
	stdout, stderr, exit, err = runProcess(cmd)
	if err != nil {
		t.Fatal(err)
	}
	return stdout, stderr, exit
}

// generate emits a program as package pkg, checking that two emissions are
// byte-identical.
// A program that does not compile returns its compile error instead.
func generate(t *testing.T, c runCase, pkg string) ([]byte, error) {
	t.Helper()
	var outs [2][]byte
	for i := range outs {
		prog, err := analyze.Frontend(c.name+".scm", c.src, analyze.Options{Verify: true, LibPath: []string{filepath.Dir(c.path)}})
		if err != nil {
			return nil, err
		}
		out, err := codegen.Generate(prog, codegen.Options{Package: pkg, Entry: "Main"})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		outs[i] = out
	}
	if !bytes.Equal(outs[0], outs[1]) {
		t.Errorf("%s: two emissions differ", c.name)
	}
	return outs[0], nil
}

func TestCompiled(t *testing.T) {
	if testing.Short() {
		t.Skip("builds Go code")
	}
	bin, built := buildBatch(t, loadCases(t))
	for _, c := range built {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			stdout, stderr, exit, err := runProcess(exec.Command(bin, c.name))
			if err != nil {
				t.Fatal(err)
			}
			check(t, "compiled", c, stdout, stderr, exit)
		})
	}
}

// buildBatch compiles every case into one binary (one go build for all:
// CI has two cores) that runs the program named by its first argument,
// checks the emitted Go is gofmt- and vet-clean, and returns the binary and
// the cases that compiled. A case may fail to compile only if it expects
// that compile error.
func buildBatch(t *testing.T, cases []runCase) (string, []runCase) {
	t.Helper()
	dir := t.TempDir()
	files := map[string][]byte{}
	var sw strings.Builder
	var imports strings.Builder
	var built []runCase
	for i, c := range cases {
		pkg := fmt.Sprintf("p%03d", i) // zero-padded: gofmt sorts the imports by path
		src, err := generate(t, c, pkg)
		if err != nil {
			// A compile error is the expected outcome only when the
			// program says so, with the same last line as interpreted.
			lines := strings.Split(strings.TrimSpace(err.Error()), "\n")
			if c.expect.exit != ExitCompileError || !errMatches(lines[0], c.expect.stderr) {
				t.Errorf("%s: does not compile: %v", c.name, err)
			}
			continue
		}
		built = append(built, c)
		files[pkg+"/"+pkg+".go"] = src
		fmt.Fprintf(&imports, "\t%s \"lambdustprog/%s\"\n", pkg, pkg)
		fmt.Fprintf(&sw, "\tcase %q:\n\t\trt.Main(%s.Main)\n", c.name, pkg)
	}
	mainSrc, err := format.Source([]byte(fmt.Sprintf(`package main

import (
	"os"

	"github.com/lambdust/lambdust/rt"
%s)

func main() {
	switch os.Args[1] {
%s	}
	os.Exit(2)
}
`, imports.String(), sw.String())))
	if err != nil {
		t.Fatal(err)
	}
	files["main.go"] = mainSrc
	if err := codegen.WriteModule(dir, files); err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, "progs")
	if err := codegen.GoBuild(dir, codegen.BuildOptions{Out: bin}); err != nil {
		t.Fatal(err)
	}
	// The emitted Go must be gofmt- and vet-clean.
	if out, err := exec.Command("gofmt", "-l", dir).CombinedOutput(); err != nil || len(bytes.TrimSpace(out)) > 0 {
		t.Errorf("gofmt -l reports: %s %v", out, err)
	}
	vet := exec.Command("go", "vet", "./...")
	vet.Dir = dir
	vet.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
	if out, err := vet.CombinedOutput(); err != nil {
		t.Errorf("go vet of the generated code: %v\n%s", err, out)
	}
	return bin, built
}
