package rt

import (
	"math/big"
	"strconv"
	"strings"
	"sync"
	"unsafe"
)

// This file defines SRFI 69 (basic hash tables) and its hash functions.
//
// A table keeps its entries in insertion order in a slice, indexed by an
// open-addressed array of positions, so iteration (hash-table-keys,
// hash-table-walk, ...) is deterministic: the same program prints the same
// output interpreted and compiled, on every run. Deleted entries leave a
// hole that is reclaimed when holes outnumber live entries.
//
// Tables whose equivalence is eq?, eqv?, equal?, string=? or string-ci=?
// (the very primitive procedures, compared by identity) and whose hash
// function is the matching default hash Values directly in Go and compare
// with the Go equivalence; any other pair calls the Scheme procedures.
//
// A table is not safe for concurrent use: threads sharing one must lock it
// themselves. The only package state here is the set of default procedures,
// written once during init and read-only afterwards.

// HashTable is a SRFI 69 hash table.
type HashTable struct {
	kind      htKind
	equiv     Value // equivalence procedure
	hash      Value // hash procedure
	immutable bool
	entries   []htEntry // in insertion order; deleted ones marked dead
	live      int       // entries not dead
	// slots is an open-addressed index (linear probing; a power of two in
	// length, at most 3/4 full): 0 is empty, s > 0 is entries[s-1].
	slots []int32
	gen   int // incremented by rebuild, which moves entries
}

type htEntry struct {
	key, val Value
	h        uint64
	dead     bool
}

type htKind uint8

const (
	htGeneric htKind = iota // Scheme equivalence and/or hash procedure
	htEq
	htEqv
	htEqual
	htString
	htStringCi
)

type htDefault struct {
	kind htKind
	hash *Procedure
}

// htDefaults maps the fast-path equivalence procedures to their kind and
// default hash primitive. It is filled in on first use, as string=? is
// defined by an init that runs after this file's.
var (
	htDefaults     map[*Procedure]htDefault
	htDefaultsOnce sync.Once
)

func loadHTDefaults() {
	m := map[*Procedure]htDefault{}
	for _, d := range []struct {
		kind        htKind
		equiv, hash string
	}{
		{htEq, "eq?", "hash-by-identity"},
		// eqv? tables hash numbers by value and the rest by identity
		// (eqvHash); the procedure they report is hash, whose results are
		// consistent with eqv? as well.
		{htEqv, "eqv?", "hash"},
		{htEqual, "equal?", "hash"},
		{htString, "string=?", "string-hash"},
		{htStringCi, "string-ci=?", "string-ci-hash"},
	} {
		m[LookupPrim(d.equiv).Proc] = htDefault{d.kind, LookupPrim(d.hash).Proc}
	}
	htDefaults = m
}

// Table returns v's *HashTable. v must have type THashTable.
func (v Value) Table() *HashTable { return (*HashTable)(v.p) }

func htArg(t *Thread, who string, v Value) *HashTable {
	if !v.Is(THashTable) {
		t.TypeError(who, "hash table", v)
	}
	return v.Table()
}

func htMutable(t *Thread, who string, v Value) *HashTable {
	h := htArg(t, who, v)
	if h.immutable {
		t.Errorf(who, "hash table is immutable")
	}
	return h
}

func procArg(t *Thread, who string, v Value) {
	if !v.IsProcedure() {
		t.TypeError(who, "procedure", v)
	}
}

// newHashTable makes a table from the optional equivalence and hash
// arguments of make-hash-table and alist->hash-table; further arguments
// (implementation-specific in SRFI 69) are ignored.
func newHashTable(t *Thread, who string, args []Value) *HashTable {
	equiv := LookupPrim("equal?").Proc.Value()
	if v, ok := optArg(args, 0); ok {
		procArg(t, who, v)
		equiv = v
	}
	htDefaultsOnce.Do(loadHTDefaults)
	d, known := htDefaults[equiv.Proc()]
	h := &HashTable{equiv: equiv}
	if v, ok := optArg(args, 1); ok {
		procArg(t, who, v)
		h.hash = v
		if known && v.Proc() == d.hash {
			h.kind = d.kind
		}
		return h
	}
	if !known {
		t.Errorf(who, "a hash function is required for equivalence procedure %s", WriteString(equiv))
	}
	h.kind, h.hash = d.kind, d.hash.Value()
	return h
}

