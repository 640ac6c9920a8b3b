; the second file of a multi-file include
(define more-value 'more)
