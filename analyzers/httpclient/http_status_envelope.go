package httpclient

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/prodlint/prodlint/analyzers/internal/index"
	"github.com/prodlint/prodlint/analyzers/internal/match"
)

// checksEnvelope reports whether the body that newDecoder (a
// json/xml/gob.NewDecoder call over resp.Body) reads is decoded into a
// struct whose boolean success field is tested after the decode, with an
// error built from another field of the same value returned when it is
// false:
//
//	json.NewDecoder(resp.Body).Decode(&out)
//	if !out.Ok {
//		return fmt.Errorf("api: %s (code %d)", out.Description, out.ErrorCode)
//	}
//
// Such an API reports failures in the body (Telegram's ok/error_code/
// description envelope). A JSON error answer decodes with the flag false
// (its zero value) and its own explanation reaches the error; any other
// error page fails the decode. Either way no error page passes as data.
// A false flag answered with an error that does not read the body is the
// flag-fails-closed form (failsClosed).
func checksEnvelope(info *types.Info, fn inspector.Cursor, newDecoder *ast.CallExpr) bool {
	if !fn.Valid() {
		return false
	}
	out := decodeTarget(info, fn, newDecoder)
	if out == nil {
		return false
	}
	for c := range fn.Preorder((*ast.IfStmt)(nil)) {
		stmt := c.Node().(*ast.IfStmt)
		if stmt.Pos() < newDecoder.End() {
			continue // tested before the decode: not the answer's flag
		}
		flag := negatedBoolField(info, stmt.Cond, out)
		if flag != nil && returnsErrorFromOtherField(info, stmt.Body, out, flag) {
			return true
		}
	}
	return false
}

// decodeTarget returns the variable v of the Decode(&v) call made on the
// decoder newDecoder builds, directly (json.NewDecoder(r).Decode(&v)) or
// through a local variable (d := json.NewDecoder(r); d.Decode(&v)).
func decodeTarget(info *types.Info, fn inspector.Cursor, newDecoder *ast.CallExpr) *types.Var {
	_, out := decodeSite(info, fn, newDecoder)
	return out
}

// decodeSite returns the Decode(&v) call made on the decoder newDecoder
// builds, and v (see decodeTarget).
func decodeSite(info *types.Info, fn inspector.Cursor, newDecoder *ast.CallExpr) (*ast.CallExpr, *types.Var) {
	var decoderVar *types.Var
	for c := range fn.Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil)) {
		switch n := c.Node().(type) {
		case *ast.AssignStmt:
			if len(n.Lhs) == 1 && len(n.Rhs) == 1 && ast.Unparen(n.Rhs[0]) == newDecoder {
				decoderVar = match.Var(info, n.Lhs[0])
			}
		case *ast.ValueSpec:
			if len(n.Names) == 1 && len(n.Values) == 1 && ast.Unparen(n.Values[0]) == newDecoder {
				decoderVar, _ = info.Defs[n.Names[0]].(*types.Var)
			}
		}
	}
	for c := range fn.Preorder((*ast.CallExpr)(nil)) {
		call := c.Node().(*ast.CallExpr)
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || len(call.Args) != 1 || !match.IsDecode(match.Callee(info, call)) {
			continue
		}
		x := ast.Unparen(sel.X)
		if x != newDecoder && (decoderVar == nil || match.Var(info, x) != decoderVar) {
			continue
		}
		out := decodedInto(info, fn, call.Args[0])
		if out == nil {
			return nil, nil
		}
		return call, out
	}
	return nil, nil
}

// negatedBoolField returns the boolean field F when cond is !out.F or
// out.F == false.
func negatedBoolField(info *types.Info, cond ast.Expr, out *types.Var) *types.Var {
	var operand ast.Expr
	switch e := ast.Unparen(cond).(type) {
	case *ast.UnaryExpr:
		if e.Op != token.NOT {
			return nil
		}
		operand = e.X
	case *ast.BinaryExpr:
		if e.Op != token.EQL || !isFalse(info, e.Y) {
			return nil
		}
		operand = e.X
	default:
		return nil
	}
	f := nestedFieldOf(info, operand, out)
	if f == nil {
		return nil
	}
	if b, ok := f.Type().Underlying().(*types.Basic); !ok || b.Kind() != types.Bool {
		return nil
	}
	return f
}

