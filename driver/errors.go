package driver

import (
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/lambdust/lambdust/parse"
)

// This file prints compile errors the way users of Go's toolchain expect:
// file:line:col: message, then the source line with a caret under the
// column.

// formatError renders err; positioned errors get their source line and a
// caret.
func formatError(err error) string {
	var list parse.ErrorList
	var one *parse.Error
	switch {
	case errors.As(err, &list):
	case errors.As(err, &one):
		list = parse.ErrorList{one}
	default:
		return err.Error()
	}
	// In source order, as a reader of the file meets them.
	list = append(parse.ErrorList(nil), list...)
	sort.SliceStable(list, func(i, j int) bool {
		a, b := list[i].Pos, list[j].Pos
		if a.File != b.File {
			return false
		}
		return a.Line < b.Line || (a.Line == b.Line && a.Col < b.Col)
	})
	sources := map[string][]string{}
	var b strings.Builder
	for _, e := range list {
		b.WriteString(e.Error())
		b.WriteByte('\n')
		lines, ok := sources[e.Pos.File]
		if !ok {
			if src, err := os.ReadFile(e.Pos.File); err == nil {
				lines = strings.Split(string(src), "\n")
			}
			sources[e.Pos.File] = lines
		}
		if e.Pos.Line < 1 || int(e.Pos.Line) > len(lines) {
			continue
		}
		b.WriteString(caret(lines[e.Pos.Line-1], int(e.Pos.Col)))
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// caret returns the source line, indented, and a caret under column col
// (counted in runes, from 1). Tabs are kept in the caret line so it lines
// up however the terminal shows them.
func caret(line string, col int) string {
	line = strings.TrimRight(line, "\r")
	rs := []rune(line)
	if col < 1 || col > len(rs)+1 {
		return ""
	}
	var pad strings.Builder
	for _, r := range rs[:col-1] {
		if r == '\t' {
			pad.WriteByte('\t')
		} else {
			pad.WriteByte(' ')
		}
	}
	return fmt.Sprintf("    %s\n    %s^\n", line, pad.String())
}
