; R7RS 4.2.1 Conditionals: cond (=> and else), case (=> and else), and, or,
; when, unless, cond-expand (features, library, and, or, not, else).
(import (scheme base) (scheme write) (srfi 64))
(test-begin "r7rs-4.2.1")

(test-group "cond"
  (test-eq 'greater (cond ((> 3 2) 'greater) ((< 3 2) 'less)))
  (test-eq 'equal (cond ((> 3 3) 'greater) ((< 3 3) 'less) (else 'equal)))
  (test-eqv 2 (cond ((assv 'b '((a 1) (b 2))) => cadr) (else #f)))
  ;; a clause with only a test returns the test's value
  (test-equal '(b c) (cond ((memq 'b '(a b c))) (else 'no)))
  (test-eqv 7 (cond (#f 1) (7)))
  ;; several expressions, the last one's value
  (test-eqv 3 (cond (#t 1 2 3)))
  (test-eqv 3 (cond (else 1 2 3)))
  ;; clauses are tried in order and only the chosen one is evaluated
  (let ((log '()))
    (cond ((begin (set! log (cons 'a log)) #f) 'no)
          ((begin (set! log (cons 'b log)) #t) 'yes)
          ((begin (set! log (cons 'c log)) #t) 'no))
    (test-equal '(b a) log))
  ;; => receives the test's value
  (test-eqv 10 (cond ((+ 4 5) => (lambda (x) (+ x 1))) (else 0)))
  ;; the => expression is evaluated only when its clause is chosen
  (test-eq 'ok (cond (#f => (car '())) (else 'ok)))
  ;; all false without else: nothing selected, no error
  (test-assert (begin (cond (#f 1) (#f 2)) #t))
  ;; cond in a tail position
  (define (count-down n) (cond ((= n 0) 'done) (else (count-down (- n 1)))))
  (test-eq 'done (count-down 100000))
  ;; else and => are recognised hygienically (R7RS 4.3.2)
  (test-eq 'ok (let ((=> #f)) (cond (#t => 'ok))))
  (test-eq 'not-else (let ((else #f)) (cond (else 'was-else) (#t 'not-else)))))

(test-group "case"
  (test-eq 'composite (case (* 2 3) ((2 3 5 7) 'prime) ((1 4 6 8 9) 'composite)))
  (test-eq 'c (case (car '(c d))
                ((a e i o u) 'vowel)
                ((w y) 'semivowel)
                (else => (lambda (x) x))))
  (test-assert (begin (case (car '(c d)) ((a) 'a) ((b) 'b)) #t))
  (test-eq 'vowel (case 'e ((a e i o u) 'vowel) (else 'consonant)))
  (test-eq 'consonant (case 'z ((a e i o u) 'vowel) (else 'consonant)))
  ;; comparison by eqv?: characters, numbers, booleans, empty list
  (test-eq 'letter (case #\b ((#\a #\b) 'letter) (else 'other)))
  (test-eq 'big (case 1000000 ((1000000) 'big) (else 'small)))
  (test-eq 'false (case #f ((#t) 'true) ((#f) 'false)))
  (test-eq 'nil (case '() ((()) 'nil) (else 'other)))
  ;; lists and strings are not eqv? to a literal datum
  (test-eq 'other (case "abc" (("abc") 'same) (else 'other)))
  ;; => in an ordinary clause receives the key
  (test-eqv 6 (case 5 ((5) => (lambda (k) (+ k 1))) (else 0)))
  (test-eqv 15 (case 5 ((1 2) 'small) (else => (lambda (k) (* k 3)))))
  ;; the key is evaluated once
  (let ((n 0))
    (case (begin (set! n (+ n 1)) 'x) ((a) 1) ((b) 2) ((x) 3))
    (test-eqv 1 n))
  ;; several body expressions
  (test-eqv 2 (case 1 ((1) 'one 2) (else 3)))
  (test-eq 'empty (case 'q (() 'never) (else 'empty))))

(test-group "and"
  (test-eq #t (and (= 2 2) (> 2 1)))
  (test-eq #f (and (= 2 2) (< 2 1)))
  (test-equal '(f g) (and 1 2 'c '(f g)))
  (test-eq #t (and))
  (test-eqv 5 (and 5))
  ;; stops at the first false value
  (test-eq #f (and #f (car '())))
  (define (all-even? l) (and (or (null? l) (even? (car l))) (or (null? l) (all-even? (cdr l)))))
  (test-assert (all-even? '(2 4 6)))
  (test-assert (not (all-even? '(2 3 6)))))

(test-group "or"
  (test-eq #t (or (= 2 2) (> 2 1)))
  (test-eq #t (or (= 2 2) (< 2 1)))
  (test-eq #f (or #f #f #f))
  (test-equal '(b c) (or (memq 'b '(a b c)) (/ 3 0)))
  (test-eq #f (or))
  (test-eqv 5 (or #f 5))
  (test-eqv 1 (or 1 (car '())))
  ;; or is hygienic: a user variable named like its temporary
  (test-eqv 7 (let ((temp 7)) (or #f temp))))

(test-group "when and unless"
  (define (out thunk)
    (let ((p (open-output-string)))
      (parameterize ((current-output-port p)) (thunk))
      (get-output-string p)))
  (test-equal "12" (out (lambda () (when (= 1 1.0) (display "1") (display "2")))))
  (test-equal "" (out (lambda () (unless (= 1 1.0) (display "1") (display "2")))))
  (test-equal "" (out (lambda () (when #f (display "x")))))
  (test-equal "ab" (out (lambda () (unless #f (display "a") (display "b")))))
  (test-eqv 3 (when #t 1 2 3))
  (test-eqv 3 (unless #f 1 2 3))
  (test-eq 'ok (when '() 'ok)))

(test-group "cond-expand"
  (test-eq 'r7rs (cond-expand (r7rs 'r7rs) (else 'other)))
  (test-eq 'else (cond-expand (no-such-feature 'bad) (else 'else)))
  (test-eq 'yes (cond-expand ((and r7rs (not no-such-feature)) 'yes) (else 'no)))
  (test-eq 'yes (cond-expand ((or no-such-feature r7rs) 'yes) (else 'no)))
  (test-eq 'no (cond-expand ((and r7rs no-such-feature) 'yes) (else 'no)))
  (test-eq 'no (cond-expand ((or) 'yes) (else 'no)))
  (test-eq 'yes (cond-expand ((and) 'yes) (else 'no)))
  (test-eq 'yes (cond-expand ((not (not r7rs)) 'yes) (else 'no)))
  (test-eq 'base (cond-expand ((library (scheme base)) 'base) (else 'none)))
  (test-eq 'none (cond-expand ((library (no such lib)) 'found) (else 'none)))
  ;; the first true clause wins
  (test-eqv 1 (cond-expand (r7rs 1) (r7rs 2) (else 3)))
  ;; the unchosen clauses are not expanded: unbound names there are fine
  (test-eqv 4 (cond-expand (no-such-feature (this-is-not-bound)) (else 4)))
  ;; expanded to a begin of several expressions
  (test-eqv 3 (cond-expand (r7rs 1 2 3)))
  ;; at top level / in a body, it may produce definitions
  (cond-expand (r7rs (define ce-defined 'defined)) (else))
  (test-eq 'defined ce-defined)
  (test-eqv 9 (let () (cond-expand (else (define y 9))) y)))

(test-end "r7rs-4.2.1")
;; expect-stdout:
;; %%%% Starting test r7rs-4.2.1
;; # of expected passes      67
