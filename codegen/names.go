package codegen

import (
	"go/token"
	"strconv"
	"strings"
	"unicode"
)

// This file turns Scheme names into Go identifiers that still read as the
// Scheme name (string->list becomes string_to_list), so pprof profiles,
// backtraces and the emitted source are recognisable.

var punctNames = map[rune]string{
	'!': "_x", '?': "_p", '*': "_star", '+': "_plus", '/': "_slash",
	'<': "_lt", '>': "_gt", '=': "_eq", '%': "_pct", '&': "_amp", '~': "_tilde",
	'^': "_hat", '$': "_dollar", ':': "_", '.': "_", '@': "_at", '|': "_bar",
}

// goIdent returns a Go identifier for a Scheme name (not yet unique).
func goIdent(name string) string {
	name = strings.ReplaceAll(name, "->", "_to_")
	var b strings.Builder
	for _, r := range name {
		switch {
		case r == '-':
			b.WriteByte('_')
		case r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		default:
			if s, ok := punctNames[r]; ok {
				b.WriteString(s)
			} else {
				b.WriteString("_u" + strconv.FormatInt(int64(r), 16))
			}
		}
	}
	s := strings.Trim(b.String(), "_")
	if s == "" {
		s = "anon"
	}
	if unicode.IsDigit(rune(s[0])) {
		s = "n" + s
	}
	return s
}

// namer hands out unique top-level Go identifiers.
type namer struct {
	used   map[string]bool
	prefix string // put before every name (runtime mode: keeps clear of rt's own names)
}

// reserved are identifiers the generated file itself uses at top level, Go's
// predeclared names we must not shadow, and names Go treats specially.
var reserved = []string{
	"rt", "main", "init", "Main", "locs", "t", "_",
	"bool", "byte", "int", "string", "error", "len", "cap", "new", "make",
	"append", "copy", "panic", "recover", "print", "println", "nil", "true",
	"false", "iota", "any", "max", "min", "clear", "close", "delete",
}

func newNamer(prefix string) *namer {
	n := &namer{used: map[string]bool{}, prefix: prefix}
	for _, r := range reserved {
		n.used[r] = true
	}
	return n
}

// fresh returns a unique identifier based on base.
func (n *namer) fresh(base string) string {
	base = n.prefix + base
	if token.IsKeyword(base) {
		base += "_"
	}
	name := base
	for i := 2; n.used[name]; i++ {
		name = base + "_" + strconv.Itoa(i)
	}
	n.used[name] = true
	return name
}
