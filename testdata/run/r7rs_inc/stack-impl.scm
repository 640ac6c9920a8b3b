; included by stack.sld (include inside define-library)
(define-record-type stack
  (raw-stack items)
  stack?
  (items stack-items set-stack-items!))
(define (make-stack) (raw-stack '()))
(define (push! s v) (count-push!) (set-stack-items! s (cons v (stack-items s))))
(define (pop! s)
  (let ((v (car (stack-items s))))
    (set-stack-items! s (cdr (stack-items s)))
    v))
(define (stack-peek s) (car (stack-items s)))
(define (stack-size s) (length (stack-items s)))
(define included-from-library base-present)
