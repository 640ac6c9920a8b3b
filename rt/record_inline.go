package rt

// This file holds the inline forms of record accessors and modifiers: the
// inline pass (analyze/inline.go) turns a call (TYPE-FIELD x) of an
// accessor made by define-record-type into (%record-ref x rtd k), a field
// load after one type test, instead of a call of the accessor's closure.
// Errors are those of the accessor or modifier (under its default name,
// the only one the pass rewrites).

// RecordRef is (%record-ref x rtd k): field k of x, a record of type rtd.
func RecordRef(t *Thread, x, rtd, k Value) Value {
	if x.n == TRecord && x.p != nil {
		if r := (*Record)(x.p); r.Type == (*RecordType)(rtd.p) {
			return r.Fields[int64(k.n)]
		}
	}
	return recordFieldError(t, x, rtd, k, false)
}

// RecordSet is (%record-set! x rtd k v): sets field k of x, a record of
// type rtd, to v.
func RecordSet(t *Thread, x, rtd, k, v Value) Value {
	if x.n == TRecord && x.p != nil {
		if r := (*Record)(x.p); r.Type == (*RecordType)(rtd.p) {
			r.Fields[int64(k.n)] = v
			return Unspecified
		}
	}
	return recordFieldError(t, x, rtd, k, true)
}

//go:noinline
func recordFieldError(t *Thread, x, rtd, k Value, set bool) Value {
	rt := rtdArg(t, "define-record-type", rtd)
	name := rt.baseName() + "-" + rt.Fields[k.Int()]
	if set {
		name = "set-" + name + "!"
	}
	rt.recordOf(t, name, x)
	return Unspecified
}

func init() {
	Define("%record-ref", 3, 3, RecordRef)
	Define("%record-set!", 4, 4, RecordSet)
}
