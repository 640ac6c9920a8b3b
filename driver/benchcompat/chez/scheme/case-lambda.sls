;; (scheme case-lambda) for Chez Scheme 9.5 (see base.sls).
(library (scheme case-lambda)
  (export case-lambda)
  (import (chezscheme)))
