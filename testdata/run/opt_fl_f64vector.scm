;; f64vectors in unboxed procedures: a parameter read with f64vector-ref
;; is passed as its []float64; an index out of range fails the check and
;; the generic code raises the error at its position.
(import (scheme base) (scheme write) (srfi 4))

(define (dot a b)
  (let loop ((i 0) (acc 0.))
    (if (= i (f64vector-length a))
        acc
        (loop (+ i 1) (+ acc (* (f64vector-ref a i) (f64vector-ref b i)))))))

(define (norm2 v) (dot v v))

(define (max-elt v)
  (let loop ((i 1) (best (f64vector-ref v 0)))
    (if (>= i (f64vector-length v))
        best
        (loop (+ i 1) (let ((x (f64vector-ref v i))) (if (> x best) x best))))))

(define (count-above v limit)
  (let loop ((i 0) (n 0))
    (if (= i (f64vector-length v))
        n
        (loop (+ i 1) (if (> (f64vector-ref v i) limit) (+ n 1) n)))))

(define (at v k) (f64vector-ref v k))

(define u (f64vector 1. 2. 3. -0.5))
(define w (f64vector 0.5 -1. 2. 4.))
(display (list (dot u w) (norm2 u) (max-elt w) (count-above u 1.5) (count-above u 1) (at u 2))) (newline)
(display (list (dot (f64vector) (f64vector)) (max-elt (f64vector +nan.0 1.)) (at (f64vector -0.0) 0))) (newline)
;; Not f64vectors: the generic entries take them (or raise).
(display (guard (e ((error-object? e) (error-object-message e))) (at (vector 1. 2.) 0))) (newline)
(display (guard (e ((error-object? e) (error-object-message e))) (dot u (f64vector 1.)))) (newline)
(display (guard (e ((error-object? e) (error-object-message e))) (at u 4))) (newline)
;; expect-stdout:
;; (2.5 14.25 4.0 2 2 3.0)
;; (0.0 +nan.0 -0.0)
;; f64vector-ref: expected f64vector, got #(1.0 2.0)
;; f64vector-ref: index 1 out of range for f64vector of length 1
;; f64vector-ref: index 4 out of range for f64vector of length 4
