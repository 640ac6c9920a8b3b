package rt

import (
	"io"
	"strings"

	"github.com/lambdust/lambdust/parse"
)

// This file holds the procedures of R7RS 6.13 (input and output) and the
// error predicates read-error? and file-error? (6.11). The ports themselves
// are in port.go, the printer in print.go and write.go.

// ---------------------------------------------------------------------------
// Argument checks

// portValueArg checks that v is a port.
func portValueArg(t *Thread, who string, v Value) *Port {
	if !v.Is(TPort) {
		t.TypeError(who, "port", v)
	}
	return v.Port()
}

// inPortArg returns the optional input port argument args[i], defaulting to
// the current input port, and checks that it is textual (or binary).
func inPortArg(t *Thread, who string, args []Value, i int, binary bool) *Port {
	var p *Port
	v, ok := optArg(args, i)
	if ok {
		if !v.Is(TPort) || !v.Port().IsInput() {
			t.TypeError(who, kindName(binary)+" input port", v)
		}
		p = v.Port()
	} else {
		p = t.CurrentInput()
		v = p.Value()
	}
	if (binary && !p.IsBinary()) || (!binary && !p.IsTextual()) {
		t.TypeError(who, kindName(binary)+" input port", v)
	}
	return p
}

// outPortArg returns the optional output port argument args[i], defaulting
// to the current output port, and checks that it is textual (or binary).
func outPortArg(t *Thread, who string, args []Value, i int, binary bool) *Port {
	var p *Port
	v, ok := optArg(args, i)
	if ok {
		if !v.Is(TPort) || !v.Port().IsOutput() {
			t.TypeError(who, kindName(binary)+" output port", v)
		}
		p = v.Port()
	} else {
		p = t.CurrentOutput()
		v = p.Value()
	}
	if (binary && !p.IsBinary()) || (!binary && !p.IsTextual()) {
		t.TypeError(who, kindName(binary)+" output port", v)
	}
	return p
}

func kindName(binary bool) string {
	if binary {
		return "binary"
	}
	return "textual"
}

// fileNameArg checks that v is a string and returns it.
func fileNameArg(t *Thread, who string, v Value) string {
	if !v.IsString() {
		t.TypeError(who, "string", v)
	}
	return v.Str().String()
}

// lockIn locks p for input, raising if its input side is closed.
func (p *Port) lockIn(t *Thread, who string) {
	p.mu.Lock()
	if p.flags&pInOpen == 0 {
		p.mu.Unlock()
		t.Errorf(who, "input port %s is closed", p.Name)
	}
}

// lockOut locks p for output, raising if its output side is closed.
func (p *Port) lockOut(t *Thread, who string) {
	p.flushBefore()
	p.mu.Lock()
	if p.flags&pOutOpen == 0 {
		p.mu.Unlock()
		t.Errorf(who, "output port %s is closed", p.Name)
	}
}

// ioError raises the file-error for an I/O failure on p (call unlocked).
func ioError(t *Thread, who string, p *Port, err error) Value {
	return t.Raise(FileError(who, "I/O error on "+p.Name+": "+osReason(err)).Value())
}

// ---------------------------------------------------------------------------
// Port predicates and closing

// PortP is (port? obj).
func PortP(t *Thread, x Value) Value { return Bool(x.Is(TPort)) }

// InputPortP is (input-port? obj).
func InputPortP(t *Thread, x Value) Value { return Bool(x.Is(TPort) && x.Port().IsInput()) }

// OutputPortP is (output-port? obj).
func OutputPortP(t *Thread, x Value) Value { return Bool(x.Is(TPort) && x.Port().IsOutput()) }

// TextualPortP is (textual-port? obj).
func TextualPortP(t *Thread, x Value) Value { return Bool(x.Is(TPort) && x.Port().IsTextual()) }

// BinaryPortP is (binary-port? obj).
func BinaryPortP(t *Thread, x Value) Value { return Bool(x.Is(TPort) && x.Port().IsBinary()) }

// InputPortOpenP is (input-port-open? port).
func InputPortOpenP(t *Thread, x Value) Value {
	return Bool(portValueArg(t, "input-port-open?", x).InputOpen())
}

// OutputPortOpenP is (output-port-open? port).
func OutputPortOpenP(t *Thread, x Value) Value {
	return Bool(portValueArg(t, "output-port-open?", x).OutputOpen())
}

