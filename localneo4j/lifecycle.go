package localneo4j

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"syscall"
	"time"
)

// Start makes sure the local Neo4j of the home runs and answers Bolt, and returns its URI,
// bolt://127.0.0.1:<port>. It fetches the jars with Maven when needed (the first time), launches
// the JVM detached (its own session; stdout and stderr to <Home>/neo4j/logs/launcher.log), writes
// the pid file, and waits until the launcher reports READY and Bolt answers RETURN 1 on the
// database "neo4j". When the home's Neo4j already runs and answers, Start returns its URI at once.
func Start(ctx context.Context, o Options) (uri string, err error) {
	c, err := resolve(o)
	if err != nil {
		return "", fmt.Errorf("start neo4j: %w", err)
	}
	uri, err = c.start(ctx)
	if err != nil {
		return "", fmt.Errorf("start neo4j: %w", err)
	}
	return uri, nil
}

func (c *config) start(ctx context.Context) (string, error) {
	if err := os.MkdirAll(c.dir, 0o755); err != nil {
		return "", err
	}
	unlock, err := lockHome(ctx, c.lockFile())
	if err != nil {
		return "", err
	}
	defer unlock()
	if uri, ok, err := c.existing(ctx); err != nil || ok {
		return uri, err
	}
	java, err := c.preflight(ctx)
	if err != nil {
		return "", err
	}
	t0 := time.Now()
	p, err := c.launch(java, false)
	if err != nil {
		return "", err
	}
	if err := c.waitReady(ctx, p.done); err != nil {
		c.abort(p)
		return "", fmt.Errorf("%w\n%s", err, c.logTail())
	}
	c.progress("Neo4j %s is ready at %s (pid %d, started in %s)", Version, c.uri(), p.cmd.Process.Pid, time.Since(t0).Round(100*time.Millisecond))
	c.Log.Debug("neo4j started", "uri", c.uri(), "pid", p.cmd.Process.Pid, "home", c.dir, "elapsed", time.Since(t0))
	return c.uri(), nil
}

// preflight checks the port and Java and fetches the jars: everything before the launch.
func (c *config) preflight(ctx context.Context) (java string, err error) {
	if err := c.checkPortFree(ctx); err != nil {
		return "", err
	}
	if java, err = c.checkJava(ctx); err != nil {
		return "", err
	}
	if err := c.prepare(ctx); err != nil {
		return "", err
	}
	return java, nil
}

// existing reports the URI of the home's Neo4j if it already runs, waiting for Bolt when it is
// still starting.
func (c *config) existing(ctx context.Context) (string, bool, error) {
	info, ok, err := c.current()
	if err != nil || !ok {
		return "", false, err
	}
	uri := boltURI(info.Port)
	if info.Port != c.Port {
		c.Log.Warn("the local neo4j already runs on another port than configured", "uri", uri, "port", c.Port)
	}
	ctx, cancel := context.WithTimeout(ctx, c.StartTimeout)
	defer cancel()
	for {
		err := ping(ctx, uri)
		if err == nil {
			c.progress("Neo4j is already running at %s (pid %d)", uri, info.PID)
			return uri, true, nil
		}
		if !launcherAlive(info.PID, c.dir) {
			return "", false, fmt.Errorf("Neo4j (pid %d) exited while starting\n%s", info.PID, c.logTail())
		}
		select {
		case <-ctx.Done():
			if errors.Is(ctx.Err(), context.DeadlineExceeded) {
				return "", false, fmt.Errorf("Neo4j (pid %d) runs but does not answer at %s (%v); see %s, or stop it with \"diplograph neo4j stop\"", info.PID, uri, err, c.logFile())
			}
			return "", false, ctx.Err()
		case <-time.After(500 * time.Millisecond):
		}
	}
}

// proc is a launcher started by this process.
type proc struct {
	cmd   *exec.Cmd
	stdin io.WriteCloser // with --watch-stdin only
	done  chan struct{}  // closed when the process has exited and been reaped
	err   error          // its exit status, once done is closed
}

