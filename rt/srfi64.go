package rt

import (
	"fmt"
	"math"
	"math/big"
	"strings"
	"sync"
)

// This file holds the test runner of SRFI 64 (a Scheme API for test
// suites). The syntax (test-assert, test-equal, test-error, test-group ...)
// is in the expander's prelude and expands into calls of the %test
// primitives here, passing each test expression as a thunk and as quoted
// source for the report.
//
// The runner is the simple one the SRFI describes: it counts passes,
// failures, expected failures, unexpected passes and skips, prints each
// failure with its expression, expected and actual values, and prints a
// summary when the outermost group ends. test-skip and test-expect-fail
// take specifiers: a test name (string), a count (the next N tests), or a
// predicate on the runner.

// TestRunner is the state of SRFI 64's current runner.
//
// The mutex guards the counters and specifiers; it is never held while
// Scheme code (a predicate specifier) runs.
type TestRunner struct {
	mu                             sync.Mutex
	pass, fail, xpass, xfail, skip int
	groups                         []testGroup
	name                           string // name of the test being run
	lastResult                     string
	skipSpecs, failSpecs           []testSpec
}

type testGroup struct {
	name  string
	nskip int // specifiers active before the group began
	nfail int
}

// testSpec is a test-skip or test-expect-fail specifier.
type testSpec struct {
	name           string // match by name
	count          int    // match the next count tests (when > 0)
	pred           Value  // a procedure of the runner
	isPred, isName bool
}

var currentRunner = &TestRunner{}

func runnerValue(r *TestRunner) Value { return NewForeign("test-runner", r) }

func runnerArg(t *Thread, who string, v Value) *TestRunner {
	if v.Is(TForeign) {
		if r, ok := v.Foreign().V.(*TestRunner); ok {
			return r
		}
	}
	t.TypeError(who, "test runner", v)
	return nil
}

func (r *TestRunner) print(t *Thread, s string) {
	p := t.CurrentOutput()
	p.WriteString(s)
}

// TestBegin is (test-begin name [count]).
func TestBegin(t *Thread, args []Value) Value {
	r := currentRunner
	name := DisplayString(args[0])
	r.mu.Lock()
	outer := len(r.groups) == 0
	if outer {
		r.pass, r.fail, r.xpass, r.xfail, r.skip = 0, 0, 0, 0, 0
	}
	r.groups = append(r.groups, testGroup{name: name, nskip: len(r.skipSpecs), nfail: len(r.failSpecs)})
	r.mu.Unlock()
	if outer {
		r.print(t, "%%%% Starting test "+name+"\n")
	}
	return Unspecified
}

// TestEnd is (test-end [name]).
func TestEnd(t *Thread, args []Value) Value {
	r := currentRunner
	r.mu.Lock()
	if len(r.groups) == 0 {
		r.mu.Unlock()
		return t.Errorf("test-end", "no test group is open (test-end without test-begin)")
	}
	g := r.groups[len(r.groups)-1]
	if len(args) > 0 && !args[0].IsFalse() {
		if n := DisplayString(args[0]); n != g.name {
			r.mu.Unlock()
			return t.Errorf("test-end", "%q does not match the open group %q", n, g.name)
		}
	}
	r.groups = r.groups[:len(r.groups)-1]
	r.skipSpecs = r.skipSpecs[:g.nskip]
	r.failSpecs = r.failSpecs[:g.nfail]
	outer := len(r.groups) == 0
	var b strings.Builder
	if outer {
		line := func(label string, n int) {
			if n > 0 {
				fmt.Fprintf(&b, "# of %-20s %d\n", label, n)
			}
		}
		line("expected passes", r.pass)
		line("expected failures", r.xfail)
		line("unexpected successes", r.xpass)
		line("unexpected failures", r.fail)
		line("skipped tests", r.skip)
	}
	r.mu.Unlock()
	if outer {
		r.print(t, b.String())
	}
	return Unspecified
}

// TestGroup is (%test-group name thunk): test-group's runtime half.
func TestGroup(t *Thread, name, thunk Value) Value {
	TestBegin(t, []Value{name})
	t.Call0(thunk)
	return TestEnd(t, []Value{name})
}

