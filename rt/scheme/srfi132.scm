;; SRFI 132: sort libraries. Written in Scheme for clarity and compiled
;; into package rt ahead of time (go generate in rt/library.go): the
;; generated zz_srfi132.go registers every export as a primitive.
;;
;; All sorts are stable merge sorts (O(n log n), one scratch vector);
;; list sorts go through a vector.
(define-library (srfi 132)
  (export list-sort list-stable-sort list-sort! list-stable-sort!
          list-merge list-merge! list-sorted? list-delete-neighbor-dups
          vector-sort vector-stable-sort vector-sort! vector-stable-sort!
          vector-merge vector-sorted? vector-delete-neighbor-dups)
  (import (scheme base))
  (begin
    ;; (range-start opt) and (range-end v opt) read optional [start [end]].
    (define (range-start opt)
      (if (pair? opt) (car opt) 0))
    (define (range-end len opt)
      (if (and (pair? opt) (pair? (cdr opt))) (cadr opt) len))

    ;; merge-sort! sorts v[lo, hi) with tmp as scratch space.
    (define (merge-sort! less? v tmp lo hi)
      (when (> (- hi lo) 1)
        (let ((mid (quotient (+ lo hi) 2)))
          (merge-sort! less? v tmp lo mid)
          (merge-sort! less? v tmp mid hi)
          (let loop ((i lo) (j mid) (k lo))
            (cond ((and (< i mid)
                        (or (>= j hi) (not (less? (vector-ref v j) (vector-ref v i)))))
                   (vector-set! tmp k (vector-ref v i))
                   (loop (+ i 1) j (+ k 1)))
                  ((< j hi)
                   (vector-set! tmp k (vector-ref v j))
                   (loop i (+ j 1) (+ k 1)))
                  (else (vector-copy! v lo tmp lo hi)))))))

    (define (vector-stable-sort! less? v . opt)
      (let ((start (range-start opt))
            (end (range-end (vector-length v) opt)))
        (merge-sort! less? v (vector-copy v) start end)))
    (define (vector-sort! less? v . opt)
      (apply vector-stable-sort! less? v opt))

    (define (vector-stable-sort less? v . opt)
      (let ((w (vector-copy v (range-start opt) (range-end (vector-length v) opt))))
        (merge-sort! less? w (vector-copy w) 0 (vector-length w))
        w))
    (define (vector-sort less? v . opt)
      (apply vector-stable-sort less? v opt))

    (define (list-stable-sort less? lis)
      (let ((v (list->vector lis)))
        (merge-sort! less? v (vector-copy v) 0 (vector-length v))
        (vector->list v)))
    (define (list-sort less? lis) (list-stable-sort less? lis))
    (define (list-sort! less? lis) (list-stable-sort less? lis))
    (define (list-stable-sort! less? lis) (list-stable-sort less? lis))

    ;; list-merge is stable: among equal elements, those of lis1 come first.
    (define (list-merge less? lis1 lis2)
      (let loop ((a lis1) (b lis2) (acc '()))
        (cond ((null? a) (append-reverse acc b))
              ((null? b) (append-reverse acc a))
              ((less? (car b) (car a)) (loop a (cdr b) (cons (car b) acc)))
              (else (loop (cdr a) b (cons (car a) acc))))))
    (define (list-merge! less? lis1 lis2) (list-merge less? lis1 lis2))
    (define (append-reverse rev tail)
      (if (null? rev) tail (append-reverse (cdr rev) (cons (car rev) tail))))

    (define (vector-merge less? v1 v2 . opt)
      (let* ((s1 (range-start opt))
             (e1 (if (and (pair? opt) (pair? (cdr opt))) (cadr opt) (vector-length v1)))
             (rest (if (and (pair? opt) (pair? (cdr opt))) (cddr opt) '()))
             (s2 (range-start rest))
             (e2 (range-end (vector-length v2) rest))
             (out (make-vector (+ (- e1 s1) (- e2 s2)))))
        (let loop ((i s1) (j s2) (k 0))
          (cond ((and (< i e1) (or (>= j e2) (not (less? (vector-ref v2 j) (vector-ref v1 i)))))
                 (vector-set! out k (vector-ref v1 i))
                 (loop (+ i 1) j (+ k 1)))
                ((< j e2)
                 (vector-set! out k (vector-ref v2 j))
                 (loop i (+ j 1) (+ k 1)))
                (else out)))))

    (define (list-sorted? less? lis)
      (or (null? lis)
          (let loop ((prev (car lis)) (rest (cdr lis)))
            (cond ((null? rest) #t)
                  ((less? (car rest) prev) #f)
                  (else (loop (car rest) (cdr rest)))))))

    (define (vector-sorted? less? v . opt)
      (let ((start (range-start opt))
            (end (range-end (vector-length v) opt)))
        (let loop ((i (+ start 1)))
          (cond ((>= i end) #t)
                ((less? (vector-ref v i) (vector-ref v (- i 1))) #f)
                (else (loop (+ i 1)))))))

    (define (list-delete-neighbor-dups same? lis)
      (if (null? lis)
          '()
          (let loop ((prev (car lis)) (rest (cdr lis)) (acc (list (car lis))))
            (cond ((null? rest) (reverse acc))
                  ((same? prev (car rest)) (loop prev (cdr rest) acc))
                  (else (loop (car rest) (cdr rest) (cons (car rest) acc)))))))

    (define (vector-delete-neighbor-dups same? v . opt)
      (let ((start (range-start opt))
            (end (range-end (vector-length v) opt)))
        (if (>= start end)
            (vector)
            (list->vector
             (list-delete-neighbor-dups same? (vector->list v start end))))))))
