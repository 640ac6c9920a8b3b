; Import sets: except, prefix, rename over runtime libraries; SRFI syntax
; from the prelude; a program with imports sees only what it imports.
(import (except (scheme base) list)
        (prefix (scheme write) w:)
        (rename (only (scheme base) list) (list make-list-of)))
(w:write (make-list-of 1 2 3))
(w:display " ")
(define list 'my-own-list)        ; list was not imported, so it can be defined
(w:write list)
(newline)
(define-syntax while
  (syntax-rules ()
    ((_ c body ...) (let lp () (when c body ... (lp))))))
(define i 0)
(while (< i 3) (w:display i) (set! i (+ i 1)))
(newline)
;; expect-stdout:
;; (1 2 3) my-own-list
;; 012
