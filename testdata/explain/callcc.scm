;; call/cc classification: escape-only continuations are panic/recover;
;; a continuation that is stored is re-entrant, and then procedures that may
;; be live during a capture are made resumable, the others keep plain code.
(define (find-first pred lst)     ; explain: find-first: resumable (may be live during a re-entrant capture) ; explain: find-first: not unboxed: makes a closure (at 6:5) ; explain: pred: procedure ; explain: lst: non-empty list
  (call/cc     ; explain: return: re-entrant continuation ; BAD: escape-only in a program without re-entrant captures; here (pred x) could re-enter its extent
    (lambda (return)
      (for-each (lambda (x) (if (pred x) (return x))) lst)
      #f)))
(define (fib n)     ; explain: fib: not resumable (cannot reach a capture) ; explain: fib: int64 entry (generic entry on overflow) ; explain: n: fixnum, unboxed
  (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))     ; explain: -: no overflow check (range proven) ; explain: -: no overflow check (range proven)
(define (safe-sqrt x)     ; explain: safe-sqrt: not resumable (cannot reach a capture) ; explain: safe-sqrt: not unboxed: makes a closure (at 12:12)
  (call/cc (lambda (k) (if (< x 0) (k 'negative) (sqrt x)))))     ; explain: k: escape-only continuation: compiled as panic/recover
(define saved #f)
(define (mark)     ; explain: mark: resumable (may be live during a re-entrant capture)
  (call/cc (lambda (k) (set! saved k) 0)))     ; explain: k: re-entrant continuation
(display (list (find-first even? '(1 2 3)) (fib 10) (safe-sqrt -1) (mark)))
