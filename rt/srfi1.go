package rt

// This file defines the procedures of SRFI 1 (list library) that R7RS
// does not already provide. Every walk is iterative. The linear-update
// variants (take!, filter!, ...) are allowed by SRFI 1 to behave like their
// pure counterparts, and here they do: they allocate a fresh result.

// items returns the elements of the proper list l, raising
// "who: expected proper list, got ..." for dotted or circular lists.
func items(t *Thread, who string, l Value) []Value {
	var out []Value
	x, cc := l, newCycleCheck(l)
	for x.IsPair() {
		out = append(out, x.Pair().Car)
		if x = x.Pair().Cdr; cc.circular(x) {
			t.TypeError(who, "proper list", l)
		}
	}
	if !x.IsNull() {
		t.TypeError(who, "proper list", l)
	}
	return out
}

// itemsPrefix returns the elements of l up to its first non-pair (so a
// dotted list gives its proper prefix) and the terminating tail.
func itemsPrefix(t *Thread, who string, l Value) ([]Value, Value) {
	var out []Value
	x, cc := l, newCycleCheck(l)
	for x.IsPair() {
		out = append(out, x.Pair().Car)
		if x = x.Pair().Cdr; cc.circular(x) {
			t.TypeError(who, "finite list", l)
		}
	}
	return out, x
}

// listOf makes a proper list of vs ending in tail.
func listOf(vs []Value, tail Value) Value {
	r := tail
	for i := len(vs) - 1; i >= 0; i-- {
		r = Cons(vs[i], r)
	}
	return r
}

// columns returns, for the lists ls, the elements position by position up
// to the end of the shortest list (circular lists allowed if another is
// finite).
func columns(t *Thread, who string, ls []Value) [][]Value {
	cur := append([]Value(nil), ls...)
	var out [][]Value
	for n := 0; ; n++ {
		row := make([]Value, len(cur))
		for i, l := range cur {
			if !l.IsPair() {
				if !l.IsNull() {
					t.TypeError(who, "list", ls[i])
				}
				return out
			}
			row[i] = l.Pair().Car
			cur[i] = l.Pair().Cdr
		}
		out = append(out, row)
		if n > maxAlloc {
			t.Errorf(who, "all lists are circular")
		}
	}
}

func callRow(t *Thread, f Value, row []Value, extra ...Value) Value {
	args := append(append([]Value(nil), row...), extra...)
	switch len(args) {
	case 1:
		return t.Call1(f, args[0])
	case 2:
		return t.Call2(f, args[0], args[1])
	case 3:
		return t.Call3(f, args[0], args[1], args[2])
	}
	return t.CallN(f, args)
}

func Xcons(t *Thread, a, b Value) Value { return Cons(b, a) }

// ConsStar is (cons* elt1 ... eltn).
func ConsStar(t *Thread, args []Value) Value {
	return listOf(args[:len(args)-1], args[len(args)-1])
}

// ListTabulate is (list-tabulate n init-proc).
func ListTabulate(t *Thread, n, f Value) Value {
	k := lengthArg(t, "list-tabulate", n)
	vs := make([]Value, k)
	for i := range vs {
		vs[i] = t.Call1(f, Fixnum(int64(i)))
	}
	return listOf(vs, Null)
}

// CircularList is (circular-list elt1 elt2 ...).
func CircularList(t *Thread, args []Value) Value {
	l := listOf(args, Null)
	p := l
	for p.Pair().Cdr.IsPair() {
		p = p.Pair().Cdr
	}
	p.Pair().Cdr = l
	return l
}

// Iota is (iota count [start step]); exact when start and step are.
func Iota(t *Thread, args []Value) Value {
	n := lengthArg(t, "iota", args[0])
	start, step := Value(Fixnum(0)), Value(Fixnum(1))
	if v, ok := optArg(args, 1); ok {
		realArg(t, "iota", v)
		start = v
	}
	if v, ok := optArg(args, 2); ok {
		realArg(t, "iota", v)
		step = v
	}
	vs := make([]Value, n)
	for i := range vs {
		vs[i] = Add2(t, start, Mul2(t, Fixnum(int64(i)), step, nil), nil)
	}
	return listOf(vs, Null)
}

