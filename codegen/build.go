package codegen

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/lambdust/lambdust"
)

// This file is the build driver: it lays out a Go module for generated code
// next to a copy of the runtime source that the lambdustc binary carries,
// and runs go build with the network off.

// BuildOptions controls go build.
type BuildOptions struct {
	Out    string // output binary path
	GOOS   string // cross-compilation target; "" for the host (or $GOOS)
	GOARCH string
	// WorkDir is where the module is laid out; "" makes a temporary one
	// that is removed after a successful build.
	WorkDir string
	// Verbose receives progress lines (may be nil).
	Verbose func(format string, args ...any)
}

// BuildError is a failed go build: a compiler bug, since generated code
// should always build. The work directory is kept for inspection.
type BuildError struct {
	Output  string
	WorkDir string
}

func (e *BuildError) Error() string {
	return fmt.Sprintf("internal error: go build of the generated code failed (work directory kept at %s):\n%s", e.WorkDir, e.Output)
}

// CacheDir is lambdust's directory under the user cache.
func CacheDir() (string, error) {
	if d := os.Getenv("LAMBDUST_CACHE"); d != "" {
		return d, nil
	}
	base, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(base, "lambdust"), nil
}

// RuntimeDir writes the embedded runtime source to the cache (once per
// content hash) and returns its directory, a module rooted at
// github.com/lambdust/lambdust.
func RuntimeDir() (string, error) {
	var files []string
	err := fs.WalkDir(lambdust.RuntimeSource, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(path, "_test.go") {
			return err
		}
		files = append(files, path)
		return nil
	})
	if err != nil {
		return "", err
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\n%s\n", lambdust.Version, runtime.Version())
	contents := map[string][]byte{}
	for _, f := range files {
		b, err := lambdust.RuntimeSource.ReadFile(f)
		if err != nil {
			return "", err
		}
		contents[f] = b
		fmt.Fprintf(h, "%s %d\n", f, len(b))
		h.Write(b)
	}
	cache, err := CacheDir()
	if err != nil {
		return "", err
	}
	dir := filepath.Join(cache, "runtime-"+hex.EncodeToString(h.Sum(nil))[:16])
	if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
		return dir, nil
	}
	if err := os.MkdirAll(cache, 0o755); err != nil {
		return "", err
	}
	tmp, err := os.MkdirTemp(cache, "runtime-tmp-")
	if err != nil {
		return "", err
	}
	for _, f := range files {
		p := filepath.Join(tmp, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return "", err
		}
		if err := os.WriteFile(p, contents[f], 0o644); err != nil {
			return "", err
		}
	}
	// The runtime uses only the standard library, so its go.mod needs no
	// requirements and the build needs no module downloads.
	gomod := fmt.Sprintf("module %s\n\ngo 1.26\n", lambdust.Module)
	if err := os.WriteFile(filepath.Join(tmp, "go.mod"), []byte(gomod), 0o644); err != nil {
		return "", err
	}
	if err := os.Rename(tmp, dir); err != nil {
		os.RemoveAll(tmp)
		if _, statErr := os.Stat(filepath.Join(dir, "go.mod")); statErr == nil {
			return dir, nil // another build won the race
		}
		return "", err
	}
	return dir, nil
}

// WriteModule lays out a Go module in dir holding files (relative path ->
// contents) that import the runtime.
func WriteModule(dir string, files map[string][]byte) error {
	rtDir, err := RuntimeDir()
	if err != nil {
		return fmt.Errorf("writing the runtime source: %w", err)
	}
	gomod := fmt.Sprintf("module lambdustprog\n\ngo 1.26\n\nrequire %s v0.0.0\n\nreplace %s => %s\n",
		lambdust.Module, lambdust.Module, rtDir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(gomod), 0o644); err != nil {
		return err
	}
	for name, b := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// GoBuild runs go build in a module directory laid out by WriteModule.
func GoBuild(dir string, opt BuildOptions) error {
	out, err := filepath.Abs(opt.Out)
	if err != nil {
		return err
	}
	cmd := exec.Command(goTool(), "build", "-trimpath", "-o", out, ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(),
		"CGO_ENABLED=0",
		"GOPROXY=off",
		"GOFLAGS=-mod=mod",
		"GOWORK=off",
		"GOTOOLCHAIN=local",
	)
	if opt.GOOS != "" {
		cmd.Env = append(cmd.Env, "GOOS="+opt.GOOS)
	}
	if opt.GOARCH != "" {
		cmd.Env = append(cmd.Env, "GOARCH="+opt.GOARCH)
	}
	if opt.Verbose != nil {
		opt.Verbose("go build in %s", dir)
	}
	if b, err := cmd.CombinedOutput(); err != nil {
		return &BuildError{Output: strings.TrimSpace(string(b)) + "\n(" + err.Error() + ")", WorkDir: dir}
	}
	return nil
}

// goTool finds the go command: $GOROOT/bin/go of the toolchain lambdustc was
// built with when present, else go on PATH.
func goTool() string {
	if p := filepath.Join(runtime.GOROOT(), "bin", "go"); fileExists(p) {
		return p
	}
	return "go"
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// BuildProgram generates the module for one program's Go source and
// builds it into opt.Out.
func BuildProgram(src []byte, opt BuildOptions) error {
	dir := opt.WorkDir
	if dir == "" {
		tmp, err := os.MkdirTemp("", "lambdust-build-")
		if err != nil {
			return err
		}
		dir = tmp
	}
	if err := WriteModule(dir, map[string][]byte{"main.go": src}); err != nil {
		return err
	}
	if err := GoBuild(dir, opt); err != nil {
		return err
	}
	if opt.WorkDir == "" {
		os.RemoveAll(dir)
	}
	return nil
}
