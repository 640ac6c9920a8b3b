package analyze

import (
	_ "embed"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/lambdust/lambdust/parse"
	"github.com/lambdust/lambdust/rt"
)

// This file implements programs and libraries (R7RS 5.1, 5.6): import
// declarations with only, except, prefix and rename; define-library with
// export, import, begin, include, include-ci,
// include-library-declarations and cond-expand; user libraries found as
// .sld files on a search path; and the libraries the runtime provides
// (rt.RegisterLibrary: the R7RS standard libraries and the SRFIs).
//
// Every top level — the program's, each library's, and the core scope
// that derived forms refer to through x.core — is a topEnv. A free
// identifier names a global of the topEnv where its resolution ends: an
// imported variable, or a variable the environment defines. A program
// without import declarations sees every special form, prelude macro and
// runtime procedure (convenient for scripts); one with imports sees exactly
// what it imports.

// topEnv is a top-level environment.
type topEnv struct {
	name   string // "" for the program, "(foo bar)" for a library, "core"
	prefix string // prefix of the keys and names of the globals it defines
	all    bool   // undefined globals fall back to runtime primitives
	core   bool   // the core scope: globals are the runtime's primitives
	scope  *scope
	// imports maps local names of imported variables to their globals.
	imports map[string]importedVar
	// importsOK is true while import declarations may still come.
	importsOK bool
	// importFailed silences "undefined" errors that a failed import
	// would cause.
	importFailed bool
}

type importedVar struct {
	g   *Global
	lib string // the library it came from, for messages
}

func (x *expander) newTopEnv(name, prefix string) *topEnv {
	e := &topEnv{name: name, prefix: prefix, imports: map[string]importedVar{}}
	e.scope = newScope(nil)
	e.scope.env = e
	return e
}

// global returns the global that free identifier name denotes in e.
func (e *topEnv) global(x *expander, name string, pos parse.Pos) *Global {
	if iv, ok := e.imports[name]; ok {
		return iv.g
	}
	if e.core {
		return x.globalKey("\x00core:"+name, name, e, pos)
	}
	return x.globalKey(e.prefix+name, e.prefix+name, e, pos)
}

// prepare decides whether the program sees everything (no import
// declaration) or only what it imports.
func (e *topEnv) prepare(x *expander, forms []parse.Datum) {
	e.all = true
	for _, d := range forms {
		if declName(d) == "import" {
			e.all = false
		}
	}
	if e.all {
		e.scope.parent = x.coreScope
	}
	e.importsOK = true
}

// declName returns the name of the plain symbol heading list d, for the
// declarations (import, define-library, export ...) that are recognised by
// name rather than by binding.
func declName(d parse.Datum) string {
	l, ok := d.(*parse.List)
	if !ok || len(l.Elems) == 0 || l.Tail != nil {
		return ""
	}
	s, ok := l.Elems[0].(*parse.Symbol)
	if !ok {
		return ""
	}
	return s.Name
}

// programDecl handles a program's import declarations and define-library
// forms; it reports whether d was one.
func (x *expander) programDecl(d parse.Datum) bool {
	switch declName(d) {
	case "import":
		if _, bound := x.program.scope.names["import"]; bound {
			return false
		}
		if !x.program.importsOK {
			x.errorf(d.Pos(), "import: import declarations must come before the program's definitions and expressions")
			return true
		}
		x.importDecl(d.(*parse.List), x.program)
		return true
	case "define-library":
		if _, bound := x.program.scope.names["define-library"]; bound {
			return false
		}
		x.defineLibrary(d.(*parse.List))
		return true
	}
	return false
}

func (x *expander) defineLibraryExpr(form *parse.List, sc *scope) Node {
	return x.bad(form.P, "define-library: only allowed at the top level")
}

// importDecl adds the bindings of (import set ...) to env.
func (x *expander) importDecl(l *parse.List, env *topEnv) {
	for _, set := range l.Elems[1:] {
		binds, lib, ok := x.importSet(set)
		if !ok {
			env.importFailed = true
			continue
		}
		names := make([]string, 0, len(binds))
		for n := range binds {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			x.bindImport(env, n, binds[n], lib, set.Pos())
		}
	}
}

