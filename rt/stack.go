package rt

import (
	"os"
	"runtime"
	"runtime/metrics"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// This file keeps deep recursion in compiled code a Scheme error
// ("recursion too deep") instead of Go's fatal stack overflow.
//
// Compiled activations live on the Go stack, which Go grows by copying up
// to the limit RunMain sets; past it the process dies. Counting
// activations in and out of every procedure costs about a third of a small
// procedure's call, so instead a watchdog goroutine samples the memory Go
// holds for stacks. When it passes StackLimitBytes the watchdog raises an
// alarm (a new epoch); compiled procedures that can recurse test the alarm
// on entry (StackCheck: one load and a branch) and, once per epoch per
// thread, a thread whose stack is deeper than deepFrames raises the
// error. Filling the stack from the alarm level to Go's limit takes
// seconds, far longer than the watchdog's period.

// StackLimitBytes is the stack memory at which the watchdog sounds the
// alarm: 1 GiB, or LAMBDUST_STACK_MB mebibytes. The interpreter's limit on
// activations moved to the heap follows it (maxHeapFrames).
var StackLimitBytes = stackLimitFromEnv()

func stackLimitFromEnv() uint64 {
	if mb, err := strconv.ParseUint(os.Getenv("LAMBDUST_STACK_MB"), 10, 32); err == nil && mb > 0 {
		return mb << 20
	}
	return 1 << 30
}

// maxHeapFrames bounds the activations an interpreter driver holds on the
// heap (about 100 bytes each, the same budget as compiled code's stack).
func maxHeapFrames() int { return int(StackLimitBytes / 100) }

// deepFrames is how deep a thread's stack must be, in Go frames, for the
// alarm to end its recursion.
const deepFrames = 100000

// stackWatchPeriod is how often the watchdog samples.
const stackWatchPeriod = 5 * time.Millisecond

// stackAlarm is the alarm epoch; 0 when stack memory is below the alarm.
var stackAlarm atomic.Uint32

var startWatch sync.Once

// watchStacks starts the watchdog (once per process).
func watchStacks() {
	startWatch.Do(func() {
		go func() {
			sample := []metrics.Sample{{Name: "/memory/classes/heap/stacks:bytes"}}
			epoch := uint32(0)
			for {
				time.Sleep(stackWatchPeriod)
				metrics.Read(sample)
				if sample[0].Value.Kind() != metrics.KindUint64 {
					return // metric unavailable: nothing to watch
				}
				if sample[0].Value.Uint64() >= StackLimitBytes {
					epoch++
					if epoch == 0 {
						epoch = 1
					}
					stackAlarm.Store(epoch)
				} else if stackAlarm.Load() != 0 {
					stackAlarm.Store(0)
				}
			}
		}()
	})
}

// StackCheck is called on entry to compiled procedures that can recurse.
func (t *Thread) StackCheck() {
	if stackAlarm.Load() != 0 {
		t.stackSlow()
	}
}

func (t *Thread) stackSlow() {
	e := stackAlarm.Load()
	if e == 0 || e == t.stackSeen {
		return
	}
	t.stackSeen = e
	var pc [1]uintptr
	if runtime.Callers(deepFrames, pc[:]) == 0 {
		return // this thread is not the deep one
	}
	t.Errorf("", "recursion too deep (the stack passed %d MiB; set LAMBDUST_STACK_MB to change the limit)", StackLimitBytes>>20)
}
