// Package svc sends through the clients package clients builds.
package svc

import (
	"fmt"
	"net/http"

	"example.com/facts/clients"
)

func Get(url string) error {
	resp, err := clients.New().Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	return nil
}

func GetTimed(url string) error {
	resp, err := clients.NewTimed().Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	return nil
}