// isFalse reports whether e is the constant false.
func isFalse(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.Bool && !constant.BoolVal(tv.Value)
}

// fieldOf returns the field e selects when e is out.F (through a pointer
// or not); nil otherwise.
func fieldOf(info *types.Info, e ast.Expr, out *types.Var) *types.Var {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok || match.Var(info, sel.X) != out {
		return nil
	}
	s, ok := info.Selections[sel]
	if !ok || s.Kind() != types.FieldVal {
		return nil
	}
	f, _ := s.Obj().(*types.Var)
	return f
}

// nestedFieldOf returns the field that e selects when e is a chain of
// field selections rooted at out (out.F, out.Results.Records), each
// intermediate field a struct value, not a pointer: an answer without the
// outer field leaves the inner one at its zero value too, where a nil
// pointer would panic instead.
func nestedFieldOf(info *types.Info, e ast.Expr, out *types.Var) *types.Var {
	if f := fieldOf(info, e, out); f != nil {
		return f
	}
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	s, ok := info.Selections[sel]
	if !ok || s.Kind() != types.FieldVal || len(s.Index()) != 1 {
		return nil // a promoted field may go through an embedded pointer
	}
	inner := nestedFieldOf(info, sel.X, out)
	if inner == nil {
		return nil
	}
	if _, isStruct := inner.Type().Underlying().(*types.Struct); !isStruct {
		return nil
	}
	f, _ := s.Obj().(*types.Var)
	return f
}

// returnsErrorFromOtherField reports whether body returns an error value
// whose expression reads a field of out other than flag.
func returnsErrorFromOtherField(info *types.Info, body *ast.BlockStmt, out, flag *types.Var) bool {
	errType := types.Universe.Lookup("error").Type()
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false // its returns are not this function's
		}
		ret, ok := n.(*ast.ReturnStmt)
		if !ok || found {
			return !found
		}
		for _, r := range ret.Results {
			if tv, ok := info.Types[r]; !ok || tv.IsNil() {
				continue
			}
			t := match.TypeOf(info, r)
			if t == nil || !types.Implements(t, errType.Underlying().(*types.Interface)) || match.IsZeroConst(info, r) {
				continue
			}
			ast.Inspect(r, func(n ast.Node) bool {
				if e, ok := n.(ast.Expr); ok {
					if f := fieldOf(info, e, out); f != nil && f != flag {
						found = true
					}
				}
				return !found
			})
		}
		return !found
	})
	return found
}

// checksStatusValue reports whether the body that read reads is decoded
// into a struct whose string status field is compared with a constant
// after the decode, an error being returned when it differs:
//
//	json.Unmarshal(body, &hc)
//	if hc.Status != "healthy" {
//		return fmt.Errorf("not healthy: %s", hc.Message)
//	}
//
// An error answer either fails the decode or decodes without the expected
// value (the field's zero value, or the API's own failure status), so it
// cannot pass as data. read is the decoder (decoded) or the call that
// reads the bytes (io.ReadAll), whose result is then given to
// json.Unmarshal or xml.Unmarshal.
func checksStatusValue(info *types.Info, fn inspector.Cursor, read *ast.CallExpr, decoded bool) bool {
	if !fn.Valid() {
		return false
	}
	var out *types.Var
	if decoded {
		out = decodeTarget(info, fn, read)
	} else {
		out = unmarshalTarget(info, fn, read)
	}
	if out == nil {
		return false
	}
	for c := range fn.Preorder((*ast.IfStmt)(nil), (*ast.SwitchStmt)(nil)) {
		if c.Node().Pos() < read.End() {
			continue
		}
		switch stmt := c.Node().(type) {
		case *ast.IfStmt:
			if comparesStringField(info, stmt.Cond, out) && returnsError(info, stmt.Body) {
				return true
			}
		case *ast.SwitchStmt:
			if switchFailsClosed(info, stmt, out) {
				return true
			}
		}
	}
	return false
}

