;; Named let loops: self tail calls of a letrec procedure become a Go loop.
(define (sum-to n)     ; explain: sum-to: not unboxed: defines local procedures (at 3:3) ; BAD: a named let over fixnums could be specialised too
  (let loop ((i 0) (acc 0))     ; explain: loop does not escape: compiled as a Go loop
    (if (> i n)
        acc
        (loop (+ i 1) (+ acc i)))))

;; The loop is also returned as a value: it escapes, and still loops.
(define (countdown-proc)
  (let down ((k 3))     ; explain: down escapes: self tail calls compiled as a Go loop
    (if (= k 0) down (down (- k 1)))))

;; A loop with an accumulator of the wrong kind is not specialised.
(define (build n acc)     ; explain: build: self tail calls compiled as a Go loop ; explain: build: not unboxed: cons is not a fixnum operation here (at 15:34)
  (if (= n 0) acc (build (- n 1) (cons n acc))))

(display (sum-to 100))
(display ((countdown-proc) 5))
(display (build 3 '()))
(newline)

;; f may run before g is defined, so its int64 entry cannot call g's.
(define (f n) (g n))     ; explain: f: not unboxed: calls g, which may be called before it is defined (at 23:15)
(define (g n) (- n 1))     ; explain: g: int64 entry (generic entry on overflow) ; explain: n: fixnum, unboxed
(display (f 2))
