;; tests.scm: a test suite with SRFI 64.
;; Run it: lambdustc run examples/tests.scm
(import (scheme base) (srfi 64))

(define (fizzbuzz n)
  (cond ((= 0 (modulo n 15)) "FizzBuzz")
        ((= 0 (modulo n 3)) "Fizz")
        ((= 0 (modulo n 5)) "Buzz")
        (else (number->string n))))

(test-begin "fizzbuzz")
(test-equal "three" "Fizz" (fizzbuzz 3))
(test-equal "five" "Buzz" (fizzbuzz 5))
(test-equal "fifteen" "FizzBuzz" (fizzbuzz 15))
(test-equal "seven" "7" (fizzbuzz 7))
(test-error "not a number" #t (fizzbuzz 'x))
(test-end "fizzbuzz")
;; expect-stdout:
;; %%%% Starting test fizzbuzz
;; # of expected passes      5
