package rt

// This file holds the unchecked primitives of programs compiled with
// --unsafe or (declare (unsafe)) (codegen/unsafe.go calls them in place of
// the checked ones). They skip the Scheme type checks: applied to
// arguments of the wrong type they have undefined behaviour, as R7RS's
// "it is an error" allows (they may return garbage or stop the program
// with a Go fault). Go's own bounds checks stay, so an index out of range
// is still caught, as an internal runtime fault (Run) rather than a
// Scheme error.

// CarU is car without the pair check.
func CarU(x Value) Value { return (*Pair)(x.p).Car }

// CdrU is cdr without the pair check.
func CdrU(x Value) Value { return (*Pair)(x.p).Cdr }

// SetCarU is set-car! without the pair check.
func SetCarU(x, v Value) Value {
	(*Pair)(x.p).Car = v
	return Unspecified
}

// SetCdrU is set-cdr! without the pair check.
func SetCdrU(x, v Value) Value {
	(*Pair)(x.p).Cdr = v
	return Unspecified
}

// VectorRefU is vector-ref without the vector and fixnum checks.
func VectorRefU(v, k Value) Value { return (*Vector)(v.p).Items[int64(k.n)] }

// VectorSetU is vector-set! without the vector and fixnum checks.
func VectorSetU(v, k, x Value) Value {
	(*Vector)(v.p).Items[int64(k.n)] = x
	return Unspecified
}

// VectorLengthU is vector-length without the vector check.
func VectorLengthU(v Value) Value { return Fixnum(int64(len((*Vector)(v.p).Items))) }

// StringRefU is string-ref without the string and fixnum checks.
func StringRefU(s, k Value) Value { return Char((*String)(s.p).R[int64(k.n)]) }

// StringLengthU is string-length without the string check.
func StringLengthU(s Value) Value { return Fixnum(int64(len((*String)(s.p).R))) }

// CharToIntegerU is char->integer without the character check.
func CharToIntegerU(x Value) Value { return Fixnum(int64(x.Rune())) }

// SymbolToStringU is symbol->string without the symbol check.
func SymbolToStringU(x Value) Value { return Str(x.Sym().Name) }

// LengthU is length of a proper list: no check for a cycle or a dotted
// tail.
func LengthU(x Value) Value {
	n := int64(0)
	for ; x.IsPair(); x = (*Pair)(x.p).Cdr {
		n++
	}
	return Fixnum(n)
}

// InexactU is inexact of a real number.
func InexactU(x Value) Value {
	if x.IsFlonum() {
		return x
	}
	return Flonum(ToFloat(x))
}

// MemqU is memq of x in l, a proper list (a literal the compiler checked,
// whose elements are immediates, so that eq? is also eqv? and equal?).
func MemqU(x, l Value) Value {
	for ; l.IsPair(); l = (*Pair)(l.p).Cdr {
		if Eq((*Pair)(l.p).Car, x) {
			return l
		}
	}
	return False
}
