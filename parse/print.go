package parse

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Print returns the external representation of d in the style of write:
// strings and |symbols| are escaped, characters use #\ names, inexact
// numbers always show a decimal point or exponent, and reading the result
// gives a datum Equal to d.
//
// Lists and vectors that are the target of a Ref are written with datum
// labels (#0=... and #0#), so cyclic data prints finitely. Cycles must go
// through Ref; Print does not detect cycles made of plain pointers.
func Print(d Datum) string {
	p := &printer{}
	p.findTargets(d)
	p.print(d)
	return string(p.buf)
}

type printer struct {
	buf     []byte
	targets map[Datum]bool // compound datums some Ref points at
	labels  map[Datum]int  // labels assigned so far
}

// findTargets collects the lists and vectors reachable from d that are
// Ref targets.
func (p *printer) findTargets(d Datum) {
	seen := map[Datum]bool{}
	stack := []Datum{d}
	for len(stack) > 0 {
		d := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch d := d.(type) {
		case *Ref:
			t := resolve(d)
			if t == nil {
				continue
			}
			switch t.(type) {
			case *List, *Vector:
				if p.targets == nil {
					p.targets = map[Datum]bool{}
				}
				p.targets[t] = true
				if !seen[t] {
					seen[t] = true
					stack = append(stack, t)
				}
			}
		case *List:
			if d == nil {
				continue
			}
			stack = append(stack, d.Elems...)
			if d.Tail != nil {
				stack = append(stack, d.Tail)
			}
		case *Vector:
			if d == nil {
				continue
			}
			stack = append(stack, d.Elems...)
		}
	}
}

// resolve follows a chain of Refs to the datum it names (nil if a Ref is
// unresolved or the chain loops).
func resolve(d Datum) Datum {
	for steps := 0; steps < 1000; steps++ {
		r, ok := d.(*Ref)
		if !ok {
			return d
		}
		if r == nil || r.Target == nil {
			return nil
		}
		d = r.Target
	}
	return nil
}

func (p *printer) str(s string) { p.buf = append(p.buf, s...) }

// label writes #n# and reports true if d was already written; otherwise,
// if d is a Ref target, it writes #n= and assigns the label.
func (p *printer) label(d Datum) bool {
	if !p.targets[d] {
		return false
	}
	if n, ok := p.labels[d]; ok {
		p.str("#" + strconv.Itoa(n) + "#")
		return true
	}
	if p.labels == nil {
		p.labels = map[Datum]int{}
	}
	n := len(p.labels)
	p.labels[d] = n
	p.str("#" + strconv.Itoa(n) + "=")
	return false
}

var abbreviations = map[string]string{
	"quote":            "'",
	"quasiquote":       "`",
	"unquote":          ",",
	"unquote-splicing": ",@",
}

func (p *printer) print(d Datum) {
	switch d := d.(type) {
	case nil:
		p.str("#<nil>")
	case *Ref:
		t := resolve(d)
		if t == nil {
			if d == nil {
				p.str("#<nil>")
			} else {
				p.str("#" + strconv.Itoa(d.Label) + "#")
			}
			return
		}
		p.print(t)
	case *List:
		if d == nil {
			p.str("()")
			return
		}
		if len(d.Elems) == 0 && d.Tail != nil && !p.targets[d] {
			p.print(d.Tail)
			return
		}
		if p.label(d) {
			return
		}
		if len(d.Elems) == 2 && d.Tail == nil {
			if s, ok := d.Elems[0].(*Symbol); ok && s != nil {
				if abbr, ok := abbreviations[s.Name]; ok {
					p.str(abbr)
					mark := len(p.buf)
					p.print(d.Elems[1])
					if abbr == "," && len(p.buf) > mark && p.buf[mark] == '@' {
						// ",@x" would read as unquote-splicing.
						p.buf = append(p.buf[:mark], append([]byte{' '}, p.buf[mark:]...)...)
					}
					return
				}
			}
		}
		p.str("(")
		l := d
		first := true
	loop:
		for {
			for _, e := range l.Elems {
				if !first {
					p.str(" ")
				}
				first = false
				p.print(e)
			}
			switch t := l.Tail.(type) {
			case nil:
				break loop
			case *List:
				if t != nil && !p.targets[t] {
					l = t // (a . (b c)) prints as (a b c)
					continue
				}
			}
			if first {
				// No elements at all: cannot write ( . x).
				p.print(l.Tail)
				break
			}
			p.str(" . ")
			p.print(l.Tail)
			break
		}
		p.str(")")
	case *Vector:
		if d == nil {
			p.str("#()")
			return
		}
		if p.label(d) {
			return
		}
		p.str("#(")
		for i, e := range d.Elems {
			if i > 0 {
				p.str(" ")
			}
			p.print(e)
		}
		p.str(")")
	case *Bytevector:
		p.str("#u8(")
		if d != nil {
			for i, b := range d.V {
				if i > 0 {
					p.str(" ")
				}
				p.str(strconv.Itoa(int(b)))
			}
		}
		p.str(")")
	case *NumVector:
		if d == nil {
			p.str("#f64()")
			return
		}
		p.str("#" + d.Tag + "(")
		for i, e := range d.Elems {
			if i > 0 {
				p.str(" ")
			}
			p.print(e)
		}
		p.str(")")
	case *Int:
		p.str(strconv.FormatInt(d.V, 10))
	case *BigInt:
		if d.V == nil {
			p.str("0")
			return
		}
		p.str(d.V.String())
	case *Rat:
		if d.V == nil {
			p.str("0")
			return
		}
		p.str(d.V.RatString())
	case *Real:
		p.str(FormatFloat(d.V))
	case *Complex:
		p.str(FormatFloat(d.Re))
		im := FormatFloat(d.Im)
		if im[0] != '+' && im[0] != '-' {
			p.str("+")
		}
		p.str(im)
		p.str("i")
	case *Bool:
		if d.V {
			p.str("#t")
		} else {
			p.str("#f")
		}
	case *Char:
		p.str(FormatChar(d.V))
	case *String:
		p.str(QuoteString(d.V))
	case *Symbol:
		p.str(FormatSymbol(d.Name))
	case *Alias:
		name, _ := BaseName(d)
		p.str(FormatSymbol(name))
	case *Keyword:
		p.str("#:" + d.Name)
	case *Opaque:
		p.str("#<object>")
	default:
		p.str("#<unknown>")
	}
}