// MakeHashTable is (make-hash-table [equiv? [hash-function arg ...]]).
func MakeHashTable(t *Thread, args []Value) Value {
	return heap(unsafe.Pointer(newHashTable(t, "make-hash-table", args)), THashTable)
}

// AlistToHashTable is (alist->hash-table alist [equiv? [hash arg ...]]).
// The first association of a key wins.
func AlistToHashTable(t *Thread, args []Value) Value {
	h := newHashTable(t, "alist->hash-table", args[1:])
	for _, a := range items(t, "alist->hash-table", args[0]) {
		if !a.IsPair() {
			t.TypeError("alist->hash-table", "association list", args[0])
		}
		k := a.Pair().Car
		hv := h.hashOf(t, "alist->hash-table", k)
		if h.find(t, k, hv) < 0 {
			h.insert(k, a.Pair().Cdr, hv)
		}
	}
	return heap(unsafe.Pointer(h), THashTable)
}

// HashTableP is (hash-table? obj).
func HashTableP(t *Thread, v Value) Value { return Bool(v.Is(THashTable)) }

// HashTableEquivalenceFunction is (hash-table-equivalence-function table).
func HashTableEquivalenceFunction(t *Thread, v Value) Value {
	return htArg(t, "hash-table-equivalence-function", v).equiv
}

// HashTableHashFunction is (hash-table-hash-function table).
func HashTableHashFunction(t *Thread, v Value) Value {
	return htArg(t, "hash-table-hash-function", v).hash
}

// hashOf hashes key as the table's hash function does.
func (h *HashTable) hashOf(t *Thread, who string, key Value) uint64 {
	switch h.kind {
	case htEq:
		return eqHash(key)
	case htEqv:
		return eqvHash(key)
	case htEqual:
		return EqualHash(key)
	case htString:
		return runesHash(strArg(t, who, key))
	case htStringCi:
		return runesHash(foldRunes(strArg(t, who, key)))
	}
	p := t.procOf(h.hash)
	var r Value
	if p.Req >= 2 {
		// A hash function written for SRFI 69's (hash obj bound) form.
		r = t.Call2(h.hash, key, Fixnum(hashBound))
	} else {
		r = t.Call1(h.hash, key)
	}
	switch {
	case r.IsFixnum():
		return uint64(r.Int())
	case r.Is(TBignum):
		return bigHash(r.Big())
	}
	t.Errorf(who, "hash function %s returned %s, not an exact integer", WriteString(h.hash), WriteString(r))
	return 0
}

// same applies the table's equivalence to a and b.
func (h *HashTable) same(t *Thread, a, b Value) bool {
	switch h.kind {
	case htEq:
		return Eq(a, b)
	case htEqv:
		return Eqv(a, b)
	case htEqual:
		return Equal(a, b)
	case htString:
		return a.IsString() && b.IsString() && string(a.Str().R) == string(b.Str().R)
	case htStringCi:
		return a.IsString() && b.IsString() && string(foldRunes(a.Str().R)) == string(foldRunes(b.Str().R))
	}
	return t.Call2(h.equiv, a, b).IsTrue()
}

// find returns the position in entries of key, whose hash is hv, or -1.
// A Scheme equivalence procedure may change the table while it runs; the
// probe then starts over on the new layout.
func (h *HashTable) find(t *Thread, key Value, hv uint64) int {
again:
	if len(h.slots) == 0 {
		return -1
	}
	gen, mask := h.gen, uint64(len(h.slots)-1)
	for i := hv & mask; ; i = (i + 1) & mask {
		s := h.slots[i]
		if s == 0 {
			return -1
		}
		e := &h.entries[s-1]
		if e.h != hv || e.dead {
			continue
		}
		k := e.key
		if h.same(t, k, key) {
			if h.gen != gen {
				goto again
			}
			return int(s - 1)
		}
		if h.gen != gen {
			goto again
		}
	}
}

