;; Tail calls that pass lambdas to procedures that only call them are
;; direct Go calls when compiled, unless the callee itself tail-calls such
;; a procedure: ek and ok tail-call each other (a calling form between
;; their definitions keeps them out of a global group), so calls of them
;; pass procedure objects through the trampoline (testdata/explain/
;; tailchain.scm checks that decision). apply-k tail-calls nothing of the
;; kind: its tail callers pass Go functions. This file checks the results
;; of 10^6 such calls in both modes; it does not measure the stack.
(import (scheme base) (scheme write))

(define (ek k n) #:inline #f (if (= n 0) (k 'even) (ok (lambda (v) v) (- n 1))))
(display "")
(define (ok k n) #:inline #f (if (= n 0) (k 'odd) (ek (lambda (v) (list v)) (- n 1))))
(define (apply-k k x) #:inline #f (k x))
(define (twice-tail x) (apply-k (lambda (y) (* 2 y)) x))
(display (list (ek (lambda (v) v) 1000000) (ek (lambda (v) v) 1000001) (twice-tail 21)))
(newline)
;; expect-stdout:
;; ((even) odd 42)
