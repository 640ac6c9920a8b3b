package rt

import (
	"fmt"
	"strings"
	"sync"
	"testing"
)

// TestSharedStateConcurrently exercises, from many goroutines with their
// own threads, the runtime state they share: the symbol table, the
// primitive and library registries, a shared output port and procedures
// called through the registry. Run with -race (issue 4's quality bar).
func TestSharedStateConcurrently(t *testing.T) {
	shared := OpenOutputString()
	var wg sync.WaitGroup
	const workers, rounds = 8, 200
	syms := make([][]Value, workers)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			th := NewThread()
			list := LookupPrim("list").Proc
			for i := 0; i < rounds; i++ {
				name := fmt.Sprintf("sym-%d", i%50)
				s := StringToSymbol(th, Str(name))
				syms[w] = append(syms[w], s)
				if LookupLibrary("(scheme base)") == nil || LookupPrim("car") == nil {
					t.Error("registry lookup failed")
					return
				}
				v := th.CallN(NewProc(list), []Value{s, Fixnum(int64(i))})
				Display(th, []Value{v, shared.Value()})
			}
		}()
	}
	wg.Wait()
	// Interning is consistent: every goroutine got the same symbol for
	// the same name.
	for w := 1; w < workers; w++ {
		for i := range syms[w] {
			if syms[w][i] != syms[0][i] {
				t.Fatalf("worker %d got a different symbol for %s", w, WriteString(syms[w][i]))
			}
		}
	}
	out := DisplayString(GetOutputString(NewThread(), shared.Value()))
	if got := strings.Count(out, "(sym-"); got != workers*rounds {
		t.Fatalf("shared port holds %d writes, want %d", got, workers*rounds)
	}
}