// matches reports whether a specifier of *specs selects the test about to
// run, named name. Count specifiers are consumed as tests pass by when
// consume is set.
func (r *TestRunner) matches(t *Thread, specs *[]testSpec, name string, consume bool) bool {
	r.mu.Lock()
	cur := append([]testSpec(nil), *specs...)
	r.mu.Unlock()
	hit := false
	for i, s := range cur {
		switch {
		case s.isName:
			hit = hit || s.name == name
		case s.isPred:
			hit = hit || t.Call1(s.pred, runnerValue(r)).IsTrue()
		case s.count > 0:
			hit = true
			if consume {
				r.mu.Lock()
				if i < len(*specs) {
					(*specs)[i].count--
				}
				r.mu.Unlock()
			}
		}
	}
	return hit
}

func specOf(t *Thread, who string, v Value) testSpec {
	switch {
	case v.IsString():
		return testSpec{name: DisplayString(v), isName: true}
	case v.IsFixnum() && v.Int() > 0:
		return testSpec{count: int(v.Int())}
	case v.IsProcedure():
		return testSpec{pred: v, isPred: true}
	}
	t.TypeError(who, "test specifier (a name, a positive count or a procedure)", v)
	return testSpec{}
}

// TestSkip is (test-skip specifier ...).
func TestSkip(t *Thread, args []Value) Value {
	return addSpecs(t, "test-skip", args, &currentRunner.skipSpecs)
}

// TestExpectFail is (test-expect-fail specifier ...).
func TestExpectFail(t *Thread, args []Value) Value {
	return addSpecs(t, "test-expect-fail", args, &currentRunner.failSpecs)
}

func addSpecs(t *Thread, who string, args []Value, to *[]testSpec) Value {
	for _, a := range args {
		s := specOf(t, who, a)
		currentRunner.mu.Lock()
		*to = append(*to, s)
		currentRunner.mu.Unlock()
	}
	return Unspecified
}

// raisedBox marks a value that a test expression raised.
type raisedBox struct{ obj Value }

var catchRaised = NewProc(&Procedure{ProcCode: &ProcCode{ProcInfo: &ProcInfo{Name: "test-catch", Req: 1, Max: 1},
	F1: func(t *Thread, obj Value) Value { return NewForeign("raised", &raisedBox{obj}) }}})

// runCatching calls thunk and returns its value, or the raised object and
// true.
func runCatching(t *Thread, thunk Value) (Value, bool) {
	v := t.Settle(Guard(t, thunk, catchRaised))
	if v.Is(TForeign) {
		if rb, ok := v.Foreign().V.(*raisedBox); ok {
			return rb.obj, true
		}
	}
	return v, false
}

// testName is the optional name argument (#f when absent).
func testName(v Value) string {
	if v.IsFalse() {
		return ""
	}
	return DisplayString(v)
}

// begin starts a test: it names it and reports whether it is skipped
// (SRFI 64: a skipped test's expression is not evaluated).
func (r *TestRunner) begin(t *Thread, name string) bool {
	r.mu.Lock()
	r.name = name
	r.mu.Unlock()
	return r.matches(t, &r.skipSpecs, name, false)
}

// record counts one test's outcome and reports failures. detail describes
// what happened when it failed.
func (r *TestRunner) record(t *Thread, name string, expr Value, ok bool, detail string) Value {
	skip := r.matches(t, &r.skipSpecs, name, true)
	xfail := !skip && r.matches(t, &r.failSpecs, name, true)
	label := name
	if label == "" {
		label = WriteString(expr)
	}
	var msg string
	r.mu.Lock()
	switch {
	case skip:
		r.skip++
		r.lastResult = "skip"
	case ok && !xfail:
		r.pass++
		r.lastResult = "pass"
	case ok && xfail:
		r.xpass++
		r.lastResult = "xpass"
		msg = "XPASS " + label + "\n"
	case !ok && xfail:
		r.xfail++
		r.lastResult = "xfail"
	default:
		r.fail++
		r.lastResult = "fail"
		msg = "FAIL " + label + "\n"
		if name != "" {
			msg += "  expression: " + WriteString(expr) + "\n"
		}
		msg += detail
	}
	r.mu.Unlock()
	if msg != "" {
		r.print(t, msg)
	}
	return Unspecified
}

