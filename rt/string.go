package rt

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// This file defines the string procedures of R7RS 6.7 and the symbol
// procedures of 6.5, and the UTF-8 conversions of 6.9.
//
// Strings are []rune, so string-ref and string-set! are O(1). All strings
// are mutable, string literals included: R7RS makes mutating a literal an
// error but does not require it to be detected, and Lambdust does not
// detect it. symbol->string returns a fresh copy, so mutating it cannot
// rename the symbol.

// strArg checks that x is a string and returns its runes.
func strArg(t *Thread, who string, x Value) []rune {
	if !x.IsString() {
		t.TypeError(who, "string", x)
	}
	return x.Str().R
}

// MakeString is (make-string k [char]); the default fill is a space.
func MakeString(t *Thread, args []Value) Value {
	n := lengthArg(t, "make-string", args[0])
	fill := ' '
	if c, ok := optArg(args, 1); ok {
		fill = charArg(t, "make-string", c)
	}
	rs := make([]rune, n)
	for i := range rs {
		rs[i] = fill
	}
	return StrRunes(rs)
}

// StringV is (string char ...).
func StringV(t *Thread, args []Value) Value {
	rs := make([]rune, len(args))
	for i, c := range args {
		rs[i] = charArg(t, "string", c)
	}
	return StrRunes(rs)
}

// StringLength is (string-length string).
func StringLength(t *Thread, s Value) Value {
	return Fixnum(int64(len(strArg(t, "string-length", s))))
}

// StringRef is (string-ref string k).
func StringRef(t *Thread, s, k Value) Value {
	if s.IsString() && k.IsFixnum() {
		if rs := s.Str().R; uint64(k.Int()) < uint64(len(rs)) {
			return Char(rs[k.Int()])
		}
	}
	return stringRefSlow(t, s, k)
}

//go:noinline
func stringRefSlow(t *Thread, s, k Value) Value {
	rs := strArg(t, "string-ref", s)
	return Char(rs[indexArg(t, "string-ref", k, len(rs), "string")])
}

// StringSet is (string-set! string k char).
func StringSet(t *Thread, s, k, c Value) Value {
	rs := strArg(t, "string-set!", s)
	i := indexArg(t, "string-set!", k, len(rs), "string")
	rs[i] = charArg(t, "string-set!", c)
	return Unspecified
}

// stringCompare checks that the arguments are strings and that each
// adjacent pair (optionally case-folded) satisfies ok.
func stringCompare(t *Thread, who string, args []Value, fold bool, ok func(c int) bool) Value {
	for _, a := range args {
		strArg(t, who, a)
	}
	for i := 0; i+1 < len(args); i++ {
		a, b := args[i].Str().R, args[i+1].Str().R
		if fold {
			a, b = foldRunes(a), foldRunes(b)
		}
		if !ok(slices.Compare(a, b)) {
			return False
		}
	}
	return True
}

// StringEq is (string=? string1 string2 ...).
func StringEq(t *Thread, args []Value) Value {
	return stringCompare(t, "string=?", args, false, cmpEq)
}

// StringLt is (string<? string1 string2 ...).
func StringLt(t *Thread, args []Value) Value {
	return stringCompare(t, "string<?", args, false, cmpLt)
}

// StringGt is (string>? string1 string2 ...).
func StringGt(t *Thread, args []Value) Value {
	return stringCompare(t, "string>?", args, false, cmpGt)
}

// StringLe is (string<=? string1 string2 ...).
func StringLe(t *Thread, args []Value) Value {
	return stringCompare(t, "string<=?", args, false, cmpLe)
}

// StringGe is (string>=? string1 string2 ...).
func StringGe(t *Thread, args []Value) Value {
	return stringCompare(t, "string>=?", args, false, cmpGe)
}

// StringCiEq is (string-ci=? string1 string2 ...).
func StringCiEq(t *Thread, args []Value) Value {
	return stringCompare(t, "string-ci=?", args, true, cmpEq)
}

// StringCiLt is (string-ci<? string1 string2 ...).
func StringCiLt(t *Thread, args []Value) Value {
	return stringCompare(t, "string-ci<?", args, true, cmpLt)
}

// StringCiGt is (string-ci>? string1 string2 ...).
func StringCiGt(t *Thread, args []Value) Value {
	return stringCompare(t, "string-ci>?", args, true, cmpGt)
}

