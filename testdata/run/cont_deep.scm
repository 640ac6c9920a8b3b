;; Non-tail recursion far deeper than the Go stack would hold in the
;; interpreter: the stack moves to the heap every 10^4 activations.
(define (build n) (if (= n 0) '() (cons n (build (- n 1)))))
(display (length (build 3000000))) (newline)
(define (sum l) (if (null? l) 0 (+ (car l) (sum (cdr l)))))
(display (sum (build 1000000))) (newline)
;; A continuation captured at the bottom of a deep recursion, re-entered.
(define k #f)
(define (deep n) (if (= n 0) (call/cc (lambda (c) (set! k c) 0)) (+ 1 (deep (- n 1)))))
(define count 0)
(display (deep 100000)) (newline)
(set! count (+ count 1))
(if (< count 3) (k count))
;; expect-stdout:
;; 3000000
;; 500000500000
;; 100000
;; 100001
;; 100002
