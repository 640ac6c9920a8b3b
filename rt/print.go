package rt

import (
	"math"
	"strconv"
	"strings"
	"unicode"
)

// WriteString returns the external representation of v as write produces it,
// with datum labels for cycles (write.go), so it terminates on any value.
func WriteString(v Value) string {
	var b strings.Builder
	printLabeled(&b, v, true, labelCycles)
	return b.String()
}

// DisplayString returns v as display prints it, with datum labels for
// cycles.
func DisplayString(v Value) string {
	var b strings.Builder
	printLabeled(&b, v, false, labelCycles)
	return b.String()
}

// charNames are the R7RS character names, used by write.
var charNames = map[rune]string{
	0x07: "alarm", 0x08: "backspace", 0x7f: "delete", 0x1b: "escape",
	'\n': "newline", 0: "null", '\r': "return", ' ': "space", '\t': "tab",
}

// printValue writes v to b. Lists are walked iteratively along the cdr, so
// long lists do not deepen the Go stack.
func printValue(b *strings.Builder, v Value, write bool) {
	switch {
	case v.IsFixnum():
		b.WriteString(strconv.FormatInt(v.Int(), 10))
	case v.IsFlonum():
		b.WriteString(FormatFlonum(v.Float()))
	case v.IsChar():
		r := v.Rune()
		if !write {
			b.WriteRune(r)
		} else if name, ok := charNames[r]; ok {
			b.WriteString(`#\` + name)
		} else if unicode.IsPrint(r) {
			b.WriteString(`#\`)
			b.WriteRune(r)
		} else {
			b.WriteString(`#\x` + strconv.FormatInt(int64(r), 16))
		}
	case v.IsBool():
		if v.IsTrue() {
			b.WriteString("#t")
		} else {
			b.WriteString("#f")
		}
	case v.IsNull():
		b.WriteString("()")
	case v.IsUnspec():
		// R7RS leaves the printed form open; most systems print nothing
		// useful, we make it visible.
		b.WriteString("#<unspecified>")
	case v.IsEOF():
		b.WriteString("#<eof>")
	case v.IsDefault():
		b.WriteString("#<default>")
	case v.IsUnbound():
		b.WriteString("#<unbound>")
	default:
		printHeap(b, v, write)
	}
}

func printHeap(b *strings.Builder, v Value, write bool) {
	switch v.n {
	case TPair, TVector:
		// Compound data goes through the label-aware printer (write.go).
		printLabeled(b, v, write, labelCycles)
	case TString:
		if write {
			writeStringLit(b, v.Str().R)
		} else {
			b.WriteString(string(v.Str().R))
		}
	case TSymbol:
		if write {
			b.WriteString(writeSymbolName(v.Sym().Name))
		} else {
			b.WriteString(v.Sym().Name)
		}
	case TBignum:
		b.WriteString(v.Big().String())
	case TRatnum:
		b.WriteString(v.Rat().RatString())
	case TBytevector:
		b.WriteString("#u8(")
		for i, x := range v.Bytes().B {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(strconv.Itoa(int(x)))
		}
		b.WriteByte(')')
	case TProc:
		if n := v.Proc().Name; n != "" {
			b.WriteString("#<procedure " + n + ">")
		} else {
			b.WriteString("#<procedure>")
		}
	case TCondition:
		b.WriteString("#<error " + strconv.Quote(v.Cond().Text()) + ">")
	case TValues:
		for i, x := range ValuesOf(v) {
			if i > 0 {
				b.WriteByte(' ')
			}
			printValue(b, x, write)
		}
	case TForeign:
		b.WriteString("#<" + v.Foreign().Kind + ">")
	default:
		if p, ok := printers[v.n]; ok {
			p(b, v, write)
			return
		}
		b.WriteString("#<object>")
	}
}

// printers lets runtime files that add heap types register how they print.
var printers = map[uint64]func(b *strings.Builder, v Value, write bool){}

// RegisterPrinter sets the printer for heap type code t. Call it from init.
func RegisterPrinter(t uint64, f func(b *strings.Builder, v Value, write bool)) {
	printers[t] = f
}

func writeStringLit(b *strings.Builder, rs []rune) {
	b.WriteByte('"')
	for _, r := range rs {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		case 0x07:
			b.WriteString(`\a`)
		case 0x08:
			b.WriteString(`\b`)
		default:
			if unicode.IsPrint(r) || r == ' ' {
				b.WriteRune(r)
			} else {
				b.WriteString(`\x` + strconv.FormatInt(int64(r), 16) + ";")
			}
		}
	}
	b.WriteByte('"')
}

// writeSymbolName returns name, in |...| when it would not read back as
// the same symbol.
func writeSymbolName(name string) string {
	if symbolNeedsBars(name) {
		var b strings.Builder
		b.WriteByte('|')
		for _, r := range name {
			switch {
			case r == '|' || r == '\\':
				b.WriteByte('\\')
				b.WriteRune(r)
			case !unicode.IsPrint(r):
				b.WriteString(`\x` + strconv.FormatInt(int64(r), 16) + ";")
			default:
				b.WriteRune(r)
			}
		}
		b.WriteByte('|')
		return b.String()
	}
	return name
}

func symbolNeedsBars(name string) bool {
	if name == "" {
		return true
	}
	for _, r := range name {
		if unicode.IsSpace(r) || strings.ContainsRune("()\"';`,|#", r) || !unicode.IsPrint(r) {
			return true
		}
		if unicode.IsUpper(r) {
			// Would read back folded under #!fold-case; keep it plain
			// otherwise, as R7RS is case-sensitive.
			continue
		}
	}
	if _, err := strconv.ParseFloat(name, 64); err == nil {
		return true
	}
	if name == "." {
		return true
	}
	if c := name[0]; c >= '0' && c <= '9' {
		return true
	}
	return false
}

// FormatFlonum prints f in the shortest form that reads back as the same
// flonum, always marked inexact (a '.', an exponent, or inf/nan).
func FormatFlonum(f float64) string {
	switch {
	case math.IsNaN(f):
		return "+nan.0"
	case math.IsInf(f, 1):
		return "+inf.0"
	case math.IsInf(f, -1):
		return "-inf.0"
	}
	// Positional notation in the range most Schemes use it; exponent
	// notation only for very large or very small magnitudes.
	if a := math.Abs(f); a == 0 || (a >= 1e-7 && a < 1e21) {
		s := strconv.FormatFloat(f, 'f', -1, 64)
		if !strings.Contains(s, ".") {
			s += ".0"
		}
		return s
	}
	s := strconv.FormatFloat(f, 'g', -1, 64)
	if i := strings.IndexByte(s, 'e'); i >= 0 {
		mant, exp := s[:i], s[i+1:]
		exp = strings.TrimPrefix(exp, "+")
		neg := strings.HasPrefix(exp, "-")
		exp = strings.TrimLeft(strings.TrimPrefix(exp, "-"), "0")
		if neg {
			exp = "-" + exp
		}
		return mant + "e" + exp
	}
	if !strings.ContainsAny(s, ".") {
		s += ".0"
	}
	return s
}
