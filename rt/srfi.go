package rt

// srfiSyntax lists the syntactic keywords the SRFI libraries export; the
// expander provides them (analyze/prelude.scm and the core forms).
var srfiSyntax = []string{"receive", "and-let*", "cut", "cute", "<>", "<...>",
	"test-assert", "test-equal", "test-eqv", "test-eq", "test-approximate",
	"test-error", "test-group"}

// The SRFIs whose exports are syntax or procedures R7RS already has are
// registered here; the others register next to their implementation.
func init() {
	RegisterLibrary("(srfi 2)", "and-let*")
	RegisterLibrary("(srfi 8)", "receive")
	RegisterLibrary("(srfi 9)", "define-record-type")
	RegisterLibrary("(srfi 23)", "error")
	RegisterLibrary("(srfi 26)", "cut", "cute", "<>", "<...>")
	RegisterLibrary("(srfi 39)", "make-parameter", "parameterize")
}
