; R7RS 4.3 Macros: let-syntax, letrec-syntax, syntax-rules (hygiene in both
; directions, literals, _, custom ellipsis, (... ...), nested ellipses,
; dotted and vector patterns), macros expanding into definitions and into
; macro definitions, syntax-error.
(import (scheme base) (scheme write) (srfi 64))
(test-begin "r7rs-4.3")

(test-group "4.3.1 let-syntax letrec-syntax"
  (test-eq 'now (let-syntax ((given-that (syntax-rules ()
                                           ((_ test stmt1 stmt2 ...)
                                            (if test (begin stmt1 stmt2 ...))))))
                  (let ((if #t))
                    (given-that if (set! if 'now))
                    if)))
  (test-eq 'outer (let ((x 'outer))
                    (let-syntax ((m (syntax-rules () ((m) x))))
                      (let ((x 'inner))
                        (m)))))
  (test-eqv 7 (letrec-syntax
                  ((my-or (syntax-rules ()
                            ((my-or) #f)
                            ((my-or e) e)
                            ((my-or e1 e2 ...)
                             (let ((temp e1))
                               (if temp temp (my-or e2 ...)))))))
                (let ((x #f) (y 7) (temp 8) (let odd?) (if even?))
                  (my-or x (let temp) (if y) y))))
  ;; let-syntax bindings do not see each other; letrec-syntax ones do
  (test-eq 'outer-m (let-syntax ((m (syntax-rules () ((_) 'outer-m))))
                      (let-syntax ((m (syntax-rules () ((_) 'inner-m)))
                                   (n (syntax-rules () ((_) (m)))))
                        (n))))
  (test-eq 'inner-m (let-syntax ((m (syntax-rules () ((_) 'outer-m))))
                      (letrec-syntax ((m (syntax-rules () ((_) 'inner-m)))
                                      (n (syntax-rules () ((_) (m)))))
                        (n))))
  ;; the body of let-syntax is a body: definitions are allowed
  (test-eqv 3 (let () (let-syntax ((m (syntax-rules () ((_ v) v)))) (define z (m 3)) z))))

