package analyze

import "github.com/lambdust/lambdust/parse"

// Frontend reads, expands and analyzes a whole program: the common front of
// the interpreter and the compiler. Reader and expander errors come back as
// a parse.ErrorList.
func Frontend(file, src string, opt Options) (*Program, error) {
	forms, err := parse.ReadAll(file, src)
	if err != nil {
		return nil, err
	}
	prog, err := Expand(file, forms, ExpandOptions{LibPath: opt.LibPath})
	if err != nil {
		return nil, err
	}
	if err := Run(prog, opt); err != nil {
		return nil, err
	}
	return prog, nil
}
