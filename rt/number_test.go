package rt

import (
	"math"
	"math/big"
	"testing"
)

// The R7RS 6.2.6 examples, in the report's order.
func TestNumberR7RSExamples(t *testing.T) {
	runCases(t, []schemeCase{
		{`(complex? 3)`, `#t`},
		{`(real? 3)`, `#t`},
		{`(real? -2.5+0i)`, `#t`},
		{`(real? #e1e10)`, `#t`},
		{`(real? +inf.0)`, `#t`},
		{`(real? +nan.0)`, `#t`},
		{`(rational? -inf.0)`, `#f`},
		{`(rational? 3.5)`, `#t`},
		{`(rational? 6/10)`, `#t`},
		{`(rational? 6/3)`, `#t`},
		{`(integer? 3+0i)`, `#t`},
		{`(integer? 3.0)`, `#t`},
		{`(integer? 8/4)`, `#t`},
		{`(exact? 3.0)`, `#f`},
		{`(exact? #e3.0)`, `#t`},
		{`(inexact? 3.)`, `#t`},
		{`(exact-integer? 32)`, `#t`},
		{`(exact-integer? 32.0)`, `#f`},
		{`(exact-integer? 32/5)`, `#f`},
		{`(finite? 3)`, `#t`},
		{`(finite? +inf.0)`, `#f`},
		{`(infinite? 3)`, `#f`},
		{`(infinite? +inf.0)`, `#t`},
		{`(infinite? +nan.0)`, `#f`},
		{`(nan? +nan.0)`, `#t`},
		{`(nan? 32)`, `#f`},
		{`(max 3 4)`, `4`},
		{`(max 3.9 4)`, `4.0`},
		{`(+ 3 4)`, `7`},
		{`(- 3 4 5)`, `-6`},
		{`(/ 3 4 5)`, `3/20`},
		{`(abs -7)`, `7`},
		{`(floor/ 5 2)`, `2 1`},
		{`(floor/ -5 2)`, `-3 1`},
		{`(floor/ 5 -2)`, `-3 -1`},
		{`(floor/ -5 -2)`, `2 -1`},
		{`(truncate/ 5 2)`, `2 1`},
		{`(truncate/ -5 2)`, `-2 -1`},
		{`(truncate/ 5 -2)`, `-2 1`},
		{`(truncate/ -5 -2)`, `2 -1`},
		{`(truncate/ -5.0 -2)`, `2.0 -1.0`},
		{`(gcd 32 -36)`, `4`},
		{`(gcd)`, `0`},
		{`(lcm 32 -36)`, `288`},
		{`(lcm 32.0 -36)`, `288.0`},
		{`(lcm)`, `1`},
		{`(numerator (/ 6 4))`, `3`},
		{`(denominator (/ 6 4))`, `2`},
		{`(denominator (inexact (/ 6 4)))`, `2.0`},
		{`(floor -4.3)`, `-5.0`},
		{`(ceiling -4.3)`, `-4.0`},
		{`(truncate -4.3)`, `-4.0`},
		{`(round -4.3)`, `-4.0`},
		{`(floor 3.5)`, `3.0`},
		{`(ceiling 3.5)`, `4.0`},
		{`(truncate 3.5)`, `3.0`},
		{`(round 3.5)`, `4.0`},
		{`(round 7/2)`, `4`},
		{`(round 7)`, `7`},
		{`(rationalize (exact .3) 1/10)`, `1/3`},
		{`(rationalize .3 1/10)`, `0.3333333333333333`},
		{`(square 42)`, `1764`},
		{`(square 2.0)`, `4.0`},
		{`(sqrt 9)`, `3`},
		{`(exact-integer-sqrt 4)`, `2 0`},
		{`(exact-integer-sqrt 5)`, `2 1`},
		{`(string->number "100")`, `100`},
		{`(string->number "100" 16)`, `256`},
		{`(string->number "1e2")`, `100.0`},
	})
}

