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
