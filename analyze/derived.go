package analyze

import (
	"os"
	"path/filepath"
	"strconv"

	"github.com/lambdust/lambdust/parse"
	"github.com/lambdust/lambdust/rt"
)

// This file defines the derived forms of R7RS 4.2 that expand by rewriting
// to other forms (define-values, let-values, let*-values, case-lambda,
// delay, delay-force, parameterize, guard, define-record-type, cond-expand,
// include, include-ci) and quasiquote, which expands straight to IR.
//
// A rewriter returns a datum that the expander expands in place of the
// form. The keywords and runtime procedures it inserts are x.core aliases,
// so user bindings cannot capture them, and its temporaries are x.fresh
// aliases, which no user identifier can name. Rewriting (rather than
// building IR) lets define-values and define-record-type produce
// definitions inside a body. The runtime halves are rt primitives whose
// names start with %: %case-lambda, %delay, %parameterize, %guard,
// %make-record-type and friends.

var rewriters = map[string]func(*expander, *parse.List, *scope) parse.Datum{
	"define-values":      (*expander).defineValues,
	"let-values":         (*expander).letValues,
	"let*-values":        (*expander).letStarValues,
	"case-lambda":        (*expander).caseLambda,
	"delay":              (*expander).delay,
	"delay-force":        (*expander).delay,
	"parameterize":       (*expander).parameterize,
	"guard":              (*expander).guard,
	"define-record-type": (*expander).defineRecordType,
	"cond-expand":        (*expander).condExpand,
	"include":            (*expander).include,
	"include-ci":         (*expander).include,
}

// list builds a proper list datum.
func list(pos parse.Pos, elems ...parse.Datum) *parse.List {
	return &parse.List{P: pos, Elems: elems}
}

// quoted is (quote d), with a core quote.
func (x *expander) quoted(pos parse.Pos, d parse.Datum) parse.Datum {
	return list(pos, x.core("quote", pos), d)
}

// thunk is (lambda () body...).
func (x *expander) thunk(pos parse.Pos, body ...parse.Datum) parse.Datum {
	return list(pos, append([]parse.Datum{x.core("lambda", pos), list(pos)}, body...)...)
}

// formalsIdents returns the identifiers of a formals datum ((a b . c), or
// a single identifier) and whether it is well formed.
func formalsIdents(f parse.Datum) ([]parse.Datum, bool) {
	if isIdent(f) {
		return []parse.Datum{f}, true
	}
	l, ok := f.(*parse.List)
	if !ok {
		return nil, false
	}
	out := append([]parse.Datum(nil), l.Elems...)
	if l.Tail != nil {
		out = append(out, l.Tail)
	}
	for _, d := range out {
		if !isIdent(d) {
			return nil, false
		}
	}
	return out, true
}

// freshFormals returns formals of the same shape as f with fresh
// identifiers, and the pairs (user identifier, fresh identifier).
func (x *expander) freshFormals(f parse.Datum) (parse.Datum, [][2]parse.Datum) {
	var pairs [][2]parse.Datum
	fresh := func(id parse.Datum) parse.Datum {
		t := x.fresh(baseName(id), id.Pos())
		pairs = append(pairs, [2]parse.Datum{id, t})
		return t
	}
	if isIdent(f) {
		return fresh(f), pairs
	}
	l := f.(*parse.List)
	out := &parse.List{P: l.P}
	for _, e := range l.Elems {
		out.Elems = append(out.Elems, fresh(e))
	}
	if l.Tail != nil {
		out.Tail = fresh(l.Tail)
	}
	return out, pairs
}

