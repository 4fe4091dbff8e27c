package retrynobackoff

type point struct{ name string }

type pointIterator interface {
	Next() (*point, error)
}

type bufIterator struct {
	itr pointIterator
	buf *point
}

func (b *bufIterator) Next() (*point, error) {
	if p := b.buf; p != nil {
		b.buf = nil
		return p, nil
	}
	return b.itr.Next()
}

// Quiet: a merge over iterators that moves to the next one when the
// current one is drained (p == nil). The iterator is an interface whose
// I/O is only guessed from its shape, so a nil result is the end of a
// stream, not a failed request; its error ends the loop.
func mergeNext(heap []*bufIterator) (*point, error) {
	var curr *bufIterator
	for {
		if curr == nil {
			if len(heap) == 0 {
				return nil, nil
			}
			curr, heap = heap[0], heap[1:]
		}
		p, err := curr.Next()
		if err != nil {
			return nil, err
		}
		if p == nil {
			curr = nil
			continue
		}
		return p, nil
	}
}

// Quiet: the error ends the loop; the else branch (a success) skips a
// point and reads the next one.
func firstLive(it pointIterator) (*point, error) {
	for {
		p, err := it.Next()
		if err != nil || p == nil {
			return nil, err
		} else if p.name == "" {
			continue
		}
		return p, nil
	}
}
