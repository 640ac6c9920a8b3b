;; destruct: destructive list operations on a list of lists: in-place
;; reversal, splicing with set-cdr!, and rewriting elements with set-car!;
;; measures pair mutation and list traversal.
;; expect-stdout:
;; 30505000
;; (1 1 1 1 9901)
(import (scheme base) (scheme write))

(define (reverse! lst)
  (let loop ((l lst) (acc '()))
    (if (null? l)
        acc
        (let ((next (cdr l)))
          (set-cdr! l acc)
          (loop next l)))))

(define (append! a b)
  (if (null? a)
      b
      (let loop ((p a))
        (if (null? (cdr p))
            (begin (set-cdr! p b) a)
            (loop (cdr p))))))

(define (make-rows n m)
  (let loop ((i 0) (rows '()))
    (if (= i n)
        rows
        (loop (+ i 1) (cons (make-list m i) rows)))))

;; One round: reverse every row in place, move the tail half of each row
;; onto the next row's front, and increment every element.
(define (round! rows)
  (let loop ((rs rows))
    (if (pair? rs)
        (begin (set-car! rs (reverse! (car rs)))
               (loop (cdr rs)))))
  (let loop ((rs rows))
    (if (and (pair? rs) (pair? (cdr rs)))
        (let* ((row (car rs))
               (len (length row)))
          (if (> len 1)
              (let* ((cut (list-tail row (- (quotient len 2) 1)))
                     (tail (cdr cut)))
                (set-cdr! cut '())
                (set-car! (cdr rs) (append! tail (cadr rs)))))
          (loop (cdr rs)))))
  (for-each (lambda (row)
              (let loop ((p row))
                (if (pair? p)
                    (begin (set-car! p (+ (car p) 1))
                           (loop (cdr p))))))
            rows))

(define (checksum rows)
  (let loop ((rs rows) (s 0))
    (if (null? rs)
        s
        (loop (cdr rs) (+ s (apply + (car rs)) (length (car rs)))))))

(define rows (make-rows 100 100))
(do ((i 0 (+ i 1))) ((= i 3000)) (round! rows))
(display (checksum rows)) (newline)
(display (map length (list-tail rows 95))) (newline)
