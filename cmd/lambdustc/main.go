// Command lambdustc compiles R7RS Scheme to native binaries through Go, and
// runs Scheme programs compiled or interpreted.
//
// main only turns the command line into a driver.Config and calls the
// driver; the work happens in package driver.
package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/lambdust/lambdust"
	"github.com/lambdust/lambdust/analyze"
	"github.com/lambdust/lambdust/driver"
)

const usage = `lambdustc compiles R7RS Scheme to static native binaries through Go,
and runs Scheme programs compiled or interpreted.

Usage:
  lambdustc build FILE.scm [-o OUT] [--emit-go DIR]   compile to a native binary
  lambdustc run FILE.scm [ARGS...]                     compile, then run
  lambdustc run --interp FILE.scm [ARGS...]            interpret
  lambdustc gen FILE.scm -o OUT.go [--package NAME]    emit a Go package (for go generate)
  lambdustc explain FILE.scm                           print the optimiser's decisions (build -m too)
  lambdustc repl [-I DIR]                              interactive session (interpreter)
  lambdustc bench FILE.scm...                          time programs compiled and interpreted
  lambdustc clean                                      empty the build cache
  lambdustc version                                    print the version

Examples:
  lambdustc run examples/fib.scm
  lambdustc run --interp examples/fib.scm
  lambdustc build examples/fib.scm -o fib && ./fib
  lambdustc build examples/fib.scm --emit-go out/    # keep the generated Go
  //go:generate lambdustc gen fib.scm -o fib.go         # in a Go package
  lambdustc build --goos=windows --goarch=arm64 prog.scm  # cross-compile
  lambdustc run -I lib/ prog.scm                        # libraries in lib/foo/bar.sld
  lambdustc bench --runs 3 --compare chez benchmarks/*.scm  # timings vs Chez Scheme
  lambdustc build --dump-after=tailcalls prog.scm       # inspect the IR

Builds are cached under the user cache directory: building or running an
unchanged program again does not run go build.

Environment:
  LAMBDUST_CACHE      the build cache directory (default: the user cache directory)
  LAMBDUST_STACK_MB   stack a running program may use before "recursion too deep"
                      (default 1024)
  LAMBDUST_CPUPROFILE write a running program's CPU profile (pprof) to this file
  GOGC                a running program's Go GC target (default 400, see rt/gc.go)
  GOOS, GOARCH        the target, as for go build

Run 'lambdustc COMMAND --help' for the flags of a command.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch cmd := args[0]; cmd {
	case "-h", "--help", "help":
		fmt.Fprint(stdout, usage)
		return 0
	case "version", "--version":
		fmt.Fprintf(stdout, "lambdustc %s\n", lambdust.Version)
		return 0
	case "build":
		return build(args[1:], stdout, stderr)
	case "run":
		return runCmd(args[1:], stdout, stderr)
	case "gen":
		return gen(args[1:], stdout, stderr)
	case "explain":
		return explain(args[1:], stdout, stderr)
	case "repl":
		return replCmd(args[1:], stdout, stderr)
	case "bench":
		return benchCmd(args[1:], stdout, stderr)
	case "clean":
		if len(args) > 1 {
			fmt.Fprintln(stderr, "usage: lambdustc clean")
			return 2
		}
		return driver.Clean(driver.Config{Stdout: stdout, Stderr: stderr})
	default:
		fmt.Fprintf(stderr, "lambdustc: unknown command %q\n\n%s", cmd, usage)
		return 2
	}
}

// frontendFlags are the flags of every command that compiles a program.
func frontendFlags(fs *pflag.FlagSet, cfg *driver.Config) {
	fs.BoolVarP(&cfg.Verbose, "verbose", "v", false, "print what the build does (cache hits, go build time)")
	fs.StringArrayVarP(&cfg.LibPath, "include", "I", nil, "search `DIR` for libraries (foo bar) as DIR/foo/bar.sld")
	fs.StringVar(&cfg.DumpAfter, "dump-after", "", "print the IR after `PASS` ("+strings.Join(analyze.PassNames(), ", ")+")")
	fs.StringVar(&cfg.StopAfter, "stop-after", "", "stop after `PASS`, generating and running nothing")
	fs.BoolVar(&cfg.TimePasses, "time-passes", false, "print how long each pass takes")
	optFlags(fs, cfg)
}

func newFlags(name, synopsis string, stderr io.Writer) *pflag.FlagSet {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: %s\n\nFlags:\n%s", synopsis, fs.FlagUsages())
	}
	return fs
}

func build(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("build", "lambdustc build FILE.scm [-o OUT] [--emit-go DIR]", stderr)
	var cfg driver.Config
	fs.StringVarP(&cfg.Out, "output", "o", "", "output binary (default: FILE without .scm)")
	fs.StringVar(&cfg.EmitGo, "emit-go", "", "also write the generated Go package to `DIR`")
	fs.BoolVarP(&cfg.Explain, "explain", "m", false, "print the optimiser's decisions on stderr, as lambdustc explain")
	frontendFlags(fs, &cfg)
	fs.StringVar(&cfg.GOOS, "goos", "", "target operating system (default $GOOS, then this machine's)")
	fs.StringVar(&cfg.GOARCH, "goarch", "", "target architecture (default $GOARCH, then this machine's)")
	if err := fs.Parse(args); err != nil {
		return flagErr(err, stderr)
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	cfg.File = fs.Arg(0)
	if cfg.Out == "" {
		cfg.Out = strings.TrimSuffix(cfg.File, ".scm")
		if cfg.Out == cfg.File {
			cfg.Out += ".out"
		}
	}
	cfg.Stderr = stderr
	return driver.Build(cfg)
}

func runCmd(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("run", "lambdustc run [--interp] FILE.scm [ARGS...]", stderr)
	var cfg driver.Config
	fs.BoolVar(&cfg.Interp, "interp", false, "interpret instead of compiling")
	frontendFlags(fs, &cfg)
	fs.SetInterspersed(false) // flags after FILE belong to the program
	if err := fs.Parse(args); err != nil {
		return flagErr(err, stderr)
	}
	if fs.NArg() < 1 {
		fs.Usage()
		return 2
	}
	cfg.File = fs.Arg(0)
	cfg.Args = fs.Args()[1:]
	cfg.Stdout, cfg.Stderr = stdout, stderr
	return driver.Run(cfg)
}

// flagErr reports a flag parsing error (pflag prints nothing itself with
// ContinueOnError) and returns the exit status: 0 for --help, else 2.
func flagErr(err error, stderr io.Writer) int {
	if err == pflag.ErrHelp {
		return 0
	}
	fmt.Fprintf(stderr, "lambdustc: %v (see lambdustc help)\n", err)
	return 2
}

func gen(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("gen", "lambdustc gen FILE.scm -o OUT.go [--package NAME]", stderr)
	var cfg driver.Config
	fs.StringVarP(&cfg.Out, "output", "o", "", "the Go file to write (required)")
	fs.StringVar(&cfg.Package, "package", "", "Go package name (default: $GOPACKAGE)")
	fs.BoolVar(&cfg.Runtime, "runtime", false, "generate part of the runtime package rt from define-library forms (rt's go:generate)")
	if err := fs.Parse(args); err != nil {
		return flagErr(err, stderr)
	}
	if fs.NArg() != 1 || cfg.Out == "" {
		fs.Usage()
		return 2
	}
	cfg.File = fs.Arg(0)
	if cfg.Runtime {
		cfg.Package = "rt"
	}
	if cfg.Package == "" {
		cfg.Package = os.Getenv("GOPACKAGE")
	}
	if cfg.Package == "" {
		fmt.Fprintln(stderr, "lambdustc gen: no package name: pass --package or run under go generate")
		return 2
	}
	cfg.Stderr = stderr
	return driver.Gen(cfg)
}

func benchCmd(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("bench", "lambdustc bench [--runs N] [--compare SYSTEMS] FILE.scm...", stderr)
	var cfg driver.BenchConfig
	fs.IntVar(&cfg.Runs, "runs", 5, "timed runs of each program in each mode")
	fs.IntVar(&cfg.Warmup, "warmup", 1, "untimed runs before the timed ones")
	fs.BoolVar(&cfg.NoInterp, "no-interp", false, "do not run the interpreter")
	fs.DurationVar(&cfg.Timeout, "timeout", 2*time.Minute, "time limit of one run (a mode that exceeds it is not run again)")
	fs.StringSliceVar(&cfg.Compare, "compare", nil, "also run under these `SYSTEMS` when installed ("+strings.Join(driver.CompareSystemNames(), ",")+")")
	fs.BoolVar(&cfg.JSON, "json", false, "print the results as JSON")
	fs.StringArrayVarP(&cfg.LibPath, "include", "I", nil, "search `DIR` for libraries (foo bar) as DIR/foo/bar.sld")
	var opt driver.Config
	optFlags(fs, &opt) // -O and --unsafe of the compiled programs
	if err := fs.Parse(args); err != nil {
		return flagErr(err, stderr)
	}
	cfg.Opt, cfg.Unsafe = opt.Opt, opt.Unsafe
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	exe, err := os.Executable()
	if err != nil {
		fmt.Fprintf(stderr, "lambdustc bench: %v\n", err)
		return 1
	}
	cfg.Files = fs.Args()
	cfg.Interpreter = []string{exe, "run", "--interp"}
	for _, dir := range cfg.LibPath {
		cfg.Interpreter = append(cfg.Interpreter, "-I", dir)
	}
	cfg.Stdout, cfg.Stderr = stdout, stderr
	return driver.Bench(cfg)
}
