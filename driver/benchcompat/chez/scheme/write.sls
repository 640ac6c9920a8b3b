;; (scheme write) for Chez Scheme 9.5 (see base.sls).
(library (scheme write)
  (export display write write-shared write-simple)
  (import (chezscheme))
  (define write-shared write)
  (define write-simple write))
