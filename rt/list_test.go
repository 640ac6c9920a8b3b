package rt

import (
	"testing"
)

// The R7RS 6.4 examples.
func TestListR7RSExamples(t *testing.T) {
	runCases(t, []schemeCase{
		{`(let ((x (list 'a 'b 'c))) (set-cdr! x 4) x)`, `(a . 4)`},
		{`(cadr '(1 2 3))`, `2`},
		{`(make-list 2 3)`, `(3 3)`},
		{`(length '(a b c))`, `3`},
		{`(length '(a (b) (c d e)))`, `3`},
		{`(length '())`, `0`},
		{`(append '(x) '(y))`, `(x y)`},
		{`(append '(a) '(b c d))`, `(a b c d)`},
		{`(append '(a (b)) '((c)))`, `(a (b) (c))`},
		{`(append '(a b) '(c . d))`, `(a b c . d)`},
		{`(append '() 'a)`, `a`},
		{`(reverse '(a b c))`, `(c b a)`},
		{`(reverse '(a (b c) d (e (f))))`, `((e (f)) d (b c) a)`},
		{`(list-tail '(a b c d) 2)`, `(c d)`},
		{`(list-ref '(a b c d) 2)`, `c`},
		{`(list-ref '(a b c d) (exact (round 1.8)))`, `c`},
		{`(let ((ls (list 'one 'two 'five!))) (list-set! ls 2 'three) ls)`, `(one two three)`},
		{`(memq 'a '(a b c))`, `(a b c)`},
		{`(memq 'b '(a b c))`, `(b c)`},
		{`(memq 'a '(b c d))`, `#f`},
		{`(memq (list 'a) '(b (a) c))`, `#f`},
		{`(member (list 'a) '(b (a) c))`, `((a) c)`},
		{`(member "B" '("a" "b" "c") string-ci=?)`, `("b" "c")`},
		{`(memv 101 '(100 101 102))`, `(101 102)`},
		{`(let ((e '((a 1) (b 2) (c 3)))) (list (assq 'a e) (assq 'b e) (assq 'd e)))`, `((a 1) (b 2) #f)`},
		{`(assq (list 'a) '(((a)) ((b)) ((c))))`, `#f`},
		{`(assoc (list 'a) '(((a)) ((b)) ((c))))`, `((a))`},
		{`(assoc 2.0 '((1 1) (2 4) (3 9)) =)`, `(2 4)`},
		{`(assv 5 '((2 3) (5 7) (11 13)))`, `(5 7)`},
		{`(let ((a '(1 8 2 8))) (let ((b (list-copy a))) (set-car! b 3) (list a b)))`, `((1 8 2 8) (3 8 2 8))`},
	})
}

func TestCxr(t *testing.T) {
	// Each cxr on a tree where every path leads to a distinct leaf.
	tree := `'(((("aaaa" . "daaa") . ("adaa" . "ddaa")) . (("aada" . "dada") . ("adda" . "ddda"))) .
	          ((("aaad" . "daad") . ("adad" . "ddad")) . (("aadd" . "dadd") . ("addd" . "dddd"))))`
	var cases []schemeCase
	for _, path := range []string{"aaaa", "aaad", "aada", "aadd", "adaa", "adad", "adda", "addd",
		"daaa", "daad", "dada", "dadd", "ddaa", "ddad", "ddda", "dddd"} {
		cases = append(cases, schemeCase{"(c" + path + "r " + tree + ")", `"` + path + `"`})
		cases = append(cases, schemeCase{"(car (c" + path[1:] + "r " + tree + "))", `"a` + path[1:] + `"`})
	}
	for _, path := range []string{"aa", "ad", "da", "dd"} {
		cases = append(cases, schemeCase{"(car (car (c" + path + "r " + tree + ")))", `"aa` + path + `"`})
	}
	runCases(t, cases)
	runCases(t, []schemeCase{
		{`(caar '((1) 2))`, `1`},
		{`(cdar '((1 . 3) 2))`, `3`},
		{`(cddr '(1 2 3))`, `(3)`},
		{`(caddr '(1 2 3))`, `3`},
		{`(cadddr '(1 2 3 4))`, `4`},
		{`(cadr '(1))`, `!cadr: expected pair, got (1)`},
		{`(caddr '(1 2))`, `!caddr: expected pair, got (1 2)`},
		{`(caar 5)`, `!caar: expected pair, got 5`},
		{`(cddddr '(1 2 3))`, `!cddddr: expected pair, got (1 2 3)`},
	})
}

