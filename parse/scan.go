package parse

import (
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// eof is the rune get returns at the end of input (or after an I/O error).
const eof rune = -1

// get reads the next rune and advances the position. At most one rune can
// be pushed back with unget.
func (r *Reader) get() rune {
	r.pline, r.pcol, r.pcr = r.line, r.col, r.cr
	if r.ioErr != nil {
		r.lastEOF = true
		return eof
	}
	c, _, err := r.src.ReadRune()
	if err != nil {
		if err != io.EOF {
			r.ioErr = err
		}
		r.lastEOF = true
		return eof
	}
	r.lastEOF = false
	switch c {
	case '\n':
		// "\r\n" is one line ending: the '\r' already started the line.
		if !r.cr {
			r.line++
			r.col = 1
		}
		r.cr = false
	case '\r':
		r.line++
		r.col = 1
		r.cr = true
	default:
		r.col++
		r.cr = false
	}
	return c
}

// unget pushes back the rune returned by the last get. Pushing back eof is
// a no-op: the source keeps returning io.EOF.
func (r *Reader) unget() {
	if r.lastEOF {
		return
	}
	if err := r.src.UnreadRune(); err != nil && r.ioErr == nil {
		r.ioErr = err
	}
	r.line, r.col, r.cr = r.pline, r.pcol, r.pcr
	r.lastEOF = false
}

// pos is the position of the next rune get will return.
func (r *Reader) pos() Pos { return Pos{File: r.file, Line: r.line, Col: r.col} }

func (r *Reader) errorf(p Pos, msg string) *Error { return &Error{Pos: p, Msg: msg} }

// isSpace reports whether c is whitespace (atmosphere). Besides the R7RS
// whitespace characters this accepts any Unicode space and the byte order
// mark.
func isSpace(c rune) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || unicode.IsSpace(c) || c == '\uFEFF'
}

// isDelimiter reports whether c ends an identifier, number, character or
// boolean token. Besides the R7RS delimiters (whitespace | ( ) " ;) the
// brackets and braces [ ] { } delimit, since they are reserved.
func isDelimiter(c rune) bool {
	switch c {
	case '(', ')', '[', ']', '{', '}', '"', ';', '|':
		return true
	}
	return isSpace(c)
}

type tokKind int

const (
	tEOF      tokKind = iota
	tOpen             // ( or [
	tClose            // ) or ]
	tVector           // #(
	tBytes            // #u8(
	tNumVec           // #s8( ... #f64( (SRFI 4), the prefix in text
	tDot              // .
	tQuote            // ' ` , ,@  (name holds the symbol name, text the prefix)
	tComment          // #;
	tLabelDef         // #n=
	tLabelRef         // #n#
	tAtom             // any simple datum, in d
)

type token struct {
	kind tokKind
	pos  Pos
	ch   rune   // bracket rune for tOpen/tClose
	name string // tQuote: quote, quasiquote, unquote, unquote-splicing
	text string // source text, for messages
	n    int    // label number
	d    Datum  // tAtom
}

// lex returns the next token, skipping whitespace, comments and
// directives. Datum comments are returned as tComment; the parser skips
// the datum that follows.
func (r *Reader) lex() (token, *Error) {
	for {
		p := r.pos()
		c := r.get()
		switch {
		case c == eof:
			return token{kind: tEOF, pos: p}, nil
		case isSpace(c):
			continue
		case c == ';':
			r.skipLine()
			continue
		}
		switch c {
		case '(', '[':
			return token{kind: tOpen, pos: p, ch: c, text: string(c)}, nil
		case ')', ']':
			return token{kind: tClose, pos: p, ch: c, text: string(c)}, nil
		case '{', '}':
			return token{}, r.errorf(p, "reserved character '"+string(c)+"'")
		case '\'':
			return token{kind: tQuote, pos: p, name: "quote", text: "'"}, nil
		case '`':
			return token{kind: tQuote, pos: p, name: "quasiquote", text: "`"}, nil
		case ',':
			if r.get() == '@' {
				return token{kind: tQuote, pos: p, name: "unquote-splicing", text: ",@"}, nil
			}
			r.unget()
			return token{kind: tQuote, pos: p, name: "unquote", text: ","}, nil
		case '"':
			return r.lexString(p)
		case '|':
			return r.lexPipeSymbol(p)
		case '#':
			t, skip, err := r.lexHash(p)
			if err != nil || !skip {
				return t, err
			}
			continue
		}
		text := r.readToken(c)
		return r.classify(text, p)
	}
}

// skipLine skips the rest of a ; comment, including the line ending.
func (r *Reader) skipLine() {
	for {
		c := r.get()
		if c == eof || c == '\n' || c == '\r' {
			return
		}
	}
}

