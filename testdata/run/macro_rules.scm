; syntax-rules (R7RS 4.3): hygiene, literals, ellipses, recursion.
(define-syntax swap!
  (syntax-rules ()
    ((_ a b) (let ((tmp a)) (set! a b) (set! b tmp)))))
(define tmp 1)
(define other 2)
(swap! tmp other)
(display (list tmp other)) (newline)            ; introduced tmp does not capture

(define-syntax my-or
  (syntax-rules ()
    ((_) #f)
    ((_ e) e)
    ((_ e r ...) (let ((t e)) (if t t (my-or r ...))))))
(define t 5)
(display (my-or #f t)) (newline)                 ; user t is not the macro's t

(let ((if list))                                 ; user shadows if
  (display (my-or #f 7)) (newline))

(define-syntax my-if
  (syntax-rules (then else)
    ((_ c then a else b) (if c a b))))
(display (my-if #t then 'yes else 'no)) (newline)

(define-syntax my-let*
  (syntax-rules ()
    ((_ () body ...) (let () body ...))
    ((_ ((x v) rest ...) body ...) (let ((x v)) (my-let* (rest ...) body ...)))))
(display (my-let* ((a 1) (b (+ a 1))) (* a b))) (newline)

; nested ellipses
(define-syntax my-let-list
  (syntax-rules ()
    ((_ ((name val ...) ...)) (list (list 'name val ...) ...))))
(display (my-let-list ((a 1 2) (b) (c 3)))) (newline)

; tail pattern after ellipsis, dotted pattern
(define-syntax last-of
  (syntax-rules ()
    ((_ x ... y) 'y)))
(display (last-of 1 2 3 4)) (newline)
(define-syntax dot
  (syntax-rules ()
    ((_ a . rest) '(a rest))))
(display (dot 1 2 3)) (newline)

; vector patterns
(define-syntax vsum
  (syntax-rules ()
    ((_ #(x ...)) (+ x ...))))
(display (vsum #(1 2 3 4))) (newline)

; custom ellipsis and (... ...) escapes
(define-syntax my-list
  (syntax-rules ::: ()
    ((_ x :::) (list x :::))))
(display (my-list 1 2 3)) (newline)
(define-syntax def-lister
  (syntax-rules ()
    ((_ name) (define-syntax name
                (syntax-rules ()
                  ((_ args (... ...)) (list 'name args (... ...))))))))
(def-lister foo)
(display (foo 1 2)) (newline)

; a macro expanding into definitions, in a body and at top level
(define-syntax define-two
  (syntax-rules ()
    ((_ a b v) (begin (define a v) (define b v)))))
(define-two p q 9)
(display (+ p q)) (newline)
(define (f)
  (define-two m n 4)
  (* m n))
(display (f)) (newline)

; let-syntax and letrec-syntax
(display (let-syntax ((foo (syntax-rules () ((_ x) (* x 10)))))
           (foo 4)))
(newline)
(display (letrec-syntax ((ev? (syntax-rules () ((_ n) (if (= n 0) #t (od? (- n 1))))))
                         (od? (syntax-rules () ((_ n) (if (= n 0) #f #t)))))
           (ev? 2)))
(newline)

; free identifiers in templates refer to the definition environment
(define (helper x) (* x 100))
(define-syntax call-helper
  (syntax-rules () ((_ v) (helper v))))
(let ((helper (lambda (x) 'wrong)))
  (display (call-helper 2)) (newline))

; underscore, literals matched by binding
(define-syntax second
  (syntax-rules () ((_ _ b . _) b)))
(display (second 1 2 3 4)) (newline)

; report example (4.3.2): cond-like with =>
(define-syntax be-like-begin
  (syntax-rules ()
    ((be-like-begin name)
     (define-syntax name
       (syntax-rules ()
         ((name expr (... ...))
          (begin expr (... ...))))))))
(be-like-begin sequence)
(display (sequence 1 2 3 4)) (newline)
(display (let ((=> #f)) (cond (#t => 'ok)))) (newline)
;; expect-stdout:
;; (2 1)
;; 5
;; 7
;; yes
;; 2
;; ((a 1 2) (b) (c 3))
;; 4
;; (1 (2 3))
;; 10
;; (1 2 3)
;; (foo 1 2)
;; 18
;; 16
;; 40
;; #t
;; 200
;; 2
;; 4
;; ok
