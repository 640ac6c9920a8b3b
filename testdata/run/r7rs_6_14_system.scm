; R7RS 6.14 System interface: load, file-exists?, delete-file,
; command-line, exit (runs outstanding dynamic-wind after thunks and
; flushes output), environment variables, time, features.
(import (scheme base) (scheme file) (scheme load) (scheme eval) (scheme repl)
        (scheme process-context) (scheme time) (scheme write) (srfi 64))
(test-begin "r7rs-6.14")

(test-group "load"
  (define tmp (string-append (or (get-environment-variable "TMPDIR") "/tmp")
                             "/lambdust-r7rs-load-" (number->string (exact (floor (* 1000 (current-second)))))
                             "-" (number->string (current-jiffy)) ".scm"))
  (with-output-to-file tmp
    (lambda ()
      (write '(define loaded-value (* 6 7)))
      (write '(define (loaded-proc x) (list 'loaded x)))))
  (load tmp)
  (test-eqv 42 (eval 'loaded-value (interaction-environment)))
  (test-equal '(loaded 1) (eval '(loaded-proc 1) (interaction-environment)))
  (with-output-to-file tmp (lambda () (write '(define in-env 'yes))))
  (let ((env (environment '(scheme base))))
    (load tmp env)
    (test-eq 'yes (eval 'in-env env)))
  (delete-file tmp)
  (test-error (load tmp)))

(test-group "files"
  (test-eq #f (file-exists? "/nonexistent/lambdust/file"))
  (test-eq #t (file-exists? "/"))
  (test-error (delete-file "/nonexistent/lambdust/file")))

(test-group "command-line and environment"
  (test-assert (list? (command-line)))
  (test-assert (pair? (command-line)))
  (test-assert (string? (car (command-line))))
  (test-equal "/" (begin (get-environment-variable "PATH") "/"))
  (test-eq #f (get-environment-variable "LAMBDUST_SURELY_NOT_SET_XYZ"))
  (test-assert (list? (get-environment-variables)))
  (test-assert (let ((vs (get-environment-variables)))
                 (and (pair? vs) (pair? (car vs)) (string? (caar vs)) (string? (cdar vs)))))
  (test-assert (let ((path (get-environment-variable "PATH")))
                 (or (not path) (equal? path (cdr (assoc "PATH" (get-environment-variables))))))))

(test-group "time"
  (test-assert (real? (current-second)))
  (test-assert (inexact? (current-second)))
  (test-assert (> (current-second) 1.5e9))
  (test-assert (exact-integer? (current-jiffy)))
  (test-assert (exact-integer? (jiffies-per-second)))
  (test-assert (positive? (jiffies-per-second)))
  (let* ((a (current-jiffy)) (b (current-jiffy)))
    (test-assert (<= a b))))

(test-group "features"
  (test-assert (list? (features)))
  (test-assert (memq 'r7rs (features)))
  (test-assert (memq 'lambdust (features)))
  (test-assert (memq 'exact-closed (features)))
  (test-assert (memq 'ratios (features)))
  (test-assert (memq 'full-unicode (features)))
  (test-eq 'yes (cond-expand (r7rs 'yes) (else 'no)))
  (test-eq 'no (cond-expand ((not full-unicode) 'yes) (else 'no))))

(test-end "r7rs-6.14")

;; exit runs the after thunks of the dynamic-winds it leaves, flushes
;; output and ends the program with its status.
(dynamic-wind
  (lambda () (display "before") (newline))
  (lambda ()
    (dynamic-wind
      (lambda () #f)
      (lambda () (exit 3) (display "not reached"))
      (lambda () (display "inner after") (newline))))
  (lambda () (display "outer after") (newline)))
(display "not reached either")
;; expect-exit: 3
;; expect-stdout:
;; %%%% Starting test r7rs-6.14
;; # of expected passes      30
;; before
;; inner after
;; outer after
;; expect-exit: 3
