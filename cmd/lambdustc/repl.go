package main

import (
	"io"
	"os"
	"path/filepath"

	"github.com/lambdust/lambdust/repl"
)

func replCmd(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("repl", "lambdustc repl [-I DIR]", stderr)
	var cfg repl.Config
	fs.StringArrayVarP(&cfg.LibPath, "include", "I", nil, "search `DIR` for libraries (foo bar) as DIR/foo/bar.sld")
	if err := fs.Parse(args); err != nil {
		return flagErr(err, stderr)
	}
	if fs.NArg() != 0 {
		fs.Usage()
		return 2
	}
	cfg.LibPath = append(cfg.LibPath, ".")
	cfg.In, cfg.Out, cfg.Err = os.Stdin, stdout, stderr
	if fi, err := os.Stdin.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
		cfg.Interactive = true
		if dir, err := os.UserConfigDir(); err == nil {
			cfg.HistoryFile = filepath.Join(dir, "lambdust", "repl_history")
		}
	}
	return repl.Run(cfg)
}
