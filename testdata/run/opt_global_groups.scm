;; Known global procedures that tail-call each other are one Go function
;; when compiled (analyze's closures pass, globalGroups): members of
;; different arities, members used as values, closures made in a member,
;; non-tail calls into the group, errors raised inside it, and defines that
;; a calling form separates (no group: the later member may be unbound).
(import (scheme base) (scheme write))

;; A three-state scanner with members of 2, 3 and 1 parameters.
(define (scan-skip str i)
  (cond ((= i (string-length str)) 'end)
        ((char=? (string-ref str i) #\space) (scan-skip str (+ i 1)))
        (else (scan-word str i i))))
(define (scan-word str start i)
  (if (or (= i (string-length str)) (char=? (string-ref str i) #\space))
      (scan-count (substring str start i) str i)
      (scan-word str start (+ i 1))))
(define scan-total 0)
(define (scan-count word str i)
  (set! scan-total (+ scan-total (string-length word)))
  (scan-skip str i))

;; 10^7 jumps in constant stack, and closures capturing one binding per
;; call of a member.
(define (ping n acc) (if (= n 0) acc (pong (- n 1) acc)))
(define (pong n acc)
  (if (< n 3) (ping n (cons (lambda () n) acc)) (ping n acc)))

;; A member that raises: the error names the member's position.
(define (safe-div a b) (if (= b 0) (fail a) (/ a b)))
(define (fail a) (if (> a 100) (safe-div (- a 1) 0) (car a)))

(display (scan-skip "  the quick  brown fox " 0)) (newline)
(display scan-total) (newline)
(display (map (lambda (t) (t)) (ping 10000000 '()))) (newline)
(display (map length (map ping '(1 2 5) '(() () ())))) (newline)
(display (list (procedure? ping) (cdr (apply pong '(0 ok))))) (newline)
(display (safe-div 10 2)) (newline)

;; Separated by a call: calling lone-a before lone-b is defined is an
;; error, caught here.
(define (lone-a n) (if (= n 0) 'a (lone-b (- n 1))))
(display (guard (e (#t 'unbound)) (lone-a 1))) (newline)
(define (lone-b n) (if (= n 0) 'b (lone-a (- n 1))))
(display (list (lone-a 1000001) (lone-b 1000001))) (newline)
(safe-div 3 0)
;; expect-stdout:
;; end
;; 16
;; (0 1 2)
;; (1 2 3)
;; (#t ok)
;; 5
;; unbound
;; (b a)
;; expect-error: opt_global_groups.scm:30:53: car: expected pair, got 3
