package httpstatus

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
)

type relayList struct {
	Meta struct {
		Relays []relayEntry `json:"relays"`
	} `json:"meta"`
	Relays []relayEntry `json:"relays"`
	Count  int          `json:"count"`
}

type relayEntry struct {
	Name string `json:"name"`
	URL  string `json:"url"`
}

var errNoRelay = errors.New("no relay found")

// The answer only searched for one entry, "not found" returned after the
// loop: a JSON error answer decodes with no entries, so the search ends
// in its error. Quiet.
func quietListSearched(c *http.Client, url, name string) (string, error) {
	resp, err := c.Get(url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var list relayList
	if err := json.NewDecoder(resp.Body).Decode(&list); err != nil {
		return "", err
	}
	for _, r := range list.Relays {
		if r.Name == name {
			return r.URL, nil
		}
	}
	return "", errNoRelay
}

// The entries copied into a list declared empty, which a second loop
// tries one by one; every success is inside that loop, and the function
// ends in an error: quiet, also through a nested field and io.ReadAll.
func connectAnyRelay(ctx context.Context, c *http.Client, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	var list relayList
	err = json.Unmarshal(b, &list)
	if err != nil {
		return fmt.Errorf("relays: %w", err)
	}
	var addrs []string
	for _, r := range list.Meta.Relays {
		if r.URL == "" {
			continue
		}
		addrs = append(addrs, r.URL)
	}
	for _, addr := range shuffled(addrs) {
		if err := dial(ctx, addr); err != nil {
			continue
		}
		return nil
	}
	return errors.New("could not reach any relay")
}

func shuffled(s []string) []string       { return s }
func dial(context.Context, string) error { return nil }

// A success returned after the loop: an empty list from a JSON error
// answer is returned as "no relays". Reported.
func listRelays(c *http.Client, url string) ([]string, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var list relayList
	if err := json.NewDecoder(resp.Body).Decode(&list); err != nil { // want `\[http-status\] the body of the response from c.Get is decoded`
		return nil, err
	}
	var out []string
	for _, r := range list.Relays {
		out = append(out, r.URL)
	}
	return out, nil
}

// The struct's count used outside the loop: a JSON error answer's zero
// count is used as data. Reported.
func findRelayCounted(c *http.Client, url, name string, total *int) (string, error) {
	resp, err := c.Get(url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var list relayList
	if err := json.NewDecoder(resp.Body).Decode(&list); err != nil { // want `\[http-status\] the body of the response from c.Get is decoded`
		return "", err
	}
	*total = list.Count
	for _, r := range list.Relays {
		if r.Name == name {
			return r.URL, nil
		}
	}
	return "", errNoRelay
}

// A list filled before the loop too (a default entry): an empty answer
// still reaches a success through it. Reported.
func connectRelayOrDefault(ctx context.Context, c *http.Client, url, fallback string) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var list relayList
	if err := json.NewDecoder(resp.Body).Decode(&list); err != nil { // want `\[http-status\] the body of the response from c.Get is decoded`
		return err
	}
	var addrs []string
	addrs = append(addrs, fallback)
	for _, r := range list.Relays {
		addrs = append(addrs, r.URL)
	}
	for _, addr := range addrs {
		if dial(ctx, addr) == nil {
			return nil
		}
	}
	return errNoRelay
}

// A list declared with an entry already in it (addrs := []string{fallback}),
// then filled only in the loop: an empty answer still reaches a success
// through the entry. Reported.
func connectRelayDeclaredWithDefault(ctx context.Context, c *http.Client, url, fallback string) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var list relayList
	if err := json.NewDecoder(resp.Body).Decode(&list); err != nil { // want `\[http-status\] the body of the response from c.Get is decoded`
		return err
	}
	var addrs = []string{fallback}
	for _, r := range list.Relays {
		addrs = append(addrs, r.URL)
	}
	for _, addr := range addrs {
		if dial(ctx, addr) == nil {
			return nil
		}
	}
	return errNoRelay
}

// An error result that may be nil after the loop (the last dial's error,
// nil when there was none to dial). Reported.
func connectRelayLastErr(ctx context.Context, c *http.Client, url string) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var list relayList
	if err := json.NewDecoder(resp.Body).Decode(&list); err != nil { // want `\[http-status\] the body of the response from c.Get is decoded`
		return err
	}
	var last error
	for _, r := range list.Relays {
		if last = dial(ctx, r.URL); last == nil {
			return nil
		}
	}
	return last
}

// A package-level error variable without a value (nil) returned after the
// loop is a success. Reported.
var errUnset error

func findRelayUnset(c *http.Client, url, name string) (string, error) {
	resp, err := c.Get(url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var list relayList
	if err := json.NewDecoder(resp.Body).Decode(&list); err != nil { // want `\[http-status\] the body of the response from c.Get is decoded`
		return "", err
	}
	for _, r := range list.Relays {
		if r.Name == name {
			return r.URL, nil
		}
	}
	return "", errUnset
}

// Decoded into a pointer: a JSON null answer leaves it nil and the loop
// panics. Reported.
func findRelayPointer(c *http.Client, url, name string) (string, error) {
	resp, err := c.Get(url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var list *relayList
	if err := json.NewDecoder(resp.Body).Decode(&list); err != nil { // want `\[http-status\] the body of the response from c.Get is decoded`
		return "", err
	}
	for _, r := range list.Relays {
		if r.Name == name {
			return r.URL, nil
		}
	}
	return "", errNoRelay
}

// The decode inside a paging loop, a success returned at the top of the
// next pass: with every page an empty error answer it still returns the
// collected nothing as success. Reported.
func findRelayPaged(c *http.Client, url, name string, pages int) (string, error) {
	for page := 0; ; page++ {
		if page == pages {
			return "", nil
		}
		resp, err := c.Get(url)
		if err != nil {
			return "", err
		}
		var list relayList
		err = json.NewDecoder(resp.Body).Decode(&list) // want `\[http-status\] the body of the response from c.Get is decoded`
		resp.Body.Close()
		if err != nil {
			return "", err
		}
		for _, r := range list.Relays {
			if r.Name == name {
				return r.URL, nil
			}
		}
	}
}

// The filled list ranged over together with defaults: the loop runs with
// an empty answer too. Reported.
func connectRelayWithDefaults(ctx context.Context, c *http.Client, url string, defaults []string) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var list relayList
	if err := json.NewDecoder(resp.Body).Decode(&list); err != nil { // want `\[http-status\] the body of the response from c.Get is decoded`
		return err
	}
	var addrs []string
	for _, r := range list.Relays {
		addrs = append(addrs, r.URL)
	}
	for _, addr := range append(addrs, defaults...) {
		if dial(ctx, addr) == nil {
			return nil
		}
	}
	return errNoRelay
}