// listKind classifies x: 0 proper, 1 dotted, 2 circular.
func listKind(x Value) int {
	cc := newCycleCheck(x)
	for x.IsPair() {
		if x = x.Pair().Cdr; cc.circular(x) {
			return 2
		}
	}
	if x.IsNull() {
		return 0
	}
	return 1
}

func ProperListP(t *Thread, x Value) Value   { return Bool(listKind(x) == 0) }
func DottedListP(t *Thread, x Value) Value   { return Bool(listKind(x) == 1) }
func CircularListP(t *Thread, x Value) Value { return Bool(listKind(x) == 2) }
func NotPairP(t *Thread, x Value) Value      { return Bool(!x.IsPair()) }

// NullListP is (null-list? l): #t for (), #f for a pair, an error otherwise.
func NullListP(t *Thread, x Value) Value {
	if x.IsNull() {
		return True
	}
	if x.IsPair() {
		return False
	}
	return t.TypeError("null-list?", "list", x)
}

// ListEq is (list= elt= list1 ...).
func ListEq(t *Thread, args []Value) Value {
	eq := args[0]
	for i := 1; i+1 < len(args); i++ {
		a, b := items(t, "list=", args[i]), items(t, "list=", args[i+1])
		if len(a) != len(b) {
			return False
		}
		for k := range a {
			if t.Call2(eq, a[k], b[k]).IsFalse() {
				return False
			}
		}
	}
	return True
}

func nth(t *Thread, who string, l Value, n int) Value {
	x := l
	for i := 0; i < n; i++ {
		if !x.IsPair() {
			return t.Errorf(who, "list %s is too short", WriteString(l))
		}
		x = x.Pair().Cdr
	}
	if !x.IsPair() {
		return t.Errorf(who, "list %s is too short", WriteString(l))
	}
	return x.Pair().Car
}

func First(t *Thread, l Value) Value   { return nth(t, "first", l, 0) }
func Second(t *Thread, l Value) Value  { return nth(t, "second", l, 1) }
func Third(t *Thread, l Value) Value   { return nth(t, "third", l, 2) }
func Fourth(t *Thread, l Value) Value  { return nth(t, "fourth", l, 3) }
func Fifth(t *Thread, l Value) Value   { return nth(t, "fifth", l, 4) }
func Sixth(t *Thread, l Value) Value   { return nth(t, "sixth", l, 5) }
func Seventh(t *Thread, l Value) Value { return nth(t, "seventh", l, 6) }
func Eighth(t *Thread, l Value) Value  { return nth(t, "eighth", l, 7) }
func Ninth(t *Thread, l Value) Value   { return nth(t, "ninth", l, 8) }
func Tenth(t *Thread, l Value) Value   { return nth(t, "tenth", l, 9) }

// CarCdr is (car+cdr pair).
func CarCdr(t *Thread, p Value) Value {
	if !p.IsPair() {
		return t.TypeError("car+cdr", "pair", p)
	}
	return Values(p.Pair().Car, p.Pair().Cdr)
}

// Take is (take x i).
func Take(t *Thread, l, k Value) Value {
	n := lengthArg(t, "take", k)
	var b listBuilder
	x := l
	for i := 0; i < n; i++ {
		if !x.IsPair() {
			return t.Errorf("take", "index %d out of range for list %s", n, WriteString(l))
		}
		b.add(x.Pair().Car)
		x = x.Pair().Cdr
	}
	return b.list(Null)
}

// Drop is (drop x i).
func Drop(t *Thread, l, k Value) Value {
	n := lengthArg(t, "drop", k)
	x := l
	for i := 0; i < n; i++ {
		if !x.IsPair() {
			return t.Errorf("drop", "index %d out of range for list %s", n, WriteString(l))
		}
		x = x.Pair().Cdr
	}
	return x
}

// TakeRight is (take-right flist i): the last i pairs.
func TakeRight(t *Thread, l, k Value) Value {
	vs, _ := itemsPrefix(t, "take-right", l)
	n := lengthArg(t, "take-right", k)
	if n > len(vs) {
		return t.Errorf("take-right", "index %d out of range for list %s", n, WriteString(l))
	}
	x := l
	for i := 0; i < len(vs)-n; i++ {
		x = x.Pair().Cdr
	}
	return x
}

