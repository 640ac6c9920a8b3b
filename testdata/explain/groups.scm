;; Known global procedures that tail-call each other become one Go
;; function (a switch in a loop); defines separated by a call do not.
(define (my-even? n) (if (= n 0) #t (my-odd? (- n 1))))     ; explain: my-even?: mutual tail calls with my-odd? compiled as one Go function (switch loop)
(define (my-odd? n) (if (= n 0) #f (my-even? (- n 1))))     ; explain: my-odd?: mutual tail calls with my-even? compiled as one Go function (switch loop)
(define (lone-a n) (if (= n 0) 'a (lone-b (- n 1))))     ; explain: lone-a: mutual tail calls with lone-b through the trampoline (a form between their definitions may call them) ; explain: lone-a: not unboxed: constant a is not a fixnum (at 5:32)
(display (lone-a 0))
(define (lone-b n) (if (= n 0) 'b (lone-a (- n 1))))     ; explain: lone-b: mutual tail calls with lone-a through the trampoline (a form between their definitions may call them) ; explain: lone-b: not unboxed: constant b is not a fixnum (at 7:32)
(display (list (my-even? 10) (lone-b 3)))
