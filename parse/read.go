package parse

import (
	"io"
	"strconv"
	"strings"
)

// MaxDepth is the deepest nesting of lists, vectors, abbreviations, datum
// labels and datum comments the reader accepts; deeper input is the error
// "nesting too deep".
const MaxDepth = 10000

// A Reader reads datums one at a time from a rune source.
//
// The reader never consumes input beyond the end of the datum it returns,
// except for one rune that it reads and pushes back with UnreadRune, so
// the rest of the source stays readable.
//
// A dotted list whose tail is a list is flattened: (a . (b c)) reads as
// the List (a b c), so a List's Tail is never an unlabelled List. A
// labelled tail, as in (a . #0=(b . #0#)), keeps its identity. Datum
// labels are scoped to one top-level datum; a label on an atom (#0=x)
// makes every #0# a Ref whose Target is that atom.
type Reader struct {
	src  io.RuneScanner
	file string

	line, col int32 // position of the next rune
	cr        bool  // the last rune read was '\r'
	// state before the last get, restored by unget
	pline, pcol int32
	pcr         bool
	lastEOF     bool
	ioErr       error

	fold   bool
	depth  int
	labels map[int]*labelDef
	refs   []*Ref
}

type labelDef struct {
	pos Pos
	d   Datum // nil while the labelled datum is being read
}

// NewReader returns a Reader that reads from src; file names the source in
// positions.
func NewReader(file string, src io.RuneScanner) *Reader {
	return &Reader{src: src, file: file, line: 1, col: 1}
}

// NewReaderString returns a Reader that reads the string src.
func NewReaderString(file, src string) *Reader {
	return NewReader(file, strings.NewReader(src))
}

// SetFoldCase switches case folding of identifiers and character names
// on or off, as the #!fold-case and #!no-fold-case directives do.
func (r *Reader) SetFoldCase(fold bool) { r.fold = fold }

// FoldCase reports whether the reader currently folds case.
func (r *Reader) FoldCase() bool { return r.fold }

// Pos returns the position of the next rune the reader will read.
func (r *Reader) Pos() Pos { return r.pos() }

// Read returns the next datum. At the end of input (after any trailing
// whitespace and comments) it returns io.EOF itself; any other error is an
// *Error.
func (r *Reader) Read() (Datum, error) {
	r.labels = nil
	r.refs = nil
	r.depth = 0
	d, err := r.readTop()
	r.labels = nil
	r.refs = nil
	if r.ioErr != nil && (err != nil || d == nil) {
		return nil, &Error{Pos: r.pos(), Msg: "read error: " + r.ioErr.Error()}
	}
	if err != nil {
		return nil, err
	}
	if d == nil {
		return nil, io.EOF
	}
	return d, nil
}

func (r *Reader) readTop() (Datum, *Error) {
	t, err := r.next()
	if err != nil {
		return nil, err
	}
	if t.kind == tEOF {
		return nil, nil
	}
	d, err := r.datum(t)
	if err != nil {
		return nil, err
	}
	if err := r.resolveRefs(); err != nil {
		return nil, err
	}
	return d, nil
}

// resolveRefs points every #n# read in this top-level datum at its datum.
func (r *Reader) resolveRefs() *Error {
	for _, ref := range r.refs {
		d := Datum(ref)
		for steps := 0; ; steps++ {
			rd, ok := d.(*Ref)
			if !ok {
				break
			}
			if steps > len(r.labels) {
				return r.errorf(ref.P, "datum label #"+strconv.Itoa(ref.Label)+"# refers to itself")
			}
			d = r.labels[rd.Label].d
		}
		ref.Target = d
	}
	return nil
}

// next returns the next token, skipping datum comments.
func (r *Reader) next() (token, *Error) {
	for {
		t, err := r.lex()
		if err != nil || t.kind != tComment {
			return t, err
		}
		r.depth++
		if r.depth > MaxDepth {
			return t, r.errorf(t.pos, "nesting too deep")
		}
		t2, err := r.next()
		if err != nil {
			return t2, err
		}
		if t2.kind == tEOF {
			return t2, r.errorf(t.pos, "missing datum after #;")
		}
		if _, err := r.datum(t2); err != nil {
			return t2, err
		}
		r.depth--
	}
}

// datum reads the datum that starts with token t.
func (r *Reader) datum(t token) (Datum, *Error) {
	r.depth++
	defer func() { r.depth-- }()
	if r.depth > MaxDepth {
		return nil, r.errorf(t.pos, "nesting too deep")
	}
	switch t.kind {
	case tAtom:
		return t.d, nil
	case tOpen:
		return r.list(t)
	case tVector:
		return r.vector(t)
	case tBytes:
		return r.bytevector(t)
	case tNumVec:
		return r.numVector(t)
	case tQuote:
		t2, err := r.next()
		if err != nil {
			return nil, err
		}
		if t2.kind == tEOF {
			return nil, r.errorf(t.pos, "missing datum after "+t.text)
		}
		d, err := r.datum(t2)
		if err != nil {
			return nil, err
		}
		return &List{P: t.pos, Elems: []Datum{&Symbol{P: t.pos, Name: t.name}, d}}, nil
	case tLabelDef:
		if r.labels == nil {
			r.labels = map[int]*labelDef{}
		}
		if _, dup := r.labels[t.n]; dup {
			return nil, r.errorf(t.pos, "duplicate datum label #"+strconv.Itoa(t.n)+"=")
		}
		def := &labelDef{pos: t.pos}
		r.labels[t.n] = def
		t2, err := r.next()
		if err != nil {
			return nil, err
		}
		if t2.kind == tEOF {
			return nil, r.errorf(t.pos, "missing datum after #"+strconv.Itoa(t.n)+"=")
		}
		d, err := r.datum(t2)
		if err != nil {
			return nil, err
		}
		def.d = d
		return d, nil
	case tLabelRef:
		if _, ok := r.labels[t.n]; !ok {
			return nil, r.errorf(t.pos, "undefined datum label #"+strconv.Itoa(t.n)+"#")
		}
		ref := &Ref{P: t.pos, Label: t.n}
		r.refs = append(r.refs, ref)
		return ref, nil
	case tClose:
		return nil, r.errorf(t.pos, "unexpected '"+string(t.ch)+"'")
	case tDot:
		return nil, r.errorf(t.pos, "unexpected '.'")
	case tEOF:
		return nil, r.errorf(t.pos, "unexpected end of input")
	}
	return nil, r.errorf(t.pos, "unexpected "+quoteText(t.text))
}

