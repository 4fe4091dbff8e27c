// Package zerolog synthesizes github.com/rs/zerolog for tests.
package zerolog

import (
	"fmt"
	"io"
)

// Logger represents an active logging object.
type Logger struct{}

func New(w io.Writer) Logger                             { return Logger{} }
func (l Logger) With() Context                           { return Context{} }
func (l *Logger) Info() *Event                           { return &Event{} }
func (l *Logger) Debug() *Event                          { return &Event{} }
func (l *Logger) Error() *Event                          { return &Event{} }
func (l *Logger) Print(v ...interface{})                 {}
func (l *Logger) Printf(format string, v ...interface{}) {}

// Event represents a log event.
type Event struct{}

func (e *Event) Str(key, val string) *Event                   { return e }
func (e *Event) Strs(key string, vals []string) *Event        { return e }
func (e *Event) Bytes(key string, val []byte) *Event          { return e }
func (e *Event) Interface(key string, i interface{}) *Event   { return e }
func (e *Event) Any(key string, i interface{}) *Event         { return e }
func (e *Event) Stringer(key string, val fmt.Stringer) *Event { return e }
func (e *Event) Int(key string, i int) *Event                 { return e }
func (e *Event) Msg(msg string)                               {}
func (e *Event) Msgf(format string, v ...interface{})         {}
func (e *Event) Send()                                        {}

// Context configures a new sub-logger with contextual fields.
type Context struct{}

func (c Context) Str(key, val string) Context                 { return c }
func (c Context) Interface(key string, i interface{}) Context { return c }
func (c Context) Logger() Logger                              { return Logger{} }
