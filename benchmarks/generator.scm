;; A generator built on call/cc (re-entrant continuations), resumed 2*10^5
;; times: it walks a list with for-each and hands out one element per
;; resume.
(define (make-generator lst)
  (define return #f)
  (define resume
    (lambda (ignored)
      (for-each (lambda (x) (call/cc (lambda (k) (set! resume k) (return x)))) lst)
      (return 'done)))
  (lambda () (call/cc (lambda (r) (set! return r) (resume #f)))))
(define (iota-list n)
  (let lp ((i (- n 1)) (acc '())) (if (< i 0) acc (lp (- i 1) (cons i acc)))))
(define g (make-generator (iota-list 200000)))
(define (drain g acc)
  (let ((x (g)))
    (if (eq? x 'done) acc (drain g (+ acc x)))))
(display (drain g 0)) (newline)
;; expect-stdout:
;; 19999900000
