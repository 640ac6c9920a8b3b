; expressions only: include in expression position
(set! counter (+ counter 1))
(* counter 100)
