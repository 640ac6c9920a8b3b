;; Types of immutable variables proven by predicates, constructors and
;; earlier checks drop the later checks.
(define (len l)     ; explain: len: not unboxed: pair? is not a fixnum operation here (at 4:7)
  (if (pair? l) (+ 1 (len (cdr l))) 0))     ; explain: cdr: l proven a pair, type check dropped
(define (swap! p)     ; explain: swap!: not unboxed: car is not a fixnum operation here (at 6:12)
  (let ((a (car p)))
    (set-car! p (cdr p))     ; explain: set-car!: p proven a pair, type check dropped ; explain: cdr: p proven a pair, type check dropped
    (set-cdr! p a)     ; explain: set-cdr!: p proven a pair, type check dropped
    p))
(define (vlen v)     ; explain: vlen: not unboxed: vector? is not a fixnum operation here (at 11:7)
  (if (vector? v) (vector-length v) -1))     ; explain: vector-length: v proven a vector, type check dropped
(define (after-if x)     ; explain: after-if: not unboxed: effect in a sequence (at 13:3)
  (if (pair? x) 1 2) (car x))     ; no note on car: (pair? x) holds in one branch only, so the check stays
;; Characters from string-ref and the case mappings, symbols from symbol?.
(define (checksum s)     ; explain: checksum: not unboxed: string-length is not a fixnum operation here (at 17:14)
  (let loop ((i 0) (acc 0))     ; explain: loop does not escape: compiled as a Go loop ; explain: loop does not escape: compiled in place, its calls are jumps
    (if (= i (string-length s))
        acc
        (let ((c (string-ref s i)))
          (loop (+ i 1) (+ acc (char->integer c) (char->integer (char-upcase c))))))))     ; explain: char->integer: c proven a char, type check dropped ; explain: char->integer: argument is a char (made by char-upcase), type check dropped
(define (name-length x)     ; explain: name-length: not unboxed: symbol? is not a fixnum operation here (at 22:7)
  (if (symbol? x) (string-length (symbol->string x)) 0))     ; explain: string-length: argument is a string (made by symbol->string), type check dropped ; explain: symbol->string: x proven a symbol, type check dropped
;; Arguments of unknown type, so that what the procedures prove is their own
;; (the parameters of procedures only called get their arguments' types).
(define (opaque x) (vector-ref (vector x) 0))     ; explain: opaque: not unboxed: vector is not a fixnum operation here (at 25:32)
(display (list (len (opaque '(1 2))) (swap! (opaque (cons 1 2))) (vlen (opaque (vector 1)))
               (after-if (opaque '(3))) (checksum (opaque "ab")) (name-length (opaque 'x))))
