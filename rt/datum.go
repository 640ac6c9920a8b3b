package rt

import (
	"math/big"
	"unsafe"

	"github.com/lambdust/lambdust/parse"
)

// FromDatum converts a datum from the reader into a Scheme value: numbers
// to fixnums, bignums, ratnums and flonums; strings to fresh mutable
// strings; symbols interned; lists, vectors and bytevectors freshly
// allocated. Datum labels keep their sharing: every #n# becomes the very
// object its #n= names, so #0=(a . #0#) is a circular list.
//
// A keyword #:name becomes, for now, the symbol whose name is "#:name"
// (written back as |#:name|).
//
// Lambdust has no complex numbers: a complex literal makes FromDatum panic
// with an *Uncaught carrying a read error (see FromDatumErr for a version
// that returns the error instead).
func FromDatum(d parse.Datum) Value {
	v, err := FromDatumErr(d)
	if err != nil {
		c := &Condition{Kind: ErrRead, Message: err.Error(), Pos: err.Pos}
		panic(&Uncaught{Obj: c.Value(), Pos: err.Pos})
	}
	return v
}

// FromDatumErr is FromDatum returning an error for data that have no
// value in Lambdust (complex numbers) instead of panicking.
func FromDatumErr(d parse.Datum) (Value, *parse.Error) {
	c := &datumConv{}
	if hasRefs(d) {
		c.targets = map[parse.Datum]bool{}
		collectTargets(d, c.targets)
		c.memo = map[parse.Datum]Value{}
	}
	v := c.conv(d)
	return v, c.err
}

type datumConv struct {
	targets map[parse.Datum]bool  // datums some #n# refers to
	memo    map[parse.Datum]Value // their values, once allocated
	err     *parse.Error
}

// hasRefs reports whether d contains a datum label reference.
func hasRefs(d parse.Datum) bool {
	switch x := d.(type) {
	case *parse.Ref:
		return true
	case *parse.List:
		for _, e := range x.Elems {
			if hasRefs(e) {
				return true
			}
		}
		return x.Tail != nil && hasRefs(x.Tail)
	case *parse.Vector:
		for _, e := range x.Elems {
			if hasRefs(e) {
				return true
			}
		}
	}
	return false
}

// collectTargets records the targets of the references in d. The targets
// themselves lie inside d (a label is defined in the datum that uses it),
// so references need not be followed.
func collectTargets(d parse.Datum, set map[parse.Datum]bool) {
	switch x := d.(type) {
	case *parse.Ref:
		if x.Target != nil {
			set[x.Target] = true
		}
	case *parse.List:
		for _, e := range x.Elems {
			collectTargets(e, set)
		}
		if x.Tail != nil {
			collectTargets(x.Tail, set)
		}
	case *parse.Vector:
		for _, e := range x.Elems {
			collectTargets(e, set)
		}
	}
}

func (c *datumConv) fail(p parse.Pos, msg string) Value {
	if c.err == nil {
		c.err = &parse.Error{Pos: p, Msg: msg}
	}
	return False
}

func (c *datumConv) conv(d parse.Datum) Value {
	if c.targets != nil && c.targets[d] {
		if v, ok := c.memo[d]; ok {
			return v
		}
	}
	switch x := d.(type) {
	case *parse.Int:
		return Fixnum(x.V)
	case *parse.BigInt:
		return Bignum(new(big.Int).Set(x.V))
	case *parse.Rat:
		return Ratnum(new(big.Rat).Set(x.V))
	case *parse.Real:
		return Flonum(x.V)
	case *parse.Complex:
		return c.fail(x.P, "complex numbers are not supported")
	case *parse.Bool:
		return Bool(x.V)
	case *parse.Char:
		return Char(x.V)
	case *parse.String:
		return c.remember(d, Str(x.V))
	case *parse.Symbol:
		return Intern(x.Name)
	case *parse.Keyword:
		return Intern("#:" + x.Name)
	case *parse.Opaque:
		if v, ok := x.V.(Value); ok {
			return v
		}
		return c.fail(x.P, "internal error: opaque datum that is not a Scheme value")
	case *parse.Bytevector:
		return c.remember(d, NewBytevector(append([]byte(nil), x.V...)))
	case *parse.NumVector:
		elems := make([]Value, len(x.Elems))
		for i, e := range x.Elems {
			elems[i] = c.conv(e)
		}
		v, ok := MakeNumVector(x.Tag, elems)
		if !ok {
			return c.fail(x.P, "bad "+x.Tag+"vector literal")
		}
		return c.remember(d, v)
	case *parse.Vector:
		items := make([]Value, len(x.Elems))
		v := c.remember(d, NewVector(items))
		for i, e := range x.Elems {
			items[i] = c.conv(e)
		}
		return v
	case *parse.List:
		if len(x.Elems) == 0 {
			if x.Tail != nil {
				return c.conv(x.Tail)
			}
			return Null
		}
		// Allocate the spine first so references to the list from inside
		// it find the head.
		pairs := make([]*Pair, len(x.Elems))
		for i := len(pairs) - 1; i >= 0; i-- {
			pairs[i] = &Pair{Cdr: Null}
			if i+1 < len(pairs) {
				pairs[i].Cdr = HeapValue(unsafe.Pointer(pairs[i+1]), TPair)
			}
		}
		head := c.remember(d, HeapValue(unsafe.Pointer(pairs[0]), TPair))
		for i, e := range x.Elems {
			pairs[i].Car = c.conv(e)
		}
		if x.Tail != nil {
			pairs[len(pairs)-1].Cdr = c.conv(x.Tail)
		}
		return head
	case *parse.Ref:
		t := x.Target
		for i := 0; ; i++ {
			r, ok := t.(*parse.Ref)
			if !ok {
				break
			}
			if i > 1000 || r.Target == nil {
				return c.fail(x.P, "unresolved datum label")
			}
			t = r.Target
		}
		if t == nil {
			return c.fail(x.P, "unresolved datum label")
		}
		if v, ok := c.memo[t]; ok {
			return v
		}
		return c.conv(t)
	case nil:
		return c.fail(parse.Pos{}, "missing datum")
	}
	return c.fail(d.Pos(), "unknown datum")
}

func (c *datumConv) remember(d parse.Datum, v Value) Value {
	if c.targets != nil && c.targets[d] {
		c.memo[d] = v
	}
	return v
}
