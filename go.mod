module github.com/lambdust/lambdust

go 1.26.0

require (
	github.com/dave/jennifer v1.7.1
	github.com/peterh/liner v1.2.2
	github.com/spf13/pflag v1.1.0
	golang.org/x/tools v0.52.0
)

require (
	// cpuid and avo are for the SIMD kernels (asmgen/, DESIGN §8), not yet
	// imported by any package.
	github.com/klauspost/cpuid/v2 v2.4.2 // indirect
	github.com/mattn/go-runewidth v0.0.3 // indirect
	github.com/mmcloughlin/avo v0.5.0 // indirect
	golang.org/x/sys v0.49.0 // indirect
)
