;; The types pass (analyze/types.go) drops type checks it proves
;; unnecessary; these check both that proven code computes the same and that
;; checks stay wherever the proof does not hold.
(define (len l) (if (pair? l) (+ 1 (len (cdr l))) 0))
(define (sum-pairs l)
  (let loop ((l l) (acc 0))
    (if (null? l) acc
        (let ((p (car l)))
          (loop (cdr l) (+ acc (car p) (cdr p)))))))
(define (swap! p) (let ((a (car p))) (set-car! p (cdr p)) (set-cdr! p a) p))
(define (vlen v) (if (vector? v) (vector-length v) -1))
(define (slen x) (if (not (string? x)) 'no (string-length x)))
(define (closure-sees l) (if (pair? l) (lambda () (car l)) (lambda () 'none)))
(display (list (len '(1 2 3)) (sum-pairs '((1 . 2) (3 . 4))) (swap! (cons 1 2))
               (vlen (vector 1 2)) (vlen 3) (slen "abc") (slen 1)
               ((closure-sees '(a b))) ((closure-sees 5))))
(newline)
(define (msg thunk) (guard (e (#t (error-object-message e))) (thunk)))
;; A fact from one branch does not survive the if.
(define (after-if x) (if (pair? x) 1 2) (car x))
(display (msg (lambda () (after-if 5)))) (newline)
;; A variable that is set! is never proven.
(define (reassigned x) (if (pair? x) (begin (set! x 7) (car x)) 'no))
(display (msg (lambda () (reassigned (list 1))))) (newline)
;; The first check still runs; only the ones after it are dropped.
(define (twice x) (+ (car x) (car x)))
(display (msg (lambda () (twice 'sym)))) (newline)
(display (twice '(20))) (newline)
;; expect-stdout:
;; (3 10 (2 . 1) 2 -1 3 no a none)
;; car: expected pair, got 5
;; car: expected pair, got 7
;; car: expected pair, got sym
;; 40
