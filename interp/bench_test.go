package interp

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lambdust/lambdust/analyze"
	"github.com/lambdust/lambdust/rt"
)

// BenchmarkPrograms runs each program of benchmarks/ interpreted, for
// profiling the interpreter:
//
//	go test ./interp -run '^$' -bench 'Programs/fib' -benchtime 1x -cpuprofile /tmp/cpu.out
//
// The programs' output goes to the test's standard output.
func BenchmarkPrograms(b *testing.B) {
	files, _ := filepath.Glob("../benchmarks/*.scm")
	if len(files) == 0 {
		b.Fatal("no benchmarks")
	}
	for _, path := range files {
		name := strings.TrimSuffix(filepath.Base(path), ".scm")
		b.Run(name, func(b *testing.B) {
			src, err := os.ReadFile(path)
			if err != nil {
				b.Fatal(err)
			}
			prog, err := analyze.Frontend(filepath.Base(path), string(src), analyze.Options{})
			if err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				if err := rt.Run(func(t *rt.Thread) { Compile(prog, NewGlobals()).Run(t) }); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
