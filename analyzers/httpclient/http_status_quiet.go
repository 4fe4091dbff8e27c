package httpclient

import (
	"go/ast"
	"go/types"

	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// statusRead is the first read of a response body in a function that
// never looks at the status, a candidate of http-status.
type statusRead struct {
	p       *rule.Pass
	sa      sendAt
	read    *ast.CallExpr
	decoded bool
	errVar  *types.Var // the send's error, when it is a local variable
}

// statusQuiet are the safe forms of a body read without a status check.
var statusQuiet = []rule.QuietForm[statusRead]{
	rule.TestHarness(func(c statusRead) bool { return c.p.IsTestCode(c.sa.cursor) }),
	{
		Name: "strict-parser",
		Doc: "A body read into a variable used only as the input of a strict parser of a binary or framed format " +
			"(x509 certificate, CRL and key parsers, ocsp.ParseResponse, pem.Decode, asn1.Unmarshal, protobuf " +
			"Unmarshal), or first parsed by one whose error returns before the bytes are used again, or whose failure " +
			"branch parses them once more, into the same variables by a call with the same result types (a " +
			"certificate tried as DER, then as PEM), that second parse's error returning: an error page cannot parse " +
			"as one, so it is never used as data.",
		Applies: func(c statusRead) bool {
			return !c.decoded && parsedStrictly(c.p.TypesInfo, match.OutermostFunc(c.sa.cursor), c.read)
		},
	},
	{
		Name: "success-flag-checked",
		Doc: "A body decoded into a struct whose boolean success flag (or one of a struct-valued field) is tested " +
			"right after (if !out.Ok), with an " +
			"error built from another field of the answer returned when it is false (out.Description, out.ErrorCode): " +
			"the API reports failures in its body, a JSON error answer decodes with the flag false and its explanation " +
			"reaches the error, and any other error page fails the decode.",
		Applies: func(c statusRead) bool {
			return c.decoded && checksEnvelope(c.p.TypesInfo, match.OutermostFunc(c.sa.cursor), c.read)
		},
	},
	{
		Name: "flag-fails-closed",
		Doc: "A body decoded (a decoder, or io.ReadAll then json.Unmarshal, xml.Unmarshal or a decoder over " +
			"bytes.NewReader of the bytes) into a struct whose boolean " +
			"success flag is tested after the decode (if !out.Success; or a flag of a struct-valued field, if " +
			"!out.Meta.Success, not one behind a pointer), a non-nil error being returned when it is false, " +
			"with the decode's own error returned too (in a function without results, a handler or middleware closure: " +
			"each branch ending in a return, so nothing after it runs): an error page fails the decode and a JSON error " +
			"answer decodes with the flag false, so every answer but a success ends in an error (the check fails " +
			"closed); a flag that is true on failure, whose branch only logs, or that returns a nil error, is still " +
			"reported.",
		Applies: func(c statusRead) bool {
			return failsClosed(c.p.TypesInfo, match.OutermostFunc(c.sa.cursor), c.read, c.decoded)
		},
	},
	{
		Name: "validity-checked",
		Doc: "A body decoded (a decoder, or io.ReadAll then json.Unmarshal, xml.Unmarshal or a decoder over " +
			"bytes.NewReader of the bytes) into a variable, the " +
			"decode's own error returned, whose first use after the decode is an if statement that returns a non-nil " +
			"error (in a function without results: ends in a return) when the value fails a validity check, perhaps " +
			"after other if statements on the value that fail the same way (if tok.Error != \"\" { return err }): " +
			"a method of its type without arguments returning bool " +
			"negated (if !token.Valid()) or returning an error compared with nil (if err := v.Validate(); err != nil), " +
			"or a field compared with its zero value (if u.Login == \"\", len(u.Items) == 0, u.Key == nil; a field of a " +
			"struct-valued field counts, len(u.Results.Items) == 0, not one behind a pointer): an error page " +
			"fails the decode and an error answer that decodes is not valid, so the check fails closed; a check whose " +
			"branch does not return an error, or that comes after the value is used, is still reported.",
		Applies: func(c statusRead) bool {
			return validityChecked(c.p.TypesInfo, c.p.Index, match.OutermostFunc(c.sa.cursor), c.read, c.decoded)
		},
	},
	{
		Name: "decoded-into-list",
		Doc: "A body decoded (a decoder, or io.ReadAll then json.Unmarshal, xml.Unmarshal or a decoder over " +
			"bytes.NewReader of the bytes) into a slice or an array " +
			"(not of bytes), the decode's error being returned: an error answer (a JSON object, an HTML or text page) " +
			"cannot decode into a list, so it ends in that error; a decode into a struct or a map, or whose error is " +
			"dropped, is still reported.",
		Applies: func(c statusRead) bool {
			return decodedIntoList(c.p.TypesInfo, match.OutermostFunc(c.sa.cursor), c.read, c.decoded)
		},
	},
	{
		Name: "status-value-checked",
		Doc: "A body decoded (a decoder, or io.ReadAll then json.Unmarshal, xml.Unmarshal or a decoder over " +
			"bytes.NewReader of the bytes) into a struct whose " +
			"string status field (or one of a struct-valued field, out.Meta.Status) is compared with a non-empty " +
			"constant after the decode, an error being returned when it " +
			"differs (if out.Status != \"healthy\" { return err }), or a string or integer status field switched on, " +
			"every case a constant other than the zero value, with a default that returns an error: an error answer " +
			"fails the decode or lacks the expected value; a comparison answered without returning an error, a switch " +
			"without such a default, or one with a case for the zero value (an iota status whose 0 means ready), is " +
			"still reported.",
		Applies: func(c statusRead) bool {
			return checksStatusValue(c.p.TypesInfo, match.OutermostFunc(c.sa.cursor), c.read, c.decoded)
		},
	}, {
		Name: "list-searched",
		Doc: "A body decoded (a decoder, or io.ReadAll then json.Unmarshal, xml.Unmarshal or a decoder over " +
			"bytes.NewReader of the bytes) into a struct value (not a pointer, which a JSON null leaves nil), the " +
			"decode's own error returned, in a function whose last result is an error, the struct then used only " +
			"by range loops over a list field of it (for _, r := range out.Items; a field of a struct-valued " +
			"field counts) and in their bodies, every return that can report success (its error not errors.New, " +
			"fmt.Errorf, a literal, a package-level error variable given a value, or a variable tested != nil) " +
			"sitting inside such a loop, or inside a loop over a list declared empty and filled only in one (var " +
			"addrs []string, appended to there): an error page fails the decode, a JSON error answer decodes with " +
			"the list empty, no loop body runs and the function ends in its error (the search fails closed); a " +
			"return of success after the loops, or the struct used elsewhere, is still reported.",
		Applies: func(c statusRead) bool {
			return listSearched(c.p, match.OutermostFunc(c.sa.cursor), c.read, c.decoded)
		},
	}, {
		Name: "rendered-as-text",
		Doc: "A body read (not decoded) into bytes used only as the source of json.Indent or json.Compact, in a " +
			"function that, after the send, renders the send's error as text too (only tested against nil or " +
			"formatted by fmt.Sprint, Sprintf or Sprintln into a string that is assigned, never returned or wrapped): " +
			"it displays whatever came back, as it displays a failed send, and never uses the body as data; a function " +
			"that returns the send's error, or uses the bytes for anything else, is still reported.",
		Applies: func(c statusRead) bool {
			return renderedAsText(c.p.TypesInfo, match.OutermostFunc(c.sa.cursor), c.sa.send.call, c.read, c.errVar, c.decoded)
		},
	}, {
		Name: "compared-with-expected",
		Doc: "A body read (not decoded) into bytes, or copied into a bytes.Buffer (buf.ReadFrom(resp.Body), " +
			"io.Copy(&buf, resp.Body)) seen as buf.String() or buf.Bytes(), used only to be compared with an expected " +
			"value, perhaps as a trimmed string (if strings.TrimSpace(string(b)) != nonce), a non-nil error being " +
			"returned when it differs (in a function without results: handed to a call before a return), the bytes " +
			"appearing only in that error: an error page cannot equal the value the code expects, so it ends in the " +
			"error; a comparison with the empty string, a mismatch that is only logged or returns silently, or bytes " +
			"used for anything else, is still reported.",
		Applies: func(c statusRead) bool {
			return comparedWithExpected(c.p.TypesInfo, match.OutermostFunc(c.sa.cursor), c.read, c.decoded)
		},
	},
}

// statusCollected are the safe forms http-status decides while it finds
// the read: the response is never a candidate.
var statusCollected = rule.Collected(
	rule.Form{Name: "status-read", Doc: "A response whose StatusCode or Status is read anywhere in the function, " +
		"before or after the body (reading the body first to put it in the error message is a common safe form); " +
		"a status that only appears in a log line (an argument of a logging call made as a statement, such as " +
		"log.Printf or a logger's Debugf) is not a check: such a function is still reported."},
	rule.Form{Name: "response-handed-off", Doc: "A response handed whole to another function (checkStatus(resp), " +
		"decode(resp)), returned, stored or aliased: a helper that receives the whole *http.Response is where such " +
		"code usually checks the status."},
	rule.Form{Name: "body-not-read", Doc: "A body drained with io.Copy(io.Discard, resp.Body), closed, or handed " +
		"to a helper (the helper reads it, not this function)."},
)