func TestNumberPredicates(t *testing.T) {
	runCases(t, []schemeCase{
		{`(complex? 'a)`, `#f`},
		{`(real? "1")`, `#f`},
		{`(rational? +nan.0)`, `#f`},
		{`(rational? 123456789012345678901234567890)`, `#t`},
		{`(integer? 3.5)`, `#f`},
		{`(integer? +inf.0)`, `#f`},
		{`(integer? 1/2)`, `#f`},
		{`(integer? 'x)`, `#f`},
		{`(integer? 1e300)`, `#t`},
		{`(exact? 1/2)`, `#t`},
		{`(exact? 'x)`, `!exact?: expected number, got x`},
		{`(inexact? +nan.0)`, `#t`},
		{`(exact-integer? 'x)`, `#f`},
		{`(exact-integer? 100000000000000000000)`, `#t`},
		{`(finite? -inf.0)`, `#f`},
		{`(finite? +nan.0)`, `#f`},
		{`(finite? 1/3)`, `#t`},
		{`(nan? 1/2)`, `#f`},
		{`(nan? "x")`, `!nan?: expected real number, got "x"`},
		{`(zero? 0)`, `#t`},
		{`(zero? -0.0)`, `#t`},
		{`(zero? 1/2)`, `#f`},
		{`(zero? +nan.0)`, `#f`},
		{`(zero? 'a)`, `!zero?: expected real number, got a`},
		{`(positive? 1/2)`, `#t`},
		{`(positive? -100000000000000000000)`, `#f`},
		{`(positive? 0)`, `#f`},
		{`(positive? +inf.0)`, `#t`},
		{`(positive? +nan.0)`, `#f`},
		{`(negative? -0.0)`, `#f`},
		{`(negative? -1/2)`, `#t`},
		{`(odd? 3)`, `#t`},
		{`(odd? -3)`, `#t`},
		{`(odd? 100000000000000000001)`, `#t`},
		{`(even? 100000000000000000001)`, `#f`},
		{`(even? 0)`, `#t`},
		{`(even? -4.0)`, `#t`},
		{`(odd? 1.5)`, `!odd?: expected integer, got 1.5`},
		{`(even? 'x)`, `!even?: expected integer, got x`},
	})
}

func TestMaxMinAbs(t *testing.T) {
	runCases(t, []schemeCase{
		{`(max 1)`, `1`},
		{`(max 1 2 3 2)`, `3`},
		{`(min 1 2 -3 2)`, `-3`},
		{`(min 1 2.0)`, `1.0`},
		{`(max 1/2 1/3)`, `1/2`},
		{`(max 100000000000000000000 1)`, `100000000000000000000`},
		{`(max 1 +nan.0 3)`, `+nan.0`},
		{`(min -inf.0 0)`, `-inf.0`},
		{`(max 'a 1)`, `!max: expected real number, got a`},
		{`(max 1 'a)`, `!max: expected real number, got a`},
		{`(abs -9223372036854775808)`, `9223372036854775808`},
		{`(abs -1/2)`, `1/2`},
		{`(abs -0.0)`, `0.0`},
		{`(abs -100000000000000000000)`, `100000000000000000000`},
		{`(abs 5)`, `5`},
		{`(abs "x")`, `!abs: expected real number, got "x"`},
	})
}

