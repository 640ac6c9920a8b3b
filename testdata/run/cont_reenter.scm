;; Re-entrant continuations (R7RS 6.10), interpreted: top-level re-entry,
;; a generator resumed 10^5 times, amb backtracking, the report's map
;; example, dynamic-wind and parameterize on re-entry.
;; 1. The classic top-level re-entry.
(define r #f)
(define n 0)
(display (+ 1 (call/cc (lambda (k) (set! r k) 1))))
(newline)
(set! n (+ n 1))
(if (< n 3) (r (* n 10)))
(display "after") (newline)
;; 2. A generator over a list, built on call/cc, resumed 10^5 times.
(define (make-generator lst)
  (define return #f)
  (define resume
    (lambda (ignored)
      (for-each (lambda (x) (call/cc (lambda (k) (set! resume k) (return x)))) lst)
      (return 'done)))
  (lambda () (call/cc (lambda (r) (set! return r) (resume #f)))))
(define g (make-generator '(a b c)))
(display (list (g) (g) (g) (g))) (newline)
(define (iota-list n) (let lp ((i (- n 1)) (acc '())) (if (< i 0) acc (lp (- i 1) (cons i acc)))))
(define big (make-generator (iota-list 100000)))
(define (sum-gen g)
  (let lp ((acc 0))
    (let ((x (g)))
      (if (eq? x 'done) acc (lp (+ acc x))))))
(display (sum-gen big)) (newline)
;; 3. amb with backtracking that re-enters one continuation several times.
(define fail-stack '())
(define (fail) (if (null? fail-stack) (error "no more choices") (let ((k (car fail-stack))) (set! fail-stack (cdr fail-stack)) (k 'retry))))
(define (amb choices)
  (call/cc (lambda (k)
    (for-each (lambda (c) (call/cc (lambda (next) (set! fail-stack (cons next fail-stack)) (k c)))) choices)
    (fail))))
(define (require p) (if (not p) (fail)))
(let* ((a (amb '(1 2 3 4 5 6 7)))
       (b (amb '(1 2 3 4 5 6 7)))
       (c (amb '(1 2 3 4 5 6 7))))
  (require (= (* c c) (+ (* a a) (* b b))))
  (require (< a b))
  (display (list a b c)) (newline))
;; 4. The R7RS map test: map must not see later mutation.
(let ()
  (define k* #f)
  (define count 0)
  (define result
    (map (lambda (x) (call/cc (lambda (k) (if (= x 2) (set! k* k)) x))) '(1 2 3)))
  (display result) (newline)
  (set! count (+ count 1))
  (if (< count 3) (k* (* 10 count))))
;; 5. dynamic-wind on re-entry, with nesting.
(define trail '())
(define (note x) (set! trail (cons x trail)))
(define kk #f)
(define times 0)
(dynamic-wind
  (lambda () (note 'in1))
  (lambda ()
    (dynamic-wind
      (lambda () (note 'in2))
      (lambda () (call/cc (lambda (k) (set! kk k))) (note 'body))
      (lambda () (note 'out2))))
  (lambda () (note 'out1)))
(set! times (+ times 1))
(if (< times 2) (kk 'again))
(display (reverse trail)) (newline)
;; 6. parameterize across continuations.
(define p (make-parameter 1))
(define pk #f)
(define seen '())
(%parameterize (list p) (list 2)
  (lambda () (call/cc (lambda (k) (set! pk k))) (set! seen (cons (p) seen))))
(set! seen (cons (p) seen))
(if (< (length seen) 4) (pk 'x))
(display (reverse seen)) (newline)
;; 7. A continuation captured in a guard body stays re-entrant after the
;; guard returns.
(define gk #f)
(define gn 0)
(display (%guard (lambda () (+ 100 (call/cc (lambda (c) (set! gk c) 0)))) (lambda (e) 'err)))
(newline)
(set! gn (+ gn 1))
(if (< gn 3) (gk gn))
;; expect-stdout:
;; 2
;; 11
;; 21
;; after
;; (a b c done)
;; 4999950000
;; (3 4 5)
;; (1 2 3)
;; (1 10 3)
;; (1 20 3)
;; (in1 in2 body out2 out1 in1 in2 body out2 out1)
;; (2 1 2 1)
;; 100
;; 101
;; 102
