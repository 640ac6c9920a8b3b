(define nested-value 'nested)