// insert adds an association known to be absent.
func (h *HashTable) insert(key, val Value, hv uint64) {
	if (len(h.entries)+1)*4 > len(h.slots)*3 {
		h.rebuild()
	}
	h.entries = append(h.entries, htEntry{key: key, val: val, h: hv})
	h.live++
	h.place(hv, int32(len(h.entries)))
}

// place records entry slot s (position + 1) under hash hv.
func (h *HashTable) place(hv uint64, s int32) {
	mask := uint64(len(h.slots) - 1)
	i := hv & mask
	for h.slots[i] != 0 {
		i = (i + 1) & mask
	}
	h.slots[i] = s
}

// remove deletes the entry at position i. Its slot stays behind, pointing
// at the dead entry, so probes for other keys still pass over it; rebuild
// clears such slots.
func (h *HashTable) remove(i int) {
	h.entries[i] = htEntry{h: h.entries[i].h, dead: true}
	h.live--
	if dead := len(h.entries) - h.live; dead > 16 && dead > h.live {
		h.rebuild()
	}
}

// rebuild drops dead entries and re-indexes the live ones in a slot array
// at most half full, so the next inserts need no rebuild.
func (h *HashTable) rebuild() {
	out := make([]htEntry, 0, max(2*h.live, 8))
	for _, e := range h.entries {
		if !e.dead {
			out = append(out, e)
		}
	}
	n := 16
	for n < 4*len(out) {
		n *= 2
	}
	h.entries = out
	h.slots = make([]int32, n)
	for i, e := range out {
		h.place(e.h, int32(i+1))
	}
	h.gen++
}

// set maps key to val.
func (h *HashTable) set(t *Thread, who string, key, val Value) {
	hv := h.hashOf(t, who, key)
	if i := h.find(t, key, hv); i >= 0 {
		h.entries[i].val = val
		return
	}
	h.insert(key, val, hv)
}

// lookup returns the value of key and whether it is present.
func (h *HashTable) lookup(t *Thread, who string, key Value) (Value, bool) {
	if i := h.find(t, key, h.hashOf(t, who, key)); i >= 0 {
		return h.entries[i].val, true
	}
	return Value{}, false
}

// snapshot returns the live entries, so procedures called on each may
// change the table without disturbing the walk.
func (h *HashTable) snapshot() []htEntry {
	out := make([]htEntry, 0, h.live)
	for _, e := range h.entries {
		if !e.dead {
			out = append(out, e)
		}
	}
	return out
}

// HashTableRef is (hash-table-ref table key [thunk [success]]).
func HashTableRef(t *Thread, args []Value) Value {
	h := htArg(t, "hash-table-ref", args[0])
	v, ok := h.lookup(t, "hash-table-ref", args[1])
	if ok {
		if s, given := optArg(args, 3); given {
			return t.Call1(s, v)
		}
		return v
	}
	if th, given := optArg(args, 2); given {
		return t.Call0(th)
	}
	return t.Errorf("hash-table-ref", "no value for key %s", WriteString(args[1]))
}

// HashTableRefDefault is (hash-table-ref/default table key default).
func HashTableRefDefault(t *Thread, tbl, key, def Value) Value {
	if v, ok := htArg(t, "hash-table-ref/default", tbl).lookup(t, "hash-table-ref/default", key); ok {
		return v
	}
	return def
}

// HashTableSet is (hash-table-set! table key value).
func HashTableSet(t *Thread, tbl, key, val Value) Value {
	htMutable(t, "hash-table-set!", tbl).set(t, "hash-table-set!", key, val)
	return Unspecified
}

// HashTableDelete is (hash-table-delete! table key).
func HashTableDelete(t *Thread, tbl, key Value) Value {
	h := htMutable(t, "hash-table-delete!", tbl)
	if i := h.find(t, key, h.hashOf(t, "hash-table-delete!", key)); i >= 0 {
		h.remove(i)
	}
	return Unspecified
}