func (x *expander) bindImport(env *topEnv, name string, b any, lib string, pos parse.Pos) {
	if g, ok := b.(*Global); ok {
		if old, dup := env.imports[name]; dup && old.g != g {
			x.errorf(pos, "import: %s imported from both %s and %s", name, old.lib, lib)
			return
		}
		if _, dup := env.scope.names[name]; dup {
			x.errorf(pos, "import: %s imported twice with different bindings (from %s)", name, lib)
			return
		}
		env.imports[name] = importedVar{g: g, lib: lib}
		return
	}
	if old, dup := env.scope.names[name]; dup && old != b {
		x.errorf(pos, "import: %s imported twice with different bindings (from %s)", name, lib)
		return
	}
	if _, dup := env.imports[name]; dup {
		x.errorf(pos, "import: %s imported twice with different bindings (from %s)", name, lib)
		return
	}
	env.scope.names[name] = b
}

// importSet evaluates an import set to its bindings (local name to
// *Global, *special or *macro) and the name of the library it comes from.
func (x *expander) importSet(d parse.Datum) (map[string]any, string, bool) {
	l, ok := d.(*parse.List)
	if !ok || l.Tail != nil || len(l.Elems) == 0 {
		x.errorf(d.Pos(), "import: expected a library name or import set like (only (lib) id...), got %s", parse.Print(d))
		return nil, "", false
	}
	kw := ""
	if s, ok := l.Elems[0].(*parse.Symbol); ok && len(l.Elems) >= 2 {
		if _, isList := l.Elems[1].(*parse.List); isList {
			kw = s.Name
		}
	}
	ids := func(ds []parse.Datum) ([]string, bool) {
		var out []string
		for _, e := range ds {
			s, ok := e.(*parse.Symbol)
			if !ok {
				x.errorf(e.Pos(), "import: %s: expected an identifier, got %s", kw, parse.Print(e))
				return nil, false
			}
			out = append(out, s.Name)
		}
		return out, true
	}
	switch kw {
	case "only", "except":
		binds, lib, ok := x.importSet(l.Elems[1])
		if !ok {
			return nil, "", false
		}
		names, ok := ids(l.Elems[2:])
		if !ok {
			return nil, "", false
		}
		out := map[string]any{}
		if kw == "only" {
			for i, n := range names {
				b, ok := binds[n]
				if !ok {
					x.errorf(l.Elems[2+i].Pos(), "import: %s does not export %s", lib, n)
					continue
				}
				out[n] = b
			}
			return out, lib, true
		}
		for n, b := range binds {
			out[n] = b
		}
		for i, n := range names {
			if _, ok := out[n]; !ok {
				x.errorf(l.Elems[2+i].Pos(), "import: %s does not export %s", lib, n)
			}
			delete(out, n)
		}
		return out, lib, true
	case "prefix":
		binds, lib, ok := x.importSet(l.Elems[1])
		if !ok {
			return nil, "", false
		}
		p, isSym := l.Elems[len(l.Elems)-1].(*parse.Symbol)
		if len(l.Elems) != 3 || !isSym {
			x.errorf(l.P, "import: expected (prefix import-set identifier)")
			return nil, "", false
		}
		out := map[string]any{}
		for n, b := range binds {
			out[p.Name+n] = b
		}
		return out, lib, true
	case "rename":
		binds, lib, ok := x.importSet(l.Elems[1])
		if !ok {
			return nil, "", false
		}
		out := map[string]any{}
		for n, b := range binds {
			out[n] = b
		}
		renamed := map[string]any{}
		for _, r := range l.Elems[2:] {
			rl, ok := r.(*parse.List)
			if !ok || rl.Tail != nil || len(rl.Elems) != 2 {
				x.errorf(r.Pos(), "import: rename: expected (old new), got %s", parse.Print(r))
				return nil, "", false
			}
			names, ok := ids(rl.Elems)
			if !ok {
				return nil, "", false
			}
			b, ok := out[names[0]]
			if !ok {
				x.errorf(rl.Elems[0].Pos(), "import: %s does not export %s", lib, names[0])
				continue
			}
			delete(out, names[0])
			renamed[names[1]] = b
		}
		for n, b := range renamed {
			out[n] = b
		}
		return out, lib, true
	}
	lib := x.library(l)
	if lib == nil {
		return nil, "", false
	}
	out := make(map[string]any, len(lib.exports))
	for n, b := range lib.exports {
		out[n] = b
	}
	return out, lib.name, true
}

