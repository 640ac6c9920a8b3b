package rt

// This file defines the procedures of SRFI 133 (vector library) that R7RS
// does not already provide. Procedures taking several vectors stop at the
// end of the shortest, the right-to-left ones included (they start at its
// last index). Optional start and end arguments are checked like R7RS's.

// vecShortest checks that vs are vectors and returns the length of the
// shortest (0 when there are none).
func vecShortest(t *Thread, who string, vs []Value) int {
	n := -1
	for _, v := range vs {
		if l := len(vecArg(t, who, v)); n < 0 || l < n {
			n = l
		}
	}
	return max(n, 0)
}

// vecRow returns the elements at index i of the vectors vs.
func vecRow(vs []Value, i int) []Value {
	r := make([]Value, len(vs))
	for j, v := range vs {
		r[j] = v.Vec().Items[i]
	}
	return r
}

// vecCallWith calls f on the arguments pre followed by the elements at index
// i of the vectors vs.
func vecCallWith(t *Thread, f Value, vs []Value, i int, pre ...Value) Value {
	switch {
	case len(pre) == 0:
		return callAt(t, f, vs, i, itemAt)
	case len(pre) == 1 && len(vs) == 1:
		return t.Call2(f, pre[0], vs[0].Vec().Items[i])
	}
	return t.CallN(f, append(append([]Value(nil), pre...), vecRow(vs, i)...))
}

// vecUnfoldStep calls f on the index and the seeds and splits its results
// into the element and the next seeds, which must be as many.
func vecUnfoldStep(t *Thread, who string, f Value, i int, seeds []Value) (Value, []Value) {
	var r Value
	switch len(seeds) {
	case 0:
		return t.Call1(f, Fixnum(int64(i))), nil
	case 1:
		r = t.Call2(f, Fixnum(int64(i)), seeds[0])
	default:
		r = t.CallN(f, append([]Value{Fixnum(int64(i))}, seeds...))
	}
	vals := ValuesOf(r)
	if len(vals) != len(seeds)+1 {
		t.Errorf(who, "expected %d values (the element and the new seeds) from the procedure, got %d", len(seeds)+1, len(vals))
	}
	return vals[0], vals[1:]
}

// vecUnfoldInto fills items[start:end] with f over the seeds, left to right
// or right to left.
func vecUnfoldInto(t *Thread, who string, f Value, items []Value, start, end int, seeds []Value, right bool) {
	seeds = append([]Value(nil), seeds...)
	for k := start; k < end; k++ {
		i := k
		if right {
			i = end - 1 - (k - start)
		}
		items[i], seeds = vecUnfoldStep(t, who, f, i, seeds)
	}
}

// VectorUnfold is (vector-unfold f length initial-seed ...).
func VectorUnfold(t *Thread, args []Value) Value {
	t.procOf(args[0])
	items := make([]Value, lengthArg(t, "vector-unfold", args[1]))
	vecUnfoldInto(t, "vector-unfold", args[0], items, 0, len(items), args[2:], false)
	return NewVector(items)
}

// VectorUnfoldRight is (vector-unfold-right f length initial-seed ...).
func VectorUnfoldRight(t *Thread, args []Value) Value {
	t.procOf(args[0])
	items := make([]Value, lengthArg(t, "vector-unfold-right", args[1]))
	vecUnfoldInto(t, "vector-unfold-right", args[0], items, 0, len(items), args[2:], true)
	return NewVector(items)
}

// VectorUnfoldTo is (vector-unfold! f vec start end initial-seed ...).
func VectorUnfoldTo(t *Thread, args []Value) Value {
	t.procOf(args[0])
	items := vecArg(t, "vector-unfold!", args[1])
	start, end := rangeArgs(t, "vector-unfold!", args, 2, len(items), "vector")
	vecUnfoldInto(t, "vector-unfold!", args[0], items, start, end, args[4:], false)
	return Unspecified
}

// VectorUnfoldRightTo is (vector-unfold-right! f vec start end initial-seed ...).
func VectorUnfoldRightTo(t *Thread, args []Value) Value {
	t.procOf(args[0])
	items := vecArg(t, "vector-unfold-right!", args[1])
	start, end := rangeArgs(t, "vector-unfold-right!", args, 2, len(items), "vector")
	vecUnfoldInto(t, "vector-unfold-right!", args[0], items, start, end, args[4:], true)
	return Unspecified
}