func TestIntegerDivision(t *testing.T) {
	runCases(t, []schemeCase{
		{`(quotient 17 5)`, `3`},
		{`(remainder 17 -5)`, `2`},
		{`(modulo 17 -5)`, `-3`},
		{`(modulo -7 2)`, `1`},
		{`(remainder -7 2)`, `-1`},
		{`(modulo 13 4)`, `1`},
		{`(remainder 13 4)`, `1`},
		{`(modulo -13 4)`, `3`},
		{`(remainder -13 4)`, `-1`},
		{`(modulo 13 -4)`, `-3`},
		{`(remainder 13 -4)`, `1`},
		{`(modulo -13 -4)`, `-1`},
		{`(remainder -13 -4)`, `-1`},
		{`(remainder -13 -4.0)`, `-1.0`},
		{`(quotient -9223372036854775808 -1)`, `9223372036854775808`},
		{`(remainder -9223372036854775808 -1)`, `0`},
		{`(modulo -9223372036854775808 -1)`, `0`},
		{`(floor/ -9223372036854775808 -1)`, `9223372036854775808 0`},
		{`(quotient 100000000000000000000 7)`, `14285714285714285714`},
		{`(remainder 100000000000000000000 7)`, `2`},
		{`(modulo -100000000000000000000 7)`, `5`},
		{`(floor-quotient -100000000000000000000 7)`, `-14285714285714285715`},
		{`(floor-remainder -100000000000000000000 7)`, `5`},
		{`(truncate-quotient -100000000000000000000 7)`, `-14285714285714285714`},
		{`(truncate-remainder -100000000000000000000 7)`, `-2`},
		{`(floor/ 100000000000000000000 -100000000000000000001)`, `-1 -1`},
		{`(quotient 7.0 2)`, `3.0`},
		{`(modulo 7 -2.0)`, `-1.0`},
		{`(floor/ 100000.0 3)`, `33333.0 1.0`},
		{`(quotient 1 0)`, `!quotient: division by zero`},
		{`(remainder 1 0)`, `!remainder: division by zero`},
		{`(modulo 1 0)`, `!modulo: division by zero`},
		{`(floor/ 1 0)`, `!floor/: division by zero`},
		{`(truncate-quotient 100000000000000000000 0)`, `!truncate-quotient: division by zero`},
		{`(floor-remainder 1 0.0)`, `!floor-remainder: division by zero`},
		{`(quotient 1.5 1)`, `!quotient: expected integer, got 1.5`},
		{`(modulo 1 'a)`, `!modulo: expected integer, got a`},
		{`(quotient 1/2 1)`, `!quotient: expected integer, got 1/2`},
	})
}

func TestDivisionIdentity(t *testing.T) {
	th := NewThread()
	vals := []Value{Fixnum(0), Fixnum(1), Fixnum(-1), Fixnum(7), Fixnum(-7), Fixnum(13), Fixnum(-13),
		Fixnum(math.MaxInt64), Fixnum(math.MinInt64), Bignum(new(big.Int).Lsh(big.NewInt(3), 70)),
		Bignum(new(big.Int).Neg(new(big.Int).Lsh(big.NewInt(5), 80)))}
	for _, a := range vals {
		for _, b := range vals {
			if sign(b) == 0 {
				continue
			}
			for _, fl := range []bool{true, false} {
				q, r := intDivide(th, "test", a, b, fl)
				back := Add2(th, Mul2(th, b, q, nil), r, nil)
				if !NumEq2(th, back, a, nil) {
					t.Errorf("floor=%v %s / %s: q=%s r=%s", fl, WriteString(a), WriteString(b), WriteString(q), WriteString(r))
				}
				// |r| < |b|, and r has b's sign (floor) or a's sign (truncate).
				if Cmp2(th, Abs(th, r), Abs(th, b), nil, "t") >= 0 {
					t.Errorf("|r| >= |b| for %s / %s", WriteString(a), WriteString(b))
				}
				want := sign(a)
				if fl {
					want = sign(b)
				}
				if sign(r) != 0 && sign(r) != want {
					t.Errorf("floor=%v %s / %s: remainder %s has wrong sign", fl, WriteString(a), WriteString(b), WriteString(r))
				}
			}
		}
	}
}

func TestGcdLcmNumDen(t *testing.T) {
	runCases(t, []schemeCase{
		{`(gcd 0 5)`, `5`},
		{`(gcd -4)`, `4`},
		{`(gcd 12 18 27)`, `3`},
		{`(gcd 100000000000000000000 30)`, `10`},
		{`(gcd -9223372036854775808)`, `9223372036854775808`},
		{`(gcd 4.0 6)`, `2.0`},
		{`(lcm 4 6)`, `12`},
		{`(lcm 0 5)`, `0`},
		{`(lcm 3 -4 5)`, `60`},
		{`(lcm 100000000000000000000 3)`, `300000000000000000000`},
		{`(gcd 1.5 2)`, `!gcd: expected integer, got 1.5`},
		{`(numerator 5)`, `5`},
		{`(denominator 5)`, `1`},
		{`(denominator 0)`, `1`},
		{`(numerator -3/4)`, `-3`},
		{`(denominator -3/4)`, `4`},
		{`(numerator 0.5)`, `1.0`},
		{`(denominator 0.75)`, `4.0`},
		{`(numerator 3.0)`, `3.0`},
		{`(numerator +inf.0)`, `!numerator: expected rational number, got +inf.0`},
	})
}

