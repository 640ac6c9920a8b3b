// Package driver runs the toolchain's commands: it joins the front end
// (analyze), the interpreter (interp) and the code generator and build
// driver (codegen). cmd/lambdustc only parses flags into a Config.
package driver

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/lambdust/lambdust/analyze"
	"github.com/lambdust/lambdust/codegen"
	"github.com/lambdust/lambdust/interp"
	"github.com/lambdust/lambdust/rt"
)

// Config is one invocation of a command.
type Config struct {
	File    string   // the Scheme program
	Out     string   // build: output binary
	EmitGo  string   // build: directory to write the generated Go package to
	Package string   // gen: Go package name
	Interp  bool     // run: interpret instead of compiling
	Runtime bool     // gen: generate part of package rt (codegen's runtime mode)
	Args    []string // run: the program's arguments
	Verbose bool
	LibPath []string // directories searched for user libraries (-I), before the program's own

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
	return analyze.Frontend(cfg.File, string(src), analyze.Options{LibPath: cfg.libPath()})
}

// libPath is the library search path: the -I directories, then the
// program's own directory.
func (c *Config) libPath() []string {
	return append(append([]string(nil), c.LibPath...), filepath.Dir(c.File))
}

// Compile returns the Go source of cfg.File as package pkg.
func Compile(cfg *Config, pkg string) ([]byte, error) {
	prog, err := Frontend(cfg)
	if err != nil {
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
	fmt.Fprintln(cfg.Stderr, err)
	return ExitCompileError
}

// Build is `lambdustc build`.
func Build(cfg Config) int {
	src, err := Compile(&cfg, "main")
	if err != nil {
		return report(&cfg, err)
	}
	if cfg.EmitGo != "" {
		if err := codegen.WriteModule(cfg.EmitGo, map[string][]byte{"main.go": src}); err != nil {
			return report(&cfg, err)
		}
		cfg.logf("wrote %s", filepath.Join(cfg.EmitGo, "main.go"))
	}
	if err := codegen.BuildProgram(src, codegen.BuildOptions{Out: cfg.Out, Verbose: cfg.logf}); err != nil {
		return report(&cfg, err)
	}
	cfg.logf("built %s", cfg.Out)
	return 0
}

// Run is `lambdustc run`.
func Run(cfg Config) int {
	if cfg.Interp {
		prog, err := Frontend(&cfg)
		if err != nil {
			return report(&cfg, err)
		}
		rt.Args = append([]string{cfg.File}, cfg.Args...)
		return rt.RunMain(func(t *rt.Thread) {
			interp.Compile(prog, interp.NewGlobals()).Run(t)
		})
	}
	dir, err := os.MkdirTemp("", "lambdust-run-")
	if err != nil {
		return report(&cfg, err)
	}
	defer os.RemoveAll(dir)
	bin := filepath.Join(dir, "prog")
	cfg.Out = bin
	if code := Build(cfg); code != 0 {
		return code
	}
	cmd := exec.Command(bin, cfg.Args...)
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