// library is a library the program can import.
type library struct {
	name    string
	exports map[string]any // external name: *Global, *special or *macro
}

type libraries struct {
	path    []string
	byName  map[string]*library
	loading map[string]bool
}

// libName checks a library name (a list of identifiers and exact
// non-negative integers) and returns its written form.
func (x *expander) libName(d parse.Datum) (string, []string, bool) {
	l, ok := d.(*parse.List)
	if !ok || l.Tail != nil || len(l.Elems) == 0 {
		x.errorf(d.Pos(), "expected a library name like (foo bar), got %s", parse.Print(d))
		return "", nil, false
	}
	var parts []string
	for _, e := range l.Elems {
		switch e := e.(type) {
		case *parse.Symbol:
			parts = append(parts, e.Name)
		case *parse.Int:
			if e.V < 0 {
				x.errorf(e.P, "library name parts must be identifiers or exact non-negative integers, got %d", e.V)
				return "", nil, false
			}
			parts = append(parts, strconv.FormatInt(e.V, 10))
		default:
			x.errorf(e.Pos(), "library name parts must be identifiers or exact non-negative integers, got %s", parse.Print(e))
			return "", nil, false
		}
	}
	return "(" + strings.Join(parts, " ") + ")", parts, true
}

// library finds the library named d: defined earlier in this expansion,
// provided by the runtime, or read from a .sld file on the search path.
func (x *expander) library(d parse.Datum) *library {
	name, parts, ok := x.libName(d)
	if !ok {
		return nil
	}
	if lib := x.libs.byName[name]; lib != nil {
		return lib
	}
	if x.libs.loading[name] {
		x.errorf(d.Pos(), "import: library %s imports itself (an import cycle)", name)
		return nil
	}
	if rl := rt.LookupLibrary(name); rl != nil {
		lib := x.runtimeLibrary(name, rl.Exports)
		x.libs.byName[name] = lib
		return lib
	}
	if len(parts) == 2 && parts[0] == "scheme" && standardLibraries[parts[1]] {
		// The runtime has not registered this standard library's
		// export list: export everything rather than nothing.
		lib := x.runtimeLibrary(name, x.everything())
		x.libs.byName[name] = lib
		return lib
	}
	for _, dir := range x.libs.path {
		file := filepath.Join(append([]string{dir}, parts...)...) + ".sld"
		src, err := os.ReadFile(file)
		if err != nil {
			continue
		}
		x.libs.loading[name] = true
		x.loadLibraryFile(file, string(src), name, d.Pos())
		delete(x.libs.loading, name)
		if lib := x.libs.byName[name]; lib != nil {
			return lib
		}
		x.errorf(d.Pos(), "import: %s does not define library %s", file, name)
		return nil
	}
	where := "the runtime's libraries"
	if len(x.libs.path) > 0 {
		where += " or " + strings.Join(parts, "/") + ".sld in " + strings.Join(x.libs.path, ", ")
	}
	x.errorf(d.Pos(), "import: unknown library %s (looked in %s)", name, where)
	return nil
}

// standardLibraries are the R7RS-small library names.
var standardLibraries = map[string]bool{
	"base": true, "case-lambda": true, "char": true, "complex": true, "cxr": true,
	"eval": true, "file": true, "inexact": true, "lazy": true, "load": true,
	"process-context": true, "read": true, "repl": true, "time": true,
	"write": true, "r5rs": true,
}

// everything lists every special form, prelude macro and primitive.
func (x *expander) everything() []string {
	var out []string
	for n := range specials {
		out = append(out, n)
	}
	for n, b := range x.coreScope.names {
		if _, ok := b.(*macro); ok {
			out = append(out, n)
		}
	}
	for _, p := range rt.AllPrims() {
		// Scheme-written primitives belong to their own libraries only.
		if !strings.HasPrefix(p.Name, "%") && !p.Scheme {
			out = append(out, p.Name)
		}
	}
	return out
}

