package rt

import (
	"strings"
	"sync"
	"unsafe"
)

// This file holds the runtime side of define-record-type (R7RS 5.5). The
// expander turns
//
//	(define-record-type <point> (make-point x y) point? (x point-x set-point-x!) ...)
//
// into calls of %make-record-type, which makes the type descriptor, and of
// %record-constructor, %record-predicate, %record-accessor and
// %record-modifier, which make the procedures. Every use makes a new type
// (records are generative). Records are compared by identity (eqv?) by
// equal? too.

// RecordType is a record type descriptor.
type RecordType struct {
	Name   string   // the type's name as written, like "<point>"
	Fields []string // field names, in order
}

// Record is an instance of a record type.
type Record struct {
	Type   *RecordType
	Fields []Value
}

// Value returns rt as a Scheme value.
func (rt *RecordType) Value() Value { return heap(unsafe.Pointer(rt), TRecordType) }

// RecordType returns v's *RecordType. v must have type TRecordType.
func (v Value) RecordType() *RecordType { return (*RecordType)(v.p) }

// Value returns r as a Scheme value.
func (r *Record) Value() Value { return heap(unsafe.Pointer(r), TRecord) }

// Record returns v's *Record. v must have type TRecord.
func (v Value) Record() *Record { return (*Record)(v.p) }

// baseName is the type's name without the conventional angle brackets.
func (rt *RecordType) baseName() string {
	n := rt.Name
	if len(n) > 2 && n[0] == '<' && n[len(n)-1] == '>' {
		return n[1 : len(n)-1]
	}
	return n
}

// fieldIndex returns the index of the named field, or -1.
func (rt *RecordType) fieldIndex(name string) int {
	for i, f := range rt.Fields {
		if f == name {
			return i
		}
	}
	return -1
}

// newRecord makes an instance with every field #f.
func (rt *RecordType) newRecord() *Record {
	r := &Record{Type: rt, Fields: make([]Value, len(rt.Fields))}
	for i := range r.Fields {
		r.Fields[i] = False
	}
	return r
}

// nameArg is the name given by a symbol or string, or "" for none.
func nameArg(t *Thread, who string, v Value) string {
	switch {
	case v.IsSymbol():
		return v.Sym().Name
	case v.IsString():
		return v.Str().String()
	case v.IsFalse() || v.IsDefault():
		return ""
	}
	t.TypeError(who, "symbol or string", v)
	return ""
}

// rtdArg returns the record type descriptor v or raises an error.
func rtdArg(t *Thread, who string, v Value) *RecordType {
	if !v.Is(TRecordType) {
		t.TypeError(who, "record type descriptor", v)
	}
	return v.RecordType()
}

// fieldArg returns the index of the field named by v in rt, or raises an
// error.
func fieldArg(t *Thread, who string, rt *RecordType, v Value) int {
	name := nameArg(t, who, v)
	i := rt.fieldIndex(name)
	if i < 0 {
		t.Errorf(who, "%s is not a field of record type %s", WriteString(v), rt.Name)
	}
	return i
}

// optName is args[i] as a procedure name, or def when it is absent or #f.
func optName(t *Thread, who string, args []Value, i int, def string) string {
	if i < len(args) {
		if n := nameArg(t, who, args[i]); n != "" {
			return n
		}
	}
	return def
}

// MakeRecordType is (%make-record-type name field-names): a new record
// type descriptor. name is a symbol (or string), field-names a list of
// distinct symbols.
func MakeRecordType(t *Thread, name, fields Value) Value {
	const who = "define-record-type"
	rt := &RecordType{Name: nameArg(t, who, name)}
	fs, ok := ListToSlice(fields)
	if !ok {
		return t.TypeError(who, "list of field names", fields)
	}
	for _, f := range fs {
		if !f.IsSymbol() {
			return t.TypeError(who, "field name (a symbol)", f)
		}
		n := f.Sym().Name
		if rt.fieldIndex(n) >= 0 {
			return t.Errorf(who, "%s: duplicate field %s", rt.Name, n)
		}
		rt.Fields = append(rt.Fields, n)
	}
	return rt.Value()
}