// DropRight is (drop-right flist i).
func DropRight(t *Thread, l, k Value) Value {
	vs, _ := itemsPrefix(t, "drop-right", l)
	n := lengthArg(t, "drop-right", k)
	if n > len(vs) {
		return t.Errorf("drop-right", "index %d out of range for list %s", n, WriteString(l))
	}
	return listOf(vs[:len(vs)-n], Null)
}

// SplitAt is (split-at x i).
func SplitAt(t *Thread, l, k Value) Value {
	return Values(Take(t, l, k), Drop(t, l, k))
}

// Last is (last pair).
func Last(t *Thread, l Value) Value {
	return LastPair(t, l).Pair().Car
}

// LastPair is (last-pair pair).
func LastPair(t *Thread, l Value) Value {
	if !l.IsPair() {
		return t.TypeError("last-pair", "pair", l)
	}
	x, cc := l, newCycleCheck(l)
	for x.Pair().Cdr.IsPair() {
		if x = x.Pair().Cdr; cc.circular(x) {
			return t.TypeError("last-pair", "finite list", l)
		}
	}
	return x
}

// LengthPlus is (length+ clist): #f for a circular list.
func LengthPlus(t *Thread, l Value) Value {
	n, x, cc := int64(0), l, newCycleCheck(l)
	for x.IsPair() {
		n++
		if x = x.Pair().Cdr; cc.circular(x) {
			return False
		}
	}
	return Fixnum(n)
}

// Concatenate is (concatenate list-of-lists).
func Concatenate(t *Thread, ls Value) Value {
	return Append(t, items(t, "concatenate", ls))
}

// AppendReverse is (append-reverse rev-head tail).
func AppendReverse(t *Thread, head, tail Value) Value {
	for _, v := range items(t, "append-reverse", head) {
		tail = Cons(v, tail)
	}
	return tail
}

// Zip is (zip clist1 clist2 ...).
func Zip(t *Thread, args []Value) Value {
	rows := columns(t, "zip", args)
	vs := make([]Value, len(rows))
	for i, r := range rows {
		vs[i] = listOf(r, Null)
	}
	return listOf(vs, Null)
}

func unzipN(t *Thread, who string, l Value, n int) Value {
	rows := items(t, who, l)
	cols := make([]Value, n)
	for k := 0; k < n; k++ {
		vs := make([]Value, len(rows))
		for i, r := range rows {
			vs[i] = nth(t, who, r, k)
		}
		cols[k] = listOf(vs, Null)
	}
	if n == 1 {
		return cols[0]
	}
	return Values(cols...)
}

func Unzip1(t *Thread, l Value) Value { return unzipN(t, "unzip1", l, 1) }
func Unzip2(t *Thread, l Value) Value { return unzipN(t, "unzip2", l, 2) }
func Unzip3(t *Thread, l Value) Value { return unzipN(t, "unzip3", l, 3) }
func Unzip4(t *Thread, l Value) Value { return unzipN(t, "unzip4", l, 4) }
func Unzip5(t *Thread, l Value) Value { return unzipN(t, "unzip5", l, 5) }

// Count is (count pred clist1 ...).
func Count(t *Thread, args []Value) Value {
	n := int64(0)
	for _, r := range columns(t, "count", args[1:]) {
		if callRow(t, args[0], r).IsTrue() {
			n++
		}
	}
	return Fixnum(n)
}

// Fold is (fold kons knil clist1 ...).
func Fold(t *Thread, args []Value) Value {
	acc := args[1]
	for _, r := range columns(t, "fold", args[2:]) {
		acc = callRow(t, args[0], r, acc)
	}
	return acc
}

// FoldRight is (fold-right kons knil clist1 ...).
func FoldRight(t *Thread, args []Value) Value {
	acc := args[1]
	rows := columns(t, "fold-right", args[2:])
	for i := len(rows) - 1; i >= 0; i-- {
		acc = callRow(t, args[0], rows[i], acc)
	}
	return acc
}

// pairRows returns the successive pairs of each list, up to the shortest.
func pairRows(t *Thread, who string, ls []Value) [][]Value {
	cur := append([]Value(nil), ls...)
	var out [][]Value
	for {
		row := make([]Value, len(cur))
		for i, l := range cur {
			if !l.IsPair() {
				return out
			}
			row[i] = l
		}
		for i := range cur {
			cur[i] = cur[i].Pair().Cdr
		}
		out = append(out, row)
		if len(out) > maxAlloc {
			t.Errorf(who, "all lists are circular")
		}
	}
}

