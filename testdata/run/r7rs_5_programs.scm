; R7RS 5 Program structure: 5.2 import declarations, 5.3 variable
; definitions (top level, internal with letrec* semantics, define-values),
; 5.4 syntax definitions, 5.5 record-type definitions.
(import (except (scheme base) vector-fill!)
        (only (scheme write) write display)
        (prefix (only (scheme char) char-upcase char-downcase) c:)
        (rename (only (scheme base) vector-fill!) (vector-fill! fill-vector!))
        (rename (prefix (only (scheme cxr) caddr cadddr) cxr-) (cxr-caddr third))
        (srfi 64))
(test-begin "r7rs-5")

(test-group "5.2 import sets"
  (test-eqv #\A (c:char-upcase #\a))
  (test-eqv #\a (c:char-downcase #\A))
  (test-equal #(z z) (let ((v (vector 1 2))) (fill-vector! v 'z) v))
  (test-eqv 3 (third '(1 2 3)))
  (test-eqv 4 (cxr-cadddr '(1 2 3 4)))
  ;; vector-fill! was excepted: the name is free for the program
  (let ((vector-fill! 'mine))
    (test-eq 'mine vector-fill!)))

(define vector-fill! 'program-owned)
(test-eq 'program-owned vector-fill!)

(test-group "5.3.1 top-level definitions"
  (define add3 (lambda (x) (+ x 3)))
  (test-eqv 6 (add3 3))
  (define first car)
  (test-eqv 1 (first '(1 2)))
  (define (curried a) (lambda (b) (list a b)))
  (test-equal '(1 2) ((curried 1) 2))
  (define (rest-args a . r) (list a r))
  (test-equal '(1 (2 3)) (rest-args 1 2 3))
  (define (all-args . r) r)
  (test-equal '() (all-args)))

(define top-x 1)
(define (get-top-x) top-x)
(define top-x 2)                       ; a second define acts like set!
(test-eqv 2 (get-top-x))
(define (uses-later) (defined-later 5)) ; a forward reference at top level
(define (defined-later n) (* n 10))
(test-eqv 50 (uses-later))

(test-group "5.3.2 internal definitions"
  (test-eqv 45 (let ((x 5))
                 (define foo (lambda (y) (bar x y)))
                 (define bar (lambda (a b) (+ (* a b) a)))
                 (foo (+ x 3))))
  ;; letrec* semantics: each init sees the earlier definitions' values
  (test-equal '(1 2 3) (let ()
                         (define a 1)
                         (define b (+ a 1))
                         (define c (+ b 1))
                         (list a b c)))
  ;; mutually recursive internal procedures
  (test-equal '(#t #f) (let ()
                         (define (ev? n) (if (= n 0) #t (od? (- n 1))))
                         (define (od? n) (if (= n 0) #f (ev? (- n 1))))
                         (list (ev? 100) (ev? 7))))
  ;; internal definitions shadow outer bindings in the whole body
  (test-eq 'inner (let ((x 'outer)) (define x 'inner) x))
  ;; in lambda, let*, letrec, named let, do-free bodies, and define bodies
  (test-eqv 4 ((lambda () (define y 4) y)))
  (test-eqv 5 (let* ((a 1)) (define b 4) (+ a b)))
  (test-eqv 6 (letrec ((a 2)) (define b 4) (+ a b)))
  (define (outer-proc) (define inner 7) inner)
  (test-eqv 7 (outer-proc))
  ;; a definition produced by a macro in a body
  (test-eqv 8 (let ()
                (define-syntax def8 (syntax-rules () ((_ n) (define n 8))))
                (def8 eight)
                eight))
  ;; begin splices definitions into a body
  (test-eqv 3 (let () (begin (define p 1) (define q 2)) (+ p q))))

(test-group "5.3.3 define-values"
  (define-values (dv-a dv-b) (values 1 2))
  (test-equal '(1 2) (list dv-a dv-b))
  (define-values (dv-c . dv-rest) (values 1 2 3))
  (test-equal '(1 (2 3)) (list dv-c dv-rest))
  (define-values dv-all (values 4 5))
  (test-equal '(4 5) dv-all)
  (define-values () (values))
  (test-eqv 3 (let ()
                (define-values (x y) (values 1 2))
                (+ x y)))
  (test-equal '(1 ()) (let () (define-values (x . r) (values 1)) (list x r)))
  ;; internal define-values in letrec* order with other definitions
  (test-equal '(1 2 3) (let ()
                         (define a 1)
                         (define-values (b c) (values (+ a 1) (+ a 2)))
                         (list a b c)))
  (test-error (let () (define-values (x y) (values 1)) x)))

(define-values (top-q top-r) (floor/ 17 5))
(test-equal '(3 2) (list top-q top-r))

(test-group "5.4 syntax definitions"
  (test-equal '(2 1) (let ((x 1) (y 2))
                       (define-syntax swap!
                         (syntax-rules ()
                           ((swap! a b) (let ((tmp a)) (set! a b) (set! b tmp)))))
                       (swap! x y)
                       (list x y)))
  ;; a syntax definition shadows a top-level variable in its scope
  (test-eq 'kw (let ()
                 (define-syntax get-top-x (syntax-rules () ((_) 'kw)))
                 (get-top-x))))

(define-syntax top-kw (syntax-rules () ((_ a) (list a a))))
(test-equal '(1 1) (top-kw 1))
(define (uses-top-kw) (top-kw 'z))
(test-equal '(z z) (uses-top-kw))

(test-group "5.5 record types"
  (define-record-type <pare>
    (kons x y)
    pare?
    (x kar set-kar!)
    (y kdr))
  (test-eq #t (pare? (kons 1 2)))
  (test-eq #f (pare? (cons 1 2)))
  (test-eqv 1 (kar (kons 1 2)))
  (test-eqv 2 (kdr (kons 1 2)))
  (test-eqv 3 (let ((k (kons 1 2))) (set-kar! k 3) (kar k)))
  ;; fields not in the constructor; constructor fields in any order
  (define-record-type node
    (make-node value)
    node?
    (next node-next set-node-next!)
    (value node-value))
  (let ((n (make-node 'v)))
    (test-eq 'v (node-value n))
    (set-node-next! n 'after)
    (test-eq 'after (node-next n)))
  (define-record-type point (make-point y x) point? (x point-x) (y point-y))
  (test-equal '(1 2) (let ((p (make-point 2 1))) (list (point-x p) (point-y p))))
  ;; each record type is distinct and disjoint from other types
  (define-record-type other (make-other) other?)
  (test-eq #f (other? (kons 1 2)))
  (test-eq #t (other? (make-other)))
  (test-eq #f (pare? (vector 1 2)))
  (test-eq #f (vector? (kons 1 2)))
  (test-eq #f (pair? (kons 1 2)))
  (test-eq #f (procedure? (kons 1 2)))
  (test-error (kar (make-other)))
  (test-error (set-kar! 'x 1))
  ;; records are compared by identity
  (test-eq #f (equal? (kons 1 2) (kons 1 2)))
  (let ((k (kons 1 2))) (test-eq #t (eqv? k k))))

(test-end "r7rs-5")
;; expect-stdout:
;; %%%% Starting test r7rs-5
;; # of expected passes      54