// readToken reads a token that starts with first up to (not including) the
// next delimiter.
func (r *Reader) readToken(first rune) string {
	var b strings.Builder
	b.WriteRune(first)
	for {
		c := r.get()
		if c == eof {
			break
		}
		if isDelimiter(c) {
			r.unget()
			break
		}
		b.WriteRune(c)
	}
	return b.String()
}

// classify turns a bare token (one not starting with # or |) into a token.
//
// The rule: if the text is "." it is the dot; if it is a number literal it
// is that number; if it is number-like (it starts with a digit, or with
// + - or . followed by a digit, or with +. or -. followed by a digit) it is
// an error "bad number literal", except for the two traditional procedure
// names 1+ and 1-, which are symbols; everything else is a symbol. Symbols
// are lenient: any run of non-delimiter characters is accepted, including
// ones R7RS does not allow in identifiers (like a'b or 1+).
func (r *Reader) classify(text string, p Pos) (token, *Error) {
	if text == "." {
		return token{kind: tDot, pos: p, text: text}, nil
	}
	d, isNum, msg := parseNumber(text, p)
	if msg != "" {
		return token{}, r.errorf(p, msg)
	}
	if isNum {
		return token{kind: tAtom, pos: p, d: d, text: text}, nil
	}
	if numberLike(text) {
		return token{}, r.errorf(p, "bad number literal "+quoteText(text))
	}
	name := text
	if r.fold {
		name = foldString(name)
	}
	return token{kind: tAtom, pos: p, d: &Symbol{P: p, Name: name}, text: text}, nil
}

// numberLike reports whether a bare token that failed to parse as a number
// must be an error rather than a symbol (see classify).
func numberLike(s string) bool {
	if s == "1+" || s == "1-" {
		return false
	}
	isDigit := func(i int) bool { return i < len(s) && s[i] >= '0' && s[i] <= '9' }
	if isDigit(0) {
		return true
	}
	if len(s) == 0 {
		return false
	}
	switch s[0] {
	case '+', '-':
		return isDigit(1) || (len(s) > 1 && s[1] == '.' && isDigit(2))
	case '.':
		return isDigit(1)
	}
	return false
}

// quoteText quotes token text for an error message.
func quoteText(s string) string {
	const max = 40
	if utf8.RuneCountInString(s) > max {
		s = string([]rune(s)[:max]) + "..."
	}
	return "\"" + s + "\""
}

// foldString applies simple Unicode case folding.
func foldString(s string) string {
	return strings.Map(foldRune, s)
}

func foldRune(c rune) rune {
	if c < utf8.RuneSelf {
		if 'A' <= c && c <= 'Z' {
			return c + 'a' - 'A'
		}
		return c
	}
	return unicode.ToLower(unicode.ToUpper(c))
}

// lexHash handles everything that starts with '#'. skip reports that a
// comment or directive was consumed and lexing should continue.
func (r *Reader) lexHash(p Pos) (t token, skip bool, err *Error) {
	atStart := p.Line == 1 && p.Col == 1
	c := r.get()
	switch c {
	case eof:
		return token{}, false, r.errorf(p, "unexpected end of input after '#'")
	case '|':
		return token{}, true, r.skipBlockComment(p)
	case ';':
		return token{kind: tComment, pos: p, text: "#;"}, false, nil
	case '!':
		return token{}, true, r.directive(p, atStart)
	case '(':
		return token{kind: tVector, pos: p, ch: '(', text: "#("}, false, nil
	case 'u', 'U', 's', 'S':
		return r.lexNumVector(p, strings.ToLower(r.readToken(c)))
	case '\\':
		t, err := r.lexChar(p)
		return t, false, err
	case ':':
		text := r.readToken(':')[1:]
		if text == "" {
			return token{}, false, r.errorf(p, "empty keyword")
		}
		if r.fold {
			text = foldString(text)
		}
		return token{kind: tAtom, pos: p, d: &Keyword{P: p, Name: text}}, false, nil
	case 't', 'f', 'T', 'F':
		text := r.readToken(c)
		switch strings.ToLower(text) {
		case "t", "true":
			return token{kind: tAtom, pos: p, d: &Bool{P: p, V: true}}, false, nil
		case "f", "false":
			return token{kind: tAtom, pos: p, d: &Bool{P: p, V: false}}, false, nil
		case "f32", "f64":
			return r.lexNumVector(p, strings.ToLower(text))
		}
		return token{}, false, r.errorf(p, "bad syntax "+quoteText("#"+text))
	case 'x', 'X', 'o', 'O', 'b', 'B', 'd', 'D', 'e', 'E', 'i', 'I':
		text := "#" + r.readToken(c)
		d, isNum, msg := parseNumber(text, p)
		if msg != "" {
			return token{}, false, r.errorf(p, msg)
		}
		if !isNum {
			return token{}, false, r.errorf(p, "bad number literal "+quoteText(text))
		}
		return token{kind: tAtom, pos: p, d: d, text: text}, false, nil
	}
	if '0' <= c && c <= '9' {
		n := int(c - '0')
		for {
			c = r.get()
			if c < '0' || c > '9' {
				break
			}
			n = n*10 + int(c-'0')
			if n > 1e8 {
				return token{}, false, r.errorf(p, "datum label too large")
			}
		}
		switch c {
		case '=':
			return token{kind: tLabelDef, pos: p, n: n}, false, nil
		case '#':
			return token{kind: tLabelRef, pos: p, n: n}, false, nil
		}
		return token{}, false, r.errorf(p, "bad datum label syntax, expected #n= or #n#")
	}
	if isDelimiter(c) {
		return token{}, false, r.errorf(p, "bad syntax '#'")
	}
	return token{}, false, r.errorf(p, "bad syntax "+quoteText("#"+r.readToken(c)))
}

