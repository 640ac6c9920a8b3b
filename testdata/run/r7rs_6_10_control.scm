; R7RS 6.10 Control features: procedure?, apply, map and friends,
; call/cc, values, dynamic-wind.
(import (scheme base) (scheme case-lambda) (scheme char) (scheme cxr) (scheme inexact)
        (scheme write) (srfi 64))
(test-begin "r7rs-6.10")

(test-group "procedure?"
  (test-eq #t (procedure? car))
  (test-eq #f (procedure? 'car))
  (test-eq #t (procedure? (lambda (x) (* x x))))
  (test-eq #f (procedure? '(lambda (x) (* x x))))
  (test-eq #t (call-with-current-continuation procedure?))
  (test-eq #t (procedure? (make-parameter 1)))
  (test-eq #t (procedure? (case-lambda ((x) x) ((x y) y)))))

(test-group "apply"
  (test-eqv 7 (apply + (list 3 4)))
  (define compose (lambda (f g) (lambda args (f (apply g args)))))
  (test-eqv 30 ((compose (lambda (x) (exact (sqrt x))) *) 12 75))
  (test-eqv 10 (apply + 1 2 '(3 4)))
  (test-eqv 0 (apply + '()))
  (test-equal '(1 2 3) (apply list 1 2 '(3)))
  (test-eqv 5 (apply max '(1 5 3)))
  (test-eqv 100000 (length (apply list (make-list 100000 0))))
  (test-error (apply + 1 2))
  (test-error (apply + '(1 . 2))))

(test-group "map"
  (test-equal '(b e h) (map cadr '((a b) (d e) (g h))))
  (test-equal '(1 4 27 256 3125) (map (lambda (n) (expt n n)) '(1 2 3 4 5)))
  (test-equal '(5 7 9) (map + '(1 2 3) '(4 5 6)))
  (test-equal '(5 7) (map + '(1 2 3) '(4 5)))
  (test-equal '(5 7) (map + '(1 2) '(4 5 6)))
  (test-equal '() (map + '() '(1)))
  (test-assert (member (let ((count 0))
                         (map (lambda (ignored) (set! count (+ count 1)) count) '(a b)))
                       '((1 2) (2 1))))
  ;; shortest list wins even when another list is circular
  (test-equal '(11 22) (map + '(1 2) (let ((c (list 10 20))) (set-cdr! (cdr c) c) c)))
  (test-eqv 1000000 (length (map (lambda (x) x) (make-list 1000000 1)))))

(test-group "string-map vector-map"
  (test-equal "abdegh" (string-map char-foldcase "AbdEgH"))
  (test-equal "IBM" (string-map (lambda (c) (integer->char (+ 1 (char->integer c)))) "HAL"))
  (test-equal "StUdLyCaPs"
              (string-map (lambda (c k) ((if (eqv? k #\u) char-upcase char-downcase) c))
                          "studlycaps xxx" "ululululul"))
  (test-equal #(b e h) (vector-map cadr '#((a b) (d e) (g h))))
  (test-equal #(1 4 27 256 3125) (vector-map (lambda (n) (expt n n)) '#(1 2 3 4 5)))
  (test-equal #(5 7) (vector-map + '#(1 2) '#(4 5 6) '#(0 0 0 0)))
  (test-assert (member (let ((count 0))
                         (vector-map (lambda (ignored) (set! count (+ count 1)) count) '#(a b)))
                       '(#(1 2) #(2 1)))))

(test-group "for-each"
  (test-equal #(0 1 4 9 16)
              (let ((v (make-vector 5)))
                (for-each (lambda (i) (vector-set! v i (* i i))) '(0 1 2 3 4))
                v))
  (test-equal '(3 1)
              (let ((acc '()))
                (for-each (lambda (a b) (set! acc (cons (- a b) acc))) '(2 5 9) '(1 2))
                acc))
  (test-equal '(101 100 99 98 97)
              (let ((v '()))
                (string-for-each (lambda (c) (set! v (cons (char->integer c) v))) "abcde")
                v))
  (test-equal '(0 1 4 9 16)
              (let ((v (make-list 5)))
                (vector-for-each (lambda (i) (list-set! v i (* i i))) '#(0 1 2 3 4))
                v))
  (test-equal '(5 7)
              (let ((acc '()))
                (vector-for-each (lambda (a b) (set! acc (cons (+ a b) acc))) #(1 2) #(4 5 6))
                (reverse acc))))

(test-group "call/cc"
  (test-eqv -3 (call-with-current-continuation
                (lambda (exit)
                  (for-each (lambda (x) (if (negative? x) (exit x))) '(54 0 37 -3 245 19))
                  #t)))
  (define list-length
    (lambda (obj)
      (call-with-current-continuation
       (lambda (return)
         (letrec ((r (lambda (obj)
                       (cond ((null? obj) 0)
                             ((pair? obj) (+ (r (cdr obj)) 1))
                             (else (return #f))))))
           (r obj))))))
  (test-eqv 4 (list-length '(1 2 3 4)))
  (test-eqv #f (list-length '(a b . c)))
  (test-eqv 5 (call/cc (lambda (k) (+ 1 (k 5)))))
  ;; Re-entering continuations after their extent: r7rs_6_10_reentry.scm.
  (test-eqv 6 (+ 1 (call/cc (lambda (k) (dynamic-wind (lambda () #f) (lambda () (k 5)) (lambda () #f)))))))

(test-group "values"
  (test-eqv 5 (call-with-values (lambda () (values 4 5)) (lambda (a b) b)))
  (test-eqv -1 (call-with-values * -))
  (test-equal '() (call-with-values (lambda () (values)) list))
  (test-equal '(1) (call-with-values (lambda () (values 1)) list))
  (test-equal '(1 2 3) (call-with-values (lambda () (values 1 2 3)) list))
  (test-eqv 1 (values 1))
  (test-equal '(a b) (call-with-values (lambda () (call/cc (lambda (k) (k 'a 'b)))) list)))

(test-group "dynamic-wind"
  ;; (the report's connect/talk1/talk2 example: r7rs_6_10_reentry.scm)
  (test-equal '(before during after result)
              (let ((trace '()))
                (let ((r (dynamic-wind (lambda () (set! trace (cons 'before trace)))
                                       (lambda () (set! trace (cons 'during trace)) 'result)
                                       (lambda () (set! trace (cons 'after trace))))))
                  (reverse (cons r trace)))))
  (test-equal '(in1 in2 out2 out1 escaped)
              (let ((trace '()))
                (define (note x) (set! trace (cons x trace)))
                (call/cc (lambda (k)
                           (dynamic-wind
                            (lambda () (note 'in1))
                            (lambda ()
                              (dynamic-wind (lambda () (note 'in2))
                                            (lambda () (k 'x))
                                            (lambda () (note 'out2))))
                            (lambda () (note 'out1)))))
                (note 'escaped)
                (reverse trace)))
  (test-equal '(1 2 3)
              (call-with-values (lambda () (dynamic-wind (lambda () #f) (lambda () (values 1 2 3)) (lambda () #f)))
                list)))

(test-end "r7rs-6.10")
;; expect-stdout:
;; %%%% Starting test r7rs-6.10
;; # of expected passes      52
