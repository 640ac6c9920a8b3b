package rt

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPortPredicates(t *testing.T) {
	th := NewThread()
	tests := []struct {
		name                  string
		p                     Value
		in, out, textual, bin bool
	}{
		{"input string", OpenInputString("x").Value(), true, false, true, false},
		{"output string", OpenOutputString().Value(), false, true, true, false},
		{"input bytevector", OpenInputBytevector([]byte{1}).Value(), true, false, false, true},
		{"output bytevector", OpenOutputBytevector().Value(), false, true, false, true},
		{"stdin", Stdin.Value(), true, false, true, true},
		{"stdout", Stdout.Value(), false, true, true, true},
		{"stderr", Stderr.Value(), false, true, true, true},
	}
	for _, tc := range tests {
		got := []bool{
			PortP(th, tc.p).IsTrue(), InputPortP(th, tc.p).IsTrue(), OutputPortP(th, tc.p).IsTrue(),
			TextualPortP(th, tc.p).IsTrue(), BinaryPortP(th, tc.p).IsTrue(),
		}
		want := []bool{true, tc.in, tc.out, tc.textual, tc.bin}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%s: predicate %d = %v", tc.name, i, got[i])
			}
		}
	}
	for _, x := range []Value{Fixnum(1), Str("s"), Null, EOF} {
		if PortP(th, x).IsTrue() || InputPortP(th, x).IsTrue() || OutputPortP(th, x).IsTrue() ||
			TextualPortP(th, x).IsTrue() || BinaryPortP(th, x).IsTrue() {
			t.Errorf("%s is a port", WriteString(x))
		}
	}
	if got := WriteString(OpenInputString("").Value()); got != "#<input-port string>" {
		t.Errorf("printed %q", got)
	}
	if got := DisplayString(Stdout.Value()); got != "#<output-port stdout>" {
		t.Errorf("printed %q", got)
	}
}

func TestCurrentPorts(t *testing.T) {
	th := NewThread()
	if !Eq(CurrentInputPort(th), Stdin.Value()) || !Eq(CurrentOutputPort(th), Stdout.Value()) ||
		!Eq(CurrentErrorPort(th), Stderr.Value()) {
		t.Fatal("initial current ports are not the standard ports")
	}
	in, out, errp := OpenInputString("abc"), OpenOutputString(), OpenOutputString()
	if old := th.SetCurrentInput(in); old != Stdin {
		t.Fatal("SetCurrentInput returned the wrong previous port")
	}
	th.SetCurrentOutput(out)
	th.SetCurrentError(errp)
	if th.CurrentInput() != in || th.CurrentOutput() != out || th.CurrentError() != errp {
		t.Fatal("set ports not current")
	}
	if c := ReadChar(th, nil); c.Rune() != 'a' {
		t.Fatal("read-char does not default to the current input port")
	}
	Display(th, []Value{Str("hi")})
	Display(th, []Value{Str("err"), CurrentErrorPort(th)})
	if out.OutputString() != "hi" || errp.OutputString() != "err" {
		t.Fatal("output went astray")
	}
	// Another thread is unaffected.
	if NewThread().CurrentOutput() != Stdout {
		t.Fatal("current port leaked to another thread")
	}
}

