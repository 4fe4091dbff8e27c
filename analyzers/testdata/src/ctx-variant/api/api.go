// Package ctxvariantapi is a third-party client API with context-taking
// twins, in the shapes real SDKs use (aws-sdk-go v1's
// GetObjectWithContext(ctx aws.Context, input, opts ...request.Option)),
// and twins whose signatures do not match, which ctx-variant must ignore.
package ctxvariantapi

import "context"

// Context is an alias of context.Context, as aws.Context is.
type Context = context.Context

// Request is a request being built.
type Request struct{}

// Option customizes a Request.
type Option func(*Request)

// GetObjectInput and GetObjectOutput are an operation's input and output.
type (
	GetObjectInput  struct{ Key string }
	GetObjectOutput struct{ Body []byte }
)

// S3 is a service client.
type S3 struct{}

func (c *S3) GetObject(input *GetObjectInput) (*GetObjectOutput, error) { return nil, nil }

func (c *S3) GetObjectWithContext(ctx Context, input *GetObjectInput, opts ...Option) (*GetObjectOutput, error) {
	return nil, nil
}

// PutObject's twin returns different results: not a twin.
func (c *S3) PutObject(input *GetObjectInput) error { return nil }

func (c *S3) PutObjectContext(ctx context.Context, input *GetObjectInput) (*GetObjectOutput, error) {
	return nil, nil
}

// Delete's twin takes an extra required parameter: not a twin.
func (c *S3) Delete(key string) error { return nil }

func (c *S3) DeleteContext(ctx context.Context, key string, force bool) error { return nil }

// Cache has value-receiver methods.
type Cache struct{}

func (Cache) Load(key string) (string, error) { return "", nil }

func (Cache) LoadContext(ctx context.Context, key string) (string, error) { return "", nil }

// Store is an interface with a twin.
type Store interface {
	Fetch(id int) (string, error)
	FetchContext(ctx context.Context, id int) (string, error)
}

func Publish(topic string, payload []byte) error { return nil }

func PublishContext(ctx context.Context, topic string, payload []byte) error { return nil }

// Sync's twin returns different results: not a twin.
func Sync() error { return nil }

func SyncContext(ctx context.Context) (int, error) { return 0, nil }

// Flush's twin is unexported: callers cannot use it.
func Flush() error { return nil }

func flushContext(ctx context.Context) error { return nil }

// GetParams are a go-swagger generated operation's parameters: the context
// travels in them.
type GetParams struct {
	ID      string
	Context context.Context
}

func NewGetParams() *GetParams { return &GetParams{} }

func NewGetParamsWithContext(ctx context.Context) *GetParams { return &GetParams{Context: ctx} }

func (o *GetParams) WithContext(ctx context.Context) *GetParams { o.Context = ctx; return o }

func (o *GetParams) WithID(id string) *GetParams { o.ID = id; return o }

// Client sends operations.
type Client struct{}

func (c *Client) Get(params *GetParams) (string, error) { return "", nil }

// ContextClient sends operations with a context (a generated client whose
// plain methods are not shown here).
type ContextClient struct{}

// GetContext sends with ctx; the params' own context is ignored.
func (c *ContextClient) GetContext(ctx context.Context, params *GetParams) (string, error) {
	return "", nil
}

// Mutex is a distributed lock.
type Mutex struct{}

func (m *Mutex) Unlock() (bool, error) { return true, nil }

func (m *Mutex) UnlockContext(ctx context.Context) (bool, error) { return true, nil }
