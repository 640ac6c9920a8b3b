package rt

import (
	"bufio"
	"errors"
	"io"
	"os"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"github.com/lambdust/lambdust/parse"
)

// Port is a Scheme port (R7RS 6.13). One type serves every kind: a port has
// an input side or an output side (the representation allows both, for
// future bidirectional ports), and is textual, binary or both. File ports
// are textual or binary as opened; the standard ports and ports made by
// NewInputPort / NewOutputPort are both.
//
//   - String ports read from / accumulate runes; bytevector ports bytes.
//   - File and standard ports sit on a bufio.Reader / bufio.Writer over an
//     OS stream. Output is buffered; buffered ports are registered so that
//     FlushAll (run at exit) writes what is pending. The standard output is
//     line-buffered when it is a terminal and fully buffered otherwise; the
//     standard error port flushes after each write (and flushes the standard
//     output first, so that the two interleave as written).
//
// Every operation locks the port, so ports may be shared between threads.
// Input ports implement io.RuneScanner (and io.ByteReader), output ports
// io.Writer; these Go methods lock too.
type Port struct {
	Name string

	mu    sync.Mutex
	flags portFlags

	// Input side: exactly one of br, rsrc (string port), bsrc (bytevector
	// port) is the source.
	br       *bufio.Reader
	rsrc     []rune
	bsrc     []byte
	rpos     int  // next index into rsrc / bsrc
	canUnget bool // the last operation on rsrc was a successful ReadRune
	regular  bool // br reads a regular file, so reads never block
	inClose  io.Closer
	reader   *parse.Reader // the datum reader used by read, made on first use

	// Output side: bw for OS streams, sbuf for string ports, bbuf for
	// bytevector ports.
	bw        *bufio.Writer
	sbuf      []rune
	bbuf      []byte
	outClose  io.Closer
	lineBuf   bool  // flush after a write that contains a newline
	autoFlush bool  // flush after every write
	before    *Port // flushed before each write to this port (stdout for stderr)
	werr      error // first write error on bw
}

type portFlags uint16

const (
	pIn portFlags = 1 << iota
	pOut
	pText
	pBin
	pInOpen
	pOutOpen
	pStrOut   // made by open-output-string
	pBytesOut // made by open-output-bytevector
	pRegistered
)

// Value returns p as a Scheme value.
func (p *Port) Value() Value { return heap(unsafe.Pointer(p), TPort) }

// Port returns v's *Port. v must have type TPort.
func (v Value) Port() *Port { return (*Port)(v.p) }

// IsInput reports whether p is an input port.
func (p *Port) IsInput() bool { return p.flags&pIn != 0 }

// IsOutput reports whether p is an output port.
func (p *Port) IsOutput() bool { return p.flags&pOut != 0 }

// IsTextual reports whether p is a textual port.
func (p *Port) IsTextual() bool { return p.flags&pText != 0 }

// IsBinary reports whether p is a binary port.
func (p *Port) IsBinary() bool { return p.flags&pBin != 0 }

// InputOpen reports whether p is an input port that is still open.
func (p *Port) InputOpen() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.flags&pInOpen != 0
}

// OutputOpen reports whether p is an output port that is still open.
func (p *Port) OutputOpen() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.flags&pOutOpen != 0
}

// ---------------------------------------------------------------------------
// Constructors

const portBufSize = 64 << 10

// NewOutputPort makes a buffered output port writing to w. It is both
// textual and binary, and is flushed by FlushAll and when closed. If w is an
// io.Closer, closing the port closes it.
func NewOutputPort(name string, w io.Writer) *Port {
	p := &Port{Name: name, flags: pOut | pOutOpen | pText | pBin, bw: bufio.NewWriterSize(w, portBufSize)}
	if c, ok := w.(io.Closer); ok && w != os.Stdout && w != os.Stderr {
		p.outClose = c
	}
	registerOpen(p)
	return p
}

