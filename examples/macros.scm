;; macros.scm: hygienic syntax-rules macros.
;; Run it: lambdustc run examples/macros.scm
(import (scheme base) (scheme write))

;; A while loop. The loop name it introduces cannot clash with yours.
(define-syntax while
  (syntax-rules ()
    ((_ test body ...)
     (let loop () (when test body ... (loop))))))

;; swap! introduces a temporary; a user variable called tmp is safe.
(define-syntax swap!
  (syntax-rules ()
    ((_ a b) (let ((tmp a)) (set! a b) (set! b tmp)))))

;; A macro that writes a macro: (... ...) is an ellipsis of the inner one.
(define-syntax define-lister
  (syntax-rules ()
    ((_ name tag)
     (define-syntax name
       (syntax-rules ()
         ((_ x (... ...)) (list 'tag x (... ...))))))))

(define i 0)
(while (< i 3)
  (display i)
  (set! i (+ i 1)))
(newline)

(define tmp 'first)
(define other 'second)
(swap! tmp other)
(write (list tmp other))
(newline)

(define-lister point point)
(write (point 1 2))
(newline)
;; expect-stdout:
;; 012
;; (second first)
;; (point 1 2)
