package driver

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lambdust/lambdust/analyze"
	"github.com/lambdust/lambdust/codegen"
)

// TestRuntimeSchemeUpToDate checks that every Scheme part of the runtime
// (rt/scheme/*.scm) has its generated Go file (rt/zz_NAME.go) and that the
// file is what the compiler generates today: run `go generate ./rt` after
// changing either.
func TestRuntimeSchemeUpToDate(t *testing.T) {
	files, err := filepath.Glob("../rt/scheme/*.scm")
	if err != nil || len(files) == 0 {
		t.Fatalf("no rt/scheme/*.scm files (%v)", err)
	}
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		rel := "scheme/" + filepath.Base(file) // as go generate in rt/ names it
		prog, err := analyze.Frontend(rel, string(src), analyze.Options{Verify: true, Open: true})
		if err != nil {
			t.Fatalf("%s: %v", rel, err)
		}
		got, err := codegen.Generate(prog, codegen.Options{Runtime: true})
		if err != nil {
			t.Fatalf("%s: %v", rel, err)
		}
		out := "../rt/zz_" + strings.TrimSuffix(filepath.Base(file), ".scm") + ".go"
		want, err := os.ReadFile(out)
		if err != nil {
			t.Fatalf("%v (run go generate ./rt)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is stale: run go generate ./rt", out)
		}
	}
}