// VectorReverseCopy is (vector-reverse-copy vec [start [end]]).
func VectorReverseCopy(t *Thread, args []Value) Value {
	items := vecArg(t, "vector-reverse-copy", args[0])
	start, end := rangeArgs(t, "vector-reverse-copy", args, 1, len(items), "vector")
	out := make([]Value, end-start)
	for i := range out {
		out[i] = items[end-1-i]
	}
	return NewVector(out)
}

// VectorConcatenate is (vector-concatenate list-of-vectors).
func VectorConcatenate(t *Thread, l Value) Value {
	vs := items(t, "vector-concatenate", l)
	n := 0
	for _, v := range vs {
		n += len(vecArg(t, "vector-concatenate", v))
	}
	out := make([]Value, 0, n)
	for _, v := range vs {
		out = append(out, v.Vec().Items...)
	}
	return NewVector(out)
}

// VectorAppendSubvectors is (vector-append-subvectors [vec start end] ...).
func VectorAppendSubvectors(t *Thread, args []Value) Value {
	const who = "vector-append-subvectors"
	if len(args)%3 != 0 {
		t.Errorf(who, "expected vector, start, end triples, got %d arguments", len(args))
	}
	var out []Value
	for i := 0; i < len(args); i += 3 {
		items := vecArg(t, who, args[i])
		start, end := rangeArgs(t, who, []Value{args[i+1], args[i+2]}, 0, len(items), "vector")
		out = append(out, items[start:end]...)
	}
	if out == nil {
		out = []Value{}
	}
	return NewVector(out)
}

// VectorEmptyP is (vector-empty? vec).
func VectorEmptyP(t *Thread, v Value) Value {
	return Bool(len(vecArg(t, "vector-empty?", v)) == 0)
}

// VectorEq is (vector= elt=? vec ...): the vectors have the same length
// and (elt=? a b) holds for the elements at each index of each consecutive
// pair of vectors.
func VectorEq(t *Thread, args []Value) Value {
	t.procOf(args[0])
	vs := args[1:]
	for _, v := range vs {
		vecArg(t, "vector=", v)
	}
	for j := 1; j < len(vs); j++ {
		a, b := vs[j-1].Vec().Items, vs[j].Vec().Items
		if len(a) != len(b) {
			return False
		}
		if Eq(vs[j-1], vs[j]) {
			continue
		}
		for i := range a {
			if t.Call2(args[0], a[i], b[i]).IsFalse() {
				return False
			}
		}
	}
	return True
}

// VectorFold is (vector-fold kons state vec1 vec2 ...): kons is called
// with the state first, then the elements.
func VectorFold(t *Thread, args []Value) Value {
	t.procOf(args[0])
	state, vs := args[1], args[2:]
	n := vecShortest(t, "vector-fold", vs)
	for i := 0; i < n; i++ {
		state = vecCallWith(t, args[0], vs, i, state)
	}
	return state
}

// VectorFoldRight is (vector-fold-right kons state vec1 vec2 ...).
func VectorFoldRight(t *Thread, args []Value) Value {
	t.procOf(args[0])
	state, vs := args[1], args[2:]
	for i := vecShortest(t, "vector-fold-right", vs) - 1; i >= 0; i-- {
		state = vecCallWith(t, args[0], vs, i, state)
	}
	return state
}

// VectorMapTo is (vector-map! f vec1 vec2 ...): the results replace the
// elements of vec1.
func VectorMapTo(t *Thread, args []Value) Value {
	n := vectorsArgs(t, "vector-map!", args)
	dst := args[1].Vec().Items
	for i := 0; i < n; i++ {
		dst[i] = callAt(t, args[0], args[1:], i, itemAt)
	}
	return Unspecified
}

// VectorCount is (vector-count pred? vec1 vec2 ...).
func VectorCount(t *Thread, args []Value) Value {
	n := vectorsArgs(t, "vector-count", args)
	c := 0
	for i := 0; i < n; i++ {
		if callAt(t, args[0], args[1:], i, itemAt).IsTrue() {
			c++
		}
	}
	return Fixnum(int64(c))
}

// VectorCumulate is (vector-cumulate f knil vec): element i of the result
// is (f r e) where r is element i-1 (knil for i = 0) and e element i of vec.
func VectorCumulate(t *Thread, f, knil, v Value) Value {
	t.procOf(f)
	items := vecArg(t, "vector-cumulate", v)
	out := make([]Value, len(items))
	acc := knil
	for i, x := range items {
		acc = t.Call2(f, acc, x)
		out[i] = acc
	}
	return NewVector(out)
}

