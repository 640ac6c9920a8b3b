package driver

// This file defines the other Scheme systems `lambdustc bench --compare`
// runs the programs under. Each builds a program the way that system runs
// fastest while staying safe (type and bounds checks kept), and the
// commands used are printed with the results. Systems that are not
// installed are skipped with a note (scripts/install-comparisons.sh
// installs them from Debian packages).
//
// The benchmark programs are R7RS-small. Systems whose R7RS support is a
// separate library get it here: Chez Scheme 9.5 (Debian's) has R6RS
// libraries only, so benchcompat/chez holds small R7RS libraries written
// over (chezscheme); they are embedded in lambdustc and written to the
// bench's work directory.

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

//go:embed benchcompat
var benchCompat embed.FS

// compareSystem is a Scheme implementation to compare against.
type compareSystem struct {
	name string
	exes []string // candidate executables; the first found on $PATH is used
	how  string   // printed: how programs are built and run
	note string   // printed with the flags: known limits
	exe  string   // the executable found
	// prepare builds the program file (source src) in work and returns
	// the command that runs it.
	prepare func(s *compareSystem, file, src, work string) ([]string, error)
}

// compareSystems are the systems --compare knows, by name.
var compareSystems = map[string]*compareSystem{
	"chez": {
		exes: []string{"scheme", "chezscheme", "chez"},
		how: "compile-program at (optimize-level 2) with compile-imported-libraries, " +
			"then scheme --program OUT.so; R7RS libraries from lambdustc's benchcompat/chez shim",
		prepare: prepareChez,
	},
	"gambit": {
		exes:    []string{"gsc", "gambitc", "gsc-script"},
		how:     "gsc -exe -o OUT FILE (safe, the default), then OUT; the program's import form replaced by lambdustc's benchcompat/gambit prelude (syntax-rules, guard, r7rs feature, a few procedures)",
		prepare: prepareGambit,
	},
	"chicken": {
		exes: []string{"csc", "chicken-csc"},
		how:  "csc -O3 -feature r7rs FILE -o OUT (R7RS libraries from lambdustc's benchcompat/chicken prelude), then OUT",
		prepare: prepareChicken(func(exe, file string) ([]string, []string) {
			out := strings.TrimSuffix(file, ".scm")
			return []string{exe, "-O3", "-feature", "r7rs", file, "-o", out}, []string{out}
		}),
	},
	"csi": {
		exes: []string{"csi", "chicken-csi"},
		how:  "csi -q -s FILE (Chicken's interpreter; R7RS libraries from the benchcompat/chicken prelude)",
		prepare: prepareChicken(func(exe, file string) ([]string, []string) {
			return nil, []string{exe, "-q", "-s", file}
		}),
	},
	"guile": {
		exes:    []string{"guile", "guile-3.0"},
		how:     "guile --r7rs: compile-file at #:optimization-level 2 to OUT.go, then (load-compiled OUT.go)",
		prepare: prepareGuile,
	},
	"racket": {
		exes:    []string{"racket"},
		how:     "raco make of FILE as #lang r7rs (needs the r7rs package), then racket FILE",
		prepare: prepareRacket,
	},
}

// CompareSystemNames lists the systems --compare accepts.
func CompareSystemNames() []string {
	return []string{"chez", "gambit", "chicken", "csi", "guile", "racket"}
}

// findSystems looks up the requested systems; absent ones are reported in
// the infos and left out of the returned list.
func findSystems(names []string, work string) ([]*compareSystem, []SystemInfo) {
	var found []*compareSystem
	var infos []SystemInfo
	for _, name := range names {
		proto, ok := compareSystems[name]
		if !ok {
			infos = append(infos, SystemInfo{Name: name, Note: fmt.Sprintf("unknown system (known: %s)", strings.Join(CompareSystemNames(), ", "))})
			continue
		}
		s := *proto
		s.name = name
		for _, e := range s.exes {
			if p, err := exec.LookPath(e); err == nil {
				s.exe = p
				break
			}
		}
		if s.exe == "" {
			infos = append(infos, SystemInfo{Name: name, How: s.how, Note: "not installed (looked for " + strings.Join(s.exes, ", ") + "; see scripts/install-comparisons.sh)"})
			continue
		}
		infos = append(infos, SystemInfo{Name: name, How: s.exe + ": " + s.how, Avail: true})
		found = append(found, &s)
	}
	return found, infos
}

