package ctxvariant

import (
	"context"
	"os/exec"
	"sync"
)

// A supervisor starts a child meant to outlive the call that starts it,
// keeps its pid or its Cmd and stops it later: CommandContext would kill
// the child when the Exec call's ctx ends. Quiet. A command the function
// waits for, or one it starts and keeps nothing of, is still reported.

type supervisor struct {
	mu    sync.Mutex
	pids  map[string]int
	procs []*exec.Cmd
}

func (s *supervisor) Exec(ctx context.Context, name, path string) error {
	cmd := exec.Command(path)
	if err := cmd.Start(); err != nil {
		return err
	}
	pid := cmd.Process.Pid
	s.mu.Lock()
	s.pids[name] = pid
	s.mu.Unlock()
	go func() {
		_ = cmd.Wait()
	}()
	return nil
}

func (s *supervisor) ExecKept(ctx context.Context, path string) error {
	cmd := exec.Command(path)
	if err := cmd.Start(); err != nil {
		return err
	}
	s.procs = append(s.procs, cmd)
	return nil
}

func quietLongLivedChild(ctx context.Context, path string) (*exec.Cmd, error) {
	cmd := exec.Command(path)
	return cmd, cmd.Start()
}

// Twins: the function waits for the child, or starts it and keeps nothing.

func startAndWait(ctx context.Context, path string) error {
	cmd := exec.Command(path) // want `\[ctx-variant\] exec.Command cannot be cancelled`
	if err := cmd.Start(); err != nil {
		return err
	}
	return cmd.Wait()
}

func startForgotten(ctx context.Context, path string) error {
	cmd := exec.Command(path) // want `\[ctx-variant\] exec.Command cannot be cancelled`
	return cmd.Start()
}

// A child a goroutine of the function runs past the return (an output
// that writes to its stdin until closed), and a command the function only
// builds and returns: the caller decides how long it lives. Quiet.

type pipeWriter struct{ done chan error }

func (w *pipeWriter) quietRunByGoroutine(ctx context.Context, path string) error {
	cmd := exec.Command(path)
	go func() {
		_, err := cmd.Output()
		w.done <- err
	}()
	return nil
}

func quietBuiltAndReturned(ctx context.Context, path string) *exec.Cmd {
	cmd := exec.Command(path)
	cmd.Dir = "/"
	return cmd
}

// Twins: run where the function waits for it, or built, run and returned.

func (w *pipeWriter) runInCall(ctx context.Context, path string) error {
	cmd := exec.Command(path) // want `\[ctx-variant\] exec.Command cannot be cancelled`
	_, err := cmd.Output()
	return err
}

func runAndReturn(ctx context.Context, path string) (*exec.Cmd, error) {
	cmd := exec.Command(path) // want `\[ctx-variant\] exec.Command cannot be cancelled`
	return cmd, cmd.Run()
}
