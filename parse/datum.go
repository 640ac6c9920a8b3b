// Package parse is Lambdust's reader: it turns Scheme source text into datums
// that carry their source position. It implements the lexical syntax of R7RS
// section 2 and 7.1.1 and has no dependencies outside the standard library.
//
// The reader never panics: malformed input yields an *Error (or an ErrorList)
// whose message reads like Go's, "file.scm:3:7: unterminated string".
//
// Datums are a sealed interface. Compound datums (List, Vector) hold their
// elements as datums, so positions survive down to every sub-form; this is
// what lets the expander report errors at the exact column.
package parse

import (
	"fmt"
	"math/big"
)

// Pos is a source position. Line and Col are 1-based; Col counts runes.
// The zero Pos means "unknown".
type Pos struct {
	File string
	Line int32
	Col  int32
}

func (p Pos) String() string {
	if p.Line == 0 {
		if p.File == "" {
			return "-"
		}
		return p.File
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// IsKnown reports whether p names a real position.
func (p Pos) IsKnown() bool { return p.Line != 0 }

// Datum is any value the reader can produce.
type Datum interface {
	Pos() Pos
	datum()
}

// Number kinds. The reader decides exactness from the prefix and syntax
// (R7RS 6.2.5): "1" and "#e1.5" are exact; "1.5", "#i1" are inexact.
type (
	// Int is an exact integer that fits in int64.
	Int struct {
		P Pos
		V int64
	}
	// BigInt is an exact integer outside the int64 range.
	BigInt struct {
		P Pos
		V *big.Int
	}
	// Rat is an exact non-integer rational (denominator > 1, normalized).
	Rat struct {
		P Pos
		V *big.Rat
	}
	// Real is an inexact real (flonum), including +inf.0, -inf.0, +nan.0.
	Real struct {
		P Pos
		V float64
	}
	// Complex is an inexact complex number with nonzero imaginary part.
	Complex struct {
		P      Pos
		Re, Im float64
	}
)

type (
	// Bool is #t / #f / #true / #false.
	Bool struct {
		P Pos
		V bool
	}
	// Char is a character literal.
	Char struct {
		P Pos
		V rune
	}
	// String is a string literal with escapes already decoded.
	String struct {
		P Pos
		V string
	}
	// Symbol is an identifier. Name is already case-folded when the reader was
	// in #!fold-case mode; |...| syntax is decoded.
	Symbol struct {
		P    Pos
		Name string
	}
	// Keyword is a Lambdust keyword annotation, written #:name.
	Keyword struct {
		P    Pos
		Name string
	}
	// List is a proper list (Tail == nil) or an improper one ending in Tail:
	// (a b . c) is List{Elems: [a b], Tail: c}. The empty list is a List with
	// no elements and no tail.
	List struct {
		P     Pos
		Elems []Datum
		Tail  Datum
	}
	// Vector is #(...).
	Vector struct {
		P     Pos
		Elems []Datum
	}
	// Bytevector is #u8(...).
	Bytevector struct {
		P Pos
		V []byte
	}
	// Label is a datum label definition #n=datum. The reader resolves labels
	// (see Ref); Label only appears transiently and is never returned.
	//
	// Ref is a reference #n# to a labelled datum. After reading, every Ref's
	// Target points at the datum the label names, which may be an enclosing
	// List or Vector (a cycle). Consumers that walk datums must therefore
	// follow Ref.Target only with cycle detection.
	Ref struct {
		P      Pos
		Label  int
		Target Datum
	}
)

// Alias is an identifier inserted by a macro expansion: Sym (a *Symbol or,
// for macros written by macros, another *Alias) renamed with the
// expansion's Mark. Env is the expander's scope of the macro definition,
// where the alias is resolved unless a binding form of the same expansion
// binds it. The reader never produces an Alias; it exists so that macro
// output can still be a datum.
type Alias struct {
	P    Pos
	Sym  Datum
	Mark int
	Env  any
}

// Opaque is a value with no written form (a procedure, a port...) embedded
// in a datum that was not read but built at run time: eval of a list that
// contains such objects. V is the runtime's value; the expander treats it
// as a self-evaluating constant. The reader never produces one.
type Opaque struct {
	P Pos
	V any
}

func (d *Opaque) Pos() Pos { return d.P }
func (*Opaque) datum()     {}

// BaseName returns the symbol name under any aliasing, and whether d is an
// identifier at all.
func BaseName(d Datum) (string, bool) {
	for {
		switch x := d.(type) {
		case *Symbol:
			return x.Name, true
		case *Alias:
			d = x.Sym
		default:
			return "", false
		}
	}
}

func (d *Alias) Pos() Pos      { return d.P }
func (*Alias) datum()          {}
func (d *Int) Pos() Pos        { return d.P }
func (d *BigInt) Pos() Pos     { return d.P }
func (d *Rat) Pos() Pos        { return d.P }
func (d *Real) Pos() Pos       { return d.P }
func (d *Complex) Pos() Pos    { return d.P }
func (d *Bool) Pos() Pos       { return d.P }
func (d *Char) Pos() Pos       { return d.P }
func (d *String) Pos() Pos     { return d.P }
func (d *Symbol) Pos() Pos     { return d.P }
func (d *Keyword) Pos() Pos    { return d.P }
func (d *List) Pos() Pos       { return d.P }
func (d *Vector) Pos() Pos     { return d.P }
func (d *Bytevector) Pos() Pos { return d.P }
func (d *Ref) Pos() Pos        { return d.P }

func (*Int) datum()        {}
func (*BigInt) datum()     {}
func (*Rat) datum()        {}
func (*Real) datum()       {}
func (*Complex) datum()    {}
func (*Bool) datum()       {}
func (*Char) datum()       {}
func (*String) datum()     {}
func (*Symbol) datum()     {}
func (*Keyword) datum()    {}
func (*List) datum()       {}
func (*Vector) datum()     {}
func (*Bytevector) datum() {}
func (*Ref) datum()        {}

// IsNull reports whether d is the empty list ().
func IsNull(d Datum) bool {
	l, ok := d.(*List)
	return ok && len(l.Elems) == 0 && l.Tail == nil
}

// Error is a positioned reader error.
type Error struct {
	Pos Pos
	Msg string
}

func (e *Error) Error() string { return e.Pos.String() + ": " + e.Msg }
