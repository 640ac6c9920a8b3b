;; meta: a small meta-circular Scheme interpreter (environments as
;; association-list frames, closures as tagged lists, quote, if, lambda,
;; define, set!, let, begin, cond) running a program that computes
;; Fibonacci numbers, sorts a list by insertion and counts with a closure;
;; measures symbol dispatch, assq lookups, list allocation and apply.
;; expect-stdout:
;; (17711 1 1001)
(import (scheme base) (scheme write) (scheme cxr))

(define (make-frame vars vals) (map cons vars vals))

(define (lookup var env)
  (if (null? env)
      (error "unbound variable" var)
      (let ((b (assq var (car env))))
        (if b b (lookup var (cdr env))))))

(define (m-eval x env)
  (cond ((symbol? x) (cdr (lookup x env)))
        ((not (pair? x)) x)
        (else
         (case (car x)
           ((quote) (cadr x))
           ((if) (if (m-eval (cadr x) env)
                     (m-eval (caddr x) env)
                     (if (pair? (cdddr x)) (m-eval (cadddr x) env) #f)))
           ((lambda) (list 'closure (cadr x) (cddr x) env))
           ((define)
            (if (pair? (cadr x))
                (define-var! (caadr x) (list 'closure (cdadr x) (cddr x) env) env)
                (define-var! (cadr x) (m-eval (caddr x) env) env))
            'ok)
           ((set!) (set-cdr! (lookup (cadr x) env) (m-eval (caddr x) env)) 'ok)
           ((begin) (eval-body (cdr x) env))
           ((let) (m-apply (list 'closure (map car (cadr x)) (cddr x) env)
                           (map (lambda (b) (m-eval (cadr b) env)) (cadr x))))
           ((cond) (eval-cond (cdr x) env))
           (else (m-apply (m-eval (car x) env)
                          (map (lambda (a) (m-eval a env)) (cdr x))))))))

(define (define-var! var val env)
  (let ((b (assq var (car env))))
    (if b
        (set-cdr! b val)
        (set-car! env (cons (cons var val) (car env))))))

(define (eval-body body env)
  (if (null? (cdr body))
      (m-eval (car body) env)
      (begin (m-eval (car body) env) (eval-body (cdr body) env))))

(define (eval-cond clauses env)
  (cond ((null? clauses) #f)
        ((eq? (caar clauses) 'else) (eval-body (cdar clauses) env))
        ((m-eval (caar clauses) env) (eval-body (cdar clauses) env))
        (else (eval-cond (cdr clauses) env))))

(define (m-apply f args)
  (cond ((procedure? f) (apply f args))
        ((and (pair? f) (eq? (car f) 'closure))
         (eval-body (caddr f) (cons (make-frame (cadr f) args) (cadddr f))))
        (else (error "not a procedure" f))))

(define global-env
  (list (make-frame '(+ - * < = > car cdr cons null? pair? not list)
                    (list + - * < = > car cdr cons null? pair? not list))))

(define program
  '((define (fib n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))
    (define (insert x sorted)
      (cond ((null? sorted) (cons x (quote ())))
            ((< x (car sorted)) (cons x sorted))
            (else (cons (car sorted) (insert x (cdr sorted))))))
    (define (sort lst) (if (null? lst) lst (insert (car lst) (sort (cdr lst)))))
    (define (make-list-down n) (if (= n 0) (quote ()) (cons n (make-list-down (- n 1)))))
    (define (make-counter)
      (let ((n 0)) (lambda () (set! n (+ n 1)) n)))
    (define counter (make-counter))
    (define (count-to n) (if (= n 0) (counter) (begin (counter) (count-to (- n 1)))))
    (list (fib 22) (car (sort (make-list-down 300))) (count-to 1000))))

(define (run-program)
  (let ((env (cons '() global-env)))
    (let loop ((forms program) (last #f))
      (if (null? forms)
          last
          (loop (cdr forms) (m-eval (car forms) env))))))

(define (repeat n r)
  (if (= n 0) r (repeat (- n 1) (run-program))))

(display (repeat 1 #f)) (newline)
