package codegen

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"

	"github.com/lambdust/lambdust"
)

// This file is the build cache: binaries are kept under the user cache
// directory, addressed by a hash of everything that determines them — the
// generated Go, the runtime source (through its content-addressed
// directory), the compiler version, the Go toolchain and the target — so
// building or running an unchanged program again skips go build entirely,
// and any change to the program, the compiler or the target rebuilds.

// Target returns the GOOS and GOARCH a build with opt produces: the
// options, else $GOOS/$GOARCH, else the host.
func (opt BuildOptions) Target() (goos, goarch string) {
	goos, goarch = opt.GOOS, opt.GOARCH
	if goos == "" {
		goos = os.Getenv("GOOS")
	}
	if goos == "" {
		goos = runtime.GOOS
	}
	if goarch == "" {
		goarch = os.Getenv("GOARCH")
	}
	if goarch == "" {
		goarch = runtime.GOARCH
	}
	return goos, goarch
}

// CachedBuild returns the path of the cached binary for the program src,
// building it first when it is not in the cache. hit reports whether it
// was already there. opt.Out is ignored.
func CachedBuild(src []byte, opt BuildOptions) (path string, hit bool, err error) {
	rtDir, err := RuntimeDir()
	if err != nil {
		return "", false, fmt.Errorf("writing the runtime source: %w", err)
	}
	goos, goarch := opt.Target()
	h := sha256.New()
	fmt.Fprintf(h, "lambdust %s\ngo %s\nruntime %s\ntarget %s/%s\n", lambdust.Version, runtime.Version(), filepath.Base(rtDir), goos, goarch)
	h.Write(src)
	key := hex.EncodeToString(h.Sum(nil))[:24]
	cache, err := CacheDir()
	if err != nil {
		return "", false, err
	}
	name := "prog"
	if goos == "windows" {
		name += ".exe"
	}
	path = filepath.Join(cache, "bin", key, name)
	if fileExists(path) {
		if opt.Verbose != nil {
			opt.Verbose("cache hit: %s", path)
		}
		return path, true, nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return "", false, err
	}
	tmp := path + fmt.Sprintf(".tmp%d", os.Getpid())
	opt.Out = tmp
	opt.GOOS, opt.GOARCH = goos, goarch
	if err := BuildProgram(src, opt); err != nil {
		os.Remove(tmp)
		return "", false, err
	}
	if err := os.Rename(tmp, path); err != nil {
		return "", false, err
	}
	return path, false, nil
}

// CopyFile copies the binary at from to to, executable.
func CopyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	tmp := to + ".tmp"
	out, err := os.OpenFile(tmp, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o755)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		os.Remove(tmp)
		return err
	}
	if err := out.Close(); err != nil {
		os.Remove(tmp)
		return err
	}
	return os.Rename(tmp, to)
}

// CleanCache removes the cache directory and reports what it held.
func CleanCache() (dir string, bytes int64, err error) {
	dir, err = CacheDir()
	if err != nil {
		return "", 0, err
	}
	filepath.Walk(dir, func(_ string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			bytes += info.Size()
		}
		return nil
	})
	return dir, bytes, os.RemoveAll(dir)
}
