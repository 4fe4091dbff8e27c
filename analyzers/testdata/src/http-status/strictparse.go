package httpstatus

import (
	"crypto/x509"
	"encoding/pem"
	"errors"
	"io"
	"net/http"
)

// A body used only as the input of a strict parser of a binary or framed
// format cannot pass an error page off as data: it fails to parse. Quiet.
// The same body also used as text is still reported.

func quietStrictParser(c *http.Client, url string) (*x509.Certificate, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	der, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return nil, err
	}
	return x509.ParseCertificate(der)
}

func fetchPEM(c *http.Client, url string) (*pem.Block, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	block, _ := pem.Decode(data)
	if block == nil {
		return nil, errors.New("no PEM block")
	}
	return block, nil
}

// The raw bytes returned once they have parsed: quiet too.
func fetchIssuerRaw(c *http.Client, url string) ([]byte, *x509.Certificate, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	der, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, nil, err
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, nil, err
	}
	return der, cert, nil
}

func fetchIssuerOrText(c *http.Client, url string) (*x509.Certificate, string, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, "", err
	}
	defer resp.Body.Close()
	der, err := io.ReadAll(resp.Body) // want `\[http-status\] the body of the response from c.Get is read`
	if err != nil {
		return nil, "", err
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, string(der), nil
	}
	return cert, "", nil
}

// A certificate tried as DER, then, when that fails, as PEM by a function
// with the strict parser's own results, whose error returns: the body has
// parsed one way or the other before it is used. Quiet.
func fetchDERorPEM(c *http.Client, url string) (*x509.Certificate, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var data []byte
	data, err = io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	crt, err := x509.ParseCertificate(data)
	if err != nil {
		println("not DER, trying PEM")
		crt, err = certFromPEM(data)
		if err != nil {
			return nil, err
		}
	}
	return crt, nil
}

func certFromPEM(b []byte) (*x509.Certificate, error) {
	block, _ := pem.Decode(b)
	if block == nil {
		return nil, errors.New("no PEM block")
	}
	return x509.ParseCertificate(block.Bytes)
}

// The fallback's error only logged: an error page that fails both parses
// goes on as a nil certificate with a nil error. Reported.
func fetchDERorPEMLogged(c *http.Client, url string) (*x509.Certificate, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body) // want `\[http-status\] the body of the response from c.Get is read`
	if err != nil {
		return nil, err
	}
	crt, err := x509.ParseCertificate(data)
	if err != nil {
		crt, err = certFromPEM(data)
		if err != nil {
			println(err.Error())
		}
	}
	return crt, nil
}

// A fallback of another result type (the body kept as text) is no parse of
// the same format. Reported.
func fetchDERorText(c *http.Client, url string) (*x509.Certificate, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body) // want `\[http-status\] the body of the response from c.Get is read`
	if err != nil {
		return nil, err
	}
	crt, err := x509.ParseCertificate(data)
	if err != nil {
		note, err := textOf(data)
		if err != nil {
			return nil, err
		}
		println(note)
	}
	return crt, nil
}

func textOf(b []byte) (string, error) { return string(b), nil }