// HashTableExistsP is (hash-table-exists? table key).
func HashTableExistsP(t *Thread, tbl, key Value) Value {
	_, ok := htArg(t, "hash-table-exists?", tbl).lookup(t, "hash-table-exists?", key)
	return Bool(ok)
}

// HashTableUpdate is (hash-table-update! table key proc [thunk]).
func HashTableUpdate(t *Thread, args []Value) Value {
	h := htMutable(t, "hash-table-update!", args[0])
	key := args[1]
	v, ok := h.lookup(t, "hash-table-update!", key)
	if !ok {
		th, given := optArg(args, 3)
		if !given {
			return t.Errorf("hash-table-update!", "no value for key %s", WriteString(key))
		}
		v = t.Call0(th)
	}
	h.set(t, "hash-table-update!", key, t.Call1(args[2], v))
	return Unspecified
}

// HashTableUpdateDefault is (hash-table-update!/default table key proc default).
func HashTableUpdateDefault(t *Thread, tbl, key, proc, def Value) Value {
	h := htMutable(t, "hash-table-update!/default", tbl)
	v, ok := h.lookup(t, "hash-table-update!/default", key)
	if !ok {
		v = def
	}
	h.set(t, "hash-table-update!/default", key, t.Call1(proc, v))
	return Unspecified
}

// HashTableSize is (hash-table-size table).
func HashTableSize(t *Thread, tbl Value) Value {
	return Fixnum(int64(htArg(t, "hash-table-size", tbl).live))
}

// HashTableKeys is (hash-table-keys table), in insertion order.
func HashTableKeys(t *Thread, tbl Value) Value {
	return htList(t, "hash-table-keys", tbl, func(e htEntry) Value { return e.key })
}

// HashTableValues is (hash-table-values table), in insertion order.
func HashTableValues(t *Thread, tbl Value) Value {
	return htList(t, "hash-table-values", tbl, func(e htEntry) Value { return e.val })
}

// HashTableToAlist is (hash-table->alist table), in insertion order.
func HashTableToAlist(t *Thread, tbl Value) Value {
	return htList(t, "hash-table->alist", tbl, func(e htEntry) Value { return Cons(e.key, e.val) })
}

// htList lists item(e) for each entry of tbl, in insertion order.
func htList(t *Thread, who string, tbl Value, item func(htEntry) Value) Value {
	es := htArg(t, who, tbl).snapshot()
	l := Null
	for i := len(es) - 1; i >= 0; i-- {
		l = Cons(item(es[i]), l)
	}
	return l
}

// HashTableWalk is (hash-table-walk table proc): (proc key value) for each
// association.
func HashTableWalk(t *Thread, tbl, proc Value) Value {
	for _, e := range htArg(t, "hash-table-walk", tbl).snapshot() {
		t.Call2(proc, e.key, e.val)
	}
	return Unspecified
}

// HashTableFold is (hash-table-fold table kons knil).
func HashTableFold(t *Thread, tbl, kons, knil Value) Value {
	acc := knil
	for _, e := range htArg(t, "hash-table-fold", tbl).snapshot() {
		acc = t.Call3(kons, e.key, e.val, acc)
	}
	return acc
}

// HashTableCopy is (hash-table-copy table [mutable?]). SRFI 69 copies
// are mutable; as in SRFI 125, an explicit #f for mutable? makes the copy
// immutable (set!, delete!, update! and merge! into it are errors).
func HashTableCopy(t *Thread, args []Value) Value {
	h := htArg(t, "hash-table-copy", args[0])
	c := *h
	c.entries, c.slots, c.gen = h.entries, nil, 0
	c.rebuild() // copies the live entries into fresh storage
	m, given := optArg(args, 1)
	c.immutable = given && m.IsFalse()
	return heap(unsafe.Pointer(&c), THashTable)
}

// HashTableMerge is (hash-table-merge! table1 table2): every association
// of table2 is set in table1, which is returned.
func HashTableMerge(t *Thread, a, b Value) Value {
	h := htMutable(t, "hash-table-merge!", a)
	for _, e := range htArg(t, "hash-table-merge!", b).snapshot() {
		h.set(t, "hash-table-merge!", e.key, e.val)
	}
	return a
}

