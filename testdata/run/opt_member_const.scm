;; memq, memv and member of a literal list of immediates (characters,
;; fixnums, symbols, booleans, the empty list) compile to one comparison per
;; element; lists with flonums, strings or bignums, and calls with a
;; predicate, use the generic procedures. All must agree.
(import (scheme base) (scheme write) (scheme char))

(define (vowel? c) (if (memv (char-downcase c) '(#\a #\e #\i #\o #\u)) #t #f))
(define (classify x)
  (list (memq x '(a b c)) (memv x '(1 2 3)) (member x '(#t #f () x))
        (memv x '(1.5 2.5)) (member x '("s" "t")) (memv x '(100000000000000000000 7))
        (member x '(1 2 3) eqv?)))
(display (map vowel? (string->list "Lambdust")))
(newline)
(for-each (lambda (x) (write (classify x)) (newline))
          (list 'b 2 #f '() 'x 2.5 "t" 100000000000000000000 7 3.0 'zz))
;; expect-stdout:
;; (#f #t #f #f #f #t #f #f)
;; ((b c) #f #f #f #f #f #f)
;; (#f (2 3) #f #f #f #f (2 3))
;; (#f #f (#f () x) #f #f #f #f)
;; (#f #f (() x) #f #f #f #f)
;; (#f #f (x) #f #f #f #f)
;; (#f #f #f (2.5) #f #f #f)
;; (#f #f #f #f ("t") #f #f)
;; (#f #f #f #f #f (100000000000000000000 7) #f)
;; (#f #f #f #f #f (7) #f)
;; (#f #f #f #f #f #f #f)
;; (#f #f #f #f #f #f #f)
