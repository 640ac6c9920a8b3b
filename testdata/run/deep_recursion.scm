;; Non-tail recursion 10^6 deep builds a list on the Go stack.
(define (build n) (if (= n 0) '() (cons n (build (- n 1)))))
(display (length (build 1000000))) (newline)
;; expect-stdout:
;; 1000000