// hashBound is the default bound of the hash functions: their results are
// non-negative fixnums below it.
const hashBound = 1 << 62

// boundedHash reduces h to [0, bound) for the optional bound argument.
func boundedHash(t *Thread, who string, h uint64, args []Value) Value {
	b, ok := optArg(args, 1)
	if !ok {
		return Fixnum(int64(h % hashBound))
	}
	switch {
	case b.IsFixnum() && b.Int() > 0:
		return Fixnum(int64(h % uint64(b.Int())))
	case b.Is(TBignum) && b.Big().Sign() > 0:
		return Fixnum(int64(h % hashBound)) // already below any bignum
	}
	return t.TypeError(who, "positive exact integer", b)
}

// Hash is (hash obj [bound]), consistent with equal?.
func Hash(t *Thread, args []Value) Value {
	return boundedHash(t, "hash", EqualHash(args[0]), args)
}

// StringHash is (string-hash string [bound]), consistent with string=?.
func StringHash(t *Thread, args []Value) Value {
	return boundedHash(t, "string-hash", runesHash(strArg(t, "string-hash", args[0])), args)
}

// StringCiHash is (string-ci-hash string [bound]), consistent with string-ci=?.
func StringCiHash(t *Thread, args []Value) Value {
	return boundedHash(t, "string-ci-hash", runesHash(foldRunes(strArg(t, "string-ci-hash", args[0]))), args)
}

// HashByIdentity is (hash-by-identity obj [bound]), consistent with eq?.
func HashByIdentity(t *Thread, args []Value) Value {
	return boundedHash(t, "hash-by-identity", eqHash(args[0]), args)
}

// mix is the splitmix64 finalizer: it spreads every input bit over the
// result, so buckets are not chosen by a few low bits.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

func combine(h, x uint64) uint64 { return mix(h*31 + x) }

// immHash hashes a fixnum or immediate by kind and bits, not by the address
// of its tag, so the result is the same in every run.
func immHash(v Value) uint64 {
	if v.p == nil {
		return mix(v.n)
	}
	kind := uint64(uintptr(v.p) - uintptr(immPtr(0)))
	return mix(v.n ^ (kind+1)<<59)
}

// eqHash is consistent with eq?: immediates by value, symbols (interned,
// so eq? exactly when their names are equal) by name, other heap objects
// by address (Go's collector does not move heap objects).
func eqHash(v Value) uint64 {
	if !v.IsHeap() {
		return immHash(v)
	}
	if v.n == TSymbol {
		return symbolHash(v)
	}
	return mix(uint64(uintptr(v.p)) ^ v.n)
}

func symbolHash(v Value) uint64 { return mix(runesHash([]rune(v.Sym().Name)) ^ 0x27d4eb2f) }

// eqvHash is consistent with eqv?: numbers by value, the rest as eq?.
// Exact integers are normalized (a bignum never holds a fixnum's value), so
// each exact number has one representation.
func eqvHash(v Value) uint64 {
	switch {
	case v.Is(TBignum):
		return bigHash(v.Big())
	case v.Is(TRatnum):
		return combine(bigHash(v.Rat().Num()), bigHash(v.Rat().Denom()))
	}
	return eqHash(v)
}

func bigHash(b *big.Int) uint64 {
	h := uint64(b.Sign() + 7)
	for _, w := range b.Bits() {
		h = combine(h, uint64(w))
	}
	return h
}

func runesHash(rs []rune) uint64 {
	h := uint64(len(rs))
	for _, r := range rs {
		h = h*1099511628211 ^ uint64(r)
	}
	return mix(h)
}

// equalHashBudget bounds the pairs and vectors EqualHash looks into.
const equalHashBudget = 64

