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