func TestRounding(t *testing.T) {
	runCases(t, []schemeCase{
		{`(round 2.5)`, `2.0`},
		{`(round -2.5)`, `-2.0`},
		{`(round 0.5)`, `0.0`},
		{`(round 1.5)`, `2.0`},
		{`(round 5/2)`, `2`},
		{`(round -5/2)`, `-2`},
		{`(round -7/2)`, `-4`},
		{`(round 7/3)`, `2`},
		{`(round -7/3)`, `-2`},
		{`(round 8/3)`, `3`},
		{`(floor 7/2)`, `3`},
		{`(floor -7/2)`, `-4`},
		{`(ceiling 7/2)`, `4`},
		{`(ceiling -7/2)`, `-3`},
		{`(truncate 7/2)`, `3`},
		{`(truncate -7/2)`, `-3`},
		{`(floor 100000000000000000001/2)`, `50000000000000000000`},
		{`(floor +inf.0)`, `+inf.0`},
		{`(round +nan.0)`, `+nan.0`},
		{`(ceiling -0.5)`, `-0.0`},
		{`(floor 'x)`, `!floor: expected real number, got x`},
		{`(rationalize 1/3 0)`, `1/3`},
		{`(rationalize 3/10 1/10)`, `1/3`},
		{`(rationalize -3/10 1/10)`, `-1/3`},
		{`(rationalize 1/4 1/4)`, `0`},
		{`(rationalize 7/2 1/2)`, `3`},
		{`(rationalize 22/7 0)`, `22/7`},
		{`(rationalize 3.14159 1/100)`, `3.142857142857143`},
		{`(rationalize +inf.0 3)`, `+inf.0`},
		{`(rationalize 3 +inf.0)`, `0.0`},
		{`(rationalize +nan.0 1)`, `+nan.0`},
	})
}

func TestTranscendental(t *testing.T) {
	runCases(t, []schemeCase{
		{`(exp 0)`, `1.0`},
		{`(exp 1)`, `2.718281828459045`},
		{`(log 1)`, `0.0`},
		{`(log 0)`, `-inf.0`},
		{`(log 0.0)`, `-inf.0`},
		{`(log +nan.0)`, `+nan.0`},
		{`(log +inf.0)`, `+inf.0`},
		{`(log -inf.0)`, `!log: complex results are not supported`},
		{`(log 100 10)`, `2.0`},
		{`(log 8 2)`, `3.0`},
		{`(log (expt 10 400))`, `921.0340371976182`},
		{`(log (/ 1 (expt 10 400)))`, `-921.0340371976182`},
		{`(log -1)`, `!log: complex results are not supported`},
		{`(log 'x)`, `!log: expected real number, got x`},
		{`(sin 0)`, `0.0`},
		{`(cos 0)`, `1.0`},
		{`(tan 0)`, `0.0`},
		{`(asin 1)`, `1.5707963267948966`},
		{`(acos 1)`, `0.0`},
		{`(acos -1)`, `3.141592653589793`},
		{`(asin 2)`, `!asin: complex results are not supported`},
		{`(acos -1.5)`, `!acos: complex results are not supported`},
		{`(atan 1)`, `0.7853981633974483`},
		{`(atan 1 1)`, `0.7853981633974483`},
		{`(atan 0.0 -1)`, `3.141592653589793`},
		{`(atan -0.0 -1)`, `-3.141592653589793`},
		{`(atan 1 0)`, `1.5707963267948966`},
		{`(atan -1 0)`, `-1.5707963267948966`},
		{`(atan 0 0)`, `0.0`},
		{`(vector-ref '#(1 1 2 3 5 8 13 21) (exact (round (* 2 (acos -1)))))`, `13`},
	})
}