// vecSearch returns the first index (the last one when right) below
// the shortest length where pred's truth is want, or #f.
func vecSearch(t *Thread, who string, args []Value, want, right bool) Value {
	n := vectorsArgs(t, who, args)
	for k := 0; k < n; k++ {
		i := k
		if right {
			i = n - 1 - k
		}
		if callAt(t, args[0], args[1:], i, itemAt).IsTrue() == want {
			return Fixnum(int64(i))
		}
	}
	return False
}

// VectorIndex is (vector-index pred? vec1 vec2 ...).
func VectorIndex(t *Thread, args []Value) Value {
	return vecSearch(t, "vector-index", args, true, false)
}

// VectorIndexRight is (vector-index-right pred? vec1 vec2 ...).
func VectorIndexRight(t *Thread, args []Value) Value {
	return vecSearch(t, "vector-index-right", args, true, true)
}

// VectorSkip is (vector-skip pred? vec1 vec2 ...): the first index where
// pred? is false.
func VectorSkip(t *Thread, args []Value) Value {
	return vecSearch(t, "vector-skip", args, false, false)
}

// VectorSkipRight is (vector-skip-right pred? vec1 vec2 ...).
func VectorSkipRight(t *Thread, args []Value) Value {
	return vecSearch(t, "vector-skip-right", args, false, true)
}

// VectorBinarySearch is (vector-binary-search vec value cmp [start [end]]):
// vec is sorted, and (cmp elt value) is negative, zero or positive as elt
// is below, equal to or above value. It returns an index of an element
// equal to value, or #f.
func VectorBinarySearch(t *Thread, args []Value) Value {
	const who = "vector-binary-search"
	items := vecArg(t, who, args[0])
	t.procOf(args[2])
	lo, hi := rangeArgs(t, who, args, 3, len(items), "vector")
	for lo < hi {
		mid := lo + (hi-lo)/2
		c := t.Call2(args[2], items[mid], args[1])
		if !c.IsFixnum() {
			if !IsReal(c) {
				t.TypeError(who, "comparison procedure returning a real number", c)
			}
			c = Fixnum(int64(sign(c)))
		}
		switch {
		case c.Int() == 0:
			return Fixnum(int64(mid))
		case c.Int() < 0:
			lo = mid + 1
		default:
			hi = mid
		}
	}
	return False
}

// VectorAny is (vector-any pred? vec1 vec2 ...): the first true value of
// pred?, or #f.
func VectorAny(t *Thread, args []Value) Value {
	n := vectorsArgs(t, "vector-any", args)
	for i := 0; i < n; i++ {
		if r := callAt(t, args[0], args[1:], i, itemAt); r.IsTrue() {
			return r
		}
	}
	return False
}

// VectorEvery is (vector-every pred? vec1 vec2 ...): #f if pred? is false
// somewhere, else its last value (#t for empty vectors).
func VectorEvery(t *Thread, args []Value) Value {
	n := vectorsArgs(t, "vector-every", args)
	r := True
	for i := 0; i < n; i++ {
		if r = callAt(t, args[0], args[1:], i, itemAt); r.IsFalse() {
			return False
		}
	}
	return r
}

// VectorPartition is (vector-partition pred? vec): two values, a vector of
// the elements satisfying pred? followed by the others (each group in its
// original order), and the number of the former.
func VectorPartition(t *Thread, pred, v Value) Value {
	t.procOf(pred)
	items := vecArg(t, "vector-partition", v)
	var yes, no []Value
	for _, x := range items {
		if t.Call1(pred, x).IsTrue() {
			yes = append(yes, x)
		} else {
			no = append(no, x)
		}
	}
	out := make([]Value, 0, len(items))
	out = append(append(out, yes...), no...)
	return Values(NewVector(out), Fixnum(int64(len(yes))))
}

// VectorSwap is (vector-swap! vec i j).
func VectorSwap(t *Thread, v, i, j Value) Value {
	items := vecArg(t, "vector-swap!", v)
	a := indexArg(t, "vector-swap!", i, len(items), "vector")
	b := indexArg(t, "vector-swap!", j, len(items), "vector")
	items[a], items[b] = items[b], items[a]
	return Unspecified
}

// VectorReverse is (vector-reverse! vec [start [end]]).
func VectorReverse(t *Thread, args []Value) Value {
	items := vecArg(t, "vector-reverse!", args[0])
	start, end := rangeArgs(t, "vector-reverse!", args, 1, len(items), "vector")
	for i, j := start, end-1; i < j; i, j = i+1, j-1 {
		items[i], items[j] = items[j], items[i]
	}
	return Unspecified
}

