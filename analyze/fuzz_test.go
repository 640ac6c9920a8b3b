package analyze

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/lambdust/lambdust/parse"
)

// FuzzExpand checks that the front end never panics and that every error
// it reports on any input is positioned in the input. The seeds are the
// conformance programs.
func FuzzExpand(f *testing.F) {
	files, _ := filepath.Glob("../testdata/run/*.scm")
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(src))
	}
	f.Add("(define-syntax f (syntax-rules () ((_ x) (f (x))))) (f 1)")
	f.Add("(let-values (((a . b) (values 1 2)) (c 3)) a)")
	f.Add("`(1 ,@2 . ,3)")
	f.Fuzz(func(t *testing.T, src string) {
		_, err := Frontend("f.scm", src, Options{Verify: true})
		if err == nil {
			return
		}
		var el parse.ErrorList
		if !errors.As(err, &el) {
			t.Fatalf("error is not a parse.ErrorList: %v", err)
		}
		for _, e := range el {
			if e.Pos.Line < 1 || e.Msg == "" {
				t.Fatalf("unpositioned error %q at %v", e.Msg, e.Pos)
			}
		}
	})
}
