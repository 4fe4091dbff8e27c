// Package propagation is a stub of go.opentelemetry.io/otel/propagation
// with the parts prodlint's fixtures use.
package propagation

import "context"

type TextMapCarrier interface {
	Get(key string) string
	Set(key string, value string)
	Keys() []string
}

type MapCarrier map[string]string

func (c MapCarrier) Get(key string) string        { return c[key] }
func (c MapCarrier) Set(key string, value string) { c[key] = value }
func (c MapCarrier) Keys() []string               { return nil }

type TextMapPropagator interface {
	Inject(ctx context.Context, carrier TextMapCarrier)
	Extract(ctx context.Context, carrier TextMapCarrier) context.Context
	Fields() []string
}

type TraceContext struct{}

func (TraceContext) Inject(context.Context, TextMapCarrier) {}
func (TraceContext) Extract(ctx context.Context, _ TextMapCarrier) context.Context {
	return ctx
}
func (TraceContext) Fields() []string { return nil }
