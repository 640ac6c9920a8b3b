;; A bit field's start may not come after its end.
(import (scheme base) (srfi 151))
(bit-field #b1101 3 1)
;; expect-error: srfi151_field_error.scm:3:1: bit-field: field start 3 is after its end 1
