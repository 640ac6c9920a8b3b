package parse

import (
	"errors"
	"io"
	"math"
	"math/big"
	"strconv"
	"strings"
	"testing"
)

// readOne reads src, which must hold exactly one datum.
func readOne(t *testing.T, src string) Datum {
	t.Helper()
	ds, err := ReadAll("t.scm", src)
	if err != nil {
		t.Fatalf("ReadAll(%q): %v", src, err)
	}
	if len(ds) != 1 {
		t.Fatalf("ReadAll(%q): got %d datums, want 1", src, len(ds))
	}
	return ds[0]
}

// TestReadPrint reads each input and checks the written form of every datum.
func TestReadPrint(t *testing.T) {
	tests := []struct{ in, want string }{
		// booleans
		{"#t #f #true #false #T #FALSE", "#t #f #t #f #t #f"},
		// identifiers
		{"abc ABC a.b! <=? ->x +.x + - ... .. .a a'b a,b λ", "abc ABC a.b! <=? ->x +.x + - ... .. .a a'b a,b λ"},
		{"1+ 1-", "1+ 1-"},
		{"+inf.0x +nan +i2 -ix", "+inf.0x +nan +i2 -ix"},
		{`|a b| |\x41;bc| |\t\n| |a\|b| |a\\b| || |abc| |1| |.| |#foo|`, `|a b| Abc |\t\n| |a\|b| |a\\b| || abc |1| |.| |#foo|`},
		{`|\x3bb;| |\a\b\r| |\"|`, `λ |\a\b\r| |"|`},
		{"a|b c|d", "a |b c| d"},
		{"#:key #:Key-2", "#:key #:Key-2"},
		// characters
		{`#\a #\A #\( #\) #\; #\" #\| #\# #\\`, `#\a #\A #\( #\) #\; #\" #\| #\# #\\`},
		{`#\  #\space #\newline #\tab #\nul #\null #\alarm #\backspace #\delete #\escape #\return`,
			`#\space #\space #\newline #\tab #\null #\null #\alarm #\backspace #\delete #\escape #\return`},
		{`#\x #\x41 #\X3BB #\x0 #\λ #\x7f`, `#\x #\A #\λ #\null #\λ #\delete`},
		{"#\\\u00a0 #\\x200b #\\x1", `#\xa0 #\x200b #\x1`},
		// strings
		{`"abc" "" "a\"b" "a\\b" "\a\b\t\n\r" "\x41;\x3bb;" "\|"`, `"abc" "" "a\"b" "a\\b" "\a\b\t\n\r" "Aλ" "|"`},
		{"\"line1\nline2\"", `"line1\nline2"`},
		{"\"a\\   \n   b\" \"a\\\n\tb\" \"a\\\r\n  b\" \"a\\\rb\"", `"ab" "ab" "ab" "ab"`},
		{"\"\x01\u200b\"", `"\x1;\x200b;"`},
		// lists
		{"() (a) (a b c) (a . b) (a b . c) (a . (b c)) (a . ()) ((a) (b))", "() (a) (a b c) (a . b) (a b . c) (a b c) (a) ((a) (b))"},
		{"[a b] ([a] . [b])", "(a b) ((a) b)"},
		{"'a `a ,a ,@a 'a' '(quote a) , a ,@ a", "'a `a ,a ,@a 'a' ''a ,a ,@a"},
		{"(quote) (quote a b) (quote . a) (unquote @x) (unquote-splicing @x)", "(quote) (quote a b) (quote . a) , @x ,@@x"},
		// vectors and bytevectors
		{"#() #(1 #(2) (3)) #u8() #u8(0 1 255) #U8(7)", "#() #(1 #(2) (3)) #u8() #u8(0 1 255) #u8(7)"},
		// SRFI 4 homogeneous vectors
		{"#s8(-128 127) #u16(0 65535) #S16(-1) #u32(4294967295) #s32() #u64(18446744073709551615 0)",
			"#s8(-128 127) #u16(0 65535) #s16(-1) #u32(4294967295) #s32() #u64(18446744073709551615 0)"},
		{"#s64(-9223372036854775808) #f32(1 0.5 1/2) #F64(1.5 -inf.0 +nan.0 #e1) #f64()",
			"#s64(-9223372036854775808) #f32(1 0.5 1/2) #f64(1.5 -inf.0 +nan.0 1) #f64()"},
		{"#f #f(1) #F #false", "#f #f (1) #f #f"},
		// comments
		{"a ; comment\nb", "a b"},
		{"#| block |# a #| nested #| inner |# still |# b #|x||# c #||||# d", "a b c d"},
		{"#;a b", "b"},
		{"#; #; a b c", "c"},
		{"(a #;b c #;(d e) #;#;f g)", "(a c)"},
		{"(a . #;b c)", "(a . c)"},
		{"(a . b #;c)", "(a . b)"},
		{"#;\n ; x\n #| y |# a b", "b"},
		// directives
		{"#!fold-case ABC #\\SPACE #\\A |Foo| #:KEY #!no-fold-case ABC", "abc #\\space #\\A Foo #:key ABC"},
		{"#!/usr/bin/env -S lambdustc run\n(display 1)", "(display 1)"},
		{"#! shebang line\na", "a"},
		// labels
		{"#0=(a b . #0#)", "#0=(a b . #0#)"},
		{"(#0=(x) #0# #1=#(#1#) #1#)", "(#0=(x) #0# #1=#(#1#) #1#)"},
		{"(#7=(x) #7# #3=#(#3#) #3#)", "(#0=(x) #0# #1=#(#1#) #1#)"},
		{"#0=(a #1=(b #0# #1#))", "#0=(a #1=(b #0# #1#))"},
		{"(#5=a #5#)", "(a a)"},
		{"#0=#(#0# 1)", "#0=#(#0# 1)"},
		{"#1=(#0=#1#)", "#0=(#0#)"},
		{"(x . #0=(a . #0#))", "(x . #0=(a . #0#))"},
		{"#0='#0#", "#0='#0#"},
	}
	for _, tt := range tests {
		ds, err := ReadAll("t.scm", tt.in)
		if err != nil {
			t.Errorf("ReadAll(%q): %v", tt.in, err)
			continue
		}
		var out []string
		for _, d := range ds {
			out = append(out, Print(d))
		}
		if got := strings.Join(out, " "); got != tt.want {
			t.Errorf("ReadAll(%q) prints %q, want %q", tt.in, got, tt.want)
		}
		for _, d := range ds {
			checkRoundTrip(t, d)
		}
	}
}

