;; Float loops and recursion that fxspec unboxes: named lets over float64
;; locals, a flonum recursion (fibfp), a boolean-valued float loop with a
;; constant global bound, loops in non-tail position, calls between
;; unboxed procedures of mixed kinds, and a recursion deeper than the
;; unboxed entries go (the generic code finishes it).
(import (scheme base) (scheme write))

(define limit 50)

(define (sum-to x)
  (let loop ((i x) (acc 0.))
    (if (< i 0.)
        acc
        (loop (- i 1.) (+ acc i)))))

(define (fibfp n)
  (if (< n 2.)
      n
      (+ (fibfp (- n 1.)) (fibfp (- n 2.)))))

(define (escapes? cr ci)
  (let loop ((zr 0.) (zi 0.) (i 0))
    (cond ((= i limit) #f)
          ((> (+ (* zr zr) (* zi zi)) 4.) #t)
          (else (loop (+ (- (* zr zr) (* zi zi)) cr)
                      (+ (* 2. zr zi) ci)
                      (+ i 1))))))

(define (count-escaping n)
  (let ((step (/ 2. n)))
    (let loop ((k 0) (total 0))
      (if (= k n)
          total
          (loop (+ k 1)
                (if (escapes? (- (* step k) 1.5) 0.25) (+ total 1) total))))))

;; A loop whose result feeds arithmetic (not in tail position).
(define (mean-square n)
  (let ((s (let loop ((i 1) (acc 0.))
             (if (> i n) acc (loop (+ i 1) (+ acc (* i 1.5 i)))))))
    (/ s n)))

;; A boolean loop used as a test, and or/and over flonum tests.
(define (has-root? lo hi)
  (let loop ((x lo))
    (cond ((> x hi) #f)
          ((< (abs (- (* x x) 2.)) 0.01) #t)
          (else (loop (+ x 0.001))))))
(define (in-band? x) (or (< x -1.) (and (> x 1.) (< x 2.))))

;; Deeper than the unboxed entries' depth bound (2^18): the generic code
;; reruns and finishes.
(define (sumrec x) (if (<= x 0.) 0. (+ x (sumrec (- x 1.)))))

;; Newton's method: a float loop with a fixnum counter and a float result.
(define (newton-sqrt a)
  (let loop ((x a) (k 0))
    (if (= k 30) x (loop (* .5 (+ x (/ a x))) (+ k 1)))))

(display (list (sum-to 1000.) (sum-to 0.5) (sum-to -1.))) (newline)
(display (list (fibfp 20.) (fibfp 1.5) (fibfp -3.))) (newline)
(display (count-escaping 400)) (newline)
(display (list (mean-square 10) (mean-square 1000))) (newline)
(display (list (has-root? 1. 2.) (has-root? 2. 3.) (in-band? -2.) (in-band? 0.) (in-band? 1.5) (in-band? 2.))) (newline)
(display (sumrec 300000.)) (newline)
(display (list (newton-sqrt 2.) (newton-sqrt 1e10) (newton-sqrt 0.25))) (newline)
;; The generic entries with exact arguments still compute exactly.
(display (list (sum-to 10) (mean-square 3))) (newline)
;; expect-stdout:
;; (500500.0 0.5 0.0)
;; (6765.0 1.5 -3.0)
;; 133
;; (57.75 500750.25)
;; (#t #f #t #f #t #f)
;; 45000150000.0
;; (1.414213562373095 100000.0 0.5)
;; (55.0 7.0)
