package driver

// This file defines `lambdustc bench`: it runs Scheme programs compiled
// and interpreted (and, in bench_compare.go, under other Scheme systems),
// each several times after warm-up runs, checks that every run printed the
// same output (the program's `;; expect-stdout:` block when it has one),
// and reports per-program medians, their spread, time ratios and the
// geometric mean of each ratio.
//
// Every run is a fresh process timed by wall clock from fork to exit: the
// compiled binary comes from the build cache (the build is not timed); an
// interpreted run is `lambdustc run --interp FILE`, so its time includes
// reading and analyzing the program (a few milliseconds).

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/lambdust/lambdust"
	"github.com/lambdust/lambdust/analyze"
)

// BenchConfig is one `lambdustc bench` invocation.
type BenchConfig struct {
	Files    []string
	Runs     int           // timed runs per program and mode
	Warmup   int           // untimed runs before them
	NoInterp bool          // skip the interpreter
	Timeout  time.Duration // per run; a mode that times out is not run again
	Compare  []string      // other Scheme systems (names in compareSystems)
	JSON     bool          // print the report as JSON instead of a table
	LibPath  []string      // -I directories, as for run
	// Interpreter is the command that interprets a program given as its
	// last argument; lambdustc passes itself ("lambdustc run --interp").
	Interpreter []string
	// Opt and Unsafe are the compiled programs' -O level and --unsafe.
	Opt    analyze.OptLevel
	Unsafe bool

	Stdout, Stderr io.Writer
}

// BenchReport is the result of a bench run; --json prints it as is.
type BenchReport struct {
	Version  string          `json:"lambdustc"`
	GOOS     string          `json:"goos"`
	GOARCH   string          `json:"goarch"`
	CPUs     int             `json:"cpus"`
	Runs     int             `json:"runs"`
	Warmup   int             `json:"warmup"`
	Systems  []SystemInfo    `json:"systems"`  // the modes, in column order
	Programs []ProgramResult `json:"programs"` // in command-line order
	// Ratios names each ratio column "A/B" (median time of mode A over
	// that of mode B); Geomean holds their geometric means over the
	// programs where both modes succeeded.
	Ratios  []string           `json:"ratios"`
	Geomean map[string]float64 `json:"geomean"`
	Failed  bool               `json:"failed"` // some run failed or printed the wrong output
}

// SystemInfo describes one way of running the programs.
type SystemInfo struct {
	Name  string `json:"name"`           // "compiled", "interp", "chez", ...
	How   string `json:"how"`            // the commands and flags used
	Note  string `json:"note,omitempty"` // why it was skipped, if it was
	Avail bool   `json:"available"`
}

// ProgramResult holds one program's measurements.
type ProgramResult struct {
	File   string                 `json:"file"`
	Name   string                 `json:"name"`
	Output string                 `json:"output"` // what every run had to print
	Modes  map[string]*ModeResult `json:"modes"`
	Ratios map[string]float64     `json:"ratios"`
}

// ModeResult is one program run one way.
type ModeResult struct {
	Times  []float64 `json:"times"` // seconds, timed runs only
	Median float64   `json:"median"`
	Min    float64   `json:"min"`
	Max    float64   `json:"max"`
	// Spread is half the range over the median: the timed runs lie within
	// median*(1±Spread).
	Spread float64 `json:"spread"`
	Error  string  `json:"error,omitempty"` // build failure, run failure, timeout, wrong output
}

// ok reports whether the mode produced a time.
func (m *ModeResult) ok() bool { return m != nil && m.Error == "" && len(m.Times) > 0 }

// benchMode is a way of running one program: cmd runs it.
type benchMode struct {
	name string
	cmd  []string
}