// defineValues rewrites (define-values formals expr) to
//
//	(begin (define a) ... (call-with-values (lambda () expr)
//	         (lambda fresh-formals (set! a fresh-a) ...)))
//
// so it works both at top level and in a body.
func (x *expander) defineValues(form *parse.List, sc *scope) parse.Datum {
	if !x.proper(form, 3, 3, "(define-values formals expression)") {
		return nil
	}
	ids, ok := formalsIdents(form.Elems[1])
	if !ok {
		x.errorf(form.Elems[1].Pos(), "define-values: expected formals like (a b . rest), got %s", parse.Print(form.Elems[1]))
		return nil
	}
	pos := form.P
	out := list(pos, x.core("begin", pos))
	for _, id := range ids {
		out.Elems = append(out.Elems, list(id.Pos(), x.core("define", pos), id))
	}
	formals, pairs := x.freshFormals(form.Elems[1])
	recv := list(pos, x.core("lambda", pos), formals)
	for _, p := range pairs {
		recv.Elems = append(recv.Elems, list(pos, x.core("set!", pos), p[0], p[1]))
	}
	recv.Elems = append(recv.Elems, list(pos, x.core("if", pos), &parse.Bool{P: pos}, &parse.Bool{P: pos}))
	out.Elems = append(out.Elems, list(pos, x.core("call-with-values", pos), x.thunk(pos, form.Elems[2]), recv))
	return out
}

// letValues rewrites (let-values (((formals) init) ...) body...): every
// init is evaluated in the outer scope, into fresh variables, and the body
// sees the user's names bound by a plain let.
func (x *expander) letValues(form *parse.List, sc *scope) parse.Datum {
	return x.letValuesWith(form, false)
}

// letStarValues rewrites let*-values to nested let-values.
func (x *expander) letStarValues(form *parse.List, sc *scope) parse.Datum {
	return x.letValuesWith(form, true)
}

func (x *expander) letValuesWith(form *parse.List, star bool) parse.Datum {
	who := baseName(form.Elems[0])
	if !x.proper(form, 3, -1, "("+who+" ((formals init) ...) body...)") {
		return nil
	}
	bl, ok := form.Elems[1].(*parse.List)
	if !ok || bl.Tail != nil {
		x.errorf(form.Elems[1].Pos(), "%s: expected a list of bindings ((formals init) ...), got %s", who, parse.Print(form.Elems[1]))
		return nil
	}
	pos := form.P
	type clause struct {
		formals parse.Datum
		init    parse.Datum
	}
	var cls []clause
	for _, b := range bl.Elems {
		l, ok := b.(*parse.List)
		if !ok || l.Tail != nil || len(l.Elems) != 2 {
			x.errorf(b.Pos(), "%s: expected a binding (formals init), got %s", who, parse.Print(b))
			return nil
		}
		if _, ok := formalsIdents(l.Elems[0]); !ok {
			x.errorf(l.Elems[0].Pos(), "%s: expected formals like (a b . rest), got %s", who, parse.Print(l.Elems[0]))
			return nil
		}
		cls = append(cls, clause{l.Elems[0], l.Elems[1]})
	}
	body := form.Elems[2:]
	if star {
		// (let*-values (c1 c2 ...) body) = (let-values (c1) (let*-values (c2 ...) body))
		if len(cls) <= 1 {
			return list(pos, append([]parse.Datum{x.core("let-values", pos), form.Elems[1]}, body...)...)
		}
		rest := list(pos, append([]parse.Datum{x.core("let*-values", pos), list(pos, bl.Elems[1:]...)}, body...)...)
		return list(pos, x.core("let-values", pos), list(pos, bl.Elems[0]), rest)
	}
	// Innermost: (let ((user fresh) ...) body...).
	binds := list(pos)
	var wraps []struct {
		formals parse.Datum
		init    parse.Datum
	}
	for _, c := range cls {
		f, pairs := x.freshFormals(c.formals)
		for _, p := range pairs {
			binds.Elems = append(binds.Elems, list(p[0].Pos(), p[0], p[1]))
		}
		wraps = append(wraps, struct {
			formals parse.Datum
			init    parse.Datum
		}{f, c.init})
	}
	var out parse.Datum = list(pos, append([]parse.Datum{x.core("let", pos), binds}, body...)...)
	for i := len(wraps) - 1; i >= 0; i-- {
		w := wraps[i]
		out = list(pos, x.core("call-with-values", pos), x.thunk(w.init.Pos(), w.init),
			list(pos, x.core("lambda", pos), w.formals, out))
	}
	return out
}

