package analyze

import (
	"strings"
	"testing"
)

// closureKinds runs the front end on src and returns, for every named
// lambda, "lifted", "direct", "inplace" or "closure".
func closureKinds(t *testing.T, src string, opt Options) map[string]string {
	t.Helper()
	opt.Verify = true
	p, err := Frontend("c.scm", src, opt)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]string{}
	for _, n := range p.Body {
		Walk(n, func(n Node) bool {
			if l, ok := n.(*Lambda); ok && l.Name != "" {
				switch {
				case l.InPlace:
					kinds[l.Name] = "inplace"
				case l.Lifted:
					kinds[l.Name] = "lifted"
				case l.Direct:
					kinds[l.Name] = "direct"
				default:
					kinds[l.Name] = "closure"
				}
			}
			return true
		})
	}
	return kinds
}

func TestClosures(t *testing.T) {
	tests := []struct {
		src  string
		want map[string]string
	}{
		// Only called, no free variables: lifted; the global stays a
		// known procedure (not the closures pass's business).
		{`(define (f n) (+ 1 (let loop ((i 0)) (if (< i n) (loop (+ i 1)) i))))`,
			map[string]string{"f": "closure", "loop": "direct"}},
		{`(define (f n) (+ 1 (let loop ((i n)) (if (> i 0) (loop (- i 1)) i))))`,
			map[string]string{"f": "closure", "loop": "lifted"}},
		// A named let in tail position is compiled in place, and so are
		// nested ones that jump back to it; not when a closure captures
		// a parameter, a call is not a tail call, or a closure calls it.
		{`(define (f n) (let loop ((i n)) (if (> i 0) (loop (- i 1)) i)))`,
			map[string]string{"f": "closure", "loop": "inplace"}},
		{`(define (f n) (let rows ((i 0)) (if (= i n) i (let cols ((j 0)) (if (= j i) (rows (+ i 1)) (cols (+ j 1)))))))`,
			map[string]string{"f": "closure", "rows": "inplace", "cols": "inplace"}},
		{`(define (f n) (let loop ((i n) (ks '())) (if (> i 0) (loop (- i 1) (cons (lambda () i) ks)) ks)))`,
			map[string]string{"f": "closure", "loop": "lifted"}},
		{`(define (f n) (let loop ((i n)) (if (> i 0) (+ 1 (loop (- i 1))) i)))`,
			map[string]string{"f": "closure", "loop": "lifted"}},
		{`(define (f n) (let loop ((i n)) (if (> i 0) (apply (lambda () (loop (- i 1))) '()) i)))`,
			map[string]string{"f": "closure", "loop": "lifted"}},
		// Used as a value, set!, or called with a wrong count.
		{`(define (f l) (define (g x) x) (map g l))`, map[string]string{"f": "closure", "g": "closure"}},
		{`(define (f) (define (g) 1) (set! g 2) g)`, map[string]string{"f": "closure", "g": "closure"}},
		{`(define (f) (define (g x) x) (g 1 2))`, map[string]string{"f": "closure", "g": "closure"}},
		// Mutual tail calls: one group (Direct, one Go function); with a
		// member that escapes, closures; a tail call that cannot come
		// back is direct.
		{`(define (f n) (define (a i) (if (= i 0) 0 (b (- i 1)))) (define (b i) (a i)) (a n))`,
			map[string]string{"f": "closure", "a": "lifted", "b": "lifted"}},
		{`(define (f n) (define (a i) (if (= i 0) b (b (- i 1)))) (define (b i) (a i)) (a n))`,
			map[string]string{"f": "closure", "a": "closure", "b": "closure"}},
		{`(define (f n) (define (a i) (if (= i 0) 0 (b (- i 1)))) (define (b i) (+ 1 (a i))) (a n))`,
			map[string]string{"f": "closure", "a": "lifted", "b": "lifted"}},
		// Lifted needs every free variable to be a lifted procedure.
		{`(define (f k) (define (s x) (* k x)) (define (w x) (s x)) (w 2))`,
			map[string]string{"f": "closure", "s": "direct", "w": "direct"}},
		// A procedure bound after an init that may call it.
		{`(define (f) (define (a) (b)) (define x (a)) (define (b) 1) x)`,
			map[string]string{"f": "closure", "a": "direct", "b": "closure"}},
		{`(define (f) (define (a) (b)) (define x 5) (define (b) x) (a))`,
			map[string]string{"f": "closure", "a": "direct", "b": "direct"}},
	}
	for _, tc := range tests {
		got := closureKinds(t, tc.src, Options{})
		for name, want := range tc.want {
			if got[name] != want {
				t.Errorf("%s\n%s: got %s, want %s", tc.src, name, got[name], want)
			}
		}
	}
	// -O0 runs no closures pass.
	if k := closureKinds(t, tests[1].src, Options{Opt: O0}); k["loop"] != "closure" {
		t.Errorf("-O0: loop is %s", k["loop"])
	}
}

