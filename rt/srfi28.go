package rt

import "strings"

// This file defines SRFI 28 (basic format strings): (format format-string
// obj ...) returns a string in which ~a is replaced by the next object as
// display writes it, ~s by the next object as write writes it, ~% by a
// newline and ~~ by a tilde. Only the SRFI's signature is accepted: the
// first argument must be the format string (no destination port).
//
// A directive other than these four, a format string ending in a lone ~,
// too few objects for the directives, and objects left over are all
// errors, since each almost certainly means the format string and the
// arguments disagree.

// Format is (format format-string obj ...).
func Format(t *Thread, args []Value) Value {
	fs := strArg(t, "format", args[0])
	objs := args[1:]
	var b strings.Builder
	next := 0
	for i := 0; i < len(fs); i++ {
		c := fs[i]
		if c != '~' {
			b.WriteRune(c)
			continue
		}
		if i++; i == len(fs) {
			t.Errorf("format", "format string %s ends in a lone ~", WriteString(args[0]))
		}
		switch d := fs[i]; d {
		case 'a', 's':
			if next == len(objs) {
				t.Errorf("format", "too few arguments for format string %s", WriteString(args[0]))
			}
			if d == 'a' {
				b.WriteString(DisplayString(objs[next]))
			} else {
				b.WriteString(WriteString(objs[next]))
			}
			next++
		case '%':
			b.WriteByte('\n')
		case '~':
			b.WriteByte('~')
		default:
			t.Errorf("format", "unknown directive ~%c in format string %s (SRFI 28 has ~a ~s ~%% ~~)", d, WriteString(args[0]))
		}
	}
	if n := len(objs) - next; n == 1 {
		t.Errorf("format", "1 unused argument for format string %s", WriteString(args[0]))
	} else if n > 1 {
		t.Errorf("format", "%d unused arguments for format string %s", n, WriteString(args[0]))
	}
	return Str(b.String())
}

func init() {
	Define("format", 1, -1, Format)
	RegisterLibrary("(srfi 28)", "format")
}
