;; primes: the sieve of Eratosthenes over a vector of booleans, repeated;
;; measures vector reads and writes in nested fixnum loops.
;; expect-stdout:
;; 78498
;; 78498
(import (scheme base) (scheme write))

(define (sieve n)
  (let ((composite (make-vector (+ n 1) #f)))
    (let loop ((i 2) (count 0))
      (cond ((> i n) count)
            ((vector-ref composite i) (loop (+ i 1) count))
            (else
             (let mark ((j (* i i)))
               (if (<= j n)
                   (begin (vector-set! composite j #t)
                          (mark (+ j i)))))
             (loop (+ i 1) (+ count 1)))))))

(display (sieve 1000000)) (newline)
(define (repeat k r)
  (if (= k 0) r (repeat (- k 1) (sieve 1000000))))
(display (repeat 4 0)) (newline)
