//go:build unix

package localneo4j

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"sync"
	"syscall"
	"time"
)

// detachedAttr starts the launcher in a session of its own, so it outlives the caller and no
// terminal signal reaches it.
func detachedAttr() *syscall.SysProcAttr { return &syscall.SysProcAttr{Setsid: true} }

// foregroundAttr starts the launcher in a process group of its own, so Ctrl-C reaches only the
// Go process, which then shuts Neo4j down by closing its stdin.
func foregroundAttr() *syscall.SysProcAttr { return &syscall.SysProcAttr{Setpgid: true} }

// signalGroup sends sig to the process group led by pid, or to pid alone if there is no group.
func signalGroup(pid int, sig syscall.Signal) error {
	err := syscall.Kill(-pid, sig)
	if errors.Is(err, syscall.ESRCH) {
		err = syscall.Kill(pid, sig)
	}
	if errors.Is(err, syscall.ESRCH) {
		return nil // already gone
	}
	return err
}

const (
	sigTerm = syscall.SIGTERM
	sigKill = syscall.SIGKILL
)

// processAlive reports whether pid is a live process we may signal. Zombies count as gone.
func processAlive(pid int) bool {
	if pid <= 0 {
		return false
	}
	if err := syscall.Kill(pid, 0); err != nil {
		return false // ESRCH: gone; EPERM: someone else's process, so not our launcher
	}
	stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return true // no procfs (macOS): trust kill
	}
	// pid (comm) state ...; comm may hold spaces and parentheses, so look after the last ')'.
	if i := bytes.LastIndexByte(stat, ')'); i >= 0 && i+2 < len(stat) {
		return stat[i+2] != 'Z'
	}
	return true
}

// isLauncher reports whether pid runs Launcher.java for the Neo4j home dir. Without procfs it
// cannot tell and says yes.
func isLauncher(pid int, dir string) bool {
	cmdline, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/cmdline")
	if err != nil {
		_, statErr := os.Stat("/proc/self/cmdline")
		return statErr != nil // procfs exists but this pid has none: not ours
	}
	args := bytes.Split(bytes.TrimRight(cmdline, "\x00"), []byte{0})
	var hasLauncher, hasHome bool
	for i, a := range args {
		if bytes.HasSuffix(a, []byte("Launcher.java")) {
			hasLauncher = true
		}
		if string(a) == "--home" && i+1 < len(args) && string(args[i+1]) == dir {
			hasHome = true
		}
	}
	return hasLauncher && hasHome
}

// launcherAlive reports whether pid is alive and is the launcher of dir.
func launcherAlive(pid int, dir string) bool {
	return processAlive(pid) && isLauncher(pid, dir)
}

// lockHome takes an exclusive lock on path, so two starts of the same home do not race. It
// waits for the lock until ctx is done.
func lockHome(ctx context.Context, path string) (unlock func(), err error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, err
	}
	for {
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			break
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) && !errors.Is(err, syscall.EINTR) {
			f.Close()
			return nil, fmt.Errorf("lock %s: %w", path, err)
		}
		select {
		case <-ctx.Done():
			f.Close()
			return nil, fmt.Errorf("wait for lock %s (another start of this home?): %w", path, ctx.Err())
		case <-time.After(200 * time.Millisecond):
		}
	}
	var once sync.Once
	return func() {
		once.Do(func() {
			syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
			f.Close()
		})
	}, nil
}
