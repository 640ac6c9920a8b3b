package rt

import "testing"

func TestChars(t *testing.T) {
	runCases(t, []schemeCase{
		// R7RS 6.6 examples.
		{`(char-ci=? #\A #\a)`, `#t`},
		{`(digit-value #\3)`, `3`},
		{`(digit-value #\x0664)`, `4`},
		{`(digit-value #\x0AE6)`, `0`},
		{`(digit-value #\x0EA6)`, `#f`},
		{`(char-upcase #\i)`, `#\I`},
		{`(char-downcase #\I)`, `#\i`},
		{`(char-foldcase #\A)`, `#\a`},

		{`(char? #\a)`, `#t`},
		{`(char? "a")`, `#f`},
		{`(char->integer #\A)`, `65`},
		{`(char->integer #\λ)`, `955`},
		{`(char->integer "a")`, `!char->integer: expected character, got "a"`},
		{`(integer->char 955)`, `#\λ`},
		{`(integer->char 1114111)`, `#\x10ffff`},
		{`(integer->char 55296)`, `!integer->char: expected Unicode scalar value, got 55296`},
		{`(integer->char 1114112)`, `!integer->char: expected Unicode scalar value, got 1114112`},
		{`(integer->char -1)`, `!integer->char: expected Unicode scalar value, got -1`},
		{`(char=? #\a #\a #\a)`, `#t`},
		{`(char=? #\a #\a #\b)`, `#f`},
		{`(char<? #\a #\b #\c)`, `#t`},
		{`(char<? #\a #\c #\b)`, `#f`},
		{`(char>? #\c #\b #\a)`, `#t`},
		{`(char<=? #\a #\a #\b)`, `#t`},
		{`(char>=? #\b #\b #\c)`, `#f`},
		{`(char<? #\a 1)`, `!char<?: expected character, got 1`},
		{`(char<? #\b #\a 1)`, `!char<?: expected character, got 1`},
		{`(char-ci<? #\a #\B #\c)`, `#t`},
		{`(char-ci>? #\C #\b)`, `#t`},
		{`(char-ci<=? #\A #\a)`, `#t`},
		{`(char-ci>=? #\a #\B)`, `#f`},
		{`(char-ci=? #\x3C2 #\x3A3 #\x3C3)`, `#t`}, // ς Σ σ
		{`(char-alphabetic? #\a)`, `#t`},
		{`(char-alphabetic? #\λ)`, `#t`},
		{`(char-alphabetic? #\3)`, `#f`},
		{`(char-alphabetic? #\x2160)`, `#t`}, // Ⅰ, a letter number
		{`(char-numeric? #\3)`, `#t`},
		{`(char-numeric? #\x0664)`, `#t`},
		{`(char-numeric? #\a)`, `#f`},
		{`(char-whitespace? #\space)`, `#t`},
		{`(char-whitespace? #\tab)`, `#t`},
		{`(char-whitespace? #\x00A0)`, `#t`},
		{`(char-whitespace? #\a)`, `#f`},
		{`(char-upper-case? #\A)`, `#t`},
		{`(char-upper-case? #\a)`, `#f`},
		{`(char-upper-case? #\x2160)`, `#t`},
		{`(char-lower-case? #\a)`, `#t`},
		{`(char-lower-case? #\A)`, `#f`},
		{`(char-lower-case? #\x00AA)`, `#t`}, // ª, Other_Lowercase
		{`(char-lower-case? #\3)`, `#f`},
		{`(digit-value #\a)`, `#f`},
		{`(digit-value #\x1D7D9)`, `1`}, // mathematical double-struck digit one
		{`(digit-value #\xFF19)`, `9`},  // fullwidth nine
		{`(char-upcase #\ß)`, `#\ß`},
		{`(char-upcase #\λ)`, `#\Λ`},
		{`(char-downcase #\Λ)`, `#\λ`},
		{`(char-upcase #\1)`, `#\1`},
		{`(char-foldcase #\x3A3)`, `#\σ`},
		{`(char-foldcase #\x3C2)`, `#\σ`},
		{`(char-foldcase #\x17F)`, `#\s`},  // long s
		{`(char-foldcase #\x212A)`, `#\k`}, // Kelvin sign
		{`(char-foldcase #\x13F8)`, `#\Ᏸ`}, // Cherokee folds to uppercase
		{`(char-foldcase #\x130)`, `#\İ`},  // no simple folding
		{`(char-foldcase #\x1E9E)`, `#\ß`}, // capital sharp s
		{`(char-foldcase 'a)`, `!char-foldcase: expected character, got a`},
	})
}

func TestDigitValueAllDigits(t *testing.T) {
	// Every Nd character's value agrees with its offset from the zero of
	// its block, found by walking back.
	for r := rune(0); r <= 0x10FFFF; r++ {
		d, ok := digitValue(r)
		if !ok {
			continue
		}
		zero := r - rune(d)
		for z := zero; z <= zero+9; z++ {
			if v, ok := digitValue(z); !ok || v != int(z-zero) {
				t.Fatalf("digit block at %U is not 0-9 (at %U)", zero, z)
			}
		}
	}
}
