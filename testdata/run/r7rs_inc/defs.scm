; included by r7rs_4_1_7_include.scm
(define included-value 42)
(define (included-double x) (* 2 x))
