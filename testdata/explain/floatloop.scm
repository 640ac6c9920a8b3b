;; Float loops: flonum parameters, loop variables and results live in
;; float64 Go locals; the kinds of parameters come from the calls.
(define (sum n)     ; explain: sum: unboxed entry returning a flonum (generic entry when a check fails) ; explain: n: flonum, unboxed
  (let loop ((i n) (acc 0.))     ; explain: loop does not escape: compiled as a Go loop ; explain: loop does not escape: compiled in place, its calls are jumps ; explain: i: flonum, unboxed ; explain: acc: flonum, unboxed
    (if (< i 0.)
        acc
        (loop (- i 1.) (+ acc i)))))

;; A flonum recursion: float64 entry, float64 result.
(define (fibfp n)     ; explain: fibfp: unboxed entry returning a flonum (generic entry when a check fails) ; explain: n: flonum, unboxed
  (if (< n 2.)
      n
      (+ (fibfp (- n 1.)) (fibfp (- n 2.)))))

;; Mixed kinds: flonum parameters, a fixnum counter, a boolean result, and
;; a global constant bound.
(define max-iter 100)
(define (in-set? cr ci)     ; explain: in-set?: unboxed entry returning a boolean (generic entry when a check fails) ; explain: cr: flonum, unboxed ; explain: ci: flonum, unboxed
  (let loop ((zr 0.) (zi 0.) (i 0))     ; explain: loop does not escape: compiled as a Go loop ; explain: loop does not escape: compiled in place, its calls are jumps ; explain: zr: flonum, unboxed ; explain: zi: flonum, unboxed ; explain: i: fixnum, unboxed
    (cond ((= i max-iter) #t)
          ((> (+ (* zr zr) (* zi zi)) 4.) #f)
          (else (loop (+ (- (* zr zr) (* zi zi)) cr)
                      (+ (* 2. zr zi) ci)
                      (+ i 1))))))

;; Fixnum loop calling the boolean float procedure.
(define (count-row n ci)     ; explain: count-row: unboxed entry returning a fixnum (generic entry when a check fails) ; explain: n: fixnum, unboxed ; explain: ci: flonum, unboxed
  (let loop ((x 0) (total 0))     ; explain: loop does not escape: compiled as a Go loop ; explain: loop does not escape: compiled in place, its calls are jumps ; explain: x: fixnum, unboxed ; explain: total: fixnum, unboxed
    (if (= x n)
        total
        (loop (+ x 1) (if (in-set? (- (* (/ 3. n) x) 2.) ci) (+ total 1) total)))))

;; A vector element has no known kind: not unboxed.
(define (vsum v)     ; explain: vsum: not unboxed: vector-length is not a fixnum operation here (at 36:14) ; explain: v: vector ; BAD: element kinds are not speculated on (a vector of flonums stays generic)
  (let loop ((i 0) (acc 0.))     ; explain: loop does not escape: compiled as a Go loop ; explain: loop does not escape: compiled in place, its calls are jumps
    (if (= i (vector-length v))     ; explain: vector-length: v proven a vector, type check dropped
        acc
        (loop (+ i 1) (+ acc (vector-ref v i))))))

(display (list (sum 1000.) (fibfp 15.) (in-set? 0. 0.) (count-row 40 0.) (vsum (vector 1. 2.5))))
(newline)
