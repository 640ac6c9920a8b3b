;; hash-table-copy without mutable? #t makes an immutable table.
(import (scheme base) (srfi 69))
(define h (make-hash-table))
(define c (hash-table-copy h))
(hash-table-set! c 'k 'v)
;; expect-error: srfi69_immutable_error.scm:5:1: hash-table-set!: hash table is immutable
