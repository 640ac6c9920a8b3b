package rt

import (
	"math/big"
	"math/rand"
	"testing"
)

// selfVector returns a vector #(x v) whose second element is itself.
func selfVector(x Value) Value {
	v := NewVector([]Value{x, Fixnum(0)})
	v.Vec().Items[1] = v
	return v
}

func TestEqualHashAgreesWithEqual(t *testing.T) {
	one, two := Fixnum(1), Fixnum(2)
	// #(1 #(1 w)) where w is that outer vector: equal? to selfVector(1).
	w := NewVector([]Value{one, Fixnum(0)})
	w.Vec().Items[1] = NewVector([]Value{one, w})
	long := func() Value {
		vs := make([]Value, 100000)
		for i := range vs {
			vs[i] = Fixnum(int64(i))
		}
		return List(vs...)
	}
	pairs := [][2]Value{
		{List(one, Str("a"), NewVector([]Value{two, Flonum(2.5)})), List(one, Str("a"), NewVector([]Value{two, Flonum(2.5)}))},
		{circular(one, two), circular(one, two, one, two)},
		{circular(one), Cons(one, circular(one, one, one))},
		{selfVector(one), w},
		{Bignum(new(big.Int).Lsh(big.NewInt(3), 80)), Bignum(new(big.Int).Lsh(big.NewInt(3), 80))},
		{Ratnum(big.NewRat(1, 3)), Ratnum(big.NewRat(2, 6))},
		{Bignum(big.NewInt(42)), Fixnum(42)}, // normalized: the same fixnum
		{Intern("sym"), Intern("sym")},
		{NewBytevector([]byte{1, 2}), NewBytevector([]byte{1, 2})},
		{long(), long()},
	}
	for i, p := range pairs {
		if !Equal(p[0], p[1]) {
			t.Fatalf("case %d: test values are not equal?: %s %s", i, WriteString(p[0]), WriteString(p[1]))
		}
		if EqualHash(p[0]) != EqualHash(p[1]) {
			t.Errorf("case %d: equal? values hash differently: %s, %s", i, WriteString(p[0]), WriteString(p[1]))
		}
	}
	// Values that differ early should (almost always) hash differently.
	if EqualHash(List(one, two)) == EqualHash(List(two, one)) {
		t.Errorf("(1 2) and (2 1) hash alike")
	}
	if EqualHash(Str("a")) == EqualHash(Intern("a")) {
		t.Errorf("string and symbol a hash alike")
	}
	if eqvHash(Fixnum(5)) != eqvHash(Bignum(big.NewInt(5))) {
		t.Errorf("eqv? hash of 5 depends on how it was made")
	}
}

func TestEqualHashDeepCar(t *testing.T) {
	// A million-deep nest of cars: the budget bounds the walk.
	v := Null
	for i := 0; i < 1000000; i++ {
		v = List(v)
	}
	w := Null
	for i := 0; i < 1000000; i++ {
		w = List(w)
	}
	if EqualHash(v) != EqualHash(w) {
		t.Errorf("deep equal lists hash differently")
	}
}

// TestHashTableModel runs random sets and deletes against a Go map, so
// deletion holes, compaction and re-insertion are exercised.
func TestHashTableModel(t *testing.T) {
	th := NewThread()
	rng := rand.New(rand.NewSource(1))
	for _, equiv := range []string{"eqv?", "equal?", "string=?"} {
		tbl := MakeHashTable(th, []Value{LookupPrim(equiv).Proc.Value()})
		model := map[string]int64{}
		key := func(k int) (Value, string) {
			s := string(rune('a'+k%26)) + string(rune('a'+k/26%26))
			if equiv == "eqv?" {
				return Fixnum(int64(k)), s
			}
			return Str(s), s
		}
		for step := 0; step < 20000; step++ {
			k, ks := key(rng.Intn(300))
			switch rng.Intn(3) {
			case 0, 1:
				HashTableSet(th, tbl, k, Fixnum(int64(step)))
				model[ks] = int64(step)
			case 2:
				HashTableDelete(th, tbl, k)
				delete(model, ks)
			}
		}
		if got := HashTableSize(th, tbl).Int(); got != int64(len(model)) {
			t.Errorf("%s: size %d, model %d", equiv, got, len(model))
		}
		for k := 0; k < 300; k++ {
			kv, ks := key(k)
			got := HashTableRefDefault(th, tbl, kv, False)
			want, ok := model[ks]
			if ok != got.IsTrue() || (ok && got.Int() != want) {
				t.Errorf("%s: key %s: got %s, want %d (present %v)", equiv, ks, WriteString(got), want, ok)
			}
		}
		for k := 0; k < 300; k++ {
			kv, _ := key(k)
			HashTableDelete(th, tbl, kv)
		}
		if n := HashTableSize(th, tbl).Int(); n != 0 || HashTableKeys(th, tbl) != Null {
			t.Errorf("%s: %d entries left after deleting every key", equiv, n)
		}
		k, _ := key(7)
		HashTableSet(th, tbl, k, True)
		if !HashTableRefDefault(th, tbl, k, False).IsTrue() {
			t.Errorf("%s: emptied table lost a new key", equiv)
		}
	}
}
