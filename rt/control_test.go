package rt

import "testing"

func TestControl(t *testing.T) {
	runCases(t, []schemeCase{
		// R7RS 6.10 and 6.3 examples.
		{`(map cadr '((a b) (d e) (g h)))`, `(b e h)`},
		{`(map (lambda (n) (expt n n)) '(1 2 3 4 5))`, `(1 4 27 256 3125)`},
		{`(map + '(1 2 3) '(10 20 30))`, `(11 22 33)`},
		{`(let ((count 0)) (map (lambda (ignored) (set! count (+ count 1)) count) '(a b)))`, `(1 2)`},
		{`(let ((v (make-vector 5))) (for-each (lambda (i) (vector-set! v i (* i i))) '(0 1 2 3 4)) v)`, `#(0 1 4 9 16)`},
		{`(boolean? #f)`, `#t`},
		{`(boolean? 0)`, `#f`},
		{`(boolean? '())`, `#f`},

		{`(map + '(1 2 3) '(10 20))`, `(11 22)`},
		{`(map + '() '(1))`, `()`},
		{`(map list '(1 2) '(3 4) '(5 6))`, `((1 3 5) (2 4 6))`},
		{`(map list '(1 2) '(3 4) '(5 6) '(7 8))`, `((1 3 5 7) (2 4 6 8))`},
		{`(map list '(1 2) '(3 4) '(5 6) '(7 8) '(9 10))`, `((1 3 5 7 9) (2 4 6 8 10))`},
		{`(map (lambda x x) '(1) '(2) '(3) '(4) '(5) '(6))`, `((1 2 3 4 5 6))`},
		{`(map car '(1))`, `!car: expected pair, got 1`},
		{`(map car 5)`, `!map: expected list, got 5`},
		{`(map car '((1) . 5))`, `!map: expected list, got ((1) . 5)`},
		{`(map + '(1 2) '(1 . 2))`, `!map: expected list, got (1 . 2)`},
		{`(map 5 '(1))`, `!attempt to call a non-procedure: 5`},
		{`(map (lambda (x y) x) '(1))`, `!#<procedure>: wrong number of arguments: expected 2, got 1`},
		{`(let ((n 0)) (for-each (lambda (a b) (set! n (+ n (* a b)))) '(1 2 3) '(4 5)) n)`, `14`},
		{`(for-each car '())`, `#<unspecified>`},
		{`(for-each car '(1 . 2))`, `!car: expected pair, got 1`},
		{`(for-each (lambda (x) x) '(1 . 2))`, `!for-each: expected list, got (1 . 2)`},
		{`(boolean=? #t #t)`, `#t`},
		{`(boolean=? #f #f #f)`, `#t`},
		{`(boolean=? #t #f)`, `#f`},
		{`(boolean=? #t #t #f)`, `#f`},
		{`(boolean=? #t 1)`, `!boolean=?: expected boolean, got 1`},
	})
}

// TestCallbacksSettleTailCalls checks that higher-order primitives settle
// tail calls requested by the procedures they call.
func TestCallbacksSettleTailCalls(t *testing.T) {
	th := NewThread()
	// A procedure whose result comes through a tail call of car.
	tail := NewProc(&Procedure{ProcCode: &ProcCode{ProcInfo: &ProcInfo{Req: 1, Max: 1}, F1: func(t *Thread, x Value) Value {
		return t.TailCall1(LookupPrim("car").Proc.Value(), x)
	}}})
	got := Map(th, []Value{tail, List(List(Fixnum(1)), List(Fixnum(2)))})
	if WriteString(got) != "(1 2)" {
		t.Errorf("map with a tail-calling procedure: %s", WriteString(got))
	}
	got = VectorMap(th, []Value{tail, NewVector([]Value{List(Fixnum(3))})})
	if WriteString(got) != "#(3)" {
		t.Errorf("vector-map with a tail-calling procedure: %s", WriteString(got))
	}
	charTail := NewProc(&Procedure{ProcCode: &ProcCode{ProcInfo: &ProcInfo{Req: 1, Max: 1}, F1: func(t *Thread, x Value) Value {
		return t.TailCall1(LookupPrim("char-upcase").Proc.Value(), x)
	}}})
	got = StringMap(th, []Value{charTail, Str("ab")})
	if WriteString(got) != `"AB"` {
		t.Errorf("string-map with a tail-calling procedure: %s", WriteString(got))
	}
	cmpTail := NewProc(&Procedure{ProcCode: &ProcCode{ProcInfo: &ProcInfo{Req: 2, Max: 2}, F2: func(t *Thread, a, b Value) Value {
		return t.TailCall2(LookupPrim("eqv?").Proc.Value(), a, b)
	}}})
	got = Member(th, []Value{Fixnum(2), List(Fixnum(1), Fixnum(2)), cmpTail})
	if WriteString(got) != "(2)" {
		t.Errorf("member with a tail-calling predicate: %s", WriteString(got))
	}
	got = Assoc(th, []Value{Fixnum(2), List(List(Fixnum(2), True)), cmpTail})
	if WriteString(got) != "(2 #t)" {
		t.Errorf("assoc with a tail-calling predicate: %s", WriteString(got))
	}
}