// ClosePort is (close-port port).
func ClosePort(t *Thread, x Value) Value {
	p := portValueArg(t, "close-port", x)
	if err := p.Close(); err != nil {
		return ioError(t, "close-port", p, err)
	}
	return Unspecified
}

// CloseInputPort is (close-input-port port).
func CloseInputPort(t *Thread, x Value) Value {
	if !x.Is(TPort) || !x.Port().IsInput() {
		return t.TypeError("close-input-port", "input port", x)
	}
	p := x.Port()
	if err := p.CloseInput(); err != nil {
		return ioError(t, "close-input-port", p, err)
	}
	return Unspecified
}

// CloseOutputPort is (close-output-port port).
func CloseOutputPort(t *Thread, x Value) Value {
	if !x.Is(TPort) || !x.Port().IsOutput() {
		return t.TypeError("close-output-port", "output port", x)
	}
	p := x.Port()
	if err := p.CloseOutput(); err != nil {
		return ioError(t, "close-output-port", p, err)
	}
	return Unspecified
}

// ---------------------------------------------------------------------------
// String and bytevector ports

// OpenInputStringP is (open-input-string string).
func OpenInputStringP(t *Thread, s Value) Value {
	if !s.IsString() {
		return t.TypeError("open-input-string", "string", s)
	}
	return openInputRunes(append([]rune(nil), s.Str().R...)).Value()
}

// OpenOutputStringP is (open-output-string).
func OpenOutputStringP(t *Thread) Value { return OpenOutputString().Value() }

// GetOutputString is (get-output-string port).
func GetOutputString(t *Thread, x Value) Value {
	if !x.Is(TPort) || x.Port().flags&pStrOut == 0 {
		return t.TypeError("get-output-string", "string output port", x)
	}
	p := x.Port()
	p.mu.Lock()
	s := StrRunes(append([]rune(nil), p.sbuf...))
	p.mu.Unlock()
	return s
}

// OpenInputBytevectorP is (open-input-bytevector bytevector).
func OpenInputBytevectorP(t *Thread, b Value) Value {
	if !b.Is(TBytevector) {
		return t.TypeError("open-input-bytevector", "bytevector", b)
	}
	return OpenInputBytevector(append([]byte(nil), b.Bytes().B...)).Value()
}

// OpenOutputBytevectorP is (open-output-bytevector).
func OpenOutputBytevectorP(t *Thread) Value { return OpenOutputBytevector().Value() }

// GetOutputBytevector is (get-output-bytevector port).
func GetOutputBytevector(t *Thread, x Value) Value {
	if !x.Is(TPort) || x.Port().flags&pBytesOut == 0 {
		return t.TypeError("get-output-bytevector", "bytevector output port", x)
	}
	return NewBytevector(x.Port().OutputBytes())
}

// ---------------------------------------------------------------------------
// File ports

func openIn(t *Thread, who string, name Value, binary bool) *Port {
	p, c := OpenInputFile(who, fileNameArg(t, who, name), !binary, binary)
	if c != nil {
		t.Raise(c.Value())
	}
	return p
}

func openOut(t *Thread, who string, name Value, binary bool) *Port {
	p, c := OpenOutputFile(who, fileNameArg(t, who, name), !binary, binary)
	if c != nil {
		t.Raise(c.Value())
	}
	return p
}

// OpenInputFileP is (open-input-file string).
func OpenInputFileP(t *Thread, name Value) Value {
	return openIn(t, "open-input-file", name, false).Value()
}

// OpenBinaryInputFile is (open-binary-input-file string).
func OpenBinaryInputFile(t *Thread, name Value) Value {
	return openIn(t, "open-binary-input-file", name, true).Value()
}

// OpenOutputFileP is (open-output-file string).
func OpenOutputFileP(t *Thread, name Value) Value {
	return openOut(t, "open-output-file", name, false).Value()
}

// OpenBinaryOutputFile is (open-binary-output-file string).
func OpenBinaryOutputFile(t *Thread, name Value) Value {
	return openOut(t, "open-binary-output-file", name, true).Value()
}

// callClosing calls proc with p and closes p when proc returns. If proc
// escapes (an error or a continuation), p stays open, as R7RS requires of
// call-with-port; FlushAll still flushes it at exit.
func callClosing(t *Thread, who string, p *Port, proc Value) Value {
	r := t.Call1(proc, p.Value())
	if err := p.Close(); err != nil {
		ioError(t, who, p, err)
	}
	return r
}

// CallWithPort is (call-with-port port proc).
func CallWithPort(t *Thread, port, proc Value) Value {
	return callClosing(t, "call-with-port", portValueArg(t, "call-with-port", port), proc)
}