// StringCiLe is (string-ci<=? string1 string2 ...).
func StringCiLe(t *Thread, args []Value) Value {
	return stringCompare(t, "string-ci<=?", args, true, cmpLe)
}

// StringCiGe is (string-ci>=? string1 string2 ...).
func StringCiGe(t *Thread, args []Value) Value {
	return stringCompare(t, "string-ci>=?", args, true, cmpGe)
}

// Case mapping. Go's unicode package has the simple (one-to-one) mappings;
// R7RS asks for the full ones, where a character may map to several. The
// tables hold the unconditional multi-character mappings of Unicode's
// SpecialCasing.txt that matter in practice (the Greek iota-subscript
// forms are left to the simple mappings).

// specialUpper is the full uppercase of characters whose uppercase is
// more than one character.
var specialUpper = map[rune]string{
	0x00DF: "SS",                 // ß
	0x0149: "\u02BCN",            // ŉ
	0x01F0: "J\u030C",            // ǰ
	0x0390: "\u0399\u0308\u0301", // ΐ
	0x03B0: "\u03A5\u0308\u0301", // ΰ
	0x0587: "\u0535\u0552",       // և
	0x1E96: "H\u0331",            // ẖ
	0x1E97: "T\u0308",            // ẗ
	0x1E98: "W\u030A",            // ẘ
	0x1E99: "Y\u030A",            // ẙ
	0x1E9A: "A\u02BE",            // ẚ
	0xFB00: "FF", 0xFB01: "FI", 0xFB02: "FL", 0xFB03: "FFI", 0xFB04: "FFL",
	0xFB05: "ST", 0xFB06: "ST",
	0xFB13: "\u0544\u0546", 0xFB14: "\u0544\u0535", 0xFB15: "\u0544\u053B",
	0xFB16: "\u054E\u0546", 0xFB17: "\u0544\u053D",
}

// upcaseRunes is the full uppercase mapping.
func upcaseRunes(rs []rune) []rune {
	out := make([]rune, 0, len(rs))
	for _, r := range rs {
		if s, ok := specialUpper[r]; ok {
			out = append(out, []rune(s)...)
		} else {
			out = append(out, unicode.ToUpper(r))
		}
	}
	return out
}

// downcaseRunes is the full lowercase mapping, with the final-sigma rule:
// Σ at the end of a word lowercases to ς.
func downcaseRunes(rs []rune) []rune {
	out := make([]rune, 0, len(rs))
	for i, r := range rs {
		switch {
		case r == 0x130: // İ
			out = append(out, 'i', 0x307)
		case r == 0x3A3 && i > 0 && unicode.IsLetter(rs[i-1]) && (i+1 == len(rs) || !unicode.IsLetter(rs[i+1])):
			out = append(out, 0x3C2)
		default:
			out = append(out, unicode.ToLower(r))
		}
	}
	return out
}

// foldRunes is full case folding.
func foldRunes(rs []rune) []rune {
	var out []rune
	for i, r := range rs {
		f := FoldRune(r)
		s, special := specialUpper[f]
		if f == r && !special && r != 0x130 {
			if out != nil {
				out = append(out, r)
			}
			continue
		}
		if out == nil {
			out = append(make([]rune, 0, len(rs)+4), rs[:i]...)
		}
		switch {
		case r == 0x130:
			out = append(out, 'i', 0x307)
		case special:
			for _, u := range s {
				out = append(out, FoldRune(u))
			}
		default:
			out = append(out, f)
		}
	}
	if out == nil {
		return rs
	}
	return out
}

// StringUpcase is (string-upcase string).
func StringUpcase(t *Thread, s Value) Value {
	return StrRunes(upcaseRunes(strArg(t, "string-upcase", s)))
}

// StringDowncase is (string-downcase string).
func StringDowncase(t *Thread, s Value) Value {
	return StrRunes(downcaseRunes(strArg(t, "string-downcase", s)))
}

// StringFoldcase is (string-foldcase string).
func StringFoldcase(t *Thread, s Value) Value {
	return StrRunes(slices.Clone(foldRunes(strArg(t, "string-foldcase", s))))
}

