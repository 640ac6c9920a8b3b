;; strings: builds a text with an output string port, scans it character
;; by character (words, digits, vowels), splits it into words with
;; substring, and reads it back through an input string port; measures
;; string ports, char operations, string-append and substring.
;; expect-stdout:
;; (1459415 (228910 83554 387287) 228910 "continuation" "PORT-STRING" (14467881 19844))
(import (scheme base) (scheme write) (scheme char))

(define words
  (vector "lambda" "closure" "continuation" "tail" "call" "macro" "syntax"
          "vector" "string" "port" "char" "number" "pair" "symbol" "record"))

;; A deterministic pseudo-random sequence (Park-Miller).
(define seed 42)
(define (next-random! n)
  (set! seed (modulo (* seed 16807) 2147483647))
  (modulo seed n))

(define (build-text n)
  (let ((out (open-output-string)))
    (do ((i 0 (+ i 1))) ((= i n))
      (write-string (vector-ref words (next-random! (vector-length words))) out)
      (if (= 0 (next-random! 7))
          (begin (write-char #\space out) (write (next-random! 1000) out)))
      (write-char (if (= 0 (next-random! 10)) #\newline #\space) out))
    (get-output-string out)))

(define (scan text)
  (let ((n (string-length text)))
    (let loop ((i 0) (words 0) (digits 0) (vowels 0) (in-word #f))
      (if (= i n)
          (list (if in-word (+ words 1) words) digits vowels)
          (let ((c (string-ref text i)))
            (cond ((char-whitespace? c)
                   (loop (+ i 1) (if in-word (+ words 1) words) digits vowels #f))
                  ((char-numeric? c)
                   (loop (+ i 1) words (+ digits 1) vowels #t))
                  ((memv (char-downcase c) '(#\a #\e #\i #\o #\u))
                   (loop (+ i 1) words digits (+ vowels 1) #t))
                  (else (loop (+ i 1) words digits vowels #t))))))))

(define (split text)
  (let ((n (string-length text)))
    (let loop ((i 0) (start 0) (acc '()))
      (cond ((= i n)
             (reverse (if (< start i) (cons (substring text start i) acc) acc)))
            ((char-whitespace? (string-ref text i))
             (loop (+ i 1) (+ i 1) (if (< start i) (cons (substring text start i) acc) acc)))
            (else (loop (+ i 1) start acc))))))

(define (longest ws)
  (let loop ((ws ws) (best ""))
    (cond ((null? ws) best)
          ((> (string-length (car ws)) (string-length best)) (loop (cdr ws) (car ws)))
          (else (loop (cdr ws) best)))))

;; Reads the text back through a string port: sums its numbers and counts
;; its lines.
(define (read-back text)
  (let ((in (open-input-string text)))
    (let loop ((sum 0) (lines 0))
      (let ((line (read-line in)))
        (if (eof-object? line)
            (list sum lines)
            (let ((p (open-input-string line)))
              (let inner ((sum sum))
                (let ((c (peek-char p)))
                  (cond ((eof-object? c) (loop sum (+ lines 1)))
                        ((char-numeric? c)
                         (let digits ((v 0))
                           (let ((c (peek-char p)))
                             (if (and (char? c) (char-numeric? c))
                                 (begin (read-char p) (digits (+ (* v 10) (digit-value c))))
                                 (inner (+ sum v))))))
                        (else (read-char p) (inner sum)))))))))))

(define (run n)
  (let* ((text (build-text n))
         (ws (split text)))
    (list (string-length text) (scan text) (length ws) (longest ws)
          (string-upcase (string-append (car ws) "-" (cadr ws)))
          (read-back text))))

(write (run 200000)) (newline)
