;; R7RS 6.10: continuations re-entered after their extent, in both modes —
;; the report's dynamic-wind example (connect/talk1/talk2), map and a
;; re-entered continuation (map must not see later mutation), a loop made
;; by re-entry, a generator and amb backtracking.
(import (scheme base) (scheme write) (srfi 64))
(test-begin "r7rs-6.10-reentry")

(test-equal "report: dynamic-wind re-entry"
  '(connect talk1 disconnect connect talk2 disconnect)
  (let ((path '())
        (c #f))
    (let ((add (lambda (s) (set! path (cons s path)))))
      (dynamic-wind
        (lambda () (add 'connect))
        (lambda ()
          (add (call-with-current-continuation
                 (lambda (c0) (set! c c0) 'talk1))))
        (lambda () (add 'disconnect)))
      (if (< (length path) 4)
          (c 'talk2)
          (reverse path)))))

(test-equal "a loop made by re-entering a continuation"
  '(3 2 1 0)
  (let ((k #f) (n 0) (seen '()))
    (call/cc (lambda (c) (set! k c)))
    (set! seen (cons n seen))
    (set! n (+ n 1))
    (if (< n 4) (k #f) seen)))

(test-equal "map: results of one pass are not changed by a later one"
  '((1 2 3) (1 10 3) (1 20 3))
  (let ((k* #f) (count 0) (results '()))
    (let ((r (map (lambda (x) (call/cc (lambda (k) (if (= x 2) (set! k* k)) x)))
                  '(1 2 3))))
      (set! results (cons r results))
      (set! count (+ count 1))
      (if (< count 3)
          (k* (* 10 (- count 0)))
          (reverse results)))))

(define (make-generator lst)
  (define return #f)
  (define resume
    (lambda (ignored)
      (for-each (lambda (x) (call/cc (lambda (k) (set! resume k) (return x)))) lst)
      (return 'done)))
  (lambda () (call/cc (lambda (r) (set! return r) (resume #f)))))

(test-equal "a generator built on call/cc"
  '(a b c done done)
  (let ((g (make-generator '(a b c))))
    (let* ((x1 (g)) (x2 (g)) (x3 (g)) (x4 (g)) (x5 (g)))
      (list x1 x2 x3 x4 x5))))

(define fail-stack '())
(define (fail)
  (if (null? fail-stack)
      (error "no more choices")
      (let ((k (car fail-stack)))
        (set! fail-stack (cdr fail-stack))
        (k 'retry))))
(define (amb choices)
  (call/cc
    (lambda (k)
      (for-each (lambda (c)
                  (call/cc (lambda (next)
                             (set! fail-stack (cons next fail-stack))
                             (k c))))
                choices)
      (fail))))

(test-equal "amb: a Pythagorean triple by backtracking"
  '(3 4 5)
  (let* ((a (amb '(1 2 3 4 5 6 7)))
         (b (amb '(1 2 3 4 5 6 7)))
         (c (amb '(1 2 3 4 5 6 7))))
    (if (not (= (* c c) (+ (* a a) (* b b)))) (fail))
    (if (not (< a b)) (fail))
    (list a b c)))

(test-equal "parameterize is seen correctly after re-entry"
  '(2 2 1)
  (let ((p (make-parameter 1)) (k #f) (seen '()))
    (parameterize ((p 2))
      (call/cc (lambda (c) (set! k c)))
      (set! seen (cons (p) seen)))
    (if (< (length seen) 2)
        (k #f)
        (reverse (cons (p) seen)))))

(test-end "r7rs-6.10-reentry")
;; expect-stdout:
;; %%%% Starting test r7rs-6.10-reentry
;; # of expected passes      6
