package jwtcheck

import (
	"go/ast"
	"go/types"
	"slices"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/prodlint/prodlint/analyzers/internal/apis"
	"github.com/prodlint/prodlint/analyzers/internal/config"
	"github.com/prodlint/prodlint/analyzers/internal/fix"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
	"github.com/prodlint/prodlint/analyzers/internal/summary/jwtsum"
)

// NoExpiryOptions are jwt-no-expiry's rules.toml keys.
type NoExpiryOptions struct {
	MaxLifetime     config.Duration `toml:"max-lifetime" doc:"the longest constant token lifetime accepted; longer ones are reported"`
	DefaultLifetime config.Duration `toml:"default-lifetime" doc:"the lifetime the fix gives a token that has no expiry" min:"1"`
	PurposeLifetime config.Duration `toml:"purpose-max-lifetime" doc:"the longest constant lifetime accepted for a refresh, invitation, reset or verification token that carries a unique id (jti)"`
}

// NoExpiry returns the jwt-no-expiry rule.
func NoExpiry() *rule.Rule {
	return &rule.Rule{
		ID:       "jwt-no-expiry",
		Severity: config.SeverityError,
		Enabled:  true,
		Imports:  apis.JWTPaths(),
		Requires: []*analysis.Analyzer{jwtsum.Analyzer},
		NewOptions: func() any {
			return &NoExpiryOptions{
				MaxLifetime:     config.Duration(24 * time.Hour),
				DefaultLifetime: config.Duration(15 * time.Minute),
				PurposeLifetime: config.Duration(30 * 24 * time.Hour),
			}
		},
		Doc: rule.Doc{
			Title: "report JWTs signed with no expiry or an expiry years away",
			Why: `A JWT is valid until its "exp" claim says otherwise: the server keeps no list of ` +
				`tokens to revoke. A token issued to someone who has since left, or stolen from a log or ` +
				`a browser, keeps opening the API for as long as it claims to be valid. A token without exp (a ` +
				`MapClaims with no "exp" key, a RegisteredClaims or StandardClaims, also embedded in ` +
				`your own claims struct, with no ExpiresAt) or with a lifetime of years is a ` +
				`credential that never dies: once it leaks, or its user is removed, nothing but ` +
				`rotating the signing key stops it. An exp a year or more away, by an offset from now ` +
				`or a fixed date or Unix time, effectively never expires and is always reported; a ` +
				`shorter one is reported above max-lifetime (24h by default). A fixed date also ` +
				`counts from now: every token signed before it stays valid until then.`,
			Bad: `claims := jwt.MapClaims{"sub": userID}
return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)`,
			Good: `claims := jwt.MapClaims{"sub": userID, "exp": time.Now().Add(15 * time.Minute).Unix()}
return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)`,
			Scope: `The claims signed are those given to NewWithClaims, or the Claims of a token built by ` +
				`hand (a jwt.Token literal that sets its Method, then signed with SignedString). ` +
				`Signing helpers are followed: claims passed to a function, of this package or another ` +
				`analyzed with it, that signs them as given (NewWithClaims, itself or through the ` +
				`functions it calls, touching them nowhere else) are judged where the caller builds them.`,
			Fix: `Adds "exp": time.Now().Add(default-lifetime).Unix() to a MapClaims literal, ` +
				`ExpiresAt: jwt.NewNumericDate(time.Now().Add(default-lifetime)) to a ` +
				`RegisteredClaims literal (time.Now().Add(...).Unix() for StandardClaims), or the ` +
				`embedded claims with that ExpiresAt to a custom claims literal; default-lifetime ` +
				`is 15m. Pair short tokens with a refresh flow.`,
		},
		Quiet: rule.Declare(noExpiryCollected, rule.Forms(noExpiryQuiet)),
		Run:   runNoExpiry,
	}
}

