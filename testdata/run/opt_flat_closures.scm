;; Closures that capture values are one object (compiled: a struct whose
;; entry finds it through rt.Thread.Self; interpreted: one closure whose
;; shared entries do the same). Each call path of the runtime must hand the
;; entry its own procedure: this program sends capturing closures through
;; case-lambda clauses, apply, map, for-each, vector-map, string-for-each,
;; sort, call-with-values, dynamic-wind, with-exception-handler, guard,
;; parameterize converters, delay/force, call/cc receivers, hash-table-walk
;; and closures returned from closures, with several arities.
(import (scheme base) (scheme write) (scheme char) (scheme lazy) (scheme case-lambda) (srfi 69) (srfi 132))

(define (make-adder k) (lambda (x) (+ x k)))
(define (make-cl a b)
  (case-lambda
    (() (list 'zero a b))
    ((x) (list 'one x a b))
    ((x y) (list 'two x y a b))
    ((x y z) (list 'three x y z a))
    ((x y z w) (list 'four x y z w b))
    ((x . rest) (list 'many x rest a))))
(define cl (make-cl 'A 'B))
(display (list (cl) (cl 1) (cl 1 2) (cl 1 2 3) (cl 1 2 3 4) (cl 1 2 3 4 5))) (newline)
(display (map (lambda (n) (apply cl (make-list n 'x))) '(0 1 2 3 4 5))) (newline)

(define (run k)
  (let* ((add (make-adder k))
         (mul (lambda (x y) (* x y k)))
         (acc '()))
    (for-each (lambda (x) (set! acc (cons (add x) acc))) '(1 2 3))
    (list (map add '(1 2 3))
          (apply mul '(2 3))
          (vector-map (lambda (x) (- x k)) #(10 20))
          (let ((n 0)) (string-for-each (lambda (c) (set! n (+ n (char->integer c) k))) "ab") n)
          (list-sort (lambda (a b) (< (add a) (add b))) '(3 1 2))
          (call-with-values (lambda () (values k (add 1))) (lambda (a b) (list a b k)))
          (dynamic-wind (lambda () #f) (lambda () (add 100)) (lambda () #f))
          (with-exception-handler (lambda (e) (add e)) (lambda () (+ 1 (raise-continuable 5))))
          (guard (e (#t (list 'caught e k))) (raise (add 0)))
          (let ((p (make-parameter 1 (lambda (v) (* v k))))) (parameterize ((p 3)) (p)))
          (force (delay (add 7)))
          (call/cc (lambda (ret) (ret (add 8))))
          (let ((h (make-hash-table)) (sum 0))
            (hash-table-set! h 'a 1) (hash-table-set! h 'b 2)
            (hash-table-walk h (lambda (key v) (set! sum (+ sum (add v)))))
            sum)
          (((lambda (a) (lambda (b) (lambda (c) (list a b c k)))) 1) 2)
          (reverse acc))))
(display (run 10)) (newline)
(display (run 1)) (newline)
;; expect-stdout:
;; ((zero A B) (one 1 A B) (two 1 2 A B) (three 1 2 3 A) (four 1 2 3 4 B) (many 1 (2 3 4 5) A))
;; ((zero A B) (one x A B) (two x x A B) (three x x x A) (four x x x x B) (many x (x x x x) A))
;; ((11 12 13) 60 #(0 10) 215 (1 2 3) (10 11 10) 110 16 (caught 10 10) 30 17 18 23 #<procedure> (11 12 13))
;; ((2 3 4) 6 #(9 19) 197 (1 2 3) (1 2 1) 101 7 (caught 1 1) 3 8 9 5 #<procedure> (2 3 4))
