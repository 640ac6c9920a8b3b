;; Mutual tail recursion through local and global procedures runs in
;; constant stack (10^7 calls), whether the calls are direct Go calls or go
;; through the trampoline (analyze's closures pass decides which).
(import (scheme base) (scheme write))

;; Global mutual recursion.
(define (g-even? n) (if (= n 0) #t (g-odd? (- n 1))))
(define (g-odd? n) (if (= n 0) #f (g-even? (- n 1))))

;; Local mutual recursion (internal defines).
(define (parity n)
  (define (ev? n) (if (= n 0) 'even (od? (- n 1))))
  (define (od? n) (if (= n 0) 'odd (ev? (- n 1))))
  (ev? n))

;; A three-state machine over a counter, local procedures capturing a
;; variable of the enclosing procedure.
(define (machine n step)
  (define (a i) (if (>= i n) 'a (b (+ i step))))
  (define (b i) (if (>= i n) 'b (c (+ i step))))
  (define (c i) (if (>= i n) 'c (a (+ i step))))
  (a 0))

;; Tail calls from one local procedure to another that does not call back
;; are direct Go calls; a chain of them must still not grow the stack.
(define (chain n)
  (define (inner i acc) (if (= i 0) acc (inner (- i 1) (+ acc 1))))
  (define (outer i) (if (= i 0) 'done (begin (inner 3 0) (outer (- i 1)))))
  (define (start) (outer n))
  (start))

;; Continuation-passing style: closures tail-call a local procedure that is
;; only called (so calls to it are direct), and it tail-calls the unknown
;; continuations; 10^6 steps.
(define (cps-count n)
  (define (count i k)
    (if (= i 0)
        (k 0)
        (count (- i 1) (lambda (v) (k (+ v 1))))))
  (count n (lambda (v) v)))

;; A local loop entered by a tail call from a closure the loop made.
(define (bounce n)
  (define (loop i k)
    (if (= i 0) (k 'landed) (loop (- i 1) k)))
  (define (go i) (loop i (lambda (x) (if (> i 0) (go (- i 1)) x))))
  (go n))

(display (list (g-even? 10000000) (g-odd? 10000001))) (newline)
(display (list (parity 10000000) (parity 10000001))) (newline)
(display (list (machine 10000000 1) (machine 10000001 1) (machine 10000002 1) (machine 5 7))) (newline)
(display (chain 1000000)) (newline)
(display (cps-count 1000000)) (newline)
(display (bounce 1000)) (newline)
;; Members of different arities, closures capturing a member's parameters
;; (one binding per call), a non-tail call into the group and a call from
;; a closure the group made.
(define (tokens str)
  (define n (string-length str))
  (define (skip i acc)
    (cond ((= i n) (reverse acc))
          ((char=? (string-ref str i) #\space) (skip (+ i 1) acc))
          (else (word i i acc))))
  (define (word start i acc)
    (if (or (= i n) (char=? (string-ref str i) #\space))
        (skip i (cons (lambda () (substring str start i)) acc))
        (word start (+ i 1) acc)))
  (map (lambda (t) (t)) (skip 0 '())))
(define (count-down-up n)
  (define (down i) (if (<= i 0) (up 0 '()) (down (- i 2))))
  (define (up i acc) (cond ((= i 3) (length acc)) ((< i 0) (down i)) (else (up (+ i 1) (cons i acc)))))
  (+ (down n) (down 1)))
(define (escape-from-group n)
  (call/cc
    (lambda (k)
      (define (ping i) (if (= i 0) (k 'escaped) (pong (- i 1))))
      (define (pong i) (ping i))
      (ping n))))
(display (tokens "  the quick  brown fox ")) (newline)
(display (count-down-up 5)) (newline)
(display (escape-from-group 100000)) (newline)
;; expect-stdout:
;; (#t #t)
;; (even odd)
;; (b c a b)
;; done
;; 1000000
;; landed
;; (the quick brown fox)
;; 6
;; escaped
