package analyze

import (
	"sort"
	"strings"

	"github.com/lambdust/lambdust/rt"
)

// This file finds the name a misspelt identifier most likely meant, for
// "undefined: strng-length (did you mean string-length?)".

// suggest returns the candidate closest to name by edit distance, or ""
// when none is close enough to be a plausible typo (at most a third of
// the name's length, and at most 3 edits).
func suggest(name string, candidates []string) string {
	best, bestD := "", len(name)/3+1
	if bestD > 3 {
		bestD = 3
	}
	bestD++                        // a candidate must come within the limit
	for _, c := range candidates { // in order of preference: ties go to the first
		if c == name || strings.HasPrefix(c, "%") {
			continue
		}
		if d := editDistance(name, c, bestD); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, or a value
// above max when it exceeds max.
func editDistance(a, b string, max int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > max || -d > max {
		return max + 1
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > max {
			return max + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// visibleNames lists, most likely first, the names a free identifier could
// have meant in env:
// local variables around its first use, the environment's definitions and
// imports, and, for a program without imports, every special form, macro
// and primitive.
func (x *expander) visibleNames(g *Global, env *topEnv) []string {
	var out []string
	group := func(names []string) {
		sort.Strings(names)
		out = append(out, names...)
	}
	group(append([]string(nil), x.nearby[g]...))
	var defs, imports, syntax, prims []string
	for key, other := range x.globals {
		if x.owner[other] == env && other.Defines > 0 {
			defs = append(defs, strings.TrimPrefix(key, env.prefix))
		}
	}
	for n := range env.imports {
		imports = append(imports, n)
	}
	for sc := env.scope; sc != nil; sc = sc.parent {
		for n := range sc.names {
			if !strings.Contains(n, "\x00") {
				syntax = append(syntax, n)
			}
		}
	}
	if env.all {
		for _, p := range rt.AllPrims() {
			prims = append(prims, p.Name)
		}
	}
	group(defs)
	group(imports)
	group(prims)
	group(syntax)
	return out
}

// noteNearby records the local variable names in scope at the first
// reference to g, for suggestions should g turn out undefined.
func (x *expander) noteNearby(g *Global, sc *scope) {
	if _, done := x.nearby[g]; done {
		return
	}
	var names []string
	for ; sc != nil && sc.env == nil; sc = sc.parent {
		for key, b := range sc.names {
			if _, ok := b.(*Var); ok && !strings.Contains(key, "\x00") {
				names = append(names, key)
			}
		}
	}
	x.nearby[g] = names
}