// NewInputPort makes a buffered input port reading from r. It is both
// textual (UTF-8) and binary. If r is an io.Closer, closing the port closes
// it.
func NewInputPort(name string, r io.Reader) *Port {
	p := &Port{Name: name, flags: pIn | pInOpen | pText | pBin, br: bufio.NewReaderSize(r, portBufSize)}
	if c, ok := r.(io.Closer); ok && r != os.Stdin {
		p.inClose = c
	}
	if f, ok := r.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
			p.regular = true
		}
	}
	return p
}

// OpenInputString makes a textual input port that reads s.
func OpenInputString(s string) *Port { return openInputRunes([]rune(s)) }

func openInputRunes(rs []rune) *Port {
	return &Port{Name: "string", flags: pIn | pInOpen | pText, rsrc: rs}
}

// OpenOutputString makes a textual output port that accumulates characters;
// OutputString returns them.
func OpenOutputString() *Port {
	return &Port{Name: "string", flags: pOut | pOutOpen | pText | pStrOut}
}

// OpenInputBytevector makes a binary input port that reads b (not copied).
func OpenInputBytevector(b []byte) *Port {
	return &Port{Name: "bytevector", flags: pIn | pInOpen | pBin, bsrc: b}
}

// OpenOutputBytevector makes a binary output port that accumulates bytes;
// OutputBytes returns them.
func OpenOutputBytevector() *Port {
	return &Port{Name: "bytevector", flags: pOut | pOutOpen | pBin | pBytesOut}
}

// OutputString returns what has been written to a string output port.
func (p *Port) OutputString() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.flags&pBytesOut != 0 {
		return string(p.bbuf)
	}
	return string(p.sbuf)
}

// OutputBytes returns a copy of what has been written to a bytevector
// output port.
func (p *Port) OutputBytes() []byte {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.flags&pStrOut != 0 {
		return []byte(string(p.sbuf))
	}
	return append([]byte(nil), p.bbuf...)
}

// FileError is a file-error? condition: "who: msg".
func FileError(who, msg string) *Condition {
	return &Condition{Kind: ErrFile, Who: who, Message: msg}
}

