(define (f x) (q-a x))
(display (f 1))
(define-record-type q (make-q a) q? (a q-a))
;; A call that runs before the record definition still finds the accessor
;; unbound (the records pass leaves it a call).
;; expect-error: opt_records_early.scm:1:16: unbound variable: q-a
