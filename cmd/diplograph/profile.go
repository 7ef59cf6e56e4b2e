package main

import (
	"fmt"
	"os"
	"runtime/pprof"
)

// startProfile writes a CPU profile of the whole command to the file DIPLOGRAPH_CPUPROFILE names, for
// finding where a benchmark's time goes (go tool pprof bin/diplograph FILE). It returns the function
// that ends the profile.
func startProfile() (stop func(), err error) {
	path := os.Getenv("DIPLOGRAPH_CPUPROFILE")
	if path == "" {
		return func() {}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("cpu profile %s: %w", path, err)
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}
