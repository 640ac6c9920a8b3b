;; quicksort: in-place Hoare-partition quicksort of a vector of
;; pseudo-random fixnums, repeated on fresh data; measures vector access,
;; fixnum comparison and recursion. Prints whether each result is sorted
;; and a checksum of sampled elements.
;; expect-stdout:
;; #t
;; 2999940
(import (scheme base) (scheme write))

(define seed 1)
(define (next-random!)
  (set! seed (modulo (* seed 16807) 2147483647))
  seed)

(define (random-vector n)
  (let ((v (make-vector n 0)))
    (do ((i 0 (+ i 1))) ((= i n) v)
      (vector-set! v i (modulo (next-random!) 1000000)))))

(define (quicksort! v lo hi)
  (if (< lo hi)
      (let ((pivot (vector-ref v (quotient (+ lo hi) 2))))
        (let loop ((i lo) (j hi))
          (if (<= i j)
              (let* ((i (let scan ((i i)) (if (< (vector-ref v i) pivot) (scan (+ i 1)) i)))
                     (j (let scan ((j j)) (if (> (vector-ref v j) pivot) (scan (- j 1)) j))))
                (if (<= i j)
                    (let ((t (vector-ref v i)))
                      (vector-set! v i (vector-ref v j))
                      (vector-set! v j t)
                      (loop (+ i 1) (- j 1)))
                    (loop i j)))
              (begin (quicksort! v lo j)
                     (quicksort! v i hi)))))))

(define (sorted? v)
  (let loop ((i 1))
    (or (>= i (vector-length v))
        (and (<= (vector-ref v (- i 1)) (vector-ref v i))
             (loop (+ i 1))))))

(define (run rounds n)
  (let loop ((k 0) (ok #t) (sum 0))
    (if (= k rounds)
        (list ok sum)
        (let ((v (random-vector n)))
          (quicksort! v 0 (- n 1))
          (loop (+ k 1)
                (and ok (sorted? v))
                (+ sum (vector-ref v 0) (vector-ref v (quotient n 2)) (vector-ref v (- n 1))))))))

(define result (run 2 100000))
(display (car result)) (newline)
(display (cadr result)) (newline)