// Bench is `lambdustc bench`. It returns 1 when a program failed to build
// or run or printed something else than expected, 0 otherwise.
func Bench(cfg BenchConfig) int {
	if cfg.Runs < 1 {
		cfg.Runs = 1
	}
	if cfg.Warmup < 0 {
		cfg.Warmup = 0
	}
	rep := &BenchReport{
		Version: lambdust.Version, GOOS: runtime.GOOS, GOARCH: runtime.GOARCH, CPUs: runtime.NumCPU(),
		Runs: cfg.Runs, Warmup: cfg.Warmup, Geomean: map[string]float64{},
	}
	rep.Systems = append(rep.Systems, SystemInfo{Name: "compiled", Avail: true,
		How: fmt.Sprintf("lambdustc build -O%d%s (cached binary, run directly)", cfg.Opt.Level(), map[bool]string{true: " --unsafe"}[cfg.Unsafe])})
	if !cfg.NoInterp {
		rep.Systems = append(rep.Systems, SystemInfo{Name: "interp", Avail: true,
			How: strings.Join(append(displayCmd(cfg.Interpreter), "FILE"), " ")})
	}
	work, err := os.MkdirTemp("", "lambdustc-bench-")
	if err != nil {
		return report(&Config{Stderr: cfg.Stderr}, err)
	}
	defer os.RemoveAll(work)
	systems, infos := findSystems(cfg.Compare, work)
	rep.Systems = append(rep.Systems, infos...)
	rep.Ratios = ratioNames(rep.Systems, systems)

	for i, file := range cfg.Files {
		cfg.progress("[%d/%d] %s", i+1, len(cfg.Files), file)
		pr := cfg.benchProgram(file, systems, work)
		if pr == nil {
			rep.Failed = true
			continue
		}
		for _, m := range pr.Modes {
			if m.Error != "" {
				rep.Failed = true
			}
		}
		pr.Ratios = map[string]float64{}
		for _, r := range rep.Ratios {
			a, b, _ := strings.Cut(r, "/")
			if pr.Modes[a].ok() && pr.Modes[b].ok() && pr.Modes[b].Median > 0 {
				pr.Ratios[r] = pr.Modes[a].Median / pr.Modes[b].Median
			}
		}
		rep.Programs = append(rep.Programs, *pr)
	}
	for _, r := range rep.Ratios {
		var xs []float64
		for _, p := range rep.Programs {
			if x, ok := p.Ratios[r]; ok {
				xs = append(xs, x)
			}
		}
		if len(xs) > 0 {
			rep.Geomean[r] = geomean(xs)
		}
	}
	if cfg.JSON {
		enc := json.NewEncoder(cfg.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return report(&Config{Stderr: cfg.Stderr}, err)
		}
	} else {
		printBenchTable(cfg.Stdout, rep)
	}
	if rep.Failed {
		return 1
	}
	return 0
}

func (cfg *BenchConfig) progress(format string, args ...any) {
	fmt.Fprintf(cfg.Stderr, "bench: "+format+"\n", args...)
}

// benchProgram builds file and runs it every way. A program that does not
// compile is run no other way; nil means it could not be read.
func (cfg *BenchConfig) benchProgram(file string, systems []*compareSystem, work string) *ProgramResult {
	pr := &ProgramResult{File: file, Name: strings.TrimSuffix(filepath.Base(file), ".scm"), Modes: map[string]*ModeResult{}}
	src, err := os.ReadFile(file)
	if err != nil {
		fmt.Fprintf(cfg.Stderr, "bench: %v\n", err)
		return nil
	}
	want, hasWant := expectedStdout(string(src))
	bcfg := Config{File: file, LibPath: cfg.LibPath, Stderr: cfg.Stderr, Opt: cfg.Opt, Unsafe: cfg.Unsafe}
	gosrc, err := Compile(&bcfg, "main")
	var bin string
	if err == nil {
		bin, err = bcfg.cachedBinary(gosrc)
	}
	if err != nil {
		msg := formatError(err)
		fmt.Fprintln(cfg.Stderr, msg)
		first, _, _ := strings.Cut(msg, "\n")
		pr.Modes["compiled"] = &ModeResult{Error: "build: " + first}
		return pr
	}
	modes := []benchMode{{name: "compiled", cmd: []string{bin}}}
	if !cfg.NoInterp {
		modes = append(modes, benchMode{name: "interp", cmd: append(append([]string(nil), cfg.Interpreter...), file)})
	}
	for _, s := range systems {
		cmd, err := s.prepare(s, file, string(src), work)
		if err != nil {
			pr.Modes[s.name] = &ModeResult{Error: "build: " + err.Error()}
			cfg.progress("  %s: %v", s.name, err)
			continue
		}
		modes = append(modes, benchMode{name: s.name, cmd: cmd})
	}
	for _, m := range modes {
		res, out := cfg.runMode(m, file, want, hasWant)
		if !hasWant && res.Error == "" {
			// Without an expectation the first mode's output is the
			// reference the others must match.
			want, hasWant = out, true
		}
		pr.Modes[m.name] = res
		if res.Error != "" {
			cfg.progress("  %-9s %s", m.name, res.Error)
		} else {
			cfg.progress("  %-9s median %s ±%.0f%%", m.name, fmtSeconds(res.Median), 100*res.Spread)
		}
	}
	pr.Output = want
	return pr
}

