package main

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// errSymlink: the program does not write through a symbolic link.
var errSymlink = errors.New("is a symbolic link: give the path of the file itself")

// pending is a file being written: a temporary file in the folder of its path, renamed onto the
// path by commit once every file of the run is complete. Until then the file at the path, if
// any, is untouched; abort removes the temporary file.
type pending struct {
	path string
	f    *os.File
	w    *bufio.Writer
	mode fs.FileMode
}

// create starts writing the file at path. A path whose last element is a symbolic link is
// refused (errSymlink): writing through it would replace a file elsewhere, and renaming onto it
// would replace the link with a file. A file already at the path keeps its permissions; a new
// one is readable by all (0644).
func create(path string) (*pending, error) {
	mode := fs.FileMode(0o644)
	switch fi, err := os.Lstat(path); {
	case err == nil && fi.Mode()&fs.ModeSymlink != 0:
		return nil, fmt.Errorf("%s %w", path, errSymlink)
	case err == nil && !fi.Mode().IsRegular():
		return nil, fmt.Errorf("%s: not a regular file", path)
	case err == nil:
		mode = fi.Mode().Perm()
	case !errors.Is(err, fs.ErrNotExist):
		return nil, err
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return nil, err
	}
	return &pending{path: path, f: f, w: bufio.NewWriterSize(f, 64<<10), mode: mode}, nil
}

// Write writes to the temporary file.
func (p *pending) Write(b []byte) (int, error) { return p.w.Write(b) }

// finish flushes and syncs the temporary file and closes it: its bytes are on the disk, ready to
// be renamed into place.
func (p *pending) finish() error {
	err := p.w.Flush()
	if err == nil {
		err = p.f.Chmod(p.mode)
	}
	if err == nil {
		err = p.f.Sync()
	}
	if cerr := p.f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("%s: %w", p.path, err)
	}
	return nil
}

// abort closes and removes the temporary file.
func (p *pending) abort() {
	p.f.Close()
	os.Remove(p.f.Name())
}

// commit renames the finished files into place, in order, and syncs their folders. The files are
// complete before the first rename, so a failure leaves each path with its old file or its new
// one, never a part of one. On a failure the files not yet renamed are removed.
func commit(files []*pending) error {
	for i, p := range files {
		// The path may have become a symbolic link since create: rename would replace the link,
		// not write through it, but the refusal is the documented behaviour.
		if fi, err := os.Lstat(p.path); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
			discard(files[i:])
			return fmt.Errorf("%s %w", p.path, errSymlink)
		}
		if err := os.Rename(p.f.Name(), p.path); err != nil {
			discard(files[i:])
			return err
		}
	}
	dirs := map[string]bool{}
	for _, p := range files {
		dir := filepath.Dir(p.path)
		if dirs[dir] {
			continue
		}
		dirs[dir] = true
		if d, err := os.Open(dir); err == nil {
			d.Sync() // best effort: not every system syncs a folder
			d.Close()
		}
	}
	return nil
}

// discard removes the temporary files of finished or unfinished pending files.
func discard(files []*pending) {
	for _, p := range files {
		os.Remove(p.f.Name())
	}
}
