;; SRFI 69 (basic hash tables), written from the SRFI's description of each
;; procedure, checked with SRFI 64 in both modes.
(import (scheme base) (scheme char) (scheme cxr) (scheme write) (srfi 69) (srfi 64))
(test-begin "srfi-69")

;; Construction and the default equivalence (equal?).
(define h (make-hash-table))
(test-assert (hash-table? h))
(test-assert (not (hash-table? '((a . 1)))))
(test-equal 0 (hash-table-size h))
(hash-table-set! h '(1 2) 'list)
(hash-table-set! h "str" 'string)
(hash-table-set! h 12345678901234567890123 'bignum)
(hash-table-set! h #(a b) 'vector)
(test-equal 'list (hash-table-ref h (list 1 2)))
(test-equal 'string (hash-table-ref h (string #\s #\t #\r)))
(test-equal 'bignum (hash-table-ref h (* 12345678901234567890123 1)))
(test-equal 'vector (hash-table-ref h (vector 'a 'b)))
(test-equal 4 (hash-table-size h))
(test-eq equal? (hash-table-equivalence-function h))
(test-eq hash (hash-table-hash-function h))

;; ref with thunk and success procedure, ref/default.
(test-equal 'none (hash-table-ref h 'missing (lambda () 'none)))
(test-equal '(list) (hash-table-ref h '(1 2) (lambda () 'none) list))
(test-equal 'dflt (hash-table-ref/default h 'missing 'dflt))
(test-equal 'list (hash-table-ref/default h '(1 2) 'dflt))
(test-error (hash-table-ref h 'missing))

;; set! replaces, delete! removes, exists?.
(hash-table-set! h "str" 'again)
(test-equal 'again (hash-table-ref h "str"))
(test-equal 4 (hash-table-size h))
(test-assert (hash-table-exists? h "str"))
(hash-table-delete! h "str")
(test-assert (not (hash-table-exists? h "str")))
(hash-table-delete! h "not there")
(test-equal 3 (hash-table-size h))

;; eq?, eqv?, string=?, string-ci=? tables.
(define hq (make-hash-table eq?))
(define k1 (list 'k))
(hash-table-set! hq k1 1)
(hash-table-set! hq 'sym 2)
(test-equal 1 (hash-table-ref/default hq k1 #f))
(test-equal #f (hash-table-ref/default hq (list 'k) #f))
(test-equal 2 (hash-table-ref/default hq 'sym #f))
(test-eq hash-by-identity (hash-table-hash-function hq))
(define hv (make-hash-table eqv?))
(hash-table-set! hv 100000000000000000000 'big)
(hash-table-set! hv 1/3 'third)
(hash-table-set! hv 2.5 'flo)
(hash-table-set! hv #\x 'char)
(test-equal '(big third flo char #f #f)
  (map (lambda (k) (hash-table-ref/default hv k #f))
       (list (expt 10 20) (/ 2 6) (/ 5.0 2) #\x "x" 5/2)))
(define hs (make-hash-table string=?))
(hash-table-set! hs "abc" 1)
(test-equal '(1 #f) (list (hash-table-ref/default hs (string-copy "abc") #f)
                          (hash-table-ref/default hs "ABC" #f)))
(define hci (make-hash-table string-ci=?))
(hash-table-set! hci "Hello" 1)
(test-equal '(1 1) (list (hash-table-ref/default hci "HELLO" #f)
                         (hash-table-ref/default hci "hello" #f)))
(test-eq string-ci-hash (hash-table-hash-function hci))

;; A user equivalence with its own hash function (two-argument form too).
(define (mod10= a b) (= (modulo a 10) (modulo b 10)))
(define hm (make-hash-table mod10= (lambda (n) (modulo n 10))))
(hash-table-set! hm 3 'three)
(hash-table-set! hm 13 'thirteen)
(test-equal 1 (hash-table-size hm))
(test-equal 'thirteen (hash-table-ref hm 23))
(test-eq mod10= (hash-table-equivalence-function hm))
(define hm2 (make-hash-table mod10= (lambda (n bound) (modulo (modulo n 10) bound))))
(hash-table-set! hm2 7 'seven)
(test-equal 'seven (hash-table-ref/default hm2 17 #f))

;; update! and update!/default.
(define hc (make-hash-table))
(for-each (lambda (w) (hash-table-update!/default hc w (lambda (n) (+ n 1)) 0))
          '(a b a c a b))
(test-equal '((a . 3) (b . 2) (c . 1)) (hash-table->alist hc))
(hash-table-update! hc 'a (lambda (n) (* n 10)))
(test-equal 30 (hash-table-ref hc 'a))
(hash-table-update! hc 'z (lambda (n) (+ n 1)) (lambda () 100))
(test-equal 101 (hash-table-ref hc 'z))
(test-error (hash-table-update! hc 'nope (lambda (n) n)))

;; keys, values, walk, fold, ->alist (insertion order in Lambdust).
(test-equal '(a b c z) (hash-table-keys hc))
(test-equal '(30 2 1 101) (hash-table-values hc))
(define walked '())
(hash-table-walk hc (lambda (k v) (set! walked (cons (list k v) walked))))
(test-equal '((z 101) (c 1) (b 2) (a 30)) walked)
(test-equal 134 (hash-table-fold hc (lambda (k v acc) (+ v acc)) 0))

;; alist->hash-table: the first association of a key wins.
(define ha (alist->hash-table '((a . 1) (b . 2) (a . 3))))
(test-equal 1 (hash-table-ref ha 'a))
(test-equal 2 (hash-table-size ha))
(define hb (alist->hash-table '(("x" . 1)) string-ci=?))
(test-equal 1 (hash-table-ref/default hb "X" #f))

;; copy and merge!.
(define hcopy (hash-table-copy hc))
(hash-table-set! hcopy 'new 0)
(hash-table-update! hcopy 'a (lambda (n) (+ n 1)))
(test-equal '(4 5) (list (hash-table-size hc) (hash-table-size hcopy)))
(test-equal '(30 31) (list (hash-table-ref hc 'a) (hash-table-ref hcopy 'a)))
(test-eq (hash-table-equivalence-function hc) (hash-table-equivalence-function hcopy))
(test-equal 'z (car (list-tail (hash-table-keys (hash-table-copy hc #t)) 3)))
(test-error (hash-table-set! (hash-table-copy hc #f) 'x 1))
(test-equal 30 (hash-table-ref (hash-table-copy hc #f) 'a))
(define m1 (alist->hash-table '((a . 1) (b . 2))))
(define m2 (alist->hash-table '((b . 20) (c . 30))))
(test-eq m1 (hash-table-merge! m1 m2))
(test-equal '((a . 1) (b . 20) (c . 30)) (hash-table->alist m1))

;; Deleting many entries and adding them back keeps the table consistent.
(define hn (make-hash-table eqv?))
(do ((i 0 (+ i 1))) ((= i 1000)) (hash-table-set! hn i (* i i)))
(do ((i 0 (+ i 1))) ((= i 1000)) (if (odd? i) (hash-table-delete! hn i)))
(test-equal 500 (hash-table-size hn))
(test-equal '(0 #f 16 996004) (map (lambda (k) (hash-table-ref/default hn k #f)) '(0 1 4 998)))
(do ((i 1 (+ i 2))) ((> i 999)) (hash-table-set! hn i 'odd))
(test-equal 1000 (hash-table-size hn))
(define (picks l) (list (car l) (list-ref l 500) (list-ref l 2)))
(test-equal '(0 odd 16) (picks (hash-table-values hn)))

;; hash functions: bounds and consistency with their equivalences.
(test-assert (exact-integer? (hash '(a "b" #(c)))))
(test-assert (< -1 (hash 'anything 10) 10))
(test-equal (hash (list 1 "two" #(3 4.5))) (hash (list 1 (string #\t #\w #\o) (vector 3 4.5))))
(test-equal (string-hash "abc") (string-hash (string-copy "abc")))
(test-equal (string-ci-hash "ABC" 1000) (string-ci-hash "abc" 1000))
(test-assert (< (hash-by-identity h 7) 7))
(test-equal (hash-by-identity k1) (hash-by-identity k1))
(test-equal (hash 3000000000000000000000) (hash (* 3 1000000000000000000000)))
(test-error (hash 1 0))
(test-error (string-hash 'abc))

;; equal?-hashing terminates on circular structures and agrees with equal?.
(define c1 (list 1 2 3))
(set-cdr! (cddr c1) c1)
(define c2 (list 1 2 3 1 2 3))
(set-cdr! (cddr (cdddr c2)) c2)
(test-assert (equal? c1 c2))
(test-equal (hash c1) (hash c2))
(define hcyc (make-hash-table))
(hash-table-set! hcyc c1 'cycle)
(test-equal 'cycle (hash-table-ref/default hcyc c2 #f))
(define v1 (vector 1 #f))
(vector-set! v1 1 v1)
(test-assert (exact-integer? (hash v1)))

;; Printing.
(test-equal "#<hash-table 3>"
  (let ((p (open-output-string))) (write m1 p) (get-output-string p)))
(test-end "srfi-69")
;; expect-stdout:
;; %%%% Starting test srfi-69
;; # of expected passes      70
