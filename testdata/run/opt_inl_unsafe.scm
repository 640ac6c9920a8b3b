;; (declare (unsafe)): compiled code uses unchecked car, cdr, vector-ref,
;; vector-set!, string-ref ... and no stack alarm. A correct program gives
;; the same results as in safe mode (the interpreter ignores the
;; declaration).
(declare (unsafe))
(define (vsum v)
  (let loop ((i 0) (s 0))
    (if (= i (vector-length v)) s (loop (+ i 1) (+ s (vector-ref v i))))))
(define (vfill! v)
  (do ((i 0 (+ i 1))) ((= i (vector-length v)) v) (vector-set! v i (* i i))))
(define (lsum xs) (if (null? xs) 0 (+ (car xs) (lsum (cdr xs)))))
(define (count-char s c)
  (let loop ((i 0) (n 0))
    (if (= i (string-length s)) n
        (loop (+ i 1) (if (char=? (string-ref s i) c) (+ n 1) n)))))
(define p (cons 1 2))
(set-car! p 10)
(set-cdr! p '(20))
(display (list (vsum (vfill! (make-vector 10 0))) (lsum (iota 100)) (count-char "banana" #\a) p))
(newline)
;; deep non-tail recursion still works (no stack alarm, Go's stack grows)
(define (depth n) (if (= n 0) 0 (+ 1 (depth (- n 1)))))
(display (depth 100000))
(newline)
;; expect-stdout:
;; (285 4950 3 (10 20))
;; 100000
