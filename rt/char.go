package rt

import "unicode"

// This file defines the character procedures of R7RS 6.6, with Unicode
// semantics from package unicode.

// charArg checks that x is a character.
func charArg(t *Thread, who string, x Value) rune {
	if !x.IsChar() {
		t.TypeError(who, "character", x)
	}
	return x.Rune()
}

// FoldRune is Unicode simple case folding, as char-foldcase applies it. It
// is lowercasing except where the folding differs: characters whose
// uppercase has another lowercase (ſ, ς, ϐ fold to s, σ, β), Cherokee
// (which folds to uppercase), and the Turkic dotted and dotless i (which
// have no simple folding).
func FoldRune(r rune) rune {
	switch {
	case r < 0x80:
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	case r == 0x130 || r == 0x131:
		return r
	case unicode.Is(unicode.Cherokee, r):
		return unicode.ToUpper(r)
	}
	return unicode.ToLower(unicode.ToUpper(r))
}

// CharP is (char? obj).
func CharP(t *Thread, x Value) Value { return Bool(x.IsChar()) }

// CharToInteger is (char->integer char).
func CharToInteger(t *Thread, x Value) Value {
	return Fixnum(int64(charArg(t, "char->integer", x)))
}

// IntegerToChar is (integer->char n): n must be a Unicode scalar value.
func IntegerToChar(t *Thread, x Value) Value {
	if x.IsFixnum() {
		if n := x.Int(); n >= 0 && n <= unicode.MaxRune && !(n >= 0xD800 && n <= 0xDFFF) {
			return Char(rune(n))
		}
	}
	return t.TypeError("integer->char", "Unicode scalar value", x)
}

// charCompare checks the arguments are characters and that each adjacent
// pair (optionally case-folded) satisfies ok on their difference.
func charCompare(t *Thread, who string, args []Value, fold bool, ok func(c int) bool) Value {
	for _, a := range args {
		charArg(t, who, a)
	}
	for i := 0; i+1 < len(args); i++ {
		a, b := args[i].Rune(), args[i+1].Rune()
		if fold {
			a, b = FoldRune(a), FoldRune(b)
		}
		if !ok(int(a - b)) {
			return False
		}
	}
	return True
}

// The orderings as tests on a comparison result c (negative, zero or
// positive), shared by the character and string comparisons.
func cmpEq(c int) bool { return c == 0 }
func cmpLt(c int) bool { return c < 0 }
func cmpGt(c int) bool { return c > 0 }
func cmpLe(c int) bool { return c <= 0 }
func cmpGe(c int) bool { return c >= 0 }

// CharEq is (char=? char1 char2 ...).
func CharEq(t *Thread, args []Value) Value { return charCompare(t, "char=?", args, false, cmpEq) }

// CharLt is (char<? char1 char2 ...).
func CharLt(t *Thread, args []Value) Value { return charCompare(t, "char<?", args, false, cmpLt) }

// CharGt is (char>? char1 char2 ...).
func CharGt(t *Thread, args []Value) Value { return charCompare(t, "char>?", args, false, cmpGt) }

// CharLe is (char<=? char1 char2 ...).
func CharLe(t *Thread, args []Value) Value { return charCompare(t, "char<=?", args, false, cmpLe) }

// CharGe is (char>=? char1 char2 ...).
func CharGe(t *Thread, args []Value) Value { return charCompare(t, "char>=?", args, false, cmpGe) }

// CharCiEq is (char-ci=? char1 char2 ...).
func CharCiEq(t *Thread, args []Value) Value { return charCompare(t, "char-ci=?", args, true, cmpEq) }

// CharCiLt is (char-ci<? char1 char2 ...).
func CharCiLt(t *Thread, args []Value) Value { return charCompare(t, "char-ci<?", args, true, cmpLt) }

// CharCiGt is (char-ci>? char1 char2 ...).
func CharCiGt(t *Thread, args []Value) Value { return charCompare(t, "char-ci>?", args, true, cmpGt) }

// CharCiLe is (char-ci<=? char1 char2 ...).
func CharCiLe(t *Thread, args []Value) Value { return charCompare(t, "char-ci<=?", args, true, cmpLe) }

// CharCiGe is (char-ci>=? char1 char2 ...).
func CharCiGe(t *Thread, args []Value) Value { return charCompare(t, "char-ci>=?", args, true, cmpGe) }

// CharAlphabeticP is (char-alphabetic? char): the Unicode Alphabetic
// property.
func CharAlphabeticP(t *Thread, x Value) Value {
	r := charArg(t, "char-alphabetic?", x)
	if r < 0x80 {
		return Bool('a' <= r|0x20 && r|0x20 <= 'z')
	}
	return Bool(unicode.IsLetter(r) || unicode.In(r, unicode.Nl, unicode.Other_Alphabetic))
}