// lexNumVector finishes #u8( and the SRFI 4 prefixes #s8( ... #f64(,
// whose tag (lower case) was read.
func (r *Reader) lexNumVector(p Pos, tag string) (token, bool, *Error) {
	if isNumVecTag(tag) {
		if r.get() == '(' {
			if tag == "u8" {
				return token{kind: tBytes, pos: p, ch: '(', text: "#u8("}, false, nil
			}
			return token{kind: tNumVec, pos: p, ch: '(', text: "#" + tag + "("}, false, nil
		}
		return token{}, false, r.errorf(p, "bad syntax, expected '(' after #"+tag)
	}
	return token{}, false, r.errorf(p, "bad syntax "+quoteText("#"+tag)+", expected a vector prefix such as #u8( or #f64(")
}

// skipBlockComment skips a nested #| ... |# comment whose "#|" was read.
func (r *Reader) skipBlockComment(p Pos) *Error {
	depth := 1
	for {
		switch r.get() {
		case eof:
			return r.errorf(p, "unterminated block comment")
		case '|':
			if c := r.get(); c == '#' {
				depth--
				if depth == 0 {
					return nil
				}
			} else {
				r.unget()
			}
		case '#':
			if c := r.get(); c == '|' {
				depth++
			} else {
				r.unget()
			}
		}
	}
}

// directive handles "#!" (already read): #!fold-case, #!no-fold-case, or a
// shebang line at the very start of the input.
func (r *Reader) directive(p Pos, atStart bool) *Error {
	c := r.get()
	if atStart && (c == '/' || c == ' ') {
		r.skipLine()
		return nil
	}
	if c == eof || isDelimiter(c) {
		return r.errorf(p, "bad directive '#!'")
	}
	name := r.readToken(c)
	switch name {
	case "fold-case":
		r.fold = true
	case "no-fold-case":
		r.fold = false
	default:
		return r.errorf(p, "unknown directive "+quoteText("#!"+name))
	}
	return nil
}

// charNames are the R7RS character names.
var charNames = map[string]rune{
	"alarm":     0x07,
	"backspace": 0x08,
	"delete":    0x7f,
	"escape":    0x1b,
	"newline":   '\n',
	"null":      0x00,
	"return":    '\r',
	"space":     ' ',
	"tab":       '\t',
	// Traditional names accepted besides the R7RS ones.
	"nul":      0x00,
	"linefeed": '\n',
	"altmode":  0x1b,
	"rubout":   0x7f,
	"page":     0x0c,
}

// lexChar reads a character literal whose "#\" was read.
func (r *Reader) lexChar(p Pos) (token, *Error) {
	c := r.get()
	if c == eof {
		return token{}, r.errorf(p, "unexpected end of input in character literal")
	}
	if isDelimiter(c) {
		return token{kind: tAtom, pos: p, d: &Char{P: p, V: c}}, nil
	}
	name := r.readToken(c)
	if utf8.RuneCountInString(name) == 1 {
		return token{kind: tAtom, pos: p, d: &Char{P: p, V: c}}, nil
	}
	if r.fold {
		name = foldString(name)
	}
	if v, ok := charNames[name]; ok {
		return token{kind: tAtom, pos: p, d: &Char{P: p, V: v}}, nil
	}
	if name[0] == 'x' || name[0] == 'X' {
		if v, ok := parseHexScalar(name[1:]); ok {
			return token{kind: tAtom, pos: p, d: &Char{P: p, V: v}}, nil
		}
		if allHex(name[1:]) {
			return token{}, r.errorf(p, "character "+quoteText("#\\"+name)+" is not a Unicode scalar value")
		}
	}
	return token{}, r.errorf(p, "unknown character name "+quoteText("#\\"+name))
}