// switchFailsClosed reports whether stmt switches on a string or integer
// field of out, every case being a constant other than the field's zero
// value, and its default clause returns a non-nil error:
//
//	switch out.Status {
//	case "ready", "loading":
//		return out.Status, nil
//	default:
//		return "", fmt.Errorf("unexpected status %q", out.Status)
//	}
//
// A JSON error answer decodes without the field (its zero value), which
// no case matches, so it ends in the default's error. A case that accepts
// the zero value (an iota status whose first value means success) lets
// such an answer through, and is not this form.
func switchFailsClosed(info *types.Info, stmt *ast.SwitchStmt, out *types.Var) bool {
	f := nestedFieldOf(info, stmt.Tag, out)
	if f == nil {
		return false
	}
	b, ok := f.Type().Underlying().(*types.Basic)
	if !ok || b.Info()&(types.IsString|types.IsInteger) == 0 {
		return false
	}
	hasDefault := false
	for _, s := range stmt.Body.List {
		clause := s.(*ast.CaseClause)
		if clause.List == nil {
			hasDefault = returnsError(info, &ast.BlockStmt{List: clause.Body})
			continue
		}
		for _, e := range clause.List {
			tv, ok := info.Types[e]
			if !ok || tv.Value == nil || isZeroValue(tv.Value) {
				return false
			}
		}
	}
	return hasDefault
}

// isZeroValue reports whether a string or numeric constant is its type's
// zero value ("" or 0).
func isZeroValue(v constant.Value) bool {
	switch v.Kind() {
	case constant.String:
		return constant.StringVal(v) == ""
	case constant.Int, constant.Float:
		return constant.Sign(v) == 0
	}
	return false
}

// unmarshalTarget returns v when the bytes read returns are assigned to a
// variable b that is then unmarshalled: json.Unmarshal(b, &v) or
// xml.Unmarshal(b, &v).
func unmarshalTarget(info *types.Info, fn inspector.Cursor, read *ast.CallExpr) *types.Var {
	_, out := unmarshalSite(info, fn, read)
	return out
}

// unmarshalSite returns the json/xml.Unmarshal(b, &v) call that decodes
// the bytes read returns, and v (see unmarshalTarget).
func unmarshalSite(info *types.Info, fn inspector.Cursor, read *ast.CallExpr) (*ast.CallExpr, *types.Var) {
	var bytesVar *types.Var
	for c := range fn.Preorder((*ast.AssignStmt)(nil)) {
		n := c.Node().(*ast.AssignStmt)
		if len(n.Rhs) == 1 && ast.Unparen(n.Rhs[0]) == read && len(n.Lhs) > 0 {
			bytesVar = match.Var(info, n.Lhs[0])
		}
	}
	if bytesVar == nil {
		return nil, nil
	}
	for c := range fn.Preorder((*ast.CallExpr)(nil)) {
		call := c.Node().(*ast.CallExpr)
		if call.Pos() < read.End() {
			continue
		}
		if decoderOverBytes(info, call, bytesVar) {
			return decodeSite(info, fn, call) // json.NewDecoder(bytes.NewReader(b)).Decode(&v)
		}
		if len(call.Args) != 2 {
			continue
		}
		if !match.IsFunc(match.Callee(info, call), "encoding/json", "Unmarshal") &&
			!match.IsFunc(match.Callee(info, call), "encoding/xml", "Unmarshal") {
			continue
		}
		if match.Var(info, call.Args[0]) != bytesVar {
			continue
		}
		out := decodedInto(info, fn, call.Args[1])
		if out == nil {
			return nil, nil
		}
		return call, out
	}
	return nil, nil
}