// CharNumericP is (char-numeric? char): general category Nd.
func CharNumericP(t *Thread, x Value) Value {
	r := charArg(t, "char-numeric?", x)
	if r < 0x80 {
		return Bool('0' <= r && r <= '9')
	}
	return Bool(unicode.IsDigit(r))
}

// CharWhitespaceP is (char-whitespace? char): the White_Space property.
func CharWhitespaceP(t *Thread, x Value) Value {
	r := charArg(t, "char-whitespace?", x)
	if r < 0x80 { // ASCII White_Space: space, tab, newline, vertical tab, form feed, return
		return Bool(r == ' ' || '\t' <= r && r <= '\r')
	}
	return Bool(unicode.Is(unicode.White_Space, r))
}

// CharUpperCaseP is (char-upper-case? letter): the Uppercase property.
func CharUpperCaseP(t *Thread, x Value) Value {
	r := charArg(t, "char-upper-case?", x)
	return Bool(unicode.IsUpper(r) || unicode.Is(unicode.Other_Uppercase, r))
}

// CharLowerCaseP is (char-lower-case? letter): the Lowercase property.
func CharLowerCaseP(t *Thread, x Value) Value {
	r := charArg(t, "char-lower-case?", x)
	return Bool(unicode.IsLower(r) || unicode.Is(unicode.Other_Lowercase, r))
}

// DigitValue is (digit-value char): the value of a decimal digit (general
// category Nd) in any script, or #f.
func DigitValue(t *Thread, x Value) Value {
	if d, ok := digitValue(charArg(t, "digit-value", x)); ok {
		return Fixnum(int64(d))
	}
	return False
}

// digitValue relies on Unicode's decimal digits coming in runs of ten
// from zero to nine, so a digit's value is its offset in its range modulo
// ten.
func digitValue(r rune) (int, bool) {
	if r >= '0' && r <= '9' {
		return int(r - '0'), true
	}
	if r < 0x80 || !unicode.IsDigit(r) {
		return 0, false
	}
	for _, rg := range unicode.Nd.R16 {
		if rune(rg.Lo) <= r && r <= rune(rg.Hi) {
			return int(r-rune(rg.Lo)) % 10, true
		}
	}
	for _, rg := range unicode.Nd.R32 {
		if rune(rg.Lo) <= r && r <= rune(rg.Hi) {
			return int(r-rune(rg.Lo)) % 10, true
		}
	}
	return 0, false
}

// CharUpcase is (char-upcase char), the simple uppercase mapping.
func CharUpcase(t *Thread, x Value) Value {
	r := charArg(t, "char-upcase", x)
	if r < 0x80 {
		if 'a' <= r && r <= 'z' {
			r -= 'a' - 'A'
		}
		return Char(r)
	}
	return Char(unicode.ToUpper(r))
}

// CharDowncase is (char-downcase char), the simple lowercase mapping.
func CharDowncase(t *Thread, x Value) Value {
	r := charArg(t, "char-downcase", x)
	if r < 0x80 {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return Char(r)
	}
	return Char(unicode.ToLower(r))
}

// CharFoldcase is (char-foldcase char), simple case folding.
func CharFoldcase(t *Thread, x Value) Value {
	return Char(FoldRune(charArg(t, "char-foldcase", x)))
}

func init() {
	DefinePure("char?", 1, 1, CharP)
	DefinePure("char->integer", 1, 1, CharToInteger)
	DefinePure("integer->char", 1, 1, IntegerToChar)
	DefinePure("char=?", 1, -1, CharEq)
	DefinePure("char<?", 1, -1, CharLt)
	DefinePure("char>?", 1, -1, CharGt)
	DefinePure("char<=?", 1, -1, CharLe)
	DefinePure("char>=?", 1, -1, CharGe)
	DefinePure("char-ci=?", 1, -1, CharCiEq)
	DefinePure("char-ci<?", 1, -1, CharCiLt)
	DefinePure("char-ci>?", 1, -1, CharCiGt)
	DefinePure("char-ci<=?", 1, -1, CharCiLe)
	DefinePure("char-ci>=?", 1, -1, CharCiGe)
	DefinePure("char-alphabetic?", 1, 1, CharAlphabeticP)
	DefinePure("char-numeric?", 1, 1, CharNumericP)
	DefinePure("char-whitespace?", 1, 1, CharWhitespaceP)
	DefinePure("char-upper-case?", 1, 1, CharUpperCaseP)
	DefinePure("char-lower-case?", 1, 1, CharLowerCaseP)
	DefinePure("digit-value", 1, 1, DigitValue)
	DefinePure("char-upcase", 1, 1, CharUpcase)
	DefinePure("char-downcase", 1, 1, CharDowncase)
	DefinePure("char-foldcase", 1, 1, CharFoldcase)
}
