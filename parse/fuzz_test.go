package parse

import (
	"errors"
	"io"
	"strings"
	"testing"
)

var fuzzSeeds = []string{
	"",
	"(define (f x) (* x 2))",
	"#!/usr/bin/env -S lambdustc run\n(display \"hi\")\n",
	"(a b . c) (a . (b c)) [a b] #(1 2 3) #u8(0 255)",
	"'a `(a ,b ,@c) (quote) (unquote @x)",
	"|a b| |\\x41;| |a\\|b| || + - ... ->x +.x 1+ 1- a'b",
	"#t #f #true #false #:key",
	"#\\a #\\space #\\x41 #\\x #\\( #\\) #\\λ #\\nul",
	"\"abc\\n\\t\\\\\\\"\\x3bb;\" \"a\\  \n  b\"",
	"0 -17 1/2 4/2 #x-ff #b101 #o17 #e1.5 #i1/3 1e10 .5 -0.0 1.5e-3 #e1e-5",
	"+inf.0 -inf.0 +nan.0 1+2i -i +i 1@1 1+0i #x1e+2i 1e400 +inf.0i",
	"99999999999999999999999 #e#x10 #x#i10",
	"; comment\n#| nested #| block |# |# #;(skipped) #; #; a b c",
	"#!fold-case ABC #\\SPACE #!no-fold-case ABC",
	"#0=(a b . #0#) (#1=(x) #1#) #2=#(#2#) #3=(#4=#3# #4#)",
	"(x . #0=(a . #0#))",
	"\"abc", "(a", ")", "( . x)", "(a . b c)", "(a .)", "1/0", "#x1g", "#\\foo",
	"#u8(256)", "#0#", "#0=#0#", "(1 2]", "1.2.3", "#e+inf.0", "#|", "#;", "'",
	"#\\xd800 \"\\xd800;\" #e1e99999", "\r\n(a\r\nb)\r", "\x00\x01 \xff\xfe",
	"(((((((((((((((((((((((((((((((((((((((((((a)))))))))))))))))))))))))))))))))))))))))))",
	"#e1.5+2i 1/2+3/4i -1@-1 #i#d1",
	"#s8(-128 127) #u16(1) #s16() #u32(7) #s32(-7) #u64(18446744073709551615) #s64(-1)",
	"#f32(1 0.5 1/3 -inf.0) #F64(+nan.0 -0.0 #e1.5 1e300) #f64(#f64()) #f64(a) #s8(128) #f6(",
}

func FuzzRead(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		ds, err := ReadAll("f.scm", src)
		if err != nil {
			var el ErrorList
			if !errors.As(err, &el) || len(el) == 0 {
				t.Fatalf("ReadAll error %v is not a non-empty ErrorList", err)
			}
			for _, e := range el {
				if e.Pos.Line < 1 || e.Pos.Col < 1 || e.Pos.File != "f.scm" || e.Msg == "" {
					t.Fatalf("bad error %#v", e)
				}
			}
		} else {
			// Reading one datum at a time from a port gives the same
			// datums and never unreads more than one rune.
			r := NewReader("f.scm", &oneUnread{t: t, r: strings.NewReader(src)})
			for i := 0; ; i++ {
				d, err := r.Read()
				if err == io.EOF {
					if i != len(ds) {
						t.Fatalf("Reader read %d datums, ReadAll %d", i, len(ds))
					}
					break
				}
				if err != nil {
					t.Fatalf("Reader: %v, ReadAll succeeded", err)
				}
				if i >= len(ds) || !Equal(d, ds[i]) || d.Pos() != ds[i].Pos() {
					t.Fatalf("Reader datum %d differs from ReadAll", i)
				}
			}
		}
		for _, d := range ds {
			if !d.Pos().IsKnown() {
				t.Fatalf("datum %s has no position", Print(d))
			}
			s := Print(d)
			back, err := ReadAll("p.scm", s)
			if err != nil {
				t.Fatalf("Print gave %q which does not read: %v", s, err)
			}
			if len(back) != 1 {
				t.Fatalf("Print gave %q which reads as %d datums", s, len(back))
			}
			if !Equal(d, back[0]) {
				t.Fatalf("Print gave %q which reads back as %q, not Equal", s, Print(back[0]))
			}
			if s2 := Print(back[0]); s2 != s {
				t.Fatalf("Print not stable: %q then %q", s, s2)
			}
		}
	})
}
