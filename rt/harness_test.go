package rt

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// This file is a small test harness for the standard procedures: a datum
// reader and an evaluator for a tiny Scheme subset (quote, lambda, if, let,
// begin, set! and calls of registered primitives), so table tests can be
// written as Scheme expressions with the expected written result, as the
// R7RS report writes its examples.

// testReader reads data from a string.
type testReader struct {
	s   string
	pos int
}

func (r *testReader) skipSpace() {
	for r.pos < len(r.s) {
		c := r.s[r.pos]
		switch {
		case c == ';':
			for r.pos < len(r.s) && r.s[r.pos] != '\n' {
				r.pos++
			}
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			r.pos++
		default:
			return
		}
	}
}

func (r *testReader) more() bool {
	r.skipSpace()
	return r.pos < len(r.s)
}

func isDelimiter(c byte) bool {
	return strings.IndexByte(" \t\n\r()\";'", c) >= 0
}

func (r *testReader) token() string {
	start := r.pos
	for r.pos < len(r.s) && !isDelimiter(r.s[r.pos]) {
		r.pos++
	}
	return r.s[start:r.pos]
}

func (r *testReader) read() Value {
	r.skipSpace()
	if r.pos >= len(r.s) {
		panic("test reader: unexpected end of input")
	}
	switch c := r.s[r.pos]; {
	case c == '(':
		r.pos++
		return r.readList(')')
	case c == '\'':
		r.pos++
		return List(Intern("quote"), r.read())
	case c == '"':
		return r.readString()
	case strings.HasPrefix(r.s[r.pos:], "#("):
		r.pos += 2
		items, _ := ListToSlice(r.readList(')'))
		if items == nil {
			items = []Value{}
		}
		return NewVector(items)
	case strings.HasPrefix(r.s[r.pos:], "#u8("):
		r.pos += 4
		items, _ := ListToSlice(r.readList(')'))
		b := make([]byte, len(items))
		for i, x := range items {
			b[i] = byte(x.Int())
		}
		return NewBytevector(b)
	case strings.HasPrefix(r.s[r.pos:], `#\`):
		r.pos += 2
		_, size := utf8.DecodeRuneInString(r.s[r.pos:])
		r.pos += size
		name := string(r.s[r.pos-size:r.pos]) + r.token()
		if utf8.RuneCountInString(name) == 1 {
			c, _ := utf8.DecodeRuneInString(name)
			return Char(c)
		}
		for c, n := range charNames {
			if n == name {
				return Char(c)
			}
		}
		if name[0] == 'x' {
			n, err := strconv.ParseInt(name[1:], 16, 32)
			if err == nil {
				return Char(rune(n))
			}
		}
		panic("test reader: bad character #\\" + name)
	}
	tok := r.token()
	switch tok {
	case "#t", "#true":
		return True
	case "#f", "#false":
		return False
	}
	if v, ok := ParseNumber(tok, 10); ok {
		return v
	}
	if tok == "" {
		panic(fmt.Sprintf("test reader: unexpected %q", r.s[r.pos:]))
	}
	return Intern(tok)
}

func (r *testReader) readList(end byte) Value {
	var b listBuilder
	for {
		r.skipSpace()
		if r.pos >= len(r.s) {
			panic("test reader: unterminated list")
		}
		if r.s[r.pos] == end {
			r.pos++
			return b.list(Null)
		}
		if r.s[r.pos] == '.' && r.pos+1 < len(r.s) && isDelimiter(r.s[r.pos+1]) {
			r.pos++
			tail := r.read()
			r.skipSpace()
			r.pos++ // the closing parenthesis
			return b.list(tail)
		}
		b.add(r.read())
	}
}

func (r *testReader) readString() Value {
	r.pos++
	var rs []rune
	for r.s[r.pos] != '"' {
		c, size := utf8.DecodeRuneInString(r.s[r.pos:])
		r.pos += size
		if c == '\\' {
			e := r.s[r.pos]
			r.pos++
			switch e {
			case 'n':
				c = '\n'
			case 't':
				c = '\t'
			case 'x':
				end := strings.IndexByte(r.s[r.pos:], ';')
				n, _ := strconv.ParseInt(r.s[r.pos:r.pos+end], 16, 32)
				r.pos += end + 1
				c = rune(n)
			default:
				c = rune(e)
			}
		}
		rs = append(rs, c)
	}
	r.pos++
	if rs == nil {
		rs = []rune{}
	}
	return StrRunes(rs)
}

// testEnv is a lexical environment of the test evaluator.
type testEnv struct {
	vars   map[*Symbol]*Value
	parent *testEnv
}

func (e *testEnv) lookup(s *Symbol) *Value {
	for ; e != nil; e = e.parent {
		if v, ok := e.vars[s]; ok {
			return v
		}
	}
	return nil
}

func sym(v Value, name string) bool { return v.IsSymbol() && v.Sym().Name == name }

// eval evaluates x in env.
func eval(t *Thread, x Value, env *testEnv) Value {
	switch {
	case x.IsSymbol():
		if v := env.lookup(x.Sym()); v != nil {
			return *v
		}
		p := LookupPrim(x.Sym().Name)
		if p == nil {
			panic("test eval: unbound " + x.Sym().Name)
		}
		return p.Proc.Value()
	case !x.IsPair():
		return x
	}
	head := x.Pair().Car
	args, _ := ListToSlice(x.Pair().Cdr)
	switch {
	case sym(head, "quote"):
		return args[0]
	case sym(head, "if"):
		if eval(t, args[0], env).IsTrue() {
			return eval(t, args[1], env)
		}
		if len(args) > 2 {
			return eval(t, args[2], env)
		}
		return Unspecified
	case sym(head, "begin"):
		return evalBody(t, args, env)
	case sym(head, "set!"):
		*env.lookup(args[0].Sym()) = eval(t, args[1], env)
		return Unspecified
	case sym(head, "let"):
		inner := &testEnv{vars: map[*Symbol]*Value{}, parent: env}
		bindings, _ := ListToSlice(args[0])
		for _, b := range bindings {
			v := eval(t, Cadr(t, b), env)
			inner.vars[Car(t, b).Sym()] = &v
		}
		return evalBody(t, args[1:], inner)
	case sym(head, "lambda"):
		return testLambda(args[0], args[1:], env)
	}
	f := eval(t, head, env)
	vals := make([]Value, len(args))
	for i, a := range args {
		vals[i] = eval(t, a, env)
	}
	return t.CallN(f, vals)
}

func evalBody(t *Thread, body []Value, env *testEnv) Value {
	r := Unspecified
	for _, x := range body {
		r = eval(t, x, env)
	}
	return r
}

func testLambda(params Value, body []Value, env *testEnv) Value {
	var names []*Symbol
	p := params
	for ; p.IsPair(); p = p.Pair().Cdr {
		names = append(names, p.Pair().Car.Sym())
	}
	rest := p
	proc := &Procedure{ProcCode: &ProcCode{ProcInfo: &ProcInfo{Req: len(names), Max: len(names)}}}
	if rest.IsSymbol() {
		proc.Max = -1
	}
	proc.FN = func(t *Thread, args []Value) Value {
		if len(args) < proc.Req || (proc.Max >= 0 && len(args) > proc.Max) {
			return t.ArityError(proc, len(args))
		}
		inner := &testEnv{vars: map[*Symbol]*Value{}, parent: env}
		for i, n := range names {
			v := args[i]
			inner.vars[n] = &v
		}
		if rest.IsSymbol() {
			v := List(args[len(names):]...)
			inner.vars[rest.Sym()] = &v
		}
		return evalBody(t, body, inner)
	}
	return NewProc(proc)
}

// runScheme evaluates the expressions in src and returns the written
// result of the last, or "!" and the message of an uncaught error.
func runScheme(src string) (out string) {
	t := NewThread()
	defer func() {
		if r := recover(); r != nil {
			u, ok := r.(*Uncaught)
			if !ok {
				panic(r)
			}
			out = "!" + u.Error()
		}
	}()
	rd := &testReader{s: src}
	r := Unspecified
	for rd.more() {
		r = eval(t, rd.read(), nil)
	}
	return WriteString(r)
}

// schemeCase is one table test: an expression and its written result, or
// "!" followed by the expected error message.
type schemeCase struct {
	expr, want string
}

func runCases(t *testing.T, cases []schemeCase) {
	t.Helper()
	for _, c := range cases {
		if got := runScheme(c.expr); got != c.want {
			t.Errorf("%s\n  got  %s\n  want %s", c.expr, got, c.want)
		}
	}
}

// mustRaise runs f and returns the message of the error it raises.
func mustRaise(t *testing.T, f func()) string {
	t.Helper()
	msg := ""
	func() {
		defer func() {
			if r := recover(); r != nil {
				u, ok := r.(*Uncaught)
				if !ok {
					panic(r)
				}
				msg = u.Error()
			}
		}()
		f()
	}()
	if msg == "" {
		t.Errorf("no error raised")
	}
	return msg
}

func TestHarness(t *testing.T) {
	runCases(t, []schemeCase{
		{`'(1 "a" #\b #(2 . (3)) . x)`, `(1 "a" #\b #(2 3) . x)`},
		{`((lambda (x . r) (list x r)) 1 2 3)`, `(1 (2 3))`},
		{`(let ((x 1)) (set! x (+ x 1)) x)`, `2`},
		{`(car '())`, `!car: expected pair, got ()`},
	})
}
