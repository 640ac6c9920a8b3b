package rt

// This file defines the argument checks shared by the sequence primitives
// (lists, strings, vectors, bytevectors): optional arguments, indexes, and
// start/end ranges, each raising an error that names the procedure.

// maxAlloc bounds the length a primitive will allocate. Go's out-of-memory
// failure is fatal and cannot be turned into a Scheme error, so absurd
// lengths are refused up front.
const maxAlloc = 1 << 31

// optArg returns args[i] and true when the optional argument i was given.
// An explicit Default marker counts as absent.
func optArg(args []Value, i int) (Value, bool) {
	if i < len(args) && !args[i].IsDefault() {
		return args[i], true
	}
	return Value{}, false
}

// lengthArg checks that k is a length for make-vector and friends: an exact
// non-negative integer no larger than maxAlloc.
func lengthArg(t *Thread, who string, k Value) int {
	if !k.IsFixnum() {
		if k.Is(TBignum) && k.Big().Sign() > 0 {
			t.Errorf(who, "length %s too large", WriteString(k))
		}
		t.TypeError(who, "exact non-negative integer", k)
	}
	n := k.Int()
	if n < 0 {
		t.TypeError(who, "exact non-negative integer", k)
	}
	if n > maxAlloc {
		t.Errorf(who, "length %d too large", n)
	}
	return int(n)
}

// indexArg checks that k is a valid index into a sequence of the given kind
// ("string", "vector", ...) and length.
func indexArg(t *Thread, who string, k Value, length int, kind string) int {
	if k.IsFixnum() {
		if i := k.Int(); i >= 0 && i < int64(length) {
			return int(i)
		}
		if k.Int() >= 0 {
			t.Errorf(who, "index %d out of range for %s of length %d", k.Int(), kind, length)
		}
	} else if k.Is(TBignum) && k.Big().Sign() > 0 {
		t.Errorf(who, "index %s out of range for %s of length %d", k.Big().String(), kind, length)
	}
	t.TypeError(who, "exact non-negative integer", k)
	return 0
}

// rangeArgs returns the optional start and end arguments args[i] and
// args[i+1] for a sequence of the given length; they default to 0 and
// length. It checks 0 <= start <= end <= length.
func rangeArgs(t *Thread, who string, args []Value, i, length int, kind string) (start, end int) {
	start, end = 0, length
	sv, hasStart := optArg(args, i)
	if hasStart {
		start = boundArg(t, who, sv)
	}
	ev, hasEnd := optArg(args, i+1)
	if hasEnd {
		end = boundArg(t, who, ev)
	}
	if start > end || end > length {
		s, e := Fixnum(int64(start)), Fixnum(int64(end))
		if hasStart {
			s = sv
		}
		if hasEnd {
			e = ev
		}
		t.Errorf(who, "range %s..%s out of bounds for %s of length %d", WriteString(s), WriteString(e), kind, length)
	}
	return start, end
}

// boundArg checks an exact non-negative integer used as a range bound or
// a destination index. Bounds too large for any sequence come back as
// maxAlloc+1, so the caller's range check rejects them.
func boundArg(t *Thread, who string, v Value) int {
	if v.IsFixnum() && v.Int() >= 0 {
		if v.Int() > maxAlloc {
			return maxAlloc + 1
		}
		return int(v.Int())
	}
	if v.Is(TBignum) && v.Big().Sign() > 0 {
		return maxAlloc + 1
	}
	t.TypeError(who, "exact non-negative integer", v)
	return 0
}

// copyTarget checks the destination index of string-copy! and friends:
// n elements must fit at index at of a sequence of length size.
func copyTarget(t *Thread, who string, at Value, n, size int, kind string) int {
	i := boundArg(t, who, at)
	if i > size {
		t.Errorf(who, "index %s out of range for %s of length %d", WriteString(at), kind, size)
	}
	if n > size-i {
		t.Errorf(who, "%d elements do not fit at index %d of %s of length %d", n, i, kind, size)
	}
	return i
}
