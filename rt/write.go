package rt

import (
	"strconv"
	"strings"
	"unsafe"
)

// This file is the printer for pairs and vectors, with datum labels
// (R7RS 2.4, 6.13.3). print.go prints the atoms.
//
// Three label modes:
//
//   - labelCycles (write, display, WriteString, DisplayString): labels only
//     for objects that lie on a cycle, so any structure prints in finite
//     time and acyclic structure prints without labels, however shared.
//   - labelShared (write-shared): labels for every pair and vector that is
//     reached more than once.
//   - labelNone (write-simple): no labels; circular structure never ends.
//
// In labelCycles mode the printer first prints optimistically, with no
// bookkeeping beyond Brent's cycle check along each cdr spine and a limit on
// nesting depth: printing runs forever exactly when the structure has a
// cycle, which then shows as a spine that loops or as unbounded nesting.
// Printing that finishes has no cycle, so its output is right. If the
// spine check fires, or the nesting depth or a node budget runs out, the
// printer finds the cycles with a depth-first search (findLabels: every
// cycle contains a back edge, and labelling the targets of back edges
// breaks them all) and prints again with labels.
//
// Lists are walked iteratively along the cdr, and the search keeps an
// explicit stack, so long lists do not deepen the Go stack.

type labelMode uint8

const (
	labelCycles labelMode = iota
	labelShared
	labelNone
)

// Limits of the optimistic pass: nodes printed and nesting depth.
const (
	naiveBudget   = 1 << 22
	naiveMaxDepth = 1000
)

type printer struct {
	b      *strings.Builder
	write  bool
	labels map[unsafe.Pointer]int // objects to label: -1 until printed, then the label
	next   int                    // next label number

	// The optimistic pass (naive): no labels, bounded, gives up by
	// setting over.
	naive  bool
	budget int // nodes left
	depth  int
	over   bool
}

// printLabeled writes v to b in the given mode.
func printLabeled(b *strings.Builder, v Value, write bool, mode labelMode) {
	if !v.IsPair() && !v.IsVector() {
		printValue(b, v, write)
		return
	}
	switch mode {
	case labelNone:
		(&printer{b: b, write: write}).print(v)
	case labelShared:
		(&printer{b: b, write: write, labels: findLabels(v, true, 0)}).print(v)
	default:
		var tmp strings.Builder
		pr := &printer{b: &tmp, write: write, naive: true, budget: naiveBudget}
		pr.print(v)
		if !pr.over {
			b.WriteString(tmp.String())
			return
		}
		hint := naiveBudget - pr.budget
		(&printer{b: b, write: write, labels: findLabels(v, false, hint)}).print(v)
	}
}

// WriteShared returns v as write-shared prints it.
func WriteShared(v Value) string {
	var b strings.Builder
	printLabeled(&b, v, true, labelShared)
	return b.String()
}

// WriteSimple returns v as write-simple prints it. It does not return for
// circular structure.
func WriteSimple(v Value) string {
	var b strings.Builder
	printLabeled(&b, v, true, labelNone)
	return b.String()
}