// caseLambda rewrites (case-lambda (formals body...) ...) to
// (%case-lambda (lambda formals body...) ...).
func (x *expander) caseLambda(form *parse.List, sc *scope) parse.Datum {
	if !x.proper(form, 1, -1, "(case-lambda (formals body...) ...)") {
		return nil
	}
	out := list(form.P, x.core("%case-lambda", form.P))
	for _, c := range form.Elems[1:] {
		cl, ok := c.(*parse.List)
		if !ok || cl.Tail != nil || len(cl.Elems) < 2 {
			x.errorf(c.Pos(), "case-lambda: expected a clause (formals body...), got %s", parse.Print(c))
			return nil
		}
		out.Elems = append(out.Elems, list(cl.P, append([]parse.Datum{x.core("lambda", cl.P)}, cl.Elems...)...))
	}
	return out
}

// delay rewrites (delay e) to (%delay (lambda () e)) and (delay-force e) to
// (%delay-force (lambda () e)).
func (x *expander) delay(form *parse.List, sc *scope) parse.Datum {
	who := baseName(form.Elems[0])
	if !x.proper(form, 2, 2, "("+who+" expression)") {
		return nil
	}
	return list(form.P, x.core("%"+who, form.P), x.thunk(form.P, form.Elems[1]))
}

// parameterize rewrites (parameterize ((p v) ...) body...) to
// (%parameterize (list p ...) (list v ...) (lambda () body...)).
func (x *expander) parameterize(form *parse.List, sc *scope) parse.Datum {
	if !x.proper(form, 3, -1, "(parameterize ((parameter value) ...) body...)") {
		return nil
	}
	bl, ok := form.Elems[1].(*parse.List)
	if !ok || bl.Tail != nil {
		x.errorf(form.Elems[1].Pos(), "parameterize: expected ((parameter value) ...), got %s", parse.Print(form.Elems[1]))
		return nil
	}
	pos := form.P
	ps, vs := list(pos, x.core("list", pos)), list(pos, x.core("list", pos))
	for _, b := range bl.Elems {
		l, ok := b.(*parse.List)
		if !ok || l.Tail != nil || len(l.Elems) != 2 {
			x.errorf(b.Pos(), "parameterize: expected (parameter value), got %s", parse.Print(b))
			return nil
		}
		ps.Elems = append(ps.Elems, l.Elems[0])
		vs.Elems = append(vs.Elems, l.Elems[1])
	}
	return list(pos, x.core("%parameterize", pos), ps, vs, x.thunk(pos, form.Elems[2:]...))
}

// guard rewrites (guard (var clause...) body...) to
//
//	(%guard (lambda () body...)
//	        (lambda (var) (cond clause... (else (raise-continuable var)))))
//
// %guard runs the handler after leaving the body's dynamic extent; a
// guard without an else clause re-raises the object (R7RS 4.2.7).
func (x *expander) guard(form *parse.List, sc *scope) parse.Datum {
	if !x.proper(form, 3, -1, "(guard (variable clause...) body...)") {
		return nil
	}
	spec, ok := form.Elems[1].(*parse.List)
	if !ok || spec.Tail != nil || len(spec.Elems) == 0 || !isIdent(spec.Elems[0]) {
		x.errorf(form.Elems[1].Pos(), "guard: expected (variable clause...), got %s", parse.Print(form.Elems[1]))
		return nil
	}
	pos := form.P
	v := spec.Elems[0]
	cond := list(pos, x.core("cond", pos))
	hasElse := false
	for _, c := range spec.Elems[1:] {
		cl, ok := c.(*parse.List)
		if !ok || cl.Tail != nil || len(cl.Elems) == 0 {
			x.errorf(c.Pos(), "guard: expected a cond clause, got %s", parse.Print(c))
			return nil
		}
		if isIdent(cl.Elems[0]) && baseName(cl.Elems[0]) == "else" {
			hasElse = true
		}
		cond.Elems = append(cond.Elems, c)
	}
	if !hasElse {
		cond.Elems = append(cond.Elems, list(pos, x.core("else", pos), list(pos, x.core("raise-continuable", pos), v)))
	}
	handler := list(pos, x.core("lambda", pos), list(pos, v), cond)
	return list(pos, x.core("%guard", pos), x.thunk(pos, form.Elems[2:]...), handler)
}

