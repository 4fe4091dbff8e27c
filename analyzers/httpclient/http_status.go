package httpclient

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/config"
	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// Status returns the http-status rule.
func Status() *rule.Rule {
	return &rule.Rule{
		ID:       "http-status",
		Severity: config.SeverityError,
		Enabled:  true,
		Imports:  []string{"net/http"},
		Requires: sendRequires,
		Doc: rule.Doc{
			Title: "report HTTP response bodies read without a status check",
			Why: "net/http returns a nil error for every response the server sends, 429 and 500 included. Code that " +
				"decodes the body without looking at StatusCode treats a rate-limit or error page as data: the decode " +
				"fails with a confusing syntax error, or worse succeeds into zero values that flow on: a client that " +
				"decodes 429 Too Many Requests answers as results fails exactly when the upstream starts rate limiting.",
			Bad: "resp, err := client.Get(url)\n" +
				"if err != nil {\n\treturn err\n}\n" +
				"defer resp.Body.Close()\n" +
				"return json.NewDecoder(resp.Body).Decode(&v)",
			Good: "resp, err := client.Get(url)\n" +
				"if err != nil {\n\treturn err\n}\n" +
				"defer resp.Body.Close()\n" +
				"if resp.StatusCode != http.StatusOK {\n\treturn fmt.Errorf(\"fetch %s: %s\", url, resp.Status)\n}\n" +
				"return json.NewDecoder(resp.Body).Decode(&v)",
			Quiet: "A response whose StatusCode or Status is read anywhere in the function, before or after the body " +
				"(reading the body first to put it in the error message is a common safe form). " +
				"A response handed whole to another function (checkStatus(resp), decode(resp)), returned, stored or " +
				"aliased: prodlint does not follow calls, and a helper that receives the whole *http.Response is " +
				"where such code usually checks the status, so reporting would mostly be noise. " +
				"A body decoded into a struct whose boolean success flag is tested right after (if !out.Ok), with an " +
				"error built from another field of the answer returned when it is false (out.Description, out.ErrorCode): " +
				"the API reports failures in its body, a JSON error answer decodes with the flag false and its explanation " +
				"reaches the error, and any other error page fails the decode. A false flag answered with an error that " +
				"reads nothing from the body is still reported. " +
				"Likewise a body decoded (a decoder, or io.ReadAll then json.Unmarshal or xml.Unmarshal) into a struct " +
				"whose string status field is compared with a non-empty constant right after, an error being returned " +
				"when it differs (if out.Status != \"healthy\" { return err }): an error answer fails the decode or " +
				"lacks the expected value. A comparison answered without returning an error is still reported. " +
				"Test-harness code outside _test.go files, with tests = false: a function that uses a *testing.T, *testing.B, " +
				"*testing.F or testing.TB (a parameter, or a field such as tc.t) is test code. " +
				"A body drained with io.Copy(io.Discard, resp.Body), closed, or handed to a helper (the helper reads " +
				"it, not this function). The reads it knows: io.ReadAll, io.ReadFull, io.Copy (not to io.Discard), " +
				"ioutil.ReadAll, json/xml/gob decoders, csv and bufio readers, resp.Body.Read, also through " +
				"io.LimitReader, io.TeeReader and gzip.NewReader. " +
				"A body read into a variable used only as the input of a strict parser of a binary or framed format " +
				"(x509 certificate, CRL and key parsers, ocsp.ParseResponse, pem.Decode, asn1.Unmarshal, protobuf " +
				"Unmarshal), or first parsed by one whose error returns before the bytes are used again: an error page " +
				"cannot parse as one, so it is never used as data.",
		},
		Run: runStatus,
	}
}

func runStatus(p *rule.Pass) error {
	for _, sa := range sendsOf(p) {
		c, s := sa.cursor, sa.send
		p.At(c.Node())
		r, ok := resultsOf(p.TypesInfo, c)
		if !ok || r.respVar == nil {
			continue
		}
		read, decoded := uncheckedRead(p.TypesInfo, match.OutermostFunc(c), r.respVar)
		if read == nil || p.IsTestCode(c) {
			continue
		}
		if !decoded && parsedStrictly(p.TypesInfo, match.OutermostFunc(c), read) {
			continue // x509.ParseCertificate(body): an error page cannot parse as a certificate
		}
		if decoded && checksEnvelope(p.TypesInfo, match.OutermostFunc(c), read) {
			continue // the API's own success flag is checked: an error answer cannot pass as data
		}
		if checksStatusValue(p.TypesInfo, match.OutermostFunc(c), read, decoded) {
			continue // if out.Status != "ok" { return err }: an error answer cannot pass as data
		}
		verb := "read"
		if decoded {
			verb = "decoded"
		}
		name := r.respVar.Name()
		p.Reportf(read, "the body of the response from %s is %s but %s.StatusCode is never checked: a 429 or 500 "+
			"error page is %s as if it were data; check StatusCode before using the body", s.api(p.TypesInfo), verb, name, verb)
	}
	return nil
}

// uncheckedRead returns the first call in fn that reads the body of resp,
// unless fn looks at resp.StatusCode or resp.Status, or hands resp on.
func uncheckedRead(info *types.Info, fn inspector.Cursor, resp *types.Var) (read *ast.CallExpr, decoded bool) {
	if !fn.Valid() {
		return nil, false
	}
	for _, use := range usesOf(info, fn, resp) {
		if escapes(info, use) {
			return nil, false
		}
		sel, field := responseField(info, use)
		switch field {
		case "StatusCode", "Status":
			return nil, false
		case "Body":
			access, call := accessOf(info, sel)
			if read == nil && (access == bodyRead || access == bodyDecoded) {
				read, decoded = call, access == bodyDecoded
			}
		}
	}
	return read, decoded
}