// withImports returns a program that starts with an import declaration:
// lambdustc accepts a program without one (it then sees (scheme base) and
// friends), other systems do not.
func withImports(src string) string {
	if hasImport(src) {
		return src
	}
	return "(import (scheme base) (scheme write) (scheme char) (scheme cxr) (scheme inexact))\n" + src
}

// hasImport reports whether the first form of src is an import.
func hasImport(src string) bool {
	for _, line := range strings.Split(src, "\n") {
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, ";") || strings.HasPrefix(t, "#!") {
			continue
		}
		return strings.HasPrefix(t, "(import")
	}
	return false
}

// stage writes a program's text into the system's directory under work,
// named after file with extension ext, and returns the path.
func stage(s *compareSystem, file, text, work, ext string) (string, error) {
	dir := filepath.Join(work, s.name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	p := filepath.Join(dir, strings.TrimSuffix(filepath.Base(file), ".scm")+ext)
	return p, os.WriteFile(p, []byte(text), 0o644)
}

// runTool runs a build step, returning its output as the error on failure.
func runTool(dir string, argv ...string) error {
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		msg := strings.TrimSpace(string(out))
		if len(msg) > 300 {
			msg = msg[:300] + "..."
		}
		return fmt.Errorf("%s: %v: %s", filepath.Base(argv[0]), err, msg)
	}
	return nil
}

// prepareChez compiles the program and the R7RS shim libraries it imports
// with compile-program at optimize-level 2 (the safe level Chez's own
// benchmarks use; 3 drops type checks).
func prepareChez(s *compareSystem, file, src, work string) ([]string, error) {
	lib := filepath.Join(work, "chez-lib")
	obj := filepath.Join(work, "chez-obj")
	if _, err := os.Stat(lib); err != nil {
		if err := writeCompat("benchcompat/chez", lib); err != nil {
			return nil, err
		}
		if err := os.MkdirAll(obj, 0o755); err != nil {
			return nil, err
		}
	}
	prog, err := stage(s, file, withImports(src), work, ".sps")
	if err != nil {
		return nil, err
	}
	out := strings.TrimSuffix(prog, ".sps") + ".so"
	script := fmt.Sprintf(`(optimize-level 2)
(compile-imported-libraries #t)
(library-directories '((%q . %q)))
(compile-program %q %q)
`, lib, obj, prog, out)
	cmd := exec.Command(s.exe, "-q")
	cmd.Stdin = strings.NewReader(script)
	b, err := cmd.CombinedOutput()
	if i := strings.Index(string(b), "Exception"); i >= 0 {
		msg, _, _ := strings.Cut(string(b[i:]), "\n")
		if len(msg) > 300 {
			msg = msg[:300] + "..."
		}
		return nil, fmt.Errorf("compile-program: %s", msg)
	}
	if err != nil {
		return nil, fmt.Errorf("compile-program: %v: %s", err, strings.TrimSpace(string(b)))
	}
	return []string{s.exe, "--optimize-level", "2", "--libdirs", lib + "::" + obj, "--program", out}, nil
}

// writeCompat copies an embedded shim directory to dir.
func writeCompat(root, dir string) error {
	return fs.WalkDir(benchCompat, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		dst := filepath.Join(dir, strings.TrimPrefix(p, root))
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		b, err := benchCompat.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, b, 0o644)
	})
}