func runNoExpiry(p *rule.Pass) error {
	opts := rule.Options[NoExpiryOptions](p)
	sum := p.ResultOf[jwtsum.Analyzer].(*jwtsum.Result)
	for c := range p.Cursors((*ast.CallExpr)(nil), (*ast.CompositeLit)(nil)) {
		var arg ast.Expr
		switch n := c.Node().(type) {
		case *ast.CallExpr:
			fn := calleeOf(p.TypesInfo, n)
			if !isJWTFunc(fn, "NewWithClaims") || len(n.Args) < 2 {
				signedByHelper(p, sum, n, fn, opts)
				continue
			}
			arg = n.Args[1]
		case *ast.CompositeLit:
			if arg = tokenLiteralClaims(p.TypesInfo, n); arg == nil {
				continue
			}
		}
		shape, ok := shapeOf(p.TypesInfo.TypeOf(arg))
		if !ok {
			if p.Explaining() && ownsExpiry(p.TypesInfo.TypeOf(arg)) {
				rule.Decided(p, arg, "own-exp-claims")
			}
			continue // claims whose exp we cannot locate
		}
		exp := claimsExpiry(p, arg, shape)
		if rule.Quiet(p, c.Node(), noExpiryQuiet, signedClaims{p, c, exp}) {
			continue
		}
		if len(exp.values) == 0 {
			reportNoExpiry(p, arg, exp, shape, opts)
			continue
		}
		if exp.afterLiteral {
			rule.Decided(p, arg, "exp-set-after-literal")
		}
		purpose := isPurposeToken(p, c, arg)
		limit, limitName := opts.MaxLifetime.Std(), "max-lifetime"
		if purpose {
			limit, limitName = opts.PurposeLifetime.Std(), "purpose-max-lifetime"
		}
		for _, v := range exp.values {
			lifetime, form := reportLongLifetime(p, v, limit, limitName)
			if purpose && form == "lifetime-within-limit" && lifetime > opts.MaxLifetime.Std() {
				form = "revocable-purpose-token" // within the limit only for a revocable purpose token
			}
			if form != "" {
				rule.Decided(p, v, form)
			}
		}
	}
	return nil
}

// signedByHelper judges the claims a call hands to a function (of this
// package or another) whose summary says it signs them as given: the
// helper adds no exp, so the caller's claims must carry one.
func signedByHelper(p *rule.Pass, sum *jwtsum.Result, call *ast.CallExpr, obj types.Object, opts *NoExpiryOptions) {
	fn, ok := obj.(*types.Func)
	if !ok || fn == nil || call.Ellipsis.IsValid() {
		return
	}
	f := sum.Func(fn)
	if p.Explaining() {
		decideHelperSetsExpiry(p, call, fn, f)
	}
	if f == nil {
		return
	}
	for _, i := range f.Signs {
		if i >= len(call.Args) {
			continue
		}
		arg := call.Args[i]
		shape, ok := shapeOf(p.TypesInfo.TypeOf(arg))
		if !ok {
			if p.Explaining() && ownsExpiry(p.TypesInfo.TypeOf(arg)) {
				rule.Decided(p, arg, "own-exp-claims")
			}
			continue
		}
		exp := claimsExpiry(p, arg, shape)
		if !exp.known {
			continue
		}
		if len(exp.values) == 0 {
			reportNoExpiry(p, arg, exp, shape, opts)
			continue
		}
		if exp.afterLiteral {
			rule.Decided(p, arg, "exp-set-after-literal")
		}
		for _, v := range exp.values {
			if _, form := reportLongLifetime(p, v, opts.MaxLifetime.Std(), "max-lifetime"); form != "" {
				rule.Decided(p, v, form)
			}
		}
	}
}

// decideHelperSetsExpiry names helper-sets-exp, for -explain, for each
// argument of call that holds claims with no exp, handed to a parameter of
// a JWT claims type that the callee fn does not sign as given (f, its
// summary, lists those it does): the helper, outside the JWT library,
// sets exp itself or uses the claims otherwise, so the claims are not
// judged at the call.
func decideHelperSetsExpiry(p *rule.Pass, call *ast.CallExpr, fn *types.Func, f *jwtsum.Func) {
	if isJWTPackage(fn.Pkg()) {
		return // the library's own functions (ParseWithClaims fills the claims it is given)
	}
	params := fn.Signature().Params()
	for i, arg := range call.Args {
		if i >= params.Len() || f != nil && slices.Contains(f.Signs, i) || !isClaimsType(params.At(i).Type()) {
			continue
		}
		shape, ok := shapeOf(p.TypesInfo.TypeOf(arg))
		if !ok {
			continue
		}
		if exp := claimsExpiry(p, arg, shape); exp.known && len(exp.values) == 0 {
			rule.Decided(p, arg, "helper-sets-exp")
		}
	}
}