func TestSqrtExpt(t *testing.T) {
	runCases(t, []schemeCase{
		{`(sqrt 16)`, `4`},
		{`(sqrt 2)`, `1.4142135623730951`},
		{`(sqrt 1/4)`, `1/2`},
		{`(sqrt 9/16)`, `3/4`},
		{`(sqrt 1/2)`, `0.7071067811865476`},
		{`(sqrt 16.0)`, `4.0`},
		{`(sqrt 0)`, `0`},
		{`(sqrt -0.0)`, `-0.0`},
		{`(sqrt +inf.0)`, `+inf.0`},
		{`(= (sqrt 9223372036854775807) 3037000499.97605)`, `#t`},
		{`(sqrt 9223372030926249001)`, `3037000499`},
		{`(sqrt 100000000000000000000)`, `10000000000`},
		{`(sqrt (expt 10 401))`, `3.1622776601683794e200`},
		{`(sqrt (expt 3 300))`, `369988485035126972924700782451696644186473100389722973815184405301748249`},
		{`(sqrt -4)`, `!sqrt: complex results are not supported`},
		{`(sqrt -1/4)`, `!sqrt: complex results are not supported`},
		{`(sqrt -2.0)`, `!sqrt: complex results are not supported`},
		{`(sqrt 'x)`, `!sqrt: expected real number, got x`},
		{`(exact-integer-sqrt 0)`, `0 0`},
		{`(exact-integer-sqrt 17)`, `4 1`},
		{`(exact-integer-sqrt 9223372036854775807)`, `3037000499 5928526806`},
		{`(exact-integer-sqrt 100000000000000000001)`, `10000000000 1`},
		{`(exact-integer-sqrt -1)`, `!exact-integer-sqrt: expected exact non-negative integer, got -1`},
		{`(exact-integer-sqrt 4.0)`, `!exact-integer-sqrt: expected exact integer, got 4.0`},
		{`(expt 0 0)`, `1`},
		{`(expt 0.0 0)`, `1.0`},
		{`(expt 0 0.0)`, `1.0`},
		{`(expt 0 5)`, `0`},
		{`(expt 2 10)`, `1024`},
		{`(expt 2 62)`, `4611686018427387904`},
		{`(expt 2 63)`, `9223372036854775808`},
		{`(expt -2 63)`, `-9223372036854775808`},
		{`(expt 2 100)`, `1267650600228229401496703205376`},
		{`(expt 3 39)`, `4052555153018976267`},
		{`(expt 3 40)`, `12157665459056928801`},
		{`(expt -3 39)`, `-4052555153018976267`},
		{`(expt 7 22)`, `3909821048582988049`},
		{`(expt -7 23)`, `-27368747340080916343`},
		{`(expt -3 3)`, `-27`},
		{`(expt 2 -2)`, `1/4`},
		{`(expt 2/3 2)`, `4/9`},
		{`(expt 2/3 -2)`, `9/4`},
		{`(expt -1/2 3)`, `-1/8`},
		{`(expt 100000000000000000000 2)`, `10000000000000000000000000000000000000000`},
		{`(expt 1 100000000000000000000)`, `1`},
		{`(expt -1 100000000000000000001)`, `-1`},
		{`(expt 2.0 3)`, `8.0`},
		{`(expt 2 0.5)`, `1.4142135623730951`},
		{`(expt 4 1/2)`, `2`},
		{`(expt 8 2/3)`, `4`},
		{`(expt 8/27 -1/3)`, `3/2`},
		{`(expt 2 1/2)`, `1.4142135623730951`},
		{`(expt 4.0 1/2)`, `2.0`},
		{`(expt -8 1/3)`, `!expt: complex results are not supported`},
		{`(expt -2.0 0.5)`, `!expt: complex results are not supported`},
		{`(expt -2.0 2.0)`, `4.0`},
		{`(expt 0 -1)`, `!expt: division by zero`},
		{`(expt 0 -1.5)`, `!expt: division by zero`},
		{`(expt 0.0 -1)`, `+inf.0`},
		{`(expt 2 100000000000000000000)`, `!expt: result too large`},
		{`(expt 'x 2)`, `!expt: expected real number, got x`},
	})
}

func TestExactness(t *testing.T) {
	runCases(t, []schemeCase{
		{`(exact 2.0)`, `2`},
		{`(exact -0.0)`, `0`},
		{`(exact 0.5)`, `1/2`},
		{`(exact 0.1)`, `3602879701896397/36028797018963968`},
		{`(exact 1e20)`, `100000000000000000000`},
		{`(exact 1e300)`, `1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160`},
		{`(exact 5)`, `5`},
		{`(exact 1/3)`, `1/3`},
		{`(exact +inf.0)`, `!exact: +inf.0 has no exact representation`},
		{`(exact +nan.0)`, `!exact: +nan.0 has no exact representation`},
		{`(exact 'x)`, `!exact: expected real number, got x`},
		{`(inexact 1/3)`, `0.3333333333333333`},
		{`(inexact 5)`, `5.0`},
		{`(= (inexact 100000000000000000000) 1e20)`, `#t`},
		{`(inexact (expt 10 400))`, `+inf.0`},
		{`(inexact (/ 1 (expt 10 400)))`, `0.0`},
		{`(inexact (/ (+ (expt 10 400) 1) (expt 10 399)))`, `10.0`},
		{`(inexact 2.5)`, `2.5`},
		{`(inexact "x")`, `!inexact: expected real number, got "x"`},
	})
}

