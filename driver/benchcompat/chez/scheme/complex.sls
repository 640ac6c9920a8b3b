;; (scheme complex) for Chez Scheme 9.5 (see base.sls).
(library (scheme complex)
  (export angle imag-part magnitude make-polar make-rectangular real-part)
  (import (chezscheme)))
