// Package process synthesizes package github.com/shirou/gopsutil/v4/process for tests.
package process

import (
	"context"
	"time"
)

type Process struct{ Pid int32 }

type MemoryInfoStat struct{ RSS uint64 }

func NewProcess(pid int32) (*Process, error) { return NewProcessWithContext(context.Background(), pid) }

func NewProcessWithContext(ctx context.Context, pid int32) (*Process, error) {
	return &Process{Pid: pid}, nil
}

func (p *Process) MemoryInfo() (*MemoryInfoStat, error) {
	return p.MemoryInfoWithContext(context.Background())
}

func (p *Process) MemoryInfoWithContext(ctx context.Context) (*MemoryInfoStat, error) {
	return &MemoryInfoStat{}, nil
}

func (p *Process) Percent(interval time.Duration) (float64, error) {
	return p.PercentWithContext(context.Background(), interval)
}

func (p *Process) PercentWithContext(ctx context.Context, interval time.Duration) (float64, error) {
	return 0, nil
}
