package driver

// Explain is `lambdustc explain`: it runs the front end over cfg.File and
// prints every optimisation decision the passes noted, sorted by position,
// in the style of `go build -gcflags=-m` (file:line:col: message). `build
// -m` prints the same on stderr while it builds (Config.Explain).
func Explain(cfg Config) int {
	cfg.Explain = false
	prog, err := Frontend(&cfg)
	if err != nil {
		return report(&cfg, err)
	}
	prog.WriteNotes(cfg.Stdout)
	return 0
}
