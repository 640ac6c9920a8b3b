package rt

import (
	"strings"
	"testing"

	"github.com/lambdust/lambdust/parse"
)

func TestReadDatumKinds(t *testing.T) {
	tests := []struct {
		src, want string
		check     func(Value) bool
	}{
		{"42", "42", Value.IsFixnum},
		{"-7", "-7", Value.IsFixnum},
		{"123456789012345678901234567890", "123456789012345678901234567890", func(v Value) bool { return v.Is(TBignum) }},
		{"-9223372036854775809", "-9223372036854775809", func(v Value) bool { return v.Is(TBignum) }},
		{"1/3", "1/3", func(v Value) bool { return v.Is(TRatnum) }},
		{"4/2", "2", Value.IsFixnum},
		{"1.5", "1.5", Value.IsFlonum},
		{"#i1", "1.0", Value.IsFlonum},
		{"+inf.0", "+inf.0", Value.IsFlonum},
		{"#t", "#t", Value.IsBool},
		{"#false", "#f", Value.IsBool},
		{`#\a`, `#\a`, Value.IsChar},
		{`#\space`, `#\space`, Value.IsChar},
		{`#\x41`, `#\A`, Value.IsChar},
		{`"a\nb\"c"`, `"a\nb\"c"`, Value.IsString},
		{"foo", "foo", Value.IsSymbol},
		{"|hello world|", "|hello world|", Value.IsSymbol},
		{"#:key", "|#:key|", Value.IsSymbol},
		{"()", "()", Value.IsNull},
		{"(1 2 3)", "(1 2 3)", Value.IsPair},
		{"(1 . 2)", "(1 . 2)", Value.IsPair},
		{"(1 2 . 3)", "(1 2 . 3)", Value.IsPair},
		{"#(1 #(2) ())", "#(1 #(2) ())", Value.IsVector},
		{"#()", "#()", Value.IsVector},
		{"#u8(1 2 255)", "#u8(1 2 255)", func(v Value) bool { return v.Is(TBytevector) }},
		{"'x", "(quote x)", Value.IsPair},
		{"`(a ,b ,@c)", "(quasiquote (a (unquote b) (unquote-splicing c)))", Value.IsPair},
		{"#;(skipped) kept", "kept", Value.IsSymbol},
		{"#| block |# 5", "5", Value.IsFixnum},
		{"; comment\n6", "6", Value.IsFixnum},
		{"#0=(a b)", "(a b)", Value.IsPair}, // a label without a reference
	}
	for _, tc := range tests {
		v := ioRead1(tc.src)
		if got := WriteString(v); got != tc.want {
			t.Errorf("read %q: wrote %q, want %q", tc.src, got, tc.want)
		}
		if !tc.check(v) {
			t.Errorf("read %q: wrong type %s", tc.src, WriteString(v))
		}
	}
}

func TestReadStringsAreFreshAndMutable(t *testing.T) {
	p := OpenInputString(`"abc" "abc"`).Value()
	th := NewThread()
	a, b := Read(th, []Value{p}), Read(th, []Value{p})
	if Eq(a, b) {
		t.Fatal("two string literals read as one object")
	}
	a.Str().R[0] = 'x'
	if b.Str().String() != "abc" {
		t.Fatal("strings share storage")
	}
}

func TestReadCycles(t *testing.T) {
	// #0=(a . #0#): the cdr is the list itself.
	v := ioRead1("#0=(a . #0#)")
	if !v.IsPair() || !Eq(v.Pair().Cdr, v) || v.Pair().Car.Sym().Name != "a" {
		t.Fatalf("#0=(a . #0#) read wrong")
	}
	// #0=(a b . #0#)
	v = ioRead1("#0=(a b . #0#)")
	if !Eq(v.Pair().Cdr.Pair().Cdr, v) {
		t.Fatal("#0=(a b . #0#): cycle not closed")
	}
	// A car cycle.
	v = ioRead1("#0=(#0# x)")
	if !Eq(v.Pair().Car, v) {
		t.Fatal("#0=(#0# x): car is not the list")
	}
	// A vector containing itself.
	v = ioRead1("#0=#(1 #0#)")
	if !v.IsVector() || !Eq(v.Vec().Items[1], v) {
		t.Fatal("#0=#(1 #0#) read wrong")
	}
	// Shared, not circular: both elements are the same object.
	v = ioRead1("(#0=(x y) #0# #1=\"s\" #1#)")
	items, _ := ListToSlice(v)
	if len(items) != 4 || !Eq(items[0], items[1]) || !Eq(items[2], items[3]) {
		t.Fatalf("shared structure not shared: %s", WriteString(v))
	}
	// Nested labels referring outward.
	v = ioRead1("#0=(1 #1=(2 #0# #1#))")
	inner := v.Pair().Cdr.Pair().Car
	if !Eq(inner.Pair().Cdr.Pair().Car, v) || !Eq(inner.Pair().Cdr.Pair().Cdr.Pair().Car, inner) {
		t.Fatalf("nested labels wrong")
	}
	// Labels are per datum: the same number may be reused in the next one.
	got := ioReadAll(t, "#0=(a . #0#) #0=(b . #0#)")
	if len(got) != 2 || got[0] != "#0=(a . #0#)" || got[1] != "#0=(b . #0#)" {
		t.Fatalf("got %q", got)
	}
}

