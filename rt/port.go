package rt

import (
	"bufio"
	"io"
	"os"
	"sync"
	"unsafe"
)

// Port is a Scheme port. This file holds the minimal textual output ports the
// runtime needs to run programs; ports are buffered and flushed at exit.
type Port struct {
	Name string
	mu   sync.Mutex
	w    *bufio.Writer
}

// NewOutputPort makes a buffered textual output port writing to w.
func NewOutputPort(name string, w io.Writer) *Port {
	p := &Port{Name: name, w: bufio.NewWriterSize(w, 64<<10)}
	registerOpen(p)
	return p
}

// Value returns p as a Scheme value.
func (p *Port) Value() Value { return heap(unsafe.Pointer(p), TPort) }

// PortOf returns v's *Port. v must have type TPort.
func (v Value) Port() *Port { return (*Port)(v.p) }

// WriteString writes s to the port.
func (p *Port) WriteString(s string) {
	p.mu.Lock()
	p.w.WriteString(s)
	p.mu.Unlock()
}

// Flush flushes buffered output.
func (p *Port) Flush() {
	p.mu.Lock()
	p.w.Flush()
	p.mu.Unlock()
}

var openPorts struct {
	sync.Mutex
	ports []*Port
}

func registerOpen(p *Port) {
	openPorts.Lock()
	openPorts.ports = append(openPorts.ports, p)
	openPorts.Unlock()
}

// FlushAll flushes every open output port; Main calls it at exit.
func FlushAll() {
	openPorts.Lock()
	ps := append([]*Port(nil), openPorts.ports...)
	openPorts.Unlock()
	for _, p := range ps {
		p.Flush()
	}
}

// Stdout and Stderr are the standard output ports.
var (
	Stdout = NewOutputPort("stdout", os.Stdout)
	Stderr = NewOutputPort("stderr", os.Stderr)
)

// CurrentOutput returns the thread's current output port.
func (t *Thread) CurrentOutput() *Port { return Stdout }
