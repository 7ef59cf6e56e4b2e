package main

import (
	"context"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/diplograph/diplograph/loader"
)

// watchDebounce is how long the directory must stay quiet before a load: a file being copied in
// sends many write events.
const watchDebounce = 2 * time.Second

// watchDir loads the directory (and any other inputs) now, then again whenever files in it are created
// or written, until ctx ends. Each load reads only files whose content is not recorded as loaded.
func watchDir(ctx context.Context, a *app, l *loader.Loader, dir string, extra []string) error {
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return usageError("--watch %s: not a directory", dir)
	}
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	addTree := func(root string) {
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err == nil && d.IsDir() {
				if p != root && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				if err := w.Add(p); err != nil {
					slog.Warn("cannot watch directory", "dir", p, "err", err)
				}
			}
			return nil
		})
	}
	addTree(dir)
	load := func(inputs []string) {
		sum, err := l.Load(ctx, inputs)
		if err != nil {
			slog.Error("load failed; will try again on the next change", "err", err)
			return
		}
		if sum.Read > 0 || sum.Failed > 0 {
			printSummary(a.stdout, sum)
		}
	}
	load(append([]string{dir}, extra...))
	slog.Info("watching for new and changed files", "dir", dir)
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if ev.Has(fsnotify.Create) {
				if st, err := os.Stat(ev.Name); err == nil && st.IsDir() {
					addTree(ev.Name)
				}
			}
			if ev.Has(fsnotify.Create) || ev.Has(fsnotify.Write) || ev.Has(fsnotify.Rename) {
				timer.Reset(watchDebounce)
			}
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			slog.Warn("watch error", "err", err)
		case <-timer.C:
			load([]string{dir})
		}
	}
}
