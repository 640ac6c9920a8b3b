;; A tail call passing lambdas to a procedure that only calls them is a
;; direct Go call unless the callee itself makes such a tail call: ek and
;; ok do (a calling form between them keeps them out of a global group),
;; so their lambdas stay closures and the calls go through the trampoline;
;; apply-k makes none, so its tail callers pass Go functions.
(define (ek k n) #:inline #f (if (= n 0) (k 'even) (ok (lambda (v) v) (- n 1))))     ; explain: ek: mutual tail calls with ok through the trampoline (a form between their definitions may call them) ; explain: ek: not unboxed: calls local procedure k other than as a loop (at 6:42) ; explain: k: only called: ek has an entry taking a Go function for it ; explain: k: procedure ; explain: lambda passed to ok in a tail call: closure allocated (ok tail-calls other procedures taking Go functions, so the call goes through the trampoline)
(display "")
(define (ok k n) #:inline #f (if (= n 0) (k 'odd) (ek (lambda (v) (list v)) (- n 1))))     ; explain: ok: mutual tail calls with ek through the trampoline (a form between their definitions may call them) ; explain: ok: not unboxed: calls local procedure k other than as a loop (at 8:42) ; explain: k: procedure ; explain: lambda passed to ek in a tail call: closure allocated (ek tail-calls other procedures taking Go functions, so the call goes through the trampoline)
(define (apply-k k x) #:inline #f (k x))     ; explain: apply-k: not unboxed: calls local procedure k other than as a loop (at 9:35) ; explain: k: only called: apply-k has an entry taking a Go function for it ; explain: k: procedure
(define (twice-tail x) (apply-k (lambda (y) (* 2 y)) x))     ; explain: twice-tail: not unboxed: calls a procedure without an int64 entry (at 10:24) ; explain: lambda does not escape: passed to apply-k, which only calls it: a Go function, no closure
(display (list (ek (lambda (v) v) 10) (twice-tail 21)))     ; explain: lambda does not escape: passed to ek, which only calls it: a Go function, no closure
