package rt

import (
	"bytes"
	"slices"
	"unsafe"
)

// This file defines equal? (R7RS 6.1), which compares pairs, vectors,
// strings and bytevectors by content and everything else by eqv?, and
// terminates on circular structure.
//
// The algorithm follows Adams and Dybvig, "Efficient nondestructive
// equality checking for trees and graphs" (ICFP 2008). Most calls compare
// small acyclic data, so equal? starts with plain recursion (the fast mode)
// under a step budget. When the budget runs out it switches to the slow
// mode, in which each pair of compound objects compared is merged in a
// union-find structure; meeting two objects already in the same class means
// they are being compared already (or were found equal), so the comparison
// may assume they are equal — the coinductive reading of equal? on cycles.
// After equalSlow merges in a row without such a hit, the fast mode runs
// again. A hit restarts the count, so each completed slow phase performs
// equalSlow merges; merges are bounded by the number of objects, so the
// slow phases eventually never end, and the union-find algorithm alone
// terminates.
//
// The walk loops along cdrs and the last element of vectors and recurses
// only into cars and other vector elements, so million-element lists do
// not deepen the Go stack.

const (
	equalFast = 400 // steps of plain recursion before the first slow phase
	equalSlow = 40  // merges in a row that end a slow phase
)

// Equal reports whether a and b are equal?.
func Equal(a, b Value) bool {
	if Eq(a, b) {
		return true
	}
	e := equalState{fast: equalFast}
	return e.equal(a, b)
}

// EqualP is (equal? obj1 obj2).
func EqualP(t *Thread, a, b Value) Value { return Bool(Equal(a, b)) }

type equalState struct {
	fast   int // steps left in the fast phase; 0 in a slow phase
	merges int // merges since the slow phase started or last hit
	uf     *unionFind
}

// visit accounts for comparing the compound objects at a and b. It reports
// true when they may be assumed equal (slow phase, same class).
func (e *equalState) visit(a, b unsafe.Pointer) bool {
	if e.fast > 0 {
		e.fast--
		return false
	}
	if e.uf == nil {
		e.uf = &unionFind{idx: map[unsafe.Pointer]int32{}}
	}
	if e.uf.union(a, b) {
		e.merges = 0
		return true
	}
	if e.merges++; e.merges >= equalSlow {
		e.merges = 0
		e.fast = equalFast
	}
	return false
}

func (e *equalState) equal(a, b Value) bool {
	for {
		if Eq(a, b) {
			return true
		}
		switch {
		case a.IsPair():
			if !b.IsPair() {
				return false
			}
			if e.visit(a.p, b.p) {
				return true
			}
			pa, pb := a.Pair(), b.Pair()
			if !e.equal(pa.Car, pb.Car) {
				return false
			}
			a, b = pa.Cdr, pb.Cdr
		case a.IsVector():
			if !b.IsVector() {
				return false
			}
			va, vb := a.Vec().Items, b.Vec().Items
			if len(va) != len(vb) {
				return false
			}
			if len(va) == 0 {
				return true
			}
			if e.visit(a.p, b.p) {
				return true
			}
			last := len(va) - 1
			for i := 0; i < last; i++ {
				if !e.equal(va[i], vb[i]) {
					return false
				}
			}
			a, b = va[last], vb[last]
		case a.IsString():
			return b.IsString() && slices.Equal(a.Str().R, b.Str().R)
		case a.Is(TBytevector):
			return b.Is(TBytevector) && bytes.Equal(a.Bytes().B, b.Bytes().B)
		default:
			if eq, ok := numVectorEqual(a, b); ok {
				return eq
			}
			return Eqv(a, b)
		}
	}
}

// unionFind is a disjoint-set forest over heap objects, with path halving
// and union by size.
type unionFind struct {
	idx    map[unsafe.Pointer]int32
	parent []int32
	size   []int32
}

func (u *unionFind) find(p unsafe.Pointer) int32 {
	i, ok := u.idx[p]
	if !ok {
		i = int32(len(u.parent))
		u.idx[p] = i
		u.parent = append(u.parent, i)
		u.size = append(u.size, 1)
		return i
	}
	for u.parent[i] != i {
		u.parent[i] = u.parent[u.parent[i]]
		i = u.parent[i]
	}
	return i
}

// union merges the classes of a and b and reports whether they were
// already the same class.
func (u *unionFind) union(a, b unsafe.Pointer) bool {
	ra, rb := u.find(a), u.find(b)
	if ra == rb {
		return true
	}
	if u.size[ra] < u.size[rb] {
		ra, rb = rb, ra
	}
	u.parent[rb] = ra
	u.size[ra] += u.size[rb]
	return false
}

func init() {
	DefinePure("equal?", 2, 2, EqualP)
}