// Substring is (substring string start [end]).
func Substring(t *Thread, args []Value) Value {
	rs := strArg(t, "substring", args[0])
	start, end := rangeArgs(t, "substring", args, 1, len(rs), "string")
	return StrRunes(slices.Clone(rs[start:end]))
}

// StringAppend is (string-append string ...).
func StringAppend(t *Thread, args []Value) Value {
	n := 0
	for _, s := range args {
		n += len(strArg(t, "string-append", s))
	}
	rs := make([]rune, 0, n)
	for _, s := range args {
		rs = append(rs, s.Str().R...)
	}
	return StrRunes(rs)
}

// StringToList is (string->list string [start [end]]).
func StringToList(t *Thread, args []Value) Value {
	rs := strArg(t, "string->list", args[0])
	start, end := rangeArgs(t, "string->list", args, 1, len(rs), "string")
	l := Null
	for i := end - 1; i >= start; i-- {
		l = Cons(Char(rs[i]), l)
	}
	return l
}

// ListToString is (list->string list).
func ListToString(t *Thread, l Value) Value {
	var rs []rune
	x, cc := l, newCycleCheck(l)
	for x.IsPair() {
		c := x.Pair().Car
		if !c.IsChar() {
			return t.TypeError("list->string", "list of characters", l)
		}
		rs = append(rs, c.Rune())
		if x = x.Pair().Cdr; cc.circular(x) {
			break
		}
	}
	if !x.IsNull() {
		return t.TypeError("list->string", "list of characters", l)
	}
	if rs == nil {
		rs = []rune{}
	}
	return StrRunes(rs)
}

// StringCopy is (string-copy string [start [end]]).
func StringCopy(t *Thread, args []Value) Value {
	rs := strArg(t, "string-copy", args[0])
	start, end := rangeArgs(t, "string-copy", args, 1, len(rs), "string")
	return StrRunes(append([]rune{}, rs[start:end]...))
}

// StringCopyTo is (string-copy! to at from [start [end]]). Overlapping
// ranges of the same string copy correctly.
func StringCopyTo(t *Thread, args []Value) Value {
	to := strArg(t, "string-copy!", args[0])
	from := strArg(t, "string-copy!", args[2])
	start, end := rangeArgs(t, "string-copy!", args, 3, len(from), "string")
	at := copyTarget(t, "string-copy!", args[1], end-start, len(to), "string")
	copy(to[at:], from[start:end])
	return Unspecified
}

// StringFill is (string-fill! string char [start [end]]).
func StringFill(t *Thread, args []Value) Value {
	rs := strArg(t, "string-fill!", args[0])
	c := charArg(t, "string-fill!", args[1])
	start, end := rangeArgs(t, "string-fill!", args, 2, len(rs), "string")
	for i := start; i < end; i++ {
		rs[i] = c
	}
	return Unspecified
}

// stringsArgs checks the string arguments of string-map and
// string-for-each and returns the length of the shortest.
func stringsArgs(t *Thread, who string, args []Value) int {
	t.procOf(args[0])
	n := -1
	for _, s := range args[1:] {
		if l := len(strArg(t, who, s)); n < 0 || l < n {
			n = l
		}
	}
	return n
}

// callAt calls f on the i-th elements of the sequences, fetched by at.
func callAt(t *Thread, f Value, seqs []Value, i int, at func(Value, int) Value) Value {
	switch len(seqs) {
	case 1:
		return t.Call1(f, at(seqs[0], i))
	case 2:
		return t.Call2(f, at(seqs[0], i), at(seqs[1], i))
	}
	args := make([]Value, len(seqs))
	for j, s := range seqs {
		args[j] = at(s, i)
	}
	return t.CallN(f, args)
}

func runeAt(s Value, i int) Value { return Char(s.Str().R[i]) }

// StringMap is (string-map proc string1 string2 ...): it stops at the end
// of the shortest string.
func StringMap(t *Thread, args []Value) Value {
	n := stringsArgs(t, "string-map", args)
	out := make([]rune, 0, n)
	for i := 0; i < n; i++ {
		c := callAt(t, args[0], args[1:], i, runeAt)
		if !c.IsChar() {
			return t.Errorf("string-map", "procedure returned %s, not a character", WriteString(c))
		}
		out = append(out, c.Rune())
	}
	return StrRunes(out)
}

