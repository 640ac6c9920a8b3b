package driver

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lambdust/lambdust/analyze"
	"github.com/lambdust/lambdust/codegen"
)

var update = flag.Bool("update", false, "rewrite the golden files of emitted Go")

// goldenPrograms are the programs whose emitted Go is kept in
// codegen/testdata/golden: a change to the code generator shows up as a
// diff there, to be inspected and accepted with -update.
var goldenPrograms = []string{
	"../examples/fib.scm",
	"../examples/hello.scm",
	"../examples/macros.scm",
	"../testdata/run/bignum.scm",
	"../testdata/run/car_error.scm",
	"../testdata/run/core_forms.scm",
	"../testdata/run/deep_recursion.scm",
	"../testdata/run/derived_forms.scm",
	"../testdata/run/eval_env.scm",
	"../testdata/run/handlers.scm",
	"../testdata/run/tail_loop.scm",
	"../testdata/run/cont_escape.scm",
	"../testdata/run/library_import.scm",
}

// TestGolden compares the Go emitted for each golden program with its
// golden file, checks two emissions are byte-identical, and builds and
// vets all the golden files together (one go build).
func TestGolden(t *testing.T) {
	dir := filepath.Join("..", "codegen", "testdata", "golden")
	files := map[string][]byte{}
	for _, path := range goldenPrograms {
		name := strings.TrimSuffix(filepath.Base(path), ".scm")
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var outs [2][]byte
		for i := range outs {
			prog, err := analyze.Frontend(filepath.Base(path), string(src), analyze.Options{LibPath: []string{filepath.Dir(path)}})
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			if outs[i], err = codegen.Generate(prog, codegen.Options{Package: "main"}); err != nil {
				t.Fatalf("%s: %v", path, err)
			}
		}
		if !bytes.Equal(outs[0], outs[1]) {
			t.Errorf("%s: two emissions differ", path)
		}
		golden := filepath.Join(dir, name+".go.golden")
		if *update {
			if err := os.WriteFile(golden, outs[0], 0o644); err != nil {
				t.Fatal(err)
			}
		} else if want, err := os.ReadFile(golden); err != nil {
			t.Errorf("%v (run go test ./driver -run Golden -update)", err)
		} else if !bytes.Equal(outs[0], want) {
			t.Errorf("%s: emitted Go differs from %s; inspect the diff and run go test ./driver -run Golden -update", path, golden)
		}
		files[name+"/main.go"] = outs[0]
	}
	if testing.Short() {
		return
	}
	mod := t.TempDir()
	if err := codegen.WriteModule(mod, files); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"build", "-o", os.DevNull, "./..."}, {"vet", "./..."}} {
		cmd := exec.Command("go", args...)
		cmd.Dir = mod
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off", "CGO_ENABLED=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("go %s of the golden files: %v\n%s", args[0], err, out)
		}
	}
}
