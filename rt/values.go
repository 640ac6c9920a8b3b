package rt

// This file holds values and call-with-values (R7RS 6.10). Multiple values
// travel as one Value (Values, ValuesOf in object.go): a single value is
// itself, any other number is a multiple-values object.

// ValuesP is (values obj ...).
func ValuesP(t *Thread, args []Value) Value { return Values(args...) }

func init() {
	DefinePure("values", 0, -1, ValuesP)
}