// defineRecordType rewrites
//
//	(define-record-type <type> (ctor field ...) pred (field accessor [modifier]) ...)
//
// to definitions of the type descriptor and its procedures. The
// constructor spec may also be a lone identifier (all fields, in order) or
// #f (no constructor).
func (x *expander) defineRecordType(form *parse.List, sc *scope) parse.Datum {
	const usage = "(define-record-type <name> (constructor field...) predicate (field accessor [modifier])...)"
	if !x.proper(form, 4, -1, usage) || !isIdent(form.Elems[1]) {
		if len(form.Elems) > 1 && !isIdent(form.Elems[1]) {
			x.errorf(form.Elems[1].Pos(), "define-record-type: expected a type name, got %s", parse.Print(form.Elems[1]))
		}
		return nil
	}
	pos := form.P
	typ := form.Elems[1]
	def := func(name, val parse.Datum) parse.Datum { return list(name.Pos(), x.core("define", pos), name, val) }
	q := func(d parse.Datum) parse.Datum { return x.quoted(d.Pos(), strip(d)) }

	var fields []parse.Datum
	var procs []parse.Datum
	for _, f := range form.Elems[4:] {
		fl, ok := f.(*parse.List)
		if !ok || fl.Tail != nil || len(fl.Elems) < 1 || len(fl.Elems) > 3 {
			if id := f; isIdent(id) {
				fields = append(fields, id) // a field with no procedures
				continue
			}
			x.errorf(f.Pos(), "define-record-type: expected a field spec (field accessor [modifier]), got %s", parse.Print(f))
			return nil
		}
		for _, e := range fl.Elems {
			if !isIdent(e) {
				x.errorf(e.Pos(), "define-record-type: expected an identifier, got %s", parse.Print(e))
				return nil
			}
		}
		fields = append(fields, fl.Elems[0])
		if len(fl.Elems) > 1 {
			procs = append(procs, def(fl.Elems[1], list(pos, x.core("%record-accessor", pos), typ, q(fl.Elems[0]), q(fl.Elems[1]))))
		}
		if len(fl.Elems) > 2 {
			procs = append(procs, def(fl.Elems[2], list(pos, x.core("%record-modifier", pos), typ, q(fl.Elems[0]), q(fl.Elems[2]))))
		}
	}
	out := list(pos, x.core("begin", pos),
		def(typ, list(pos, x.core("%make-record-type", pos), q(typ), x.quoted(pos, list(pos, fields...)))))
	switch c := form.Elems[2].(type) {
	case *parse.Bool:
		if c.V {
			x.errorf(c.P, "define-record-type: expected a constructor spec or #f, got #t")
			return nil
		}
	case *parse.List:
		if c.Tail != nil || len(c.Elems) == 0 || !isIdent(c.Elems[0]) {
			x.errorf(c.P, "define-record-type: expected a constructor spec (name field...), got %s", parse.Print(c))
			return nil
		}
		out.Elems = append(out.Elems, def(c.Elems[0], list(pos, x.core("%record-constructor", pos), typ,
			x.quoted(c.P, strip(list(c.P, c.Elems[1:]...))), q(c.Elems[0]))))
	default:
		if !isIdent(c) {
			x.errorf(c.Pos(), "define-record-type: expected a constructor spec (name field...), got %s", parse.Print(c))
			return nil
		}
		out.Elems = append(out.Elems, def(c, list(pos, x.core("%record-constructor", pos), typ,
			x.quoted(pos, strip(list(pos, fields...))), q(c))))
	}
	if pred := form.Elems[3]; isIdent(pred) {
		out.Elems = append(out.Elems, def(pred, list(pos, x.core("%record-predicate", pos), typ, q(pred))))
	} else if b, ok := pred.(*parse.Bool); !ok || b.V {
		x.errorf(pred.Pos(), "define-record-type: expected a predicate name, got %s", parse.Print(pred))
		return nil
	}
	out.Elems = append(out.Elems, procs...)
	return out
}

