;; mandelbrot: counts the points of a grid over [-2,1]x[-1.5,1.5] that stay
;; bounded for 100 iterations of z <- z^2 + c; measures float arithmetic
;; in nested loops.
;; expect-stdout:
;; 440153
(import (scheme base) (scheme write))

(define max-iter 100)

(define (in-set? cr ci)
  (let loop ((zr 0.) (zi 0.) (i 0))
    (cond ((= i max-iter) #t)
          ((> (+ (* zr zr) (* zi zi)) 4.) #f)
          (else (loop (+ (- (* zr zr) (* zi zi)) cr)
                      (+ (* 2. zr zi) ci)
                      (+ i 1))))))

(define (count n)
  (let ((step (/ 3. n)))
    (let rows ((y 0) (total 0))
      (if (= y n)
          total
          (let ((ci (- (* step y) 1.5)))
            (let cols ((x 0) (total total))
              (if (= x n)
                  (rows (+ y 1) total)
                  (cols (+ x 1)
                        (if (in-set? (- (* step x) 2.) ci) (+ total 1) total)))))))))

(display (count 1600)) (newline)