// RecordConstructor is (%record-constructor rtd field-names [name]): a
// procedure that takes the named fields' values, in that order, and makes
// a record; the other fields are #f. name (a symbol or string) names the
// procedure, by default make-TYPE.
func RecordConstructor(t *Thread, args []Value) Value {
	const who = "define-record-type"
	rt := rtdArg(t, who, args[0])
	fs, ok := ListToSlice(args[1])
	if !ok {
		return t.TypeError(who, "list of field names", args[1])
	}
	idx := make([]int, len(fs))
	for i, f := range fs {
		idx[i] = fieldArg(t, who, rt, f)
		for _, j := range idx[:i] {
			if j == idx[i] {
				return t.Errorf(who, "duplicate field %s in the constructor of %s", rt.Fields[j], rt.Name)
			}
		}
	}
	n := len(idx)
	p := &Procedure{ProcCode: &ProcCode{ProcInfo: &ProcInfo{Name: optName(t, who, args, 2, "make-"+rt.baseName()), Req: n, Max: n}}}
	// A constructor that lists every field in order fills the record
	// positionally.
	inOrder := n == len(rt.Fields)
	for i, j := range idx {
		inOrder = inOrder && i == j
	}
	switch {
	case n == 0:
		p.F0 = func(t *Thread) Value { return rt.newRecord().Value() }
	case n == 1 && inOrder:
		p.F1 = func(t *Thread, a Value) Value {
			return (&Record{Type: rt, Fields: []Value{a}}).Value()
		}
	case n == 2 && inOrder:
		p.F2 = func(t *Thread, a, b Value) Value {
			return (&Record{Type: rt, Fields: []Value{a, b}}).Value()
		}
	case n == 3 && inOrder:
		p.F3 = func(t *Thread, a, b, c Value) Value {
			return (&Record{Type: rt, Fields: []Value{a, b, c}}).Value()
		}
	case n == 4 && inOrder:
		p.F4 = func(t *Thread, a, b, c, d Value) Value {
			return (&Record{Type: rt, Fields: []Value{a, b, c, d}}).Value()
		}
	case n == 1:
		p.F1 = func(t *Thread, a Value) Value {
			r := rt.newRecord()
			r.Fields[idx[0]] = a
			return r.Value()
		}
	case n == 2:
		p.F2 = func(t *Thread, a, b Value) Value {
			r := rt.newRecord()
			r.Fields[idx[0]], r.Fields[idx[1]] = a, b
			return r.Value()
		}
	case n == 3:
		p.F3 = func(t *Thread, a, b, c Value) Value {
			r := rt.newRecord()
			r.Fields[idx[0]], r.Fields[idx[1]], r.Fields[idx[2]] = a, b, c
			return r.Value()
		}
	case n == 4:
		p.F4 = func(t *Thread, a, b, c, d Value) Value {
			r := rt.newRecord()
			r.Fields[idx[0]], r.Fields[idx[1]], r.Fields[idx[2]], r.Fields[idx[3]] = a, b, c, d
			return r.Value()
		}
	default:
		p.FN = func(t *Thread, vs []Value) Value {
			if len(vs) != n {
				return t.ArityError(p, len(vs))
			}
			r := rt.newRecord()
			for i, j := range idx {
				r.Fields[j] = vs[i]
			}
			return r.Value()
		}
	}
	return NewProc(p)
}

// RecordPredicate is (%record-predicate rtd [name]): the type's predicate,
// named TYPE? by default.
func RecordPredicate(t *Thread, args []Value) Value {
	const who = "define-record-type"
	rt := rtdArg(t, who, args[0])
	p := &Procedure{ProcCode: &ProcCode{ProcInfo: &ProcInfo{Name: optName(t, who, args, 1, rt.baseName()+"?"), Req: 1, Max: 1}}}
	p.F1 = func(t *Thread, x Value) Value {
		return Bool(x.Is(TRecord) && x.Record().Type == rt)
	}
	return NewProc(p)
}