// osReason is the OS's explanation of err without the operation and path
// that *fs.PathError adds.
func osReason(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// OpenInputFile opens the named file for input. The port is textual, binary
// or both as asked. A failure is returned as a file-error condition.
func OpenInputFile(who, name string, textual, binary bool) (*Port, *Condition) {
	f, err := os.Open(name)
	if err != nil {
		return nil, FileError(who, "cannot open "+strconvQuote(name)+": "+osReason(err))
	}
	fi, err := f.Stat()
	if err == nil && fi.IsDir() {
		f.Close()
		return nil, FileError(who, "cannot open "+strconvQuote(name)+": is a directory")
	}
	p := &Port{Name: name, flags: pIn | pInOpen, br: bufio.NewReaderSize(f, portBufSize), inClose: f}
	p.regular = err == nil && fi.Mode().IsRegular()
	if textual {
		p.flags |= pText
	}
	if binary {
		p.flags |= pBin
	}
	return p, nil
}

// OpenOutputFile creates (or truncates) the named file for output.
func OpenOutputFile(who, name string, textual, binary bool) (*Port, *Condition) {
	f, err := os.Create(name)
	if err != nil {
		return nil, FileError(who, "cannot open "+strconvQuote(name)+" for writing: "+osReason(err))
	}
	p := &Port{Name: name, flags: pOut | pOutOpen, bw: bufio.NewWriterSize(f, portBufSize), outClose: f}
	if textual {
		p.flags |= pText
	}
	if binary {
		p.flags |= pBin
	}
	registerOpen(p)
	return p, nil
}

func strconvQuote(s string) string {
	var b strings.Builder
	writeStringLit(&b, []rune(s))
	return b.String()
}

// ---------------------------------------------------------------------------
// Input, with p.mu held by the caller.

var errClosed = errors.New("port is closed")

func (p *Port) readRuneL() (rune, error) {
	switch {
	case p.br != nil:
		r, _, err := p.br.ReadRune()
		return r, err
	case p.rsrc != nil:
		if p.rpos >= len(p.rsrc) {
			p.canUnget = false
			return 0, io.EOF
		}
		r := p.rsrc[p.rpos]
		p.rpos++
		p.canUnget = true
		return r, nil
	case p.bsrc != nil:
		// A bytevector port used textually (only through the Go API):
		// decode UTF-8.
		if p.rpos >= len(p.bsrc) {
			return 0, io.EOF
		}
		r, n := utf8.DecodeRune(p.bsrc[p.rpos:])
		p.rpos += n
		return r, nil
	}
	return 0, io.EOF
}

func (p *Port) unreadRuneL() error {
	switch {
	case p.br != nil:
		return p.br.UnreadRune()
	case p.rsrc != nil:
		if !p.canUnget {
			return bufio.ErrInvalidUnreadRune
		}
		p.rpos--
		p.canUnget = false
		return nil
	}
	return bufio.ErrInvalidUnreadRune
}

func (p *Port) peekRuneL() (rune, error) {
	switch {
	case p.br != nil:
		r, _, err := p.br.ReadRune()
		if err != nil {
			return 0, err
		}
		p.br.UnreadRune()
		return r, nil
	case p.rsrc != nil:
		if p.rpos >= len(p.rsrc) {
			return 0, io.EOF
		}
		return p.rsrc[p.rpos], nil
	case p.bsrc != nil:
		if p.rpos >= len(p.bsrc) {
			return 0, io.EOF
		}
		r, _ := utf8.DecodeRune(p.bsrc[p.rpos:])
		return r, nil
	}
	return 0, io.EOF
}

func (p *Port) readByteL() (byte, error) {
	switch {
	case p.br != nil:
		return p.br.ReadByte()
	case p.bsrc != nil:
		if p.rpos >= len(p.bsrc) {
			return 0, io.EOF
		}
		b := p.bsrc[p.rpos]
		p.rpos++
		return b, nil
	}
	return 0, io.EOF
}

func (p *Port) peekByteL() (byte, error) {
	switch {
	case p.br != nil:
		b, err := p.br.Peek(1)
		if len(b) == 0 {
			if err == nil {
				err = io.EOF
			}
			return 0, err
		}
		return b[0], nil
	case p.bsrc != nil:
		if p.rpos >= len(p.bsrc) {
			return 0, io.EOF
		}
		return p.bsrc[p.rpos], nil
	}
	return 0, io.EOF
}

// readFullL reads len(buf) bytes or as many as there are before the end of
// file. err is nil at end of file.
func (p *Port) readFullL(buf []byte) (int, error) {
	switch {
	case p.br != nil:
		n, err := io.ReadFull(p.br, buf)
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			err = nil
		}
		return n, err
	case p.bsrc != nil:
		n := copy(buf, p.bsrc[p.rpos:])
		p.rpos += n
		return n, nil
	}
	return 0, nil
}

// readyL reports whether a read would not block: something is buffered, the
// source is in memory or a regular file, or the port is at end of file.
// For a terminal or pipe with nothing buffered it answers false (it cannot
// tell without blocking).
func (p *Port) readyL() bool {
	if p.br == nil || p.regular || p.br.Buffered() > 0 {
		return true
	}
	return false
}

// ReadRune implements io.RuneReader.
func (p *Port) ReadRune() (r rune, size int, err error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.flags&pInOpen == 0 {
		return 0, 0, errClosed
	}
	r, err = p.readRuneL()
	if err != nil {
		return 0, 0, err
	}
	return r, runeLen(r), nil
}

// UnreadRune implements io.RuneScanner.
func (p *Port) UnreadRune() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.unreadRuneL()
}

// ReadByte implements io.ByteReader.
func (p *Port) ReadByte() (byte, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.flags&pInOpen == 0 {
		return 0, errClosed
	}
	return p.readByteL()
}

// lockedRunes is the io.RuneScanner that read hands to the parser while it
// holds the port's lock.
type lockedRunes struct{ p *Port }

func (l lockedRunes) ReadRune() (rune, int, error) {
	r, err := l.p.readRuneL()
	if err != nil {
		return 0, 0, err
	}
	return r, runeLen(r), nil
}

func (l lockedRunes) UnreadRune() error { return l.p.unreadRuneL() }

