package rt

// This file holds the primitives every program needs from the start: pairs,
// type predicates, equivalence, output, errors and control. The rest of R7RS
// chapter 6 lives in files named for their section.

// CarAt is car with the call site's position for the error path; compiled
// code inlines it.
func CarAt(t *Thread, x Value, loc *Pos) Value {
	if x.n == TPair && x.p != nil {
		return (*Pair)(x.p).Car
	}
	return notPair(t, "car", x, loc)
}

//go:noinline
func notPair(t *Thread, who string, x Value, loc *Pos) Value {
	return t.TypeErrorAt(loc, who, "pair", x)
}

// CdrAt is cdr with the call site's position for the error path.
func CdrAt(t *Thread, x Value, loc *Pos) Value {
	if x.n == TPair && x.p != nil {
		return (*Pair)(x.p).Cdr
	}
	return notPair(t, "cdr", x, loc)
}

// Car is (car pair).
func Car(t *Thread, x Value) Value { return CarAt(t, x, nil) }

// Cdr is (cdr pair).
func Cdr(t *Thread, x Value) Value { return CdrAt(t, x, nil) }

// ConsP is (cons a b).
func ConsP(t *Thread, a, b Value) Value { return Cons(a, b) }

// SetCar is (set-car! pair obj).
func SetCar(t *Thread, x, v Value) Value {
	if x.n == TPair && x.p != nil {
		(*Pair)(x.p).Car = v
		return Unspecified
	}
	return notPair(t, "set-car!", x, nil)
}

// SetCdr is (set-cdr! pair obj).
func SetCdr(t *Thread, x, v Value) Value {
	if x.n == TPair && x.p != nil {
		(*Pair)(x.p).Cdr = v
		return Unspecified
	}
	return notPair(t, "set-cdr!", x, nil)
}

// NullP is (null? obj).
func NullP(t *Thread, x Value) Value { return Bool(x.IsNull()) }

// PairP is (pair? obj).
func PairP(t *Thread, x Value) Value { return Bool(x.IsPair()) }

// Not is (not obj).
func Not(t *Thread, x Value) Value { return Bool(x.IsFalse()) }

// EqP is (eq? a b).
func EqP(t *Thread, a, b Value) Value { return Bool(Eq(a, b)) }

// Eqv is eqv?: eq?, plus numbers of the same exactness and value.
func Eqv(a, b Value) bool {
	if Eq(a, b) {
		return true
	}
	ca, cb := classOf(a), classOf(b)
	if ca == classNone || ca != cb {
		return false
	}
	switch ca {
	case classBig:
		return a.Big().Cmp(b.Big()) == 0
	case classRat:
		return a.Rat().Cmp(b.Rat()) == 0
	}
	return false // fixnums and flonums: Eq compared their bits
}

// EqvP is (eqv? a b).
func EqvP(t *Thread, a, b Value) Value { return Bool(Eqv(a, b)) }

// ListP is (list? obj): a proper, finite list.
func ListP(t *Thread, x Value) Value {
	slow := x
	for {
		if x.IsNull() {
			return True
		}
		if !x.IsPair() {
			return False
		}
		x = x.Pair().Cdr
		if x.IsNull() {
			return True
		}
		if !x.IsPair() {
			return False
		}
		x = x.Pair().Cdr
		slow = slow.Pair().Cdr
		if Eq(x, slow) {
			return False
		}
	}
}

// ListV is (list obj ...).
func ListV(t *Thread, args []Value) Value { return List(args...) }

// Length is (length list).
func Length(t *Thread, x Value) Value {
	n := int64(0)
	slow := x
	for l := x; !l.IsNull(); l = l.Pair().Cdr {
		if !l.IsPair() {
			return t.TypeError("length", "proper list", x)
		}
		n++
		if n&1 == 0 {
			slow = slow.Pair().Cdr
			if Eq(slow, l.Pair().Cdr) {
				return t.TypeError("length", "proper list", x)
			}
		}
	}
	return Fixnum(n)
}

// ProcedureP is (procedure? obj).
func ProcedureP(t *Thread, x Value) Value { return Bool(x.IsProcedure()) }

// SymbolP is (symbol? obj).
func SymbolP(t *Thread, x Value) Value { return Bool(x.IsSymbol()) }

