// Package zapcore synthesizes go.uber.org/zap/zapcore for tests.
package zapcore

// Field is a marshaling operation used to add a key-value pair to a logger's context.
type Field struct {
	Key    string
	String string
}

// Level is a logging priority.
type Level int8
