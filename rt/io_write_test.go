package rt

import (
	"strings"
	"sync"
	"testing"
)

// ioWriteWith runs a write procedure on obj into a fresh string port.
func ioWriteWith(proc func(*Thread, []Value) Value, obj Value) string {
	p := OpenOutputString()
	proc(NewThread(), []Value{obj, p.Value()})
	return p.OutputString()
}

func TestWriteLabels(t *testing.T) {
	tests := []struct {
		src                  string
		write, shared, displ string
	}{
		{"#0=(a . #0#)", "#0=(a . #0#)", "#0=(a . #0#)", "#0=(a . #0#)"},
		{"#0=(a b . #0#)", "#0=(a b . #0#)", "#0=(a b . #0#)", "#0=(a b . #0#)"},
		{`#0=("s" #\c . #0#)`, `#0=("s" #\c . #0#)`, `#0=("s" #\c . #0#)`, `#0=(s c . #0#)`},
		{"#0=(#0#)", "#0=(#0#)", "#0=(#0#)", "#0=(#0#)"},
		{"#0=#(1 #0#)", "#0=#(1 #0#)", "#0=#(1 #0#)", "#0=#(1 #0#)"},
		// Shared but acyclic: write uses no labels, write-shared does.
		{"(#0=(x) #0#)", "((x) (x))", "(#0=(x) #0#)", "((x) (x))"},
		{"(#0=#(x) #0#)", "(#(x) #(x))", "(#0=#(x) #0#)", "(#(x) #(x))"},
		// Only the cyclic part is labelled by write.
		{"(#0=(y) #1=(z . #1#) #0#)", "((y) #0=(z . #0#) (y))", "(#0=(y) #1=(z . #1#) #0#)", "((y) #0=(z . #0#) (y))"},
		// A cycle through a shared tail: the label goes where the cycle closes.
		{"(1 . #0=(2 3 . #0#))", "(1 . #0=(2 3 . #0#))", "(1 . #0=(2 3 . #0#))", "(1 . #0=(2 3 . #0#))"},
		{"#0=(1 #1=(2 #0# #1#))", "#0=(1 #1=(2 #0# #1#))", "#0=(1 #1=(2 #0# #1#))", "#0=(1 #1=(2 #0# #1#))"},
		{"(1 2 3)", "(1 2 3)", "(1 2 3)", "(1 2 3)"},
		{`"plain"`, `"plain"`, `"plain"`, "plain"},
	}
	for _, tc := range tests {
		v := ioRead1(tc.src)
		if got := ioWriteWith(Write, v); got != tc.write {
			t.Errorf("write %s: %q, want %q", tc.src, got, tc.write)
		}
		if got := ioWriteWith(WriteSharedP, v); got != tc.shared {
			t.Errorf("write-shared %s: %q, want %q", tc.src, got, tc.shared)
		}
		if got := ioWriteWith(Display, v); got != tc.displ {
			t.Errorf("display %s: %q, want %q", tc.src, got, tc.displ)
		}
		if got := WriteString(v); got != tc.write {
			t.Errorf("WriteString %s: %q, want %q", tc.src, got, tc.write)
		}
		if got := DisplayString(v); got != tc.displ {
			t.Errorf("DisplayString %s: %q, want %q", tc.src, got, tc.displ)
		}
	}
}

func TestWriteSimple(t *testing.T) {
	v := ioRead1("(#0=(x) #0# #(1 \"a\"))")
	if got := ioWriteWith(WriteSimpleP, v); got != `((x) (x) #(1 "a"))` {
		t.Fatalf("write-simple: %q", got)
	}
}

func TestWriteBuiltCycles(t *testing.T) {
	// A long circular list (longer than the optimistic budget) and a
	// circular list inside a long acyclic one.
	n := 200_000
	l := Null
	for i := n; i > 0; i-- {
		l = Cons(Fixnum(int64(i)), l)
	}
	last := l
	for last.Pair().Cdr.IsPair() {
		last = last.Pair().Cdr
	}
	last.Pair().Cdr = l
	s := WriteString(l)
	if !strings.HasPrefix(s, "#0=(1 2 3 ") || !strings.HasSuffix(s, " . #0#)") {
		t.Fatalf("long cycle: %q...%q", s[:20], s[len(s)-20:])
	}
	v := NewVector([]Value{Null, Fixnum(1)})
	v.Vec().Items[0] = v
	s = DisplayString(List(v, v))
	if s != "(#0=#(#0# 1) #0#)" {
		t.Fatalf("vector cycle shared twice: %q", s)
	}
}

func TestWriteLongList(t *testing.T) {
	// Long acyclic lists print without deep recursion, with and without
	// the cycle search.
	n := 1_000_000
	l := Null
	for i := 0; i < n; i++ {
		l = Cons(Fixnum(0), l)
	}
	s := WriteString(l)
	if len(s) != 2*n+1 {
		t.Fatalf("length %d", len(s))
	}
	if s2 := WriteShared(l); s2 != s {
		t.Fatal("write-shared of an unshared list differs")
	}
	// Deeply nested (car direction).
	d := Null
	for i := 0; i < 100000; i++ {
		d = List(d)
	}
	if s := WriteString(d); len(s) != 2*100000+2 {
		t.Fatalf("nested length %d", len(s))
	}
}

