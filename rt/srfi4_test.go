package rt

import (
	"math"
	"testing"
)

// TestNumVectorData checks that Data gives the vector's own storage, which
// the SIMD kernels and Go interop rely on.
func TestNumVectorData(t *testing.T) {
	v := NewF64Vector([]float64{1, 2, 3})
	v.F64Vector().Data()[1] = 20
	if got := WriteString(v); got != "#f64(1.0 20.0 3.0)" {
		t.Errorf("after writing through Data: %s", got)
	}
	th := NewThread()
	F64VectorSet(th, v, Fixnum(2), Flonum(0.5))
	if d := v.F64Vector().Data(); d[2] != 0.5 {
		t.Errorf("f64vector-set! not visible through Data: %v", d)
	}
	mk := LookupPrim("make-s32vector").Proc.FN
	s := mk(th, []Value{Fixnum(3), Fixnum(-4)})
	if !s.Is(TS32Vector) {
		t.Fatalf("make-s32vector gave %s", WriteString(s))
	}
	if d := s.S32Vector().Data(); len(d) != 3 || d[0] != -4 || d[2] != -4 {
		t.Errorf("make-s32vector data %v", d)
	}
	u8 := LookupPrim("u8vector").Proc.FN(th, []Value{Fixnum(1), Fixnum(255)})
	if !u8.Is(TBytevector) || u8.Bytes().Data()[1] != 255 {
		t.Errorf("u8vector is not a bytevector: %s", WriteString(u8))
	}
}

func TestMakeNumVector(t *testing.T) {
	for _, c := range []struct {
		tag   string
		elems []Value
		want  string // "" when MakeNumVector must refuse
	}{
		{"f64", []Value{Fixnum(1), Flonum(2.5)}, "#f64(1.0 2.5)"},
		{"f32", []Value{Flonum(0.1), Flonum(math.Inf(1))}, "#f32(0.1 +inf.0)"},
		{"s8", []Value{Fixnum(-128), Fixnum(127)}, "#s8(-128 127)"},
		{"s8", []Value{Fixnum(128)}, ""},
		{"u16", []Value{Fixnum(-1)}, ""},
		{"u64", []Value{BigLiteral("18446744073709551615")}, "#u64(18446744073709551615)"},
		{"u64", []Value{BigLiteral("18446744073709551616")}, ""},
		{"s64", []Value{BigLiteral("9223372036854775808")}, ""},
		{"u8", []Value{Fixnum(7)}, "#u8(7)"},
		{"f64", []Value{Str("x")}, ""},
		{"f65", nil, ""},
	} {
		v, ok := MakeNumVector(c.tag, c.elems)
		switch {
		case c.want == "" && ok:
			t.Errorf("MakeNumVector(%s, ...) = %s, want refusal", c.tag, WriteString(v))
		case c.want != "" && !ok:
			t.Errorf("MakeNumVector(%s, ...) refused, want %s", c.tag, c.want)
		case ok && WriteString(v) != c.want:
			t.Errorf("MakeNumVector(%s, ...) = %s, want %s", c.tag, WriteString(v), c.want)
		}
		if ok && c.tag != "u8" && NumVectorTag(v) != c.tag {
			t.Errorf("NumVectorTag = %q, want %q", NumVectorTag(v), c.tag)
		}
	}
	if NumVectorTag(NewBytevector(nil)) != "" || NumVectorTag(Fixnum(3)) != "" {
		t.Error("NumVectorTag of a non-SRFI 4 value is not empty")
	}
}

func TestSRFI4Procedures(t *testing.T) {
	runCases(t, []schemeCase{
		{`(f64vector 1 2)`, `#f64(1.0 2.0)`},
		{`(make-f64vector 2 -0.0)`, `#f64(-0.0 -0.0)`},
		{`(make-f32vector 1 +nan.0)`, `#f32(+nan.0)`},
		{`(make-u16vector 2)`, `#u16(0 0)`},
		{`(u64vector-ref (u64vector 18446744073709551615) 0)`, `18446744073709551615`},
		{`(s16vector->list (s16vector 1 2 3) 1 2)`, `(2)`},
		{`(equal? (f64vector +nan.0) (f64vector +nan.0))`, `#t`},
		{`(equal? (f64vector 0.0) (f64vector -0.0))`, `#f`},
		{`(f64vector-ref (f64vector 1 2 3) 10)`, `!f64vector-ref: index 10 out of range for f64vector of length 3`},
		{`(u8vector-set! (u8vector 1) 0 300)`, `!u8vector-set!: 300 out of range for u8`},
		{`(s8vector -129)`, `!s8vector: -129 out of range for s8`},
		{`(u64vector -1)`, `!u64vector: -1 out of range for u64`},
		{`(make-u32vector 2 4294967296)`, `!make-u32vector: 4294967296 out of range for u32`},
		{`(f32vector 'a)`, `!f32vector: expected real number, got a`},
		{`(s64vector 1.5)`, `!s64vector: expected exact integer, got 1.5`},
		{`(f64vector-length (f32vector))`, `!f64vector-length: expected f64vector, got #f32()`},
		{`(list->s8vector '(1 . 2))`, `!list->s8vector: expected proper list, got (1 . 2)`},
		{`(f64vector->list (f64vector 1) 0 2)`, `!f64vector->list: range 0..2 out of bounds for f64vector of length 1`},
	})
}
