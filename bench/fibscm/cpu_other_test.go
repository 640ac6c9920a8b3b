//go:build !linux

package fibscm

import "time"

// threadCPU is not measured off Linux: the benchmarks report wall time only.
func threadCPU() (time.Duration, bool) { return 0, false }