// PairFold is (pair-fold kons knil clist1 ...).
func PairFold(t *Thread, args []Value) Value {
	acc := args[1]
	for _, r := range pairRows(t, "pair-fold", args[2:]) {
		acc = callRow(t, args[0], r, acc)
	}
	return acc
}

// PairFoldRight is (pair-fold-right kons knil clist1 ...).
func PairFoldRight(t *Thread, args []Value) Value {
	acc := args[1]
	rows := pairRows(t, "pair-fold-right", args[2:])
	for i := len(rows) - 1; i >= 0; i-- {
		acc = callRow(t, args[0], rows[i], acc)
	}
	return acc
}

// Reduce is (reduce f ridentity list).
func Reduce(t *Thread, f, id, l Value) Value {
	vs := items(t, "reduce", l)
	if len(vs) == 0 {
		return id
	}
	acc := vs[0]
	for _, v := range vs[1:] {
		acc = t.Call2(f, v, acc)
	}
	return acc
}

// ReduceRight is (reduce-right f ridentity list).
func ReduceRight(t *Thread, f, id, l Value) Value {
	vs := items(t, "reduce-right", l)
	if len(vs) == 0 {
		return id
	}
	acc := vs[len(vs)-1]
	for i := len(vs) - 2; i >= 0; i-- {
		acc = t.Call2(f, vs[i], acc)
	}
	return acc
}

// Unfold is (unfold p f g seed [tail-gen]).
func Unfold(t *Thread, args []Value) Value {
	p, f, g, seed := args[0], args[1], args[2], args[3]
	var b listBuilder
	for t.Call1(p, seed).IsFalse() {
		b.add(t.Call1(f, seed))
		seed = t.Call1(g, seed)
	}
	tail := Value(Null)
	if tg, ok := optArg(args, 4); ok {
		tail = t.Call1(tg, seed)
	}
	return b.list(tail)
}

// UnfoldRight is (unfold-right p f g seed [tail]).
func UnfoldRight(t *Thread, args []Value) Value {
	p, f, g, seed := args[0], args[1], args[2], args[3]
	acc := Value(Null)
	if tl, ok := optArg(args, 4); ok {
		acc = tl
	}
	for t.Call1(p, seed).IsFalse() {
		acc = Cons(t.Call1(f, seed), acc)
		seed = t.Call1(g, seed)
	}
	return acc
}

// AppendMap is (append-map f clist1 ...).
func AppendMap(t *Thread, args []Value) Value {
	rows := columns(t, "append-map", args[1:])
	parts := make([]Value, len(rows))
	for i, r := range rows {
		parts[i] = callRow(t, args[0], r)
	}
	return Append(t, parts)
}

// PairForEach is (pair-for-each f clist1 ...).
func PairForEach(t *Thread, args []Value) Value {
	for _, r := range pairRows(t, "pair-for-each", args[1:]) {
		callRow(t, args[0], r)
	}
	return Unspecified
}

// FilterMap is (filter-map f clist1 ...).
func FilterMap(t *Thread, args []Value) Value {
	var b listBuilder
	for _, r := range columns(t, "filter-map", args[1:]) {
		if v := callRow(t, args[0], r); v.IsTrue() {
			b.add(v)
		}
	}
	return b.list(Null)
}

// MapInOrder is (map-in-order f clist1 ...).
func MapInOrder(t *Thread, args []Value) Value {
	var b listBuilder
	for _, r := range columns(t, "map-in-order", args[1:]) {
		b.add(callRow(t, args[0], r))
	}
	return b.list(Null)
}

// Filter is (filter pred list).
func Filter(t *Thread, pred, l Value) Value {
	var b listBuilder
	for _, v := range items(t, "filter", l) {
		if t.Call1(pred, v).IsTrue() {
			b.add(v)
		}
	}
	return b.list(Null)
}

// Remove is (remove pred list).
func Remove(t *Thread, pred, l Value) Value {
	var b listBuilder
	for _, v := range items(t, "remove", l) {
		if t.Call1(pred, v).IsFalse() {
			b.add(v)
		}
	}
	return b.list(Null)
}

