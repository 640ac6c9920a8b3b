;; ack: the Ackermann function A(3, n), repeated; measures deep non-tail
;; recursion (the stack grows to thousands of frames) and fixnum calls.
;; expect-stdout:
;; 4093
;; 40930
(import (scheme base) (scheme write))

(define (ack m n)
  (cond ((= m 0) (+ n 1))
        ((= n 0) (ack (- m 1) 1))
        (else (ack (- m 1) (ack m (- n 1))))))

(define (repeat k acc)
  (if (= k 0)
      acc
      (repeat (- k 1) (+ acc (ack 3 9)))))

(display (ack 3 9)) (newline)
(display (repeat 10 0)) (newline)