// ---------------------------------------------------------------------------
// Output, with p.mu held by the caller (except where noted).

func (p *Port) putStringL(s string) {
	switch {
	case p.bw != nil:
		if _, err := p.bw.WriteString(s); err != nil && p.werr == nil {
			p.werr = err
		}
		p.afterWriteL(strings.IndexByte(s, '\n') >= 0)
	case p.flags&pStrOut != 0:
		for _, r := range s {
			p.sbuf = append(p.sbuf, r)
		}
	case p.flags&pBytesOut != 0:
		p.bbuf = append(p.bbuf, s...)
	}
}

func (p *Port) putRunesL(rs []rune) {
	if p.flags&pStrOut != 0 {
		p.sbuf = append(p.sbuf, rs...)
		return
	}
	p.putStringL(string(rs))
}

func (p *Port) putRuneL(r rune) {
	switch {
	case p.bw != nil:
		if _, err := p.bw.WriteRune(r); err != nil && p.werr == nil {
			p.werr = err
		}
		p.afterWriteL(r == '\n')
	case p.flags&pStrOut != 0:
		p.sbuf = append(p.sbuf, r)
	case p.flags&pBytesOut != 0:
		p.bbuf = utf8.AppendRune(p.bbuf, r)
	}
}

func (p *Port) putBytesL(b []byte) {
	switch {
	case p.bw != nil:
		if _, err := p.bw.Write(b); err != nil && p.werr == nil {
			p.werr = err
		}
		p.afterWriteL(false)
	case p.flags&pBytesOut != 0:
		p.bbuf = append(p.bbuf, b...)
	case p.flags&pStrOut != 0:
		p.sbuf = append(p.sbuf, []rune(string(b))...)
	}
}

func (p *Port) afterWriteL(newline bool) {
	if p.autoFlush || (newline && p.lineBuf) {
		p.flushL()
	}
}

func (p *Port) flushL() error {
	if p.bw == nil {
		return nil
	}
	if err := p.bw.Flush(); err != nil && p.werr == nil {
		p.werr = err
	}
	return p.werr
}

// flushBefore flushes the port whose output must precede p's (stdout before
// stderr). Called without p.mu held.
func (p *Port) flushBefore() {
	if p.before != nil {
		p.before.Flush()
	}
}

// WriteString writes s to the port. Writing to a closed port does nothing;
// the Scheme procedures check and raise instead.
func (p *Port) WriteString(s string) {
	p.flushBefore()
	p.mu.Lock()
	if p.flags&pOutOpen != 0 {
		p.putStringL(s)
	}
	p.mu.Unlock()
}

// Write implements io.Writer.
func (p *Port) Write(b []byte) (int, error) {
	p.flushBefore()
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.flags&pOutOpen == 0 {
		return 0, errClosed
	}
	p.putBytesL(b)
	return len(b), nil
}

// Flush flushes buffered output.
func (p *Port) Flush() {
	p.mu.Lock()
	if p.flags&pOutOpen != 0 {
		p.flushL()
	}
	p.mu.Unlock()
}

// Close closes both sides of the port, flushing pending output. Closing a
// closed port does nothing. The error is the first write or close error.
func (p *Port) Close() error {
	e1 := p.CloseOutput()
	e2 := p.CloseInput()
	if e1 != nil {
		return e1
	}
	return e2
}

// CloseInput closes the input side of p, if it has one.
func (p *Port) CloseInput() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.flags&pInOpen == 0 {
		return nil
	}
	p.flags &^= pInOpen
	var err error
	if p.inClose != nil {
		err = p.inClose.Close()
	}
	p.reader = nil
	return err
}

// CloseOutput flushes and closes the output side of p, if it has one.
func (p *Port) CloseOutput() error {
	p.mu.Lock()
	if p.flags&pOutOpen == 0 {
		p.mu.Unlock()
		return nil
	}
	err := p.flushL()
	p.flags &^= pOutOpen
	if p.outClose != nil {
		if e := p.outClose.Close(); err == nil {
			err = e
		}
	}
	reg := p.flags&pRegistered != 0
	p.mu.Unlock()
	if reg {
		unregisterOpen(p)
	}
	return err
}

