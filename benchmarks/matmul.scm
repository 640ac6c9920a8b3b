;; matmul: multiplies square matrices stored as vectors of vectors, with
;; fixnum and then flonum entries; measures nested loops over vectors and
;; arithmetic. Prints the trace and a corner entry of each product.
;; expect-stdout:
;; (56 288)
;; (535/8 -27/8)
(import (scheme base) (scheme write))

(define (make-matrix n f)
  (let ((m (make-vector n)))
    (do ((i 0 (+ i 1))) ((= i n) m)
      (let ((row (make-vector n)))
        (do ((j 0 (+ j 1))) ((= j n))
          (vector-set! row j (f i j)))
        (vector-set! m i row)))))

(define (matrix-multiply a b zero)
  (let* ((n (vector-length a))
         (c (make-matrix n (lambda (i j) zero))))
    (do ((i 0 (+ i 1))) ((= i n) c)
      (let ((ai (vector-ref a i))
            (ci (vector-ref c i)))
        (do ((j 0 (+ j 1))) ((= j n))
          (let loop ((k 0) (sum zero))
            (if (= k n)
                (vector-set! ci j sum)
                (loop (+ k 1) (+ sum (* (vector-ref ai k)
                                        (vector-ref (vector-ref b k) j)))))))))))

(define (trace m)
  (let loop ((i 0) (s 0))
    (if (= i (vector-length m)) s (loop (+ i 1) (+ s (vector-ref (vector-ref m i) i))))))

(define n 200)
(define a (make-matrix n (lambda (i j) (- (modulo (+ (* i 7) (* j 13)) 19) 9))))
(define b (make-matrix n (lambda (i j) (- (modulo (+ (* i 11) (* j 5)) 23) 11))))
(define c (matrix-multiply a b 0))
(display (list (trace c) (vector-ref (vector-ref c (- n 1)) 0))) (newline)
(define fa (make-matrix n (lambda (i j) (/ (inexact (- (modulo (+ i j) 17) 8)) 4.))))
(define fb (make-matrix n (lambda (i j) (/ (inexact (- (modulo (* i j) 13) 6)) 2.))))
(define fc (matrix-multiply fa fb 0.))
(display (list (exact (trace fc)) (exact (vector-ref (vector-ref fc 0) (- n 1))))) (newline)