// TestAssert is (%test-assert name 'expr thunk).
func TestAssert(t *Thread, name, expr, thunk Value) Value {
	r, n := currentRunner, testName(name)
	if r.begin(t, n) {
		return r.record(t, n, expr, true, "")
	}
	v, raised := runCatching(t, thunk)
	if raised {
		return r.record(t, n, expr, false, "  raised: "+DescribeRaised(v)+"\n")
	}
	return r.record(t, n, expr, v.IsTrue(), "  result: #f\n")
}

// TestCompare is (%test-compare name 'expr same? expected thunk), the
// runtime half of test-equal, test-eqv and test-eq.
func TestCompare(t *Thread, args []Value) Value {
	name, expr, same, expected, thunk := args[0], args[1], args[2], args[3], args[4]
	r, n := currentRunner, testName(name)
	if r.begin(t, n) {
		return r.record(t, n, expr, true, "")
	}
	v, raised := runCatching(t, thunk)
	if raised {
		return r.record(t, n, expr, false, "  expected: "+WriteString(expected)+"\n  raised: "+DescribeRaised(v)+"\n")
	}
	ok := t.Call2(same, expected, v).IsTrue()
	return r.record(t, n, expr, ok, "  expected: "+WriteString(expected)+"\n  actual:   "+WriteString(v)+"\n")
}

// TestApproximate is (%test-approximate name 'expr expected thunk error).
func TestApproximate(t *Thread, args []Value) Value {
	name, expr, expected, thunk, tol := args[0], args[1], args[2], args[3], args[4]
	r, n := currentRunner, testName(name)
	if r.begin(t, n) {
		return r.record(t, n, expr, true, "")
	}
	v, raised := runCatching(t, thunk)
	if raised {
		return r.record(t, n, expr, false, "  raised: "+DescribeRaised(v)+"\n")
	}
	e, ok1 := toFloat(expected)
	a, ok2 := toFloat(v)
	d, ok3 := toFloat(tol)
	ok := ok1 && ok2 && ok3 && math.Abs(e-a) <= d
	return r.record(t, n, expr, ok, fmt.Sprintf("  expected: %s (within %s)\n  actual:   %s\n", WriteString(expected), WriteString(tol), WriteString(v)))
}

// toFloat converts a real number to float64.
func toFloat(v Value) (float64, bool) {
	switch {
	case v.IsFixnum():
		return float64(v.Int()), true
	case v.IsFlonum():
		return v.Float(), true
	case v.Is(TBignum):
		f, _ := new(big.Float).SetInt(v.Big()).Float64()
		return f, true
	case v.Is(TRatnum):
		f, _ := v.Rat().Float64()
		return f, true
	}
	return 0, false
}

// TestError is (%test-error name 'expr type thunk): the test passes when
// thunk raises; type #t accepts any object, a procedure is a predicate on
// the raised object.
func TestError(t *Thread, args []Value) Value {
	name, expr, typ, thunk := args[0], args[1], args[2], args[3]
	r, n := currentRunner, testName(name)
	if r.begin(t, n) {
		return r.record(t, n, expr, true, "")
	}
	v, raised := runCatching(t, thunk)
	if !raised {
		return r.record(t, n, expr, false, "  expected an error, got "+WriteString(v)+"\n")
	}
	ok := true
	if typ.IsProcedure() {
		ok = t.Call1(typ, v).IsTrue()
	}
	return r.record(t, n, expr, ok, "  raised an error of the wrong kind: "+DescribeRaised(v)+"\n")
}

// TestRunnerCurrent is (test-runner-current).
func TestRunnerCurrent(t *Thread) Value { return runnerValue(currentRunner) }

func runnerCount(who string, get func(r *TestRunner) int) func(t *Thread, r Value) Value {
	return func(t *Thread, rv Value) Value {
		r := runnerArg(t, who, rv)
		r.mu.Lock()
		defer r.mu.Unlock()
		return Fixnum(int64(get(r)))
	}
}