// runMode runs one program one way: Warmup untimed runs, then Runs timed
// ones. It returns the result and the output of the first run.
func (cfg *BenchConfig) runMode(m benchMode, file, want string, hasWant bool) (*ModeResult, string) {
	res := &ModeResult{}
	var first string
	for i := 0; i < cfg.Warmup+cfg.Runs; i++ {
		out, d, err := cfg.runOnce(m.cmd, file)
		if err != nil {
			res.Error = err.Error()
			return res, first
		}
		if i == 0 {
			first = out
		}
		if hasWant && out != want {
			res.Error = "wrong output: " + firstDifference(out, want)
			return res, first
		}
		if i >= cfg.Warmup {
			res.Times = append(res.Times, d.Seconds())
		}
	}
	res.Median, res.Min, res.Max = summarize(res.Times)
	if res.Median > 0 {
		res.Spread = (res.Max - res.Min) / 2 / res.Median
	}
	return res, first
}

// runOnce runs cmd in its own process and returns its stdout and the wall
// time it took.
func (cfg *BenchConfig) runOnce(argv []string, file string) (string, time.Duration, error) {
	ctx := context.Background()
	if cfg.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, cfg.Timeout)
		defer cancel()
	}
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	start := time.Now()
	err := cmd.Run()
	d := time.Since(start)
	if ctx.Err() == context.DeadlineExceeded {
		return "", d, fmt.Errorf("timed out after %v", cfg.Timeout)
	}
	if err != nil {
		msg := strings.TrimSpace(errOut.String())
		if i := strings.IndexByte(msg, '\n'); i >= 0 {
			msg = msg[:i]
		}
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return "", d, fmt.Errorf("exit status %d: %s", ee.ExitCode(), msg)
		}
		return "", d, err
	}
	return out.String(), d, nil
}

// expectedStdout returns the `;; expect-stdout:` block of a program (the
// same notation as the conformance tests in testdata/run).
func expectedStdout(src string) (string, bool) {
	var out []string
	in, found := false, false
	for _, line := range strings.Split(src, "\n") {
		line = strings.TrimRight(line, "\r")
		switch {
		case line == ";; expect-stdout:":
			in, found = true, true
		case in && strings.HasPrefix(line, ";; expect-"):
			in = false
		case in && (line == ";;" || strings.HasPrefix(line, ";; ")):
			out = append(out, strings.TrimPrefix(strings.TrimPrefix(line, ";;"), " "))
		default:
			in = false
		}
	}
	if len(out) == 0 {
		return "", found
	}
	return strings.Join(out, "\n") + "\n", found
}

// firstDifference describes the first line where got and want differ.
func firstDifference(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("line %d is %q, want %q", i+1, clip(gl), clip(wl))
		}
	}
	return "differs"
}

func clip(s string) string {
	if len(s) > 60 {
		return s[:57] + "..."
	}
	return s
}

