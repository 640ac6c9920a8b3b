package analyze

import (
	"fmt"
	"io"
	"sort"

	"github.com/lambdust/lambdust/parse"
)

// Note is one optimisation decision, at the source position it concerns.
// `lambdustc explain` prints them in the style of `go build -gcflags=-m`.
type Note struct {
	Pos parse.Pos
	Msg string
}

// note records a decision.
func (p *Program) note(pos parse.Pos, format string, args ...any) {
	p.Notes = append(p.Notes, Note{Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

// SortedNotes returns the notes ordered by position (then by the order the
// passes made them). A note made twice at one position (about inlined
// copies of the same code) is listed once.
func (p *Program) SortedNotes() []Note {
	var ns []Note
	seen := map[Note]bool{}
	for _, n := range p.Notes {
		if !seen[n] {
			seen[n] = true
			ns = append(ns, n)
		}
	}
	sort.SliceStable(ns, func(i, j int) bool {
		a, b := ns[i].Pos, ns[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	return ns
}

// WriteNotes prints every note as `file:line:col: msg`.
func (p *Program) WriteNotes(w io.Writer) {
	for _, n := range p.SortedNotes() {
		fmt.Fprintf(w, "%s: %s\n", n.Pos, n.Msg)
	}
}
