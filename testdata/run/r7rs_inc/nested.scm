; an include inside an included file
(include "defs2.scm")  ; relative to this file