// TestRunnerPassCount and friends are the runner's counters.
func TestRunnerPassCount(t *Thread, r Value) Value {
	return runnerCount("test-runner-pass-count", func(r *TestRunner) int { return r.pass })(t, r)
}
func TestRunnerFailCount(t *Thread, r Value) Value {
	return runnerCount("test-runner-fail-count", func(r *TestRunner) int { return r.fail })(t, r)
}
func TestRunnerXpassCount(t *Thread, r Value) Value {
	return runnerCount("test-runner-xpass-count", func(r *TestRunner) int { return r.xpass })(t, r)
}
func TestRunnerXfailCount(t *Thread, r Value) Value {
	return runnerCount("test-runner-xfail-count", func(r *TestRunner) int { return r.xfail })(t, r)
}
func TestRunnerSkipCount(t *Thread, r Value) Value {
	return runnerCount("test-runner-skip-count", func(r *TestRunner) int { return r.skip })(t, r)
}

// TestRunnerGroupPath is (test-runner-group-path runner): the names of the
// open groups, outermost first.
func TestRunnerGroupPath(t *Thread, rv Value) Value {
	r := runnerArg(t, "test-runner-group-path", rv)
	r.mu.Lock()
	defer r.mu.Unlock()
	out := Null
	for i := len(r.groups) - 1; i >= 0; i-- {
		out = Cons(Str(r.groups[i].name), out)
	}
	return out
}

// TestResultKind is (test-result-kind [runner]): pass, fail, xpass, xfail
// or skip for the last test, #f before any.
func TestResultKind(t *Thread, args []Value) Value {
	r := currentRunner
	if len(args) > 0 {
		r = runnerArg(t, "test-result-kind", args[0])
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.lastResult == "" {
		return False
	}
	return Intern(r.lastResult)
}

// TestMatchName is (test-match-name name): a specifier matching that name.
func TestMatchName(t *Thread, name Value) Value {
	n := DisplayString(name)
	return NewProc(&Procedure{ProcCode: &ProcCode{ProcInfo: &ProcInfo{Name: "test-match-name", Req: 1, Max: 1}, F1: func(t *Thread, rv Value) Value {
		r := runnerArg(t, "test-match-name", rv)
		return Bool(r.name == n)
	}}})
}

func init() {
	Define("test-begin", 1, 2, TestBegin)
	Define("test-end", 0, 1, TestEnd)
	Define("%test-group", 2, 2, TestGroup)
	Define("test-skip", 0, -1, TestSkip)
	Define("test-expect-fail", 0, -1, TestExpectFail)
	Define("%test-assert", 3, 3, TestAssert)
	Define("%test-compare", 5, 5, TestCompare)
	Define("%test-approximate", 5, 5, TestApproximate)
	Define("%test-error", 4, 4, TestError)
	Define("test-runner-current", 0, 0, TestRunnerCurrent)
	Define("test-runner-pass-count", 1, 1, TestRunnerPassCount)
	Define("test-runner-fail-count", 1, 1, TestRunnerFailCount)
	Define("test-runner-xpass-count", 1, 1, TestRunnerXpassCount)
	Define("test-runner-xfail-count", 1, 1, TestRunnerXfailCount)
	Define("test-runner-skip-count", 1, 1, TestRunnerSkipCount)
	Define("test-runner-group-path", 1, 1, TestRunnerGroupPath)
	Define("test-result-kind", 0, 1, TestResultKind)
	Define("test-match-name", 1, 1, TestMatchName)
	RegisterLibrary("(srfi 64)",
		"test-begin", "test-end", "test-group", "test-assert", "test-equal", "test-eqv",
		"test-eq", "test-approximate", "test-error", "test-skip", "test-expect-fail",
		"test-runner-current", "test-runner-pass-count", "test-runner-fail-count",
		"test-runner-xpass-count", "test-runner-xfail-count", "test-runner-skip-count",
		"test-runner-group-path", "test-result-kind", "test-match-name")
}