// runtimeLibrary makes the library of runtime-provided names: each is a
// special form or prelude macro of the core scope, or a runtime procedure.
func (x *expander) runtimeLibrary(name string, exports []string) *library {
	lib := &library{name: name, exports: map[string]any{}}
	for _, n := range exports {
		if b, ok := x.coreScope.names[n]; ok {
			lib.exports[n] = b
			continue
		}
		if rt.LookupPrim(n) != nil {
			lib.exports[n] = x.coreScope.env.global(x, n, parse.Pos{})
			continue
		}
		if aux[n] {
			lib.exports[n] = auxSyntax(n)
			continue
		}
		lib.exports[n] = missing(n, name)
	}
	return lib
}

// aux is the auxiliary syntax of R7RS (keywords that only mean something
// inside other forms).
var aux = map[string]bool{"else": true, "=>": true, "...": true, "_": true,
	"unquote": true, "unquote-splicing": true, "<>": true, "<...>": true}

func auxSyntax(name string) *special {
	where := map[string]string{"unquote": "quasiquote", "unquote-splicing": "quasiquote",
		"else": "cond, case or guard", "=>": "cond, case or guard", "...": "syntax-rules", "_": "syntax-rules",
		"<>": "cut or cute", "<...>": "cut or cute"}[name]
	return &special{name: name, expand: func(x *expander, form *parse.List, sc *scope) Node {
		return x.bad(form.P, "%s: only valid inside %s", name, where)
	}}
}

// missing is the binding of a name a runtime library exports but Lambdust
// does not implement: using it is a compile-time error that says so.
func missing(name, lib string) *special {
	return &special{name: name, expand: func(x *expander, form *parse.List, sc *scope) Node {
		return x.bad(form.P, "%s (from %s) is not implemented by Lambdust", name, lib)
	}}
}

// loadLibraryFile expands the define-library forms of a .sld file.
func (x *expander) loadLibraryFile(file, src, want string, from parse.Pos) {
	forms, err := parse.ReadAll(file, src)
	if err != nil {
		if el, ok := err.(parse.ErrorList); ok {
			x.errs = append(x.errs, el...)
		} else {
			x.errorf(from, "%v", err)
		}
		return
	}
	for _, d := range forms {
		if declName(d) != "define-library" {
			x.errorf(d.Pos(), "expected (define-library ...) in library file %s", filepath.Base(file))
			continue
		}
		x.defineLibrary(d.(*parse.List))
	}
}

// defineLibrary expands (define-library name declaration...) and records
// the library. Its body runs when the program starts, before the program's
// own body (libraries are expanded when first imported, so dependencies
// come first).
func (x *expander) defineLibrary(l *parse.List) {
	if len(l.Elems) < 2 {
		x.errorf(l.P, "define-library: expected (define-library (name...) declaration...)")
		return
	}
	name, parts, ok := x.libName(l.Elems[1])
	if !ok {
		return
	}
	if x.libs.byName[name] != nil {
		x.errorf(l.P, "define-library: library %s is defined twice", name)
		return
	}
	env := x.newTopEnv(name, strings.Join(parts, ".")+".")
	env.importsOK = true
	var exports []parse.Datum
	x.libraryDecls(l.Elems[2:], env, &exports)
	lib := &library{name: name, exports: map[string]any{}}
	for _, e := range exports {
		in, out := e, e
		if rl, ok := e.(*parse.List); ok {
			if rl.Tail != nil || len(rl.Elems) != 3 || declName(rl) != "rename" || !isIdent(rl.Elems[1]) || !isIdent(rl.Elems[2]) {
				x.errorf(e.Pos(), "export: expected an identifier or (rename internal external), got %s", parse.Print(e))
				continue
			}
			in, out = rl.Elems[1], rl.Elems[2]
		} else if !isIdent(e) {
			x.errorf(e.Pos(), "export: expected an identifier or (rename internal external), got %s", parse.Print(e))
			continue
		}
		n := baseName(in)
		if b, ok := env.scope.names[n]; ok {
			lib.exports[baseName(out)] = b
			continue
		}
		if iv, ok := env.imports[n]; ok {
			lib.exports[baseName(out)] = iv.g
			continue
		}
		g := x.globals[env.prefix+n]
		if g == nil || g.Defines == 0 {
			x.errorf(in.Pos(), "export: %s exports %s, which it does not define or import", name, n)
			continue
		}
		lib.exports[baseName(out)] = g
	}
	x.libs.byName[name] = lib
	info := &LibraryInfo{Name: name}
	for n, b := range lib.exports {
		if g, ok := b.(*Global); ok {
			info.Exports = append(info.Exports, LibraryExport{Name: n, G: g})
		}
	}
	sort.Slice(info.Exports, func(i, j int) bool { return info.Exports[i].Name < info.Exports[j].Name })
	x.prog.Libraries = append(x.prog.Libraries, info)
}

