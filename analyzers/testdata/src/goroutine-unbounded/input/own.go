package goroutineunboundedinput

import (
	"context"
	"encoding/json"
	"net/http"
	"sync"
)

type runStream struct{ db *http.Client }

func (s *runStream) stop(ctx context.Context) error {
	req, _ := http.NewRequestWithContext(ctx, "DELETE", "http://upstream/", nil)
	_, err := s.db.Do(req)
	return err
}

type streamManager struct {
	mu      sync.Mutex
	streams map[string]*runStream
}

// Safe: one goroutine per stream the manager already runs, picked from
// its own map and waited for before the handler answers.
func (m *streamManager) handleStopAll(w http.ResponseWriter, r *http.Request) {
	running := map[string]bool{}
	m.mu.Lock()
	for id := range m.streams {
		running[id] = true
	}
	m.mu.Unlock()
	toStop := []string{}
	for id := range running {
		toStop = append(toStop, id)
	}
	var wg sync.WaitGroup
	for _, id := range toStop {
		wg.Add(1)
		go func(id string) {
			defer wg.Done()
			_ = m.streams[id].stop(r.Context())
		}(id)
	}
	wg.Wait()
}

// A list that also takes the request's ids is input.
func (m *streamManager) handleStop(w http.ResponseWriter, r *http.Request) {
	var ids []string
	_ = json.NewDecoder(r.Body).Decode(&ids)
	toStop := []string{}
	for id := range m.streams {
		toStop = append(toStop, id)
	}
	toStop = append(toStop, ids...)
	var wg sync.WaitGroup
	for _, id := range toStop {
		wg.Add(1)
		go func(id string) { // want `\[goroutine-unbounded\]`
			defer wg.Done()
			_ = m.streams[id].stop(r.Context())
		}(id)
	}
	wg.Wait()
}