// TestRegistrations checks every procedure of this part of the runtime is
// registered under its R7RS name with a named Go function, so compiled code
// can call it directly.
func TestRegistrations(t *testing.T) {
	names := []string{
		"complex?", "real?", "rational?", "integer?", "exact?", "inexact?", "exact-integer?",
		"finite?", "infinite?", "nan?", "zero?", "positive?", "negative?", "odd?", "even?",
		"max", "min", "abs", "quotient", "remainder", "modulo", "floor/", "floor-quotient",
		"floor-remainder", "truncate/", "truncate-quotient", "truncate-remainder", "gcd", "lcm",
		"numerator", "denominator", "floor", "ceiling", "truncate", "round", "rationalize",
		"exp", "log", "sin", "cos", "tan", "asin", "acos", "atan", "square", "sqrt",
		"exact-integer-sqrt", "expt", "exact", "inexact", "number->string", "string->number",
		"make-rectangular", "make-polar", "real-part", "imag-part", "magnitude", "angle",
		"equal?",
		"caar", "cadr", "cdar", "cddr", "caaar", "caadr", "cadar", "caddr", "cdaar", "cdadr",
		"cddar", "cdddr", "caaaar", "caaadr", "caadar", "caaddr", "cadaar", "cadadr", "caddar",
		"cadddr", "cdaaar", "cdaadr", "cdadar", "cdaddr", "cddaar", "cddadr", "cdddar", "cddddr",
		"make-list", "list-copy", "list-tail", "list-ref", "list-set!", "append", "reverse",
		"memq", "memv", "member", "assq", "assv", "assoc",
		"char?", "char->integer", "integer->char", "char=?", "char<?", "char>?", "char<=?",
		"char>=?", "char-ci=?", "char-ci<?", "char-ci>?", "char-ci<=?", "char-ci>=?",
		"char-alphabetic?", "char-numeric?", "char-whitespace?", "char-upper-case?",
		"char-lower-case?", "digit-value", "char-upcase", "char-downcase", "char-foldcase",
		"make-string", "string", "string-length", "string-ref", "string-set!", "string=?",
		"string<?", "string>?", "string<=?", "string>=?", "string-ci=?", "string-ci<?",
		"string-ci>?", "string-ci<=?", "string-ci>=?", "substring", "string-append",
		"string->list", "list->string", "string-copy", "string-copy!", "string-fill!",
		"string->vector", "vector->string", "string-upcase", "string-downcase",
		"string-foldcase", "string-map", "string-for-each", "symbol->string", "string->symbol",
		"symbol=?", "string->utf8", "utf8->string",
		"vector?", "make-vector", "vector", "vector-length", "vector-ref", "vector-set!",
		"vector->list", "list->vector", "vector-copy", "vector-copy!", "vector-append",
		"vector-fill!", "vector-map", "vector-for-each", "bytevector?", "make-bytevector",
		"bytevector", "bytevector-u8-ref", "bytevector-u8-set!", "bytevector-length",
		"bytevector-copy", "bytevector-copy!", "bytevector-append",
		"map", "for-each", "boolean=?",
	}
	for _, n := range names {
		p := LookupPrim(n)
		if p == nil {
			t.Errorf("%s is not registered", n)
			continue
		}
		if p.GoName() == "" {
			t.Errorf("%s is not a named Go function", n)
		}
	}
}
