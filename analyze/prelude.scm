; The prelude: derived syntax that is clearest written as syntax-rules.
; These macros live in the expander's core scope: a program without
; imports sees them, and the runtime libraries that export them
; ((srfi 2), (srfi 8), (srfi 26)) import them from there.

; SRFI 8
(define-syntax receive
  (syntax-rules ()
    ((_ formals expr body ...)
     (call-with-values (lambda () expr) (lambda formals body ...)))))

; SRFI 2: each clause is (var expr), (expr) or a bound variable; the
; result is the body's value, or the last clause's when there is no body.
(define-syntax and-let*
  (syntax-rules ()
    ((_ ()) #t)
    ((_ () body ...) (let () body ...))
    ((_ ((var expr))) expr)
    ((_ ((expr))) expr)
    ((_ (var)) var)
    ((_ ((var expr) . rest) . body)
     (let ((var expr)) (if var (and-let* rest . body) #f)))
    ((_ ((expr) . rest) . body)
     (if expr (and-let* rest . body) #f))
    ((_ (var . rest) . body)
     (if var (and-let* rest . body) #f))))

; SRFI 26: <> is a slot, <...> a rest slot. cute evaluates the non-slot
; expressions once, when the procedure is made.
(define-syntax %cut
  (syntax-rules (<> <...>)
    ((_ (slot ...) (proc arg ...))
     (lambda (slot ...) ((begin proc) arg ...)))
    ((_ (slot ...) (proc arg ...) <...>)
     (lambda (slot ... . rest) (apply proc arg ... rest)))
    ((_ (slot ...) (position ...) <> . more)
     (%cut (slot ... x) (position ... x) . more))
    ((_ (slot ...) (position ...) nse . more)
     (%cut (slot ...) (position ... nse) . more))))

(define-syntax cut
  (syntax-rules ()
    ((_ . slots-or-exprs) (%cut () () . slots-or-exprs))))

(define-syntax %cute
  (syntax-rules (<> <...>)
    ((_ bindings (slot ...) (proc arg ...))
     (let bindings (lambda (slot ...) (proc arg ...))))
    ((_ bindings (slot ...) (proc arg ...) <...>)
     (let bindings (lambda (slot ... . rest) (apply proc arg ... rest))))
    ((_ bindings (slot ...) (position ...) <> . more)
     (%cute bindings (slot ... x) (position ... x) . more))
    ((_ (binding ...) (slot ...) (position ...) nse . more)
     (%cute (binding ... (x nse)) (slot ...) (position ... x) . more))))

(define-syntax cute
  (syntax-rules ()
    ((_ . slots-or-exprs) (%cute () () () . slots-or-exprs))))

; SRFI 64: the syntax of the test API; the runner is in rt (srfi64.go).
; Each test passes its expression quoted (for reports) and as a thunk.
(define-syntax test-assert
  (syntax-rules ()
    ((_ name expr) (%test-assert name 'expr (lambda () expr)))
    ((_ expr) (%test-assert #f 'expr (lambda () expr)))))

(define-syntax test-equal
  (syntax-rules ()
    ((_ name expected expr) (%test-compare name 'expr equal? expected (lambda () expr)))
    ((_ expected expr) (%test-compare #f 'expr equal? expected (lambda () expr)))))

(define-syntax test-eqv
  (syntax-rules ()
    ((_ name expected expr) (%test-compare name 'expr eqv? expected (lambda () expr)))
    ((_ expected expr) (%test-compare #f 'expr eqv? expected (lambda () expr)))))

(define-syntax test-eq
  (syntax-rules ()
    ((_ name expected expr) (%test-compare name 'expr eq? expected (lambda () expr)))
    ((_ expected expr) (%test-compare #f 'expr eq? expected (lambda () expr)))))

(define-syntax test-approximate
  (syntax-rules ()
    ((_ name expected expr error) (%test-approximate name 'expr expected (lambda () expr) error))
    ((_ expected expr error) (%test-approximate #f 'expr expected (lambda () expr) error))))

(define-syntax test-error
  (syntax-rules ()
    ((_ name type expr) (%test-error name 'expr type (lambda () expr)))
    ((_ type expr) (%test-error #f 'expr type (lambda () expr)))
    ((_ expr) (%test-error #f 'expr #t (lambda () expr)))))

(define-syntax test-group
  (syntax-rules ()
    ((_ name body ...) (%test-group name (lambda () body ... (if #f #f))))))