// condExpand rewrites (cond-expand (requirement body...) ...) to
// (begin body...) of the first clause whose feature requirement holds
// (R7RS 4.2.1), or an unspecified value when none does.
func (x *expander) condExpand(form *parse.List, sc *scope) parse.Datum {
	if !x.proper(form, 1, -1, "(cond-expand (requirement body...) ...)") {
		return nil
	}
	for _, c := range form.Elems[1:] {
		cl, ok := c.(*parse.List)
		if !ok || cl.Tail != nil || len(cl.Elems) == 0 {
			x.errorf(c.Pos(), "cond-expand: expected a clause (requirement body...), got %s", parse.Print(c))
			return nil
		}
		hold, ok := x.featureHolds(cl.Elems[0])
		if !ok {
			return nil
		}
		if hold {
			if len(cl.Elems) == 1 {
				break
			}
			return list(cl.P, append([]parse.Datum{x.core("begin", cl.P)}, cl.Elems[1:]...)...)
		}
	}
	return list(form.P, x.core("if", form.P), &parse.Bool{P: form.P}, &parse.Bool{P: form.P})
}

// featureHolds evaluates a cond-expand feature requirement.
func (x *expander) featureHolds(req parse.Datum) (hold, ok bool) {
	if isIdent(req) {
		name := baseName(req)
		if name == "else" {
			return true, true
		}
		for _, f := range rt.FeatureList() {
			if f == name {
				return true, true
			}
		}
		return false, true
	}
	l, isList := req.(*parse.List)
	if !isList || l.Tail != nil || len(l.Elems) == 0 || !isIdent(l.Elems[0]) {
		x.errorf(req.Pos(), "cond-expand: expected a feature requirement, got %s", parse.Print(req))
		return false, false
	}
	args := l.Elems[1:]
	switch baseName(l.Elems[0]) {
	case "and", "or":
		and := baseName(l.Elems[0]) == "and"
		for _, a := range args {
			h, ok := x.featureHolds(a)
			if !ok {
				return false, false
			}
			if h != and {
				return h, true
			}
		}
		return and, true
	case "not":
		if len(args) != 1 {
			x.errorf(l.P, "cond-expand: expected (not requirement)")
			return false, false
		}
		h, ok := x.featureHolds(args[0])
		return !h, ok
	case "library":
		if len(args) != 1 {
			x.errorf(l.P, "cond-expand: expected (library name)")
			return false, false
		}
		return x.libraryExists(args[0]), true
	}
	x.errorf(l.P, "cond-expand: unknown requirement %s (expected a feature, library, and, or, not or else)", parse.Print(strip(l.Elems[0])))
	return false, false
}

// include rewrites (include "file" ...) to (begin datum...) of the files'
// contents, read relative to the directory of the including file;
// include-ci reads them with case folding (R7RS 4.1.7).
func (x *expander) include(form *parse.List, sc *scope) parse.Datum {
	who := baseName(form.Elems[0])
	if !x.proper(form, 2, -1, "("+who+" \"file\" ...)") {
		return nil
	}
	out := list(form.P, x.core("begin", form.P))
	for _, f := range form.Elems[1:] {
		s, ok := f.(*parse.String)
		if !ok {
			x.errorf(f.Pos(), "%s: expected a file name string, got %s", who, parse.Print(f))
			return nil
		}
		ds, ok := x.readFile(f.Pos(), s.V, who == "include-ci")
		if !ok {
			return nil
		}
		out.Elems = append(out.Elems, ds...)
	}
	return out
}