// StringP is (string? obj).
func StringP(t *Thread, x Value) Value { return Bool(x.IsString()) }

// BooleanP is (boolean? obj).
func BooleanP(t *Thread, x Value) Value { return Bool(x.IsBool()) }

// NumberP is (number? obj).
func NumberP(t *Thread, x Value) Value { return Bool(IsNumber(x)) }

// ErrorP is (error message obj ...).
func ErrorP(t *Thread, args []Value) Value {
	c := &Condition{Irritants: append([]Value(nil), args[1:]...)}
	if args[0].IsString() {
		c.Message = args[0].Str().String()
	} else {
		c.Message = DisplayString(args[0])
	}
	return t.Raise(c.Value())
}

// RaiseP is (raise obj).
func RaiseP(t *Thread, x Value) Value { return t.Raise(x) }

// RaiseContinuableP is (raise-continuable obj).
func RaiseContinuableP(t *Thread, x Value) Value { return t.RaiseContinuable(x) }

// ApplyP is (apply proc arg1 ... args). It is a tail call of proc.
func ApplyP(t *Thread, args []Value) Value {
	f := args[0]
	last := args[len(args)-1]
	all, ok := appendList(append([]Value(nil), args[1:len(args)-1]...), last)
	if !ok {
		return t.TypeError("apply", "proper list", last)
	}
	return t.TailCallN(f, all)
}

// ErrorObjectP is (error-object? obj).
func ErrorObjectP(t *Thread, x Value) Value { return Bool(x.Is(TCondition)) }

// ErrorObjectMessage is (error-object-message obj).
func ErrorObjectMessage(t *Thread, x Value) Value {
	if !x.Is(TCondition) {
		return t.TypeError("error-object-message", "error object", x)
	}
	c := x.Cond()
	if c.Who != "" {
		return Str(c.Who + ": " + c.Message)
	}
	return Str(c.Message)
}

// ErrorObjectIrritants is (error-object-irritants obj).
func ErrorObjectIrritants(t *Thread, x Value) Value {
	if !x.Is(TCondition) {
		return t.TypeError("error-object-irritants", "error object", x)
	}
	return List(x.Cond().Irritants...)
}

// Exit is (exit [obj]): it ends the program with a status from obj.
func Exit(t *Thread, args []Value) Value {
	code := 0
	if len(args) > 0 {
		switch v := args[0]; {
		case v.IsFixnum():
			code = int(v.Int())
		case v.IsFalse():
			code = 1
		}
	}
	runExitHooks(t) // system.go: ExitHooks (dynamic-wind after thunks), flush ports
	panic(&ExitRequest{Code: code})
}

// ExitRequest is the panic value that unwinds the thread for exit.
type ExitRequest struct{ Code int }

func init() {
	DefinePure("car", 1, 1, Car)
	DefinePure("cdr", 1, 1, Cdr)
	DefinePure("cons", 2, 2, ConsP)
	Define("set-car!", 2, 2, SetCar)
	Define("set-cdr!", 2, 2, SetCdr)
	DefinePure("null?", 1, 1, NullP)
	DefinePure("pair?", 1, 1, PairP)
	DefinePure("not", 1, 1, Not)
	DefinePure("eq?", 2, 2, EqP)
	DefinePure("eqv?", 2, 2, EqvP)
	DefinePure("list?", 1, 1, ListP)
	DefinePure("list", 0, -1, ListV)
	DefinePure("length", 1, 1, Length)
	DefinePure("procedure?", 1, 1, ProcedureP)
	DefinePure("symbol?", 1, 1, SymbolP)
	DefinePure("string?", 1, 1, StringP)
	DefinePure("boolean?", 1, 1, BooleanP)
	DefinePure("number?", 1, 1, NumberP)
	Define("error", 1, -1, ErrorP)
	Define("raise", 1, 1, RaiseP)
	Define("raise-continuable", 1, 1, RaiseContinuableP)
	Define("with-exception-handler", 2, 2, WithExceptionHandlerP)
	Define("apply", 2, -1, ApplyP).TailCalls = true
	DefinePure("error-object?", 1, 1, ErrorObjectP)
	DefinePure("error-object-message", 1, 1, ErrorObjectMessage)
	DefinePure("error-object-irritants", 1, 1, ErrorObjectIrritants)
	Define("exit", 0, 1, Exit)
}
