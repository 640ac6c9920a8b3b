package rt

import (
	"sort"
	"strings"
	"testing"
)

// providedElsewhere lists exported names that are neither syntax nor
// primitives defined in rt, each with where it comes from. An entry here is
// a known gap or a hand-off, written down so it is visible; the test fails
// when a name becomes a primitive (remove it here) or when an export is
// neither defined nor listed.
var providedElsewhere = map[string]string{}

func TestStandardLibrariesDefined(t *testing.T) {
	if len(AllLibraries()) < 16 {
		t.Fatalf("only %d libraries registered", len(AllLibraries()))
	}
	var missing []string
	used := map[string]bool{}
	for _, lib := range AllLibraries() {
		for _, name := range lib.Exports {
			if IsSyntacticKeyword(name) {
				if LookupPrim(name) != nil {
					t.Errorf("%s: %s is listed as syntax but defined as a primitive", lib.Name, name)
				}
				continue
			}
			if LookupPrim(name) != nil {
				if _, ok := providedElsewhere[name]; ok {
					t.Errorf("%s is a primitive now; remove it from providedElsewhere", name)
				}
				continue
			}
			if _, ok := providedElsewhere[name]; ok {
				used[name] = true
				continue
			}
			missing = append(missing, lib.Name+" "+name)
		}
	}
	for name := range providedElsewhere {
		if !used[name] && LookupPrim(name) == nil {
			t.Errorf("providedElsewhere lists %s, which no library exports", name)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("%d exports neither defined nor listed:\n%s", len(missing), strings.Join(missing, "\n"))
	}
}

func TestStandardLibraryNames(t *testing.T) {
	for _, name := range []string{"(scheme base)", "(scheme case-lambda)", "(scheme char)",
		"(scheme complex)", "(scheme cxr)", "(scheme eval)", "(scheme file)", "(scheme inexact)",
		"(scheme lazy)", "(scheme load)", "(scheme process-context)", "(scheme read)",
		"(scheme repl)", "(scheme time)", "(scheme write)", "(scheme r5rs)"} {
		if LookupLibrary(name) == nil {
			t.Errorf("library %s not registered", name)
		}
	}
	base := LookupLibrary("(scheme base)")
	for _, name := range []string{"car", "define", "vector-map", "-", "_", "read-error?"} {
		if i := sort.SearchStrings(base.Exports, name); i == len(base.Exports) || base.Exports[i] != name {
			t.Errorf("(scheme base) does not export %s", name)
		}
	}
}