func TestListProcedures(t *testing.T) {
	runCases(t, []schemeCase{
		{`(make-list 0)`, `()`},
		{`(length (make-list 3))`, `3`},
		{`(make-list -1)`, `!make-list: expected exact non-negative integer, got -1`},
		{`(make-list 'a)`, `!make-list: expected exact non-negative integer, got a`},
		{`(list-copy '())`, `()`},
		{`(list-copy 5)`, `5`},
		{`(list-copy '(1 2 . 3))`, `(1 2 . 3)`},
		{`(let ((a (list 1 2))) (eq? a (list-copy a)))`, `#f`},
		{`(list-tail '(1 2) 2)`, `()`},
		{`(list-tail '(1 2 . 3) 2)`, `3`},
		{`(list-tail '(1 2) 3)`, `!list-tail: index 3 out of range for list of length 2`},
		{`(list-tail '(1 2) -1)`, `!list-tail: expected exact non-negative integer, got -1`},
		{`(list-ref '(a b c) 5)`, `!list-ref: index 5 out of range for list of length 3`},
		{`(list-ref '(a b c) 3)`, `!list-ref: index 3 out of range for list of length 3`},
		{`(list-ref '(a b c) 1.0)`, `!list-ref: expected exact non-negative integer, got 1.0`},
		{`(list-ref '(a b . c) 2)`, `!list-ref: expected list, got (a b . c)`},
		{`(list-ref '(a b c) 100000000000000000000)`, `!list-ref: index 100000000000000000000 out of range`},
		{`(list-set! (list 1 2) 2 'x)`, `!list-set!: index 2 out of range for list of length 2`},
		{`(append)`, `()`},
		{`(append '(1))`, `(1)`},
		{`(append 5)`, `5`},
		{`(append '(1) '(2) '(3 4) '() '(5))`, `(1 2 3 4 5)`},
		{`(let ((tail (list 3))) (eq? tail (cddr (append '(1) '(2) tail))))`, `#t`},
		{`(append '(1 . 2) '(3))`, `!append: expected proper list, got (1 . 2)`},
		{`(append 1 '(3))`, `!append: expected proper list, got 1`},
		{`(reverse '())`, `()`},
		{`(reverse '(1 . 2))`, `!reverse: expected proper list, got (1 . 2)`},
		{`(memq 'c '(a b . c))`, `!memq: expected list, got (a b . c)`},
		{`(memv 1.0 '(1 1.0))`, `(1.0)`},
		{`(memv 100000000000000000000 '(1 100000000000000000000 2))`, `(100000000000000000000 2)`},
		{`(member 2.0 '(1 2 3) =)`, `(2 3)`},
		{`(member 2 '(1 2 3) (lambda (x y) (< x y)))`, `(3)`},
		{`(member '(1) '(a (1) b))`, `((1) b)`},
		{`(member 'x '())`, `#f`},
		{`(assq 'b '((a 1) (b 2)))`, `(b 2)`},
		{`(assv 1/2 '((0.5 a) (1/2 b)))`, `(1/2 b)`},
		{`(assoc "b" '(("a" . 1) ("b" . 2)))`, `("b" . 2)`},
		{`(assoc 3 '((1 . a) (5 . b)) <)`, `(5 . b)`},
		{`(assq 'a '(1 2))`, `!assq: expected association list, got (1 2)`},
		{`(assq 'a 5)`, `!assq: expected association list, got 5`},
	})
}