// TestClosuresTailCallsAcyclic checks the invariant code generation relies
// on: no chain of tail calls between Direct procedures leads back to where
// it started (other than self calls and calls within a group, which are
// jumps in one Go function).
func TestClosuresTailCallsAcyclic(t *testing.T) {
	var b strings.Builder
	b.WriteString("(define (f n)\n")
	names := []string{"p", "q", "r", "s", "u"}
	// Each procedure tail-calls the next, and u calls p non-tail and r
	// in tail position: r, s, u form a cycle (a group); p and q lead into it.
	for i, name := range names[:4] {
		b.WriteString("  (define (" + name + " i) (if (= i 0) 0 (" + names[i+1] + " (- i 1))))\n")
	}
	b.WriteString("  (define (u i) (if (= i 0) (+ 1 (p 1)) (r (- i 1))))\n")
	b.WriteString("  (p n))\n")
	p, err := Frontend("c.scm", b.String(), Options{Verify: true})
	if err != nil {
		t.Fatal(err)
	}
	edges := map[*Lambda][]*Lambda{}
	byVar := map[*Var]*Lambda{}
	for _, n := range p.Body {
		Walk(n, func(n Node) bool {
			if lr, ok := n.(*Letrec); ok {
				for i, v := range lr.Vars {
					if l, ok := lr.Inits[i].(*Lambda); ok && l.Direct {
						byVar[v] = l
					}
				}
			}
			return true
		})
	}
	var scan func(n Node, cur *Lambda)
	scan = func(n Node, cur *Lambda) {
		if l, ok := n.(*Lambda); ok {
			cur = l
		}
		if c, ok := n.(*Call); ok && c.Tail {
			if r, ok := c.Fn.(*Ref); ok && byVar[r.Var] != nil && byVar[r.Var] != cur && !sameGroup(cur, byVar[r.Var]) {
				edges[cur] = append(edges[cur], byVar[r.Var])
			}
		}
		for _, ch := range Children(n) {
			scan(ch, cur)
		}
	}
	for _, n := range p.Body {
		scan(n, nil)
	}
	kinds := closureKinds(t, b.String(), Options{})
	if kinds["p"] != "lifted" || kinds["q"] != "lifted" || kinds["r"] != "lifted" || kinds["u"] != "lifted" {
		t.Errorf("kinds %v", kinds)
	}
	var visit func(l *Lambda, path map[*Lambda]bool)
	visit = func(l *Lambda, path map[*Lambda]bool) {
		if path[l] {
			t.Fatalf("cycle of direct tail calls through %s", l.Name)
		}
		path[l] = true
		for _, m := range edges[l] {
			visit(m, path)
		}
		delete(path, l)
	}
	for l := range edges {
		visit(l, map[*Lambda]bool{})
	}
}

func sameGroup(a, b *Lambda) bool {
	return a != nil && a.Group != nil && b.Group != nil && &a.Group[0] == &b.Group[0]
}