// checkRoundTrip checks that Print(d) reads back as a datum Equal to d and
// that printing is stable.
func checkRoundTrip(t *testing.T, d Datum) {
	t.Helper()
	s := Print(d)
	ds, err := ReadAll("p.scm", s)
	if err != nil {
		t.Errorf("Print gave %q which does not read: %v", s, err)
		return
	}
	if len(ds) != 1 {
		t.Errorf("Print gave %q which reads as %d datums", s, len(ds))
		return
	}
	if !Equal(d, ds[0]) {
		t.Errorf("Print gave %q which reads back as %q, not Equal", s, Print(ds[0]))
	}
	if s2 := Print(ds[0]); s2 != s {
		t.Errorf("Print is not stable: %q then %q", s, s2)
	}
}

func TestNumbers(t *testing.T) {
	type want struct {
		kind string // Int BigInt Rat Real Complex
		v    string // Int/BigInt/Rat value, or float as %v via FormatFloat
		im   string
	}
	tests := []struct {
		in string
		want
	}{
		{"0", want{"Int", "0", ""}},
		{"-17", want{"Int", "-17", ""}},
		{"+17", want{"Int", "17", ""}},
		{"9223372036854775807", want{"Int", "9223372036854775807", ""}},
		{"-9223372036854775808", want{"Int", "-9223372036854775808", ""}},
		{"9223372036854775808", want{"BigInt", "9223372036854775808", ""}},
		{"-9223372036854775809", want{"BigInt", "-9223372036854775809", ""}},
		{"1/2", want{"Rat", "1/2", ""}},
		{"-6/4", want{"Rat", "-3/2", ""}},
		{"4/2", want{"Int", "2", ""}},
		{"0/5", want{"Int", "0", ""}},
		{"#x10", want{"Int", "16", ""}},
		{"#XfF", want{"Int", "255", ""}},
		{"#x-a/c", want{"Rat", "-5/6", ""}},
		{"#o777", want{"Int", "511", ""}},
		{"#b-1010", want{"Int", "-10", ""}},
		{"#d99", want{"Int", "99", ""}},
		{"#e#x10", want{"Int", "16", ""}},
		{"#x#e10", want{"Int", "16", ""}},
		{"#i#x10", want{"Real", "16.0", ""}},
		{"#x#I10", want{"Real", "16.0", ""}},
		{"#xe", want{"Int", "14", ""}},
		{"#x1e2", want{"Int", "482", ""}},
		{"1.5", want{"Real", "1.5", ""}},
		{"1.", want{"Real", "1.0", ""}},
		{".5", want{"Real", "0.5", ""}},
		{"-.5", want{"Real", "-0.5", ""}},
		{"+.5", want{"Real", "0.5", ""}},
		{"-0.0", want{"Real", "-0.0", ""}},
		{"1e10", want{"Real", "10000000000.0", ""}},
		{"1E10", want{"Real", "10000000000.0", ""}},
		{"1.5e-3", want{"Real", "0.0015", ""}},
		{"1e+2", want{"Real", "100.0", ""}},
		{"1e400", want{"Real", "+inf.0", ""}},
		{"1e21", want{"Real", "1e21", ""}},
		{"1.5e-7", want{"Real", "0.00000015", ""}},
		{"1.5e-8", want{"Real", "1.5e-8", ""}},
		{"123456789012345678901234567890.", want{"Real", "1.2345678901234568e29", ""}},
		{"#e1.5", want{"Rat", "3/2", ""}},
		{"#e1.50", want{"Rat", "3/2", ""}},
		{"#e1e3", want{"Int", "1000", ""}},
		{"#e1.5e-3", want{"Rat", "3/2000", ""}},
		{"#e-.25", want{"Rat", "-1/4", ""}},
		{"#e1e20", want{"BigInt", "100000000000000000000", ""}},
		{"#i1/3", want{"Real", "0.3333333333333333", ""}},
		{"#i5", want{"Real", "5.0", ""}},
		{"#i-1/2", want{"Real", "-0.5", ""}},
		{"+inf.0", want{"Real", "+inf.0", ""}},
		{"-inf.0", want{"Real", "-inf.0", ""}},
		{"+nan.0", want{"Real", "+nan.0", ""}},
		{"-nan.0", want{"Real", "+nan.0", ""}},
		{"+INF.0", want{"Real", "+inf.0", ""}},
		{"#i+inf.0", want{"Real", "+inf.0", ""}},
		{"1+2i", want{"Complex", "1.0", "2.0"}},
		{"1-2i", want{"Complex", "1.0", "-2.0"}},
		{"-1.5+2.5i", want{"Complex", "-1.5", "2.5"}},
		{"+i", want{"Complex", "0.0", "1.0"}},
		{"-i", want{"Complex", "0.0", "-1.0"}},
		{"1+i", want{"Complex", "1.0", "1.0"}},
		{"1-i", want{"Complex", "1.0", "-1.0"}},
		{"-2.5i", want{"Complex", "0.0", "-2.5"}},
		{"+2i", want{"Complex", "0.0", "2.0"}},
		{"1/2+3/4i", want{"Complex", "0.5", "0.75"}},
		{"1e2+1e-2i", want{"Complex", "100.0", "0.01"}},
		{"+1e-2i", want{"Complex", "0.0", "0.01"}},
		{"1+inf.0i", want{"Complex", "1.0", "+inf.0"}},
		{"+inf.0-inf.0i", want{"Complex", "+inf.0", "-inf.0"}},
		{"+inf.0i", want{"Complex", "0.0", "+inf.0"}},
		{"-nan.0i", want{"Complex", "0.0", "+nan.0"}},
		{"#x1e+2i", want{"Complex", "30.0", "2.0"}},
		{"#e1.5+2i", want{"Complex", "1.5", "2.0"}},
		{"1+0i", want{"Int", "1", ""}},
		{"1.5+0i", want{"Real", "1.5", ""}},
		{"1+0.i", want{"Real", "1.0", ""}},
		{"-0i", want{"Int", "0", ""}},
		{"1@0", want{"Int", "1", ""}},
		{"2.5@0", want{"Real", "2.5", ""}},
		{"1@0.", want{"Real", "1.0", ""}},
		{"2@1", want{"Complex", FormatFloat(2 * math.Cos(1)), FormatFloat(2 * math.Sin(1))}},
		{"-1@-1", want{"Complex", FormatFloat(-math.Cos(-1)), FormatFloat(-math.Sin(-1))}},
	}
	for _, tt := range tests {
		d := readOne(t, tt.in)
		var kind, v, im string
		switch d := d.(type) {
		case *Int:
			kind, v = "Int", Print(d)
		case *BigInt:
			kind, v = "BigInt", Print(d)
		case *Rat:
			kind, v = "Rat", Print(d)
			if d.V.IsInt() {
				t.Errorf("%q: Rat with denominator 1", tt.in)
			}
		case *Real:
			kind, v = "Real", FormatFloat(d.V)
		case *Complex:
			kind, v, im = "Complex", FormatFloat(d.Re), FormatFloat(d.Im)
		default:
			kind = "not a number: " + Print(d)
		}
		if got := (want{kind, v, im}); got != tt.want {
			t.Errorf("%q: got %+v, want %+v", tt.in, got, tt.want)
		}
		if d.Pos() != (Pos{"t.scm", 1, 1}) {
			t.Errorf("%q: pos %v", tt.in, d.Pos())
		}
		checkRoundTrip(t, d)
	}
	// Big values keep their precision.
	d := readOne(t, "#x-123456789abcdef0123456789abcdef")
	wantBig, _ := new(big.Int).SetString("-123456789abcdef0123456789abcdef", 16)
	if b, ok := d.(*BigInt); !ok || b.V.Cmp(wantBig) != 0 {
		t.Errorf("big hex: got %s", Print(d))
	}
	d = readOne(t, "#e1e-400")
	if r, ok := d.(*Rat); !ok || r.V.Denom().String() != "1"+strings.Repeat("0", 400) {
		t.Errorf("#e1e-400: got %T", d)
	}
}

func TestErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{`"abc`, "t.scm:1:1: unterminated string"},
		{"(a\n  \"abc", "t.scm:2:3: unterminated string"},
		{`"abc\`, "t.scm:1:1: unterminated string"},
		{`"a\qb"`, `t.scm:1:3: unknown escape "\q" in string`},
		{`"a\x41"`, `t.scm:1:3: bad hex escape, expected \x<hex digits>;`},
		{`"a\x;"`, `t.scm:1:3: bad hex escape, expected \x<hex digits>;`},
		{`"a\xd800;"`, `t.scm:1:3: hex escape is not a Unicode scalar value`},
		{`"a\x110000;"`, `t.scm:1:3: hex escape is not a Unicode scalar value`},
		{`"a\xffffffffffffffffffff;"`, `t.scm:1:3: hex escape is not a Unicode scalar value`},
		{"\"a\\  b\"", `t.scm:1:3: bad line continuation in string, expected a line ending after '\'`},
		{`|abc`, "t.scm:1:1: unterminated |symbol|"},
		{`|a\qb|`, `t.scm:1:3: unknown escape "\q" in |symbol|`},
		{"(a b", "t.scm:1:1: unterminated list"},
		{"(a (b c)\n (d", "t.scm:2:2: unterminated list"},
		{"(a . b", "t.scm:1:1: unterminated list"},
		{"(a .", "t.scm:1:1: unterminated list"},
		{"#(a b", "t.scm:1:1: unterminated vector"},
		{"#u8(1 2", "t.scm:1:1: unterminated bytevector"},
		{")", "t.scm:1:1: unexpected ')'"},
		{"a ]", "t.scm:1:3: unexpected ']'"},
		{"(a]", "t.scm:1:3: mismatched ']', expected ')'"},
		{"[a)", "t.scm:1:3: mismatched ')', expected ']'"},
		{"#(a]", "t.scm:1:4: mismatched ']', expected ')'"},
		{"(a . b]", "t.scm:1:7: mismatched ']', expected ')'"},
		{"( . x)", "t.scm:1:3: unexpected '.'"},
		{"(a . b c)", "t.scm:1:8: expected ')' after the tail of a dotted list"},
		{"(a . b . c)", "t.scm:1:8: expected ')' after the tail of a dotted list"},
		{"(a .)", "t.scm:1:4: missing datum after '.'"},
		{"(a . . b)", "t.scm:1:6: unexpected '.'"},
		{".", "t.scm:1:1: unexpected '.'"},
		{"#(a . b)", "t.scm:1:5: unexpected '.' in vector"},
		{"'.", "t.scm:1:2: unexpected '.'"},
		{"(a ')", "t.scm:1:5: unexpected ')'"},
		{"'", "t.scm:1:1: missing datum after '"},
		{"(a ,@", "t.scm:1:4: missing datum after ,@"},
		{"#;", "t.scm:1:1: missing datum after #;"},
		{"(a #;)", "t.scm:1:6: unexpected ')'"},
		{"1/0", "t.scm:1:1: division by zero in number literal"},
		{"#x10/0", "t.scm:1:1: division by zero in number literal"},
		{"#x1g", `t.scm:1:1: bad number literal "#x1g"`},
		{"#x", `t.scm:1:1: bad number literal "#x"`},
		{"#e", `t.scm:1:1: bad number literal "#e"`},
		{"#x#x1", `t.scm:1:1: bad number literal "#x#x1"`},
		{"#e#i1", `t.scm:1:1: bad number literal "#e#i1"`},
		{"#x1.5", `t.scm:1:1: bad number literal "#x1.5"`},
		{"#b102", `t.scm:1:1: bad number literal "#b102"`},
		{"1.2.3", `t.scm:1:1: bad number literal "1.2.3"`},
		{"12abc", `t.scm:1:1: bad number literal "12abc"`},
		{"+5x", `t.scm:1:1: bad number literal "+5x"`},
		{"-.5x", `t.scm:1:1: bad number literal "-.5x"`},
		{".5.", `t.scm:1:1: bad number literal ".5."`},
		{"1e", `t.scm:1:1: bad number literal "1e"`},
		{"1/2/3", `t.scm:1:1: bad number literal "1/2/3"`},
		{"5i", `t.scm:1:1: bad number literal "5i"`},
		{"-1+", `t.scm:1:1: bad number literal "-1+"`},
		{"#e+inf.0", "t.scm:1:1: no exact representation for +inf.0"},
		{"#e+nan.0", "t.scm:1:1: no exact representation for +nan.0"},
		{"#e1e10000000", "t.scm:1:1: exponent too large in exact number literal"},
		{"#e1e10001", "t.scm:1:1: exponent too large in exact number literal"},
		{`#\foo`, `t.scm:1:1: unknown character name "#\foo"`},
		{`#\Space`, `t.scm:1:1: unknown character name "#\Space"`},
		{`#\xd800`, `t.scm:1:1: character "#\xd800" is not a Unicode scalar value`},
		{`#\`, `t.scm:1:1: unexpected end of input in character literal`},
		{"#u8(256)", "t.scm:1:5: bytevector element must be an exact integer between 0 and 255"},
		{"#u8(1 -1)", "t.scm:1:7: bytevector element must be an exact integer between 0 and 255"},
		{"#u8(1.0)", "t.scm:1:5: bytevector element must be an exact integer between 0 and 255"},
		{"#u8(a)", "t.scm:1:5: bytevector element must be an exact integer between 0 and 255"},
		{"#u9(1)", `t.scm:1:1: bad syntax "#u9", expected a vector prefix such as #u8( or #f64(`},
		{"#u8 (1)", "t.scm:1:1: bad syntax, expected '(' after #u8"},
		{"#f64", "t.scm:1:1: bad syntax, expected '(' after #f64"},
		{"#f65(1)", `t.scm:1:1: bad syntax "#f65"`},
		{"#s8(128)", "t.scm:1:5: s8vector element must be an exact integer between -128 and 127"},
		{"#u16(1 -1)", "t.scm:1:8: u16vector element must be an exact integer between 0 and 65535"},
		{"#u64(18446744073709551616)", "t.scm:1:6: u64vector element must be an exact integer between 0 and 18446744073709551615"},
		{"#u64(-1)", "t.scm:1:6: u64vector element must be an exact integer between 0 and 18446744073709551615"},
		{"#s64(9223372036854775808)", "t.scm:1:6: s64vector element must be an exact integer between -9223372036854775808 and 9223372036854775807"},
		{"#s32(1.0)", "t.scm:1:6: s32vector element must be an exact integer between -2147483648 and 2147483647"},
		{"#f #f(1) #f64(#f64(1))", "t.scm:1:15: f64vector element must be a real number"},
		{"#f32(a)", "t.scm:1:6: f32vector element must be a real number"},
		{"#f64(1+2i)", "t.scm:1:6: f64vector element must be a real number"},
		{"#f64(1 2", "t.scm:1:1: unterminated f64vector"},
		{"#0#", "t.scm:1:1: undefined datum label #0#"},
		{"(#0# #0=a)", "t.scm:1:2: undefined datum label #0#"},
		{"#0=a #0#", "t.scm:1:6: undefined datum label #0#"},
		{"#0=#0#", "t.scm:1:4: datum label #0# refers to itself"},
		{"(#0=a #0=b)", "t.scm:1:7: duplicate datum label #0="},
		{"#0=", "t.scm:1:1: missing datum after #0="},
		{"#12", "t.scm:1:1: bad datum label syntax, expected #n= or #n#"},
		{"#1234567890=a", "t.scm:1:1: datum label too large"},
		{"#!foo", `t.scm:1:1: unknown directive "#!foo"`},
		{"a #!/bin/sh", `t.scm:1:3: unknown directive "#!/bin/sh"`},
		{"a #! x", "t.scm:1:3: bad directive '#!'"},
		{"#|", "t.scm:1:1: unterminated block comment"},
		{"#| #| |#", "t.scm:1:1: unterminated block comment"},
		{"#", "t.scm:1:1: unexpected end of input after '#'"},
		{"#tru", `t.scm:1:1: bad syntax "#tru"`},
		{"#q", `t.scm:1:1: bad syntax "#q"`},
		{"# a", "t.scm:1:1: bad syntax '#'"},
		{"#:", "t.scm:1:1: empty keyword"},
		{"{a}", "t.scm:1:1: reserved character '{'"},
		{"a\n\tb )", "t.scm:2:4: unexpected ')'"},
		{"a\r\nb\r)", "t.scm:3:1: unexpected ')'"},
		{"λλ )", "t.scm:1:4: unexpected ')'"},
	}
	for _, tt := range tests {
		_, err := ReadAll("t.scm", tt.in)
		var el ErrorList
		if !errors.As(err, &el) || len(el) == 0 {
			t.Errorf("ReadAll(%q): err = %v, want ErrorList", tt.in, err)
			continue
		}
		if got := el[0].Error(); got != tt.want {
			t.Errorf("ReadAll(%q):\n got  %s\n want %s", tt.in, got, tt.want)
		}
		// Read reports the same first error as an *Error.
		r := NewReaderString("t.scm", tt.in)
		var rerr error
		for rerr == nil {
			_, rerr = r.Read()
		}
		var e *Error
		if !errors.As(rerr, &e) || e.Error() != tt.want {
			t.Errorf("Read(%q): got %v, want %s", tt.in, rerr, tt.want)
		}
	}
}

