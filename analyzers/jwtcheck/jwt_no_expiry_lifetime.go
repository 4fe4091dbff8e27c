package jwtcheck

import (
	"fmt"
	"go/ast"
	"go/token"
	"math"
	"time"

	"github.com/prodlint/prodlint/analyzers/internal/config"
	"github.com/prodlint/prodlint/analyzers/internal/match"
	"github.com/prodlint/prodlint/analyzers/internal/rule"
)

// lifetimeOf returns how long after issue the expiry expression e lets a
// token live, when that is a constant offset from now:
//
//	time.Now().Add(D)                 time.Now().AddDate(y, m, d)
//	jwt.NewNumericDate(<time>)        &jwt.NumericDate{Time: <time>}
//	<time>.Unix()                     time.Now().Unix() + N
//
// where "now" may be a variable declared as time.Now() (optionally .UTC()).
// ok is false for anything else, such as a lifetime read from
// configuration.
func lifetimeOf(p *rule.Pass, e ast.Expr) (d time.Duration, ok bool) {
	e = unparenAddr(e)
	switch e := e.(type) {
	case *ast.CompositeLit: // jwt.NumericDate{Time: t} or {t}
		if !isJWTNamed(p.TypesInfo.TypeOf(e), "NumericDate") || len(e.Elts) != 1 {
			return 0, false
		}
		v := e.Elts[0]
		if kv, isKV := v.(*ast.KeyValueExpr); isKV {
			v = kv.Value
		}
		return timeOffset(p, v)
	case *ast.BinaryExpr: // time.Now().Unix() + N
		if e.Op != token.ADD {
			return 0, false
		}
		if secs, isConst := match.ConstInt(p.TypesInfo, e.Y); isConst && isNowUnix(p, e.X) {
			return seconds(secs), true
		}
		if secs, isConst := match.ConstInt(p.TypesInfo, e.X); isConst && isNowUnix(p, e.Y) {
			return seconds(secs), true
		}
		return 0, false
	case *ast.CallExpr:
		fn := calleeOf(p.TypesInfo, e)
		switch {
		case isJWTFunc(fn, "NewNumericDate") && len(e.Args) == 1:
			return timeOffset(p, e.Args[0])
		case match.IsMethod(fn, "time", "Time", "Unix"):
			return timeOffset(p, e.Fun.(*ast.SelectorExpr).X)
		}
	}
	return timeOffset(p, e)
}

// timeOffset returns D for the time.Time expressions now.Add(D) and
// now.AddDate(y, m, d) with constant arguments.
func timeOffset(p *rule.Pass, e ast.Expr) (time.Duration, bool) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return 0, false
	}
	fn := calleeOf(p.TypesInfo, call)
	if !match.IsMethod(fn, "time", "Time", "Add", "AddDate") || !isNow(p, call.Fun.(*ast.SelectorExpr).X) {
		return 0, false
	}
	if fn.Name() == "Add" {
		n, isConst := match.ConstInt(p.TypesInfo, call.Args[0])
		return time.Duration(n), isConst
	}
	var days [3]int64
	for i, arg := range call.Args {
		n, isConst := match.ConstInt(p.TypesInfo, arg)
		if !isConst {
			return 0, false
		}
		days[i] = n
	}
	return calendarDays(days[0]*365 + days[1]*30 + days[2]), true
}

// isNow reports whether e is the current time: time.Now(), optionally
// followed by .UTC(), .Local(), .Round(x) or .Truncate(x), or a variable
// declared with such a value and never reassigned.
func isNow(p *rule.Pass, e ast.Expr) bool {
	e = ast.Unparen(e)
	if v := localValue(p, e); v != nil {
		e = ast.Unparen(v)
	}
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return false
	}
	fn := calleeOf(p.TypesInfo, call)
	if match.IsFunc(fn, "time", "Now") {
		return true
	}
	if match.IsMethod(fn, "time", "Time", "UTC", "Local", "Round", "Truncate") {
		return isNow(p, call.Fun.(*ast.SelectorExpr).X)
	}
	return false
}

// isNowUnix reports whether e is now.Unix().
func isNowUnix(p *rule.Pass, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	return ok && match.IsMethod(calleeOf(p.TypesInfo, call), "time", "Time", "Unix") &&
		isNow(p, call.Fun.(*ast.SelectorExpr).X)
}

// seconds converts n seconds to a Duration, saturating instead of
// overflowing.
func seconds(n int64) time.Duration {
	if n > math.MaxInt64/int64(time.Second) {
		return math.MaxInt64
	}
	return time.Duration(n) * time.Second
}

// calendarDays converts n days to a Duration, saturating.
func calendarDays(n int64) time.Duration {
	if n > math.MaxInt64/int64(24*time.Hour) {
		return math.MaxInt64
	}
	return time.Duration(n) * 24 * time.Hour
}

// humanDuration writes a lifetime the way people say it: "90m", "30 days",
// "100 years".
func humanDuration(d time.Duration) string {
	const day, year = 24 * time.Hour, 365 * 24 * time.Hour
	switch {
	case d == math.MaxInt64:
		return "centuries"
	case d >= 2*year:
		return fmt.Sprintf("%d years", d/year)
	case d >= 2*day:
		return fmt.Sprintf("%d days", d/day)
	}
	return config.Duration(d).String()
}
