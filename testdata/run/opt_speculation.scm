;; Procedures that fxspec gives an int64 entry keep exact R7RS results:
;; an overflow anywhere in the int64 entry reruns the generic code, which
;; promotes to bignums; a zero divisor raises at its own position.
(define (fact n) (if (= n 0) 1 (* n (fact (- n 1)))))
(define (fib-iter a b n) (if (= n 0) a (fib-iter b (+ a b) (- n 1))))
(define (square x) (* x x))
(define (negate x) (- x))
(define (sub a b) (- a b))
(define (add a b) (+ a b))
(define (quo a b) (quotient a b))
(define (rem a b) (remainder a b))
(define (mod a b) (modulo a b))
(define (sum-digits n) (if (< n 10) n (+ (remainder n 10) (sum-digits (quotient n 10)))))

(display (fact 20)) (newline)                ; fits in int64
(display (fact 21)) (newline)                ; the first that does not
(display (fact 100)) (newline)
(define f1000 (fact 1000))
(display (string-length (number->string f1000))) (newline)
(display (modulo f1000 1000000007)) (newline)
(display (substring (number->string f1000) 0 20)) (newline)
(display (fib-iter 0 1 92)) (newline)        ; largest fib in int64
(display (fib-iter 0 1 100)) (newline)
(display (square 3037000499)) (newline)
(display (square 3037000500)) (newline)
(display (square -3037000500)) (newline)
(display (negate -9223372036854775808)) (newline)
(display (negate 9223372036854775807)) (newline)
(display (sub -9223372036854775808 1)) (newline)
(display (add 9223372036854775807 9223372036854775807)) (newline)
(display (quo -9223372036854775808 -1)) (newline)
(display (list (quo -7 2) (rem -7 2) (mod -7 2) (mod 7 -2) (mod -8 2))) (newline)
;; Arguments that are not fixnums take the generic entry.
(display (fact 5.)) (newline)
(display (square 1/2)) (newline)
(display (add (expt 2 70) -1)) (newline)
(display (sum-digits 1234567890123)) (newline)
;; speculation is on again after a caught error from a rerun
(display (guard (e (#t 'caught)) (quo 1 0))) (newline)
(display (fact 22)) (newline)
(quo 5 0)
;; expect-stdout:
;; 2432902008176640000
;; 51090942171709440000
;; 93326215443944152681699238856266700490715968264381621468592963895217599993229915608941463976156518286253697920827223758251185210916864000000000000000000000000
;; 2568
;; 641419708
;; 40238726007709377354
;; 7540113804746346429
;; 354224848179261915075
;; 9223372030926249001
;; 9223372037000250000
;; 9223372037000250000
;; 9223372036854775808
;; -9223372036854775807
;; -9223372036854775809
;; 18446744073709551614
;; 9223372036854775808
;; (-3 -1 1 -1 0)
;; 120.0
;; 1/4
;; 1180591620717411303423
;; 51
;; caught
;; 1124000727777607680000
;; expect-error: opt_speculation.scm:10:19: quotient: division by zero
