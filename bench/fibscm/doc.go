// Package fibscm holds benchmarks/fib.scm compiled to Go, so Go benchmarks
// can compare the compiled Scheme with hand-written Go in the same run:
//
//	go test -bench . ./bench/fibscm
//
// Regenerate fib.go with `go generate ./bench/...`.
package fibscm

//go:generate go run ../../cmd/lambdustc gen ../../benchmarks/fib.scm -o fib.go --package fibscm
