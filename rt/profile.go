package rt

import (
	"fmt"
	"os"
	"runtime/pprof"
)

// startProfile starts Go's CPU profiler when LAMBDUST_CPUPROFILE names a
// file, and returns the function that stops it and writes the profile
// (read it with `go tool pprof BINARY FILE`; compiled procedures appear
// under their Scheme names, see codegen/names.go). A file that cannot be
// created is reported on stderr and the program runs unprofiled.
func startProfile() (stop func()) {
	path := os.Getenv("LAMBDUST_CPUPROFILE")
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err != nil {
		fmt.Fprintf(os.Stderr, "LAMBDUST_CPUPROFILE: %v\n", err)
		return func() {}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		fmt.Fprintf(os.Stderr, "LAMBDUST_CPUPROFILE: %v\n", err)
		f.Close()
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}
