; A library for r7rs_5_6_libraries.scm: include-library-declarations and
; include-ci inside define-library (R7RS 5.6.1).
(define-library (r7rs_inc decls)
  (import (scheme base))
  (include-library-declarations "decls-exports.scm")
  (include-ci "decls-upper.scm")
  (export shouted))
