// Package logrus synthesizes github.com/sirupsen/logrus for tests.
package logrus

// Fields type, used to pass to WithFields.
type Fields map[string]interface{}

// Logger is a logrus logger.
type Logger struct{}

// Entry is the final or intermediate Logrus logging entry.
type Entry struct{}

func New() *Logger                                                    { return &Logger{} }
func StandardLogger() *Logger                                         { return &Logger{} }
func WithField(key string, value interface{}) *Entry                  { return &Entry{} }
func WithFields(fields Fields) *Entry                                 { return &Entry{} }
func Info(args ...interface{})                                        {}
func Infof(format string, args ...interface{})                        {}
func Warnln(args ...interface{})                                      {}
func (logger *Logger) WithField(key string, value interface{}) *Entry { return &Entry{} }
func (logger *Logger) WithFields(fields Fields) *Entry                { return &Entry{} }
func (logger *Logger) Info(args ...interface{})                       {}
func (logger *Logger) Errorf(format string, args ...interface{})      {}
func (entry *Entry) WithField(key string, value interface{}) *Entry   { return entry }
func (entry *Entry) WithFields(fields Fields) *Entry                  { return entry }
func (entry *Entry) Info(args ...interface{})                         {}
func (entry *Entry) Debugf(format string, args ...interface{})        {}
func (entry *Entry) Bytes() ([]byte, error)                           { return nil, nil }