// ---------------------------------------------------------------------------
// Open buffered output ports, flushed at exit.

var openPorts struct {
	sync.Mutex
	ports map[*Port]struct{}
	order []*Port // stdout and stderr first, so they flush in order
}

func registerOpen(p *Port) {
	openPorts.Lock()
	if openPorts.ports == nil {
		openPorts.ports = map[*Port]struct{}{}
	}
	openPorts.ports[p] = struct{}{}
	p.flags |= pRegistered
	openPorts.Unlock()
}

func unregisterOpen(p *Port) {
	openPorts.Lock()
	delete(openPorts.ports, p)
	openPorts.Unlock()
}

// FlushAll flushes every open buffered output port, the standard output
// first; Main calls it at exit.
func FlushAll() {
	openPorts.Lock()
	ps := make([]*Port, 0, len(openPorts.ports))
	for p := range openPorts.ports {
		if p != Stdout && p != Stderr {
			ps = append(ps, p)
		}
	}
	openPorts.Unlock()
	Stdout.Flush()
	Stderr.Flush()
	for _, p := range ps {
		p.Flush()
	}
}

// ---------------------------------------------------------------------------
// Standard ports and the per-thread current ports.

// stdinReader flushes the standard output before the standard input blocks
// for more data, so a prompt written without a newline appears first.
type stdinReader struct{}

func (stdinReader) Read(b []byte) (int, error) {
	Stdout.Flush()
	return os.Stdin.Read(b)
}

func newStdin() *Port {
	p := NewInputPort("stdin", stdinReader{})
	if fi, err := os.Stdin.Stat(); err == nil && fi.Mode().IsRegular() {
		p.regular = true
	}
	return p
}

func newStdout() *Port {
	p := NewOutputPort("stdout", os.Stdout)
	if fi, err := os.Stdout.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
		p.lineBuf = true
	}
	return p
}

func newStderr() *Port {
	p := NewOutputPort("stderr", os.Stderr)
	p.autoFlush = true
	p.before = Stdout
	return p
}

// Stdin, Stdout and Stderr are the standard ports, the initial current
// input, output and error ports of every thread.
var (
	Stdin  = newStdin()
	Stdout = newStdout()
	Stderr = newStderr()
)

// threadIO is the part of a thread's dynamic environment that holds the
// current ports. A nil field means the standard port.
type threadIO struct {
	in, out, err *Port
}

func (t *Thread) ioState() *threadIO {
	if t.io == nil {
		t.io = &threadIO{}
	}
	return t.io
}

// CurrentInput returns the thread's current input port.
func (t *Thread) CurrentInput() *Port {
	if t.io != nil && t.io.in != nil {
		return t.io.in
	}
	return Stdin
}

// CurrentOutput returns the thread's current output port.
func (t *Thread) CurrentOutput() *Port {
	if t.io != nil && t.io.out != nil {
		return t.io.out
	}
	return Stdout
}

// CurrentError returns the thread's current error port.
func (t *Thread) CurrentError() *Port {
	if t.io != nil && t.io.err != nil {
		return t.io.err
	}
	return Stderr
}

// SetCurrentInput makes p the current input port and returns the previous
// one; nil means the standard port. parameterize and with-input-from-file
// use it (restore with defer).
func (t *Thread) SetCurrentInput(p *Port) *Port {
	old := t.CurrentInput()
	t.ioState().in = p
	return old
}

// SetCurrentOutput makes p the current output port and returns the
// previous one.
func (t *Thread) SetCurrentOutput(p *Port) *Port {
	old := t.CurrentOutput()
	t.ioState().out = p
	return old
}

// SetCurrentError makes p the current error port and returns the previous
// one.
func (t *Thread) SetCurrentError(p *Port) *Port {
	old := t.CurrentError()
	t.ioState().err = p
	return old
}

// runeLen is the UTF-8 width of r as written (invalid runes become U+FFFD).
func runeLen(r rune) int {
	if n := utf8.RuneLen(r); n > 0 {
		return n
	}
	return 3
}