func TestListsLong(t *testing.T) {
	const n = 1000000
	th := NewThread()
	items := make([]Value, n)
	for i := range items {
		items[i] = Fixnum(int64(i))
	}
	l := List(items...)
	if got := Length(th, l).Int(); got != n {
		t.Fatalf("length = %d", got)
	}
	c := ListCopy(th, l)
	if !Equal(c, l) || Eq(c, l) {
		t.Errorf("list-copy of a long list")
	}
	r := Reverse(th, l)
	if Car(th, r).Int() != n-1 || Length(th, r).Int() != n {
		t.Errorf("reverse of a long list")
	}
	if !Equal(Reverse(th, r), l) {
		t.Errorf("reverse twice differs")
	}
	a := Append(th, []Value{l, c, List(Intern("end"))})
	if Length(th, a).Int() != 2*n+1 {
		t.Errorf("append of long lists: length %d", Length(th, a).Int())
	}
	if got := ListRef(th, a, Fixnum(2*n)); !Eq(got, Intern("end")) {
		t.Errorf("list-ref at the end: %s", WriteString(got))
	}
	if got := ListTail(th, a, Fixnum(2*n-1)); WriteString(got) != "(999999 end)" {
		t.Errorf("list-tail near the end: %s", WriteString(got))
	}
	if got := Memv(th, Fixnum(n-1), l); WriteString(got) != "(999999)" {
		t.Errorf("memv at the end: %s", WriteString(got))
	}
	m := Map(th, []Value{LookupPrim("-").Proc.Value(), l})
	if Car(th, Reverse(th, m)).Int() != -(n - 1) {
		t.Errorf("map over a long list")
	}
	if got := MakeList(th, []Value{Fixnum(n), True}); Length(th, got).Int() != n {
		t.Errorf("make-list")
	}
}

func TestCircularListsAreErrors(t *testing.T) {
	th := NewThread()
	for _, n := range []int{1, 2, 3, 10, 101} {
		items := make([]Value, n)
		for i := range items {
			items[i] = Char(rune('a' + i%26))
		}
		l := circular(items...)
		checks := map[string]func(){
			"list-copy":    func() { ListCopy(th, l) },
			"reverse":      func() { Reverse(th, l) },
			"append":       func() { Append(th, []Value{l, Null}) },
			"memq":         func() { Memq(th, Intern("x"), l) },
			"memv":         func() { Memv(th, Intern("x"), l) },
			"member":       func() { Member(th, []Value{Intern("x"), l}) },
			"assq":         func() { Assq(th, Intern("x"), circular(List(Fixnum(1)))) },
			"list->string": func() { ListToString(th, l) },
			"map":          func() { Map(th, []Value{LookupPrim("char?").Proc.Value(), l}) },
			"for-each":     func() { ForEach(th, []Value{LookupPrim("char?").Proc.Value(), l}) },
		}
		for who, f := range checks {
			msg := mustRaise(t, f)
			if want := who + ": expected"; len(msg) < len(want) || msg[:len(want)] != want {
				t.Errorf("%s on a circular list of %d: %s", who, n, msg)
			}
		}
	}
	// list-tail and list-ref may walk circular lists.
	l := circular(Fixnum(0), Fixnum(1), Fixnum(2))
	if got := ListRef(th, l, Fixnum(1000)); got.Int() != 1 {
		t.Errorf("list-ref on a circular list: %s", WriteString(got))
	}
	// Mutation during map does not confuse the cycle check.
	m := List(Fixnum(1), Fixnum(2), Fixnum(3), Fixnum(4))
	cut := NewProc(&Procedure{ProcCode: &ProcCode{ProcInfo: &ProcInfo{Req: 1, Max: 1}, F1: func(t *Thread, x Value) Value {
		m.Pair().Cdr = Null
		return x
	}}})
	if got := Map(th, []Value{cut, m}); WriteString(got) != "(1)" {
		t.Errorf("map while cutting the list: %s", WriteString(got))
	}
}

// TestListToSlice checks the one-allocation conversion apply uses: proper
// lists convert, improper and circular ones report it (a circular list
// used to make apply allocate without end).
func TestListToSlice(t *testing.T) {
	l := List(Fixnum(1), Fixnum(2), Fixnum(3))
	got, ok := ListToSlice(l)
	if !ok || len(got) != 3 || cap(got) != 3 || got[2] != Fixnum(3) {
		t.Errorf("ListToSlice((1 2 3)) = %v, %v", got, ok)
	}
	if _, ok := ListToSlice(Cons(Fixnum(1), Fixnum(2))); ok {
		t.Error("an improper list converted")
	}
	c := List(Fixnum(1), Fixnum(2))
	c.Pair().Cdr.Pair().Cdr = c
	if _, ok := ListToSlice(c); ok {
		t.Error("a circular list converted")
	}
	runCases(t, []schemeCase{
		{`(apply + 1 2 '(3 4))`, `10`},
		{`(apply list '())`, `()`},
	})
}
