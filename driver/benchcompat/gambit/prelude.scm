;; R7RS-small pieces for Gambit 4.9.3 (Debian's), which has no
;; program-level import, no syntax-rules by default, and lacks a few
;; procedures. Used only by `lambdustc bench --compare gambit`, which puts
;; this text in front of each program (without its import form). Written
;; for the benchmark programs, not a complete R7RS.

(define-cond-expand-feature r7rs)

;; define-syntax with syntax-rules (and syntax-case), from Gambit's own
;; expander library.
(##include "~~lib/_define-syntax.scm")
(##define-syntax define-syntax
  (lambda (src)
    (##include "~~lib/_syntax.scm")
    (syntax-case src ()
      ((_ id fn) #'(macro-define-syntax id fn)))))

(define (digit-value c)
  (and (char-numeric? c) (- (char->integer c) (char->integer #\0))))
(define (string-upcase s) (list->string (map char-upcase (string->list s))))
(define (string-downcase s) (list->string (map char-downcase (string->list s))))
(define (string-foldcase s) (string-downcase s))

;; guard, after the derived form in R7RS 7.3: the handler escapes to the
;; guard's continuation, evaluates the clauses there, and re-raises in the
;; raise's dynamic environment when none applies.
(define-syntax guard
  (syntax-rules ()
    ((_ (var clause ...) body1 body2 ...)
     ((call-with-current-continuation
       (lambda (guard-k)
         (with-exception-handler
          (lambda (condition)
            ((call-with-current-continuation
              (lambda (handler-k)
                (guard-k
                 (lambda ()
                   (let ((var condition))
                     (guard-aux (handler-k (lambda () (raise-continuable condition)))
                                clause ...))))))))
          (lambda ()
            (call-with-values (lambda () body1 body2 ...)
              (lambda results (guard-k (lambda () (apply values results)))))))))))))
(define-syntax guard-aux
  (syntax-rules (else =>)
    ((_ reraise (else e1 e2 ...)) (begin e1 e2 ...))
    ((_ reraise (test => receiver)) (let ((t test)) (if t (receiver t) reraise)))
    ((_ reraise (test => receiver) clause1 clause2 ...)
     (let ((t test)) (if t (receiver t) (guard-aux reraise clause1 clause2 ...))))
    ((_ reraise (test)) (or test reraise))
    ((_ reraise (test) clause1 clause2 ...) (let ((t test)) (if t t (guard-aux reraise clause1 clause2 ...))))
    ((_ reraise (test e1 e2 ...)) (if test (begin e1 e2 ...) reraise))
    ((_ reraise (test e1 e2 ...) clause1 clause2 ...)
     (if test (begin e1 e2 ...) (guard-aux reraise clause1 clause2 ...)))))