// VectorReverseCopyTo is (vector-reverse-copy! to at from [start [end]]):
// like vector-copy!, but the elements land in reverse order. The source
// range is read first, so to and from may overlap.
func VectorReverseCopyTo(t *Thread, args []Value) Value {
	const who = "vector-reverse-copy!"
	to := vecArg(t, who, args[0])
	from := vecArg(t, who, args[2])
	start, end := rangeArgs(t, who, args, 3, len(from), "vector")
	at := copyTarget(t, who, args[1], end-start, len(to), "vector")
	src := append([]Value(nil), from[start:end]...)
	for i, x := range src {
		to[at+len(src)-1-i] = x
	}
	return Unspecified
}

// ReverseVectorToList is (reverse-vector->list vec [start [end]]).
func ReverseVectorToList(t *Thread, args []Value) Value {
	items := vecArg(t, "reverse-vector->list", args[0])
	start, end := rangeArgs(t, "reverse-vector->list", args, 1, len(items), "vector")
	l := Null
	for _, x := range items[start:end] {
		l = Cons(x, l)
	}
	return l
}

// ReverseListToVector is (reverse-list->vector proper-list).
func ReverseListToVector(t *Thread, l Value) Value {
	xs := items(t, "reverse-list->vector", l)
	out := make([]Value, len(xs))
	for i, x := range xs {
		out[len(xs)-1-i] = x
	}
	return NewVector(out)
}

func init() {
	Define("vector-unfold", 2, -1, VectorUnfold)
	Define("vector-unfold-right", 2, -1, VectorUnfoldRight)
	Define("vector-unfold!", 4, -1, VectorUnfoldTo)
	Define("vector-unfold-right!", 4, -1, VectorUnfoldRightTo)
	DefinePure("vector-reverse-copy", 1, 3, VectorReverseCopy)
	DefinePure("vector-concatenate", 1, 1, VectorConcatenate)
	DefinePure("vector-append-subvectors", 0, -1, VectorAppendSubvectors)
	DefinePure("vector-empty?", 1, 1, VectorEmptyP)
	Define("vector=", 1, -1, VectorEq)
	Define("vector-fold", 3, -1, VectorFold)
	Define("vector-fold-right", 3, -1, VectorFoldRight)
	Define("vector-map!", 2, -1, VectorMapTo)
	Define("vector-count", 2, -1, VectorCount)
	Define("vector-cumulate", 3, 3, VectorCumulate)
	Define("vector-index", 2, -1, VectorIndex)
	Define("vector-index-right", 2, -1, VectorIndexRight)
	Define("vector-skip", 2, -1, VectorSkip)
	Define("vector-skip-right", 2, -1, VectorSkipRight)
	Define("vector-binary-search", 3, 5, VectorBinarySearch)
	Define("vector-any", 2, -1, VectorAny)
	Define("vector-every", 2, -1, VectorEvery)
	Define("vector-partition", 2, 2, VectorPartition)
	Define("vector-swap!", 3, 3, VectorSwap)
	Define("vector-reverse!", 1, 3, VectorReverse)
	Define("vector-reverse-copy!", 3, 5, VectorReverseCopyTo)
	DefinePure("reverse-vector->list", 1, 3, ReverseVectorToList)
	DefinePure("reverse-list->vector", 1, 1, ReverseListToVector)

	RegisterLibrary("(srfi 133)",
		"make-vector", "vector", "vector-unfold", "vector-unfold-right", "vector-copy",
		"vector-reverse-copy", "vector-append", "vector-concatenate", "vector-append-subvectors",
		"vector?", "vector-empty?", "vector=", "vector-ref", "vector-length", "vector-fold",
		"vector-fold-right", "vector-map", "vector-map!", "vector-for-each", "vector-count",
		"vector-cumulate", "vector-index", "vector-index-right", "vector-skip",
		"vector-skip-right", "vector-binary-search", "vector-any", "vector-every",
		"vector-partition", "vector-set!", "vector-swap!", "vector-fill!", "vector-reverse!",
		"vector-copy!", "vector-reverse-copy!", "vector-unfold!", "vector-unfold-right!",
		"vector->list", "reverse-vector->list", "list->vector", "reverse-list->vector",
		"string->vector", "vector->string")
}