(test-group "4.3.2 syntax-rules basics"
  (define-syntax swap!
    (syntax-rules ()
      ((_ a b) (let ((tmp a)) (set! a b) (set! b tmp)))))
  ;; hygiene: the macro's tmp does not capture the user's tmp
  (let ((tmp 1) (other 2))
    (swap! tmp other)
    (test-equal '(2 1) (list tmp other)))
  ;; hygiene: free identifiers of the template mean what they meant at the
  ;; definition, even if the user rebinds them
  (define-syntax my-if
    (syntax-rules () ((_ c a b) (cond (c a) (else b)))))
  (test-eq 'yes (let ((else #f)) (my-if #f 'no 'yes)))
  (define helper-value 'global-helper)
  (define-syntax get-helper (syntax-rules () ((_) helper-value)))
  (test-eq 'global-helper (let ((helper-value 'local)) (get-helper)))
  (define-syntax mk-list (syntax-rules () ((_ a) (car (list a)))))
  (test-eq 'list-ok (let ((list vector)) (mk-list 'list-ok)))
  (test-equal #(in-scope) (let ((list vector)) (let-syntax ((mk (syntax-rules () ((_ a) (list a))))) (mk 'in-scope))))
  ;; the report's cond example with literal =>
  (define-syntax my-cond-arrow
    (syntax-rules (=>)
      ((_ v => f) (f v))
      ((_ v e) e)
      ((_ v x f) 'not-the-literal)))
  (test-eqv 2 (my-cond-arrow 1 => (lambda (x) (+ x 1))))
  (test-eq 'plain (my-cond-arrow 1 'plain))
  ;; a literal matches only when bound the same way: a local => is not the literal
  (test-eq 'not-the-literal (let ((=> (lambda (x) x))) (my-cond-arrow 1 => (lambda (x) (+ x 1)))))
  ;; the report's be-like-begin
  (define-syntax be-like-begin
    (syntax-rules ()
      ((be-like-begin name)
       (define-syntax name
         (syntax-rules ()
           ((name expr (... ...))
            (begin expr (... ...))))))))
  (be-like-begin sequence)
  (test-eqv 4 (sequence 1 2 3 4))
  ;; _ matches anything and is not bound in the template
  (define-syntax second (syntax-rules () ((_ _ b . _) b)))
  (test-eqv 2 (second 1 2 3 4))
  (test-eqv 2 (second 1 2))
  ;; underscore used as a literal
  (define-syntax is-underscore (syntax-rules (_) ((m _) 'underscore) ((m x) 'other)))
  (test-eq 'underscore (is-underscore _))
  (test-eq 'other (is-underscore 5))
  ;; the first matching rule wins
  (define-syntax first-match (syntax-rules () ((_ x) 'one) ((_ x ...) 'many)))
  (test-eq 'one (first-match a))
  (test-eq 'many (first-match a b))
  (test-eq 'many (first-match)))

(test-group "4.3.2 patterns"
  (define-syntax ellipsis-tail
    (syntax-rules () ((_ a ... b c) '((a ...) b c))))
  (test-equal '((1 2) 3 4) (ellipsis-tail 1 2 3 4))
  (test-equal '(() 3 4) (ellipsis-tail 3 4))
  (define-syntax dotted
    (syntax-rules () ((_ a . rest) '(a rest))))
  (test-equal '(1 (2 3)) (dotted 1 2 3))
  (test-equal '(1 ()) (dotted 1))
  (define-syntax ellipsis-dotted
    (syntax-rules () ((_ (a ... . r)) '((a ...) r))))
  (test-equal '((1 2) 3) (ellipsis-dotted (1 2 . 3)))
  (test-equal '((1 2) ()) (ellipsis-dotted (1 2)))
  (define-syntax vec-pat
    (syntax-rules () ((_ #(a b ...)) '(a (b ...)))))
  (test-equal '(1 (2 3)) (vec-pat #(1 2 3)))
  (test-equal '(1 ()) (vec-pat #(1)))
  (define-syntax vec-tail
    (syntax-rules () ((_ #(a ... z)) '(z a ...))))
  (test-equal '(3 1 2) (vec-tail #(1 2 3)))
  (define-syntax vec-template
    (syntax-rules () ((_ a ...) #(a ... end))))
  (test-equal #(1 2 end) (vec-template 1 2))
  (define-syntax nested
    (syntax-rules () ((_ (name val ...) ...) '((name (val ...)) ...))))
  (test-equal '((a (1 2)) (b ()) (c (3))) (nested (a 1 2) (b) (c 3)))
  (define-syntax flatten
    (syntax-rules () ((_ (a ...) ...) '(a ... ...))))
  (test-equal '(1 2 3 4) (flatten (1 2) () (3 4)))
  (define-syntax my-let*
    (syntax-rules ()
      ((_ () body ...) (let () body ...))
      ((_ ((x v) rest ...) body ...) (let ((x v)) (my-let* (rest ...) body ...)))))
  (test-eqv 3 (my-let* ((a 1) (b (+ a 1))) (+ a b)))
  ;; the same pattern variable paired with a constant under an ellipsis
  (define-syntax pairs
    (syntax-rules () ((_ x y ...) '((x y) ...))))
  (test-equal '((k 1) (k 2)) (pairs k 1 2))
  ;; literal data in patterns
  (define-syntax lit
    (syntax-rules () ((_ 1) 'one) ((_ "s") 'string) ((_ #t) 'true) ((_ x) 'other)))
  (test-equal '(one string true other) (list (lit 1) (lit "s") (lit #t) (lit 2)))
  ;; a pattern that does not match is a syntax error at expansion; checked
  ;; with a rule that is never used
  (define-syntax needs-two (syntax-rules () ((_ a b) (+ a b))))
  (test-eqv 3 (needs-two 1 2)))

(test-group "4.3.2 custom ellipsis and escapes"
  (define-syntax my-list
    (syntax-rules ::: ()
      ((_ a :::) (list a :::))))
  (test-equal '(1 2 3) (my-list 1 2 3))
  ;; with a custom ellipsis, ... is an ordinary identifier
  (define-syntax dots
    (syntax-rules ::: ()
      ((_ x :::) '(x ::: ...))))
  (test-equal '(a b ...) (dots a b))
  ;; (... ...) produces a literal ellipsis
  (define-syntax ell (syntax-rules () ((_) '(... ...))))
  (test-eq '... (ell))
  (define-syntax ell-list (syntax-rules () ((_ a ...) '((a (... ...)) ...))))
  (test-equal '((1 ...) (2 ...)) (ell-list 1 2))
  ;; (... template) escapes a whole template
  (define-syntax esc (syntax-rules () ((_ a) '(... (a ...)))))
  (test-equal '(5 ...) (esc 5)))

(test-group "4.3 hygiene details"
  ;; an identifier introduced by a macro at top level does not clash with
  ;; a user identifier of the same name
  (define-syntax define-getter
    (syntax-rules ()
      ((_ name val) (begin (define hidden val) (define (name) hidden)))))
  (define-getter get-a 'a)
  (define-getter get-b 'b)
  (test-equal '(a b) (list (get-a) (get-b)))
  ;; recursive macro producing a loop variable that does not capture
  (define-syntax while
    (syntax-rules ()
      ((_ c body ...) (let lp () (when c body ... (lp))))))
  (let ((i 0) (lp 'user-lp))
    (while (< i 5) (set! i (+ i 1)))
    (test-equal '(5 user-lp) (list i lp)))
  ;; macro-introduced binding visible to macro-introduced references only
  (define-syntax with-x
    (syntax-rules () ((_ e) (let ((x 'macro-x)) (list x e)))))
  (test-equal '(macro-x user-x) (let ((x 'user-x)) (with-x x)))
  ;; a macro that defines a macro that uses its own template identifiers
  (define-syntax def-const-macro
    (syntax-rules ()
      ((_ name value)
       (define-syntax name (syntax-rules () ((_) value))))))
  (def-const-macro forty-two 42)
  (test-eqv 42 (forty-two))
  (define-syntax def-adder
    (syntax-rules ()
      ((_ name n)
       (define-syntax name (syntax-rules () ((_ x) (+ x n)))))))
  (def-adder add5 5)
  (test-eqv 8 (add5 3))
  ;; a macro expanding into a define-record-type
  (define-syntax def-point
    (syntax-rules ()
      ((_ make pred get) (define-record-type point (make x) pred (x get)))))
  (def-point mk-pt pt? pt-x)
  (test-eqv 9 (pt-x (mk-pt 9)))
  (test-eq #t (pt? (mk-pt 1)))
  ;; macros used before their definition in a body are an error, but a
  ;; macro defined in a body works for the rest of the body
  (test-eqv 10 (let ()
                 (define-syntax ten (syntax-rules () ((_) 10)))
                 (define v (ten))
                 v))
  ;; shadowing a macro with a variable
  (define-syntax shadowed (syntax-rules () ((_) 'macro)))
  (test-eq 'var (let ((shadowed (lambda () 'var))) (shadowed)))
  ;; a keyword bound by let-syntax shadows a variable
  (test-eq 'kw (let ((f (lambda () 'var))) (let-syntax ((f (syntax-rules () ((_) 'kw)))) (f))))
  ;; quote inside templates keeps symbols as written
  (define-syntax quote-it (syntax-rules () ((_ a) '(a tmp))))
  (test-equal '(x tmp) (quote-it x)))

(test-group "syntax-error"
  (define-syntax must-be-pair
    (syntax-rules ()
      ((_ (a . b)) 'ok)
      ((_ other) (syntax-error "must-be-pair: expected a pair" other))))
  (test-eq 'ok (must-be-pair (1 . 2))))

;; Top-level definitions of identifiers a macro introduces are private to
;; each expansion: they neither capture nor are captured by user globals of
;; the same name.
(define-syntax def-counter
  (syntax-rules ()
    ((_ name)
     (begin (define (name) (set! count (+ count 1)) count)
            (define count 0)))))
(def-counter counter-1)
(def-counter counter-2)
(counter-1)
(counter-1)
(test-equal '(3 1) (list (counter-1) (counter-2)))
(define count 'user-count)
(test-equal '(user-count 4 2) (list count (counter-1) (counter-2)))
(define-syntax def-with-hidden
  (syntax-rules ()
    ((_ getter setter) (begin (define hidden #f)
                              (define (getter) hidden)
                              (define (setter v) (set! hidden v))))))
(define hidden 'user-hidden)
(def-with-hidden get-h set-h!)
(set-h! 'macro-hidden)
(test-equal '(user-hidden macro-hidden) (list hidden (get-h)))
(define-values (top-dv-1 top-dv-2) (values 1 2))
(define-values (top-dv-3) (values 3))
(test-equal '(1 2 3) (list top-dv-1 top-dv-2 top-dv-3))

;; a macro defined by a macro at top level is private to its expansion too
(define-syntax def-and-use
  (syntax-rules ()
    ((_ name v) (begin (define-syntax helper (syntax-rules () ((_) v)))
                       (define name (helper))))))
(def-and-use use-1 1)
(def-and-use use-2 2)
(test-equal '(1 2) (list use-1 use-2))
;; two record types from one macro: the introduced type names do not clash
(define-syntax def-rec
  (syntax-rules ()
    ((_ mk get) (define-record-type thing (mk f) thing? (f get)))))
(def-rec mk-a get-a)
(def-rec mk-b get-b)
(test-equal '(1 2) (list (get-a (mk-a 1)) (get-b (mk-b 2))))
(test-error (get-a (mk-b 2)))

(test-end "r7rs-4.3")
;; expect-stdout:
;; %%%% Starting test r7rs-4.3
;; # of expected passes      62