func TestComplexLibrary(t *testing.T) {
	runCases(t, []schemeCase{
		{`(make-rectangular 3 0)`, `3`},
		{`(make-rectangular 3.5 0.0)`, `3.5`},
		{`(make-rectangular 3 4)`, `!make-rectangular: complex numbers are not supported`},
		{`(make-polar 2 0)`, `2`},
		{`(make-polar 2 0.0)`, `2.0`},
		{`(make-polar 2 1)`, `!make-polar: complex numbers are not supported`},
		{`(real-part 5)`, `5`},
		{`(real-part -1.5)`, `-1.5`},
		{`(imag-part 5)`, `0`},
		{`(imag-part 2.5)`, `0`},
		{`(magnitude -5)`, `5`},
		{`(magnitude -5/2)`, `5/2`},
		{`(angle 5)`, `0`},
		{`(angle -5)`, `3.141592653589793`},
		{`(angle -1.0)`, `3.141592653589793`},
		{`(angle 1.0)`, `0.0`},
		{`(angle 'x)`, `!angle: expected real number, got x`},
	})
}

func TestNumberToString(t *testing.T) {
	runCases(t, []schemeCase{
		{`(number->string 255)`, `"255"`},
		{`(number->string 255 16)`, `"ff"`},
		{`(number->string -255 2)`, `"-11111111"`},
		{`(number->string 8 8)`, `"10"`},
		{`(number->string 100000000000000000000 16)`, `"56bc75e2d63100000"`},
		{`(number->string -3/4 2)`, `"-11/100"`},
		{`(number->string 0.1)`, `"0.1"`},
		{`(number->string 1e21)`, `"1e21"`},
		{`(number->string 123.0)`, `"123.0"`},
		{`(number->string -0.0)`, `"-0.0"`},
		{`(number->string +nan.0 2)`, `"+nan.0"`},
		{`(number->string 0.5 2)`, `"#i1/10"`},
		{`(number->string 6.0 2)`, `"#i110"`},
		{`(number->string 1 3)`, `!number->string: radix must be 2, 8, 10 or 16, got 3`},
		{`(number->string 'a)`, `!number->string: expected real number, got a`},
	})
	// Round trip through string->number in every radix.
	th := NewThread()
	vals := []Value{Fixnum(0), Fixnum(-17), Fixnum(math.MaxInt64), Fixnum(math.MinInt64),
		Bignum(new(big.Int).Lsh(big.NewInt(-3), 100)), Ratnum(big.NewRat(-22, 7)),
		Flonum(0.1), Flonum(-1.5e-300), Flonum(math.MaxFloat64), Flonum(5e-324), Flonum(1e21), Flonum(123456789.125),
		Flonum(math.Inf(-1)), Flonum(math.Copysign(0, -1))}
	for _, v := range vals {
		for _, radix := range []int{2, 8, 10, 16} {
			s := NumberToString(th, []Value{v, Fixnum(int64(radix))})
			back := StringToNumber(th, []Value{s, Fixnum(int64(radix))})
			if !Eqv(v, back) {
				t.Errorf("radix %d: %s -> %s -> %s", radix, WriteString(v), WriteString(s), WriteString(back))
			}
		}
	}
}