func TestStringInput(t *testing.T) {
	th := NewThread()
	p := OpenInputStringP(th, Str("ab\ncd\r\nef\rgh\n\nlast"))
	if c := PeekChar(th, []Value{p}); c.Rune() != 'a' {
		t.Fatal("peek-char")
	}
	if c := ReadChar(th, []Value{p}); c.Rune() != 'a' {
		t.Fatal("read-char after peek-char")
	}
	var lines []string
	for {
		l := ReadLine(th, []Value{p})
		if l.IsEOF() {
			break
		}
		lines = append(lines, l.Str().String())
	}
	if got := strings.Join(lines, "|"); got != "b|cd|ef|gh||last" {
		t.Fatalf("read-line: %q", got)
	}
	if !ReadChar(th, []Value{p}).IsEOF() || !PeekChar(th, []Value{p}).IsEOF() || !ReadLine(th, []Value{p}).IsEOF() {
		t.Fatal("not at eof")
	}
	if CharReadyP(th, []Value{p}).IsFalse() {
		t.Fatal("char-ready? at eof must be #t")
	}
	// read-string.
	p = OpenInputString("héllo wörld").Value()
	if s := ReadStringP(th, []Value{Fixnum(5), p}); s.Str().String() != "héllo" {
		t.Fatalf("read-string: %q", s.Str().String())
	}
	if s := ReadStringP(th, []Value{Fixnum(0), p}); s.Str().String() != "" {
		t.Fatal("read-string 0")
	}
	if s := ReadStringP(th, []Value{Fixnum(100), p}); s.Str().String() != " wörld" {
		t.Fatalf("read-string rest: %q", s.Str().String())
	}
	if !ReadStringP(th, []Value{Fixnum(3), p}).IsEOF() {
		t.Fatal("read-string at eof")
	}
	ioMustRaise(t, ErrGeneral, func() { ReadStringP(th, []Value{Fixnum(-1), p}) }, "read-string")
	// A line ending in CR at end of input, and an empty line at the end.
	p = OpenInputString("x\r").Value()
	if l := ReadLine(th, []Value{p}); l.Str().String() != "x" || !ReadLine(th, []Value{p}).IsEOF() {
		t.Fatal("CR at end")
	}
	p = OpenInputString("\n").Value()
	if l := ReadLine(th, []Value{p}); !l.IsString() || l.Str().String() != "" || !ReadLine(th, []Value{p}).IsEOF() {
		t.Fatal("lone newline")
	}
	// The string is copied when the port is opened.
	s := Str("abc")
	p = OpenInputStringP(th, s)
	s.Str().R[0] = 'z'
	if c := ReadChar(th, []Value{p}); c.Rune() != 'a' {
		t.Fatal("input string port shares the string")
	}
	// Errors.
	ioMustRaise(t, ErrGeneral, func() { ReadU8(th, []Value{p}) }, "read-u8", "binary input port")
	ioMustRaise(t, ErrGeneral, func() { ReadChar(th, []Value{OpenOutputString().Value()}) }, "read-char", "textual input port")
	ioMustRaise(t, ErrGeneral, func() { OpenInputStringP(th, Fixnum(1)) }, "open-input-string", "string")
	// io.RuneScanner.
	rp := OpenInputString("xy")
	r, n, err := rp.ReadRune()
	if r != 'x' || n != 1 || err != nil || rp.UnreadRune() != nil {
		t.Fatal("ReadRune/UnreadRune")
	}
	if r, _, _ := rp.ReadRune(); r != 'x' {
		t.Fatal("UnreadRune did not push back")
	}
}

func TestBinaryInput(t *testing.T) {
	th := NewThread()
	p := OpenInputBytevectorP(th, NewBytevector([]byte{1, 2, 3, 4, 5, 6, 7}))
	if b := PeekU8(th, []Value{p}); b.Int() != 1 {
		t.Fatal("peek-u8")
	}
	if b := ReadU8(th, []Value{p}); b.Int() != 1 {
		t.Fatal("read-u8")
	}
	if U8ReadyP(th, []Value{p}).IsFalse() {
		t.Fatal("u8-ready?")
	}
	if bv := ReadBytevector(th, []Value{Fixnum(2), p}); WriteString(bv) != "#u8(2 3)" {
		t.Fatalf("read-bytevector: %s", WriteString(bv))
	}
	buf := NewBytevector([]byte{0, 0, 0, 0, 0})
	if n := ReadBytevectorBang(th, []Value{buf, p, Fixnum(1), Fixnum(3)}); n.Int() != 2 || WriteString(buf) != "#u8(0 4 5 0 0)" {
		t.Fatalf("read-bytevector!: %s %s", WriteString(n), WriteString(buf))
	}
	if n := ReadBytevectorBang(th, []Value{buf, p, Fixnum(2), Fixnum(2)}); n.Int() != 0 {
		t.Fatal("read-bytevector! empty range")
	}
	if n := ReadBytevectorBang(th, []Value{buf, p}); n.Int() != 2 || WriteString(buf) != "#u8(6 7 5 0 0)" {
		t.Fatalf("read-bytevector! short: %s %s", WriteString(n), WriteString(buf))
	}
	if !ReadBytevectorBang(th, []Value{buf, p}).IsEOF() || !ReadBytevector(th, []Value{Fixnum(3), p}).IsEOF() ||
		!ReadU8(th, []Value{p}).IsEOF() || !PeekU8(th, []Value{p}).IsEOF() {
		t.Fatal("binary eof")
	}
	if bv := ReadBytevector(th, []Value{Fixnum(0), p}); !bv.Is(TBytevector) || len(bv.Bytes().B) != 0 {
		t.Fatal("read-bytevector 0")
	}
	// A large k does not allocate k bytes up front, and short input is fine.
	p = OpenInputBytevector([]byte("hello")).Value()
	if bv := ReadBytevector(th, []Value{Fixnum(1 << 30), p}); string(bv.Bytes().B) != "hello" {
		t.Fatal("read-bytevector large k")
	}
	ioMustRaise(t, ErrGeneral, func() { ReadChar(th, []Value{p}) }, "textual input port")
	ioMustRaise(t, ErrGeneral, func() { ReadBytevectorBang(th, []Value{buf, p, Fixnum(4), Fixnum(9)}) }, "read-bytevector!")
	ioMustRaise(t, ErrGeneral, func() { ReadBytevectorBang(th, []Value{Str("x"), p}) }, "bytevector")
	ioMustRaise(t, ErrGeneral, func() { OpenInputBytevectorP(th, Str("x")) }, "open-input-bytevector")
}

