package rt

// This file holds the runtime side of case-lambda (R7RS 4.2.9): the
// expander makes one procedure per clause and passes them to %case-lambda,
// which makes a procedure that dispatches on the number of arguments.

// CaseLambda is (%case-lambda clause ...): a procedure that, called with n
// arguments, calls the first clause whose arity accepts n, in tail position;
// "case-lambda: no clause accepts N arguments" when none does. The entries
// for 0-4 arguments are chosen here, so a call with a fixed number of
// arguments goes straight to the clause's entry. The procedure is named
// after the first named clause.
func CaseLambda(t *Thread, args []Value) Value {
	clauses := make([]*Procedure, len(args))
	for i, a := range args {
		clauses[i] = t.procOf(a)
	}
	p := &Procedure{ProcCode: &ProcCode{ProcInfo: &ProcInfo{}}}
	for i, c := range clauses {
		if p.Name == "" {
			p.Name = c.Name
		}
		if i == 0 || c.Req < p.Req {
			p.Req = c.Req
		}
		if i == 0 || p.Max >= 0 && (c.Max < 0 || c.Max > p.Max) {
			p.Max = c.Max
		}
	}
	find := func(n int) *Procedure {
		for _, c := range clauses {
			if c.Req <= n && (c.Max < 0 || n <= c.Max) {
				return c
			}
		}
		return nil
	}
	// Each entry calls the clause's entry with t.Self set to the clause:
	// an entry may find its closure through Self (compiled closures that
	// capture values, interpreted closures), so it must not be copied
	// into this procedure.
	if c := find(0); c != nil {
		if f := c.F0; f != nil {
			p.F0 = func(t *Thread) Value { t.Self = c; return f(t) }
		} else {
			p.F0 = func(t *Thread) Value { return c.ApplySlice(t, nil) }
		}
	}
	if c := find(1); c != nil {
		if f := c.F1; f != nil {
			p.F1 = func(t *Thread, a Value) Value { t.Self = c; return f(t, a) }
		} else {
			p.F1 = func(t *Thread, a Value) Value { return c.ApplySlice(t, []Value{a}) }
		}
	}
	if c := find(2); c != nil {
		if f := c.F2; f != nil {
			p.F2 = func(t *Thread, a, b Value) Value { t.Self = c; return f(t, a, b) }
		} else {
			p.F2 = func(t *Thread, a, b Value) Value { return c.ApplySlice(t, []Value{a, b}) }
		}
	}
	if c := find(3); c != nil {
		if f := c.F3; f != nil {
			p.F3 = func(t *Thread, a, b, d Value) Value { t.Self = c; return f(t, a, b, d) }
		} else {
			p.F3 = func(t *Thread, a, b, d Value) Value { return c.ApplySlice(t, []Value{a, b, d}) }
		}
	}
	if c := find(4); c != nil {
		if f := c.F4; f != nil {
			p.F4 = func(t *Thread, a, b, d, e Value) Value { t.Self = c; return f(t, a, b, d, e) }
		} else {
			p.F4 = func(t *Thread, a, b, d, e Value) Value { return c.ApplySlice(t, []Value{a, b, d, e}) }
		}
	}
	p.FN = func(t *Thread, args []Value) Value {
		if c := find(len(args)); c != nil {
			return c.ApplySlice(t, args)
		}
		return t.Raise(NewError("case-lambda: no clause accepts " + itoa(len(args)) + " arguments").Value())
	}
	return NewProc(p)
}

func init() {
	Define("%case-lambda", 0, -1, CaseLambda)
}
