// Package goroutineunbounded holds the fixtures of goroutine-unbounded.
package goroutineunbounded

import (
	"context"
	"net"
	"runtime"
	"sync"
	"time"

	"golang.org/x/sync/semaphore"
)

type job struct{ id int }

func process(j job) {}

// A goroutine per element of the input: the war story.
func perItem(jobs []job) {
	var wg sync.WaitGroup
	for _, j := range jobs {
		wg.Add(1)
		go func() { // want `\[goroutine-unbounded\] go statement in a loop starts a goroutine per iteration with nothing bounding how many run at once`
			defer wg.Done()
			process(j)
		}()
	}
	wg.Wait()
}

// Safe twin: a buffered channel as a counting semaphore.
func perItemSemaphore(jobs []job) {
	var wg sync.WaitGroup
	sem := make(chan struct{}, 8)
	for _, j := range jobs {
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			process(j)
		}()
	}
	wg.Wait()
}

// A goroutine per job read from a queue.
func perQueuedJob(queue <-chan job) {
	for j := range queue {
		go process(j) // want `\[goroutine-unbounded\] go statement in a loop starts a goroutine per iteration`
	}
}

// Safe twin: the goroutine takes a slot of a semaphore before working.
func perQueuedJobSelfGated(queue <-chan job) {
	sem := make(chan struct{}, 8)
	for j := range queue {
		go func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			process(j)
		}()
	}
}

// A select loop that starts a goroutine per received job.
func selectLoop(ctx context.Context, queue <-chan job) {
	for {
		select {
		case <-ctx.Done():
			return
		case j := <-queue:
			go process(j) // want `\[goroutine-unbounded\] go statement in a loop starts a goroutine per iteration`
		}
	}
}

// A stop channel in the same select does not gate the starts.
func selectStop(stop <-chan struct{}, queue <-chan job) {
	for {
		select {
		case <-stop:
			return
		case j := <-queue:
			go process(j) // want `\[goroutine-unbounded\] go statement in a loop starts a goroutine per iteration`
		}
	}
}

// Safe twin: semaphore.Weighted acquired before the go statement.
func selectLoopWeighted(ctx context.Context, queue <-chan job) {
	sem := semaphore.NewWeighted(8)
	for {
		select {
		case <-ctx.Done():
			return
		case j := <-queue:
			if err := sem.Acquire(ctx, 1); err != nil {
				return
			}
			go func() {
				defer sem.Release(1)
				process(j)
			}()
		}
	}
}

// sync.WaitGroup.Go waits, it does not bound.
func waitGroupGo(jobs []job) {
	var wg sync.WaitGroup
	for _, j := range jobs {
		wg.Go(func() { process(j) }) // want `\[goroutine-unbounded\] sync.WaitGroup.Go in a loop starts a goroutine per iteration`
	}
	wg.Wait()
}

// Safe twin: each batch is joined before the next one starts.
func batches(batches [][]job) {
	for _, batch := range batches {
		var wg sync.WaitGroup
		for _, j := range batch {
			wg.Go(func() { process(j) })
		}
		wg.Wait()
	}
}

// A count taken from the input is the input.
func countToLen(jobs []job) {
	for i := 0; i < len(jobs); i++ {
		go process(jobs[i]) // want `\[goroutine-unbounded\] go statement in a loop starts a goroutine per iteration`
	}
}

// Safe twin: a fixed pool of workers reading from a channel.
func workerPool(jobs []job, workers int) {
	queue := make(chan job)
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range queue {
				process(j)
			}
		}()
	}
	for _, j := range jobs {
		queue <- j
	}
	close(queue)
	wg.Wait()
}

// A constant count above small-loop with no work queue starts them all.
func hammer(url string) {
	for i := 0; i < 1000; i++ {
		go fetch(url) // want `\[goroutine-unbounded\] go statement in a loop starts 1000 goroutines at once`
	}
}

func fetch(string) {}

func worker(ctx context.Context, queue <-chan job) {}

// Safe twin: a constant-size pool whose workers take a channel.
func constantPool(ctx context.Context, queue <-chan job) {
	for range 100 {
		go worker(ctx, queue)
	}
}

// Safe: a small constant fan-out, runtime.NumCPU workers, a short literal.
func smallFanOut(ctx context.Context, parts [4]job) {
	for i := 0; i < 3; i++ {
		go fetch("replica")
	}
	for i := 0; i < runtime.NumCPU(); i++ {
		go fetch("shard")
	}
	for _, p := range parts {
		go process(p)
	}
	regions := []string{"eu", "us", "ap"}
	for _, r := range regions {
		go fetch(r)
	}
}

// A literal variable that grows is input again.
func growingLiteral(extra []string) {
	regions := []string{"eu", "us"}
	regions = append(regions, extra...)
	for _, r := range regions {
		go fetch(r) // want `\[goroutine-unbounded\] go statement in a loop starts a goroutine per iteration`
	}
}

// Safe: one goroutine per accepted connection is the server model.
func serve(ln net.Listener) {
	for {
		conn, err := ln.Accept()
		if err != nil {
			return
		}
		go handle(conn)
	}
}

func handle(net.Conn) {}

// Safe: a token bucket drained before each start.
func tokens(jobs []job, tick *time.Ticker) {
	for _, j := range jobs {
		<-tick.C
		go process(j)
	}
}

// Safe: each iteration waits for its goroutine's result.
func joined(jobs []job) {
	done := make(chan struct{})
	for _, j := range jobs {
		go func() { process(j); done <- struct{}{} }()
		<-done
	}
}

// Nested: small inner loop inside an unbounded outer one.
func nested(jobs []job) {
	for _, j := range jobs {
		for i := 0; i < 2; i++ {
			go process(j) // want `\[goroutine-unbounded\] go statement in a loop starts a goroutine per iteration`
		}
	}
}

func consume(<-chan string) {}

func produce(chan<- string) {}

// Safe: each iteration consumes what its goroutine produces.
func pipelinePerItem(items []string) {
	for range items {
		ch := make(chan string)
		go produce(ch)
		consume(ch)
	}
}

// Safe: each iteration stops its watchdog before the next one starts.
func watchdogPerItem(jobs []job) {
	for _, j := range jobs {
		done := make(chan struct{})
		go func() {
			select {
			case <-done:
			case <-time.After(time.Second):
			}
		}()
		process(j)
		close(done)
	}
}

// The results are read only after the loop: every goroutine runs at once.
func collectAfter(jobs []job) {
	results := make(chan int)
	for _, j := range jobs {
		go func() { process(j); results <- j.id }() // want `\[goroutine-unbounded\] go statement in a loop starts a goroutine per iteration`
	}
	for range jobs {
		<-results
	}
}

// Safe: one refresh per tick is bounded by the period.
func refreshEvery(t *time.Ticker) {
	for range t.C {
		go fetch("config")
	}
}
