;; SRFI 4 (homogeneous numeric vectors): every procedure of each kind,
;; element ranges, printing and equal?, checked with SRFI 64 in both modes.
(import (scheme base) (scheme write) (srfi 4) (srfi 64))
(test-begin "srfi-4")

(define (written x)
  (let ((p (open-output-string))) (write x p) (get-output-string p)))

;; u8vector: a u8vector is a bytevector.
(test-equal "#u8(0 1 255)" (written (u8vector 0 1 255)))
(test-assert (u8vector? (bytevector 1 2)))
(test-assert (bytevector? (make-u8vector 2 7)))
(test-equal #u8(7 7) (make-u8vector 2 7))
(test-equal 3 (u8vector-length (u8vector 1 2 3)))
(test-equal 255 (u8vector-ref (u8vector 1 255) 1))
(test-equal '(1 9) (let ((v (u8vector 1 2))) (u8vector-set! v 1 9) (u8vector->list v)))
(test-equal '(2 3) (u8vector->list (u8vector 1 2 3) 1))
(test-equal #u8(4 5) (list->u8vector '(4 5)))
(test-error (u8vector 256))
(test-error (u8vector -1))
(test-error (u8vector 1.0))

;; s8vector
(test-equal "#s8(-128 0 127)" (written (s8vector -128 0 127)))
(test-equal "#s8(-1 -1 -1)" (written (make-s8vector 3 -1)))
(test-equal "#s8(0 0)" (written (make-s8vector 2)))
(test-assert (s8vector? (s8vector)))
(test-assert (not (s8vector? (u8vector))))
(test-assert (not (s8vector? #(1 2))))
(test-equal 2 (s8vector-length (s8vector 1 2)))
(test-equal -128 (s8vector-ref (s8vector 5 -128) 1))
(test-equal '(5 -7) (let ((v (s8vector 5 6))) (s8vector-set! v 1 -7) (s8vector->list v)))
(test-equal "#s8(-3 4)" (written (list->s8vector '(-3 4))))
(test-error (s8vector 128))
(test-error (s8vector -129))

;; u16vector
(test-equal "#u16(0 65535)" (written (u16vector 0 65535)))
(test-equal "#u16(9 9)" (written (make-u16vector 2 9)))
(test-assert (u16vector? (u16vector 1)))
(test-equal 65535 (u16vector-ref (u16vector 1 65535) 1))
(test-equal '(1 300) (let ((v (u16vector 1 2))) (u16vector-set! v 1 300) (u16vector->list v)))
(test-equal 0 (u16vector-length (list->u16vector '())))
(test-error (u16vector 65536))
(test-error (u16vector -1))

;; s16vector
(test-equal "#s16(-32768 32767)" (written (s16vector -32768 32767)))
(test-equal "#s16(-7 -7 -7)" (written (make-s16vector 3 -7)))
(test-assert (s16vector? (s16vector)))
(test-equal -32768 (s16vector-ref (s16vector -32768) 0))
(test-equal '(-2 3) (let ((v (s16vector 1 3))) (s16vector-set! v 0 -2) (s16vector->list v)))
(test-equal '(3) (s16vector->list (list->s16vector '(1 2 3)) 2 3))
(test-error (s16vector 32768))

;; u32vector
(test-equal "#u32(1 2 4294967295)" (written (list->u32vector '(1 2 4294967295))))
(test-equal 4294967295 (u32vector-ref (u32vector 4294967295) 0))
(test-assert (u32vector? (make-u32vector 1)))
(test-equal 3 (u32vector-length (make-u32vector 3 0)))
(test-equal '(70000) (let ((v (u32vector 0))) (u32vector-set! v 0 70000) (u32vector->list v)))
(test-error (u32vector 4294967296))
(test-error (u32vector -1))

;; s32vector
(test-equal "#s32(-2147483648 2147483647)" (written (s32vector -2147483648 2147483647)))
(test-assert (s32vector? (s32vector 1)))
(test-equal -5 (s32vector-ref (make-s32vector 2 -5) 1))
(test-equal '(1 -100000) (let ((v (s32vector 1 2))) (s32vector-set! v 1 -100000) (s32vector->list v)))
(test-equal 2 (s32vector-length (list->s32vector '(8 9))))
(test-error (s32vector 2147483648))

;; u64vector: elements above the fixnum range come back as bignums.
(test-equal "#u64(18446744073709551615 0)" (written (u64vector 18446744073709551615 0)))
(test-equal 18446744073709551615 (u64vector-ref (u64vector 18446744073709551615) 0))
(test-equal 9223372036854775808
  (let ((v (make-u64vector 1))) (u64vector-set! v 0 9223372036854775808) (u64vector-ref v 0)))
(test-assert (u64vector? (u64vector)))
(test-equal 1 (u64vector-length (list->u64vector '(1))))
(test-equal '(5 6) (u64vector->list (u64vector 5 6)))
(test-error (u64vector 18446744073709551616))
(test-error (u64vector -1))

;; s64vector
(test-equal "#s64(-9223372036854775808 9223372036854775807)"
  (written (s64vector -9223372036854775808 9223372036854775807)))
(test-assert (s64vector? (make-s64vector 0)))
(test-equal -9223372036854775808 (s64vector-ref (s64vector -9223372036854775808) 0))
(test-equal '(4 -4) (let ((v (s64vector 4 4))) (s64vector-set! v 1 -4) (s64vector->list v)))
(test-equal 3 (s64vector-length (list->s64vector '(1 2 3))))
(test-error (s64vector 9223372036854775808))
(test-error (s64vector 1/2))

;; f32vector: stored in single precision, written in the shortest form
;; that reads back as the same single.
(test-equal "#f32(0.1 1.5 -0.0)" (written (f32vector 0.1 1.5 -0.0)))
(test-equal 0.5 (f32vector-ref (f32vector 1/2) 0))
(test-assert (not (= 0.1 (f32vector-ref (f32vector 0.1) 0))))
(test-equal "#f32(2.0 2.0)" (written (make-f32vector 2 2)))
(test-assert (f32vector? (f32vector)))
(test-equal 1 (f32vector-length (list->f32vector '(3.0))))
(test-equal '(1.0 0.25) (let ((v (f32vector 1 2))) (f32vector-set! v 1 0.25) (f32vector->list v)))
(test-error (f32vector 'a))

;; f64vector
(test-equal "#f64(1.0 2.5 -3.0)" (written (f64vector 1 2.5 -3)))
(test-equal "#f64(+inf.0 -inf.0 +nan.0)" (written (f64vector +inf.0 -inf.0 +nan.0)))
(test-equal "#f64(0.0 0.0 0.0)" (written (make-f64vector 3)))
(test-equal "#f64()" (written (f64vector)))
(test-assert (f64vector? (make-f64vector 3 1.5)))
(test-assert (not (f64vector? (f32vector 1))))
(test-equal 3 (f64vector-length (make-f64vector 3 1.5)))
(test-equal 0.1 (f64vector-ref (f64vector 1 0.1) 1))
(test-equal 0.3333333333333333 (f64vector-ref (f64vector 1/3) 0))
(test-equal '(1.0 7.0) (let ((v (f64vector 1 2))) (f64vector-set! v 1 7) (f64vector->list v)))
(test-equal '(2.0) (f64vector->list (f64vector 1 2 3) 1 2))
(test-equal "#f64(1.0 2.0)" (written (list->f64vector '(1 2.0))))
(test-error (f64vector-ref (f64vector 1) 1))
(test-error (f64vector-set! (f64vector 1) 0 "x"))
(test-error (f64vector-ref #(1.0) 0))
(test-error (list->f64vector '(1 . 2)))

;; equal? compares kind, length and elements; eqv? is identity.
(test-assert (equal? (f64vector 1 2) (f64vector 1.0 2.0)))
(test-assert (not (equal? (f64vector 1 2) (f64vector 1 3))))
(test-assert (not (equal? (f64vector 1 2) (f64vector 1))))
(test-assert (not (equal? (s8vector 1 2) (s16vector 1 2))))
(test-assert (not (equal? (f64vector 1 2) (f32vector 1 2))))
(test-assert (not (equal? (f64vector 0.0) (f64vector -0.0))))
(test-assert (equal? (list (u64vector 18446744073709551615)) (list (u64vector 18446744073709551615))))
(test-assert (not (eqv? (f64vector 1) (f64vector 1))))
(test-assert (let ((v (f64vector 1))) (eqv? v v)))

;; Vectors of homogeneous vectors print nested.
(test-equal "#(#s16(1) #f64(2.0))" (written (vector (s16vector 1) (f64vector 2))))
(test-end "srfi-4")
;; expect-stdout:
;; %%%% Starting test srfi-4
;; # of expected passes      101
