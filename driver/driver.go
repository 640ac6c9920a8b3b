// Package driver runs the toolchain's commands: it joins the front end
// (analyze), the interpreter (interp) and the code generator and build
// driver (codegen). cmd/lambdustc only parses flags into a Config.
package driver

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/lambdust/lambdust/analyze"
	"github.com/lambdust/lambdust/codegen"
	"github.com/lambdust/lambdust/interp"
	"github.com/lambdust/lambdust/rt"
)

// Config is one invocation of a command.
type Config struct {
	File    string // the Scheme program
	Out     string // build: output binary
	EmitGo  string // build: directory to write the generated Go package to
	Package string // gen: Go package name
	Interp  bool   // run: interpret instead of compiling
	Runtime bool   // gen: generate part of package rt (codegen's runtime mode)
	GOOS    string // build: target (default $GOOS, then the host)
	GOARCH  string
	// The pass table's debugging switches (analyze.Passes).
	DumpAfter  string   // print the IR after this pass
	StopAfter  string   // stop after this pass, generating nothing
	TimePasses bool     // print each pass's duration
	Args       []string // run: the program's arguments
	Verbose    bool
	LibPath    []string // directories searched for user libraries (-I), before the program's own
	// Optimisation (analyze.Options): -O level, --unsafe, and -m, which
	// prints the optimiser's decisions on stderr (explain.go).
	Opt     analyze.OptLevel
	Unsafe  bool
	Explain bool

	Stdout, Stderr io.Writer
}

func (c *Config) logf(format string, args ...any) {
	if c.Verbose {
		fmt.Fprintf(c.Stderr, "lambdustc: "+format+"\n", args...)
	}
}

// ExitCompileError is the status for programs that do not compile.
const ExitCompileError = 1

// Frontend reads and analyzes cfg.File.
func Frontend(cfg *Config) (*analyze.Program, error) {
	src, err := os.ReadFile(cfg.File)
	if err != nil {
		return nil, err
	}
	src = blankShebang(src)
	opt := analyze.Options{LibPath: cfg.libPath(), StopAfter: cfg.StopAfter, Opt: cfg.Opt, Unsafe: cfg.Unsafe, Open: cfg.Runtime}
	if cfg.DumpAfter != "" {
		if _, ok := analyze.PassByName(cfg.DumpAfter); !ok {
			return nil, fmt.Errorf("--dump-after: unknown pass %q (passes: %s)", cfg.DumpAfter, strings.Join(analyze.PassNames(), ", "))
		}
		opt.AfterPass = func(pass string, p *analyze.Program) {
			if pass == cfg.DumpAfter {
				fmt.Fprintf(cfg.Stderr, "-- IR after pass %s --\n%s", pass, analyze.Dump(p))
			}
		}
	}
	if cfg.TimePasses {
		opt.Timings = func(pass string, d time.Duration) {
			fmt.Fprintf(cfg.Stderr, "pass %-12s %v\n", pass, d)
		}
	}
	prog, err := analyze.Frontend(cfg.File, string(src), opt)
	if err == nil && cfg.Explain {
		prog.WriteNotes(cfg.Stderr)
	}
	return prog, err
}

// blankShebang blanks a first line like "#!/usr/bin/env -S lambdustc run"
// (but not a #!fold-case directive), so scripts run directly; the line
// stays, empty, so positions do not move.
func blankShebang(src []byte) []byte {
	if len(src) < 3 || src[0] != '#' || src[1] != '!' || (src[2] != '/' && src[2] != ' ') {
		return src
	}
	end := bytes.IndexByte(src, '\n')
	if end < 0 {
		return nil
	}
	return append(make([]byte, 0, len(src)-end), src[end:]...)
}

// stopped reports whether --stop-after ended the pipeline early, so the
// command has nothing more to do.
func (cfg *Config) stopped() bool {
	if cfg.StopAfter != "" {
		cfg.logf("stopped after pass %s", cfg.StopAfter)
		return true
	}
	return false
}

