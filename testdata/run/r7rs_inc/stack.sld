; A library for r7rs_5_6_libraries.scm: internal state, a helper that is
; not exported, an exported macro that uses the helper (hygiene across the
; library boundary), renamed exports, include, and cond-expand.
(define-library (r7rs_inc stack)
  (export make-stack push! pop! stack-size
          (rename stack-peek top)
          with-pushed
          pushes-so-far
          stack-flavor
          included-from-library)
  (import (scheme base))
  (cond-expand
    (lambdust (begin (define stack-flavor 'lambdust)))
    (else (begin (define stack-flavor 'other))))
  (cond-expand
    ((library (scheme base)) (begin (define base-present #t)))
    (else (begin (define base-present #f))))
  (include "stack-impl.scm")
  (begin
    (define pushes 0)
    (define (count-push!) (set! pushes (+ pushes 1)))
    (define (pushes-so-far) pushes)
    (define-syntax with-pushed
      (syntax-rules ()
        ((_ s v body ...)
         (begin (push! s v)
                (let ((result (begin body ...)))
                  (pop! s)
                  result)))))))