func TestPositions(t *testing.T) {
	src := "; header\n(define (f x)\n  'x\n\t(g \"s\" #\\a . #(1 `y)))\n  #0=(a . #0#) |sym|"
	ds, err := ReadAll("t.scm", src)
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != 3 {
		t.Fatalf("got %d datums", len(ds))
	}
	pos := func(d Datum) [2]int32 { p := d.Pos(); return [2]int32{p.Line, p.Col} }
	check := func(what string, d Datum, line, col int32) {
		t.Helper()
		if d.Pos().File != "t.scm" {
			t.Errorf("%s: file %q", what, d.Pos().File)
		}
		if got := pos(d); got != [2]int32{line, col} {
			t.Errorf("%s (%s): at %d:%d, want %d:%d", what, Print(d), got[0], got[1], line, col)
		}
	}
	def := ds[0].(*List)
	check("define form", def, 2, 1)
	check("define", def.Elems[0], 2, 2)
	head := def.Elems[1].(*List)
	check("(f x)", head, 2, 9)
	check("f", head.Elems[0], 2, 10)
	check("x", head.Elems[1], 2, 12)
	q := def.Elems[2].(*List)
	check("'x", q, 3, 3)
	check("quote symbol", q.Elems[0], 3, 3)
	check("quoted x", q.Elems[1], 3, 4)
	g := def.Elems[3].(*List)
	check("(g ...)", g, 4, 2)
	check("g", g.Elems[0], 4, 3)
	check("string", g.Elems[1], 4, 5)
	check("char", g.Elems[2], 4, 9)
	vec := g.Tail.(*Vector)
	check("vector", vec, 4, 15)
	check("1", vec.Elems[0], 4, 17)
	qq := vec.Elems[1].(*List)
	check("`y", qq, 4, 19)
	check("quasiquote symbol", qq.Elems[0], 4, 19)
	check("y", qq.Elems[1], 4, 20)
	cyc := ds[1].(*List)
	check("labelled list", cyc, 5, 6)
	check("a", cyc.Elems[0], 5, 7)
	ref := cyc.Tail.(*Ref)
	check("ref", ref, 5, 11)
	if ref.Target != cyc || ref.Label != 0 {
		t.Errorf("ref target %p label %d, want %p", ref.Target, ref.Label, cyc)
	}
	check("|sym|", ds[2], 5, 16)
}

