;; A self tail-recursive loop of 10^8 iterations and a tail call through an
;; unknown procedure looping 10^7 times must run in constant memory.
(define (count n acc)
  (if (= n 0) acc (count (- n 1) (+ acc 1))))
(display (count 100000000 0))
(newline)
(define (bounce f n)
  (if (= n 0) 'done (f f (- n 1))))
(display (bounce bounce 10000000))
(newline)
(define (ping n) (if (= n 0) 'ping (pong (- n 1))))
(define (pong n) (if (= n 0) 'pong (ping (- n 1))))
(display (ping 10000001))
(newline)
;; expect-stdout:
;; 100000000
;; done
;; pong
