package rt

// The primitives that analyze's records pass substitutes for calls of the
// procedures define-record-type defines, so compiled code reads and writes
// fields inline (codegen's fast paths) instead of calling an accessor
// closure:
//
//	(%record-ref x rtd (i . accessor-name))
//	(%record-set! x v rtd (i . modifier-name))
//	(%record-is? x rtd)
//
// rtd is the type's global; (i . name) a constant giving the field index and
// the procedure's name for error messages, which are the accessor's own.

// RecordRefFx is %record-ref for a record of the type.
func RecordRefFx(x, rtd, spec Value) (Value, bool) {
	if x.n == TRecord && x.p != nil && rtd.n == TRecordType {
		if r := (*Record)(x.p); r.Type == (*RecordType)(rtd.p) {
			return r.Fields[(*Pair)(spec.p).Car.n], true
		}
	}
	return Value{}, false
}

// RecordSetFx is %record-set! for a record of the type.
func RecordSetFx(x, v, rtd, spec Value) (Value, bool) {
	if x.n == TRecord && x.p != nil && rtd.n == TRecordType {
		if r := (*Record)(x.p); r.Type == (*RecordType)(rtd.p) {
			r.Fields[(*Pair)(spec.p).Car.n] = v
			return Unspecified, true
		}
	}
	return Value{}, false
}

// RecordIsFx is %record-is?.
func RecordIsFx(x, rtd Value) (Value, bool) {
	return Bool(x.n == TRecord && x.p != nil && rtd.n == TRecordType && (*Record)(x.p).Type == (*RecordType)(rtd.p)), true
}

// RecordRef is (%record-ref x rtd (i . name)).
func RecordRef(t *Thread, x, rtd, spec Value) Value {
	rt, i, name := inlineRecordArgs(t, rtd, spec)
	return rt.recordOf(t, name, x).Fields[i]
}

// RecordSet is (%record-set! x v rtd (i . name)).
func RecordSet(t *Thread, x, v, rtd, spec Value) Value {
	rt, i, name := inlineRecordArgs(t, rtd, spec)
	rt.recordOf(t, name, x).Fields[i] = v
	return Unspecified
}

// RecordIs is (%record-is? x rtd).
func RecordIs(t *Thread, x, rtd Value) Value {
	return Bool(rtd.Is(TRecordType) && x.Is(TRecord) && x.Record().Type == rtd.RecordType())
}

func inlineRecordArgs(t *Thread, rtd, spec Value) (*RecordType, int, string) {
	name := DisplayString(spec.Pair().Cdr)
	if !rtd.Is(TRecordType) {
		// The records pass rewrites only calls that run after the
		// definitions; this is a safety net.
		t.Errorf(name, "record type used before its definition")
	}
	return rtd.RecordType(), int(spec.Pair().Car.Int()), name
}

func init() {
	Define("%record-ref", 3, 3, RecordRef)
	Define("%record-set!", 4, 4, RecordSet)
	Define("%record-is?", 2, 2, RecordIs)
}
