package retrynobackoff

import (
	"errors"
	"log"
	"net"
	"time"
)

func serve(conn net.Conn) { conn.Close() }

// A closed listener or a process out of file descriptors makes Accept fail
// at once every time: going round again spins.
func acceptContinues(ln net.Listener) {
	for { // want `\[retry-no-backoff\] this accept loop calls ln.Accept again at once after it fails: once ln is closed, or while the process is out of file descriptors \(EMFILE\)`
		conn, err := ln.Accept()
		if err != nil {
			log.Print(err)
			continue
		}
		go serve(conn)
	}
}

func acceptFallsThrough(ln net.Listener) {
	for { // want `this accept loop calls ln.Accept again at once after it fails: once ln is closed, or while`
		conn, err := ln.Accept()
		if err != nil {
			log.Print(err)
		} else {
			go serve(conn)
		}
	}
}

// Leaving on a closed listener still spins while file descriptors run out.
func acceptLeavesOnlyWhenClosed(ln net.Listener) error {
	for { // want `this accept loop calls ln.Accept again at once after it fails: it stops after ln is closed, but while the process is out of file descriptors \(EMFILE, a temporary error\), Accept fails at once every time`
		conn, err := ln.Accept()
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return err
			}
			log.Print(err)
			continue
		}
		go serve(conn)
	}
}

// A temporary error (EMFILE is one) goes round again at once.
func acceptContinuesOnTemporary(ln net.Listener) error {
	for { // want `this accept loop calls ln.Accept again at once after it fails`
		conn, err := ln.Accept()
		if ne, ok := err.(net.Error); ok && ne.Temporary() {
			continue
		}
		if err != nil {
			return err
		}
		go serve(conn)
	}
}

// A quit channel checked before each Accept ends the spin after Close, not
// while file descriptors run out.
func acceptChecksQuit(ln net.Listener, quit chan struct{}) {
	for { // want `this accept loop calls ln.Accept again at once after it fails: it stops after ln is closed`
		select {
		case <-quit:
			return
		default:
		}
		conn, err := ln.Accept()
		if err != nil {
			continue
		}
		go serve(conn)
	}
}

type server struct{ tcp *net.TCPListener }

func (s *server) acceptTCP() {
	for { // want `this accept loop calls s.tcp.AcceptTCP again at once after it fails: once s.tcp is closed`
		conn, err := s.tcp.AcceptTCP()
		if err != nil {
			continue
		}
		go serve(conn)
	}
}

// limitListener implements net.Listener: its Accept is a listener's.
type limitListener struct {
	net.Listener
	sem chan struct{}
}

func (l *limitListener) Accept() (net.Conn, error) {
	l.sem <- struct{}{}
	return l.Listener.Accept()
}

func acceptOwnListener(l *limitListener) {
	for { // want `this accept loop calls l.Accept again at once after it fails`
		conn, err := l.Accept()
		if err != nil {
			continue
		}
		go serve(conn)
	}
}

// acceptor has an Accept but is no net.Listener (no Close, no Addr).
type acceptor interface {
	Accept() (net.Conn, error)
}

func acceptNotAListener(a acceptor) {
	for {
		conn, err := a.Accept()
		if err != nil {
			continue
		}
		go serve(conn)
	}
}

func quietAcceptErrorLeaves(ln net.Listener) error {
	for {
		conn, err := ln.Accept()
		if err != nil {
			return err
		}
		go serve(conn)
	}
}

// net/http's Server.Serve: back off on temporary errors, return otherwise.
func quietAcceptLoopWaits(ln net.Listener) error {
	var tempDelay time.Duration
	for {
		conn, err := ln.Accept()
		if err != nil {
			if ne, ok := err.(net.Error); ok && ne.Temporary() {
				if tempDelay == 0 {
					tempDelay = 5 * time.Millisecond
				} else {
					tempDelay *= 2
				}
				if tempDelay > time.Second {
					tempDelay = time.Second
				}
				time.Sleep(tempDelay)
				continue
			}
			return err
		}
		tempDelay = 0
		go serve(conn)
	}
}

// A deadline set before each Accept makes a timeout come after a wait.
func quietAcceptContinuesOnlyOnTimeout(ln *net.TCPListener) error {
	for {
		_ = ln.SetDeadline(time.Now().Add(time.Second))
		conn, err := ln.Accept()
		if err != nil {
			if ne, ok := err.(*net.OpError); ok && ne.Timeout() {
				continue
			}
			return err
		}
		go serve(conn)
	}
}

// Continuing on a timeout and on any other error still spins.
func acceptContinuesOnTimeoutAndMore(ln *net.TCPListener) {
	for { // want `this accept loop calls ln.Accept again at once after it fails`
		_ = ln.SetDeadline(time.Now().Add(time.Second))
		conn, err := ln.Accept()
		if err != nil {
			if ne, ok := err.(net.Error); ok && ne.Timeout() {
				continue
			}
			log.Print(err)
			continue
		}
		go serve(conn)
	}
}

func serveWithPause(conn net.Conn) {
	time.Sleep(time.Second)
	conn.Close()
}

func spawn(f func()) { go f() }

// A wait in the goroutine that serves a connection, or in a callback the
// loop hands on, does not pause the loop.
func acceptStartsWaitingGoroutines(ln net.Listener) {
	for { // want `this accept loop calls ln.Accept again at once after it fails`
		conn, err := ln.Accept()
		if err != nil {
			continue
		}
		go serveWithPause(conn)
		spawn(func() { time.Sleep(time.Second) })
	}
}

// The error goes to a goroutine that decides; the send waits for it.
func quietAcceptErrorHandedOn(ln net.Listener, conns chan<- net.Conn, errc chan<- error) {
	for {
		conn, err := ln.Accept()
		if err != nil {
			errc <- err
			continue
		}
		conns <- conn
	}
}

// A send that gives up when no one takes it does not wait.
func acceptErrorDroppedWhenBusy(ln net.Listener, errc chan<- error) {
	for { // want `this accept loop calls ln.Accept again at once after it fails`
		conn, err := ln.Accept()
		if err != nil {
			select {
			case errc <- err:
			default:
			}
			continue
		}
		go serve(conn)
	}
}

// A wait before leaving does not pause the turns that come back.
func acceptWaitsOnlyBeforeReturn(ln net.Listener, done chan struct{}) error {
	for { // want `this accept loop calls ln.Accept again at once after it fails`
		conn, err := ln.Accept()
		if ne, ok := err.(net.Error); ok && ne.Temporary() {
			continue
		}
		if err != nil {
			<-done
			return err
		}
		go serve(conn)
	}
}