// CallWithInputFile is (call-with-input-file string proc).
func CallWithInputFile(t *Thread, name, proc Value) Value {
	const who = "call-with-input-file"
	t.procOf(proc)
	return callClosing(t, who, openIn(t, who, name, false), proc)
}

// CallWithOutputFile is (call-with-output-file string proc).
func CallWithOutputFile(t *Thread, name, proc Value) Value {
	const who = "call-with-output-file"
	t.procOf(proc)
	return callClosing(t, who, openOut(t, who, name, false), proc)
}

// WithInputFromFile is (with-input-from-file string thunk). The previous
// current input port is restored however thunk exits.
func WithInputFromFile(t *Thread, name, thunk Value) Value {
	const who = "with-input-from-file"
	t.procOf(thunk)
	p := openIn(t, who, name, false)
	r := withPort(t, thunk, p, (*Thread).SetCurrentInput)
	if err := p.Close(); err != nil {
		ioError(t, who, p, err)
	}
	return r
}

// WithOutputToFile is (with-output-to-file string thunk). The previous
// current output port is restored however thunk exits.
func WithOutputToFile(t *Thread, name, thunk Value) Value {
	const who = "with-output-to-file"
	t.procOf(thunk)
	p := openOut(t, who, name, false)
	r := withPort(t, thunk, p, (*Thread).SetCurrentOutput)
	if err := p.Close(); err != nil {
		ioError(t, who, p, err)
	}
	return r
}

// withPort calls thunk with p installed by set, restoring the previous
// port on any exit, including a panic unwinding through.
func withPort(t *Thread, thunk Value, p *Port, set func(*Thread, *Port) *Port) Value {
	old := set(t, p)
	defer set(t, old)
	return t.Call0(thunk)
}

// CurrentInputPort is (current-input-port).
func CurrentInputPort(t *Thread) Value { return t.CurrentInput().Value() }

// CurrentOutputPort is (current-output-port).
func CurrentOutputPort(t *Thread) Value { return t.CurrentOutput().Value() }

// CurrentErrorPort is (current-error-port).
func CurrentErrorPort(t *Thread) Value { return t.CurrentError().Value() }

// ---------------------------------------------------------------------------
// Input

// ReadDatum reads the next datum from the textual input port p; it returns
// EOF at the end of input and raises a read error (read-error?) for
// malformed input. The port keeps one reader, so #!fold-case persists and
// positions count from the start of the port.
func ReadDatum(t *Thread, who string, p *Port) Value {
	p.lockIn(t, who)
	if p.reader == nil {
		p.reader = parse.NewReader(p.Name, lockedRunes{p})
	}
	d, err := p.reader.Read()
	p.mu.Unlock()
	if err == io.EOF {
		return EOF
	}
	if err != nil {
		return t.Raise((&Condition{Kind: ErrRead, Who: who, Message: err.Error()}).Value())
	}
	v, perr := FromDatumErr(d)
	if perr != nil {
		return t.Raise((&Condition{Kind: ErrRead, Who: who, Message: perr.Error()}).Value())
	}
	return v
}

// Read is (read [port]).
func Read(t *Thread, args []Value) Value {
	return ReadDatum(t, "read", inPortArg(t, "read", args, 0, false))
}

// ReadChar is (read-char [port]).
func ReadChar(t *Thread, args []Value) Value {
	const who = "read-char"
	p := inPortArg(t, who, args, 0, false)
	p.lockIn(t, who)
	r, err := p.readRuneL()
	p.mu.Unlock()
	return runeResult(t, who, p, r, err)
}

// PeekChar is (peek-char [port]).
func PeekChar(t *Thread, args []Value) Value {
	const who = "peek-char"
	p := inPortArg(t, who, args, 0, false)
	p.lockIn(t, who)
	r, err := p.peekRuneL()
	p.mu.Unlock()
	return runeResult(t, who, p, r, err)
}

func runeResult(t *Thread, who string, p *Port, r rune, err error) Value {
	switch err {
	case nil:
		return Char(r)
	case io.EOF:
		return EOF
	}
	return ioError(t, who, p, err)
}

