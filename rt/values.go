package rt

// This file holds values and call-with-values (R7RS 6.10). Multiple values
// travel as one Value (Values, ValuesOf in object.go): a single value is
// itself, any other number is a multiple-values object.

// ValuesP is (values obj ...).
func ValuesP(t *Thread, args []Value) Value { return Values(args...) }

// CallWithValues is (call-with-values producer consumer): it calls producer
// with no arguments and then consumer, in tail position, with the values
// producer returned.
func CallWithValues(t *Thread, producer, consumer Value) Value {
	t.procOf(consumer)
	v := t.Call0(producer)
	if !v.Is(TValues) {
		return t.TailCall1(consumer, v)
	}
	switch vs := ValuesOf(v); len(vs) {
	case 0:
		return t.TailCall0(consumer)
	case 2:
		return t.TailCall2(consumer, vs[0], vs[1])
	case 3:
		return t.TailCall3(consumer, vs[0], vs[1], vs[2])
	case 4:
		return t.TailCall4(consumer, vs[0], vs[1], vs[2], vs[3])
	default:
		// The consumer may keep its argument slice; the multiple-values
		// object may be delivered again, so pass a copy.
		return t.TailCallN(consumer, append([]Value(nil), vs...))
	}
}

func init() {
	DefinePure("values", 0, -1, ValuesP)
	Define("call-with-values", 2, 2, CallWithValues).TailCalls = true
}