func TestCycles(t *testing.T) {
	d := readOne(t, "#0=(a b . #0#)")
	l := d.(*List)
	if len(l.Elems) != 2 || l.Tail.(*Ref).Target != l {
		t.Fatalf("bad cycle: %#v", l)
	}
	// Longer unrolling of the same cycle is Equal.
	if !Equal(d, readOne(t, "(a b . #0=(a b . #0#))")) {
		t.Error("unrolled cycle not Equal")
	}
	if !Equal(d, readOne(t, "#0=(a b a b . #0#)")) {
		t.Error("doubled cycle not Equal")
	}
	if Equal(d, readOne(t, "#0=(a b a . #0#)")) {
		t.Error("different cycles Equal")
	}
	v := readOne(t, "#0=#(1 #0#)").(*Vector)
	if v.Elems[1].(*Ref).Target != v {
		t.Error("vector cycle")
	}
	// #1=(#0=#1#): #0 names the same list as #1.
	l = readOne(t, "#1=(#0=#1# #0#)").(*List)
	if l.Elems[0].(*Ref).Target != l || l.Elems[1].(*Ref).Target != l {
		t.Error("label chain not resolved")
	}
	// Labels are scoped per top-level datum.
	if _, err := ReadAll("t.scm", "#0=a #0#"); err == nil {
		t.Error("label leaked across datums")
	}
	// Labels may be reused in the next datum.
	if _, err := ReadAll("t.scm", "#0=(a) #0=(b #0#)"); err != nil {
		t.Error(err)
	}
}

