; R7RS 6.11 Exceptions: with-exception-handler, raise, raise-continuable,
; error and the error-object accessors, read-error?, file-error?.
(import (scheme base) (scheme file) (scheme read) (scheme write) (srfi 64))
(test-begin "r7rs-6.11")

(test-group "with-exception-handler and raise"
  ;; the report's example: the handler escapes through k
  (test-equal '(condition: an-error)
              (let ((out '()))
                (call-with-current-continuation
                 (lambda (k)
                   (with-exception-handler
                    (lambda (e) (set! out (list 'condition: e)) (k 'exception))
                    (lambda () (+ 1 (raise 'an-error))))))
                out))
  ;; a handler returning from raise is a secondary exception, raised in the
  ;; dynamic environment of the handler (the outer handler sees it)
  (test-eq 'secondary
           (call/cc
            (lambda (k)
              (with-exception-handler
               (lambda (e) (k (if (eq? e 'first) 'wrong 'secondary)))
               (lambda ()
                 (with-exception-handler
                  (lambda (e) 'returned)
                  (lambda () (raise 'first))))))))
  ;; the handler runs with the outer handler installed
  (test-equal '(inner outer)
              (call/cc
               (lambda (k)
                 (with-exception-handler
                  (lambda (e) (k (list e 'outer)))
                  (lambda ()
                    (with-exception-handler
                     (lambda (e) (raise 'inner))
                     (lambda () (raise 'x))))))))
  (test-eqv 42 (with-exception-handler (lambda (e) 0) (lambda () 42)))
  (test-error (with-exception-handler (lambda (e) 0) (lambda () (raise 'oops))))
  (test-error (with-exception-handler 1 (lambda () 2))))

(test-group "raise-continuable"
  ;; the report's example: the handler's value is returned by raise-continuable
  (let ((out (open-output-string)))
    (test-eqv 65 (with-exception-handler
                  (lambda (con)
                    (cond ((string? con) (display con out))
                          (else (display "a warning has been issued" out)))
                    42)
                  (lambda ()
                    (+ (raise-continuable "should be a number") 23))))
    (test-equal "should be a number" (get-output-string out)))
  (test-eqv 23 (with-exception-handler
                (lambda (con) (if (string? con) 0 42))
                (lambda () (+ (raise-continuable "should be a number") 23))))
  (test-equal '(1 2) (with-exception-handler
                      (lambda (c) (* c 2))
                      (lambda () (list (raise-continuable 1/2) (raise-continuable 1))))))

(define (catch thunk) (call/cc (lambda (k) (with-exception-handler k thunk))))

(test-group "error objects"
  (let ((e (catch (lambda () (error "Something went wrong" 'a 42)))))
    (test-eq #t (error-object? e))
    (test-equal "Something went wrong" (error-object-message e))
    (test-equal '(a 42) (error-object-irritants e)))
  (let ((e (catch (lambda () (error "no irritants")))))
    (test-equal '() (error-object-irritants e)))
  (test-eq #f (error-object? 'sym))
  (test-eq #f (error-object? "string"))
  (test-eq #t (error-object? (catch (lambda () (car '())))))
  (test-assert (string? (error-object-message (catch (lambda () (vector-ref (vector) 0))))))
  (test-eq #f (read-error? (catch (lambda () (error "x")))))
  (test-eq #f (file-error? (catch (lambda () (error "x")))))
  (test-eq #f (read-error? 'x))
  (test-eq #f (file-error? 'x))
  ;; the report's example with guard
  (test-equal '("Value must be positive" 5)
              (guard (e ((error-object? e)
                         (list (error-object-message e) (car (error-object-irritants e)))))
                (error "Value must be positive" 5)))
  ;; raising a non-condition is seen as itself
  (test-eqv 42 (guard (e (#t e)) (raise 42)))
  (test-equal '(1 2) (guard (e ((pair? e) e)) (raise (list 1 2)))))

(test-group "read-error? and file-error?"
  (let ((e (catch (lambda () (read (open-input-string "(1 2"))))))
    (test-eq #t (read-error? e)))
  (let ((e (catch (lambda () (read (open-input-string ")"))))))
    (test-eq #t (read-error? e)))
  (let ((e (catch (lambda () (read (open-input-string "#<foo>"))))))
    (test-eq #t (read-error? e)))
  (let ((e (catch (lambda () (open-input-file "/nonexistent/dir/file.txt")))))
    (test-eq #t (file-error? e))
    (test-eq #t (error-object? e)))
  (let ((e (catch (lambda () (open-output-file "/nonexistent/dir/file.txt")))))
    (test-eq #t (file-error? e)))
  (let ((e (catch (lambda () (delete-file "/nonexistent/dir/file.txt")))))
    (test-eq #t (file-error? e))))

(test-end "r7rs-6.11")
;; expect-stdout:
;; %%%% Starting test r7rs-6.11
;; # of expected passes      32
