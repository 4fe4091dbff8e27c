// Package faultproxy is a module root whose tests use an internal harness.
package faultproxy
