package rt

// This file defines the pair and list procedures of R7RS 6.4 not in
// core.go, with the (scheme cxr) compositions. Every procedure walks lists
// with a loop, never Go recursion, so list length does not touch the Go
// stack.

// cxr applies a car/cdr path given right to left as in the name: for cadr
// the path is "ad", applied d first. Errors name the whole procedure.
func cxr(t *Thread, who, path string, x Value) Value {
	v := x
	for i := len(path) - 1; i >= 0; i-- {
		if !v.IsPair() {
			return t.TypeError(who, "pair", x)
		}
		if path[i] == 'a' {
			v = v.Pair().Car
		} else {
			v = v.Pair().Cdr
		}
	}
	return v
}

// Caar is (caar pair).
func Caar(t *Thread, x Value) Value {
	if x.IsPair() {
		if a := x.Pair().Car; a.IsPair() {
			return a.Pair().Car
		}
	}
	return cxr(t, "caar", "aa", x)
}

// Cadr is (cadr pair).
func Cadr(t *Thread, x Value) Value {
	if x.IsPair() {
		if d := x.Pair().Cdr; d.IsPair() {
			return d.Pair().Car
		}
	}
	return cxr(t, "cadr", "ad", x)
}

// Cdar is (cdar pair).
func Cdar(t *Thread, x Value) Value {
	if x.IsPair() {
		if a := x.Pair().Car; a.IsPair() {
			return a.Pair().Cdr
		}
	}
	return cxr(t, "cdar", "da", x)
}

// Cddr is (cddr pair).
func Cddr(t *Thread, x Value) Value {
	if x.IsPair() {
		if d := x.Pair().Cdr; d.IsPair() {
			return d.Pair().Cdr
		}
	}
	return cxr(t, "cddr", "dd", x)
}

// The (scheme cxr) library: (caddr x) is (car (cdr (cdr x))), and so on.

func Caaar(t *Thread, x Value) Value  { return cxr(t, "caaar", "aaa", x) }
func Caadr(t *Thread, x Value) Value  { return cxr(t, "caadr", "aad", x) }
func Cadar(t *Thread, x Value) Value  { return cxr(t, "cadar", "ada", x) }
func Caddr(t *Thread, x Value) Value  { return cxr(t, "caddr", "add", x) }
func Cdaar(t *Thread, x Value) Value  { return cxr(t, "cdaar", "daa", x) }
func Cdadr(t *Thread, x Value) Value  { return cxr(t, "cdadr", "dad", x) }
func Cddar(t *Thread, x Value) Value  { return cxr(t, "cddar", "dda", x) }
func Cdddr(t *Thread, x Value) Value  { return cxr(t, "cdddr", "ddd", x) }
func Caaaar(t *Thread, x Value) Value { return cxr(t, "caaaar", "aaaa", x) }
func Caaadr(t *Thread, x Value) Value { return cxr(t, "caaadr", "aaad", x) }
func Caadar(t *Thread, x Value) Value { return cxr(t, "caadar", "aada", x) }
func Caaddr(t *Thread, x Value) Value { return cxr(t, "caaddr", "aadd", x) }
func Cadaar(t *Thread, x Value) Value { return cxr(t, "cadaar", "adaa", x) }
func Cadadr(t *Thread, x Value) Value { return cxr(t, "cadadr", "adad", x) }
func Caddar(t *Thread, x Value) Value { return cxr(t, "caddar", "adda", x) }
func Cadddr(t *Thread, x Value) Value { return cxr(t, "cadddr", "addd", x) }
func Cdaaar(t *Thread, x Value) Value { return cxr(t, "cdaaar", "daaa", x) }
func Cdaadr(t *Thread, x Value) Value { return cxr(t, "cdaadr", "daad", x) }
func Cdadar(t *Thread, x Value) Value { return cxr(t, "cdadar", "dada", x) }
func Cdaddr(t *Thread, x Value) Value { return cxr(t, "cdaddr", "dadd", x) }
func Cddaar(t *Thread, x Value) Value { return cxr(t, "cddaar", "ddaa", x) }
func Cddadr(t *Thread, x Value) Value { return cxr(t, "cddadr", "ddad", x) }
func Cdddar(t *Thread, x Value) Value { return cxr(t, "cdddar", "ddda", x) }
func Cddddr(t *Thread, x Value) Value { return cxr(t, "cddddr", "dddd", x) }

// listBuilder appends to a list in order without recursion.
type listBuilder struct {
	head, tail Value
}

func (b *listBuilder) add(v Value) {
	c := Cons(v, Null)
	if b.tail.IsPair() {
		b.tail.Pair().Cdr = c
	} else {
		b.head = c
	}
	b.tail = c
}

// list returns the list built so far, ending in rest.
func (b *listBuilder) list(rest Value) Value {
	if !b.tail.IsPair() {
		return rest
	}
	b.tail.Pair().Cdr = rest
	return b.head
}

