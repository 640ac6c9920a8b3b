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
	p := &Procedure{ProcInfo: &ProcInfo{}}
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
	if c := find(0); c != nil {
		if p.F0 = c.F0; p.F0 == nil {
			p.F0 = func(t *Thread) Value { return c.ApplySlice(t, nil) }
		}
	}
	if c := find(1); c != nil {
		if p.F1 = c.F1; p.F1 == nil {
			p.F1 = func(t *Thread, a Value) Value { return c.ApplySlice(t, []Value{a}) }
		}
	}
	if c := find(2); c != nil {
		if p.F2 = c.F2; p.F2 == nil {
			p.F2 = func(t *Thread, a, b Value) Value { return c.ApplySlice(t, []Value{a, b}) }
		}
	}
	if c := find(3); c != nil {
		if p.F3 = c.F3; p.F3 == nil {
			p.F3 = func(t *Thread, a, b, d Value) Value { return c.ApplySlice(t, []Value{a, b, d}) }
		}
	}
	if c := find(4); c != nil {
		if p.F4 = c.F4; p.F4 == nil {
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