// preludeOf returns benchcompat/SYSTEM/prelude.scm with its
// `;; (include benchcompat/guard.scm)` line replaced by that file.
func preludeOf(system string) (string, error) {
	prelude, err := benchCompat.ReadFile("benchcompat/" + system + "/prelude.scm")
	if err != nil {
		return "", err
	}
	guard, err := benchCompat.ReadFile("benchcompat/guard.scm")
	if err != nil {
		return "", err
	}
	return strings.Replace(string(prelude), ";; (include benchcompat/guard.scm)\n", string(guard), 1), nil
}

// prepareGambit stages the program for Gambit 4.9.3, which has no
// program-level import and no syntax-rules unless asked: the import form
// is dropped (Gambit's procedures are all global) and the prelude goes in
// front; then gsc -exe builds it.
func prepareGambit(s *compareSystem, file, src, work string) ([]string, error) {
	prelude, err := preludeOf("gambit")
	if err != nil {
		return nil, err
	}
	prog, err := stage(s, file, prelude+"\n"+withoutImport(src), work, ".scm")
	if err != nil {
		return nil, err
	}
	out := strings.TrimSuffix(prog, ".scm")
	if err := runTool(filepath.Dir(prog), s.exe, "-exe", "-o", out, prog); err != nil {
		return nil, err
	}
	return []string{out}, nil
}

// withoutImport returns src with its leading import form (which may span
// lines) blanked out.
func withoutImport(src string) string {
	if !hasImport(src) {
		return src
	}
	i := strings.Index(src, "(import")
	depth := 0
	for j := i; j < len(src); j++ {
		switch src[j] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				blank := strings.Map(func(r rune) rune {
					if r == '\n' {
						return r
					}
					return ' '
				}, src[i:j+1])
				return src[:i] + blank + src[j+1:]
			}
		}
	}
	return src
}

// prepareChicken stages the program behind the R7RS prelude for CHICKEN
// 5, which has no (scheme base) without the r7rs egg (not a Debian
// package); cmds returns the build command (nil for none) and the run
// command.
func prepareChicken(cmds func(exe, file string) (build, run []string)) func(*compareSystem, string, string, string) ([]string, error) {
	return func(s *compareSystem, file, src, work string) ([]string, error) {
		prelude, err := preludeOf("chicken")
		if err != nil {
			return nil, err
		}
		prog, err := stage(s, file, prelude+"\n"+withImports(src), work, ".scm")
		if err != nil {
			return nil, err
		}
		build, run := cmds(s.exe, prog)
		if build != nil {
			if err := runTool(filepath.Dir(prog), build...); err != nil {
				return nil, err
			}
		}
		return run, nil
	}
}

// prepareGuile compiles the program with compile-file at Guile's default
// optimization level 2 (Debian ships guild only in guile-3.0-dev) and runs
// the compiled file with load-compiled.
func prepareGuile(s *compareSystem, file, src, work string) ([]string, error) {
	prog, err := stage(s, file, withImports(src), work, ".scm")
	if err != nil {
		return nil, err
	}
	out := strings.TrimSuffix(prog, ".scm") + ".go"
	compile := fmt.Sprintf("(use-modules (system base compile)) (compile-file %q #:output-file %q #:optimization-level 2)", prog, out)
	if err := runTool(filepath.Dir(prog), s.exe, "--r7rs", "--no-auto-compile", "-c", compile); err != nil {
		return nil, err
	}
	return []string{s.exe, "--r7rs", "--no-auto-compile", "-c", fmt.Sprintf("(load-compiled %q)", out)}, nil
}

func prepareRacket(s *compareSystem, file, src, work string) ([]string, error) {
	dir := filepath.Join(work, s.name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	prog := filepath.Join(dir, strings.TrimSuffix(filepath.Base(file), ".scm")+".rkt")
	if err := os.WriteFile(prog, []byte("#lang r7rs\n"+withImports(src)), 0o644); err != nil {
		return nil, err
	}
	raco := filepath.Join(filepath.Dir(s.exe), "raco")
	if err := runTool(dir, raco, "make", prog); err != nil {
		return nil, err
	}
	return []string{s.exe, prog}, nil
}
