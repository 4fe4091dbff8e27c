package goroutineunbounded

import (
	"context"
	"net"
	"net/http"
	"slices"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"
)

// Safe: the loop is left right after the go statement, so it starts at
// most one goroutine. From gitea routers/web/events/events.go.
func unregisterOnce(events <-chan string, unregister func()) {
loop:
	for {
		select {
		case e := <-events:
			if e == "logout" {
				go unregister()
				break loop
			}
		}
	}
}

// An unlabeled break in a select leaves the select, not the loop.
func unregisterEveryTime(events <-chan string, unregister func()) {
	for {
		select {
		case <-events:
			go unregister() // want `\[goroutine-unbounded\] go statement in a loop starts a goroutine per iteration`
			break
		}
	}
}

// Safe: one server loop per listener. From caddy modules/caddyhttp/app.go.
func serveListeners(srv *http.Server, lns []net.Listener) {
	for _, ln := range lns {
		go srv.Serve(ln)
	}
}

// Safe: every server shut down at once, through a local function. From
// caddy modules/caddyhttp/app.go (Stop).
func stopServers(ctx context.Context, servers map[string]*http.Server) {
	var wg sync.WaitGroup
	stop := func(s *http.Server) {
		defer wg.Done()
		_ = s.Shutdown(ctx)
	}
	for _, s := range servers {
		wg.Add(1)
		go stop(s)
	}
	wg.Wait()
}

type ruleCache struct{ alerts map[string]int }

func (c *ruleCache) run(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			clear(c.alerts)
		}
	}
}

// Safe: one periodic background loop per configured component. From
// alertmanager inhibit/inhibit.go and caddy modules/caddypki/pki.go.
func startCaches(ctx context.Context, caches []*ruleCache) {
	for _, c := range caches {
		go c.run(ctx, 15*time.Minute)
	}
}

func try(job) bool { return true }

// A goroutine per job that loops until its work succeeds: no ticker, the
// loop is the job's own retry.
func retryEach(jobs []job) {
	for _, j := range jobs {
		go func() { // want `\[goroutine-unbounded\] go statement in a loop starts a goroutine per iteration`
			for {
				if try(j) {
					return
				}
			}
		}()
	}
}

func lintOne(file string, sem chan struct{}, wg *sync.WaitGroup) {
	defer wg.Done()
	sem <- struct{}{}
	defer func() { <-sem }()
	_ = file
}

// Safe: the semaphore is passed to the function the goroutine runs, which
// takes a slot before working (a pattern of golangci-lint's runner).
func lintAll(files []string) {
	sem := make(chan struct{}, 4)
	var wg sync.WaitGroup
	for _, f := range files {
		wg.Add(1)
		go lintOne(f, sem, &wg)
	}
	wg.Wait()
}

func report(file string, results chan<- string) { results <- file }

// A channel passed in that the callee only sends on is no semaphore.
func reportAll(files []string) {
	results := make(chan string)
	for _, f := range files {
		go report(f, results) // want `\[goroutine-unbounded\] go statement in a loop starts a goroutine per iteration`
	}
	for range files {
		<-results
	}
}

// Safe: shutdown hooks are code the program registered, not input. From
// gitea modules/graceful/manager.go.
func runHooks(hooks []func()) {
	for _, fn := range hooks {
		go fn()
	}
}

// Safe: timed actions of a test harness. From alertmanager
// test/testutils/acceptance.go.
func runActions(actions map[int][]func()) {
	var wg sync.WaitGroup
	for _, fs := range actions {
		wg.Add(len(fs))
		for _, f := range fs {
			go func(f func()) {
				f()
				wg.Done()
			}(f)
		}
	}
	wg.Wait()
}

type stage interface {
	Exec(ctx context.Context) error
}

type fanout []stage

// Safe: a composite fans a call out to the stages it was built from. From
// alertmanager notify/notify.go (FanoutStage).
func (fs fanout) Exec(ctx context.Context) error {
	var wg sync.WaitGroup
	for _, s := range fs {
		wg.Add(1)
		go func(s stage) {
			defer wg.Done()
			_ = s.Exec(ctx)
		}(s)
	}
	wg.Wait()
	return nil
}

type batch []job

// A method of a collection of data still starts a goroutine per item.
func (b batch) run() {
	for _, j := range b {
		go process(j) // want `\[goroutine-unbounded\] go statement in a loop starts a goroutine per iteration`
	}
}

type cronJob struct{ fn func() }

func (j *cronJob) Run() { j.fn() }

type scheduler struct{ jobs []*cronJob }

// Safe: registered jobs run themselves. From pocketbase tools/cron/cron.go.
func (s *scheduler) runDue() {
	for _, j := range s.jobs {
		go j.Run()
	}
}

var tasks []*cronJob

// Safe: tasks registered in a package variable. From gitea
// services/cron/cron.go.
func startTasks() {
	for _, t := range tasks {
		go t.Run()
	}
}

// Jobs handed in are input, whatever runs them.
func runJobs(jobs []*cronJob) {
	for _, j := range jobs {
		go j.Run() // want `\[goroutine-unbounded\] go statement in a loop starts a goroutine per iteration`
	}
}

const chunkSize = 150

func chunkedJobs(size int) [][]job { return nil }

