;; R7RS-small libraries for CHICKEN 5 without the r7rs egg, as modules
;; written over CHICKEN's own (scheme, (chicken base), srfi-4, ...). Used
;; only by `lambdustc bench --compare chicken,csi`, which puts this text in
;; front of each program. Written for the benchmark programs, not a
;; complete R7RS: no include-ci or binary port procedures;
;; string->list, string-copy, vector->list and vector-fill! take no range.

(import (only (chicken platform) register-feature!))
(register-feature! 'r7rs)

(module (scheme base)
    (
    guard guard-aux * + - / < <= = > >= abs and append apply assoc assq assv begin boolean=?
    boolean? bytevector bytevector-append bytevector-copy bytevector-copy!
    bytevector-length bytevector-u8-ref bytevector-u8-set! bytevector? caar cadr
    call-with-current-continuation call-with-port call-with-values call/cc car case
    cdar cddr cdr ceiling char->integer char-ready? char<=? char<? char=? char>=?
    char>? char? close-input-port close-output-port close-port complex? cond
    cond-expand cons current-error-port current-input-port current-output-port define
    define-record-type define-syntax define-values denominator do dynamic-wind 
    eof-object eof-object? eq? equal? eqv? error error-object-irritants
    error-object-message error-object? even? exact exact-integer-sqrt exact-integer?
    exact? expt features file-error? floor floor-quotient floor-remainder floor/
    flush-output-port for-each gcd get-output-string if include inexact inexact?
    input-port-open? input-port? integer->char integer? lambda lcm length let let*
    let*-values let-syntax let-values letrec letrec* letrec-syntax list list->string
    list->vector list-copy list-ref list-set! list-tail list? make-bytevector make-list
    make-parameter make-string make-vector map max member memq memv min modulo
    negative? newline not null? number->string number? numerator odd? open-input-string
    open-output-string or output-port-open? output-port? pair? parameterize peek-char
    port? positive? procedure? quasiquote quote quotient raise raise-continuable
    rational? rationalize read-char read-error? read-line read-string real? remainder
    reverse round set! set-car! set-cdr! square string string->list string->number
    string->symbol string->utf8 string->vector string-append string-copy string-copy!
    string-fill! string-for-each string-length string-map string-ref string-set!
    string<=? string<? string=? string>=? string>? string? substring symbol->string
    symbol=? symbol? syntax-rules textual-port? truncate truncate-quotient
    truncate-remainder truncate/ unless utf8->string values
    vector vector->list vector->string vector-append vector-copy vector-copy!
    vector-fill! vector-for-each vector-length vector-map vector-ref vector-set!
    vector? when with-exception-handler write-char write-string zero?)
  (import (except scheme string-copy)
          (chicken base)
          (only (chicken condition) condition? condition-predicate
                condition-property-accessor abort signal with-exception-handler)
          (prefix (only (chicken io) read-line read-string) chicken:)
          (only (chicken port) with-output-to-string)
          (rename (only srfi-4 u8vector u8vector-length u8vector-ref u8vector-set!
                        u8vector? make-u8vector subu8vector u8vector->blob
                        blob->u8vector)
                  (u8vector bytevector) (u8vector-length bytevector-length)
                  (u8vector-ref bytevector-u8-ref) (u8vector-set! bytevector-u8-set!)
                  (u8vector? bytevector?) (make-u8vector make-bytevector))
          (only (chicken blob) blob->string string->blob))

;; (include benchcompat/guard.scm)

  (define (features) '(r7rs exact-closed ratios full-unicode chicken))
  (define (boolean=? a b . more) (and (eq? a b) (or (null? more) (apply boolean=? b more))))
  (define (symbol=? a b . more) (and (eq? a b) (or (null? more) (apply symbol=? b more))))
  (define (bytevector-copy bv #!optional (start 0) (end (bytevector-length bv)))
    (subu8vector bv start end))
  (define (bytevector-copy! to at from #!optional (start 0) (end (bytevector-length from)))
    (do ((i start (+ i 1))) ((= i end))
      (bytevector-u8-set! to (+ at (- i start)) (bytevector-u8-ref from i))))
  (define (bytevector-append . bvs)
    (apply bytevector (apply append (map (lambda (b) (let loop ((i (- (bytevector-length b) 1)) (acc '()))
                                                        (if (< i 0) acc (loop (- i 1) (cons (bytevector-u8-ref b i) acc)))))
                                         bvs))))
  (define (utf8->string bv) (blob->string (u8vector->blob bv)))
  (define (string->utf8 s) (blob->u8vector (string->blob s)))
  (define (call-with-port p proc)
    (call-with-values (lambda () (proc p))
      (lambda vals (close-port p) (apply values vals))))
  (define (close-port p)
    (if (input-port? p) (close-input-port p) (close-output-port p)))
  (define (eof-object) #!eof)
  (define error-object? condition?)
  (define (error-object-message e)
    (if ((condition-predicate 'exn) e) ((condition-property-accessor 'exn 'message) e) ""))
  (define (error-object-irritants e)
    (if ((condition-predicate 'exn) e) ((condition-property-accessor 'exn 'arguments) e) '()))
  (define file-error? (condition-predicate 'file))
  (define read-error? (condition-predicate 'syntax))
  (define raise abort)
  (define raise-continuable signal)
  (define exact inexact->exact)
  (define inexact exact->inexact)
  (define (floor-quotient a b)
    (let ((q (quotient a b)))
      (if (and (not (zero? (remainder a b))) (not (eq? (negative? a) (negative? b)))) (- q 1) q)))
  (define floor-remainder modulo)
  (define (floor/ a b) (values (floor-quotient a b) (floor-remainder a b)))
  (define truncate-quotient quotient)
  (define truncate-remainder remainder)
  (define (truncate/ a b) (values (quotient a b) (remainder a b)))
  (define flush-output-port flush-output)
  (define (list-copy l) (if (pair? l) (cons (car l) (list-copy (cdr l))) l))
  (define (list-set! l k v) (set-car! (list-tail l k) v))
  (define (make-list n #!optional fill)
    (let loop ((i 0) (acc '())) (if (= i n) acc (loop (+ i 1) (cons fill acc)))))
  (define (square x) (* x x))
  (define (string-copy s #!optional (start 0) (end (string-length s))) (substring s start end))
  (define (string->vector s #!optional (start 0) (end (string-length s)))
    (list->vector (string->list (substring s start end))))
  (define (vector->string v #!optional (start 0) (end (vector-length v)))
    (list->string (vector->list (vector-copy v start end))))
  (define (string-copy! to at from #!optional (start 0) (end (string-length from)))
    (if (<= at start)
        (do ((i start (+ i 1))) ((= i end)) (string-set! to (+ at (- i start)) (string-ref from i)))
        (do ((i (- end 1) (- i 1))) ((< i start)) (string-set! to (+ at (- i start)) (string-ref from i)))))
  (define (string-for-each f s . ss)
    (if (null? ss)
        (do ((i 0 (+ i 1))) ((= i (string-length s))) (f (string-ref s i)))
        (apply for-each f (string->list s) (map string->list ss))))
  (define (string-map f s . ss)
    (list->string (apply map f (string->list s) (map string->list ss))))
  (define textual-port? port?)
  (define (vector-copy v #!optional (start 0) (end (vector-length v)))
    (let ((r (make-vector (- end start))))
      (do ((i start (+ i 1))) ((= i end) r) (vector-set! r (- i start) (vector-ref v i)))))
  (define (vector-append . vs) (list->vector (apply append (map vector->list vs))))
  (define (vector-for-each f v . vs)
    (if (null? vs)
        (do ((i 0 (+ i 1))) ((= i (vector-length v))) (f (vector-ref v i)))
        (apply for-each f (vector->list v) (map vector->list vs))))
  (define (vector-map f v . vs)
    (list->vector (apply map f (vector->list v) (map vector->list vs))))
  (define (read-line #!optional (p (current-input-port))) (chicken:read-line p))
  (define (read-string k #!optional (p (current-input-port))) (chicken:read-string k p))
  (define (write-string s #!optional (p (current-output-port)) (start 0) (end (string-length s)))
    (display (if (and (= start 0) (= end (string-length s))) s (substring s start end)) p)))

(module (scheme char)
  (char-alphabetic? char-ci<=? char-ci<? char-ci=? char-ci>=? char-ci>? char-downcase
   char-foldcase char-lower-case? char-numeric? char-upcase char-upper-case?
   char-whitespace? digit-value string-ci<=? string-ci<? string-ci=? string-ci>=?
   string-ci>? string-downcase string-foldcase string-upcase)
  (import scheme (chicken base))
  (define char-foldcase char-downcase)
  (define (digit-value c) (and (char<=? #\0 c) (char<=? c #\9) (- (char->integer c) 48)))
  (define (string-upcase s) (list->string (map char-upcase (string->list s))))
  (define (string-downcase s) (list->string (map char-downcase (string->list s))))
  (define string-foldcase string-downcase))

(module (scheme write) (display write write-shared write-simple)
  (import scheme)
  (define write-shared write)
  (define write-simple write))

(module (scheme cxr)
  (caaaar caaadr caaar caadar caaddr caadr cadaar cadadr cadar caddar cadddr caddr
   cdaaar cdaadr cdaar cdadar cdaddr cdadr cddaar cddadr cddar cdddar cddddr cdddr)
  (import scheme))

(module (scheme inexact) (acos asin atan cos exp finite? infinite? log nan? sin sqrt tan)
  (import scheme (chicken base)))

(module (scheme case-lambda) (case-lambda) (import (chicken base)))

(module (scheme lazy) (delay delay-force force make-promise promise?)
  (import scheme (chicken base)))

(module (scheme complex) (angle imag-part magnitude make-polar make-rectangular real-part)
  (import scheme))

(module (scheme read) (read) (import scheme))

(module (scheme process-context)
  (command-line emergency-exit exit get-environment-variable get-environment-variables)
  (import scheme (chicken base) (chicken process-context))
  (define (command-line) (cons (program-name) (command-line-arguments)))
  )

(module (scheme time) (current-jiffy current-second jiffies-per-second)
  (import scheme (chicken time))
  (define (current-second) (/ (current-milliseconds) 1000.))
  (define current-jiffy current-milliseconds)
  (define (jiffies-per-second) 1000))

(module (scheme file)
  (call-with-input-file call-with-output-file delete-file file-exists?
   open-binary-input-file open-binary-output-file open-input-file open-output-file
   with-input-from-file with-output-to-file)
  (import scheme (chicken file))
  (define open-binary-input-file open-input-file)
  (define open-binary-output-file open-output-file))
