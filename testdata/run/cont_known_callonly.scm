;; Continuations passed to known procedures that only call them stay
;; escape-only (analyze/resumable.go callOnlyParams), and invoking one in
;; tail position returns straight to its call/cc (rt settleEC). Every case
;; checks the value delivered and the dynamic state afterwards.
(define (succ n) (+ n 1))
(define (pred n) (- n 1))
(define (addc x y k)
  (if (zero? y) (k x) (addc (succ x) (pred y) k)))
(define (fibc x c)
  (if (zero? x)
      (c 0)
      (if (zero? (pred x))
          (c 1)
          (addc (call/cc (lambda (c) (fibc (pred x) c)))
                (call/cc (lambda (c) (fibc (pred (pred x)) c)))
                c))))
(display (call/cc (lambda (k) (fibc 15 k)))) (newline)
;; Invoked in non-tail position: escapes past the pending addition.
(define (add-one-after k v) (+ 1 (k v)))
(display (+ 100 (call/cc (lambda (k) (add-one-after k 5))))) (newline)
;; Several values and none, delivered by a tail call.
(define (give3 k) (k 1 2 3))
(define (give0 k) (k))
(display (call-with-values (lambda () (call/cc (lambda (k) (give3 k)))) list)) (newline)
(display (call-with-values (lambda () (call/cc (lambda (k) (give0 k)))) list)) (newline)
;; Invoked inside a dynamic-wind and a parameterize entered by the receiver:
;; the after thunk runs and the parameter is restored.
(define p (make-parameter 1))
(define (call-it k v) (k v))
(define trail '())
(display (call/cc (lambda (k)
  (dynamic-wind
    (lambda () (set! trail (cons 'in trail)))
    (lambda () (call-it k 'out-of-wind))
    (lambda () (set! trail (cons 'after trail)))))))
(newline)
(display (reverse trail)) (newline)
(display (list (call/cc (lambda (k) (parameterize ((p 2)) (call-it k (p))))) (p))) (newline)
;; A guard around the tail invocation sees nothing raised.
(display (guard (e (#t 'caught)) (call/cc (lambda (k) (call-it k 'fine))))) (newline)
;; The continuation is still escape-only when it is not invoked at all.
(display (call/cc (lambda (k) (pred 10)))) (newline)
;; expect-stdout:
;; 610
;; 105
;; (1 2 3)
;; ()
;; out-of-wind
;; (in after)
;; (2 1)
;; fine
;; 9
