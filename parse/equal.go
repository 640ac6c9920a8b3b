package parse

import (
	"bytes"
	"math"
	"math/big"
)

// Equal reports whether a and b are structurally equal, ignoring
// positions. Refs are compared through their targets, so cyclic datums
// compare as the infinite trees they denote (two datums are Equal when no
// finite path distinguishes them). A list with a List tail equals the
// flattened list: (a . (b)) equals (a b). Exact numbers compare by value
// (an Int equals a BigInt or Rat of the same value); inexact numbers
// compare by value except that NaN equals NaN and 0.0 differs from -0.0.
// A Ref that was never resolved equals an unresolved Ref with the same
// label.
func Equal(a, b Datum) bool {
	type pair struct{ a, b node }
	seen := map[pair]bool{}
	stack := []pair{{node{d: a}, node{d: b}}}
	for len(stack) > 0 {
		pr := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		viaRef := false
		x := pr.a.norm(&viaRef)
		y := pr.b.norm(&viaRef)
		if viaRef {
			// Every cycle passes through a Ref, so remembering the pairs
			// reached through one is enough to terminate.
			k := pair{x, y}
			if seen[k] {
				continue
			}
			seen[k] = true
		}
		switch xd := x.d.(type) {
		case *List:
			yd, ok := y.d.(*List)
			if !ok {
				return false
			}
			xnull, ynull := x.i >= len(xd.Elems), y.i >= len(yd.Elems)
			if xnull || ynull {
				if xnull != ynull {
					return false
				}
				continue
			}
			stack = append(stack,
				pair{node{d: xd, i: x.i + 1}, node{d: yd, i: y.i + 1}},
				pair{node{d: xd.Elems[x.i]}, node{d: yd.Elems[y.i]}})
		case *Vector:
			yd, ok := y.d.(*Vector)
			if !ok || len(xd.Elems) != len(yd.Elems) {
				return false
			}
			for i := len(xd.Elems) - 1; i >= 0; i-- {
				stack = append(stack, pair{node{d: xd.Elems[i]}, node{d: yd.Elems[i]}})
			}
		default:
			if !atomEqual(x.d, y.d) {
				return false
			}
		}
	}
	return true
}

// node is a position in the pair structure: for a *List, the sublist
// starting at element i; otherwise the datum itself.
type node struct {
	d Datum
	i int
}

// norm follows Refs and list tails until n is an element-bearing list
// position, the empty list, or a non-list datum. A nil *List or *Vector
// becomes the empty list or vector.
func (n node) norm(viaRef *bool) node {
	for steps := 0; steps < 1000; steps++ {
		switch d := n.d.(type) {
		case *Ref:
			if d == nil || d.Target == nil {
				return n
			}
			*viaRef = true
			n = node{d: d.Target}
		case *List:
			if d == nil {
				return node{d: emptyList}
			}
			if n.i < len(d.Elems) || d.Tail == nil {
				return n
			}
			n = node{d: d.Tail}
		case *Vector:
			if d == nil {
				return node{d: emptyVector}
			}
			return n
		default:
			return n
		}
	}
	return n
}

var (
	emptyList   = &List{}
	emptyVector = &Vector{}
)

func exactValue(d Datum) (*big.Rat, bool) {
	switch d := d.(type) {
	case *Int:
		return new(big.Rat).SetInt64(d.V), true
	case *BigInt:
		if d.V == nil {
			return new(big.Rat), true
		}
		return new(big.Rat).SetInt(d.V), true
	case *Rat:
		if d.V == nil {
			return new(big.Rat), true
		}
		return d.V, true
	}
	return nil, false
}

func floatEqual(a, b float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	return a == b && math.Signbit(a) == math.Signbit(b)
}

func atomEqual(a, b Datum) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	switch x := a.(type) {
	case *Int:
		if y, ok := b.(*Int); ok {
			return x.V == y.V
		}
	}
	if xv, ok := exactValue(a); ok {
		yv, ok := exactValue(b)
		return ok && xv.Cmp(yv) == 0
	}
	switch x := a.(type) {
	case *Real:
		y, ok := b.(*Real)
		return ok && floatEqual(x.V, y.V)
	case *Complex:
		y, ok := b.(*Complex)
		return ok && floatEqual(x.Re, y.Re) && floatEqual(x.Im, y.Im)
	case *Bool:
		y, ok := b.(*Bool)
		return ok && x.V == y.V
	case *Char:
		y, ok := b.(*Char)
		return ok && x.V == y.V
	case *String:
		y, ok := b.(*String)
		return ok && x.V == y.V
	case *Symbol:
		y, ok := b.(*Symbol)
		return ok && x.Name == y.Name
	case *Keyword:
		y, ok := b.(*Keyword)
		return ok && x.Name == y.Name
	case *Bytevector:
		y, ok := b.(*Bytevector)
		return ok && bytes.Equal(x.V, y.V)
	case *NumVector:
		y, ok := b.(*NumVector)
		if !ok || x.Tag != y.Tag || len(x.Elems) != len(y.Elems) {
			return false
		}
		for i := range x.Elems { // numbers only: no cycles
			if !Equal(x.Elems[i], y.Elems[i]) {
				return false
			}
		}
		return true
	case *Ref:
		y, ok := b.(*Ref)
		return ok && x.Label == y.Label
	case *Opaque:
		y, ok := b.(*Opaque)
		return ok && x.V == y.V
	}
	return false
}