// readFile reads the datums of a file named relative to the directory of
// the file at pos, or else relative to a directory of the library path.
func (x *expander) readFile(pos parse.Pos, name string, fold bool) ([]parse.Datum, bool) {
	path := name
	if !filepath.IsAbs(path) && pos.File != "" {
		path = filepath.Join(filepath.Dir(pos.File), name)
	}
	src, err := os.ReadFile(path)
	if err != nil && !filepath.IsAbs(name) {
		// Then the library search path (-I dirs and the program's
		// directory), as for .sld files.
		for _, dir := range x.libs.path {
			if s, e := os.ReadFile(filepath.Join(dir, name)); e == nil {
				src, err, path = s, nil, filepath.Join(dir, name)
				break
			}
		}
	}
	if err != nil {
		x.errorf(pos, "include: cannot read %s: %v", name, unwrapPathError(err))
		return nil, false
	}
	r := parse.NewReaderString(path, string(src))
	r.SetFoldCase(fold)
	var ds []parse.Datum
	for {
		d, err := r.Read()
		if err != nil {
			if e, ok := err.(*parse.Error); ok {
				x.errs = append(x.errs, e)
				return nil, false
			}
			break // io.EOF
		}
		ds = append(ds, d)
	}
	return ds, true
}

// libraryExists reports whether (library name) of cond-expand holds: the
// library could be imported, i.e. it is defined earlier in this expansion,
// provided by the runtime, a standard library, or an .sld file on the
// search path (the same places x.library looks, without loading it).
func (x *expander) libraryExists(name parse.Datum) bool {
	key := parse.Print(strip(name))
	if x.libs.byName[key] != nil || rt.LookupLibrary(key) != nil {
		return true
	}
	l, ok := strip(name).(*parse.List)
	if !ok || l.Tail != nil || len(l.Elems) == 0 {
		return false
	}
	var parts []string
	for _, e := range l.Elems {
		switch e := e.(type) {
		case *parse.Symbol:
			parts = append(parts, e.Name)
		case *parse.Int:
			parts = append(parts, strconv.FormatInt(e.V, 10))
		default:
			return false
		}
	}
	if len(parts) == 2 && parts[0] == "scheme" && standardLibraries[parts[1]] {
		return true
	}
	for _, dir := range x.libs.path {
		if _, err := os.Stat(filepath.Join(append([]string{dir}, parts...)...) + ".sld"); err == nil {
			return true
		}
	}
	return false
}

func unwrapPathError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// quasiquote expands (quasiquote template) (R7RS 4.2.8) to IR that builds
// the structure: constant parts become constants, unquoted parts are
// evaluated, unquote-splicing appends. Nested quasiquotes raise the level;
// only level-1 unquotes are evaluated.
func (x *expander) quasiquote(form *parse.List, sc *scope) Node {
	if !x.proper(form, 2, 2, "(quasiquote template)") {
		return unspec(form.P)
	}
	return x.qq(form.Elems[1], 1, sc)
}

// qqForm reports whether d is (name arg) for the quasiquote keyword name,
// returning arg.
func qqForm(d parse.Datum, name string) (parse.Datum, bool) {
	l, ok := d.(*parse.List)
	if !ok || l.Tail != nil || len(l.Elems) != 2 || !isIdent(l.Elems[0]) || baseName(l.Elems[0]) != name {
		return nil, false
	}
	return l.Elems[1], true
}