// recordOf returns x as a record of type rt, or raises "who: expected
// record of type <name>, got x".
func (rt *RecordType) recordOf(t *Thread, who string, x Value) *Record {
	if x.Is(TRecord) {
		if r := x.Record(); r.Type == rt {
			return r
		}
	}
	t.TypeError(who, "record of type "+rt.Name, x)
	return nil
}

// RecordAccessor is (%record-accessor rtd field [name]): the accessor of
// the field (a symbol), named TYPE-FIELD by default.
func RecordAccessor(t *Thread, args []Value) Value {
	const who = "define-record-type"
	rt := rtdArg(t, who, args[0])
	i := fieldArg(t, who, rt, args[1])
	p := &Procedure{ProcCode: &ProcCode{ProcInfo: &ProcInfo{Name: optName(t, who, args, 2, rt.baseName()+"-"+rt.Fields[i]), Req: 1, Max: 1}}}
	name := p.Name
	p.F1 = func(t *Thread, x Value) Value {
		if x.Is(TRecord) {
			if r := x.Record(); r.Type == rt {
				return r.Fields[i]
			}
		}
		return rt.recordOf(t, name, x).Fields[i]
	}
	return NewProc(p)
}

// RecordModifier is (%record-modifier rtd field [name]): the modifier of
// the field (a symbol), named set-TYPE-FIELD! by default.
func RecordModifier(t *Thread, args []Value) Value {
	const who = "define-record-type"
	rt := rtdArg(t, who, args[0])
	i := fieldArg(t, who, rt, args[1])
	p := &Procedure{ProcCode: &ProcCode{ProcInfo: &ProcInfo{Name: optName(t, who, args, 2, "set-"+rt.baseName()+"-"+rt.Fields[i]+"!"), Req: 2, Max: 2}}}
	name := p.Name
	p.F2 = func(t *Thread, x, v Value) Value {
		rt.recordOf(t, name, x).Fields[i] = v
		return Unspecified
	}
	return NewProc(p)
}

// printingRecords holds the records being printed, so a record that
// contains itself (directly or through other data) prints the inner
// occurrence as #<name ...> instead of recursing forever. The printer
// interface passes no per-print state, so the set is global: a record
// printed by two goroutines at the same moment may show abbreviated in one
// of them.
var printingRecords = struct {
	sync.Mutex
	m map[*Record]bool
}{m: map[*Record]bool{}}

// printRecord prints a record as #<name field=value ...>.
func printRecord(b *strings.Builder, v Value, write bool) {
	r := v.Record()
	name := r.Type.baseName()
	printingRecords.Lock()
	busy := printingRecords.m[r]
	printingRecords.m[r] = true
	printingRecords.Unlock()
	if busy {
		b.WriteString("#<" + name + " ...>")
		return
	}
	defer func() {
		printingRecords.Lock()
		delete(printingRecords.m, r)
		printingRecords.Unlock()
	}()
	b.WriteString("#<" + name)
	for i, f := range r.Type.Fields {
		b.WriteString(" " + f + "=")
		printValue(b, r.Fields[i], write)
	}
	b.WriteByte('>')
}

func printRecordType(b *strings.Builder, v Value, write bool) {
	b.WriteString("#<record-type " + v.RecordType().baseName() + ">")
}

func init() {
	Define("%make-record-type", 2, 2, MakeRecordType)
	Define("%record-constructor", 2, 3, RecordConstructor)
	Define("%record-predicate", 1, 2, RecordPredicate)
	Define("%record-accessor", 2, 3, RecordAccessor)
	Define("%record-modifier", 2, 3, RecordModifier)
	RegisterPrinter(TRecord, printRecord)
	RegisterPrinter(TRecordType, printRecordType)
}
