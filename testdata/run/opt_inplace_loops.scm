;; Named lets in tail position are compiled in place: a labelled Go loop in
;; the code of the enclosing procedure, every call of them a jump, also
;; from nested named lets that end by continuing an outer one (closures
;; pass, Lambda.InPlace). These run each shape in both modes: three nested
;; levels, the enclosing procedure's self tail call from an inner loop,
;; closures over variables bound inside a loop (one per iteration), a loop
;; inside mutually tail-recursive local procedures (a group), 10^6
;; iterations through an outer jump, and an error inside a nested loop.
(import (scheme base) (scheme write))

(define (triples n)
  (let a ((i 1) (acc '()))
    (if (> i n)
        (reverse acc)
        (let b ((j i))
          (if (> j n)
              (a (+ i 1) acc)
              (let c ((k j))
                (cond ((> k n) (b (+ j 1)))
                      ((= (+ (* i i) (* j j)) (* k k)) (a (+ i 1) (cons (list i j k) acc)))
                      (else (c (+ k 1))))))))))

(define (count-down n acc)
  (if (= n 0)
      acc
      (let inner ((k 3) (acc acc))
        (if (= k 0)
            (count-down (- n 1) acc)
            (inner (- k 1) (+ acc 1))))))

(define (thunks n)
  (let loop ((i 0) (ks '()))
    (let ((sq (* i i)))
      (if (= i n)
          (map (lambda (k) (k)) ks)
          (loop (+ i 1) (cons (lambda () sq) ks))))))

(define (parity n)
  (define (ev k) (if (= k 0) 'even (let skip ((m k)) (if (> m 100) (skip (- m 2)) (od (- m 1))))))
  (define (od k) (if (= k 0) 'odd (ev (- k 1))))
  (ev n))

(define (grid n)
  (let rows ((i 0) (total 0))
    (if (= i n)
        total
        (let cols ((j 0) (total total))
          (if (= j n)
              (rows (+ i 1) total)
              (cols (+ j 1) (+ total 1)))))))

(define (first-bad l)
  (let outer ((l l))
    (if (null? l)
        'none
        (let inner ((x (car l)))
          (if (pair? x)
              (inner (car x))
              (if (symbol? x) (outer (cdr l)) (vector-ref x 0)))))))

(display (list (triples 20) (count-down 1000 0) (thunks 5) (parity 1001) (parity 250)))
(newline)
(display (grid 1000))
(newline)
(display (first-bad '(a (b) ((c)) #(1 2))))
(newline)
(first-bad '(a (b) 7))
;; expect-stdout:
;; (((3 4 5) (5 12 13) (6 8 10) (8 15 17) (9 12 15) (12 16 20)) 3000 (16 9 4 1 0) odd even)
;; 1000000
;; 1
;; expect-error: opt_inplace_loops.scm:59:47: vector-ref: expected vector, got 7
