// Package lambdust holds what the lambdustc binary carries with it: the
// source of the runtime (packages rt and parse, plus analyze and interp for eval), which every compiled
// program links. Embedding it lets `lambdustc build` work offline with an
// empty module cache (DESIGN §7).
package lambdust

import "embed"

// RuntimeSource is the runtime's source tree: rt/ and parse/, and analyze/
// and interp/ for programs that use eval (test files included; writers skip
// them).
//
//go:embed rt/*.go parse/*.go analyze/*.go analyze/*.scm interp/*.go
var RuntimeSource embed.FS

// Module is the runtime's module path.
const Module = "github.com/lambdust/lambdust"

// Version is the toolchain version, part of every build cache key.
const Version = "0.1.0-dev"