// decoderOverBytes reports whether call is json.NewDecoder or
// xml.NewDecoder over bytes.NewReader(b) or bytes.NewBuffer(b), b being
// the variable that holds the bytes read: the decoder parses them as
// json.Unmarshal(b, &v) would.
func decoderOverBytes(info *types.Info, call *ast.CallExpr, b *types.Var) bool {
	fn := match.Callee(info, call)
	if len(call.Args) != 1 || !match.IsFunc(fn, "encoding/json", "NewDecoder") && !match.IsFunc(fn, "encoding/xml", "NewDecoder") {
		return false
	}
	r, ok := ast.Unparen(call.Args[0]).(*ast.CallExpr)
	return ok && len(r.Args) == 1 && match.IsFunc(match.Callee(info, r), "bytes", "NewReader", "NewBuffer") &&
		match.Var(info, r.Args[0]) == b
}

// comparesStringField reports whether cond is out.F != "const" (either
// side), with F a string field and the constant not empty.
func comparesStringField(info *types.Info, cond ast.Expr, out *types.Var) bool {
	e, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || e.Op != token.NEQ {
		return false
	}
	for _, pair := range [][2]ast.Expr{{e.X, e.Y}, {e.Y, e.X}} {
		f := nestedFieldOf(info, pair[0], out)
		if f == nil {
			continue
		}
		if b, ok := f.Type().Underlying().(*types.Basic); !ok || b.Kind() != types.String {
			continue
		}
		tv, ok := info.Types[pair[1]]
		if ok && tv.Value != nil && tv.Value.Kind() == constant.String && constant.StringVal(tv.Value) != "" {
			return true
		}
	}
	return false
}

// returnsError reports whether body returns a non-nil error value.
func returnsError(info *types.Info, body *ast.BlockStmt) bool {
	errIface := types.Universe.Lookup("error").Type().Underlying().(*types.Interface)
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		ret, ok := n.(*ast.ReturnStmt)
		if !ok || found {
			return !found
		}
		for _, r := range ret.Results {
			if tv, ok := info.Types[r]; !ok || tv.IsNil() {
				continue
			}
			if t := match.TypeOf(info, r); t != nil && types.Implements(t, errIface) && !match.IsZeroConst(info, r) {
				found = true
			}
		}
		return !found
	})
	return found
}

// decodedTarget returns the call that decodes the body read reads (a
// decoder's Decode, or json/xml.Unmarshal of the bytes read returns) and
// the variable it decodes into.
func decodedTarget(info *types.Info, fn inspector.Cursor, read *ast.CallExpr, decoded bool) (*ast.CallExpr, *types.Var) {
	if !fn.Valid() {
		return nil, nil
	}
	if decoded {
		return decodeSite(info, fn, read)
	}
	return unmarshalSite(info, fn, read)
}

// failsClosed reports whether the body that read reads is decoded into a
// struct whose boolean flag is tested after the decode, a non-nil error
// being returned when it is false, and whether the decode's own error is
// returned: an answer that does not set the flag, an error page
// included, ends in an error.
func failsClosed(info *types.Info, fn inspector.Cursor, read *ast.CallExpr, decoded bool) bool {
	call, out := decodedTarget(info, fn, read, decoded)
	if call == nil || out == nil || !decodeErrorReturned(info, fn, call) {
		return false
	}
	for c := range fn.Preorder((*ast.IfStmt)(nil)) {
		stmt := c.Node().(*ast.IfStmt)
		if stmt.Pos() < call.End() {
			continue
		}
		if negatedBoolField(info, stmt.Cond, out) != nil && failsOut(info, c, stmt.Body) {
			return true
		}
	}
	return false
}

// decodedIntoList reports whether the body that read reads is decoded
// into a slice or an array (not of bytes) and the decode's error is
// returned: an error answer (a JSON object, an HTML or text page) cannot
// decode into a list, so it ends in that error.
func decodedIntoList(info *types.Info, fn inspector.Cursor, read *ast.CallExpr, decoded bool) bool {
	call, out := decodedTarget(info, fn, read, decoded)
	if call == nil || out == nil || !decodeErrorReturned(info, fn, call) {
		return false
	}
	var elem types.Type
	switch t := out.Type().Underlying().(type) {
	case *types.Slice:
		elem = t.Elem()
	case *types.Array:
		elem = t.Elem()
	default:
		return false
	}
	b, ok := elem.Underlying().(*types.Basic)
	return !ok || b.Kind() != types.Byte
}

