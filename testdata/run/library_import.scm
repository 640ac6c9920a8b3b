; Programs and libraries (R7RS 5.1, 5.6): import sets, user libraries on the
; search path, macros exported from libraries, define-library in the program.
(define-library (local greet)
  (export greet)
  (import (scheme base) (scheme write))
  (begin (define (greet who) (display "hello, ") (display who) (newline))))
(import (scheme base)
        (scheme write)
        (only (scheme char) char-upcase)
        (rename (lamb util) (double dbl))
        (lamb shapes)
        (local greet))
(greet "library")
(write (list (dbl 4) (thrice 5))) (newline)
(define tmp 1)
(define other 2)
(swap! tmp other)
(write (list tmp other (helper-calls))) (newline)
(counter-next!)
(write (counter-next!)) (newline)
(write (area (make-square 3))) (newline)
(write (char-upcase #\a)) (newline)
(define (helper x) 'mine)        ; the library's helper is not this one
(swap! tmp other)
(write (list tmp other (helper-calls))) (newline)
;; expect-stdout:
;; hello, library
;; (8 15)
;; (2 1 3)
;; 2
;; 18
;; #\A
;; (1 2 5)