// ReadLine is (read-line [port]). A line ends at a linefeed, a carriage
// return, or a carriage return and linefeed.
func ReadLine(t *Thread, args []Value) Value {
	const who = "read-line"
	p := inPortArg(t, who, args, 0, false)
	p.lockIn(t, who)
	var line []rune
	var err error
	got := false
	for {
		var r rune
		r, err = p.readRuneL()
		if err != nil {
			break
		}
		got = true
		if r == '\n' {
			break
		}
		if r == '\r' {
			if r2, e := p.peekRuneL(); e == nil && r2 == '\n' {
				p.readRuneL()
			}
			break
		}
		line = append(line, r)
	}
	p.mu.Unlock()
	if err != nil && err != io.EOF {
		return ioError(t, who, p, err)
	}
	if !got {
		return EOF
	}
	return StrRunes(line)
}

// CharReadyP is (char-ready? [port]). For a terminal or pipe with no
// buffered input it answers #f, since it cannot look without blocking.
func CharReadyP(t *Thread, args []Value) Value {
	const who = "char-ready?"
	p := inPortArg(t, who, args, 0, false)
	p.lockIn(t, who)
	ok := p.readyL()
	p.mu.Unlock()
	return Bool(ok)
}

// ReadStringP is (read-string k [port]).
func ReadStringP(t *Thread, args []Value) Value {
	const who = "read-string"
	k := lengthArg(t, who, args[0])
	p := inPortArg(t, who, args, 1, false)
	if k == 0 {
		return Str("")
	}
	p.lockIn(t, who)
	out := make([]rune, 0, min(k, 4096))
	var err error
	for len(out) < k {
		var r rune
		if r, err = p.readRuneL(); err != nil {
			break
		}
		out = append(out, r)
	}
	p.mu.Unlock()
	if err != nil && err != io.EOF {
		return ioError(t, who, p, err)
	}
	if len(out) == 0 {
		return EOF
	}
	return StrRunes(out)
}

// ReadU8 is (read-u8 [port]).
func ReadU8(t *Thread, args []Value) Value {
	const who = "read-u8"
	p := inPortArg(t, who, args, 0, true)
	p.lockIn(t, who)
	b, err := p.readByteL()
	p.mu.Unlock()
	return byteResult(t, who, p, b, err)
}

// PeekU8 is (peek-u8 [port]).
func PeekU8(t *Thread, args []Value) Value {
	const who = "peek-u8"
	p := inPortArg(t, who, args, 0, true)
	p.lockIn(t, who)
	b, err := p.peekByteL()
	p.mu.Unlock()
	return byteResult(t, who, p, b, err)
}

func byteResult(t *Thread, who string, p *Port, b byte, err error) Value {
	switch err {
	case nil:
		return Fixnum(int64(b))
	case io.EOF:
		return EOF
	}
	return ioError(t, who, p, err)
}

// U8ReadyP is (u8-ready? [port]).
func U8ReadyP(t *Thread, args []Value) Value {
	const who = "u8-ready?"
	p := inPortArg(t, who, args, 0, true)
	p.lockIn(t, who)
	ok := p.readyL()
	p.mu.Unlock()
	return Bool(ok)
}

// ReadBytevector is (read-bytevector k [port]).
func ReadBytevector(t *Thread, args []Value) Value {
	const who = "read-bytevector"
	k := lengthArg(t, who, args[0])
	p := inPortArg(t, who, args, 1, true)
	if k == 0 {
		return NewBytevector([]byte{})
	}
	p.lockIn(t, who)
	// Grow the buffer as data arrives rather than trusting k.
	buf := make([]byte, 0, min(k, 64<<10))
	var err error
	for len(buf) < k {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		want := min(cap(buf), k)
		var n int
		n, err = p.readFullL(buf[len(buf):want])
		buf = buf[:len(buf)+n]
		if err != nil || len(buf) < want {
			break
		}
	}
	p.mu.Unlock()
	if err != nil {
		return ioError(t, who, p, err)
	}
	if len(buf) == 0 {
		return EOF
	}
	return NewBytevector(buf)
}

// ReadBytevectorBang is (read-bytevector! bytevector [port [start [end]]]).
func ReadBytevectorBang(t *Thread, args []Value) Value {
	const who = "read-bytevector!"
	bv := args[0]
	if !bv.Is(TBytevector) {
		return t.TypeError(who, "bytevector", bv)
	}
	p := inPortArg(t, who, args, 1, true)
	b := bv.Bytes().B
	start, end := rangeArgs(t, who, args, 2, len(b), "bytevector")
	if start == end {
		return Fixnum(0)
	}
	p.lockIn(t, who)
	n, err := p.readFullL(b[start:end])
	p.mu.Unlock()
	if err != nil {
		return ioError(t, who, p, err)
	}
	if n == 0 {
		return EOF
	}
	return Fixnum(int64(n))
}

