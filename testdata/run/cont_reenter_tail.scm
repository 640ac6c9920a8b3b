;; Re-entrant continuations invoked by a tail call that reaches their own
;; driver re-enter without unwinding (rt settleDriven); the dynamic-wind
;; thunks between the call and the capture still run, and values of any
;; count arrive.
(define trail '())
(define (note x) (set! trail (cons x trail)))
(define k2 #f)
(define n 0)
(define r
  (dynamic-wind
    (lambda () (note 'in))
    (lambda () (call/cc (lambda (k) (set! k2 k) 0)))
    (lambda () (note 'out))))
(set! n (+ n 1))
(if (< n 3) (k2 n))
(display (list r n (reverse trail))) (newline)
(define kv #f)
(define count 0)
(call-with-values
  (lambda () (call/cc (lambda (k) (set! kv k) (values 1 2))))
  (lambda args
    (set! count (+ count 1))
    (display args) (newline)
    (cond ((= count 1) (kv 'a 'b 'c))
          ((= count 2) (kv)))))
;; a generator: both directions are tail calls
(define (make-gen lst)
  (define return #f)
  (define (resume ignored)
    (for-each (lambda (x) (call/cc (lambda (k) (set! resume k) (return x)))) lst)
    (return 'done))
  (lambda () (call/cc (lambda (r) (set! return r) (resume #f)))))
(define g (make-gen '(1 2 3)))
(display (list (g) (g) (g) (g))) (newline)
;; expect-stdout:
;; (2 3 (in out in out in out))
;; (1 2)
;; (a b c)
;; ()
;; (1 2 3 done)