// Partition is (partition pred list).
func Partition(t *Thread, pred, l Value) Value {
	var in, out listBuilder
	for _, v := range items(t, "partition", l) {
		if t.Call1(pred, v).IsTrue() {
			in.add(v)
		} else {
			out.add(v)
		}
	}
	return Values(in.list(Null), out.list(Null))
}

// Find is (find pred clist).
func Find(t *Thread, pred, l Value) Value {
	if r := FindTail(t, pred, l); r.IsPair() {
		return r.Pair().Car
	}
	return False
}

// FindTail is (find-tail pred clist).
func FindTail(t *Thread, pred, l Value) Value {
	x, cc := l, newCycleCheck(l)
	for x.IsPair() {
		if t.Call1(pred, x.Pair().Car).IsTrue() {
			return x
		}
		if x = x.Pair().Cdr; cc.circular(x) {
			return t.TypeError("find-tail", "finite list", l)
		}
	}
	return False
}

// Any is (any pred clist1 ...).
func Any(t *Thread, args []Value) Value {
	for _, r := range columns(t, "any", args[1:]) {
		if v := callRow(t, args[0], r); v.IsTrue() {
			return v
		}
	}
	return False
}

// Every is (every pred clist1 ...): the last true value, #t for empty.
func Every(t *Thread, args []Value) Value {
	v := True
	for _, r := range columns(t, "every", args[1:]) {
		if v = callRow(t, args[0], r); v.IsFalse() {
			return False
		}
	}
	return v
}

// ListIndex is (list-index pred clist1 ...).
func ListIndex(t *Thread, args []Value) Value {
	for i, r := range columns(t, "list-index", args[1:]) {
		if callRow(t, args[0], r).IsTrue() {
			return Fixnum(int64(i))
		}
	}
	return False
}

// TakeWhile is (take-while pred clist).
func TakeWhile(t *Thread, pred, l Value) Value {
	var b listBuilder
	for x := l; x.IsPair() && t.Call1(pred, x.Pair().Car).IsTrue(); x = x.Pair().Cdr {
		b.add(x.Pair().Car)
	}
	return b.list(Null)
}

// DropWhile is (drop-while pred clist).
func DropWhile(t *Thread, pred, l Value) Value {
	x := l
	for x.IsPair() && t.Call1(pred, x.Pair().Car).IsTrue() {
		x = x.Pair().Cdr
	}
	return x
}

// Span is (span pred clist).
func Span(t *Thread, pred, l Value) Value {
	var b listBuilder
	x := l
	for x.IsPair() && t.Call1(pred, x.Pair().Car).IsTrue() {
		b.add(x.Pair().Car)
		x = x.Pair().Cdr
	}
	return Values(b.list(Null), x)
}

// Break is (break pred clist).
func Break(t *Thread, pred, l Value) Value {
	var b listBuilder
	x := l
	for x.IsPair() && t.Call1(pred, x.Pair().Car).IsFalse() {
		b.add(x.Pair().Car)
		x = x.Pair().Cdr
	}
	return Values(b.list(Null), x)
}

// equalityArg returns the optional equality predicate at args[i], or nil
// for equal?.
func equalityArg(args []Value, i int) Value {
	if v, ok := optArg(args, i); ok {
		return v
	}
	return Value{}
}

func same(t *Thread, eq Value, a, b Value) bool {
	if eq.p == nil && eq.n == 0 {
		return Equal(a, b)
	}
	return t.Call2(eq, a, b).IsTrue()
}

// Delete is (delete x list [=]).
func Delete(t *Thread, args []Value) Value {
	eq := equalityArg(args, 2)
	var b listBuilder
	for _, v := range items(t, "delete", args[1]) {
		if !same(t, eq, args[0], v) {
			b.add(v)
		}
	}
	return b.list(Null)
}

// DeleteDuplicates is (delete-duplicates list [=]); the first occurrence
// of each element is kept.
func DeleteDuplicates(t *Thread, args []Value) Value {
	eq := equalityArg(args, 1)
	var kept []Value
outer:
	for _, v := range items(t, "delete-duplicates", args[0]) {
		for _, k := range kept {
			if same(t, eq, k, v) {
				continue outer
			}
		}
		kept = append(kept, v)
	}
	return listOf(kept, Null)
}

