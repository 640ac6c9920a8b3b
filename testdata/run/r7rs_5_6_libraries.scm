; R7RS 5.6 Libraries: the report's (example grid) / (example life) program
; (libraries in r7rs_inc/), renamed exports, prefix and rename import sets,
; library state, hygiene across a library boundary, include and
; cond-expand in define-library.
(import (scheme base)
        (scheme write)
        (only (r7rs_inc life) life)
        (rename (prefix (r7rs_inc grid) grid-)
                (grid-make make-grid))
        (prefix (r7rs_inc stack) st:)
        (r7rs_inc decls)
        (srfi 64))
(test-begin "r7rs-5.6")

(test-group "grid"
  (define g (make-grid 3 4))
  (test-eqv 3 (grid-rows g))
  (test-eqv 4 (grid-cols g))
  (test-eq #f (grid-ref g 1 1))
  (grid-set! g 1 1 'x)
  (test-eq 'x (grid-ref g 1 1))
  (test-eq #f (grid-ref g 5 1))
  (test-eq #f (grid-ref g -1 0))
  (let ((n 0))
    (grid-each g (lambda (i j v) (set! n (+ n 1))))
    (test-eqv 12 n)))

(test-group "stack library"
  (define s (st:make-stack))
  (st:push! s 1)
  (st:push! s 2)
  (test-eqv 2 (st:top s))
  (test-eqv 2 (st:stack-size s))
  (test-eqv 2 (st:pop! s))
  (test-eqv 1 (st:stack-size s))
  ;; the exported macro refers to the library's push!/pop! even though the
  ;; user has different bindings of those names here
  (let ((push! 'user) (pop! 'user) (count-push! 'user))
    (test-eq 'inside (st:with-pushed s 'pushed (if (eqv? (st:top s) 'pushed) 'inside 'wrong)))
    (test-equal '(user user) (list push! pop!)))
  (test-eqv 1 (st:stack-size s))
  ;; state inside the library is shared by all its users
  (test-eqv 3 (st:pushes-so-far))
  (test-eq 'lambdust st:stack-flavor)
  (test-eq #t st:included-from-library))

(test-group "visibility"
  (test-eq #t (procedure? st:top)))

(test-group "include-library-declarations and include-ci"
  (test-eq 'declarations from-declarations)
  (test-eq 'quiet shouted))

(test-end "r7rs-5.6")

;; the report's main program, on a small grid for 4 generations
(define grid (make-grid 6 6))
(grid-set! grid 1 1 #true)
(grid-set! grid 2 2 #true)
(grid-set! grid 3 0 #true)
(grid-set! grid 3 1 #true)
(grid-set! grid 3 2 #true)
(life grid 4)
;; expect-stdout:
;; %%%% Starting test r7rs-5.6
;; # of expected passes      20
;; --
;; ......
;; ......
;; *.*...
;; .**...
;; .*....
;; ......
;; --
;; ......
;; ......
;; ..*...
;; *.*...
;; .**...
;; ......
;; --
;; ......
;; ......
;; .*....
;; ..**..
;; .**...
;; ......
;; --
;; ......
;; ......
;; ..*...
;; ...*..
;; .***..
;; ......
