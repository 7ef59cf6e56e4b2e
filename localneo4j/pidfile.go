package localneo4j

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// pidInfo is the content of <Home>/neo4j/neo4j.pid: which process runs the home's Neo4j, on
// which port, in which version.
type pidInfo struct {
	PID     int
	Port    int
	Version string
}

var errBadPidFile = errors.New("malformed pid file")

func (p pidInfo) String() string {
	return fmt.Sprintf("pid=%d\nport=%d\nversion=%s\n", p.PID, p.Port, p.Version)
}

func parsePidInfo(s string) (pidInfo, error) {
	var p pidInfo
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			return pidInfo{}, fmt.Errorf("%w: line %q", errBadPidFile, line)
		}
		switch k {
		case "pid", "port":
			n, err := strconv.Atoi(v)
			if err != nil || n <= 0 {
				return pidInfo{}, fmt.Errorf("%w: %s=%q", errBadPidFile, k, v)
			}
			if k == "pid" {
				p.PID = n
			} else {
				p.Port = n
			}
		case "version":
			p.Version = v
		}
	}
	if p.PID == 0 || p.Port == 0 {
		return pidInfo{}, fmt.Errorf("%w: no pid or port", errBadPidFile)
	}
	return p, nil
}

func readPidFile(path string) (pidInfo, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return pidInfo{}, err
	}
	return parsePidInfo(string(b))
}

func writePidFile(path string, p pidInfo) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, []byte(p.String()), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// removePidFile removes the pid file if it still names pid (0: whatever it names).
func removePidFile(path string, pid int) error {
	if pid != 0 {
		if p, err := readPidFile(path); err == nil && p.PID != pid {
			return nil // a newer instance wrote it
		}
	}
	if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	return nil
}

// current returns the running launcher of the home from its pid file. A pid file that is
// malformed, or names a process that is gone or is not this home's launcher (the pid was reused),
// is stale: current removes it and reports nothing running.
func (c *config) current() (pidInfo, bool, error) {
	p, err := readPidFile(c.pidFile())
	switch {
	case errors.Is(err, os.ErrNotExist):
		return pidInfo{}, false, nil
	case errors.Is(err, errBadPidFile):
		c.Log.Warn("removing malformed pid file", "path", c.pidFile(), "err", err)
		return pidInfo{}, false, removePidFile(c.pidFile(), 0)
	case err != nil:
		return pidInfo{}, false, fmt.Errorf("read pid file: %w", err)
	}
	if !launcherAlive(p.PID, c.dir) {
		c.Log.Info("removing stale pid file: the process is gone or is not this home's launcher", "path", c.pidFile(), "pid", p.PID)
		return pidInfo{}, false, removePidFile(c.pidFile(), p.PID)
	}
	return p, true, nil
}
