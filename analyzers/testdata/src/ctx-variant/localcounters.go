package ctxvariant

import (
	"context"
	"os"
	"time"

	"github.com/shirou/gopsutil/v4/process"
)

// gopsutil's readers of the process's own counters read /proc: their
// twins carry values (path overrides), not cancellation. Quiet; Percent,
// whose twin sleeps for the interval on the context, is still reported.

func rssMiB(ctx context.Context) int {
	if proc, err := process.NewProcess(int32(os.Getpid())); err == nil {
		if mem, err := proc.MemoryInfo(); err == nil {
			return int(mem.RSS / 1024 / 1024)
		}
	}
	return 0
}

func cpuPercent(ctx context.Context, proc *process.Process) float64 {
	p, _ := proc.Percent(time.Second) // want `\[ctx-variant\] \(\*process.Process\).Percent cannot be cancelled`
	return p
}