func TestErrorMessagesOnCycles(t *testing.T) {
	v := ioRead1("#0=(a . #0#)")
	c := ioMustRaise(t, ErrGeneral, func() { NewThread().TypeError("car", "thing", v) })
	if !strings.Contains(c.Text(), "#0=(a . #0#)") {
		t.Fatalf("message %q", c.Text())
	}
}

func TestOutputProcedures(t *testing.T) {
	th := NewThread()
	p := OpenOutputString()
	pv := p.Value()
	Write(th, []Value{Str("a\"b"), pv})
	Display(th, []Value{Str(" x "), pv})
	Display(th, []Value{Char('c'), pv})
	Write(th, []Value{Char('c'), pv})
	Newline(th, []Value{pv})
	WriteChar(th, []Value{Char('λ'), pv})
	WriteStringP(th, []Value{Str("hello"), pv})
	WriteStringP(th, []Value{Str("hello"), pv, Fixnum(1)})
	WriteStringP(th, []Value{Str("hello"), pv, Fixnum(1), Fixnum(3)})
	WriteStringP(th, []Value{Str("hello"), pv, Default, Fixnum(2)})
	Display(th, []Value{List(Str("s"), Char('d'), Intern("sym")), pv})
	Write(th, []Value{List(Str("s"), Char('d'), Intern("sym")), pv})
	FlushOutputPort(th, []Value{pv})
	want := "\"a\\\"b\" x c#\\c\nλhelloelloelhe(s d sym)(\"s\" #\\d sym)"
	if got := GetOutputString(th, pv).Str().String(); got != want {
		t.Fatalf("got %q\nwant %q", got, want)
	}
	// Defaults go to the current output port.
	old := th.SetCurrentOutput(p)
	Display(th, []Value{Fixnum(1)})
	Newline(th, nil)
	WriteChar(th, []Value{Char('z')})
	WriteStringP(th, []Value{Str("!")})
	Write(th, []Value{Str("q")})
	FlushOutputPort(th, nil)
	th.SetCurrentOutput(old)
	if got := p.OutputString(); !strings.HasSuffix(got, "1\nz!\"q\"") {
		t.Fatalf("current port output %q", got)
	}
	if th.CurrentOutput() != Stdout {
		t.Fatal("current output not restored")
	}
	// Errors.
	ioMustRaise(t, ErrGeneral, func() { WriteStringP(th, []Value{Str("abc"), pv, Fixnum(2), Fixnum(5)}) }, "write-string")
	ioMustRaise(t, ErrGeneral, func() { WriteChar(th, []Value{Str("a"), pv}) }, "write-char", "char")
	ioMustRaise(t, ErrGeneral, func() { Write(th, []Value{Fixnum(1), Fixnum(2)}) }, "write", "textual output port")
	ioMustRaise(t, ErrGeneral, func() { Display(th, []Value{Fixnum(1), OpenInputString("").Value()}) }, "display", "output port")
	ioMustRaise(t, ErrGeneral, func() { Display(th, []Value{Fixnum(1), OpenOutputBytevector().Value()}) }, "textual output port")
	ioMustRaise(t, ErrGeneral, func() { WriteU8(th, []Value{Fixnum(1), pv}) }, "write-u8", "binary output port")
	ioMustRaise(t, ErrGeneral, func() { GetOutputString(th, OpenOutputBytevector().Value()) }, "get-output-string")
}

func TestBinaryOutput(t *testing.T) {
	th := NewThread()
	p := OpenOutputBytevector().Value()
	WriteU8(th, []Value{Fixnum(1), p})
	WriteU8(th, []Value{Fixnum(255), p})
	bv := NewBytevector([]byte{10, 20, 30, 40})
	WriteBytevector(th, []Value{bv, p})
	WriteBytevector(th, []Value{bv, p, Fixnum(2)})
	WriteBytevector(th, []Value{bv, p, Fixnum(1), Fixnum(2)})
	got := GetOutputBytevector(th, p)
	if WriteString(got) != "#u8(1 255 10 20 30 40 30 40 20)" {
		t.Fatalf("got %s", WriteString(got))
	}
	ioMustRaise(t, ErrGeneral, func() { WriteU8(th, []Value{Fixnum(256), p}) }, "write-u8", "byte")
	ioMustRaise(t, ErrGeneral, func() { WriteU8(th, []Value{Fixnum(-1), p}) }, "byte")
	ioMustRaise(t, ErrGeneral, func() { WriteBytevector(th, []Value{bv, p, Fixnum(3), Fixnum(2)}) }, "write-bytevector")
	ioMustRaise(t, ErrGeneral, func() { WriteBytevector(th, []Value{Str("x"), p}) }, "bytevector")
	ioMustRaise(t, ErrGeneral, func() { WriteChar(th, []Value{Char('a'), p}) }, "textual output port")
	ioMustRaise(t, ErrGeneral, func() { GetOutputBytevector(th, OpenOutputString().Value()) }, "get-output-bytevector")
}

func TestConcurrentWrites(t *testing.T) {
	p := OpenOutputString()
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			th := NewThread()
			for i := 0; i < 200; i++ {
				Display(th, []Value{Str("ab"), p.Value()})
				WriteChar(th, []Value{Char('c'), p.Value()})
			}
		}()
	}
	wg.Wait()
	if got := len(p.OutputString()); got != 8*200*3 {
		t.Fatalf("wrote %d runes", got)
	}
}
