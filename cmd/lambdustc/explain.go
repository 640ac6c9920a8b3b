package main

import (
	"fmt"
	"io"
	"strconv"

	"github.com/spf13/pflag"

	"github.com/lambdust/lambdust/analyze"
	"github.com/lambdust/lambdust/driver"
)

// explain is `lambdustc explain FILE.scm`.
func explain(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("explain", "lambdustc explain FILE.scm   print the optimiser's decisions", stderr)
	var cfg driver.Config
	fs.StringArrayVarP(&cfg.LibPath, "include", "I", nil, "search `DIR` for libraries (foo bar) as DIR/foo/bar.sld")
	optFlags(fs, &cfg)
	if err := fs.Parse(args); err != nil {
		return flagErr(err, stderr)
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	cfg.File = fs.Arg(0)
	cfg.Stdout, cfg.Stderr = stdout, stderr
	return driver.Explain(cfg)
}

// optFlags are the optimisation flags of the commands that compile.
func optFlags(fs *pflag.FlagSet, cfg *driver.Config) {
	fs.VarP((*optLevel)(&cfg.Opt), "opt", "O", "optimisation `LEVEL` 0-3: -O0 runs no optimisation pass, -O1 folds constants, inlines #:inline procedures gives procedures on fixnums and flonums unboxed entries and inlines record procedures, -O2 also inlines small procedures and drops overflow checks its range analysis proves needless, -O3 inlines larger procedures")
	fs.Lookup("opt").DefValue = "2"
	fs.BoolVar(&cfg.Unsafe, "unsafe", false, "as (declare (unsafe)): compiled code drops the type checks of car, cdr, vector-ref, vector-set!, string-ref ... and the stack alarm (wrong types are then undefined behaviour)")
}

// optLevel is analyze.OptLevel as a flag value.
type optLevel analyze.OptLevel

func (l *optLevel) String() string { return strconv.Itoa(analyze.OptLevel(*l).Level()) }
func (l *optLevel) Type() string   { return "int" }
func (l *optLevel) Set(s string) error {
	n, err := strconv.Atoi(s)
	if err != nil {
		return fmt.Errorf("want 0, 1, 2 or 3")
	}
	lv, err := analyze.MakeOptLevel(n)
	*l = optLevel(lv)
	return err
}
