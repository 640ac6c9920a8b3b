;; SRFI 4 literals: #s8(...) ... #f64(...) are self-evaluating, read by
;; read, and written back in the same syntax (#u8 is the bytevector).
(import (scheme base) (scheme write) (scheme read) (srfi 4))
(define v #f64(1 2.5 -inf.0 +nan.0 -0.0))
(write v) (newline)
(write (list (f64vector? v) (f64vector-length v) (f64vector-ref v 1))) (newline)
(write '(#s8(-128 127) #u16(65535) #s16(-32768) #u32(4294967295) #s32(-5)))
(newline)
(write '#(#u64(18446744073709551615 0) #s64(-9223372036854775808) #f32(0.1 1/2) #u8(1 2)))
(newline)
(write (u64vector-ref #u64(18446744073709551615) 0)) (newline)
(write (s8vector? '#s8())) (newline)
(write (map (lambda (s) (read (open-input-string s)))
            '("#f64(1 2)" "#S16(-1)" "#u8(7)" "#f32(0.25)")))
(newline)
(write (equal? (read (open-input-string "#f64(1 2)")) (f64vector 1 2))) (newline)
(write (let ((p (open-output-string)))
         (write #u32(1 2 3) p)
         (equal? (read (open-input-string (get-output-string p))) #u32(1 2 3))))
(newline)
(write (guard (e ((read-error? e) (error-object-message e)) (#t 'other))
  (read (open-input-string "#s8(200)"))))
(newline)
;; expect-stdout:
;; #f64(1.0 2.5 -inf.0 +nan.0 -0.0)
;; (#t 5 2.5)
;; (#s8(-128 127) #u16(65535) #s16(-32768) #u32(4294967295) #s32(-5))
;; #(#u64(18446744073709551615 0) #s64(-9223372036854775808) #f32(0.1 0.5) #u8(1 2))
;; 18446744073709551615
;; #t
;; (#f64(1.0 2.0) #s16(-1) #u8(7) #f32(0.25))
;; #t
;; #t
;; "read: string:1:5: s8vector element must be an exact integer between -128 and 127"
