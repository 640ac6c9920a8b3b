;; SRFI 133 (vector library): the examples of the SRFI 133 document and
;; more, checked with SRFI 64 in both modes.
(import (scheme base) (scheme write) (srfi 133) (srfi 64))
(test-begin "srfi-133")

;; Constructors
(test-equal #(0 -1 -2 -3 -4 -5 -6 -7 -8 -9)
  (vector-unfold (lambda (i x) (values x (- x 1))) 10 0))
(test-equal #(0 1 2 3 4 5 6 7 8 9)
  (vector-unfold values 10))
(test-equal #(0 1 4 9)
  (vector-unfold (lambda (i) (* i i)) 4))
(test-equal #()
  (vector-unfold (lambda (i) (error "not called")) 0))
(test-equal #((0 1 1) (1 1 2) (2 2 3) (3 3 5))
  (vector-unfold (lambda (i a b) (values (list i a b) b (+ a b))) 4 1 1))
(test-equal #(4 3 2 1 0)
  (vector-unfold-right (lambda (i x) (values x (+ x 1))) 5 0))
(test-equal #(d c b a)
  (let ((v #(a b c d)))
    (vector-unfold-right (lambda (i x) (values (vector-ref v x) (+ x 1))) (vector-length v) 0)))
(test-equal #(0 1 2)
  (vector-unfold-right (lambda (i) i) 3))
(test-equal #(1 2 3 4)
  (vector-reverse-copy #(5 4 3 2 1 0) 1 5))
(test-equal #(c b a)
  (vector-reverse-copy #(a b c)))
(test-equal #(c b)
  (vector-reverse-copy #(a b c) 1))
(test-equal #(x y)
  (vector-append #(x) #(y)))
(test-equal #(a b c d)
  (vector-append #(a) #(b c d)))
(test-equal #(a #(b) #(c))
  (vector-append #(a #(b)) #(#(c))))
(test-equal #(a b c d)
  (vector-concatenate '(#(a b) #(c d))))
(test-equal #()
  (vector-concatenate '()))
(test-equal #(a b h i)
  (vector-append-subvectors #(a b c d e) 0 2 #(f g h i j) 2 4))
(test-equal #()
  (vector-append-subvectors))
(test-assert "vector-copy makes a fresh vector"
  (let* ((v (vector 1 2 3)) (c (vector-copy v)))
    (vector-set! c 0 9)
    (equal? v #(1 2 3))))

;; Predicates
(test-equal '(#t #f #t)
  (list (vector-empty? #()) (vector-empty? #(a)) (vector-empty? (vector))))
(test-assert (vector= eq? #(a b c d) #(a b c d)))
(test-assert (not (vector= eq? #(a b c d) #(a b d c))))
(test-assert (not (vector= = #(1 2 3 4 5) #(1 2 3 4))))
(test-assert (vector= = #(1 2 3 4) #(1 2 3 4)))
(test-assert (vector= eq?))
(test-assert (vector= eq? #(a)))
(test-assert (not (vector= eq? (vector (vector 'a)) (vector (vector 'a)))))
(test-assert (vector= equal? (vector (vector 'a)) (vector (vector 'a))))
(test-assert (vector= = #(1 2) #(1 2) #(1 2)))
(test-assert (not (vector= = #(1 2) #(1 2) #(1 3))))
(test-equal '((1 . 1) (2 . 2))
  (let ((calls '()))
    (vector= (lambda (a b) (set! calls (cons (cons a b) calls)) #t) #(1 2) #(1 2))
    (reverse calls)))

;; Iteration
(test-equal 5
  (vector-fold (lambda (len str) (max (string-length str) len)) 0 #("abc" "de" "fghij" "kl")))
(test-equal '(d c b a)
  (vector-fold (lambda (tail elt) (cons elt tail)) '() #(a b c d)))
(test-equal 3
  (vector-fold (lambda (counter n) (if (even? n) (+ counter 1) counter)) 0 #(3 1 4 1 5 9 2 5 6)))
(test-equal '((c 3) (b 2) (a 1))
  (vector-fold (lambda (acc x y) (cons (list x y) acc)) '() #(a b c) #(1 2 3 4)))
(test-equal 'z
  (vector-fold (lambda (acc x) (error "not called")) 'z #()))
(test-equal '(a b c d)
  (vector-fold-right (lambda (tail elt) (cons elt tail)) '() #(a b c d)))
(test-equal '((a 1) (b 2))
  (vector-fold-right (lambda (acc x y) (cons (list x y) acc)) '() #(a b c) #(1 2)))
(test-equal #(1 4 9 16)
  (let ((v (vector 1 2 3 4))) (vector-map! (lambda (x) (* x x)) v) v))
(test-equal #(11 22 3)
  (let ((v (vector 1 2 3))) (vector-map! + v #(10 20)) v))
(test-equal #(b c d)
  (vector-map (lambda (x) (cadr (assq x '((a b) (b c) (c d))))) #(a b c)))
(test-equal #(5 7 9)
  (vector-map + #(1 2 3) #(4 5 6 7)))
(test-equal '(3 2 1)
  (let ((acc '())) (vector-for-each (lambda (x) (set! acc (cons x acc))) #(1 2 3)) acc))
(test-equal 3
  (vector-count even? #(3 1 4 1 5 9 2 5 6)))
(test-equal 2
  (vector-count < #(1 3 6 9) #(2 4 6 8 10 12)))
(test-equal 0
  (vector-count even? #()))
(test-equal #(3 4 8 9 14 23 25 30 36)
  (vector-cumulate + 0 #(3 1 4 1 5 9 2 5 6)))
(test-equal #()
  (vector-cumulate + 0 #()))
(test-equal #((a) (b a))
  (vector-cumulate (lambda (acc x) (cons x acc)) '() #(a b)))

;; Searching
(test-equal 2
  (vector-index even? #(3 1 4 1 5 9)))
(test-equal 1
  (vector-index < #(3 1 4 1 5 9 2 5 6) #(2 7 1 8 2)))
(test-equal #f
  (vector-index = #(3 1 4 1 5 9 2 5 6) #(2 7 1 8 2)))
(test-equal 5
  (vector-index-right odd? #(3 1 4 1 5 9 6)))
(test-equal 3
  (vector-index-right < #(3 1 4 1) #(2 7 1 8)))
(test-equal #f
  (vector-index-right even? #(1 3 5)))
(test-equal 2
  (vector-skip number? #(1 2 a b 3 4 c d)))
(test-equal #f
  (vector-skip number? #(1 2)))
(test-equal 1
  (vector-skip = #(1 2 3) #(1 9 3)))
(test-equal 7
  (vector-skip-right number? #(1 2 a b 3 4 c d)))
(test-equal 4
  (vector-skip-right symbol? #(1 2 a b 3 c d)))
(test-equal 1
  (vector-skip-right = #(1 2 3) #(1 9 3)))
(test-equal 3
  (vector-binary-search #(-3 -1 0 2 5 7) 2 -))
(test-equal #f
  (vector-binary-search #(-3 -1 0 2 5 7) 4 -))
(test-equal 0
  (vector-binary-search #(-3 -1 0 2 5 7) -3 -))
(test-equal 5
  (vector-binary-search #(-3 -1 0 2 5 7) 7 -))
(test-equal #f
  (vector-binary-search #() 7 -))
(test-equal 2
  (vector-binary-search #(a ("b" . 1) ("c" . 2) ("d" . 3)) "c"
    (lambda (entry key)
      (cond ((string<? (car entry) key) -1) ((string=? (car entry) key) 0) (else 1)))
    1 4))
(test-equal #f
  (vector-binary-search #(1 2 3 4 5) 1 - 1 5))
(test-equal 4
  (vector-binary-search #(1 2 3 4 5) 5.0 (lambda (a b) (- a b))))
(test-equal 'yes
  (vector-any (lambda (x) (and (even? x) 'yes)) #(1 3 4 5)))
(test-equal #f
  (vector-any even? #(1 3 5)))
(test-equal #t
  (vector-any < #(5 1) #(2 3 0)))
(test-equal #f
  (vector-any even? #()))
(test-equal 6
  (vector-every (lambda (x) (and (> x 0) (* x 2))) #(1 2 3)))
(test-equal #f
  (vector-every even? #(2 3 4)))
(test-equal #t
  (vector-every even? #()))
(test-equal #t
  (vector-every < #(1 2 9) #(2 3)))
(test-equal '(#(2 4 6 1 3 5) 3)
  (call-with-values (lambda () (vector-partition even? #(1 2 3 4 5 6))) list))
(test-equal '(#() 0)
  (call-with-values (lambda () (vector-partition even? #())) list))
(test-equal '(#(a b) 0)
  (call-with-values (lambda () (vector-partition number? #(a b))) list))

;; Mutators
(test-equal #(b a c)
  (let ((v (vector 'a 'b 'c))) (vector-swap! v 0 1) v))
(test-equal #(a b c)
  (let ((v (vector 'a 'b 'c))) (vector-swap! v 1 1) v))
(test-equal #(z z z)
  (let ((v (vector 1 2 3))) (vector-fill! v 'z) v))
(test-equal #(1 z z 4)
  (let ((v (vector 1 2 3 4))) (vector-fill! v 'z 1 3) v))
(test-equal #(5 4 3 2 1)
  (let ((v (vector 1 2 3 4 5))) (vector-reverse! v) v))
(test-equal #(1 4 3 2 5)
  (let ((v (vector 1 2 3 4 5))) (vector-reverse! v 1 4) v))
(test-equal #(1 2 5 4 3)
  (let ((v (vector 1 2 3 4 5))) (vector-reverse! v 2) v))
(test-equal #()
  (let ((v (vector))) (vector-reverse! v) v))
(test-equal #(1 a b 4 5)
  (let ((v (vector 1 2 3 4 5))) (vector-copy! v 1 #(a b)) v))
(test-equal #(1 1 2 3 5)
  (let ((v (vector 1 2 3 4 5))) (vector-copy! v 1 v 0 3) v))
(test-equal #(3 4 5 4 5)
  (let ((v (vector 1 2 3 4 5))) (vector-copy! v 0 v 2) v))
(test-equal #(1 c b 4 5)
  (let ((v (vector 1 2 3 4 5))) (vector-reverse-copy! v 1 #(a b c) 1) v))
(test-equal #(c b a)
  (let ((v (vector 1 2 3))) (vector-reverse-copy! v 0 #(a b c)) v))
(test-equal #(1 3 2 5)
  (let ((v (vector 1 2 3 5))) (vector-reverse-copy! v 1 v 1 3) v))
(test-equal #(x 1 4 9 x)
  (let ((v (make-vector 5 'x))) (vector-unfold! (lambda (i) (* i i)) v 1 4) v))
(test-equal #(x 10 11 12 x)
  (let ((v (make-vector 5 'x))) (vector-unfold! (lambda (i s) (values s (+ s 1))) v 1 4 10) v))
(test-equal #(x 12 11 10 x)
  (let ((v (make-vector 5 'x))) (vector-unfold-right! (lambda (i s) (values s (+ s 1))) v 1 4 10) v))
(test-equal #(0 1 2)
  (let ((v (make-vector 3 'x))) (vector-unfold-right! (lambda (i) i) v 0 3) v))

;; Conversion
(test-equal '(1 2 3)
  (vector->list #(1 2 3)))
(test-equal '(2 3)
  (vector->list #(1 2 3) 1))
(test-equal '(1 2)
  (vector->list #(1 2 3) 0 2))
(test-equal '(3 2 1)
  (reverse-vector->list #(1 2 3)))
(test-equal '(3 2)
  (reverse-vector->list #(1 2 3) 1))
(test-equal '(2 1)
  (reverse-vector->list #(1 2 3) 0 2))
(test-equal '()
  (reverse-vector->list #()))
(test-equal #(1 2 3)
  (list->vector '(1 2 3)))
(test-equal #(3 2 1)
  (reverse-list->vector '(1 2 3)))
(test-equal #()
  (reverse-list->vector '()))
(test-equal #(#\b #\c)
  (string->vector "abcd" 1 3))
(test-equal "bc"
  (vector->string #(#\a #\b #\c) 1))

;; Errors
(test-error (vector-ref #(1 2) 2))
(test-error (vector-swap! (vector 1 2) 0 2))
(test-error (vector-reverse! (vector 1 2) 1 3))
(test-error (vector-reverse-copy! (vector 1 2) 1 #(a b)))
(test-error (vector-unfold (lambda (i s) s) 2 0))
(test-error (vector-append-subvectors #(a b) 0))
(test-error (vector-cumulate + 0 '(1 2)))
(test-error (vector-binary-search #(1 2 3) 2 (lambda (a b) 'x)))
(test-error (reverse-list->vector '(1 . 2)))
(test-error (vector-concatenate '(#(a) (b))))
(test-end "srfi-133")
;; expect-stdout:
;; %%%% Starting test srfi-133
;; # of expected passes      120