// reportNoExpiry reports claims signed with no exp, with the fix that adds
// one when it is mechanical.
func reportNoExpiry(p *rule.Pass, arg ast.Expr, exp expiry, shape claimsShape, opts *NoExpiryOptions) {
	var what, add string
	def := fix.Duration(opts.DefaultLifetime.Std(), "time")
	switch shape.kind {
	case kindMap:
		what = `these ` + shape.describe() + ` have no "exp"`
		add = `add "exp": time.Now().Add(` + def + `).Unix()`
	case kindRegistered:
		what = `these ` + shape.describe() + ` set no ExpiresAt`
		add = `set ExpiresAt: ` + shape.claims.Pkg().Name() + `.NewNumericDate(time.Now().Add(` + def + `))`
	case kindStandard:
		what = `these ` + shape.describe() + ` set no ExpiresAt`
		add = `set ExpiresAt: time.Now().Add(` + def + `).Unix()`
	}
	if len(shape.path) > 0 {
		t := p.TypesInfo.TypeOf(arg)
		if ptr, ok := t.(*types.Pointer); ok {
			t = ptr.Elem()
		}
		custom := types.TypeString(t, types.RelativeTo(p.Pkg))
		what = "the " + custom + " claims embed " + shape.describe() + " with no ExpiresAt"
	}
	msg := "this token never expires: " + what + ", so a leaked or revoked user's token stays valid forever; " +
		add + " and refresh tokens instead"
	if f, ok := addExpiryFix(p, exp, shape, opts.DefaultLifetime.Std()); ok {
		p.Report(arg, msg, f)
		return
	}
	p.Report(arg, msg)
}

// reportLongLifetime reports an exp that lies further away than limit
// (the option named limitName), when it is a constant offset from now or a
// constant date or Unix time. An exp a year or more away is reported
// whatever the limit: such a token effectively never expires. When it does
// not report, it returns the Collected form that kept the exp quiet (for
// -explain) and, for an exp within the limit, the lifetime it found.
func reportLongLifetime(p *rule.Pass, e ast.Expr, limit time.Duration, limitName string) (lifetime time.Duration, quiet string) {
	if d, ok := lifetimeOf(p, e); ok {
		switch {
		case d >= neverHorizon:
			p.Reportf(e, "this token stays valid for %s, so it effectively never expires: a leaked or revoked user's "+
				"token keeps working all that time; issue tokens that live minutes to hours and refresh them",
				humanDuration(d))
		case d > limit:
			p.Reportf(e, "this token stays valid for %s, more than the %s %s: a leaked or revoked user's "+
				"token keeps working all that time; issue tokens that live minutes to hours and refresh them",
				humanDuration(d), config.Duration(limit), limitName)
		default:
			return d, "lifetime-within-limit"
		}
		return 0, ""
	}
	at, ok := absoluteExpiry(p, e)
	if !ok {
		return 0, "configured-lifetime" // a lifetime the analysis does not evaluate: the operator's choice
	}
	left := time.Until(at)
	switch {
	case left >= neverHorizon:
		p.Reportf(e, "this token expires at the fixed date %s, so it effectively never expires: every token signed "+
			"before then stays valid until that date even if leaked or revoked; set exp to "+
			"time.Now().Add(a lifetime of minutes to hours)", at.UTC().Format(time.DateOnly))
	case left > limit:
		p.Reportf(e, "this token expires at the fixed date %s, not a lifetime after issue: every token signed "+
			"now stays valid for %s, more than the %s %s, and later ones ever less; set exp to "+
			"time.Now().Add(a lifetime of minutes to hours)", at.UTC().Format(time.DateOnly), humanDuration(left),
			config.Duration(limit), limitName)
	case left <= 0:
		return 0, "past-date"
	default:
		return left, "lifetime-within-limit"
	}
	return 0, ""
}

// tokenLiteralClaims returns the Claims of a jwt.Token literal that also
// sets its Method (jwt.Token{Method: m, Claims: c}, then t.SignedString):
// the token is built by hand to be signed, as NewWithClaims(m, c) would
// build it.
func tokenLiteralClaims(info *types.Info, lit *ast.CompositeLit) ast.Expr {
	if !isJWTNamed(info.TypeOf(lit), "Token") {
		return nil
	}
	var claims ast.Expr
	method := false
	for _, e := range lit.Elts {
		kv, ok := e.(*ast.KeyValueExpr)
		if !ok {
			return nil
		}
		switch id, _ := kv.Key.(*ast.Ident); {
		case id == nil:
		case id.Name == "Claims":
			claims = kv.Value
		case id.Name == "Method":
			method = true
		}
	}
	if !method {
		return nil
	}
	return claims
}