// summarize returns the median, minimum and maximum of xs.
func summarize(xs []float64) (median, lo, hi float64) {
	if len(xs) == 0 {
		return 0, 0, 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	n := len(s)
	median = s[n/2]
	if n%2 == 0 {
		median = (s[n/2-1] + s[n/2]) / 2
	}
	return median, s[0], s[n-1]
}

func geomean(xs []float64) float64 {
	var sum float64
	for _, x := range xs {
		sum += math.Log(x)
	}
	return math.Exp(sum / float64(len(xs)))
}

// ratioNames lists the ratio columns: interpreted over compiled, then,
// with comparison systems, every mode over the first available system, and
// interpreted over CHICKEN's interpreter csi when it is compared.
func ratioNames(infos []SystemInfo, systems []*compareSystem) []string {
	var rs []string
	hasInterp := false
	for _, s := range infos {
		if s.Name == "interp" {
			hasInterp = true
		}
	}
	if hasInterp {
		rs = append(rs, "interp/compiled")
	}
	if len(systems) == 0 {
		return rs
	}
	ref := systems[0].name
	rs = append(rs, "compiled/"+ref)
	if hasInterp {
		rs = append(rs, "interp/"+ref)
	}
	for _, s := range systems[1:] {
		rs = append(rs, s.name+"/"+ref)
	}
	// The interpreter's own yardstick is another interpreter.
	for _, s := range systems {
		if hasInterp && s.name == "csi" && ref != "csi" {
			rs = append(rs, "interp/csi")
		}
	}
	return rs
}

func fmtSeconds(s float64) string {
	switch {
	case s >= 10:
		return fmt.Sprintf("%.1fs", s)
	case s >= 1:
		return fmt.Sprintf("%.2fs", s)
	default:
		return fmt.Sprintf("%.3fs", s)
	}
}

func printBenchTable(w io.Writer, rep *BenchReport) {
	fmt.Fprintf(w, "lambdustc %s, %s/%s, %d CPUs; %d timed runs after %d warm-up; median wall time ±half-range\n",
		rep.Version, rep.GOOS, rep.GOARCH, rep.CPUs, rep.Runs, rep.Warmup)
	var modes []string
	for _, s := range rep.Systems {
		if s.Avail {
			fmt.Fprintf(w, "  %-9s %s\n", s.Name+":", s.How)
			modes = append(modes, s.Name)
		} else {
			fmt.Fprintf(w, "  %-9s skipped: %s\n", s.Name+":", s.Note)
		}
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	head := []string{"program"}
	head = append(head, modes...)
	head = append(head, rep.Ratios...)
	fmt.Fprintln(tw, strings.Join(head, "\t")+"\t")
	for _, p := range rep.Programs {
		row := []string{p.Name}
		for _, m := range modes {
			r := p.Modes[m]
			switch {
			case r == nil:
				row = append(row, "-")
			case r.Error != "":
				row = append(row, failWord(r.Error))
			default:
				row = append(row, fmt.Sprintf("%s ±%.0f%%", fmtSeconds(r.Median), 100*r.Spread))
			}
		}
		for _, r := range rep.Ratios {
			if x, ok := p.Ratios[r]; ok {
				row = append(row, fmt.Sprintf("%.2f", x))
			} else {
				row = append(row, "-")
			}
		}
		fmt.Fprintln(tw, strings.Join(row, "\t")+"\t")
	}
	if len(rep.Ratios) > 0 {
		row := []string{"geomean"}
		for range modes {
			row = append(row, "")
		}
		for _, r := range rep.Ratios {
			if x, ok := rep.Geomean[r]; ok {
				row = append(row, fmt.Sprintf("%.2f", x))
			} else {
				row = append(row, "-")
			}
		}
		fmt.Fprintln(tw, strings.Join(row, "\t")+"\t")
	}
	tw.Flush()
	// The failures in full, after the table.
	for _, p := range rep.Programs {
		for _, m := range modes {
			if r := p.Modes[m]; r != nil && r.Error != "" {
				fmt.Fprintf(w, "%s %s: %s\n", p.Name, m, r.Error)
			}
		}
	}
}

// failWord is the table cell of a failed mode.
func failWord(msg string) string {
	switch {
	case strings.HasPrefix(msg, "timed out"):
		return "TIMEOUT"
	case strings.HasPrefix(msg, "wrong output"):
		return "WRONG"
	case strings.HasPrefix(msg, "build:"):
		return "NOBUILD"
	default:
		return "FAILED"
	}
}

// displayCmd shortens an absolute executable path to its base name for
// printing.
func displayCmd(argv []string) []string {
	if len(argv) == 0 {
		return nil
	}
	return append([]string{filepath.Base(argv[0])}, argv[1:]...)
}
