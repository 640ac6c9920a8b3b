;; (scheme base) for Chez Scheme 9.5, which has R6RS libraries only: the
;; names Chez provides with R7RS meaning are re-exported, the others are
;; defined here over (chezscheme). Used only by `lambdustc bench --compare
;; chez`; written for the benchmark programs, not a complete R7RS
;; (include-ci is missing).
(library (scheme base)
  (export
    * + - ... / < <= = => > >= _ abs and append apply assoc assq assv begin binary-port?
    boolean=? boolean? bytevector bytevector-append bytevector-copy bytevector-copy!
    bytevector-length bytevector-u8-ref bytevector-u8-set! bytevector? caar cadr
    call-with-current-continuation call-with-port call-with-values call/cc car case cdar
    cddr cdr ceiling char->integer char-ready? char<=? char<? char=? char>=? char>? char?
    close-input-port close-output-port close-port complex? cond cond-expand cons
    current-error-port current-input-port current-output-port define define-record-type
    define-syntax define-values denominator do dynamic-wind else eof-object eof-object?
    eq? equal? eqv? error error-object-irritants error-object-message error-object? even?
    exact exact-integer-sqrt exact-integer? exact? expt features file-error? floor
    floor-quotient floor-remainder floor/ flush-output-port for-each gcd
    get-output-bytevector get-output-string guard if include inexact inexact?
    input-port-open? input-port? integer->char integer? lambda lcm length let let*
    let*-values let-syntax let-values letrec letrec* letrec-syntax list list->string
    list->vector list-copy list-ref list-set! list-tail list? make-bytevector make-list
    make-parameter make-string make-vector map max member memq memv min modulo negative?
    newline not null? number->string number? numerator odd? open-input-bytevector
    open-input-string open-output-bytevector open-output-string or output-port-open?
    output-port? pair? parameterize peek-char peek-u8 port? positive? procedure? quasiquote
    quote quotient raise raise-continuable rational? rationalize read-bytevector
    read-bytevector! read-char read-error? read-line read-string read-u8 real? remainder
    reverse round set! set-car! set-cdr! square string string->list string->number
    string->symbol string->utf8 string->vector string-append string-copy string-copy!
    string-fill! string-for-each string-length string-map string-ref string-set!
    string<=? string<? string=? string>=? string>? string? substring symbol->string
    symbol=? symbol? syntax-error syntax-rules textual-port? truncate truncate-quotient
    truncate-remainder truncate/ u8-ready? unless unquote unquote-splicing utf8->string
    values vector vector->list vector->string vector-append vector-copy vector-copy!
    vector-fill! vector-for-each vector-length vector-map vector-ref vector-set! vector?
    when with-exception-handler write-bytevector write-char write-string write-u8 zero?)
  (import
    (except (chezscheme)
      error define-record-type assoc member string->list string-copy string-fill!
      vector->list vector-copy vector-fill! bytevector-copy bytevector-copy!
      utf8->string string->utf8 open-input-string char-ready? syntax-error string-copy!)
    (prefix (only (chezscheme) error define-record-type assoc member string->list
                  string-copy vector->list vector-copy bytevector-copy bytevector-copy!
                  utf8->string string->utf8 open-input-string char-ready?)
            chez:))

  (define (error message . irritants) (apply chez:error #f message irritants))
  (define (error-object? x) (condition? x))
  (define (error-object-message x)
    (if (message-condition? x) (condition-message x) ""))
  (define (error-object-irritants x)
    (if (irritants-condition? x) (condition-irritants x) '()))
  (define (file-error? x) (i/o-error? x))
  (define (read-error? x) (lexical-violation? x))

  ;; R7RS records: the constructor may take any subset of the fields in
  ;; any order; the others start as #f.
  (define-syntax define-record-type
    (lambda (x)
      (define (field-name fs) (syntax-case fs () [(f . rest) #'f]))
      (define (field-clause fs)
        (syntax-case fs ()
          [(f acc) #'(immutable f acc)]
          [(f acc mod) #'(mutable f acc mod)]))
      (syntax-case x ()
        [(_ type (ctor cf ...) pred fs ...)
         (let* ([cfs #'(cf ...)]
                [inits (map (lambda (n)
                              (if (memp (lambda (c) (bound-identifier=? c n)) cfs) n #'#f))
                            (map field-name #'(fs ...)))])
           (with-syntax ([(clause ...) (map field-clause #'(fs ...))]
                         [(init ...) inits])
             #'(chez:define-record-type (type ctor pred)
                 (fields clause ...)
                 (protocol (lambda (new) (lambda (cf ...) (new init ...)))))))])))

  (define-syntax syntax-error
    (lambda (x)
      (syntax-case x ()
        [(_ msg arg ...) (syntax-violation #f (syntax->datum #'msg) x)])))

  (define-syntax cond-expand
    (lambda (x)
      (define (true? req)
        (syntax-case req (and or not library else)
          [(and r ...) (for-all true? #'(r ...))]
          [(or r ...) (exists true? #'(r ...))]
          [(not r) (not (true? #'r))]
          [(library name) (let ([n (syntax->datum #'name)])
                            (and (pair? n) (eq? (car n) 'scheme)))]
          [else #t]
          [id (identifier? #'id)
           (and (memq (syntax->datum #'id)
                      '(r7rs exact-closed exact-complex ieee-float full-unicode ratios chez))
                #t)]))
      (syntax-case x ()
        [(_) #'(begin)]
        [(_ (req body ...) more ...)
         (if (true? #'req) #'(begin body ...) #'(cond-expand more ...))])))

  (define (features) '(r7rs exact-closed exact-complex ieee-float full-unicode ratios chez))

  (define (exact-integer? x) (and (integer? x) (exact? x)))
  (define (square x) (* x x))
  (define (floor-quotient a b)
    (let ([q (quotient a b)])
      (if (and (not (zero? (remainder a b))) (not (eq? (negative? a) (negative? b))))
          (- q 1)
          q)))
  (define (floor-remainder a b) (modulo a b))
  (define (floor/ a b) (values (floor-quotient a b) (floor-remainder a b)))
  (define (truncate-quotient a b) (quotient a b))
  (define (truncate-remainder a b) (remainder a b))
  (define (truncate/ a b) (values (quotient a b) (remainder a b)))

  (define assoc
    (case-lambda
      [(x alist) (chez:assoc x alist)]
      [(x alist same?)
       (let loop ([l alist])
         (cond [(null? l) #f] [(same? x (caar l)) (car l)] [else (loop (cdr l))]))]))
  (define member
    (case-lambda
      [(x lst) (chez:member x lst)]
      [(x lst same?)
       (let loop ([l lst])
         (cond [(null? l) #f] [(same? x (car l)) l] [else (loop (cdr l))]))]))
  (define (list-set! lst k v) (set-car! (list-tail lst k) v))

  ;; Sequence operations with R7RS's optional start and end.
  (define-syntax define-ranged
    (syntax-rules ()
      [(_ (name seq extra ...) len body)
       (define name
         (case-lambda
           [(seq extra ...) (name seq extra ... 0 (len seq))]
           [(seq extra ... start) (name seq extra ... start (len seq))]
           [(seq extra ... start end) (body start end)]))]))
  (define-ranged (string->list s) string-length
    (lambda (start end) (chez:string->list (substring s start end))))
  (define-ranged (string-copy s) string-length
    (lambda (start end) (substring s start end)))
  (define-ranged (string->vector s) string-length
    (lambda (start end) (list->vector (chez:string->list (substring s start end)))))
  (define-ranged (string-fill! s c) string-length
    (lambda (start end) (do ([i start (+ i 1)]) ((= i end)) (string-set! s i c))))
  (define-ranged (vector->list v) vector-length
    (lambda (start end) (let loop ([i (- end 1)] [acc '()])
                          (if (< i start) acc (loop (- i 1) (cons (vector-ref v i) acc))))))
  (define-ranged (vector-copy v) vector-length
    (lambda (start end) (let ([r (make-vector (- end start))])
                          (do ([i start (+ i 1)]) ((= i end) r)
                            (vector-set! r (- i start) (vector-ref v i))))))
  (define-ranged (vector->string v) vector-length
    (lambda (start end) (list->string (vector->list v start end))))
  (define-ranged (vector-fill! v x) vector-length
    (lambda (start end) (do ([i start (+ i 1)]) ((= i end)) (vector-set! v i x))))
  (define-ranged (bytevector-copy b) bytevector-length
    (lambda (start end) (let ([r (make-bytevector (- end start))])
                          (chez:bytevector-copy! b start r 0 (- end start))
                          r)))
  (define-ranged (utf8->string b) bytevector-length
    (lambda (start end) (chez:utf8->string (bytevector-copy b start end))))
  (define-ranged (string->utf8 s) string-length
    (lambda (start end) (chez:string->utf8 (substring s start end))))
  (define-ranged (string-copy! to at from) string-length
    (lambda (start end)
      (if (<= at start)
          (do ([i start (+ i 1)]) ((= i end)) (string-set! to (+ at (- i start)) (string-ref from i)))
          (do ([i (- end 1) (- i 1)]) ((< i start)) (string-set! to (+ at (- i start)) (string-ref from i))))))
  (define-ranged (vector-copy! to at from) vector-length
    (lambda (start end)
      (if (<= at start)
          (do ([i start (+ i 1)]) ((= i end)) (vector-set! to (+ at (- i start)) (vector-ref from i)))
          (do ([i (- end 1) (- i 1)]) ((< i start)) (vector-set! to (+ at (- i start)) (vector-ref from i))))))
  (define-ranged (bytevector-copy! to at from) bytevector-length
    (lambda (start end) (chez:bytevector-copy! from start to at (- end start))))
  (define (string-map f s . ss)
    (list->string (apply map f (chez:string->list s) (map chez:string->list ss))))
  (define (vector-append . vs) (list->vector (apply append (map vector->list vs))))
  (define (bytevector-append . bs)
    (u8-list->bytevector (apply append (map bytevector->u8-list bs))))

  ;; Ports.
  (define (open-input-string s) (chez:open-input-string s))
  (define (opt-port p default) (if (null? p) (default) (car p)))
  (define (read-line . p) (get-line (opt-port p current-input-port)))
  (define (read-string k . p)
    (let ([s (get-string-n (opt-port p current-input-port) k)]) s))
  (define write-string
    (case-lambda
      [(s) (put-string (current-output-port) s)]
      [(s p) (put-string p s)]
      [(s p start) (put-string p s start (- (string-length s) start))]
      [(s p start end) (put-string p s start (- end start))]))
  (define (char-ready? . p) (chez:char-ready? (opt-port p current-input-port)))
  (define (input-port-open? p) (not (port-closed? p)))
  (define (output-port-open? p) (not (port-closed? p)))
  (define stdin-binary #f)
  (define (binary-in p)
    (if (null? p)
        (begin (unless stdin-binary (set! stdin-binary (standard-input-port))) stdin-binary)
        (car p)))
  (define (read-u8 . p) (get-u8 (binary-in p)))
  (define (peek-u8 . p) (lookahead-u8 (binary-in p)))
  (define (u8-ready? . p) #t)
  (define (read-bytevector k . p)
    (let ([b (get-bytevector-n (binary-in p) k)]) b))
  (define (read-bytevector! bv . rest)
    (let* ([p (if (null? rest) (binary-in '()) (car rest))]
           [start (if (and (pair? rest) (pair? (cdr rest))) (cadr rest) 0)]
           [end (if (and (pair? rest) (pair? (cdr rest)) (pair? (cddr rest))) (caddr rest) (bytevector-length bv))]
           [n (get-bytevector-n! p bv start (- end start))])
      n))
  (define (write-u8 b . p) (put-u8 (if (null? p) (standard-output-port) (car p)) b))
  (define (write-bytevector bv . p) (put-bytevector (if (null? p) (standard-output-port) (car p)) bv))
  (define (open-input-bytevector bv) (open-bytevector-input-port bv))
  (define extractors (make-weak-eq-hashtable))
  (define (open-output-bytevector)
    (let-values ([(p get) (open-bytevector-output-port)])
      (hashtable-set! extractors p get)
      p))
  (define (get-output-bytevector p) ((hashtable-ref extractors p #f))))