// cycleCheck detects a circular list during a walk along its cdrs (Floyd's
// tortoise and hare): the tortoise follows at half speed, so it meets the
// walk's current pair exactly when the list loops. Procedures that would
// otherwise loop forever, or allocate until memory runs out, use it to
// report the circular list as an error.
type cycleCheck struct {
	slow Value
	n    int
}

func newCycleCheck(l Value) cycleCheck { return cycleCheck{slow: l} }

// circular reports whether x, the pair after the previously visited one,
// closes a cycle. (The tortoise checks its pairs: a procedure called
// during the walk may have cut the list short behind the walk.)
func (c *cycleCheck) circular(x Value) bool {
	c.n++
	if c.n&1 == 0 && c.slow.IsPair() {
		c.slow = c.slow.Pair().Cdr
	}
	return Eq(x, c.slow) && x.IsPair()
}

// MakeList is (make-list k [fill]).
func MakeList(t *Thread, args []Value) Value {
	n := lengthArg(t, "make-list", args[0])
	fill, ok := optArg(args, 1)
	if !ok {
		fill = Unspecified
	}
	l := Null
	for range n {
		l = Cons(fill, l)
	}
	return l
}

// ListCopy is (list-copy obj): a fresh spine for a list, proper or
// improper; any other object is returned as is.
func ListCopy(t *Thread, x Value) Value {
	var b listBuilder
	l, cc := x, newCycleCheck(x)
	for l.IsPair() {
		b.add(l.Pair().Car)
		if l = l.Pair().Cdr; cc.circular(l) {
			return t.TypeError("list-copy", "list", x)
		}
	}
	return b.list(l)
}

// listIndexArg checks a list index: an exact non-negative integer.
func listIndexArg(t *Thread, who string, k Value) int64 {
	if k.IsFixnum() && k.Int() >= 0 {
		return k.Int()
	}
	if k.Is(TBignum) && k.Big().Sign() > 0 {
		t.Errorf(who, "index %s out of range", k.Big().String())
	}
	t.TypeError(who, "exact non-negative integer", k)
	return 0
}

// listTail returns the k-th tail of l, raising the error for who when l has
// fewer than k elements (orMore: for list-ref, fewer than k+1).
func listTail(t *Thread, who string, l Value, k int64, orMore bool) Value {
	x := l
	for i := int64(0); i < k; i++ {
		if !x.IsPair() {
			return listRangeError(t, who, l, k, i, x)
		}
		x = x.Pair().Cdr
	}
	if orMore && !x.IsPair() {
		return listRangeError(t, who, l, k, k, x)
	}
	return x
}

// listRangeError raises the error for index k into l, whose walk ended
// after n pairs at end.
func listRangeError(t *Thread, who string, l Value, k, n int64, end Value) Value {
	if end.IsNull() {
		return t.Errorf(who, "index %d out of range for list of length %d", k, n)
	}
	return t.TypeError(who, "list", l)
}

// ListTail is (list-tail list k).
func ListTail(t *Thread, l, k Value) Value {
	return listTail(t, "list-tail", l, listIndexArg(t, "list-tail", k), false)
}

// ListRef is (list-ref list k).
func ListRef(t *Thread, l, k Value) Value {
	return listTail(t, "list-ref", l, listIndexArg(t, "list-ref", k), true).Pair().Car
}

// ListSet is (list-set! list k obj).
func ListSet(t *Thread, l, k, v Value) Value {
	listTail(t, "list-set!", l, listIndexArg(t, "list-set!", k), true).Pair().Car = v
	return Unspecified
}

// Append is (append list ...): the result shares the last argument.
func Append(t *Thread, args []Value) Value {
	if len(args) == 0 {
		return Null
	}
	var b listBuilder
	for _, l := range args[:len(args)-1] {
		x, cc := l, newCycleCheck(l)
		for x.IsPair() {
			b.add(x.Pair().Car)
			if x = x.Pair().Cdr; cc.circular(x) {
				break
			}
		}
		if !x.IsNull() {
			return t.TypeError("append", "proper list", l)
		}
	}
	return b.list(args[len(args)-1])
}

// Reverse is (reverse list).
func Reverse(t *Thread, l Value) Value {
	r := Null
	x, cc := l, newCycleCheck(l)
	for x.IsPair() {
		r = Cons(x.Pair().Car, r)
		if x = x.Pair().Cdr; cc.circular(x) {
			break
		}
	}
	if !x.IsNull() {
		return t.TypeError("reverse", "proper list", l)
	}
	return r
}

// memberBy returns the first tail of the list l whose car is same as x,
// or #f.
func memberBy(t *Thread, who string, x, l Value, same func(a, b Value) bool) Value {
	cc := newCycleCheck(l)
	for y := l; ; {
		if !y.IsPair() {
			if !y.IsNull() {
				return t.TypeError(who, "list", l)
			}
			return False
		}
		if same(x, y.Pair().Car) {
			return y
		}
		if y = y.Pair().Cdr; cc.circular(y) {
			return t.TypeError(who, "list", l)
		}
	}
}

