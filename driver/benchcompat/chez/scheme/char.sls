;; (scheme char) for Chez Scheme 9.5 (see base.sls).
(library (scheme char)
  (export char-alphabetic? char-ci<=? char-ci<? char-ci=? char-ci>=? char-ci>?
    char-downcase char-foldcase char-lower-case? char-numeric? char-upcase
    char-upper-case? char-whitespace? digit-value string-ci<=? string-ci<? string-ci=?
    string-ci>=? string-ci>? string-downcase string-foldcase string-upcase)
  (import (chezscheme))
  ;; ASCII digits only: Chez 9.5 has no table of other decimal digits.
  (define (digit-value c)
    (and (char<=? #\0 c #\9) (- (char->integer c) (char->integer #\0)))))
