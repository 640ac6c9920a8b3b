;; define-record-type procedures called directly are compiled inline by the
;; records pass (analyze/records.go); everything a program can observe stays
;; the same: results, predicates, procedures used as values, set! of a
;; record procedure, errors with the procedure's name.
(define (early) (pt-x (make-pt 1 2)))   ; refers to the accessor before its definition
(define-record-type pt (make-pt x y) pt? (x pt-x set-pt-x!) (y pt-y))
(define-record-type <node> (node val next) node? (val node-val) (next node-next set-node-next!))
(define p (make-pt 3 4))
(display (list (pt-x p) (pt-y p) (pt? p) (pt? 5) (node? p) (early))) (newline)
(set-pt-x! p 10)
(display (pt-x p)) (newline)
;; as values
(display (map pt-y (list (make-pt 1 2) (make-pt 3 4)))) (newline)
(display (let ((get pt-x)) (get p))) (newline)
;; a linked structure
(define (build n) (let loop ((i 0) (l #f)) (if (= i n) l (loop (+ i 1) (node i l)))))
(define (sum l) (if l (+ (node-val l) (sum (node-next l))) 0))
(display (sum (build 100))) (newline)
;; errors name the procedure
(display (guard (e (#t (list (error-object-message e) (error-object-irritants e))))
  (pt-x (node 1 #f))))
(newline)
(display (guard (e (#t (error-object-message e))) (set-pt-x! 'sym 1))) (newline)
;; a record procedure that is set! is not inlined
(define-record-type cell (make-cell v) cell? (v cell-v))
(set! cell-v (lambda (c) 'replaced))
(display (cell-v (make-cell 1))) (newline)
;; local record types are not touched
(define (local)
  (define-record-type lp (make-lp a) lp? (a lp-a))
  (lp-a (make-lp 'local)))
(display (local)) (newline)
;; expect-stdout:
;; (3 4 #t #f #f 1)
;; 10
;; (2 4)
;; 10
;; 4950
;; (pt-x: expected record of type pt, got #<node val=1 next=#f> ())
;; set-pt-x!: expected record of type pt, got sym
;; replaced
;; local
