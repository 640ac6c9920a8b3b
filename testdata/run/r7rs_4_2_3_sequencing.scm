; R7RS 4.2.3 Sequencing: begin in expressions and at top level.
(import (scheme base) (scheme write) (srfi 64))
(test-begin "r7rs-4.2.3")

(define x 0)
(test-eqv 6 (and (= x 0) (begin (set! x 5) (+ x 1))))
(test-eqv 5 x)
;; the report's example prints 4 plus 1
(test-equal "4 plus 1 equals 5"
            (let ((p (open-output-string)))
              (parameterize ((current-output-port p))
                (begin (display "4 plus 1 equals ")
                       (display (+ 4 1))))
              (get-output-string p)))
;; expressions are evaluated left to right; the value is the last one
(test-equal '(3 (c b a))
            (let ((trace '()))
              (let ((v (begin (set! trace (cons 'a trace))
                              (set! trace (cons 'b trace))
                              (set! trace (cons 'c trace))
                              3)))
                (list v trace))))
(test-eqv 1 (begin 1))
(test-equal '(1 2) (call-with-values (lambda () (begin 'ignored (values 1 2))) list))
;; a top-level begin splices its definitions into the top level
(begin (define seq-a 1) (define seq-b (+ seq-a 1)))
(test-eqv 2 seq-b)
(begin)
(begin (begin (define seq-nested 'deep)))
(test-eq 'deep seq-nested)
;; begin in a body splices definitions too
(test-eqv 30 (let () (begin (define p 10) (define q 20)) (+ p q)))
;; a begin in tail position keeps tail calls proper
(test-eqv 'done (let loop ((i 0)) (if (= i 100000) 'done (begin i (loop (+ i 1))))))
;; begin of definitions from a macro
(define-syntax define-two
  (syntax-rules () ((_ a b v) (begin (define a v) (define b v)))))
(define-two seq-c seq-d 7)
(test-equal '(7 7) (list seq-c seq-d))
(test-end "r7rs-4.2.3")
;; expect-stdout:
;; %%%% Starting test r7rs-4.2.3
;; # of expected passes      11
