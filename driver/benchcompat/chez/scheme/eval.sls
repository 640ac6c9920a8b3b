;; (scheme eval) for Chez Scheme 9.5 (see base.sls).
(library (scheme eval)
  (export environment eval)
  (import (chezscheme)))
