package analyze

import (
	stdmaps "maps"
	"slices"
	"testing"
)

// TestAssignConv checks that exactly the variables both captured and
// assigned are boxed, with a note at each.
func TestAssignConv(t *testing.T) {
	src := `(define (counter)
  (let ((n 0) (step 1) (unused 5))
    (set! unused 6)
    (lambda () (set! n (+ n step)) n)))
(define (f x y)
  (set! x (+ x 1))
  (lambda () (+ x y)))
(define (g z) (let loop ((i 0)) (if (< i z) (loop (+ i 1)) i)))
(display ((counter)))
(display ((f 1 2)))
(display (g 3))
`
	// -O0: the inline pass would propagate step and drop its binding.
	prog, err := Frontend("a.scm", src, Options{Verify: true, Opt: O0})
	if err != nil {
		t.Fatal(err)
	}
	boxed := map[string]bool{}
	seen := map[string]bool{}
	for _, n := range prog.Body {
		Walk(n, func(n Node) bool {
			var vs []*Var
			switch n := n.(type) {
			case *Lambda:
				vs = n.Params
			case *Let:
				vs = n.Vars
			case *Letrec:
				vs = n.Vars
			}
			for _, v := range vs {
				seen[v.Name] = true
				if v.Boxed != (v.Captured && v.Assigned) {
					t.Errorf("%s: Boxed %v, captured %v, assigned %v", v.Name, v.Boxed, v.Captured, v.Assigned)
				}
				if v.Boxed {
					boxed[v.Name] = true
				}
			}
			return true
		})
	}
	for _, name := range []string{"n", "step", "unused", "x", "y", "z", "loop", "i"} {
		if !seen[name] {
			t.Errorf("variable %s not found", name)
		}
	}
	if want := map[string]bool{"n": true, "x": true}; !stdmaps.Equal(boxed, want) {
		t.Errorf("boxed %v, want %v", boxed, want)
	}
	var notes []string
	for _, n := range prog.SortedNotes() {
		if n.Pos.File == "a.scm" && (slices.Contains([]string{"n: captured and assigned: boxed", "x: captured and assigned: boxed"}, n.Msg)) {
			notes = append(notes, n.Pos.String()+": "+n.Msg)
		}
	}
	want := []string{"a.scm:2:10: n: captured and assigned: boxed", "a.scm:5:12: x: captured and assigned: boxed"}
	if !slices.Equal(notes, want) {
		t.Errorf("notes %q, want %q", notes, want)
	}
}