func TestEqual(t *testing.T) {
	eq := []struct{ a, b string }{
		{"(a b c)", "(a . (b . (c . ())))"},
		{"(1 2.5 \"s\" #\\a #(x) #u8(1))", "(1 2.5 \"s\" #\\a #(x) #u8(1))"},
		{"+nan.0", "-nan.0"},
		{"(#0=(x) #0#)", "((x) (x))"},
		{"#0=(a . #0#)", "#0=(a a . #0#)"},
		{"#0=#(#0#)", "#0=#(#1=#(#1#))"},
		{"#:a", "#:a"},
		{"#f64(1 2.5)", "#f64(1 2.5)"},
		{"#u64(18446744073709551615)", "#u64(18446744073709551615)"},
	}
	for _, tt := range eq {
		if !Equal(readOne(t, tt.a), readOne(t, tt.b)) {
			t.Errorf("Equal(%s, %s) = false", tt.a, tt.b)
		}
	}
	ne := []struct{ a, b string }{
		{"(a b c)", "(a b)"},
		{"(a b)", "(a b . c)"},
		{"1", "1.0"},
		{"0.0", "-0.0"},
		{"a", "|A|"},
		{"a", "\"a\""},
		{"#:a", "a"},
		{"#(a)", "(a)"},
		{"#u8(1)", "#u8(2)"},
		{"#f64(1)", "#f64(2)"},
		{"#f64(1)", "#f32(1)"},
		{"#s8(1)", "#u8(1)"},
		{"#s8(1)", "#(1)"},
		{"#f64(1)", "#f64(1 1)"},
		{"#f64(1)", "#f64(1.0)"},
		{"#0=(a . #0#)", "#0=(a b . #0#)"},
		{"#0=#(#0#)", "#(#())"},
		{"1+2i", "1+3i"},
		{"#\\a", "#\\b"},
	}
	for _, tt := range ne {
		if Equal(readOne(t, tt.a), readOne(t, tt.b)) {
			t.Errorf("Equal(%s, %s) = true", tt.a, tt.b)
		}
	}
	// Exact numbers compare by value across representations.
	if !Equal(&Int{V: 2}, &Rat{V: big.NewRat(4, 2)}) || !Equal(&BigInt{V: big.NewInt(3)}, &Int{V: 3}) {
		t.Error("exact numbers by value")
	}
	if !Equal(nil, nil) || Equal(nil, &Int{}) {
		t.Error("nil handling")
	}
}