// decodeErrorReturned reports whether the error call returns is kept in a
// variable err (err := call, or if err := call; ...) that a later
// if err != nil answers by returning a non-nil error.
func decodeErrorReturned(info *types.Info, fn inspector.Cursor, call *ast.CallExpr) bool {
	var errVar *types.Var
	for c := range fn.Preorder((*ast.AssignStmt)(nil)) {
		n := c.Node().(*ast.AssignStmt)
		if len(n.Lhs) == 1 && len(n.Rhs) == 1 && ast.Unparen(n.Rhs[0]) == call {
			errVar = match.Var(info, n.Lhs[0])
		}
	}
	if errVar == nil {
		return false
	}
	for c := range fn.Preorder((*ast.IfStmt)(nil)) {
		stmt := c.Node().(*ast.IfStmt)
		if stmt.Cond.Pos() < call.End() {
			continue
		}
		if match.IsNotNilTest(info, stmt.Cond, errVar) && failsOut(info, c, stmt.Body) {
			return true
		}
	}
	return false
}

// failsOut reports whether body, the branch of the if statement at c,
// leaves its function as a failure: it returns a non-nil error, or, in a
// function without results (an http handler, a middleware closure), its
// last statement is a return, so nothing after the if (where the answer
// would be used) runs.
func failsOut(info *types.Info, c inspector.Cursor, body *ast.BlockStmt) bool {
	if returnsError(info, body) {
		return true
	}
	if len(body.List) == 0 {
		return false
	}
	if _, ok := body.List[len(body.List)-1].(*ast.ReturnStmt); !ok {
		return false
	}
	_, _, sig := match.EnclosingFunc(info, c)
	return sig != nil && sig.Results().Len() == 0
}

// validityChecked reports whether the body that read reads is decoded
// into a variable out, the decode's error being returned, and the first
// statement after the decode that uses out is an if statement that
// returns a non-nil error when out fails a validity check
// (validityCheck): an error page fails the decode, and an error answer
// that decodes is not valid, so every answer but a valid one ends in an
// error.
func validityChecked(info *types.Info, idx *index.Index, fn inspector.Cursor, read *ast.CallExpr, decoded bool) bool {
	call, out := decodedTarget(info, fn, read, decoded)
	if call == nil || out == nil || !decodeErrorReturned(info, fn, call) {
		return false
	}
	// The if statements that test out after the decode, in order: guards
	// that return an error (if out.Error != "" { return err }) may come
	// before the validity check, which makes the function only more closed.
	var guards []*ast.IfStmt
	for c := range fn.Preorder((*ast.IfStmt)(nil)) {
		stmt := c.Node().(*ast.IfStmt)
		if stmt.Pos() < call.End() || !match.Refers(info, stmt.Cond, out) && (stmt.Init == nil || !match.Refers(info, stmt.Init, out)) {
			continue
		}
		if !failsOut(info, c, stmt.Body) {
			return false
		}
		if validityCheck(info, stmt, out) {
			return !usedOutside(idx, fn, out, call.End(), stmt.Pos(), guards)
		}
		guards = append(guards, stmt)
	}
	return false
}

// usedOutside reports whether out is used in fn between from and to other
// than inside one of the guards.
func usedOutside(idx *index.Index, fn inspector.Cursor, out *types.Var, from, to token.Pos, guards []*ast.IfStmt) bool {
	for _, u := range idx.UsesIn(fn, out) {
		id := u.Node()
		if id.Pos() <= from || id.Pos() >= to {
			continue
		}
		inGuard := false
		for _, g := range guards {
			if g.Pos() <= id.Pos() && id.Pos() < g.End() {
				inGuard = true
			}
		}
		if !inGuard {
			return true // used before the check
		}
	}
	return false
}

