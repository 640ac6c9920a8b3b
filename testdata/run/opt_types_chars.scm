;; The types pass drops the checks of char->integer, symbol->string and
;; string-length where the argument is proven a character, symbol or string
;; (string-ref, case mappings, literals, char? and symbol? tests, a check
;; that already ran), and keeps them elsewhere: the unproven call below
;; still reports its error.
(import (scheme base) (scheme write) (scheme char))

(define (checksum s)
  (let loop ((i 0) (acc 0))
    (if (= i (string-length s))
        acc
        (let ((c (string-ref s i)))
          (loop (+ i 1) (+ acc (char->integer c) (char->integer (char-upcase c))))))))
(define (name-length x)
  (if (symbol? x) (string-length (symbol->string x)) -1))
(define (code-of x)
  (if (char? x) (char->integer x) 'not-a-char))
(define (after-check c)
  (let ((up (char-upcase c)))
    (list (char->integer c) (char->integer up))))
(define (unproven x) (char->integer x))

(display (list (checksum "Hello, World") (checksum "") (checksum "λx")))
(newline)
(display (list (name-length 'lambda) (name-length "lambda") (name-length (string->symbol "ab"))))
(newline)
(display (list (code-of #\A) (code-of "A") (after-check #\b)))
(newline)
(display (string-length (number->string 12345)))
(newline)
(unproven 'x)
;; expect-stdout:
;; (1936 0 2086)
;; (6 -1 2)
;; (65 not-a-char (98 66))
;; 5
;; expect-error: opt_types_chars.scm:21:22: char->integer: expected character, got x
