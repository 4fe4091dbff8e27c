package retrynobackoff

import (
	"errors"
	"io"
)

type recordReader interface {
	ReadRecord() (string, error)
}

type multiReader struct {
	readers []recordReader
	index   int
}

// Quiet: each round reads from the next reader (the index the loop steps),
// a walk over a list, not a retry of one call.
func (m *multiReader) ReadRecord() (string, error) {
	for {
		if m.index == len(m.readers) {
			return "", io.EOF
		}
		r, err := m.readers[m.index].ReadRecord()
		if err == nil {
			return r, nil
		}
		if !errors.Is(err, io.EOF) {
			return "", err
		}
		m.index++
	}
}

type singleReader struct {
	readers []recordReader
	index   int
}

// Reported twin: the same reader, called again at once after a failure.
func (m *singleReader) ReadRecord() (string, error) {
	for { // want `\[retry-no-backoff\] this loop retries recordReader.ReadRecord`
		r, err := m.readers[m.index].ReadRecord()
		if err == nil {
			return r, nil
		}
	}
}
