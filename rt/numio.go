package rt

import (
	"math"
	"math/big"
	"strconv"
	"strings"
)

// This file defines numerical input and output (R7RS 6.2.7):
// number->string and string->number, and ParseNumber, which accepts the
// full number syntax of R7RS 7.1.1.

// radixArg checks an optional radix argument.
func radixArg(t *Thread, who string, args []Value, i int) int {
	v, ok := optArg(args, i)
	if !ok {
		return 10
	}
	if v.IsFixnum() {
		switch r := v.Int(); r {
		case 2, 8, 10, 16:
			return int(r)
		}
	}
	t.Errorf(who, "radix must be 2, 8, 10 or 16, got %s", WriteString(v))
	return 0
}

// NumberToString is (number->string z [radix]).
func NumberToString(t *Thread, args []Value) Value {
	z := args[0]
	realArg(t, "number->string", z)
	return Str(FormatNumber(z, radixArg(t, "number->string", args, 1)))
}

// FormatNumber prints the real number z in radix 2, 8, 10 or 16 so that
// string->number with the same radix reads it back as an eqv? number.
// Flonums print in the shortest form that round-trips; in radixes other
// than 10, where R7RS has no decimal notation, a finite flonum prints as
// its exact binary value behind #i (0.5 in radix 2 is "#i1/10").
func FormatNumber(z Value, radix int) string {
	switch classOf(z) {
	case classFix:
		return strconv.FormatInt(z.Int(), radix)
	case classBig:
		return z.Big().Text(radix)
	case classRat:
		r := z.Rat()
		return r.Num().Text(radix) + "/" + r.Denom().Text(radix)
	case classFlo:
		f := z.Float()
		if radix == 10 || math.IsInf(f, 0) || math.IsNaN(f) {
			return FormatFlonum(f)
		}
		var s string
		if f == math.Trunc(f) {
			s = toBig(floatToExactInt(f)).Text(radix)
		} else {
			r := new(big.Rat).SetFloat64(f)
			s = r.Num().Text(radix) + "/" + r.Denom().Text(radix)
		}
		if f == 0 && math.Signbit(f) {
			s = "-" + s
		}
		return "#i" + s
	}
	return WriteString(z)
}

// StringToNumber is (string->number string [radix]). It returns #f for
// anything that is not the notation of a number Lambdust can represent,
// including complex numbers with a nonzero imaginary part.
func StringToNumber(t *Thread, args []Value) Value {
	s := args[0]
	if !s.IsString() {
		return t.TypeError("string->number", "string", s)
	}
	radix := radixArg(t, "string->number", args, 1)
	if v, ok := ParseNumber(s.Str().String(), radix); ok {
		return v
	}
	return False
}

// ParseNumber parses R7RS number syntax (7.1.1) with the given default
// radix: an optional radix prefix (#b #o #d #x) and exactness prefix (#e
// #i) in either order, then an integer, a ratio n/d, or (in radix 10) a
// decimal with an optional exponent, or +inf.0, -inf.0, +nan.0, -nan.0.
// Case is not significant. Rectangular (a+bi) and polar (m@a) notations
// parse, but only their real cases are representable: a+0i with an exact
// zero, and m@0. ok is false for everything else.
func ParseNumber(s string, radix int) (v Value, ok bool) {
	var exactness byte
	sawRadix := false
	for len(s) >= 2 && s[0] == '#' {
		switch s[1] | 0x20 {
		case 'b', 'o', 'd', 'x':
			if sawRadix {
				return Value{}, false
			}
			sawRadix = true
			switch s[1] | 0x20 {
			case 'b':
				radix = 2
			case 'o':
				radix = 8
			case 'd':
				radix = 10
			default:
				radix = 16
			}
		case 'e', 'i':
			if exactness != 0 {
				return Value{}, false
			}
			exactness = s[1] | 0x20
		default:
			return Value{}, false
		}
		s = s[2:]
	}
	if s == "" {
		return Value{}, false
	}
	return parseComplex(s, radix, exactness)
}

// parseComplex handles the rectangular and polar notations around
// parseReal, with the reader's rules (parse/number.go): a complex number
// whose imaginary part is zero is its real part, made inexact if either
// part is inexact. Other complex numbers are not representable.
func parseComplex(s string, radix int, exactness byte) (Value, bool) {
	if last := s[len(s)-1] | 0x20; last == 'i' && !isInfNan(s) {
		body := s[:len(s)-1]
		// The imaginary part starts at the last sign that does not begin
		// the string or an exponent.
		k := -1
		for j := len(body) - 1; j > 0; j-- {
			if c := body[j]; c == '+' || c == '-' {
				if radix == 10 && body[j-1]|0x20 == 'e' {
					continue
				}
				k = j
				break
			}
		}
		if k < 0 {
			if body == "" || (body[0] != '+' && body[0] != '-') {
				return Value{}, false
			}
			k = 0
		}
		re := Fixnum(0)
		if exactness == 'i' {
			re = Flonum(0)
		}
		if k > 0 {
			var ok bool
			if re, ok = parseReal(body[:k], radix, exactness); !ok {
				return Value{}, false
			}
		}
		imag := body[k:]
		if imag == "+" || imag == "-" {
			return Value{}, false // ±i: never zero
		}
		im, ok := parseReal(imag, radix, exactness)
		if !ok || sign(im) != 0 || im.IsFlonum() && math.IsNaN(im.Float()) {
			return Value{}, false
		}
		if im.IsFlonum() {
			re = toInexact(re)
		}
		return re, true
	}
	if i := strings.IndexByte(s, '@'); i >= 0 {
		mag, ok1 := parseReal(s[:i], radix, exactness)
		ang, ok2 := parseReal(s[i+1:], radix, exactness)
		if !ok1 || !ok2 {
			return Value{}, false
		}
		if IsExact(ang) && sign(ang) == 0 {
			return mag, true
		}
		m, a := ToFloat(mag), ToFloat(ang)
		if im := m * math.Sin(a); im != 0 || math.IsNaN(im) {
			return Value{}, false
		}
		return Flonum(m * math.Cos(a)), true
	}
	return parseReal(s, radix, exactness)
}

