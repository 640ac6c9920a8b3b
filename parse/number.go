package parse

import (
	"math"
	"math/big"
	"strconv"
	"strings"
)

// Number literals follow R7RS 7.1.1:
//
//   - prefixes #x #o #b #d (radix) and #e #i (exactness) in either order, at
//     most one of each, case-insensitive;
//   - integers, rationals n/d (normalized; an exact rational with
//     denominator 1 is an integer; a zero denominator is the error
//     "division by zero in number literal"), and, in radix 10 only,
//     decimals with an optional exponent "e[+-]digits";
//   - +inf.0 -inf.0 +nan.0 -nan.0;
//   - complex numbers a+bi, a-bi, a+i, +bi, +i, -i, a+inf.0i, ... and a@b
//     (polar).
//
// Exact integers become Int, or BigInt when they overflow int64; exact
// non-integers become Rat; inexact reals become Real. A complex number
// whose imaginary part is zero is its real part (made inexact if either
// part is inexact); otherwise it becomes an inexact Complex. #e on a
// decimal is exact (#e1.5 is 3/2); #e on an infinity or NaN is an error.

// maxExactExp bounds the decimal exponent of exact number literals such as
// #e1e400, so that a short literal cannot demand a huge integer.
const maxExactExp = 10000

// num is an intermediate real number: exact (r) or inexact (f).
type num struct {
	exact bool
	r     *big.Rat
	f     float64
}

func (n num) float() float64 {
	if !n.exact {
		return n.f
	}
	f, _ := n.r.Float64()
	return f
}

func (n num) isZero() bool {
	if n.exact {
		return n.r.Sign() == 0
	}
	return n.f == 0
}

func (n num) neg() num {
	if n.exact {
		return num{exact: true, r: new(big.Rat).Neg(n.r)}
	}
	return num{f: -n.f}
}

func (n num) inexact() num { return num{f: n.float()} }

func (n num) datum(p Pos) Datum {
	if !n.exact {
		return &Real{P: p, V: n.f}
	}
	if n.r.IsInt() {
		i := n.r.Num()
		if i.IsInt64() {
			return &Int{P: p, V: i.Int64()}
		}
		return &BigInt{P: p, V: new(big.Int).Set(i)}
	}
	return &Rat{P: p, V: n.r}
}

// numResult is the result of the parse helpers: ok is false when the text
// is not number syntax; a non-empty msg means the text is number syntax
// with an invalid value.
type numResult struct {
	n   num
	ok  bool
	msg string
}

// parseNumber parses s as a number literal. isNum reports whether s is
// number syntax; if it is but its value is invalid, msg is the error.
func parseNumber(s string, p Pos) (d Datum, isNum bool, msg string) {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return nil, false, ""
		}
	}
	s = strings.ToLower(s)
	radix := 0
	var exactness byte
	for len(s) >= 2 && s[0] == '#' {
		switch c := s[1]; c {
		case 'x', 'o', 'b', 'd':
			if radix != 0 {
				return nil, false, ""
			}
			radix = radixOf(c)
		case 'e', 'i':
			if exactness != 0 {
				return nil, false, ""
			}
			exactness = c
		default:
			return nil, false, ""
		}
		s = s[2:]
	}
	if radix == 0 {
		radix = 10
	}
	if s == "" || s[0] == '#' {
		return nil, false, ""
	}
	re, im, cplx, res := parseComplex(s, radix, exactness)
	if res.msg != "" {
		return nil, true, res.msg
	}
	if !res.ok {
		return nil, false, ""
	}
	if !cplx {
		return re.datum(p), true, ""
	}
	if im.isZero() {
		if !im.exact {
			re = re.inexact()
		}
		return re.datum(p), true, ""
	}
	return &Complex{P: p, Re: re.float(), Im: im.float()}, true, ""
}

// parseComplex parses <complex R> (without prefix).
func parseComplex(s string, radix int, ex byte) (re, im num, cplx bool, res numResult) {
	if strings.HasSuffix(s, "i") {
		body := s[:len(s)-1]
		k := -1
		for j := len(body) - 1; j >= 1; j-- {
			if body[j] != '+' && body[j] != '-' {
				continue
			}
			if radix == 10 && body[j-1] == 'e' {
				continue // exponent sign
			}
			k = j
			break
		}
		if k < 0 {
			if body == "" || (body[0] != '+' && body[0] != '-') {
				return re, im, false, numResult{}
			}
			k = 0
		}
		reStr, imStr := body[:k], body[k:]
		if imStr == "+" || imStr == "-" {
			one := num{exact: true, r: big.NewRat(1, 1)}
			if imStr == "-" {
				one = one.neg()
			}
			if ex == 'i' {
				one = one.inexact()
			}
			res = numResult{n: one, ok: true}
		} else {
			res = parseReal(imStr, radix, ex)
		}
		if !res.ok || res.msg != "" {
			return re, im, false, res
		}
		im = res.n
		if reStr == "" {
			re = num{exact: true, r: new(big.Rat)}
			if ex == 'i' {
				re = re.inexact()
			}
		} else {
			res = parseReal(reStr, radix, ex)
			if !res.ok || res.msg != "" {
				return re, im, false, res
			}
			re = res.n
		}
		return re, im, true, numResult{ok: true}
	}
	if at := strings.IndexByte(s, '@'); at >= 0 {
		magRes := parseReal(s[:at], radix, ex)
		if !magRes.ok || magRes.msg != "" {
			return re, im, false, magRes
		}
		angRes := parseReal(s[at+1:], radix, ex)
		if !angRes.ok || angRes.msg != "" {
			return re, im, false, angRes
		}
		mag, ang := magRes.n, angRes.n
		if ang.exact && ang.isZero() {
			return mag, im, false, numResult{ok: true}
		}
		m, a := mag.float(), ang.float()
		re = num{f: m * math.Cos(a)}
		im = num{f: m * math.Sin(a)}
		return re, im, true, numResult{ok: true}
	}
	res = parseReal(s, radix, ex)
	return res.n, im, false, res
}

