package analyze

import (
	"strings"
	"testing"

	"github.com/lambdust/lambdust/parse"
)

func inlineDump(t *testing.T, src string, level int) (*Program, string) {
	t.Helper()
	lv, _ := MakeOptLevel(level)
	p, err := Frontend("t.scm", src, Options{Verify: true, Opt: lv, StopAfter: "inline"})
	if err != nil {
		t.Fatal(err)
	}
	return p, Dump(p)
}

func TestInlineFolds(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"(display (+ 1 2))", "(primcall display '3)"},
		{"(display (if (< 1 2) 'a 'b))", "(primcall display 'a)"},
		{"(display (let ((x 2)) (* x 21)))", "(primcall display '42)"},
		{"(display ((lambda (x) (- x 1)) 5))", "(primcall display '4)"},
		{"(display (char-upcase #\\a))", "(primcall display '#\\A)"},
		// raises: left to run time
		{"(display (quotient 1 0))", "(primcall quotient '1 '0)"},
		{"(display (+ 1 \"a\"))", "(primcall + '1 '\"a\")"},
		// a fixnum overflow stays an operation (fxspec speculates on it)
		{"(display (+ 9223372036854775807 1))", "(primcall + '9223372036854775807 '1)"},
		// literals are not copied: eq? must hold
		{"(display (let ((x '(a))) (eq? x x)))", "(primcall eq? x."},
		// fresh objects are not folded
		{"(display (list 1 2))", "(primcall list '1 '2)"},
	} {
		_, d := inlineDump(t, c.src, 2)
		if !strings.Contains(d, c.want) {
			t.Errorf("%s:\n%s\nwant %s", c.src, d, c.want)
		}
	}
}

func TestInlineCalls(t *testing.T) {
	src := `(define (sq x) (* x x))
(define (f y) (lambda (z) (sq (+ y z))))
(define (g n) (if (= n 0) 0 (g (- n 1))))
(define (h n) (g (sq n)))
(define (big a) (+ a a a a a a a a a a a a a a a a a a a a))
(define (k a) (big a))
(display (list ((f 1) 2) (h 3) (k 1)))`
	p, d := inlineDump(t, src, 2)
	// sq is inlined in f's closure and in h; g is recursive; big is too
	// large at -O2; top-level calls are not inlined.
	if strings.Count(d, "(call (global sq)") != 0 {
		t.Errorf("sq not inlined:\n%s", d)
	}
	for _, want := range []string{"(call (global g)", "(call (global big)", "(call (global f)", "(call (global h)"} {
		if !strings.Contains(d, want) {
			t.Errorf("want %s:\n%s", want, d)
		}
	}
	var notes []string
	for _, n := range p.SortedNotes() {
		notes = append(notes, n.Pos.String()+": "+n.Msg)
	}
	all := strings.Join(notes, "\n")
	for _, want := range []string{"t.scm:2:27: call to sq inlined", "t.scm:4:18: call to sq inlined"} {
		if !strings.Contains(all, want) {
			t.Errorf("notes lack %q:\n%s", want, all)
		}
	}
	// -O3's budget takes big; each copy binds fresh variables (Verify
	// checks each Var is bound once) and keeps big's positions.
	p3, d3 := inlineDump(t, src, 3)
	if strings.Contains(d3, "(call (global big)") {
		t.Errorf("-O3 did not inline big:\n%s", d3)
	}
	Walk(p3.Body[5], func(n Node) bool {
		if pc, ok := n.(*PrimCall); ok && pc.Prim.Name == "+" && pc.P != (parse.Pos{File: "t.scm", Line: 5, Col: 17}) {
			t.Errorf("inlined + at %s, want big's position t.scm:5:17", pc.P)
		}
		return true
	})
	// -O1 inlines only #:inline #t procedures; #:inline #f never.
	_, d1 := inlineDump(t, src, 1)
	if !strings.Contains(d1, "(call (global sq)") {
		t.Errorf("-O1 inlined sq:\n%s", d1)
	}
	_, dd := inlineDump(t, strings.Replace(src, "(define (sq x) (* x x))", "(define (sq x) #:inline #f (* x x))", 1), 3)
	if !strings.Contains(dd, "(call (global sq)") {
		t.Errorf("#:inline #f sq was inlined:\n%s", dd)
	}
	_, dh := inlineDump(t, strings.Replace(src, "(define (k a) (big a))", "(define (k a) #:hot-path #t (big a))", 1), 2)
	if strings.Contains(dh, "(call (global big)") {
		t.Errorf("#:hot-path k did not inline big:\n%s", dh)
	}
}

func TestInlineNotInSessions(t *testing.T) {
	s, err := NewSession("repl", nil, Options{Verify: true})
	if err != nil {
		t.Fatal(err)
	}
	forms, _ := parse.ReadAll("in", "(define (sq x) (* x x)) (define (f y) (sq y))")
	p, err := s.Expand("in", forms)
	if err != nil {
		t.Fatal(err)
	}
	if d := Dump(p); !strings.Contains(d, "(global sq) y.") {
		t.Errorf("a session inlined sq, which a later input may redefine:\n%s", d)
	}
}
