; read case-folded by include-ci in decls.sld
(DEFINE SHOUTED 'QUIET)
