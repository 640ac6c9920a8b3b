package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// TestScripts runs the end-to-end scripts in testdata/script/*.txtar, in
// the style of cmd/go's script tests. Each archive's comment is the
// script; its files are written to a fresh directory, where the script
// runs. Commands:
//
//	exec ARGS...        run lambdustc ARGS (must exit 0); "! exec" must fail
//	status N            the last exec exited with status N
//	stdin FILE          feed FILE to the next exec
//	stdout REGEXP       the last exec's stdout matches (multi-line mode);
//	stderr REGEXP       likewise stderr; "! stdout"/"! stderr" must not match
//	cmp stdout FILE     stdout is exactly FILE (also cmp stderr FILE)
//	env KEY=VALUE       set an environment variable for later execs
//	chmod MODE FILE     change a file's mode (octal)
//	exists FILE         FILE exists; "! exists" must not
//	run FILE ARGS...    run a program the script built (must exit 0)
//
// $WORK is the script's directory. Every script gets its own build cache.
func TestScripts(t *testing.T) {
	files, _ := filepath.Glob("testdata/script/*.txtar")
	if len(files) == 0 {
		t.Fatal("no scripts in testdata/script")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			t.Parallel()
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			runScript(t, ar)
		})
	}
}

type scriptState struct {
	t              *testing.T
	dir            string
	env            []string
	stdin          []byte
	stdout, stderr string
	status         int
}

func runScript(t *testing.T, ar *txtar.Archive) {
	st := &scriptState{t: t, dir: t.TempDir()}
	st.env = append(os.Environ(), "LAMBDUST_CACHE="+filepath.Join(st.dir, ".cache"), "WORK="+st.dir,
		"PATH="+filepath.Dir(lambdustc)+string(os.PathListSeparator)+os.Getenv("PATH"))
	for _, f := range ar.Files {
		p := filepath.Join(st.dir, f.Name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for i, line := range strings.Split(string(ar.Comment), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		neg := false
		if rest, ok := strings.CutPrefix(line, "! "); ok {
			neg, line = true, rest
		}
		args := splitArgs(os.Expand(line, func(k string) string {
			if k == "WORK" {
				return st.dir
			}
			return os.Getenv(k)
		}))
		st.do(i+1, neg, args)
		if t.Failed() {
			t.Logf("script stopped at line %d: %s\nstdout:\n%s\nstderr:\n%s", i+1, line, st.stdout, st.stderr)
			return
		}
	}
}

func (st *scriptState) do(n int, neg bool, args []string) {
	t := st.t
	switch cmd := args[0]; cmd {
	case "exec", "run":
		var c *exec.Cmd
		if cmd == "exec" {
			c = exec.Command(lambdustc, args[1:]...)
		} else {
			c = exec.Command(filepath.Join(st.dir, args[1]), args[2:]...)
		}
		c.Dir, c.Env = st.dir, st.env
		c.Stdin = bytes.NewReader(st.stdin)
		st.stdin = nil
		var o, e bytes.Buffer
		c.Stdout, c.Stderr = &o, &e
		err := c.Run()
		st.stdout, st.stderr, st.status = o.String(), e.String(), 0
		if ee, ok := err.(*exec.ExitError); ok {
			st.status = ee.ExitCode()
		} else if err != nil {
			t.Fatalf("line %d: %v", n, err)
		}
		if (st.status != 0) != neg {
			t.Errorf("line %d: %s exited with status %d", n, strings.Join(args, " "), st.status)
		}
	case "status":
		want, _ := strconv.Atoi(args[1])
		if st.status != want {
			t.Errorf("line %d: status %d, want %d", n, st.status, want)
		}
	case "stdin":
		b, err := os.ReadFile(filepath.Join(st.dir, args[1]))
		if err != nil {
			t.Fatalf("line %d: %v", n, err)
		}
		st.stdin = b
	case "stdout", "stderr":
		text := st.stdout
		if cmd == "stderr" {
			text = st.stderr
		}
		re, err := regexp.Compile("(?m)" + args[1])
		if err != nil {
			t.Fatalf("line %d: %v", n, err)
		}
		if re.MatchString(text) == neg {
			t.Errorf("line %d: %s %s %q", n, cmd, map[bool]string{false: "does not match", true: "matches"}[neg], args[1])
		}
	case "cmp":
		text := st.stdout
		if args[1] == "stderr" {
			text = st.stderr
		}
		want, err := os.ReadFile(filepath.Join(st.dir, args[2]))
		if err != nil {
			t.Fatalf("line %d: %v", n, err)
		}
		if text != string(want) {
			t.Errorf("line %d: %s differs from %s\ngot:\n%s\nwant:\n%s", n, args[1], args[2], text, want)
		}
	case "chmod":
		mode, _ := strconv.ParseUint(args[1], 8, 32)
		if err := os.Chmod(filepath.Join(st.dir, args[2]), os.FileMode(mode)); err != nil {
			t.Fatalf("line %d: %v", n, err)
		}
	case "env":
		st.env = append(st.env, args[1])
	case "exists":
		_, err := os.Stat(filepath.Join(st.dir, args[1]))
		if (err == nil) == neg {
			t.Errorf("line %d: exists %s: %v", n, args[1], err == nil)
		}
	default:
		t.Fatalf("line %d: unknown script command %q", n, cmd)
	}
}

// splitArgs splits a script line into words; single quotes group.
func splitArgs(line string) []string {
	var args []string
	var cur strings.Builder
	inQuote, have := false, false
	for _, r := range line {
		switch {
		case r == '\'':
			inQuote, have = !inQuote, true
		case r == ' ' && !inQuote:
			if have {
				args = append(args, cur.String())
				cur.Reset()
				have = false
			}
		default:
			cur.WriteRune(r)
			have = true
		}
	}
	if have {
		args = append(args, cur.String())
	}
	return args
}