func closerOf(open rune) rune {
	if open == '[' {
		return ']'
	}
	return ')'
}

// list reads the rest of a list opened by t.
func (r *Reader) list(open token) (Datum, *Error) {
	l := &List{P: open.pos}
	closer := closerOf(open.ch)
	for {
		t, err := r.next()
		if err != nil {
			return nil, err
		}
		switch t.kind {
		case tEOF:
			return nil, r.errorf(open.pos, "unterminated list")
		case tClose:
			if t.ch != closer {
				return nil, r.errorf(t.pos, "mismatched '"+string(t.ch)+"', expected '"+string(closer)+"'")
			}
			return l, nil
		case tDot:
			if len(l.Elems) == 0 {
				return nil, r.errorf(t.pos, "unexpected '.'")
			}
			t2, err := r.next()
			if err != nil {
				return nil, err
			}
			switch t2.kind {
			case tEOF:
				return nil, r.errorf(open.pos, "unterminated list")
			case tClose:
				return nil, r.errorf(t.pos, "missing datum after '.'")
			}
			tail, err := r.datum(t2)
			if err != nil {
				return nil, err
			}
			t3, err := r.next()
			if err != nil {
				return nil, err
			}
			switch {
			case t3.kind == tEOF:
				return nil, r.errorf(open.pos, "unterminated list")
			case t3.kind == tClose && t3.ch == closer:
			case t3.kind == tClose:
				return nil, r.errorf(t3.pos, "mismatched '"+string(t3.ch)+"', expected '"+string(closer)+"'")
			default:
				return nil, r.errorf(t3.pos, "expected ')' after the tail of a dotted list")
			}
			// (a . (b c)) is (a b c); a labelled tail keeps its identity.
			if tl, ok := tail.(*List); ok && t2.kind != tLabelDef {
				l.Elems = append(l.Elems, tl.Elems...)
				l.Tail = tl.Tail
			} else {
				l.Tail = tail
			}
			return l, nil
		default:
			d, err := r.datum(t)
			if err != nil {
				return nil, err
			}
			l.Elems = append(l.Elems, d)
		}
	}
}

// elements reads datums up to a ')' for vectors and bytevectors.
func (r *Reader) elements(open token, what string) ([]Datum, *Error) {
	var elems []Datum
	for {
		t, err := r.next()
		if err != nil {
			return nil, err
		}
		switch t.kind {
		case tEOF:
			return nil, r.errorf(open.pos, "unterminated "+what)
		case tClose:
			if t.ch != ')' {
				return nil, r.errorf(t.pos, "mismatched '"+string(t.ch)+"', expected ')'")
			}
			return elems, nil
		case tDot:
			return nil, r.errorf(t.pos, "unexpected '.' in "+what)
		}
		d, err := r.datum(t)
		if err != nil {
			return nil, err
		}
		elems = append(elems, d)
	}
}

func (r *Reader) vector(open token) (Datum, *Error) {
	elems, err := r.elements(open, "vector")
	if err != nil {
		return nil, err
	}
	return &Vector{P: open.pos, Elems: elems}, nil
}

func (r *Reader) bytevector(open token) (Datum, *Error) {
	elems, err := r.elements(open, "bytevector")
	if err != nil {
		return nil, err
	}
	bv := &Bytevector{P: open.pos, V: make([]byte, len(elems))}
	for i, e := range elems {
		n, ok := e.(*Int)
		if !ok || n.V < 0 || n.V > 255 {
			return nil, r.errorf(e.Pos(), "bytevector element must be an exact integer between 0 and 255")
		}
		bv.V[i] = byte(n.V)
	}
	return bv, nil
}

// ErrorList is the error ReadAll returns: every error found, in order.
type ErrorList []*Error

func (l ErrorList) Error() string {
	msgs := make([]string, len(l))
	for i, e := range l {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// Unwrap returns the individual errors.
func (l ErrorList) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}

// maxErrors bounds the errors ReadAll reports.
const maxErrors = 25

// ReadAll reads every datum in src. If there are errors it returns the
// datums it could read and an ErrorList. After an error it resynchronizes
// at the next '(' in column 1, so the errors after the first may be
// spurious, but the first is exact.
func ReadAll(file, src string) ([]Datum, error) {
	r := NewReaderString(file, src)
	var ds []Datum
	var errs ErrorList
	for {
		d, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			e, ok := err.(*Error)
			if !ok {
				e = &Error{Pos: r.pos(), Msg: err.Error()}
			}
			errs = append(errs, e)
			if len(errs) >= maxErrors || !r.resync() {
				break
			}
			continue
		}
		ds = append(ds, d)
	}
	if errs != nil {
		return ds, errs
	}
	return ds, nil
}

// resync skips to the next '(' in column 1. It reports false at the end of
// input.
func (r *Reader) resync() bool {
	for {
		atCol1 := r.col == 1
		c := r.get()
		if c == eof {
			return false
		}
		if c == '(' && atCol1 {
			r.unget()
			return true
		}
	}
}