// EqualHash is consistent with equal?: equal values hash alike.
//
// It hashes a bounded prefix, in depth-first order, of the tree that the
// value unfolds to, and never looks at the identity of pairs or vectors.
// equal? holds of two values exactly when their unfoldings are the same
// (it reads cycles coinductively), so equal values, cyclic or not, hash
// alike; the budget makes the walk finite on cycles and bounds both the
// time and the Go stack depth it takes.
func EqualHash(v Value) uint64 {
	e := equalHasher{budget: equalHashBudget}
	return e.hash(v)
}

type equalHasher struct{ budget int }

func (e *equalHasher) hash(v Value) uint64 {
	if !v.IsHeap() {
		return immHash(v)
	}
	switch v.n {
	case TString:
		return mix(runesHash(v.Str().R) ^ 0x5bd1e995)
	case TSymbol:
		return symbolHash(v)
	case TBytevector:
		h := uint64(len(v.Bytes().B)) + 0x1b873593
		for _, b := range v.Bytes().B {
			h = h*1099511628211 ^ uint64(b)
		}
		return mix(h)
	case TPair:
		h := uint64(0x9e3779b9)
		for v.IsPair() {
			if e.budget <= 0 {
				return h
			}
			e.budget--
			h = combine(h, e.hash(v.Pair().Car))
			v = v.Pair().Cdr
		}
		return combine(h, e.hash(v))
	case TVector:
		items := v.Vec().Items
		h := combine(0x85ebca6b, uint64(len(items)))
		for _, x := range items {
			if e.budget <= 0 {
				return h
			}
			e.budget--
			h = combine(h, e.hash(x))
		}
		return h
	}
	return eqvHash(v)
}

func init() {
	RegisterPrinter(THashTable, func(b *strings.Builder, v Value, write bool) {
		b.WriteString("#<hash-table " + strconv.Itoa(v.Table().live) + ">")
	})
	Define("make-hash-table", 0, -1, MakeHashTable)
	Define("alist->hash-table", 1, -1, AlistToHashTable)
	DefinePure("hash-table?", 1, 1, HashTableP)
	Define("hash-table-equivalence-function", 1, 1, HashTableEquivalenceFunction)
	Define("hash-table-hash-function", 1, 1, HashTableHashFunction)
	Define("hash-table-ref", 2, 4, HashTableRef)
	Define("hash-table-ref/default", 3, 3, HashTableRefDefault)
	Define("hash-table-set!", 3, 3, HashTableSet)
	Define("hash-table-delete!", 2, 2, HashTableDelete)
	Define("hash-table-exists?", 2, 2, HashTableExistsP)
	Define("hash-table-update!", 3, 4, HashTableUpdate)
	Define("hash-table-update!/default", 4, 4, HashTableUpdateDefault)
	Define("hash-table-size", 1, 1, HashTableSize)
	Define("hash-table-keys", 1, 1, HashTableKeys)
	Define("hash-table-values", 1, 1, HashTableValues)
	Define("hash-table-walk", 2, 2, HashTableWalk)
	Define("hash-table-fold", 3, 3, HashTableFold)
	Define("hash-table->alist", 1, 1, HashTableToAlist)
	Define("hash-table-copy", 1, 2, HashTableCopy)
	Define("hash-table-merge!", 2, 2, HashTableMerge)
	DefinePure("hash", 1, 2, Hash)
	DefinePure("string-hash", 1, 2, StringHash)
	DefinePure("string-ci-hash", 1, 2, StringCiHash)
	// Not pure: an object's address differs between a compile-time fold
	// and the run.
	Define("hash-by-identity", 1, 2, HashByIdentity)
	RegisterLibrary("(srfi 69)",
		"make-hash-table", "hash-table?", "alist->hash-table",
		"hash-table-equivalence-function", "hash-table-hash-function",
		"hash-table-ref", "hash-table-ref/default", "hash-table-set!",
		"hash-table-delete!", "hash-table-exists?", "hash-table-update!",
		"hash-table-update!/default", "hash-table-size", "hash-table-keys",
		"hash-table-values", "hash-table-walk", "hash-table-fold",
		"hash-table->alist", "hash-table-copy", "hash-table-merge!",
		"hash", "string-hash", "string-ci-hash", "hash-by-identity")
}