// launch starts the launcher JVM and writes the pid file. Detached (foreground false), it runs in
// a session of its own with stdin from /dev/null; in the foreground it runs with --watch-stdin
// and stdin from a pipe this process holds.
func (c *config) launch(java string, foreground bool) (*proc, error) {
	logPath := c.logFile()
	if err := os.MkdirAll(c.path("logs"), 0o755); err != nil {
		return nil, err
	}
	if _, err := os.Stat(logPath); err == nil {
		os.Rename(logPath, logPath+".1") // keep the previous run's log for troubleshooting
	}
	logf, err := os.OpenFile(logPath, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
	if err != nil {
		return nil, err
	}
	defer logf.Close()

	cmd := exec.Command(java, c.launcherArgs(foreground)...)
	cmd.Dir = c.dir
	cmd.Stdout, cmd.Stderr = logf, logf
	p := &proc{cmd: cmd, done: make(chan struct{})}
	if foreground {
		cmd.SysProcAttr = foregroundAttr()
		if p.stdin, err = cmd.StdinPipe(); err != nil {
			return nil, err
		}
	} else {
		cmd.SysProcAttr = detachedAttr()
	}
	c.progress("starting Neo4j %s on %s (heap %d MB, page cache %d MB; log %s)…", Version, c.uri(), c.HeapMB, c.PageCacheMB, logPath)
	c.Log.Debug("launching neo4j", "cmd", cmd.String())
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("run %s: %w", java, err)
	}
	go func() {
		p.err = cmd.Wait()
		close(p.done)
	}()
	if err := writePidFile(c.pidFile(), pidInfo{PID: cmd.Process.Pid, Port: c.Port, Version: Version}); err != nil {
		c.abort(p)
		return nil, fmt.Errorf("write pid file: %w", err)
	}
	return p, nil
}

// abort stops a launcher that did not become ready and removes its pid file.
func (c *config) abort(p *proc) {
	if p.stdin != nil {
		p.stdin.Close()
	}
	if err := c.terminate(context.Background(), p.cmd.Process.Pid, p.done); err != nil {
		c.Log.Warn("stop neo4j after failed start", "pid", p.cmd.Process.Pid, "err", err)
	}
	removePidFile(c.pidFile(), p.cmd.Process.Pid)
}

