;; Calls of record accessors and modifiers become field loads and stores
;; (the records pass); they check the type as the accessors do and report
;; errors under the accessor's name.
(define-record-type point (make-point x y) point? (x point-x set-point-x!) (y point-y))
(define-record-type <cell> (make-cell v) cell? (v cell-v cell-set!))
(define (norm1 p) (+ (abs (point-x p)) (abs (point-y p))))
(define (shift! p dx) (set-point-x! p (+ (point-x p) dx)) p)
(define (bump! c) (cell-set! c (+ 1 (cell-v c))) (cell-v c))
(define p (make-point 3 -4))
(define c (make-cell 0))
(display (list (norm1 p) (point-x (shift! p 10)) (bump! c) (bump! c) (map point-y (list p p))))
(newline)
(display (guard (e (#t (error-object-message e))) (norm1 (make-cell 1))))
(newline)
(display (guard (e (#t (error-object-message e))) (shift! 5 1)))
(newline)
(display (guard (e (#t (error-object-message e))) (bump! p)))
(newline)
;; custom accessor names are inlined too
(define-record-type pair2 (kons a b) pair2? (a kar) (b kdr set-kdr!))
(define (swap q) (kons (kdr q) (kar q)))
(display (kar (swap (kons 1 2))))
(newline)
(define (bad) (point-y 'sym))
(bad)
;; expect-stdout:
;; (7 13 1 2 (-4 -4))
;; point-x: expected record of type point, got #<cell v=1>
;; point-x: expected record of type point, got 5
;; cell-v: expected record of type <cell>, got #<point x=13 y=-4>
;; 2
;; expect-error: opt_inl_records.scm:24:15: point-y: expected record of type point, got sym