func TestCloseAndClosedPorts(t *testing.T) {
	th := NewThread()
	in := OpenInputString("abc").Value()
	out := OpenOutputString().Value()
	if InputPortOpenP(th, in).IsFalse() || OutputPortOpenP(th, out).IsFalse() {
		t.Fatal("new ports not open")
	}
	if OutputPortOpenP(th, in).IsTrue() || InputPortOpenP(th, out).IsTrue() {
		t.Fatal("wrong side open")
	}
	Display(th, []Value{Str("kept"), out})
	CloseInputPort(th, in)
	CloseOutputPort(th, out)
	ClosePort(th, in) // closing again does nothing
	ClosePort(th, out)
	if InputPortOpenP(th, in).IsTrue() || OutputPortOpenP(th, out).IsTrue() {
		t.Fatal("closed ports still open")
	}
	ioMustRaise(t, ErrGeneral, func() { ReadChar(th, []Value{in}) }, "read-char", "closed")
	ioMustRaise(t, ErrGeneral, func() { Read(th, []Value{in}) }, "read", "closed")
	ioMustRaise(t, ErrGeneral, func() { Display(th, []Value{Fixnum(1), out}) }, "display", "closed")
	ioMustRaise(t, ErrGeneral, func() { FlushOutputPort(th, []Value{out}) }, "closed")
	if GetOutputString(th, out).Str().String() != "kept" {
		t.Fatal("get-output-string after close")
	}
	ioMustRaise(t, ErrGeneral, func() { CloseInputPort(th, out) }, "close-input-port", "input port")
	ioMustRaise(t, ErrGeneral, func() { CloseOutputPort(th, in) }, "close-output-port", "output port")
	ioMustRaise(t, ErrGeneral, func() { ClosePort(th, Fixnum(1)) }, "close-port", "port")
	ioMustRaise(t, ErrGeneral, func() { InputPortOpenP(th, Fixnum(1)) }, "input-port-open?")
}

func TestEOFObject(t *testing.T) {
	th := NewThread()
	if !EOFObject(th).IsEOF() || EOFObjectP(th, EOF).IsFalse() || EOFObjectP(th, Null).IsTrue() {
		t.Fatal("eof-object")
	}
}