// Safe: one goroutine per fixed-size chunk, each working through its
// chunk. From pocketbase apis/realtime.go.
func updateChunks() error {
	chunks := chunkedJobs(chunkSize)
	g := new(errgroup.Group)
	for _, chunk := range chunks {
		g.Go(func() error {
			for _, j := range chunk {
				process(j)
			}
			return nil
		})
	}
	return g.Wait()
}

// Safe: slices.Chunk partitions the input deliberately.
func perSlicesChunk(jobs []job) {
	var wg sync.WaitGroup
	for chunk := range slices.Chunk(jobs, 100) {
		wg.Go(func() {
			for _, j := range chunk {
				process(j)
			}
		})
	}
	wg.Wait()
}

// Batches handed in are input: nothing says how many there are.
func perBatch(batches [][]job) {
	for _, b := range batches {
		go func() { // want `\[goroutine-unbounded\] go statement in a loop starts a goroutine per iteration`
			for _, j := range b {
				process(j)
			}
		}()
	}
}

type upstream struct{ Dial string }

type proxy struct {
	Upstreams []*upstream `json:"upstreams,omitempty"`
	pending   []job
}

func check(u *upstream) {}

// Safe: a health check per upstream the operator configured. From caddy
// modules/caddyhttp/reverseproxy/healthchecks.go.
func (h *proxy) checkAll() {
	for _, u := range h.Upstreams {
		go func(u *upstream) { check(u) }(u)
	}
}

// A field the program fills at run time is a work list, not configuration.
func (h *proxy) flush() {
	for _, j := range h.pending {
		go process(j) // want `\[goroutine-unbounded\] go statement in a loop starts a goroutine per iteration`
	}
}

type batchRequest struct {
	Items []job `json:"items"`
}

// A request payload decoded from JSON is input.
func handleBatch(req *batchRequest) {
	for _, it := range req.Items {
		go process(it) // want `\[goroutine-unbounded\] go statement in a loop starts a goroutine per iteration`
	}
}

type signer struct{ name string }

func (s *signer) run() {}

// Safe: one endless loop per signer that sleeps each round, a background
// loop per component. From trillian docs/storage/commit_log/main.go:123.
func runSigners(signers []*signer) {
	for _, s := range signers {
		go func(s *signer) {
			for {
				time.Sleep(time.Second)
				s.run()
			}
		}(s)
	}
}

// A goroutine per job that sleeps between attempts but returns once the
// job succeeds is a per-item retry, not a daemon.
func retryEachWithPause(jobs []job) {
	for _, j := range jobs {
		go func() { // want `\[goroutine-unbounded\] go statement in a loop starts a goroutine per iteration`
			for {
				if try(j) {
					return
				}
				time.Sleep(time.Second)
			}
		}()
	}
}

// A sleeping loop that can break out is a retry as well.
func retryEachUntilBreak(jobs []job) {
	for _, j := range jobs {
		go func() { // want `\[goroutine-unbounded\] go statement in a loop starts a goroutine per iteration`
			for {
				time.Sleep(time.Second)
				switch {
				case try(j):
				}
				if try(j) {
					break
				}
			}
		}()
	}
}

// Safe: one consumer per channel the function made, each draining its
// channel; the producers need all of them running. From openfga
// pkg/server/commands/listusers/list_users_rpc.go:598 and :710.
func mergeOperands(operands []job) map[job]int {
	chans := make([]chan job, len(operands))
	for i := range operands {
		chans[i] = make(chan job, 1)
	}
	var mu sync.Mutex
	var wg sync.WaitGroup
	wg.Add(len(chans))
	found := map[job]int{}
	for _, ch := range chans {
		go func(ch chan job) {
			defer wg.Done()
			for j := range ch {
				mu.Lock()
				found[j]++
				mu.Unlock()
			}
		}(ch)
	}
	for i, op := range operands {
		chans[i] <- op
		close(chans[i])
	}
	wg.Wait()
	return found
}

func drain(ch <-chan job) {
	for j := range ch {
		process(j)
	}
}

// Safe: the same through a function of the package.
func mergeStreams(streams []<-chan job) {
	for _, s := range streams {
		go drain(s)
	}
}

// A goroutine per subscriber that sends it a message is a goroutine per
// subscriber: nothing bounds how many there are.
func broadcast(subscribers []chan job, j job) {
	for _, ch := range subscribers {
		go func(ch chan job) { // want `\[goroutine-unbounded\] go statement in a loop starts a goroutine per iteration`
			ch <- j
		}(ch)
	}
}

type updater struct{ cancel func() }

func (u *updater) run(ctx context.Context) {}

type federation struct {
	updaters map[string]*updater
}

// Safe: one long-lived updater per newly managed key, recorded in the
// receiver's registry of workers before it starts; a later pass finds it
// there and stops or skips it.
func (f *federation) manage(ctx context.Context, configs map[string]string) {
	for key := range configs {
		ctx, cancel := context.WithCancel(ctx)
		u := &updater{cancel: cancel}
		f.updaters[key] = u
		go u.run(ctx)
	}
}

// Recording under something other than the element's key is no registry.
func (f *federation) manageAll(ctx context.Context, configs map[string]string) {
	for key := range configs {
		u := &updater{}
		f.updaters["last"] = u
		go u.run(ctx) // want `\[goroutine-unbounded\] go statement in a loop starts a goroutine per iteration`
		_ = key
	}
}
