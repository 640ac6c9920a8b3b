// Package factscm holds fact.scm compiled to Go, to measure the worst case
// of fxspec's speculation: a recursion whose int64 entry overflows deep
// inside and has to rerun as generic code.
//
//	go test -bench . ./bench/factscm
//
// Regenerate fact.go with `go generate ./bench/...`.
package factscm

//go:generate go run ../../cmd/lambdustc gen fact.scm -o fact.go --package factscm