// validityCheck reports whether the if statement tests out for validity:
// a method of out without arguments returning a bool that is negated
// (!out.Valid()), or one returning an error compared with nil
// (out.Validate() != nil, or err := out.Validate(); err != nil), or a
// field of out compared with its zero value (out.Login == "",
// out.ID == 0, out.Key == nil, len(out.Items) == 0), alone or among the
// operands of ||.
func validityCheck(info *types.Info, stmt *ast.IfStmt, out *types.Var) bool {
	if stmt.Init != nil {
		as, ok := stmt.Init.(*ast.AssignStmt)
		if !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 || !methodCallOn(info, as.Rhs[0], out, isErrorType) {
			return false
		}
		return match.IsNotNilTest(info, stmt.Cond, match.Var(info, as.Lhs[0]))
	}
	return validityCond(info, stmt.Cond, out)
}

func validityCond(info *types.Info, cond ast.Expr, out *types.Var) bool {
	switch e := ast.Unparen(cond).(type) {
	case *ast.UnaryExpr:
		return e.Op == token.NOT && methodCallOn(info, e.X, out, isBoolType)
	case *ast.BinaryExpr:
		switch e.Op {
		case token.LOR:
			return validityCond(info, e.X, out) || validityCond(info, e.Y, out)
		case token.NEQ:
			return methodCallOn(info, e.X, out, isErrorType) && match.IsNil(info, e.Y)
		case token.EQL:
			x := ast.Unparen(e.X)
			if call, ok := x.(*ast.CallExpr); ok && len(call.Args) == 1 {
				if b, isBuiltin := match.ObjectOf(info, call.Fun).(*types.Builtin); isBuiltin && b.Name() == "len" {
					x = ast.Unparen(call.Args[0])
				}
			}
			if nestedFieldOf(info, x, out) == nil {
				return false
			}
			return match.IsNil(info, e.Y) || match.IsZeroConst(info, e.Y) || isEmptyString(info, e.Y)
		}
	}
	return false
}

// methodCallOn reports whether e calls a method of out's type without
// arguments whose single result satisfies result.
func methodCallOn(info *types.Info, e ast.Expr, out *types.Var, result func(types.Type) bool) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || match.Var(info, sel.X) != out {
		return false
	}
	s, ok := info.Selections[sel]
	if !ok || s.Kind() != types.MethodVal {
		return false
	}
	res := s.Obj().(*types.Func).Signature().Results()
	return res.Len() == 1 && result(res.At(0).Type())
}

func isBoolType(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.Bool
}

func isErrorType(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

// isEmptyString reports whether e is the constant "".
func isEmptyString(info *types.Info, e ast.Expr) bool {
	s, ok := match.ConstString(info, e)
	return ok && s == ""
}

// decodedInto returns the variable a decode fills through arg: v for &v,
// or p itself for a pointer p declared in fn as p := &T{} or p := new(T)
// (no field set before the decode) and never assigned again, so that the
// value it points to holds only what the answer decoded.
func decodedInto(info *types.Info, fn inspector.Cursor, arg ast.Expr) *types.Var {
	arg = ast.Unparen(arg)
	if addr, ok := arg.(*ast.UnaryExpr); ok {
		if addr.Op != token.AND {
			return nil
		}
		return match.Var(info, addr.X)
	}
	p := match.Var(info, arg)
	if p == nil {
		return nil
	}
	if _, ok := p.Type().Underlying().(*types.Pointer); !ok {
		return nil
	}
	fresh := false
	for c := range fn.Preorder((*ast.AssignStmt)(nil)) {
		as := c.Node().(*ast.AssignStmt)
		for i, lhs := range as.Lhs {
			if match.Var(info, lhs) != p {
				continue
			}
			if as.Tok != token.DEFINE || len(as.Rhs) != len(as.Lhs) || !freshZero(info, as.Rhs[i]) {
				return nil // assigned again, or set to something else
			}
			fresh = true
		}
	}
	if !fresh {
		return nil
	}
	return p
}

// freshZero reports whether e is &T{} (no element) or new(T).
func freshZero(info *types.Info, e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		lit, ok := ast.Unparen(e.X).(*ast.CompositeLit)
		return e.Op == token.AND && ok && len(lit.Elts) == 0
	case *ast.CallExpr:
		return len(e.Args) == 1 && match.IsBuiltin(info, e.Fun, "new")
	}
	return false
}