// qqConst reports whether d contains no unquote at level 1.
func qqConst(d parse.Datum, depth int) bool {
	if a, ok := qqForm(d, "unquote"); ok {
		return depth > 1 && qqConst(a, depth-1)
	}
	if a, ok := qqForm(d, "unquote-splicing"); ok {
		return depth > 1 && qqConst(a, depth-1)
	}
	if a, ok := qqForm(d, "quasiquote"); ok {
		return qqConst(a, depth+1)
	}
	switch d := d.(type) {
	case *parse.List:
		for i, e := range d.Elems {
			// (a unquote x) is (a . ,x), as in qqList.
			if i > 0 && i == len(d.Elems)-2 && d.Tail == nil && isIdent(e) {
				if n := baseName(e); n == "unquote" || n == "unquote-splicing" {
					return qqConst(&parse.List{P: e.Pos(), Elems: d.Elems[i:]}, depth)
				}
			}
			if !qqConst(e, depth) {
				return false
			}
		}
		return d.Tail == nil || qqConst(d.Tail, depth)
	case *parse.Vector:
		for _, e := range d.Elems {
			if !qqConst(e, depth) {
				return false
			}
		}
	}
	return true
}

func (x *expander) qq(d parse.Datum, depth int, sc *scope) Node {
	pos := d.Pos()
	if qqConst(d, depth) {
		v, err := datumValue(d)
		if err != nil {
			return x.bad(pos, "%s", err)
		}
		return &Const{P: pos, Val: v}
	}
	sym := func(name string) Node { return &Const{P: pos, Val: rt.Intern(name)} }
	if a, ok := qqForm(d, "unquote"); ok {
		if depth == 1 {
			return x.expr(a, sc)
		}
		return x.prim(pos, "list", sym("unquote"), x.qq(a, depth-1, sc))
	}
	if a, ok := qqForm(d, "quasiquote"); ok {
		return x.prim(pos, "list", sym("quasiquote"), x.qq(a, depth+1, sc))
	}
	if _, ok := qqForm(d, "unquote-splicing"); ok && depth == 1 {
		return x.bad(pos, "unquote-splicing: not inside a list")
	}
	switch d := d.(type) {
	case *parse.List:
		return x.qqList(pos, d.Elems, d.Tail, depth, sc)
	case *parse.Vector:
		return x.prim(pos, "list->vector", x.qqList(pos, d.Elems, nil, depth, sc))
	}
	return x.bad(pos, "internal error: quasiquote of %s", parse.Print(d))
}

// qqList builds the list of elems ending in tail (nil: the empty list).
func (x *expander) qqList(pos parse.Pos, elems []parse.Datum, tail parse.Datum, depth int, sc *scope) Node {
	if len(elems) == 0 {
		if tail == nil {
			return &Const{P: pos, Val: rt.Null}
		}
		return x.qq(tail, depth, sc)
	}
	// (a unquote x) is (a . ,x): the dotted unquote the reader flattens.
	if len(elems) == 2 && tail == nil && isIdent(elems[0]) {
		if n := baseName(elems[0]); n == "unquote" || n == "unquote-splicing" {
			return x.qq(&parse.List{P: elems[0].Pos(), Elems: elems}, depth, sc)
		}
	}
	rest := x.qqList(pos, elems[1:], tail, depth, sc)
	e := elems[0]
	if a, ok := qqForm(e, "unquote-splicing"); ok {
		if depth == 1 {
			if c, ok := rest.(*Const); ok && c.Val.IsNull() {
				// The last splice is not copied (R7RS: like append).
				return x.expr(a, sc)
			}
			return x.prim(e.Pos(), "append", x.expr(a, sc), rest)
		}
		inner := x.prim(e.Pos(), "list", &Const{P: e.Pos(), Val: rt.Intern("unquote-splicing")}, x.qq(a, depth-1, sc))
		return x.prim(e.Pos(), "cons", inner, rest)
	}
	return x.prim(e.Pos(), "cons", x.qq(e, depth, sc), rest)
}