func TestFilePorts(t *testing.T) {
	th := NewThread()
	dir := t.TempDir()
	name := filepath.Join(dir, "out.txt")
	p := OpenOutputFileP(th, Str(name))
	if TextualPortP(th, p).IsFalse() || BinaryPortP(th, p).IsTrue() {
		t.Fatal("open-output-file port kind")
	}
	Write(th, []Value{List(Str("a"), Fixnum(1)), p})
	Newline(th, []Value{p})
	WriteStringP(th, []Value{Str("second line λ"), p})
	// Buffered: nothing reaches the file before a flush.
	if b, _ := os.ReadFile(name); len(b) != 0 {
		t.Fatalf("unflushed data written: %q", b)
	}
	FlushOutputPort(th, []Value{p})
	if b, _ := os.ReadFile(name); string(b) != "(\"a\" 1)\nsecond line λ" {
		t.Fatalf("after flush: %q", b)
	}
	WriteChar(th, []Value{Char('!'), p})
	ClosePort(th, p)
	if FileExistsP(th, Str(name)).IsFalse() {
		t.Fatal("file-exists?")
	}
	in := OpenInputFileP(th, Str(name))
	if v := Read(th, []Value{in}); WriteString(v) != `("a" 1)` {
		t.Fatalf("read from file: %s", WriteString(v))
	}
	if l := ReadLine(th, []Value{in}); l.Str().String() != "" {
		t.Fatalf("rest of first line: %q", l.Str().String())
	}
	if l := ReadLine(th, []Value{in}); l.Str().String() != "second line λ!" {
		t.Fatalf("second line: %q", l.Str().String())
	}
	if !ReadLine(th, []Value{in}).IsEOF() || CharReadyP(th, []Value{in}).IsFalse() {
		t.Fatal("file eof")
	}
	ClosePort(th, in)

	// Binary files.
	bname := filepath.Join(dir, "bin")
	bp := OpenBinaryOutputFile(th, Str(bname))
	if TextualPortP(th, bp).IsTrue() || BinaryPortP(th, bp).IsFalse() {
		t.Fatal("binary output port kind")
	}
	WriteBytevector(th, []Value{NewBytevector([]byte{0, 1, 2, 250}), bp})
	WriteU8(th, []Value{Fixnum(7), bp})
	ClosePort(th, bp)
	bi := OpenBinaryInputFile(th, Str(bname))
	if PeekU8(th, []Value{bi}).Int() != 0 || ReadU8(th, []Value{bi}).Int() != 0 {
		t.Fatal("binary read")
	}
	if bv := ReadBytevector(th, []Value{Fixnum(10), bi}); WriteString(bv) != "#u8(1 2 250 7)" {
		t.Fatalf("binary file: %s", WriteString(bv))
	}
	if !ReadU8(th, []Value{bi}).IsEOF() {
		t.Fatal("binary file eof")
	}
	ioMustRaise(t, ErrGeneral, func() { ReadChar(th, []Value{bi}) }, "textual input port")
	ClosePort(th, bi)

	// delete-file.
	DeleteFile(th, Str(bname))
	if FileExistsP(th, Str(bname)).IsTrue() {
		t.Fatal("deleted file exists")
	}
	c := ioMustRaise(t, ErrFile, func() { DeleteFile(th, Str(bname)) }, "delete-file", bname, "no such file")
	if FileErrorP(th, c.Value()).IsFalse() || ReadErrorP(th, c.Value()).IsTrue() {
		t.Fatal("file-error? / read-error?")
	}
	ioMustRaise(t, ErrGeneral, func() { FileExistsP(th, Fixnum(1)) }, "file-exists?", "string")
}

func TestFileErrors(t *testing.T) {
	th := NewThread()
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.txt")
	ioMustRaise(t, ErrFile, func() { OpenInputFileP(th, Str(missing)) }, "open-input-file", "missing.txt", "no such file or directory")
	ioMustRaise(t, ErrFile, func() { OpenBinaryInputFile(th, Str(missing)) }, "open-binary-input-file", "missing.txt")
	ioMustRaise(t, ErrFile, func() { OpenInputFileP(th, Str(dir)) }, "is a directory")
	ioMustRaise(t, ErrFile, func() { OpenOutputFileP(th, Str(filepath.Join(missing, "x"))) }, "open-output-file", "for writing")
	ioMustRaise(t, ErrFile, func() { OpenBinaryOutputFile(th, Str(filepath.Join(missing, "x"))) }, "open-binary-output-file")
	ioMustRaise(t, ErrFile, func() { CallWithInputFile(th, Str(missing), ioProc1(func(t *Thread, a Value) Value { return a })) }, "call-with-input-file")
	ioMustRaise(t, ErrFile, func() { WithInputFromFile(th, Str(missing), ioProc0(func(t *Thread) Value { return Null })) }, "with-input-from-file")
	ioMustRaise(t, ErrGeneral, func() { OpenInputFileP(th, Intern("sym")) }, "open-input-file", "string")
}