// isInfNan reports whether s (after any sign) is inf.0 or nan.0.
func isInfNan(s string) bool {
	if len(s) != 6 || (s[0] != '+' && s[0] != '-') {
		return false
	}
	rest := strings.ToLower(s[1:])
	return rest == "inf.0" || rest == "nan.0"
}

// isDigitIn reports whether c is a digit in the radix.
func isDigitIn(c byte, radix int) bool {
	switch {
	case c >= '0' && c <= '9':
		return int(c-'0') < radix
	case radix == 16:
		c |= 0x20
		return c >= 'a' && c <= 'f'
	}
	return false
}

// allDigits reports whether s is a non-empty string of digits in radix.
func allDigits(s string, radix int) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigitIn(s[i], radix) {
			return false
		}
	}
	return true
}

// maxDecimalExponent bounds the exponent of an exact decimal (#e1e400 is
// fine; #e1e999999999 would not fit in memory). It is the reader's bound.
const maxDecimalExponent = 10000

// parseReal parses a signed real number: an integer, a ratio, a decimal
// (radix 10 only) or an infinity/NaN.
func parseReal(s string, radix int, exactness byte) (Value, bool) {
	if s == "" {
		return Value{}, false
	}
	if isInfNan(s) {
		if exactness == 'e' {
			return Value{}, false
		}
		var f float64
		if strings.ToLower(s[1:4]) == "inf" {
			f = math.Inf(1)
		} else {
			f = math.NaN()
		}
		if s[0] == '-' {
			f = -f
		}
		return Flonum(f), true
	}
	body := s
	neg := false
	if body[0] == '+' || body[0] == '-' {
		neg = body[0] == '-'
		body = body[1:]
	}
	var exact Value
	if i := strings.IndexByte(body, '/'); i >= 0 {
		n, d := body[:i], body[i+1:]
		if !allDigits(n, radix) || !allDigits(d, radix) {
			return Value{}, false
		}
		num, _ := new(big.Int).SetString(n, radix)
		den, _ := new(big.Int).SetString(d, radix)
		if den.Sign() == 0 {
			return Value{}, false
		}
		if neg {
			num.Neg(num)
		}
		exact = Ratnum(new(big.Rat).SetFrac(num, den))
	} else if allDigits(body, radix) {
		if n, err := strconv.ParseInt(body, radix, 64); err == nil {
			if neg {
				n = -n
			}
			exact = Fixnum(n)
		} else {
			b, _ := new(big.Int).SetString(body, radix)
			if neg {
				b.Neg(b)
			}
			exact = Bignum(b)
		}
	} else if radix == 10 && isDecimal(body) {
		if exactness == 'e' {
			return exactDecimal(body, neg)
		}
		f, err := strconv.ParseFloat(body, 64)
		if err != nil && !isRangeErr(err) {
			return Value{}, false
		}
		if neg {
			f = -f
		}
		return Flonum(f), true
	} else {
		return Value{}, false
	}
	if exactness == 'i' {
		f := ToFloat(exact)
		if neg && f == 0 {
			f = math.Copysign(0, -1)
		}
		return Flonum(f), true
	}
	return exact, true
}

func isRangeErr(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}

// isDecimal reports whether s is an unsigned decimal of R7RS:
// digits with an optional '.' and at least one digit in the mantissa,
// then an optional exponent e[sign]digits.
func isDecimal(s string) bool {
	mant, exp := s, ""
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		mant, exp = s[:i], s[i+1:]
		if exp != "" && (exp[0] == '+' || exp[0] == '-') {
			exp = exp[1:]
		}
		if !allDigits(exp, 10) {
			return false
		}
	}
	digits := strings.Replace(mant, ".", "", 1)
	return allDigits(digits, 10)
}

// exactDecimal is the exact value of a decimal, for #e1.5 and the like.
// Like the reader, it refuses exponents (net of the fraction digits) beyond
// maxDecimalExponent, so a short literal cannot demand a huge integer.
func exactDecimal(s string, neg bool) (Value, bool) {
	mant, exp, hasExp := strings.Cut(strings.ToLower(s), "e")
	intPart, frac, _ := strings.Cut(mant, ".")
	e := 0
	if hasExp {
		digits := strings.TrimLeft(strings.TrimLeft(exp, "+-"), "0")
		if len(digits) > 6 {
			return Value{}, false
		}
		e, _ = strconv.Atoi("0" + digits)
		if exp[0] == '-' {
			e = -e
		}
	}
	e -= len(frac)
	if e > maxDecimalExponent || e < -maxDecimalExponent-len(intPart)-len(frac) {
		return Value{}, false
	}
	m, _ := new(big.Int).SetString(intPart+frac, 10)
	if neg {
		m.Neg(m)
	}
	pow := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(max(e, -e))), nil)
	if e >= 0 {
		return Bignum(m.Mul(m, pow)), true
	}
	return Ratnum(new(big.Rat).SetFrac(m, pow)), true
}

func init() {
	DefinePure("number->string", 1, 2, NumberToString)
	DefinePure("string->number", 1, 2, StringToNumber)
}
