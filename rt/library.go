package rt

// Parts of the standard library written in Scheme (scheme/*.scm) are
// compiled into this package ahead of time; regenerate them with
// `go generate ./rt` (see codegen/runtime.go).
//
//go:generate go run -tags lambdust_bootstrap ../cmd/lambdustc gen --runtime -o zz_srfi132.go scheme/srfi132.scm

import (
	"sort"
	"sync"
)

// This file holds the registry of libraries the runtime provides: the
// R7RS standard libraries ((scheme base) ... (scheme r5rs)) and the SRFIs.
// A library here is only a name and the identifiers it exports; the
// expander resolves each exported identifier to a special form or macro it
// knows, or to the global of that name (a primitive defined with Define,
// or a definition of Scheme code compiled into the runtime).

// Library is a library provided by the runtime.
type Library struct {
	Name    string   // written form, e.g. "(scheme base)", "(srfi 1)"
	Exports []string // exported identifiers, sorted
}

var libraries = struct {
	sync.RWMutex
	m map[string]*Library
}{m: map[string]*Library{}}

// RegisterLibrary records that the runtime provides the library named name
// (its written form, "(srfi 1)") exporting the given identifiers. A second
// registration of the same name adds to its exports.
func RegisterLibrary(name string, exports ...string) {
	libraries.Lock()
	defer libraries.Unlock()
	l := libraries.m[name]
	if l == nil {
		l = &Library{Name: name}
		libraries.m[name] = l
	}
	seen := make(map[string]bool, len(l.Exports))
	for _, e := range l.Exports {
		seen[e] = true
	}
	for _, e := range exports {
		if !seen[e] {
			seen[e] = true
			l.Exports = append(l.Exports, e)
		}
	}
	sort.Strings(l.Exports)
}

// LookupLibrary returns the runtime library written name, or nil.
func LookupLibrary(name string) *Library {
	libraries.RLock()
	defer libraries.RUnlock()
	return libraries.m[name]
}

// AllLibraries returns every runtime library, sorted by name.
func AllLibraries() []*Library {
	libraries.RLock()
	out := make([]*Library, 0, len(libraries.m))
	for _, l := range libraries.m {
		out = append(out, l)
	}
	libraries.RUnlock()
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}