func TestReadSequenceAndEOF(t *testing.T) {
	got := ioReadAll(t, "1 (2 3) \"four\" five  ; trailing comment\n")
	want := []string{"1", "(2 3)", `"four"`, "five"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("got %q, want %q", got, want)
	}
	th := NewThread()
	p := OpenInputString("   ").Value()
	for i := 0; i < 3; i++ {
		if v := Read(th, []Value{p}); !v.IsEOF() {
			t.Fatalf("read at end #%d: %s", i, WriteString(v))
		}
	}
	// read leaves the port just after the datum.
	p = OpenInputString("abc def").Value()
	Read(th, []Value{p})
	if c := ReadChar(th, []Value{p}); c.Rune() != ' ' {
		t.Fatalf("after read, read-char gave %s", WriteString(c))
	}
	if v := Read(th, []Value{p}); WriteString(v) != "def" {
		t.Fatalf("second read %s", WriteString(v))
	}
}

func TestReadFoldCasePersists(t *testing.T) {
	got := ioReadAll(t, "#!fold-case ABC #\\NEWLINE #!no-fold-case Abc")
	want := []string{"abc", `#\newline`, "Abc"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("got %q, want %q", got, want)
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"(1 2", "string:1:1"},
		{")", "string:1:1"},
		{"\n  \"abc", "string:2:3"},
		{"#(1 . 2)", "string:1"},
		{"1+2i", "complex numbers are not supported"},
		{"#0#", "undefined datum label"},
	}
	for _, tc := range tests {
		c := ioMustRaise(t, ErrRead, func() { ioRead1(tc.src) }, tc.want, "read")
		if ReadErrorP(nil, c.Value()).IsFalse() || FileErrorP(nil, c.Value()).IsTrue() {
			t.Errorf("%q: read-error? / file-error? wrong", tc.src)
		}
	}
	// The port name appears in positions.
	p, _ := OpenInputFileForTest(t, "bad.scm", "(ok)\n(oops")
	th := NewThread()
	Read(th, []Value{p.Value()})
	ioMustRaise(t, ErrRead, func() { Read(th, []Value{p.Value()}) }, "bad.scm:2:1")
}

// OpenInputFileForTest writes content to a file in a temporary directory
// and opens it for input.
func OpenInputFileForTest(tb testing.TB, name, content string) (*Port, string) {
	tb.Helper()
	path := tb.TempDir() + "/" + name
	op, c := OpenOutputFile("test", path, true, false)
	if c != nil {
		tb.Fatal(c.Text())
	}
	op.WriteString(content)
	if err := op.Close(); err != nil {
		tb.Fatal(err)
	}
	p, c := OpenInputFile("test", path, true, false)
	if c != nil {
		tb.Fatal(c.Text())
	}
	tb.Cleanup(func() { p.Close() })
	return p, path
}

func TestFromDatum(t *testing.T) {
	r := parse.NewReaderString("x.scm", "(a #(1 2.5 \"s\") #u8(7) . #t)")
	d, err := r.Read()
	if err != nil {
		t.Fatal(err)
	}
	if got := WriteString(FromDatum(d)); got != `(a #(1 2.5 "s") #u8(7) . #t)` {
		t.Fatalf("FromDatum: %s", got)
	}
	d = &parse.Complex{P: parse.Pos{File: "x.scm", Line: 3, Col: 4}, Re: 1, Im: 2}
	if _, err := FromDatumErr(d); err == nil || !strings.Contains(err.Error(), "x.scm:3:4: complex numbers are not supported") {
		t.Fatalf("FromDatumErr(complex) = %v", err)
	}
	obj, raised := ioCatch(func() { FromDatum(d) })
	if !raised || !obj.Is(TCondition) || obj.Cond().Kind != ErrRead {
		t.Fatalf("FromDatum(complex) did not raise a read error")
	}
}

func TestReadWriteRoundTrip(t *testing.T) {
	srcs := []string{
		`(define (f x) (if (< x 2) x (+ (f (- x 1)) (f (- x 2)))))`,
		`#(1 "two" #\3 (4 . 5) #u8(6) 7/8 9.5 |sym bol| ())`,
		`#0=(a b #1=#(c #0# #1#) . #0#)`,
		`((#0=(x) #0#) #1=(y . #1#))`,
	}
	for _, src := range srcs {
		v := ioRead1(src)
		w1 := WriteString(v)
		w2 := WriteString(ioRead1(w1))
		if w1 != w2 {
			t.Errorf("round trip of %q: %q then %q", src, w1, w2)
		}
		s1 := WriteShared(v)
		if s2 := WriteShared(ioRead1(s1)); s1 != s2 {
			t.Errorf("shared round trip of %q: %q then %q", src, s1, s2)
		}
	}
}
