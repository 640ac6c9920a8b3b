package rt

// This file defines map and for-each over lists (R7RS 6.10; the string and
// vector versions are with their types) and boolean=? (6.3).

// listsStep advances the lists in ls by one element, storing the cars in
// cars. It reports false when any list has ended; a list that ends in a
// non-pair other than () is an error.
func listsStep(t *Thread, who string, ls, orig, cars []Value) bool {
	for j, l := range ls {
		if !l.IsPair() {
			if !l.IsNull() {
				t.TypeError(who, "list", orig[j])
			}
			return false
		}
	}
	for j, l := range ls {
		p := l.Pair()
		cars[j] = p.Car
		ls[j] = p.Cdr
	}
	return true
}

// callCars calls f with the values in cars. The slice passed on is fresh,
// as a callee may keep its argument slice.
func callCars(t *Thread, f Value, cars []Value) Value {
	switch len(cars) {
	case 2:
		return t.Call2(f, cars[0], cars[1])
	case 3:
		return t.Call3(f, cars[0], cars[1], cars[2])
	case 4:
		return t.Call4(f, cars[0], cars[1], cars[2], cars[3])
	}
	return t.CallN(f, append([]Value(nil), cars...))
}

// BooleanEq is (boolean=? boolean1 boolean2 ...).
func BooleanEq(t *Thread, args []Value) Value {
	for _, a := range args {
		if !a.IsBool() {
			return t.TypeError("boolean=?", "boolean", a)
		}
	}
	for i := 0; i+1 < len(args); i++ {
		if args[i] != args[i+1] {
			return False
		}
	}
	return True
}

func init() {
	Define("map", 2, -1, Map)
	Define("for-each", 2, -1, ForEach)
	DefinePure("boolean=?", 1, -1, BooleanEq)
}
