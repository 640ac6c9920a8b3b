package rt

import (
	"strings"
	"testing"
)

// A Go runtime fault inside code running on a thread comes back as a
// Scheme error, never as a Go panic or trace.
func TestRunReportsGoFaults(t *testing.T) {
	end := Run(func(t *Thread) {
		var xs []int
		i := 5
		_ = xs[i]
	})
	u, ok := end.(*Uncaught)
	if !ok {
		t.Fatalf("Run returned %T %v, want *Uncaught", end, end)
	}
	msg := u.Error()
	if !strings.Contains(msg, "internal runtime fault: runtime error: index out of range") || strings.Contains(msg, ".go") {
		t.Errorf("message %q", msg)
	}
	end = Run(func(t *Thread) {
		var p *Pair
		_ = p.Car
	})
	if u, ok := end.(*Uncaught); !ok || !strings.Contains(u.Error(), "nil pointer dereference") {
		t.Errorf("nil dereference: %v", end)
	}
}
