;; (scheme file) for Chez Scheme 9.5 (see base.sls).
(library (scheme file)
  (export call-with-input-file call-with-output-file delete-file file-exists?
    open-binary-input-file open-binary-output-file open-input-file open-output-file
    with-input-from-file with-output-to-file)
  (import (chezscheme))
  (define (open-binary-input-file f) (open-file-input-port f))
  (define (open-binary-output-file f) (open-file-output-port f (file-options no-fail))))
