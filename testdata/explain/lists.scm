;; List and number types: the parameters of procedures that are only called
;; get the union of their arguments' types, to a fixed point, so a named
;; let over a list keeps knowing it walks a list.
(define (sum-list lst)     ; explain: sum-list: not unboxed: null? is not a fixnum operation here (at 6:9) ; explain: lst: non-empty list
  (let loop ((l lst) (acc 0))     ; explain: loop does not escape: compiled as a Go loop ; explain: loop does not escape: compiled in place, its calls are jumps ; explain: l: list
    (if (null? l)
        acc
        (loop (cdr l) (+ acc (car l))))))     ; explain: cdr: l proven a pair, type check dropped ; explain: car: l proven a pair, type check dropped
(define (rev lst)     ; explain: rev: not unboxed: constant () is not a fixnum (at 10:27) ; explain: lst: non-empty list
  (let loop ((l lst) (acc '()))     ; explain: loop does not escape: compiled as a Go loop ; explain: loop does not escape: compiled in place, its calls are jumps ; explain: l: list ; explain: acc: list
    (if (pair? l)
        (loop (cdr l) (cons (car l) acc))     ; explain: cdr: l proven a pair, type check dropped ; explain: car: l proven a pair, type check dropped
        acc)))
(define (opaque x) (vector-ref (vector x) 0))     ; explain: opaque: not unboxed: vector is not a fixnum operation here (at 14:32)
;; list? proves a list; length then skips its walk for cycles.
(define (count-all l)     ; explain: count-all: not unboxed: list? is not a fixnum operation here (at 17:7)
  (if (list? l) (length l) -1))     ; explain: length: l proven a list, type check dropped
;; vector->list makes a list; at the end of the loop l is the empty list.
(define (from-vector v)     ; explain: from-vector: not unboxed: vector->list is not a fixnum operation here (at 20:17) ; explain: v: vector
  (let loop ((l (vector->list v)) (n 0))     ; explain: loop does not escape: compiled as a Go loop ; explain: loop does not escape: compiled in place, its calls are jumps ; explain: l: list
    (if (null? l)
        (list n (list? l) (pair? l) (length (vector->list v)))     ; explain: list?: l proven the empty list, folded to #t ; explain: pair?: l proven not a pair, folded to #f ; explain: length: argument is a list (made by vector->list), type check dropped
        (loop (cdr l) (+ n (car l))))))     ; explain: cdr: l proven a pair, type check dropped ; explain: car: l proven a pair, type check dropped
;; memv of a list returns #f or a non-empty list.
(define (find-tail x l)     ; explain: find-tail: not unboxed: reverse is not a fixnum operation here (at 26:20) ; explain: l: non-empty list
  (let ((m (memv x (reverse l))))
    (if m (car m) #f)))     ; explain: car: m proven a pair, type check dropped
;; and: both tests hold in the then branch; error does not return.
(define (check-args a b)     ; explain: check-args: not unboxed: pair? is not a fixnum operation here (at 30:12)
  (if (and (pair? a) (string? b))
      (list (car a) (string-length b))     ; explain: car: a proven a pair, type check dropped ; explain: string-length: b proven a string, type check dropped
      (error "bad" a b)))
(define (first-or-fail a)     ; explain: first-or-fail: not unboxed: effect in a sequence (at 34:3)
  (if (not (pair? a)) (error "not a pair" a))
  (car a))     ; explain: car: a proven a pair, type check dropped
;; Numbers: exact->inexact of a number makes a flonum; flonum arithmetic
;; is then float64 arithmetic.
(define (scale v k)     ; explain: scale: not unboxed: vector-length is not a fixnum operation here (at 41:16) ; explain: v: vector
  (let ((x (exact->inexact k)))     ; explain: exact->inexact: k proven a number, type check dropped
    (let loop ((i 0) (acc 0.))     ; explain: loop does not escape: compiled as a Go loop ; explain: loop does not escape: compiled in place, its calls are jumps
      (if (= i (vector-length v))     ; explain: vector-length: v proven a vector, type check dropped
          acc
          (loop (+ i 1) (+ acc (* x x)))))))     ; explain: +: arguments proven flonums, compiled as a float64 operation ; explain: *: arguments proven flonums, compiled as a float64 operation
(define (exact-int n)     ; explain: exact-int: not unboxed: exact-integer? is not a fixnum operation here (at 45:7)
  (if (exact-integer? n) (exact (* n 2)) (inexact n)))     ; explain: exact: argument is an exact rational (made by *), type check dropped
(define (number-kinds n)     ; explain: number-kinds: not unboxed: exact-integer? is not a fixnum operation here (at 48:11)
  (let ((q (quotient n 7)))
    (list (exact-integer? q) (real? (+ q 1)) (number? q))))     ; explain: exact-integer?: q proven an exact integer, folded to #t ; explain: number?: q proven an exact integer, folded to #t
(display (list (sum-list '(1 2 3)) (rev '(1 2 3)) (count-all (opaque '(1 2))) (from-vector #(1 2 3))
               (find-tail 2 '(1 2 3)) (scale #(1 2) 3) (check-args (opaque '(1)) (opaque "ab"))
               (first-or-fail (opaque '(5))) (exact-int 4) (exact-int (opaque 1/2)) (number-kinds 100)))
(newline)