// libPath is the library search path: the -I directories, then the
// program's own directory.
func (c *Config) libPath() []string {
	return append(append([]string(nil), c.LibPath...), filepath.Dir(c.File))
}

// Compile returns the Go source of cfg.File as package pkg.
func Compile(cfg *Config, pkg string) ([]byte, error) {
	prog, err := Frontend(cfg)
	if err != nil || cfg.StopAfter != "" {
		return nil, err
	}
	return codegen.Generate(prog, codegen.Options{Package: pkg, Runtime: cfg.Runtime})
}

// Gen is `lambdustc gen`: it writes cfg.File as a Go file of package
// cfg.Package, whose function Main(t *rt.Thread) runs the program's top
// level and whose known procedures are Go functions of the package.
func Gen(cfg Config) int {
	src, err := Compile(&cfg, cfg.Package)
	if err != nil {
		return report(&cfg, err)
	}
	if err := os.WriteFile(cfg.Out, src, 0o644); err != nil {
		return report(&cfg, err)
	}
	return 0
}

// report prints a front-end or build error and returns the exit status.
func report(cfg *Config, err error) int {
	fmt.Fprintln(cfg.Stderr, formatError(err))
	return ExitCompileError
}

// Build is `lambdustc build`.
func Build(cfg Config) int {
	src, err := Compile(&cfg, "main")
	if err != nil {
		return report(&cfg, err)
	}
	if cfg.stopped() {
		return 0
	}
	if cfg.EmitGo != "" {
		if err := codegen.WriteModule(cfg.EmitGo, map[string][]byte{"main.go": src}); err != nil {
			return report(&cfg, err)
		}
		cfg.logf("wrote %s", filepath.Join(cfg.EmitGo, "main.go"))
	}
	bin, err := cfg.cachedBinary(src)
	if err != nil {
		return report(&cfg, err)
	}
	if err := codegen.CopyFile(bin, cfg.Out); err != nil {
		return report(&cfg, err)
	}
	cfg.logf("built %s", cfg.Out)
	return 0
}

// cachedBinary returns the cached binary of the generated program src,
// building it when the cache does not have it.
func (cfg *Config) cachedBinary(src []byte) (string, error) {
	start := time.Now()
	bin, hit, err := codegen.CachedBuild(src, codegen.BuildOptions{GOOS: cfg.GOOS, GOARCH: cfg.GOARCH, Verbose: cfg.logf})
	if err == nil && !hit {
		cfg.logf("go build took %v", time.Since(start).Round(time.Millisecond))
	}
	return bin, err
}

// Clean is `lambdustc clean`: it empties the build cache.
func Clean(cfg Config) int {
	dir, n, err := codegen.CleanCache()
	if err != nil {
		return report(&cfg, err)
	}
	fmt.Fprintf(cfg.Stdout, "removed %s (%.1f MB)\n", dir, float64(n)/1e6)
	return 0
}

// Run is `lambdustc run`.
func Run(cfg Config) int {
	if cfg.Interp {
		prog, err := Frontend(&cfg)
		if err != nil {
			return report(&cfg, err)
		}
		if cfg.stopped() {
			return 0
		}
		rt.Args = append([]string{cfg.File}, cfg.Args...)
		return rt.RunMain(func(t *rt.Thread) {
			interp.Compile(prog, interp.NewGlobals()).Run(t)
		})
	}
	src, err := Compile(&cfg, "main")
	if err != nil {
		return report(&cfg, err)
	}
	if cfg.stopped() {
		return 0
	}
	bin, err := cfg.cachedBinary(src)
	if err != nil {
		return report(&cfg, err)
	}
	cmd := exec.Command(bin, cfg.Args...)
	cmd.Args[0] = cfg.File // command-line's first element is the program
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, cfg.Stdout, cfg.Stderr
	if err := cmd.Run(); err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return ee.ExitCode()
		}
		return report(&cfg, err)
	}
	return 0
}