// StringForEach is (string-for-each proc string1 string2 ...).
func StringForEach(t *Thread, args []Value) Value {
	n := stringsArgs(t, "string-for-each", args)
	for i := 0; i < n; i++ {
		callAt(t, args[0], args[1:], i, runeAt)
	}
	return Unspecified
}

// Symbols (R7RS 6.5).

// SymbolToString is (symbol->string symbol); the string is fresh.
func SymbolToString(t *Thread, x Value) Value {
	if !x.IsSymbol() {
		return t.TypeError("symbol->string", "symbol", x)
	}
	return Str(x.Sym().Name)
}

// StringToSymbol is (string->symbol string).
func StringToSymbol(t *Thread, s Value) Value {
	return Intern(string(strArg(t, "string->symbol", s)))
}

// SymbolEq is (symbol=? symbol1 symbol2 ...).
func SymbolEq(t *Thread, args []Value) Value {
	for _, a := range args {
		if !a.IsSymbol() {
			return t.TypeError("symbol=?", "symbol", a)
		}
	}
	for i := 0; i+1 < len(args); i++ {
		if !Eq(args[i], args[i+1]) {
			return False
		}
	}
	return True
}

// UTF-8 (R7RS 6.9).

// StringToUTF8 is (string->utf8 string [start [end]]).
func StringToUTF8(t *Thread, args []Value) Value {
	rs := strArg(t, "string->utf8", args[0])
	start, end := rangeArgs(t, "string->utf8", args, 1, len(rs), "string")
	n := 0
	for _, r := range rs[start:end] {
		n += utf8.RuneLen(r)
	}
	b := make([]byte, 0, n)
	for _, r := range rs[start:end] {
		b = utf8.AppendRune(b, r)
	}
	return NewBytevector(b)
}

// UTF8ToString is (utf8->string bytevector [start [end]]).
func UTF8ToString(t *Thread, args []Value) Value {
	b := bytesArg(t, "utf8->string", args[0])
	start, end := rangeArgs(t, "utf8->string", args, 1, len(b), "bytevector")
	b = b[start:end]
	if !utf8.Valid(b) {
		return t.Errorf("utf8->string", "invalid UTF-8 in %s", WriteString(NewBytevector(b)))
	}
	rs := make([]rune, 0, utf8.RuneCount(b))
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		rs = append(rs, r)
		b = b[size:]
	}
	return StrRunes(rs)
}

func init() {
	DefinePure("make-string", 1, 2, MakeString)
	DefinePure("string", 0, -1, StringV)
	DefinePure("string-length", 1, 1, StringLength)
	DefinePure("string-ref", 2, 2, StringRef)
	Define("string-set!", 3, 3, StringSet)
	DefinePure("string=?", 1, -1, StringEq)
	DefinePure("string<?", 1, -1, StringLt)
	DefinePure("string>?", 1, -1, StringGt)
	DefinePure("string<=?", 1, -1, StringLe)
	DefinePure("string>=?", 1, -1, StringGe)
	DefinePure("string-ci=?", 1, -1, StringCiEq)
	DefinePure("string-ci<?", 1, -1, StringCiLt)
	DefinePure("string-ci>?", 1, -1, StringCiGt)
	DefinePure("string-ci<=?", 1, -1, StringCiLe)
	DefinePure("string-ci>=?", 1, -1, StringCiGe)
	DefinePure("string-upcase", 1, 1, StringUpcase)
	DefinePure("string-downcase", 1, 1, StringDowncase)
	DefinePure("string-foldcase", 1, 1, StringFoldcase)
	DefinePure("substring", 2, 3, Substring)
	DefinePure("string-append", 0, -1, StringAppend)
	DefinePure("string->list", 1, 3, StringToList)
	DefinePure("list->string", 1, 1, ListToString)
	DefinePure("string-copy", 1, 3, StringCopy)
	Define("string-copy!", 3, 5, StringCopyTo)
	Define("string-fill!", 2, 4, StringFill)
	Define("string-map", 2, -1, StringMap)
	Define("string-for-each", 2, -1, StringForEach)
	DefinePure("symbol->string", 1, 1, SymbolToString)
	DefinePure("string->symbol", 1, 1, StringToSymbol)
	DefinePure("symbol=?", 1, -1, SymbolEq)
	DefinePure("string->utf8", 1, 3, StringToUTF8)
	DefinePure("utf8->string", 1, 3, UTF8ToString)
}