// FormatFloat writes an inexact real so that it reads back as the same
// inexact number: the shortest representation that round-trips, always
// with a decimal point or exponent, and +inf.0, -inf.0, +nan.0.
func FormatFloat(f float64) string {
	switch {
	case math.IsNaN(f):
		return "+nan.0"
	case math.IsInf(f, 1):
		return "+inf.0"
	case math.IsInf(f, -1):
		return "-inf.0"
	}
	if a := math.Abs(f); a == 0 || (a >= 1e-7 && a < 1e21) {
		s := strconv.FormatFloat(f, 'f', -1, 64)
		if !strings.ContainsRune(s, '.') {
			s += ".0"
		}
		return s
	}
	s := strconv.FormatFloat(f, 'e', -1, 64) // like 1.5e+21 or 1e-08
	mant, exp, _ := strings.Cut(s, "e")
	sign := ""
	if exp[0] == '-' {
		sign = "-"
	}
	return mant + "e" + sign + strings.TrimLeft(exp[1:], "0")
}

var charNamesByRune = map[rune]string{
	0x07: "alarm",
	0x08: "backspace",
	0x7f: "delete",
	0x1b: "escape",
	'\n': "newline",
	0x00: "null",
	'\r': "return",
	' ':  "space",
	'\t': "tab",
}

// FormatChar writes a character literal: #\a, #\space, #\x3bb for
// characters that are not graphic.
func FormatChar(c rune) string {
	if name, ok := charNamesByRune[c]; ok {
		return "#\\" + name
	}
	if unicode.IsGraphic(c) && !isSpace(c) && c != utf8.RuneError {
		return "#\\" + string(c)
	}
	if c == utf8.RuneError {
		return "#\\xfffd"
	}
	return "#\\x" + strconv.FormatInt(int64(c), 16)
}

// QuoteString writes a string literal with escapes.
func QuoteString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, c := range s {
		switch c {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		default:
			writeEscaped(&b, c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// writeEscaped writes c, escaping control and other non-graphic runes.
func writeEscaped(b *strings.Builder, c rune) {
	switch c {
	case '\a':
		b.WriteString(`\a`)
	case '\b':
		b.WriteString(`\b`)
	case '\t':
		b.WriteString(`\t`)
	case '\n':
		b.WriteString(`\n`)
	case '\r':
		b.WriteString(`\r`)
	default:
		if c == ' ' || (unicode.IsGraphic(c) && c != utf8.RuneError) {
			b.WriteRune(c)
			return
		}
		b.WriteString(`\x`)
		b.WriteString(strconv.FormatInt(int64(c), 16))
		b.WriteByte(';')
	}
}

// FormatSymbol writes a symbol, in |bars| if it would not read back as
// the same symbol otherwise (assuming no case folding).
func FormatSymbol(name string) string {
	if symbolIsBare(name) {
		return name
	}
	var b strings.Builder
	b.WriteByte('|')
	for _, c := range name {
		switch c {
		case '|':
			b.WriteString(`\|`)
		case '\\':
			b.WriteString(`\\`)
		default:
			writeEscaped(&b, c)
		}
	}
	b.WriteByte('|')
	return b.String()
}

// symbolIsBare reports whether name reads back as itself when written
// without bars.
func symbolIsBare(name string) bool {
	if name == "" || name == "." {
		return false
	}
	for i, c := range name {
		if isDelimiter(c) || !unicode.IsGraphic(c) || c == '\\' || c == utf8.RuneError {
			return false
		}
		if i == 0 && (c == '#' || c == '\'' || c == '`' || c == ',') {
			return false
		}
	}
	if _, isNum, msg := parseNumber(name, Pos{}); isNum || msg != "" {
		return false
	}
	return !numberLike(name)
}
