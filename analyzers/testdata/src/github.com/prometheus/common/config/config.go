// Package config is a minimal stub of github.com/prometheus/common/config.
package config

import (
	"context"
	"crypto/tls"
)

// TLSConfig configures TLS connections.
type TLSConfig struct {
	CAFile string
}

// SecretManager fetches secrets by reference.
type SecretManager interface {
	Fetch(ctx context.Context, secretRef string) (string, error)
}

type tlsConfigOptions struct{ secretManager SecretManager }

// TLSConfigOption customizes NewTLSConfig.
type TLSConfigOption interface {
	applyToTLSConfigOptions(options *tlsConfigOptions)
}

type secretManagerOption struct{ secretManager SecretManager }

func (s *secretManagerOption) applyToTLSConfigOptions(opts *tlsConfigOptions) {
	opts.secretManager = s.secretManager
}

// WithSecretManager fetches secrets through manager.
func WithSecretManager(manager SecretManager) TLSConfigOption {
	return &secretManagerOption{secretManager: manager}
}

// NewTLSConfig creates a new tls.Config from the given TLSConfig.
func NewTLSConfig(cfg *TLSConfig, optFuncs ...TLSConfigOption) (*tls.Config, error) {
	return NewTLSConfigWithContext(context.Background(), cfg, optFuncs...)
}

// NewTLSConfigWithContext creates a new tls.Config from the given TLSConfig.
func NewTLSConfigWithContext(ctx context.Context, cfg *TLSConfig, optFuncs ...TLSConfigOption) (*tls.Config, error) {
	return &tls.Config{MinVersion: tls.VersionTLS12}, nil
}