// EOFObject is (eof-object).
func EOFObject(t *Thread) Value { return EOF }

// EOFObjectP is (eof-object? obj).
func EOFObjectP(t *Thread, x Value) Value { return Bool(x.IsEOF()) }

// ---------------------------------------------------------------------------
// Output

// putText writes s to the textual output port argument args[i].
func putText(t *Thread, who string, args []Value, i int, s string) {
	p := outPortArg(t, who, args, i, false)
	p.lockOut(t, who)
	p.putStringL(s)
	p.mu.Unlock()
}

// Write is (write obj [port]): datum labels only for cycles.
func Write(t *Thread, args []Value) Value {
	putText(t, "write", args, 1, WriteString(args[0]))
	return Unspecified
}

// WriteSharedP is (write-shared obj [port]): labels for all shared pairs
// and vectors.
func WriteSharedP(t *Thread, args []Value) Value {
	putText(t, "write-shared", args, 1, WriteShared(args[0]))
	return Unspecified
}

// WriteSimpleP is (write-simple obj [port]): no labels; does not terminate
// on circular structure.
func WriteSimpleP(t *Thread, args []Value) Value {
	p := outPortArg(t, "write-simple", args, 1, false)
	s := WriteSimple(args[0])
	p.lockOut(t, "write-simple")
	p.putStringL(s)
	p.mu.Unlock()
	return Unspecified
}

// Display is (display obj [port]). Cycles are shown with datum labels.
func Display(t *Thread, args []Value) Value {
	x := args[0]
	if x.IsString() {
		// The common case: no conversion through a printer.
		p := outPortArg(t, "display", args, 1, false)
		p.lockOut(t, "display")
		p.putRunesL(x.Str().R)
		p.mu.Unlock()
		return Unspecified
	}
	putText(t, "display", args, 1, DisplayString(x))
	return Unspecified
}

// Newline is (newline [port]).
func Newline(t *Thread, args []Value) Value {
	putText(t, "newline", args, 0, "\n")
	return Unspecified
}

// WriteChar is (write-char char [port]).
func WriteChar(t *Thread, args []Value) Value {
	const who = "write-char"
	c := args[0]
	if !c.IsChar() {
		return t.TypeError(who, "char", c)
	}
	p := outPortArg(t, who, args, 1, false)
	p.lockOut(t, who)
	p.putRuneL(c.Rune())
	p.mu.Unlock()
	return Unspecified
}

// WriteStringP is (write-string string [port [start [end]]]).
func WriteStringP(t *Thread, args []Value) Value {
	const who = "write-string"
	s := args[0]
	if !s.IsString() {
		return t.TypeError(who, "string", s)
	}
	p := outPortArg(t, who, args, 1, false)
	rs := s.Str().R
	start, end := rangeArgs(t, who, args, 2, len(rs), "string")
	p.lockOut(t, who)
	p.putRunesL(rs[start:end])
	p.mu.Unlock()
	return Unspecified
}

// WriteU8 is (write-u8 byte [port]).
func WriteU8(t *Thread, args []Value) Value {
	const who = "write-u8"
	b := args[0]
	if !b.IsFixnum() || b.Int() < 0 || b.Int() > 255 {
		return t.TypeError(who, "byte", b)
	}
	p := outPortArg(t, who, args, 1, true)
	p.lockOut(t, who)
	p.putBytesL([]byte{byte(b.Int())})
	p.mu.Unlock()
	return Unspecified
}

// WriteBytevector is (write-bytevector bytevector [port [start [end]]]).
func WriteBytevector(t *Thread, args []Value) Value {
	const who = "write-bytevector"
	bv := args[0]
	if !bv.Is(TBytevector) {
		return t.TypeError(who, "bytevector", bv)
	}
	p := outPortArg(t, who, args, 1, true)
	b := bv.Bytes().B
	start, end := rangeArgs(t, who, args, 2, len(b), "bytevector")
	p.lockOut(t, who)
	p.putBytesL(b[start:end])
	p.mu.Unlock()
	return Unspecified
}

// FlushOutputPort is (flush-output-port [port]).
func FlushOutputPort(t *Thread, args []Value) Value {
	const who = "flush-output-port"
	var p *Port
	if v, ok := optArg(args, 0); ok {
		if !v.Is(TPort) || !v.Port().IsOutput() {
			return t.TypeError(who, "output port", v)
		}
		p = v.Port()
	} else {
		p = t.CurrentOutput()
	}
	p.lockOut(t, who)
	err := p.flushL()
	p.mu.Unlock()
	if err != nil {
		return ioError(t, who, p, err)
	}
	return Unspecified
}

