; library declarations included by decls.sld
(export from-declarations)
(begin (define from-declarations 'declarations))