// TestPrintConstructed prints datums built by hand rather than read.
func TestPrintConstructed(t *testing.T) {
	sym := func(s string) Datum { return &Symbol{Name: s} }
	l := &List{Elems: []Datum{sym("a")}}
	l.Tail = &Ref{Target: l}
	shared := &List{Elems: []Datum{sym("x")}}
	tests := []struct {
		d    Datum
		want string
	}{
		{l, "#0=(a . #0#)"},
		{&List{Elems: []Datum{&Ref{Target: shared}, &Ref{Target: shared}}}, "(#0=(x) #0#)"},
		{&List{Elems: []Datum{shared, &Ref{Target: shared}}}, "(#0=(x) #0#)"},
		{&List{Elems: []Datum{&Ref{Target: sym("s")}}}, "(s)"},
		{sym(""), "||"},
		{sym("a b"), "|a b|"},
		{sym("1"), "|1|"},
		{sym("1+"), "1+"},
		{sym("1a"), "|1a|"},
		{sym("+i"), "|+i|"},
		{sym("-inf.0"), "|-inf.0|"},
		{sym("."), "|.|"},
		{sym("'a"), "|'a|"},
		{sym("a'"), "a'"},
		{sym("#t"), "|#t|"},
		{sym("a\\b"), `|a\\b|`},
		{sym("(x)"), "|(x)|"},
		{sym("a\x00b"), `|a\x0;b|`},
		{&String{V: "\x7f\u00a0 é"}, "\"\\x7f;\u00a0 é\""},
		{&Char{V: 0x7f}, `#\delete`},
		{&Char{V: 0xa0}, `#\xa0`},
		{&Char{V: 0x10ffff}, `#\x10ffff`},
		{&Real{V: 1e100}, "1e100"},
		{&Real{V: 1.5e-300}, "1.5e-300"},
		{&Real{V: 5e-324}, "5e-324"},
		{&Real{V: 123.456}, "123.456"},
		{&Real{V: 1e20}, "100000000000000000000.0"},
		{&Real{V: math.MaxFloat64}, "1.7976931348623157e308"},
		{&Complex{Re: -0.5, Im: math.Inf(1)}, "-0.5+inf.0i"},
		{&Complex{Re: math.NaN(), Im: -1e-10}, "+nan.0-1e-10i"},
		{&BigInt{V: new(big.Int).Lsh(big.NewInt(1), 100)}, "1267650600228229401496703205376"},
		{&Rat{V: big.NewRat(-7, 3)}, "-7/3"},
		{&Bytevector{V: []byte{0, 255}}, "#u8(0 255)"},
		{&NumVector{Tag: "f64", Elems: []Datum{&Real{V: 1}, &Int{V: -2}}}, "#f64(1.0 -2)"},
		{&NumVector{Tag: "s16", Elems: []Datum{}}, "#s16()"},
		{&Keyword{Name: "k"}, "#:k"},
		{&List{Elems: []Datum{sym("quote"), sym("x")}, Tail: sym("y")}, "(quote x . y)"},
		{&List{Elems: []Datum{sym("a")}, Tail: &List{Elems: []Datum{sym("b")}, Tail: sym("c")}}, "(a b . c)"},
		{&List{Elems: []Datum{sym("a")}, Tail: &List{}}, "(a)"},
	}
	for _, tt := range tests {
		if got := Print(tt.d); got != tt.want {
			t.Errorf("Print = %q, want %q", got, tt.want)
		}
		checkRoundTrip(t, tt.d)
	}
}

// oneUnread is a RuneScanner that fails the test if the reader unreads more
// than the last rune.
type oneUnread struct {
	t  *testing.T
	r  *strings.Reader
	ok bool
}

func (s *oneUnread) ReadRune() (rune, int, error) {
	c, n, err := s.r.ReadRune()
	s.ok = err == nil
	return c, n, err
}

func (s *oneUnread) UnreadRune() error {
	if !s.ok {
		s.t.Fatal("UnreadRune without a preceding ReadRune")
	}
	s.ok = false
	return s.r.UnreadRune()
}