// parseReal parses <real R>: a signed <ureal R> or an infnan.
func parseReal(s string, radix int, ex byte) numResult {
	switch s {
	case "+inf.0", "-inf.0", "+nan.0", "-nan.0":
		if ex == 'e' {
			return numResult{ok: true, msg: "no exact representation for " + s}
		}
		switch s {
		case "+inf.0":
			return numResult{n: num{f: math.Inf(1)}, ok: true}
		case "-inf.0":
			return numResult{n: num{f: math.Inf(-1)}, ok: true}
		}
		return numResult{n: num{f: math.NaN()}, ok: true}
	}
	neg := false
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-'
		s = s[1:]
	}
	res := parseUreal(s, radix, ex)
	if res.ok && res.msg == "" && neg {
		res.n = res.n.neg()
	}
	return res
}

func radixOf(c byte) int {
	switch c {
	case 'x':
		return 16
	case 'o':
		return 8
	case 'b':
		return 2
	}
	return 10
}

func isDigitIn(c byte, radix int) bool {
	switch radix {
	case 2:
		return c == '0' || c == '1'
	case 8:
		return '0' <= c && c <= '7'
	case 10:
		return '0' <= c && c <= '9'
	}
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f'
}

// allDigits reports whether s is a non-empty run of radix digits.
func allDigits(s string, radix int) bool {
	for i := 0; i < len(s); i++ {
		if !isDigitIn(s[i], radix) {
			return false
		}
	}
	return s != ""
}

func exactNum(r *big.Rat, ex byte) num {
	n := num{exact: true, r: r}
	if ex == 'i' {
		return n.inexact()
	}
	return n
}

// parseUreal parses an unsigned real: integer, rational or decimal.
func parseUreal(s string, radix int, ex byte) numResult {
	if i := strings.IndexByte(s, '/'); i >= 0 {
		a, b := s[:i], s[i+1:]
		if !allDigits(a, radix) || !allDigits(b, radix) {
			return numResult{}
		}
		n, _ := new(big.Int).SetString(a, radix)
		d, _ := new(big.Int).SetString(b, radix)
		if d.Sign() == 0 {
			return numResult{ok: true, msg: "division by zero in number literal"}
		}
		return numResult{n: exactNum(new(big.Rat).SetFrac(n, d), ex), ok: true}
	}
	if allDigits(s, radix) {
		n, _ := new(big.Int).SetString(s, radix)
		return numResult{n: exactNum(new(big.Rat).SetInt(n), ex), ok: true}
	}
	if radix != 10 {
		return numResult{}
	}
	mant, exp, hasExp := strings.Cut(s, "e")
	intPart, frac, _ := strings.Cut(mant, ".")
	if intPart+frac == "" ||
		(intPart != "" && !allDigits(intPart, 10)) ||
		(frac != "" && !allDigits(frac, 10)) {
		return numResult{}
	}
	expDigits := exp
	if hasExp {
		if expDigits != "" && (expDigits[0] == '+' || expDigits[0] == '-') {
			expDigits = expDigits[1:]
		}
		if !allDigits(expDigits, 10) {
			return numResult{}
		}
	}
	if ex != 'e' {
		f, _ := strconv.ParseFloat(s, 64) // out of range yields ±Inf or 0
		return numResult{n: num{f: f}, ok: true}
	}
	// Exact decimal: digits * 10^(exp - len(frac)).
	e := 0
	if hasExp {
		expDigits = strings.TrimLeft(expDigits, "0")
		if len(expDigits) > 6 {
			return numResult{ok: true, msg: "exponent too large in exact number literal"}
		}
		e, _ = strconv.Atoi(expDigits + "0")
		e /= 10
		if exp[0] == '-' {
			e = -e
		}
	}
	e -= len(frac)
	if e > maxExactExp || e < -maxExactExp-len(intPart)-len(frac) {
		return numResult{ok: true, msg: "exponent too large in exact number literal"}
	}
	m, _ := new(big.Int).SetString(intPart+frac, 10)
	pow := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(abs(e))), nil)
	r := new(big.Rat)
	if e >= 0 {
		r.SetInt(m.Mul(m, pow))
	} else {
		r.SetFrac(m, pow)
	}
	return numResult{n: num{exact: true, r: r}, ok: true}
}

func abs(i int) int {
	if i < 0 {
		return -i
	}
	return i
}
