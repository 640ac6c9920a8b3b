;; hash-table-copy with mutable? #f (the SRFI 125 extension) makes an
;; immutable table.
(import (scheme base) (srfi 69))
(define h (make-hash-table))
(define c (hash-table-copy h #f))
(hash-table-set! c 'k 'v)
;; expect-error: srfi69_immutable_error.scm:6:1: hash-table-set!: hash table is immutable