// AlistCons is (alist-cons key datum alist).
func AlistCons(t *Thread, k, d, a Value) Value { return Cons(Cons(k, d), a) }

// AlistCopy is (alist-copy alist).
func AlistCopy(t *Thread, a Value) Value {
	vs := items(t, "alist-copy", a)
	out := make([]Value, len(vs))
	for i, e := range vs {
		if !e.IsPair() {
			return t.TypeError("alist-copy", "association list", a)
		}
		out[i] = Cons(e.Pair().Car, e.Pair().Cdr)
	}
	return listOf(out, Null)
}

// AlistDelete is (alist-delete key alist [=]).
func AlistDelete(t *Thread, args []Value) Value {
	eq := equalityArg(args, 2)
	var b listBuilder
	for _, e := range items(t, "alist-delete", args[1]) {
		if !e.IsPair() {
			return t.TypeError("alist-delete", "association list", args[1])
		}
		if !same(t, eq, args[0], e.Pair().Car) {
			b.add(e)
		}
	}
	return b.list(Null)
}

func lsetMember(t *Thread, eq, x Value, set []Value) bool {
	for _, s := range set {
		if t.Call2(eq, s, x).IsTrue() {
			return true
		}
	}
	return false
}

// LsetLe is (lset<= = list1 ...).
func LsetLe(t *Thread, args []Value) Value {
	for i := 1; i+1 < len(args); i++ {
		b := items(t, "lset<=", args[i+1])
		for _, x := range items(t, "lset<=", args[i]) {
			if !lsetMember(t, args[0], x, b) {
				return False
			}
		}
	}
	return True
}

// LsetEq is (lset= = list1 ...).
func LsetEq(t *Thread, args []Value) Value {
	for i := 1; i+1 < len(args); i++ {
		a, b := items(t, "lset=", args[i]), items(t, "lset=", args[i+1])
		for _, x := range a {
			if !lsetMember(t, args[0], x, b) {
				return False
			}
		}
		for _, x := range b {
			if !lsetMember(t, args[0], x, a) {
				return False
			}
		}
	}
	return True
}

// LsetAdjoin is (lset-adjoin = list elt1 ...).
func LsetAdjoin(t *Thread, args []Value) Value {
	l := args[1]
	set := items(t, "lset-adjoin", l)
	for _, x := range args[2:] {
		if !lsetMember(t, args[0], x, set) {
			set = append(set, x)
			l = Cons(x, l)
		}
	}
	return l
}

// LsetUnion is (lset-union = list1 ...).
func LsetUnion(t *Thread, args []Value) Value {
	if len(args) == 1 {
		return Null
	}
	l := args[1]
	set := items(t, "lset-union", l)
	for _, other := range args[2:] {
		for _, x := range items(t, "lset-union", other) {
			if !lsetMember(t, args[0], x, set) {
				set = append(set, x)
				l = Cons(x, l)
			}
		}
	}
	return l
}

// LsetIntersection is (lset-intersection = list1 list2 ...).
func LsetIntersection(t *Thread, args []Value) Value {
	var b listBuilder
outer:
	for _, x := range items(t, "lset-intersection", args[1]) {
		for _, other := range args[2:] {
			if !lsetMember(t, args[0], x, items(t, "lset-intersection", other)) {
				continue outer
			}
		}
		b.add(x)
	}
	return b.list(Null)
}

// LsetDifference is (lset-difference = list1 list2 ...).
func LsetDifference(t *Thread, args []Value) Value {
	var b listBuilder
outer:
	for _, x := range items(t, "lset-difference", args[1]) {
		for _, other := range args[2:] {
			if lsetMember(t, args[0], x, items(t, "lset-difference", other)) {
				continue outer
			}
		}
		b.add(x)
	}
	return b.list(Null)
}

// LsetXor is (lset-xor = list1 ...).
func LsetXor(t *Thread, args []Value) Value {
	var acc []Value
	for _, l := range args[1:] {
		b := items(t, "lset-xor", l)
		var next []Value
		for _, x := range acc {
			if !lsetMember(t, args[0], x, b) {
				next = append(next, x)
			}
		}
		for _, x := range b {
			if !lsetMember(t, args[0], x, acc) {
				next = append(next, x)
			}
		}
		acc = next
	}
	return listOf(acc, Null)
}

