// Package repl is lambdustc's read-eval-print loop: the interpreter over a
// persistent analyze.Session, with line editing and history when stdin is
// a terminal (github.com/peterh/liner) and plain line reading otherwise,
// so sessions can be scripted.
package repl

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/peterh/liner"

	"github.com/lambdust/lambdust/analyze"
	"github.com/lambdust/lambdust/interp"
	"github.com/lambdust/lambdust/parse"
	"github.com/lambdust/lambdust/rt"
)

// Config sets up a REPL.
type Config struct {
	LibPath     []string  // library search path
	In          io.Reader // input when not a terminal
	Out, Err    io.Writer
	Interactive bool   // stdin is a terminal: line editing, prompts, history
	HistoryFile string // "" for none
}

const help = `Enter Scheme expressions and definitions; an expression's value is printed.
Input continues over several lines until the parentheses balance.
Commands:
  ,help          this text
  ,time EXPR     evaluate EXPR and print how long it took
  ,expand EXPR   print EXPR after macro expansion, as core IR
  ,explain EXPR  print EXPR after the analysis passes (tail calls, known procedures)
  ,load FILE     load a Scheme file into the session
  ,quit          leave (so does end of input)
`

// REPL is one session.
type REPL struct {
	cfg     Config
	sess    *analyze.Session
	globals *interp.Globals
	n       int // inputs so far, to name them
}

// Run runs a session until ,quit or the end of input. It returns the exit
// status for lambdustc.
func Run(cfg Config) int {
	sess, err := analyze.NewSession("repl", nil, analyze.Options{LibPath: cfg.LibPath})
	if err != nil {
		fmt.Fprintln(cfg.Err, err)
		return 1
	}
	r := &REPL{cfg: cfg, sess: sess, globals: interp.NewGlobals()}
	var read func(prompt string) (string, error)
	if cfg.Interactive {
		ln := liner.NewLiner()
		defer ln.Close()
		ln.SetCtrlCAborts(true)
		if cfg.HistoryFile != "" {
			if f, err := os.Open(cfg.HistoryFile); err == nil {
				ln.ReadHistory(f)
				f.Close()
			}
			defer func() {
				os.MkdirAll(filepath.Dir(cfg.HistoryFile), 0o755)
				if f, err := os.Create(cfg.HistoryFile); err == nil {
					ln.WriteHistory(f)
					f.Close()
				}
			}()
		}
		read = func(prompt string) (string, error) {
			line, err := ln.Prompt(prompt)
			if err == nil && strings.TrimSpace(line) != "" {
				ln.AppendHistory(line)
			}
			if err == liner.ErrPromptAborted {
				return "", nil // ^C abandons the current input
			}
			return line, err
		}
		fmt.Fprintln(cfg.Out, "Lambdust REPL — ,help for commands, ,quit to leave")
	} else {
		sc := bufio.NewScanner(cfg.In)
		sc.Buffer(make([]byte, 1<<20), 1<<24)
		read = func(string) (string, error) {
			if !sc.Scan() {
				if err := sc.Err(); err != nil {
					return "", err
				}
				return "", io.EOF
			}
			return sc.Text(), nil
		}
	}
	var buf strings.Builder
	for {
		prompt := "> "
		if buf.Len() > 0 {
			prompt = "... "
		}
		line, err := read(prompt)
		if err != nil {
			if buf.Len() > 0 {
				r.input(buf.String()) // report the unfinished input
			}
			return 0
		}
		if buf.Len() == 0 && strings.HasPrefix(strings.TrimSpace(line), ",") {
			if r.command(strings.TrimSpace(line)) {
				return 0
			}
			continue
		}
		buf.WriteString(line)
		buf.WriteByte('\n')
		if incomplete(buf.String()) {
			continue
		}
		r.input(buf.String())
		buf.Reset()
	}
}

// incomplete reports whether src ends inside a datum, so the REPL should
// read another line.
func incomplete(src string) bool {
	_, err := parse.ReadAll("repl", src)
	var el parse.ErrorList
	if !errors.As(err, &el) || len(el) == 0 {
		return false
	}
	msg := el[len(el)-1].Msg
	return strings.HasPrefix(msg, "unterminated") || strings.HasPrefix(msg, "unexpected end of input")
}

// input evaluates the forms of one input and prints their values.
func (r *REPL) input(src string) {
	r.eval(src, false)
}

// eval reads, expands, runs and prints src; it returns how long running
// took. Errors are printed and never end the session.
func (r *REPL) eval(src string, quiet bool) time.Duration {
	r.n++
	forms, err := parse.ReadAll(fmt.Sprintf("<input %d>", r.n), src)
	if err != nil {
		fmt.Fprintln(r.cfg.Err, err)
		return 0
	}
	if len(forms) == 0 {
		return 0
	}
	prog, err := r.sess.Expand(fmt.Sprintf("<input %d>", r.n), forms)
	if err != nil {
		fmt.Fprintln(r.cfg.Err, err)
		return 0
	}
	p := interp.Compile(prog, r.globals)
	var result rt.Value
	start := time.Now()
	end := rt.Run(func(t *rt.Thread) { result = p.Run(t) })
	elapsed := time.Since(start)
	rt.FlushAll()
	switch e := end.(type) {
	case nil:
		if !quiet && !result.IsUnspec() {
			fmt.Fprintln(r.cfg.Out, rt.WriteString(result))
		}
	case *rt.ExitRequest:
		fmt.Fprintf(r.cfg.Err, "(exit %d ignored: use ,quit to leave the REPL)\n", e.Code)
	default:
		fmt.Fprintln(r.cfg.Err, end.Error())
	}
	return elapsed
}

// command runs a ,command; it reports whether the REPL should end.
func (r *REPL) command(line string) bool {
	name, arg, _ := strings.Cut(line, " ")
	arg = strings.TrimSpace(arg)
	switch name {
	case ",quit", ",q", ",exit":
		return true
	case ",help", ",h", ",?":
		fmt.Fprint(r.cfg.Out, help)
	case ",time":
		d := r.eval(arg, false)
		fmt.Fprintf(r.cfg.Out, ";; %v\n", d.Round(time.Microsecond))
	case ",expand", ",explain":
		r.show(arg, name == ",explain")
	case ",load":
		src, err := os.ReadFile(arg)
		if err != nil {
			fmt.Fprintln(r.cfg.Err, err)
			return false
		}
		r.eval(string(src), true)
	default:
		fmt.Fprintf(r.cfg.Err, "unknown command %s (,help lists them)\n", name)
	}
	return false
}

// show prints the IR of src after expansion only, or after every pass.
func (r *REPL) show(src string, analyzed bool) {
	forms, err := parse.ReadAll("repl", src)
	if err != nil {
		fmt.Fprintln(r.cfg.Err, err)
		return
	}
	sess := r.sess
	opt := analyze.Options{}
	if !analyzed {
		opt.StopAfter = analyze.PassNames()[0]
	}
	prog, err := sess.ExpandWith("repl", forms, opt)
	if err != nil {
		fmt.Fprintln(r.cfg.Err, err)
		return
	}
	fmt.Fprint(r.cfg.Out, analyze.Dump(prog))
}