// libraryDecls processes library declarations in order.
func (x *expander) libraryDecls(decls []parse.Datum, env *topEnv, exports *[]parse.Datum) {
	for _, d := range decls {
		l, ok := d.(*parse.List)
		kind := declName(d)
		if !ok {
			kind = ""
		}
		switch kind {
		case "export":
			*exports = append(*exports, l.Elems[1:]...)
		case "import":
			if !env.importsOK {
				x.errorf(l.P, "import: a library's imports must come before its body")
			}
			x.importDecl(l, env)
		case "begin":
			env.importsOK = false
			x.toplevelForms(l.Elems[1:], env)
		case "include", "include-ci":
			env.importsOK = false
			for _, f := range l.Elems[1:] {
				s, ok := f.(*parse.String)
				if !ok {
					x.errorf(f.Pos(), "%s: expected a file name string, got %s", kind, parse.Print(f))
					continue
				}
				if ds, ok := x.readFile(f.Pos(), s.V, kind == "include-ci"); ok {
					x.toplevelForms(ds, env)
				}
			}
		case "include-library-declarations":
			for _, f := range l.Elems[1:] {
				s, ok := f.(*parse.String)
				if !ok {
					x.errorf(f.Pos(), "%s: expected a file name string, got %s", kind, parse.Print(f))
					continue
				}
				if ds, ok := x.readFile(f.Pos(), s.V, false); ok {
					x.libraryDecls(ds, env, exports)
				}
			}
		case "cond-expand":
			for _, c := range l.Elems[1:] {
				cl, ok := c.(*parse.List)
				if !ok || cl.Tail != nil || len(cl.Elems) == 0 {
					x.errorf(c.Pos(), "cond-expand: expected a clause (requirement declaration...), got %s", parse.Print(c))
					break
				}
				hold, ok := x.featureHolds(cl.Elems[0])
				if !ok {
					break
				}
				if hold {
					x.libraryDecls(cl.Elems[1:], env, exports)
					break
				}
			}
		default:
			x.errorf(d.Pos(), "define-library: expected a declaration (export, import, begin, include, include-ci, include-library-declarations or cond-expand), got %s", parse.Print(d))
		}
	}
}

//go:embed prelude.scm
var preludeSource string

// The SRFIs whose exports are all prelude syntax.
func init() {
	rt.RegisterLibrary("(srfi 2)", "and-let*")
	rt.RegisterLibrary("(srfi 8)", "receive")
	rt.RegisterLibrary("(srfi 26)", "cut", "cute")
}

// loadPrelude defines the macros of prelude.scm in the core scope: derived
// syntax from the SRFIs that is clearest as syntax-rules.
func (x *expander) loadPrelude() {
	forms, err := parse.ReadAll("prelude.scm", preludeSource)
	if err != nil {
		panic("analyze: prelude.scm: " + err.Error())
	}
	for _, d := range forms {
		l, b := x.head(d, x.coreScope)
		if sp, ok := b.(*special); !ok || sp.name != "define-syntax" {
			panic("analyze: prelude.scm holds only define-syntax forms")
		}
		x.defineSyntax(l, x.coreScope, x.coreScope)
	}
	if len(x.errs) > 0 {
		panic("analyze: prelude.scm: " + x.errs.Error())
	}
}