// Memq is (memq obj list).
func Memq(t *Thread, x, l Value) Value {
	// A short fast loop for the common case, then the checked one.
	y := l
	for range 64 {
		if !y.IsPair() {
			break
		}
		if Eq(x, y.Pair().Car) {
			return y
		}
		y = y.Pair().Cdr
	}
	if y.IsNull() {
		return False
	}
	return memberBy(t, "memq", x, l, Eq)
}

// Memv is (memv obj list).
func Memv(t *Thread, x, l Value) Value { return memberBy(t, "memv", x, l, Eqv) }

// Member is (member obj list [compare]); compare is called as
// (compare obj element).
func Member(t *Thread, args []Value) Value {
	x, l := args[0], args[1]
	cmp, ok := optArg(args, 2)
	if !ok {
		return memberBy(t, "member", x, l, Equal)
	}
	return memberBy(t, "member", x, l, func(a, b Value) bool { return t.Call2(cmp, a, b).IsTrue() })
}

// assocBy walks the association list l for the first entry whose key is
// same as x.
func assocBy(t *Thread, who string, x, l Value, same func(a, b Value) bool) Value {
	cc := newCycleCheck(l)
	for y := l; ; {
		if !y.IsPair() {
			if !y.IsNull() {
				return t.TypeError(who, "association list", l)
			}
			return False
		}
		e := y.Pair().Car
		if !e.IsPair() {
			return t.TypeError(who, "association list", l)
		}
		if same(x, e.Pair().Car) {
			return e
		}
		if y = y.Pair().Cdr; cc.circular(y) {
			return t.TypeError(who, "association list", l)
		}
	}
}

// Assq is (assq obj alist).
func Assq(t *Thread, x, l Value) Value { return assocBy(t, "assq", x, l, Eq) }

// Assv is (assv obj alist).
func Assv(t *Thread, x, l Value) Value { return assocBy(t, "assv", x, l, Eqv) }

// Assoc is (assoc obj alist [compare]); compare is called as
// (compare obj key).
func Assoc(t *Thread, args []Value) Value {
	x, l := args[0], args[1]
	cmp, ok := optArg(args, 2)
	if !ok {
		return assocBy(t, "assoc", x, l, Equal)
	}
	return assocBy(t, "assoc", x, l, func(a, b Value) bool { return t.Call2(cmp, a, b).IsTrue() })
}

func init() {
	DefinePure("caar", 1, 1, Caar)
	DefinePure("cadr", 1, 1, Cadr)
	DefinePure("cdar", 1, 1, Cdar)
	DefinePure("cddr", 1, 1, Cddr)
	DefinePure("caaar", 1, 1, Caaar)
	DefinePure("caadr", 1, 1, Caadr)
	DefinePure("cadar", 1, 1, Cadar)
	DefinePure("caddr", 1, 1, Caddr)
	DefinePure("cdaar", 1, 1, Cdaar)
	DefinePure("cdadr", 1, 1, Cdadr)
	DefinePure("cddar", 1, 1, Cddar)
	DefinePure("cdddr", 1, 1, Cdddr)
	DefinePure("caaaar", 1, 1, Caaaar)
	DefinePure("caaadr", 1, 1, Caaadr)
	DefinePure("caadar", 1, 1, Caadar)
	DefinePure("caaddr", 1, 1, Caaddr)
	DefinePure("cadaar", 1, 1, Cadaar)
	DefinePure("cadadr", 1, 1, Cadadr)
	DefinePure("caddar", 1, 1, Caddar)
	DefinePure("cadddr", 1, 1, Cadddr)
	DefinePure("cdaaar", 1, 1, Cdaaar)
	DefinePure("cdaadr", 1, 1, Cdaadr)
	DefinePure("cdadar", 1, 1, Cdadar)
	DefinePure("cdaddr", 1, 1, Cdaddr)
	DefinePure("cddaar", 1, 1, Cddaar)
	DefinePure("cddadr", 1, 1, Cddadr)
	DefinePure("cdddar", 1, 1, Cdddar)
	DefinePure("cddddr", 1, 1, Cddddr)
	DefinePure("make-list", 1, 2, MakeList)
	DefinePure("list-copy", 1, 1, ListCopy)
	DefinePure("list-tail", 2, 2, ListTail)
	DefinePure("list-ref", 2, 2, ListRef)
	Define("list-set!", 3, 3, ListSet)
	DefinePure("append", 0, -1, Append)
	DefinePure("reverse", 1, 1, Reverse)
	DefinePure("memq", 2, 2, Memq)
	DefinePure("memv", 2, 2, Memv)
	Define("member", 2, 3, Member)
	DefinePure("assq", 2, 2, Assq)
	DefinePure("assv", 2, 2, Assv)
	Define("assoc", 2, 3, Assoc)
}