func TestStringToNumber(t *testing.T) {
	ok := map[string]string{
		"0": "0", "-0": "0", "+5": "5", "-17": "-17", "007": "7",
		"1/2": "1/2", "-6/4": "-3/2", "6/3": "2", "+1/3": "1/3",
		"1.5": "1.5", ".5": "0.5", "-.5": "-0.5", "5.": "5.0", "1e2": "100.0", "1E2": "100.0",
		"1.5e-3": "0.0015", "1e+3": "1000.0", "1.e2": "100.0", "-0.0": "-0.0",
		"1e400": "+inf.0", "-1e400": "-inf.0", "1e-400": "0.0",
		"+inf.0": "+inf.0", "-inf.0": "-inf.0", "+nan.0": "+nan.0", "-nan.0": "+nan.0", "+INF.0": "+inf.0",
		"#x10": "16", "#XfF": "255", "#x-a": "-10", "#b101": "5", "#o777": "511", "#d99": "99",
		"#e1.5": "3/2", "#e.25": "1/4", "#e1e3": "1000", "#e-1.2e-2": "-3/250",
		"#i1/4": "0.25", "#i5": "5.0", "#i-0": "-0.0", "#i1/3": "0.3333333333333333",
		"#x#e10": "16", "#e#x10": "16", "#i#x10": "16.0", "#x#i10": "16.0",
		"#x1/a": "1/10", "#b-1/10": "-1/2",
		"12345678901234567890": "12345678901234567890",
		"-9223372036854775808": "-9223372036854775808",
		"9223372036854775808":  "9223372036854775808",
		"#xffffffffffffffffff": "4722366482869645213695",
		"1+0i":                 "1", "-2.5+0i": "-2.5", "+0i": "0", "3@0": "3", "1.5@0": "1.5",
		"#e1e20": "100000000000000000000",
		"1+0.0i": "1.0", "#i+0i": "0.0", "3@0.0": "3.0", "0@1": "0.0", "1/2-0i": "1/2",
		"#e1.5e2": "150", "#e1e-3": "1/1000", "#e-0.5": "-1/2",
	}
	for in, want := range ok {
		v, good := ParseNumber(in, 10)
		if !good {
			t.Errorf("ParseNumber(%q) failed, want %s", in, want)
			continue
		}
		if got := WriteString(v); got != want {
			t.Errorf("ParseNumber(%q) = %s, want %s", in, got, want)
		}
	}
	bad := []string{"", "+", "-", ".", "..", "1..2", "1e", "e1", "1e+", "abc", "1/0", "1/", "/2", "1/2/3",
		"1/2.0", "1.5/2", "#x1.5", "#b2", "#o8", "#xg", "#e+inf.0", "#e+nan.0", "#x#x1", "#e#i1", "#q1",
		"#", "#x", "1+2i", "+i", "-i", "1+i", "1@2", "#e1e10001", "#e1.5e-10005", "inf.0", "+inf", "+inf.1", "nan.0",
		"1_000", "0x10", "1 ", " 1", "1e2.5", "--1", "+-1", "#e1e999999999", "1#", "i", "1i", "++i"}
	for _, in := range bad {
		if v, good := ParseNumber(in, 10); good {
			t.Errorf("ParseNumber(%q) = %s, want failure", in, WriteString(v))
		}
	}
	runCases(t, []schemeCase{
		{`(string->number "ff" 16)`, `255`},
		{`(string->number "#d10" 16)`, `10`},
		{`(string->number "101" 2)`, `5`},
		{`(string->number "1.5" 16)`, `#f`},
		{`(string->number "1e2" 16)`, `482`},
		{`(string->number "abc")`, `#f`},
		{`(string->number "1+2i")`, `#f`},
		{`(string->number 'a)`, `!string->number: expected string, got a`},
		{`(string->number "1" 7)`, `!string->number: radix must be 2, 8, 10 or 16, got 7`},
	})
}

func TestExptMatchesBig(t *testing.T) {
	th := NewThread()
	bases := []int64{0, 1, -1, 2, -2, 3, -3, 7, -7, 10, 255, -256, 65535, 1 << 31, -(1 << 31), 3037000499, 3037000500,
		math.MaxInt64, math.MinInt64}
	for _, b := range bases {
		for n := int64(0); n <= 70; n++ {
			got := Expt(th, Fixnum(b), Fixnum(n))
			want := Bignum(new(big.Int).Exp(big.NewInt(b), big.NewInt(n), nil))
			if !Eqv(got, want) {
				t.Errorf("(expt %d %d) = %s, want %s", b, n, WriteString(got), WriteString(want))
			}
		}
	}
}