func TestCallWithPorts(t *testing.T) {
	th := NewThread()
	dir := t.TempDir()
	name := filepath.Join(dir, "f.scm")

	var seen *Port
	r := CallWithOutputFile(th, Str(name), ioProc1(func(t *Thread, p Value) Value {
		seen = p.Port()
		Write(t, []Value{List(Intern("hello"), Str("world")), p})
		return Fixnum(42)
	}))
	if r.Int() != 42 || seen.OutputOpen() {
		t.Fatal("call-with-output-file: result or port not closed")
	}
	r = CallWithInputFile(th, Str(name), ioProc1(func(t *Thread, p Value) Value {
		seen = p.Port()
		return Read(t, []Value{p})
	}))
	if WriteString(r) != `(hello "world")` || seen.InputOpen() {
		t.Fatalf("call-with-input-file: %s", WriteString(r))
	}
	// call-with-port closes on return, returns all values.
	sp := OpenInputString("z")
	r = CallWithPort(th, sp.Value(), ioProc1(func(t *Thread, p Value) Value {
		return Values(ReadChar(t, []Value{p}), Fixnum(2))
	}))
	if vs := ValuesOf(r); len(vs) != 2 || vs[0].Rune() != 'z' || sp.InputOpen() {
		t.Fatal("call-with-port")
	}
	// An escape leaves the port open.
	sp = OpenInputString("z")
	ioMustRaise(t, ErrGeneral, func() {
		CallWithPort(th, sp.Value(), ioProc1(func(t *Thread, p Value) Value { return t.Errorf("proc", "boom") }))
	}, "boom")
	if !sp.InputOpen() {
		t.Fatal("call-with-port closed the port on escape")
	}
	ioMustRaise(t, ErrGeneral, func() { CallWithPort(th, Fixnum(1), ioProc1(nil)) }, "call-with-port", "port")
}

func TestWithFile(t *testing.T) {
	th := NewThread()
	dir := t.TempDir()
	name := filepath.Join(dir, "w.txt")
	var inner *Port
	r := WithOutputToFile(th, Str(name), ioProc0(func(t *Thread) Value {
		inner = t.CurrentOutput()
		Display(t, []Value{Str("to file")})
		Newline(t, nil)
		return Intern("done")
	}))
	if WriteString(r) != "done" || th.CurrentOutput() != Stdout || inner == Stdout || inner.OutputOpen() {
		t.Fatal("with-output-to-file: result, restore or close")
	}
	r = WithInputFromFile(th, Str(name), ioProc0(func(t *Thread) Value {
		return ReadLine(t, nil)
	}))
	if r.Str().String() != "to file" || th.CurrentInput() != Stdin {
		t.Fatal("with-input-from-file")
	}
	// The previous port is restored when the thunk raises.
	ioMustRaise(t, ErrGeneral, func() {
		WithOutputToFile(th, Str(name), ioProc0(func(t *Thread) Value {
			Display(t, []Value{Str("partial")})
			return t.Errorf("thunk", "failed")
		}))
	}, "failed")
	if th.CurrentOutput() != Stdout {
		t.Fatal("current output not restored after an error")
	}
	ioMustRaise(t, ErrGeneral, func() {
		WithInputFromFile(th, Str(name), ioProc0(func(t *Thread) Value { return t.Errorf("thunk", "failed") }))
	}, "failed")
	if th.CurrentInput() != Stdin {
		t.Fatal("current input not restored after an error")
	}
	// FlushAll writes what the abandoned port held.
	FlushAll()
	if b, _ := os.ReadFile(name); string(b) != "partial" {
		t.Fatalf("FlushAll: %q", b)
	}
}

func TestGoPortAPI(t *testing.T) {
	var sb strings.Builder
	p := NewOutputPort("sb", &sb)
	p.WriteString("abc")
	if _, err := p.Write([]byte("def")); err != nil {
		t.Fatal(err)
	}
	if sb.Len() != 0 {
		t.Fatal("not buffered")
	}
	p.Flush()
	if sb.String() != "abcdef" {
		t.Fatalf("%q", sb.String())
	}
	p.WriteString("g")
	p.Close()
	p.WriteString("ignored after close")
	if sb.String() != "abcdefg" {
		t.Fatalf("%q", sb.String())
	}
	ip := NewInputPort("r", strings.NewReader("(1 2) x"))
	th := NewThread()
	if v := Read(th, []Value{ip.Value()}); WriteString(v) != "(1 2)" {
		t.Fatal("read from NewInputPort")
	}
	if b, err := ip.ReadByte(); b != ' ' || err != nil {
		t.Fatal("ReadByte")
	}
	if c := ReadU8(th, []Value{ip.Value()}); c.Int() != 'x' {
		t.Fatal("binary read on a Go input port")
	}
}
