;; SRFI 28 (basic format strings), from the SRFI's description: ~a
;; displays, ~s writes, ~% is a newline, ~~ a tilde.
(import (scheme base) (scheme write) (srfi 28) (srfi 64))
(test-begin "srfi-28")
(test-equal "Hello, World!" (format "Hello, ~a" "World!"))
(test-equal "Error, list is too short: (one \"two\" 3)\n"
  (format "Error, list is too short: ~s~%" '(one "two" 3)))
(test-equal "no directives" (format "no directives"))
(test-equal "" (format ""))
(test-equal "a~b" (format "a~~b"))
(test-equal "~" (format "~~"))
(test-equal "line1\nline2\n" (format "line1~%line2~%"))
(test-equal "abc \"abc\"" (format "~a ~s" "abc" "abc"))
(test-equal "x #\\x" (format "~a ~s" #\x #\x))
(test-equal "sym |two words|" (format "~a ~s" 'sym (string->symbol "two words")))
(test-equal "1 2.5 1/3 100000000000000000000"
  (format "~a ~a ~s ~s" 1 2.5 1/3 (expt 10 20)))
(test-equal "(a (b \"c\") #(1 2))" (format "~s" '(a (b "c") #(1 2))))
(test-equal "(a (b c) #(1 2))" (format "~a" '(a (b "c") #(1 2))))
(test-equal "#t #f ()" (format "~a ~s ~a" #t #f '()))
(test-equal "unicode λ → ok" (format "unicode ~a → ~a" "λ" 'ok))
(test-equal "#0=(1 . #0#)"
  (let ((c (list 1))) (set-cdr! c c) (format "~s" c)))
(test-equal "tail~" (format "tail~a" "~"))
(test-error (format "~a ~a" 1))
(test-error (format "~a" 1 2))
(test-error (format "~x" 1))
(test-error (format "ends in ~"))
(test-error (format 'not-a-string))
(test-error (format #t "port form is not SRFI 28"))
(test-end "srfi-28")
;; expect-stdout:
;; %%%% Starting test srfi-28
;; # of expected passes      23