// TestPortStaysReadable checks that Read stops right after each datum.
func TestPortStaysReadable(t *testing.T) {
	tests := []struct {
		src  string
		rest []string // what remains after each Read
	}{
		{"(a b) c", []string{" c", ""}},
		{"abc def", []string{" def", ""}},
		{"abc(x)", []string{"(x)", ""}},
		{"\"s\"x", []string{"x", ""}},
		{"|s|x", []string{"x", ""}},
		{"#\\a b", []string{" b", ""}},
		{"#\\(x", []string{"x", ""}},
		{"#\\space(x)", []string{"(x)", ""}},
		{"12;c\n", []string{";c\n"}},
		{"'a\n'b", []string{"\n'b", ""}},
		{",a", []string{""}},
		{"#t#f", nil}, // #t#f is one bad token
		{"#;a b c", []string{" c", ""}},
		{"#u8(1)#(2)", []string{"#(2)", ""}},
		{"1.5 ", []string{" "}},
	}
	for _, tt := range tests {
		sr := strings.NewReader(tt.src)
		r := NewReader("t.scm", &oneUnread{t: t, r: sr})
		for i, want := range tt.rest {
			if _, err := r.Read(); err != nil {
				t.Errorf("%q: read %d: %v", tt.src, i, err)
				break
			}
			rest, _ := io.ReadAll(strings.NewReader(tt.src[len(tt.src)-sr.Len():]))
			if string(rest) != want {
				t.Errorf("%q: after read %d rest is %q, want %q", tt.src, i, rest, want)
			}
		}
		if tt.rest != nil {
			if _, err := r.Read(); err != io.EOF {
				t.Errorf("%q: final Read: %v, want io.EOF", tt.src, err)
			}
		}
	}
}

func TestReadEOF(t *testing.T) {
	for _, src := range []string{"", "   ", "; c", "#| c |#", "#;a", "#!fold-case", "\n\n"} {
		r := NewReaderString("t.scm", src)
		if d, err := r.Read(); err != io.EOF {
			t.Errorf("%q: got %v, %v; want io.EOF", src, d, err)
		}
		if _, err := r.Read(); err != io.EOF {
			t.Errorf("%q: second Read: %v", src, err)
		}
	}
}

type failingScanner struct{ *strings.Reader }

func (f failingScanner) ReadRune() (rune, int, error) {
	if f.Len() == 0 {
		return 0, 0, errors.New("disk on fire")
	}
	return f.Reader.ReadRune()
}

func TestReadIOError(t *testing.T) {
	r := NewReader("t.scm", failingScanner{strings.NewReader("(a b")})
	_, err := r.Read()
	var e *Error
	if !errors.As(err, &e) || e.Msg != "read error: disk on fire" {
		t.Errorf("got %v", err)
	}
}

func TestFoldCase(t *testing.T) {
	r := NewReaderString("t.scm", "ABC #\\NEWLINE Straße ΣΑΣ")
	r.SetFoldCase(true)
	var got []string
	for {
		d, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, Print(d))
	}
	if s := strings.Join(got, " "); s != "abc #\\newline straße σασ" {
		t.Errorf("got %q", s)
	}
	if !r.FoldCase() {
		t.Error("FoldCase() = false")
	}
}

func TestDeepNesting(t *testing.T) {
	for _, tt := range []struct {
		name, src string
		col       int32
	}{
		{"parens", strings.Repeat("(", 200000), MaxDepth + 1},
		{"vectors", strings.Repeat("#(", 200000), 2*MaxDepth + 1},
		{"quotes", strings.Repeat("'", 200000) + "a", MaxDepth + 1},
		{"datum comments", strings.Repeat("#;", 200000) + "a", 2*MaxDepth + 1},
		{"labels", func() string {
			var b strings.Builder
			for i := 0; i < 20000; i++ {
				b.WriteString("#" + strconv.Itoa(i%10) + strconv.Itoa(i) + "=")
			}
			return b.String()
		}(), 0},
	} {
		_, err := ReadAll("t.scm", tt.src)
		var el ErrorList
		if !errors.As(err, &el) || el[0].Msg != "nesting too deep" {
			t.Errorf("%s: got %v", tt.name, err)
			continue
		}
		if tt.col != 0 && el[0].Pos.Col != tt.col {
			t.Errorf("%s: error at col %d, want %d", tt.name, el[0].Pos.Col, tt.col)
		}
	}
	// Just below the limit works, and Print/Equal cope.
	src := strings.Repeat("(", MaxDepth) + strings.Repeat(")", MaxDepth)
	d := readOne(t, src)
	if Print(d) != src || !Equal(d, readOne(t, src)) {
		t.Error("deep list round trip")
	}
	// Long lists are not nesting.
	long := "(" + strings.Repeat("a ", 100000) + ")"
	if l := readOne(t, long).(*List); len(l.Elems) != 100000 {
		t.Error("long list")
	}
}

func TestReadAllRecovers(t *testing.T) {
	src := "(good 1)\n(bad \"x\\q\")\n(good 2)\n(also bad .)\n(good 3)"
	ds, err := ReadAll("t.scm", src)
	var el ErrorList
	if !errors.As(err, &el) {
		t.Fatalf("got %v", err)
	}
	want := "t.scm:2:8: unknown escape \"\\q\" in string\nt.scm:4:11: missing datum after '.'"
	if el.Error() != want {
		t.Errorf("errors:\n%s\nwant:\n%s", el.Error(), want)
	}
	var got []string
	for _, d := range ds {
		got = append(got, Print(d))
	}
	if s := strings.Join(got, " "); s != "(good 1) (good 2) (good 3)" {
		t.Errorf("datums: %s", s)
	}
	if len(el.Unwrap()) != 2 {
		t.Error("Unwrap")
	}
}