// ---------------------------------------------------------------------------
// Error predicates (R7RS 6.11)

// ReadErrorP is (read-error? obj).
func ReadErrorP(t *Thread, x Value) Value {
	return Bool(x.Is(TCondition) && x.Cond().Kind == ErrRead)
}

// FileErrorP is (file-error? obj).
func FileErrorP(t *Thread, x Value) Value {
	return Bool(x.Is(TCondition) && x.Cond().Kind == ErrFile)
}

// ---------------------------------------------------------------------------

func printPort(b *strings.Builder, v Value, write bool) {
	p := v.Port()
	kind := ""
	switch {
	case p.IsInput() && p.IsOutput():
		kind = "port"
	case p.IsInput():
		kind = "input-port"
	default:
		kind = "output-port"
	}
	b.WriteString("#<" + kind + " " + p.Name + ">")
}

func init() {
	RegisterPrinter(TPort, printPort)

	DefinePure("port?", 1, 1, PortP)
	DefinePure("input-port?", 1, 1, InputPortP)
	DefinePure("output-port?", 1, 1, OutputPortP)
	DefinePure("textual-port?", 1, 1, TextualPortP)
	DefinePure("binary-port?", 1, 1, BinaryPortP)
	Define("input-port-open?", 1, 1, InputPortOpenP)
	Define("output-port-open?", 1, 1, OutputPortOpenP)
	Define("close-port", 1, 1, ClosePort)
	Define("close-input-port", 1, 1, CloseInputPort)
	Define("close-output-port", 1, 1, CloseOutputPort)
	Define("open-input-string", 1, 1, OpenInputStringP)
	Define("open-output-string", 0, 0, OpenOutputStringP)
	Define("get-output-string", 1, 1, GetOutputString)
	Define("open-input-bytevector", 1, 1, OpenInputBytevectorP)
	Define("open-output-bytevector", 0, 0, OpenOutputBytevectorP)
	Define("get-output-bytevector", 1, 1, GetOutputBytevector)
	Define("open-input-file", 1, 1, OpenInputFileP)
	Define("open-binary-input-file", 1, 1, OpenBinaryInputFile)
	Define("open-output-file", 1, 1, OpenOutputFileP)
	Define("open-binary-output-file", 1, 1, OpenBinaryOutputFile)
	Define("call-with-port", 2, 2, CallWithPort)
	Define("call-with-input-file", 2, 2, CallWithInputFile)
	Define("call-with-output-file", 2, 2, CallWithOutputFile)
	Define("with-input-from-file", 2, 2, WithInputFromFile)
	Define("with-output-to-file", 2, 2, WithOutputToFile)
	Define("current-input-port", 0, 0, CurrentInputPort)
	Define("current-output-port", 0, 0, CurrentOutputPort)
	Define("current-error-port", 0, 0, CurrentErrorPort)

	Define("read", 0, 1, Read)
	Define("read-char", 0, 1, ReadChar)
	Define("peek-char", 0, 1, PeekChar)
	Define("read-line", 0, 1, ReadLine)
	Define("char-ready?", 0, 1, CharReadyP)
	Define("read-string", 1, 2, ReadStringP)
	Define("read-u8", 0, 1, ReadU8)
	Define("peek-u8", 0, 1, PeekU8)
	Define("u8-ready?", 0, 1, U8ReadyP)
	Define("read-bytevector", 1, 2, ReadBytevector)
	Define("read-bytevector!", 1, 4, ReadBytevectorBang)
	DefinePure("eof-object", 0, 0, EOFObject)
	DefinePure("eof-object?", 1, 1, EOFObjectP)

	Define("write", 1, 2, Write)
	Define("write-shared", 1, 2, WriteSharedP)
	Define("write-simple", 1, 2, WriteSimpleP)
	Define("display", 1, 2, Display)
	Define("newline", 0, 1, Newline)
	Define("write-char", 1, 2, WriteChar)
	Define("write-string", 1, 4, WriteStringP)
	Define("write-u8", 1, 2, WriteU8)
	Define("write-bytevector", 1, 4, WriteBytevector)
	Define("flush-output-port", 0, 1, FlushOutputPort)

	DefinePure("read-error?", 1, 1, ReadErrorP)
	DefinePure("file-error?", 1, 1, FileErrorP)
}
