;; nbody: the five-planet Jovian system integrated with a fixed time step
;; (symplectic Euler); bodies are records holding flonums, so this
;; measures float arithmetic, record field access and mutation. The energy
;; is printed as an integer in units of 1e-9 so every system prints it the
;; same way.
;; expect-stdout:
;; -169075164
;; -169078071
(import (scheme base) (scheme write) (scheme inexact))

(define-record-type body
  (make-body x y z vx vy vz mass)
  body?
  (x body-x set-body-x!) (y body-y set-body-y!) (z body-z set-body-z!)
  (vx body-vx set-body-vx!) (vy body-vy set-body-vy!) (vz body-vz set-body-vz!)
  (mass body-mass))

(define pi 3.141592653589793)
(define solar-mass (* 4. pi pi))
(define days-per-year 365.24)

(define (planet x y z vx vy vz mass)
  (make-body x y z (* vx days-per-year) (* vy days-per-year) (* vz days-per-year)
             (* mass solar-mass)))

(define (make-system)
  (list
   (make-body 0. 0. 0. 0. 0. 0. solar-mass)
   (planet 4.84143144246472090e+00 -1.16032004402742839e+00 -1.03622044471123109e-01
           1.66007664274403694e-03 7.69901118419740425e-03 -6.90460016972063023e-05
           9.54791938424326609e-04)
   (planet 8.34336671824457987e+00 4.12479856412430479e+00 -4.03523417114321381e-01
           -2.76742510726862411e-03 4.99852801234917238e-03 2.30417297573763929e-05
           2.85885980666130812e-04)
   (planet 1.28943695621391310e+01 -1.51111514016986312e+01 -2.23307578892655734e-01
           2.96460137564761618e-03 2.37847173959480950e-03 -2.96589568540237556e-05
           4.36624404335156298e-05)
   (planet 1.53796971148509165e+01 -2.59193146099879641e+01 1.79258772950371181e-01
           2.68067772490389322e-03 1.62824170038242295e-03 -9.51592254519715870e-05
           5.15138902046611451e-05)))

(define (offset-momentum! bodies)
  (let loop ((bs bodies) (px 0.) (py 0.) (pz 0.))
    (if (null? bs)
        (let ((sun (car bodies)))
          (set-body-vx! sun (/ (- px) solar-mass))
          (set-body-vy! sun (/ (- py) solar-mass))
          (set-body-vz! sun (/ (- pz) solar-mass)))
        (let ((b (car bs)))
          (loop (cdr bs)
                (+ px (* (body-vx b) (body-mass b)))
                (+ py (* (body-vy b) (body-mass b)))
                (+ pz (* (body-vz b) (body-mass b))))))))

(define (energy bodies)
  (let loop ((bs bodies) (e 0.))
    (if (null? bs)
        e
        (let* ((b (car bs))
               (e (+ e (* .5 (body-mass b)
                          (+ (* (body-vx b) (body-vx b))
                             (* (body-vy b) (body-vy b))
                             (* (body-vz b) (body-vz b)))))))
          (let inner ((os (cdr bs)) (e e))
            (if (null? os)
                (loop (cdr bs) e)
                (let* ((o (car os))
                       (dx (- (body-x b) (body-x o)))
                       (dy (- (body-y b) (body-y o)))
                       (dz (- (body-z b) (body-z o))))
                  (inner (cdr os)
                         (- e (/ (* (body-mass b) (body-mass o))
                                 (sqrt (+ (* dx dx) (* dy dy) (* dz dz)))))))))))))

(define (advance! bodies dt)
  (let loop ((bs bodies))
    (if (pair? bs)
        (let ((b (car bs)))
          (let inner ((os (cdr bs)))
            (if (pair? os)
                (let* ((o (car os))
                       (dx (- (body-x b) (body-x o)))
                       (dy (- (body-y b) (body-y o)))
                       (dz (- (body-z b) (body-z o)))
                       (d2 (+ (* dx dx) (* dy dy) (* dz dz)))
                       (mag (/ dt (* d2 (sqrt d2))))
                       (bm (* (body-mass b) mag))
                       (om (* (body-mass o) mag)))
                  (set-body-vx! b (- (body-vx b) (* dx om)))
                  (set-body-vy! b (- (body-vy b) (* dy om)))
                  (set-body-vz! b (- (body-vz b) (* dz om)))
                  (set-body-vx! o (+ (body-vx o) (* dx bm)))
                  (set-body-vy! o (+ (body-vy o) (* dy bm)))
                  (set-body-vz! o (+ (body-vz o) (* dz bm)))
                  (inner (cdr os)))))
          (loop (cdr bs)))))
  (for-each (lambda (b)
              (set-body-x! b (+ (body-x b) (* dt (body-vx b))))
              (set-body-y! b (+ (body-y b) (* dt (body-vy b))))
              (set-body-z! b (+ (body-z b) (* dt (body-vz b)))))
            bodies))

(define (nano x) (exact (round (* x 1e9))))

(define system (make-system))
(offset-momentum! system)
(display (nano (energy system))) (newline)
(do ((i 0 (+ i 1))) ((= i 50000)) (advance! system .01))
(display (nano (energy system))) (newline)
