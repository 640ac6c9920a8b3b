package rt

import (
	"testing"
	"unicode"
)

func TestASCIICharFastPaths(t *testing.T) {
	th := NewThread()
	for r := rune(0); r < 0x80; r++ {
		c := Char(r)
		if got, want := CharWhitespaceP(th, c).IsTrue(), unicode.Is(unicode.White_Space, r); got != want {
			t.Errorf("char-whitespace? %q = %v, want %v", r, got, want)
		}
		if got, want := CharNumericP(th, c).IsTrue(), unicode.IsDigit(r); got != want {
			t.Errorf("char-numeric? %q = %v, want %v", r, got, want)
		}
		if got, want := CharAlphabeticP(th, c).IsTrue(), unicode.IsLetter(r) || unicode.In(r, unicode.Nl, unicode.Other_Alphabetic); got != want {
			t.Errorf("char-alphabetic? %q = %v, want %v", r, got, want)
		}
		if got, want := CharUpcase(th, c).Rune(), unicode.ToUpper(r); got != want {
			t.Errorf("char-upcase %q = %q, want %q", r, got, want)
		}
		if got, want := CharDowncase(th, c).Rune(), unicode.ToLower(r); got != want {
			t.Errorf("char-downcase %q = %q, want %q", r, got, want)
		}
	}
}
