;; Closure escape through known procedures: a parameter that is only
;; called gets an entry taking a Go function, and a lambda passed to it in
;; a call (a tail call too, when the callee makes no such tail call itself)
;; is that Go function: no closure is allocated.
(define (fold f acc lst)     ; explain: fold: self tail calls compiled as a Go loop ; explain: fold: not unboxed: null? is not a fixnum operation here (at 6:7) ; explain: f: only called: fold has an entry taking a Go function for it ; explain: f: procedure ; explain: lst: list
  (if (null? lst) acc (fold f (f (car lst) acc) (cdr lst))))     ; explain: car: lst proven a pair, type check dropped ; explain: cdr: lst proven a pair, type check dropped
(define (apply-to-all g lst)     ; explain: apply-to-all: not unboxed: map is not a fixnum operation here (at 8:3) ; explain: g: procedure ; explain: lst: non-empty list ; BAD: g is only called by map, but passing it to a primitive rules it out
  (map g lst))
(define (total k lst)     ; explain: total: not unboxed: calls a procedure without an int64 entry (at 10:8) ; explain: lst: non-empty list
  (+ 1 (fold (lambda (x acc) (+ acc (* k x))) 0 lst)))     ; explain: lambda does not escape: passed to fold, which only calls it: a Go function, no closure
(define (total-tail k lst)     ; explain: total-tail: not unboxed: calls a procedure without an int64 entry (at 12:3) ; explain: lst: non-empty list
  (fold (lambda (x acc) (+ acc (* k x))) 0 lst))     ; explain: lambda does not escape: passed to fold, which only calls it: a Go function, no closure
(define (count-if pred lst)     ; explain: count-if: not unboxed: null? is not a fixnum operation here (at 15:9) ; explain: pred: only called: count-if has an entry taking a Go function for it ; explain: pred: procedure ; explain: lst: non-empty list
  (let loop ((l lst) (n 0))     ; explain: loop does not escape: compiled as a Go loop ; explain: loop does not escape: compiled in place, its calls are jumps ; explain: l: list
    (if (null? l) n (loop (cdr l) (if (pred (car l)) (+ n 1) n)))))     ; explain: cdr: l proven a pair, type check dropped ; explain: car: l proven a pair, type check dropped
(define (wrap pred) (lambda (x) (pred x)))     ; explain: wrap: not unboxed: makes a closure (at 16:21)
(define (uses k)     ; explain: uses: not unboxed: calls a procedure without an int64 entry (at 18:9)
  (list (count-if (lambda (x) (> x k)) '(1 5)) ((wrap (lambda (x) x)) 1)))     ; explain: lambda does not escape: passed to count-if, which only calls it: a Go function, no closure ; explain: call to wrap inlined
(display (list (uses 2) (total 2 '(1 2 3)) (total-tail 2 '(1 2)) (apply-to-all car '((1)))))