// LsetDiffIntersection is (lset-diff+intersection = list1 list2 ...).
func LsetDiffIntersection(t *Thread, args []Value) Value {
	var diff, inter listBuilder
	for _, x := range items(t, "lset-diff+intersection", args[1]) {
		in := false
		for _, other := range args[2:] {
			if lsetMember(t, args[0], x, items(t, "lset-diff+intersection", other)) {
				in = true
				break
			}
		}
		if in {
			inter.add(x)
		} else {
			diff.add(x)
		}
	}
	return Values(diff.list(Null), inter.list(Null))
}

func init() {
	DefinePure("xcons", 2, 2, Xcons)
	DefinePure("cons*", 1, -1, ConsStar)
	Define("list-tabulate", 2, 2, ListTabulate)
	Define("circular-list", 1, -1, CircularList)
	DefinePure("iota", 1, 3, Iota)
	DefinePure("proper-list?", 1, 1, ProperListP)
	DefinePure("dotted-list?", 1, 1, DottedListP)
	DefinePure("circular-list?", 1, 1, CircularListP)
	DefinePure("not-pair?", 1, 1, NotPairP)
	DefinePure("null-list?", 1, 1, NullListP)
	Define("list=", 1, -1, ListEq)
	DefinePure("first", 1, 1, First)
	DefinePure("second", 1, 1, Second)
	DefinePure("third", 1, 1, Third)
	DefinePure("fourth", 1, 1, Fourth)
	DefinePure("fifth", 1, 1, Fifth)
	DefinePure("sixth", 1, 1, Sixth)
	DefinePure("seventh", 1, 1, Seventh)
	DefinePure("eighth", 1, 1, Eighth)
	DefinePure("ninth", 1, 1, Ninth)
	DefinePure("tenth", 1, 1, Tenth)
	DefinePure("car+cdr", 1, 1, CarCdr)
	DefinePure("take", 2, 2, Take)
	DefinePure("drop", 2, 2, Drop)
	DefinePure("take-right", 2, 2, TakeRight)
	DefinePure("drop-right", 2, 2, DropRight)
	Define("take!", 2, 2, Take)
	Define("drop-right!", 2, 2, DropRight)
	DefinePure("split-at", 2, 2, SplitAt)
	Define("split-at!", 2, 2, SplitAt)
	DefinePure("last", 1, 1, Last)
	DefinePure("last-pair", 1, 1, LastPair)
	DefinePure("length+", 1, 1, LengthPlus)
	DefinePure("concatenate", 1, 1, Concatenate)
	Define("concatenate!", 1, 1, Concatenate)
	Define("append!", 0, -1, Append)
	Define("reverse!", 1, 1, Reverse)
	DefinePure("append-reverse", 2, 2, AppendReverse)
	Define("append-reverse!", 2, 2, AppendReverse)
	DefinePure("zip", 1, -1, Zip)
	DefinePure("unzip1", 1, 1, Unzip1)
	DefinePure("unzip2", 1, 1, Unzip2)
	DefinePure("unzip3", 1, 1, Unzip3)
	DefinePure("unzip4", 1, 1, Unzip4)
	DefinePure("unzip5", 1, 1, Unzip5)
	Define("count", 2, -1, Count)
	Define("fold", 3, -1, Fold)
	Define("fold-right", 3, -1, FoldRight)
	Define("pair-fold", 3, -1, PairFold)
	Define("pair-fold-right", 3, -1, PairFoldRight)
	Define("reduce", 3, 3, Reduce)
	Define("reduce-right", 3, 3, ReduceRight)
	Define("unfold", 4, 5, Unfold)
	Define("unfold-right", 4, 5, UnfoldRight)
	Define("append-map", 2, -1, AppendMap)
	Define("append-map!", 2, -1, AppendMap)
	Define("map!", 2, -1, MapInOrder)
	Define("pair-for-each", 2, -1, PairForEach)
	Define("filter-map", 2, -1, FilterMap)
	Define("map-in-order", 2, -1, MapInOrder)
	Define("filter", 2, 2, Filter)
	Define("filter!", 2, 2, Filter)
	Define("remove", 2, 2, Remove)
	Define("remove!", 2, 2, Remove)
	Define("partition", 2, 2, Partition)
	Define("partition!", 2, 2, Partition)
	Define("find", 2, 2, Find)
	Define("find-tail", 2, 2, FindTail)
	Define("any", 2, -1, Any)
	Define("every", 2, -1, Every)
	Define("list-index", 2, -1, ListIndex)
	Define("take-while", 2, 2, TakeWhile)
	Define("take-while!", 2, 2, TakeWhile)
	Define("drop-while", 2, 2, DropWhile)
	Define("span", 2, 2, Span)
	Define("span!", 2, 2, Span)
	Define("break", 2, 2, Break)
	Define("break!", 2, 2, Break)
	Define("delete", 2, 3, Delete)
	Define("delete!", 2, 3, Delete)
	Define("delete-duplicates", 1, 2, DeleteDuplicates)
	Define("delete-duplicates!", 1, 2, DeleteDuplicates)
	DefinePure("alist-cons", 3, 3, AlistCons)
	DefinePure("alist-copy", 1, 1, AlistCopy)
	Define("alist-delete", 2, 3, AlistDelete)
	Define("alist-delete!", 2, 3, AlistDelete)
	Define("lset<=", 1, -1, LsetLe)
	Define("lset=", 1, -1, LsetEq)
	Define("lset-adjoin", 2, -1, LsetAdjoin)
	Define("lset-union", 1, -1, LsetUnion)
	Define("lset-union!", 1, -1, LsetUnion)
	Define("lset-intersection", 2, -1, LsetIntersection)
	Define("lset-intersection!", 2, -1, LsetIntersection)
	Define("lset-difference", 2, -1, LsetDifference)
	Define("lset-difference!", 2, -1, LsetDifference)
	Define("lset-xor", 1, -1, LsetXor)
	Define("lset-xor!", 1, -1, LsetXor)
	Define("lset-diff+intersection", 2, -1, LsetDiffIntersection)
	Define("lset-diff+intersection!", 2, -1, LsetDiffIntersection)
	DefinePure("inexact->exact", 1, 1, Exact)
	DefinePure("exact->inexact", 1, 1, Inexact)

	RegisterLibrary("(srfi 1)",
		"xcons", "cons*", "make-list", "list-tabulate", "list-copy", "circular-list", "iota",
		"proper-list?", "circular-list?", "dotted-list?", "not-pair?", "null-list?", "list=",
		"car", "cdr", "caar", "cadr", "cdar", "cddr", "caaar", "caadr", "cadar", "caddr", "cdaar",
		"cdadr", "cddar", "cdddr", "caaaar", "caaadr", "caadar", "caaddr", "cadaar", "cadadr",
		"caddar", "cadddr", "cdaaar", "cdaadr", "cdadar", "cdaddr", "cddaar", "cddadr", "cdddar",
		"cddddr", "list-ref", "first", "second", "third", "fourth", "fifth", "sixth", "seventh",
		"eighth", "ninth", "tenth", "car+cdr", "take", "drop", "take-right", "drop-right", "take!",
		"drop-right!", "split-at", "split-at!", "last", "last-pair", "length", "length+", "append",
		"concatenate", "reverse", "append!", "concatenate!", "reverse!", "append-reverse",
		"append-reverse!", "zip", "unzip1", "unzip2", "unzip3", "unzip4", "unzip5", "count",
		"map", "for-each", "fold", "unfold", "pair-fold", "reduce", "fold-right", "unfold-right",
		"pair-fold-right", "reduce-right", "append-map", "append-map!", "map!", "pair-for-each",
		"filter-map", "map-in-order", "filter", "partition", "remove", "filter!", "partition!",
		"remove!", "member", "memq", "memv", "find", "find-tail", "any", "every", "list-index",
		"take-while", "drop-while", "take-while!", "span", "break", "span!", "break!", "delete",
		"delete-duplicates", "delete!", "delete-duplicates!", "assoc", "assq", "assv",
		"alist-cons", "alist-copy", "alist-delete", "alist-delete!", "lset<=", "lset=",
		"lset-adjoin", "lset-union", "lset-union!", "lset-intersection", "lset-intersection!",
		"lset-difference", "lset-difference!", "lset-xor", "lset-xor!", "lset-diff+intersection",
		"lset-diff+intersection!", "cons", "list", "pair?", "null?", "set-car!", "set-cdr!")
}