func isHexDigit(c rune) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func allHex(s string) bool {
	for _, c := range s {
		if !isHexDigit(c) {
			return false
		}
	}
	return s != ""
}

// parseHexScalar parses hex digits naming a Unicode scalar value.
func parseHexScalar(s string) (rune, bool) {
	if !allHex(s) {
		return 0, false
	}
	v := 0
	for _, c := range s {
		v = v*16 + hexVal(c)
		if v > unicode.MaxRune {
			return 0, false
		}
	}
	if 0xD800 <= v && v <= 0xDFFF {
		return 0, false
	}
	return rune(v), true
}

func hexVal(c rune) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'f':
		return int(c-'a') + 10
	case 'A' <= c && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// hexEscape reads the rest of an inline hex escape \x...; (the "\x" has been
// read; p is the backslash's position).
func (r *Reader) hexEscape(p Pos) (rune, *Error) {
	v := 0
	n := 0
	for {
		c := r.get()
		if c == ';' {
			break
		}
		if !isHexDigit(c) {
			if c != eof {
				r.unget()
			}
			return 0, r.errorf(p, "bad hex escape, expected \\x<hex digits>;")
		}
		n++
		if v <= unicode.MaxRune {
			v = v*16 + hexVal(c)
		}
	}
	if n == 0 {
		return 0, r.errorf(p, "bad hex escape, expected \\x<hex digits>;")
	}
	if v > unicode.MaxRune || 0xD800 <= v && v <= 0xDFFF {
		return 0, r.errorf(p, "hex escape is not a Unicode scalar value")
	}
	return rune(v), nil
}

// mnemonic maps the escapes shared by strings and |symbols| to runes.
func mnemonic(c rune) (rune, bool) {
	switch c {
	case 'a':
		return 0x07, true
	case 'b':
		return 0x08, true
	case 't':
		return '\t', true
	case 'n':
		return '\n', true
	case 'r':
		return '\r', true
	case '"', '\\', '|':
		return c, true
	}
	return 0, false
}

// lexString reads a string literal whose opening quote (at p) was read.
func (r *Reader) lexString(p Pos) (token, *Error) {
	var b strings.Builder
	for {
		c := r.get()
		switch c {
		case eof:
			return token{}, r.errorf(p, "unterminated string")
		case '"':
			return token{kind: tAtom, pos: p, d: &String{P: p, V: b.String()}}, nil
		case '\\':
		default:
			b.WriteRune(c)
			continue
		}
		ep := Pos{File: r.file, Line: r.pline, Col: r.pcol}
		c = r.get()
		if m, ok := mnemonic(c); ok {
			b.WriteRune(m)
			continue
		}
		switch {
		case c == eof:
			return token{}, r.errorf(p, "unterminated string")
		case c == 'x' || c == 'X':
			v, err := r.hexEscape(ep)
			if err != nil {
				return token{}, err
			}
			b.WriteRune(v)
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			// Line continuation: \ <intraline ws>* <line ending> <intraline ws>*
			for c == ' ' || c == '\t' {
				c = r.get()
			}
			switch c {
			case '\r':
				if c = r.get(); c != '\n' {
					r.unget()
				}
			case '\n':
			case eof:
				return token{}, r.errorf(p, "unterminated string")
			default:
				return token{}, r.errorf(ep, "bad line continuation in string, expected a line ending after '\\'")
			}
			for {
				c = r.get()
				if c != ' ' && c != '\t' {
					r.unget()
					break
				}
			}
		default:
			return token{}, r.errorf(ep, "unknown escape "+quoteText("\\"+string(c))+" in string")
		}
	}
}

// lexPipeSymbol reads a |symbol| whose opening bar (at p) was read.
func (r *Reader) lexPipeSymbol(p Pos) (token, *Error) {
	var b strings.Builder
	for {
		c := r.get()
		switch c {
		case eof:
			return token{}, r.errorf(p, "unterminated |symbol|")
		case '|':
			return token{kind: tAtom, pos: p, d: &Symbol{P: p, Name: b.String()}}, nil
		case '\\':
		default:
			b.WriteRune(c)
			continue
		}
		ep := Pos{File: r.file, Line: r.pline, Col: r.pcol}
		c = r.get()
		if m, ok := mnemonic(c); ok {
			b.WriteRune(m)
			continue
		}
		switch c {
		case eof:
			return token{}, r.errorf(p, "unterminated |symbol|")
		case 'x', 'X':
			v, err := r.hexEscape(ep)
			if err != nil {
				return token{}, err
			}
			b.WriteRune(v)
		default:
			return token{}, r.errorf(ep, "unknown escape "+quoteText("\\"+string(c))+" in |symbol|")
		}
	}
}