// terminate sends SIGTERM to the launcher's process group and waits for it to exit, then sends
// SIGKILL if it has not exited within stopTimeout. done, if not nil, is closed when the process
// has been reaped (it is a child of this process); otherwise terminate polls.
func (c *config) terminate(ctx context.Context, pid int, done <-chan struct{}) error {
	if err := signalGroup(pid, sigTerm); err != nil {
		return fmt.Errorf("signal pid %d: %w", pid, err)
	}
	if c.waitExit(ctx, pid, done, stopTimeout) {
		return nil
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	c.Log.Warn("neo4j did not stop after SIGTERM; killing it", "pid", pid, "after", stopTimeout)
	c.progress("Neo4j (pid %d) did not stop within %s; killing it", pid, stopTimeout)
	if err := signalGroup(pid, sigKill); err != nil {
		return fmt.Errorf("kill pid %d: %w", pid, err)
	}
	if !c.waitExit(ctx, pid, done, 10*time.Second) {
		return fmt.Errorf("pid %d still runs after SIGKILL", pid)
	}
	return nil
}

// waitExit waits up to d for the process to exit; false if it still runs (or ctx is done).
func (c *config) waitExit(ctx context.Context, pid int, done <-chan struct{}, d time.Duration) bool {
	deadline := time.NewTimer(d)
	defer deadline.Stop()
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for {
		if done != nil {
			select {
			case <-done:
				return true
			default:
			}
		} else if !processAlive(pid) {
			return true
		}
		select {
		case <-done: // nil channel: never
			return true
		case <-ctx.Done():
			return false
		case <-deadline.C:
			return false
		case <-tick.C:
		}
	}
}

// Stop stops the home's detached Neo4j: SIGTERM to its process group, a wait for a clean
// shutdown, SIGKILL after a timeout, and removes the pid file. It is safe to call when nothing
// runs and to call twice.
func Stop(ctx context.Context, o Options) error {
	c, err := resolve(o)
	if err != nil {
		return fmt.Errorf("stop neo4j: %w", err)
	}
	info, ok, err := c.current()
	if err != nil {
		return fmt.Errorf("stop neo4j: %w", err)
	}
	if !ok {
		c.progress("Neo4j is not running (home %s)", c.dir)
		return nil
	}
	c.progress("stopping Neo4j (pid %d)…", info.PID)
	t0 := time.Now()
	if err := c.terminate(ctx, info.PID, nil); err != nil {
		return fmt.Errorf("stop neo4j: %w", err)
	}
	if err := removePidFile(c.pidFile(), info.PID); err != nil {
		return fmt.Errorf("stop neo4j: %w", err)
	}
	c.progress("stopped Neo4j in %s", time.Since(t0).Round(100*time.Millisecond))
	c.Log.Debug("neo4j stopped", "pid", info.PID, "elapsed", time.Since(t0))
	return nil
}

// Status reports whether the home's Neo4j runs and whether Bolt answers.
func Status(ctx context.Context, o Options) (State, error) {
	c, err := resolve(o)
	if err != nil {
		return State{}, fmt.Errorf("neo4j status: %w", err)
	}
	st := State{URI: c.uri(), Version: Version, Home: c.dir}
	info, ok, err := c.current()
	if err != nil {
		return st, fmt.Errorf("neo4j status: %w", err)
	}
	if !ok {
		return st, nil
	}
	st.Running, st.PID, st.URI = true, info.PID, boltURI(info.Port)
	if info.Version != "" {
		st.Version = info.Version
	}
	if err := ping(ctx, st.URI); err != nil {
		c.Log.Debug("bolt does not answer", "uri", st.URI, "err", err)
	} else {
		st.Ready = true
	}
	return st, nil
}

// Run runs the home's Neo4j in the foreground: the launcher watches a stdin pipe this process
// holds, so Neo4j dies with it even when it is killed. Run calls ready once Bolt answers, and
// when ctx is done closes the pipe, waits for a clean shutdown and returns nil. If the home's
// Neo4j already runs (started by Start), Run uses it: it calls ready with its URI and returns when
// ctx is done, leaving it running.
func Run(ctx context.Context, o Options, ready func(uri string)) error {
	c, err := resolve(o)
	if err != nil {
		return fmt.Errorf("run neo4j: %w", err)
	}
	if err := c.run(ctx, ready); err != nil {
		return fmt.Errorf("run neo4j: %w", err)
	}
	return nil
}

func (c *config) run(ctx context.Context, ready func(uri string)) error {
	if err := os.MkdirAll(c.dir, 0o755); err != nil {
		return err
	}
	unlock, err := lockHome(ctx, c.lockFile())
	if err != nil {
		return err
	}
	defer unlock()
	if uri, ok, err := c.existing(ctx); err != nil {
		return err
	} else if ok {
		unlock()
		c.Log.Info("using the already running local neo4j; it keeps running after this process", "uri", uri)
		if ready != nil {
			ready(uri)
		}
		<-ctx.Done()
		return nil
	}
	java, err := c.preflight(ctx)
	if err != nil {
		return err
	}
	t0 := time.Now()
	p, err := c.launch(java, true)
	if err != nil {
		return err
	}
	pid := p.cmd.Process.Pid
	if err := c.waitReady(ctx, p.done); err != nil {
		c.abort(p)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fmt.Errorf("%w\n%s", err, c.logTail())
	}
	unlock()
	c.progress("Neo4j %s is ready at %s (pid %d, started in %s)", Version, c.uri(), pid, time.Since(t0).Round(100*time.Millisecond))
	c.Log.Debug("neo4j started", "uri", c.uri(), "pid", pid, "home", c.dir, "elapsed", time.Since(t0))
	if ready != nil {
		ready(c.uri())
	}

	select {
	case <-p.done:
		removePidFile(c.pidFile(), pid)
		return fmt.Errorf("Neo4j (pid %d) exited unexpectedly: %v\n%s", pid, p.err, c.logTail())
	case <-ctx.Done():
	}
	c.progress("stopping Neo4j (pid %d)…", pid)
	t1 := time.Now()
	p.stdin.Close() // the launcher shuts down cleanly on EOF
	if !c.waitExit(context.Background(), pid, p.done, stopTimeout) {
		c.Log.Warn("neo4j did not stop after its stdin closed; killing it", "pid", pid, "after", stopTimeout)
		signalGroup(pid, sigKill)
		<-p.done
	}
	removePidFile(c.pidFile(), pid)
	if p.err != nil {
		var ee *exec.ExitError
		if errors.As(p.err, &ee) {
			if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
				return fmt.Errorf("Neo4j (pid %d) killed by %v\n%s", pid, ws.Signal(), c.logTail())
			}
		}
		return fmt.Errorf("Neo4j (pid %d) exited with %v\n%s", pid, p.err, c.logTail())
	}
	c.progress("stopped Neo4j in %s", time.Since(t1).Round(100*time.Millisecond))
	return nil
}
