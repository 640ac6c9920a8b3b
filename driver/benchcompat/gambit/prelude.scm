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

;; (include benchcompat/guard.scm)
