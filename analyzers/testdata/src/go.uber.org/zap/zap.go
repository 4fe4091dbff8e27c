// Package zap synthesizes go.uber.org/zap for tests.
package zap

import (
	"fmt"

	"go.uber.org/zap/zapcore"
)

// Field is an alias for zapcore.Field, as in zap.
type Field = zapcore.Field

// Logger is a fast, leveled, structured logger.
type Logger struct{}

func NewNop() *Logger                                  { return &Logger{} }
func L() *Logger                                       { return &Logger{} }
func S() *SugaredLogger                                { return &SugaredLogger{} }
func (log *Logger) Sugar() *SugaredLogger              { return &SugaredLogger{} }
func (log *Logger) With(fields ...Field) *Logger       { return log }
func (log *Logger) Debug(msg string, fields ...Field)  {}
func (log *Logger) Info(msg string, fields ...Field)   {}
func (log *Logger) Warn(msg string, fields ...Field)   {}
func (log *Logger) Error(msg string, fields ...Field)  {}
func (log *Logger) DPanic(msg string, fields ...Field) {}
func (log *Logger) Panic(msg string, fields ...Field)  {}
func (log *Logger) Fatal(msg string, fields ...Field)  {}

// SugaredLogger wraps the base Logger functionality in a slower, but less verbose, API.
type SugaredLogger struct{}

func (s *SugaredLogger) With(args ...interface{}) *SugaredLogger         { return s }
func (s *SugaredLogger) Info(args ...interface{})                        {}
func (s *SugaredLogger) Infof(template string, args ...interface{})      {}
func (s *SugaredLogger) Infow(msg string, keysAndValues ...interface{})  {}
func (s *SugaredLogger) Infoln(args ...interface{})                      {}
func (s *SugaredLogger) Errorw(msg string, keysAndValues ...interface{}) {}

func String(key string, val string) Field         { return Field{} }
func ByteString(key string, val []byte) Field     { return Field{} }
func Binary(key string, val []byte) Field         { return Field{} }
func Any(key string, value interface{}) Field     { return Field{} }
func Reflect(key string, val interface{}) Field   { return Field{} }
func Stringer(key string, val fmt.Stringer) Field { return Field{} }
func Int(key string, val int) Field               { return Field{} }
func Bool(key string, val bool) Field             { return Field{} }
