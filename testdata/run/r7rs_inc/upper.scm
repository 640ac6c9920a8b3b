; read with case folding by include-ci
(DEFINE (Shout X) (LIST 'LOUD X))
(define MixedCase 'Folded)