// findLabels returns the pairs and vectors in v that need labels: those on
// a cycle, or with shared set every one reached more than once. hint is a
// guess at the number of nodes.
//
// It is a depth-first search with an explicit stack. A frame walks a whole
// cdr spine, so the pairs of a spine share their frame: a node is recorded
// once, with the depth and id of the frame that reached it, and it is on
// the search path (a back edge closes a cycle) exactly when that frame is
// still on the stack. One map insertion per node, no "done" marking.
func findLabels(v Value, shared bool, hint int) map[unsafe.Pointer]int {
	seen := make(map[unsafe.Pointer]uint64, hint)
	labels := map[unsafe.Pointer]int{}
	type frame struct {
		cur   Value // the pair of the spine being walked, or the vector
		i     int   // vector: next index; pair: 0 car next, 1 cdr next, 2 tail entered
		id    uint32
		depth uint32
	}
	var stack []frame
	var ids uint32
	onPath := func(st uint64) bool {
		d, id := st>>32, uint32(st)
		return d < uint64(len(stack)) && stack[d].id == id
	}
	// meet handles an edge to x; it reports whether x is new, and records
	// it as reached from frame depth d with id.
	meet := func(x Value, d, id uint32) bool {
		st, ok := seen[x.p]
		if !ok {
			seen[x.p] = uint64(d)<<32 | uint64(id)
			return true
		}
		if shared || onPath(st) {
			labels[x.p] = -1
		}
		return false
	}
	enter := func(x Value) {
		if !x.IsPair() && !x.IsVector() {
			return
		}
		ids++
		d := uint32(len(stack))
		if meet(x, d, ids) {
			stack = append(stack, frame{cur: x, id: ids, depth: d})
		}
	}
	enter(v)
	for len(stack) > 0 {
		f := &stack[len(stack)-1]
		if f.cur.IsPair() {
			p := f.cur.Pair()
			switch f.i {
			case 0:
				f.i = 1
				enter(p.Car)
				continue
			case 1:
				if next := p.Cdr; next.IsPair() {
					if meet(next, f.depth, f.id) {
						f.cur, f.i = next, 0
						continue
					}
				} else if next.IsVector() {
					// Keep the spine on the path while the tail is searched.
					f.i = 2
					enter(next)
					continue
				}
			}
		} else if items := f.cur.Vec().Items; f.i < len(items) {
			f.i++
			enter(items[f.i-1])
			continue
		}
		stack = stack[:len(stack)-1]
	}
	return labels
}

// tick counts a node against the optimistic budget.
func (pr *printer) tick() bool {
	if pr.naive {
		if pr.budget == 0 {
			pr.over = true
			return false
		}
		pr.budget--
	}
	return true
}

func (pr *printer) labeled(p unsafe.Pointer) bool {
	if pr.labels == nil {
		return false
	}
	_, ok := pr.labels[p]
	return ok
}

// label prints #n# and reports true when p was printed before, or prints
// #n= when p needs a label and is printed now.
func (pr *printer) label(p unsafe.Pointer) bool {
	if pr.labels == nil {
		return false
	}
	n, ok := pr.labels[p]
	if !ok {
		return false
	}
	if n >= 0 {
		pr.b.WriteByte('#')
		pr.b.WriteString(strconv.Itoa(n))
		pr.b.WriteByte('#')
		return true
	}
	n = pr.next
	pr.next++
	pr.labels[p] = n
	pr.b.WriteByte('#')
	pr.b.WriteString(strconv.Itoa(n))
	pr.b.WriteByte('=')
	return false
}

func (pr *printer) print(v Value) {
	if pr.over {
		return
	}
	switch {
	case v.IsPair():
		pr.list(v)
	case v.IsVector():
		pr.vector(v)
	default:
		printValue(pr.b, v, pr.write)
	}
}

func (pr *printer) list(v Value) {
	if !pr.tick() || pr.label(v.p) {
		return
	}
	if pr.naive {
		if pr.depth++; pr.depth > naiveMaxDepth {
			pr.over = true
			return
		}
		defer func() { pr.depth-- }()
	}
	pr.b.WriteByte('(')
	pr.print(v.Pair().Car)
	rest := v.Pair().Cdr
	tortoise, power, lam := v, 1, 1 // Brent's cycle detection
	for !pr.over {
		if rest.IsNull() {
			break
		}
		if rest.IsPair() && !pr.labeled(rest.p) {
			if pr.naive {
				if Eq(rest, tortoise) {
					pr.over = true
					return
				}
				if power == lam {
					tortoise, power, lam = rest, power*2, 0
				}
				lam++
			}
			if !pr.tick() {
				return
			}
			pr.b.WriteByte(' ')
			pr.print(rest.Pair().Car)
			rest = rest.Pair().Cdr
			continue
		}
		pr.b.WriteString(" . ")
		pr.print(rest)
		break
	}
	pr.b.WriteByte(')')
}

func (pr *printer) vector(v Value) {
	if !pr.tick() || pr.label(v.p) {
		return
	}
	if pr.naive {
		if pr.depth++; pr.depth > naiveMaxDepth {
			pr.over = true
			return
		}
		defer func() { pr.depth-- }()
	}
	pr.b.WriteString("#(")
	for i, x := range v.Vec().Items {
		if pr.over {
			return
		}
		if i > 0 {
			pr.b.WriteByte(' ')
		}
		pr.print(x)
	}
	pr.b.WriteByte(')')
}
