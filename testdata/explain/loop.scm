;; Named let loops: self tail calls of a letrec procedure become a Go loop.
(define (sum-to n)     ; explain: sum-to: int64 entry (generic entry on overflow) ; explain: n: fixnum, unboxed
  (let loop ((i 0) (acc 0))     ; explain: loop does not escape: compiled as a Go loop ; explain: loop does not escape: compiled in place, its calls are jumps ; explain: i: fixnum, unboxed ; explain: acc: fixnum, unboxed
    (if (> i n)
        acc
        (loop (+ i 1) (+ acc i)))))

;; The loop is also returned as a value: it escapes, and still loops.
(define (countdown-proc)
  (let down ((k 3))     ; explain: down escapes: self tail calls compiled as a Go loop ; explain: down: closure allocated (escapes: used as a value at 11:17)
    (if (= k 0) down (down (- k 1)))))

;; A loop with an accumulator of the wrong kind is not specialised.
(define (build n acc)     ; explain: build: self tail calls compiled as a Go loop ; explain: build: not unboxed: cons is not a fixnum operation here (at 15:34) ; explain: acc: list
  (if (= n 0) acc (build (- n 1) (cons n acc))))

;; Loops nest; the inner one's bound is a constant, so (+ j 1) cannot overflow.
(define (triangle n)     ; explain: triangle: int64 entry (generic entry on overflow) ; explain: n: fixnum, unboxed
  (let rows ((i 0) (total 0))     ; explain: rows does not escape: compiled as a Go loop ; explain: rows does not escape: compiled in place, its calls are jumps ; explain: i: fixnum, unboxed ; explain: total: fixnum, unboxed
    (if (= i n)
        total
        (rows (+ i 1)
              (let cols ((j 0) (s total))     ; explain: cols does not escape: compiled as a Go loop ; explain: cols does not escape: direct calls, lifted to a Go function (no free variables) ; explain: j: fixnum, unboxed ; explain: s: fixnum, unboxed
                (if (< j 10) (cols (+ j 1) (+ s 1)) s))))))     ; explain: +: no overflow check (range proven)

;; A jump from an inner loop to an outer one: a labelled continue in the int64 entry.
(define (jumpy n)     ; explain: jumpy: int64 entry (generic entry on overflow) ; explain: n: fixnum, unboxed
  (let outer ((i 0))     ; explain: outer does not escape: compiled in place, its calls are jumps ; explain: i: fixnum, unboxed
    (let inner ((j i))     ; explain: inner does not escape: compiled as a Go loop ; explain: inner does not escape: compiled in place, its calls are jumps ; explain: j: fixnum, unboxed
      (if (> j n) j (if (odd? j) (outer (+ i 2)) (inner (+ j 2)))))))

(display (list (sum-to 100) ((countdown-proc) 5) (build 3 '()) (triangle 4) (jumpy 7)))
(newline)

;; f may run before g is defined, so its int64 entry cannot call g's.
(define (f n) (g n))     ; explain: f: not unboxed: calls g, which may be called before it is defined (at 36:15)
(define (g n) (- n 1))     ; explain: g: int64 entry (generic entry on overflow) ; explain: n: fixnum, unboxed
(display (f 2))
