//go:build !unix

package localneo4j

import (
	"context"
	"errors"
	"syscall"
)

var errUnsupported = errors.New("the local Neo4j runs only on Unix-like systems (Linux, macOS); point NEO4J_URI at a Neo4j instead")

func detachedAttr() *syscall.SysProcAttr   { return nil }
func foregroundAttr() *syscall.SysProcAttr { return nil }

const (
	sigTerm = syscall.Signal(15)
	sigKill = syscall.Signal(9)
)

func signalGroup(pid int, sig syscall.Signal) error { return errUnsupported }
func processAlive(pid int) bool                     { return false }
func isLauncher(pid int, dir string) bool           { return false }
func launcherAlive(pid int, dir string) bool        { return false }

func lockHome(ctx context.Context, path string) (func(), error) { return nil, errUnsupported }
