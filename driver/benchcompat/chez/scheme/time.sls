;; (scheme time) for Chez Scheme 9.5 (see base.sls).
(library (scheme time)
  (export current-jiffy current-second jiffies-per-second)
  (import (chezscheme))
  (define (current-second)
    (let ([t (current-time 'time-utc)])
      (+ (time-second t) (/ (time-nanosecond t) 1e9))))
  (define (current-jiffy) (real-time))
  (define (jiffies-per-second) 1000))
