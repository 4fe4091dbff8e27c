package main

import (
	"go/ast"
	"go/token"
	"go/types"
	"regexp"
	"strings"
)

// Operators that put a rule's bug back at more of the safe forms real code
// uses, for the rules whose first operators found few sites: every signing
// site that sets an expiry (whatever the claims type), every verifying
// parse, every column a migration adds with a constant default, every
// per-row lookup a package's store functions could make.

// --- jwt-no-expiry

// tenYears is an expiry offset that effectively never expires.
const tenYears = "10 * 365 * 24 * time.Hour"

// opJWTExpYears gives a signed token a lifetime of ten years: the expiry
// claim of a JWT (ExpiresAt of RegisteredClaims or StandardClaims, also
// promoted from the application's own claims struct, or the "exp" key of a
// MapClaims) set to time.Now() plus ten years, in the claims type's form.
func opJWTExpYears(s *scan, op *operator, n ast.Node) {
	switch x := n.(type) {
	case *ast.CompositeLit:
		t := s.typeOf(x)
		switch {
		case isJWTType(t, "RegisteredClaims", "StandardClaims"):
			for _, e := range x.Elts {
				if keyName(e) == "ExpiresAt" {
					kv := e.(*ast.KeyValueExpr)
					s.addExpYears(op, kv.Value, s.typeOf(kv.Value))
				}
			}
		case isJWTType(t, "MapClaims"):
			for _, e := range x.Elts {
				if kv, ok := e.(*ast.KeyValueExpr); ok && isStringConst(s, kv.Key, "exp") {
					s.addExpYears(op, kv.Value, nil)
				}
			}
		}
	case *ast.AssignStmt:
		if len(x.Lhs) != 1 || len(x.Rhs) != 1 {
			return
		}
		switch l := x.Lhs[0].(type) {
		case *ast.SelectorExpr:
			if l.Sel.Name == "ExpiresAt" && (isJWTType(s.typeOf(l.X), "RegisteredClaims", "StandardClaims") || isJWTField(s, l)) {
				s.addExpYears(op, x.Rhs[0], s.typeOf(l))
			}
		case *ast.IndexExpr:
			if isJWTType(s.typeOf(l.X), "MapClaims") && isStringConst(s, l.Index, "exp") {
				s.addExpYears(op, x.Rhs[0], nil)
			}
		}
	}
}

// addExpYears replaces the expiry value v by one ten years from now, of
// type t: a *jwt.NumericDate, an integer (Unix seconds), or nil for a
// MapClaims value (Unix seconds).
func (s *scan) addExpYears(op *operator, v ast.Expr, t types.Type) {
	if id, ok := ast.Unparen(v).(*ast.Ident); ok && id.Name == "nil" {
		return
	}
	tname, tneed, _ := s.importName("time", "time")
	var imports []string
	if tneed {
		imports = append(imports, "time")
	}
	later := tname + ".Now().Add(" + strings.ReplaceAll(tenYears, "time.", tname+".") + ")"
	var text string
	switch {
	case t == nil:
		text = later + ".Unix()"
	case isJWTType(t, "NumericDate"):
		path, _ := named(t)
		if _, isPtr := types.Unalias(t).(*types.Pointer); !isPtr {
			return
		}
		jname, jneed, _ := s.importName(path, "jwt")
		if jneed {
			imports = append(imports, path)
		}
		text = jname + ".NewNumericDate(" + later + ")"
	default:
		b, ok := t.Underlying().(*types.Basic)
		if !ok || b.Kind() != types.Int64 {
			return
		}
		text = later + ".Unix()"
	}
	s.add(op, v, []edit{s.replace(v, text)}, imports...)
}

// --- jwt-unverified

// jwtParseCall: call is a verifying parse of a JWT library (the package
// functions Parse and ParseWithClaims, the same methods of a Parser), with
// the index of its claims argument (-1 for Parse, whose claims are a
// MapClaims) and whether it is a method call.
func jwtParseCall(s *scan, call *ast.CallExpr) (fn *types.Func, claims int, method bool, ok bool) {
	fn = s.callee(call)
	if fn == nil || fn.Pkg() == nil || !isJWTPkg(fn.Pkg().Path()) {
		return nil, 0, false, false
	}
	switch {
	case isFunc(fn, fn.Pkg().Path(), "Parse") && len(call.Args) >= 2:
		return fn, -1, false, true
	case isFunc(fn, fn.Pkg().Path(), "ParseWithClaims") && len(call.Args) >= 3:
		return fn, 1, false, true
	case isMethod(fn, fn.Pkg().Path(), "Parser", "Parse") && len(call.Args) == 2:
		return fn, -1, true, true
	case isMethod(fn, fn.Pkg().Path(), "Parser", "ParseWithClaims") && len(call.Args) == 3:
		return fn, 1, true, true
	}
	return nil, 0, false, false
}

// opJWTSkipClaims switches claims validation off where a token is verified:
// jwt.WithoutClaimsValidation() added to the options of a package-level
// Parse / ParseWithClaims or of NewParser, in the library versions that
// have it. The signature is still checked; an expired token is accepted.
func opJWTSkipClaims(s *scan, op *operator, n ast.Node) {
	call, ok := n.(*ast.CallExpr)
	if !ok || call.Ellipsis.IsValid() {
		return
	}
	fn := s.callee(call)
	if fn == nil || fn.Pkg() == nil || !isJWTPkg(fn.Pkg().Path()) {
		return
	}
	path := fn.Pkg().Path()
	if !isFunc(fn, path, "Parse", "ParseWithClaims", "NewParser") {
		return
	}
	if _, isFn := fn.Pkg().Scope().Lookup("WithoutClaimsValidation").(*types.Func); !isFn {
		return
	}
	if fn.Name() == "NewParser" && !verifiesWith(s, call) {
		return // a parser only used for ParseUnverified validates no claims anyway
	}
	for _, a := range call.Args {
		if c, ok := ast.Unparen(a).(*ast.CallExpr); ok {
			if f := s.callee(c); f != nil && f.Name() == "WithoutClaimsValidation" {
				return
			}
		}
	}
	name, need, _ := s.importName(path, "jwt")
	var imports []string
	if need {
		imports = append(imports, path)
	}
	opt := name + ".WithoutClaimsValidation()"
	if len(call.Args) == 0 {
		o := s.off(call.Lparen) + 1
		s.add(op, call, []edit{{o, o, opt}}, imports...)
		return
	}
	o := s.off(call.Args[len(call.Args)-1].End())
	s.add(op, call, []edit{{o, o, ", " + opt}}, imports...)
}

// verifiesWith: the parser that call (NewParser) builds verifies a token:
// Parse or ParseWithClaims is called on it at once, on the local variable
// it is assigned to, or, for a struct field it is stored in, on that field
// anywhere in the package.
func verifiesWith(s *scan, call *ast.CallExpr) bool {
	var obj types.Object
	switch p := s.parent(1).(type) {
	case *ast.SelectorExpr:
		return p.Sel.Name == "Parse" || p.Sel.Name == "ParseWithClaims"
	case *ast.AssignStmt:
		if len(p.Lhs) == 1 && len(p.Rhs) == 1 {
			if id, ok := p.Lhs[0].(*ast.Ident); ok {
				obj = s.info().ObjectOf(id)
			} else if sel, ok := p.Lhs[0].(*ast.SelectorExpr); ok {
				obj = s.info().ObjectOf(sel.Sel)
			}
		}
	case *ast.ValueSpec:
		if len(p.Names) == 1 && len(p.Values) == 1 {
			obj = s.info().ObjectOf(p.Names[0])
		}
	case *ast.KeyValueExpr:
		if id, ok := p.Key.(*ast.Ident); ok {
			obj = s.info().ObjectOf(id)
		}
	}
	if obj == nil {
		return false
	}
	for _, f := range s.c.Files {
		if contains(f, false, func(m ast.Node) bool {
			c, ok := m.(*ast.CallExpr)
			if !ok {
				return false
			}
			sel, ok := c.Fun.(*ast.SelectorExpr)
			if !ok || (sel.Sel.Name != "Parse" && sel.Sel.Name != "ParseWithClaims") {
				return false
			}
			switch x := ast.Unparen(sel.X).(type) {
			case *ast.Ident:
				return s.info().Uses[x] == obj
			case *ast.SelectorExpr:
				return s.info().Uses[x.Sel] == obj
			}
			return false
		}) {
			return true
		}
	}
	return false
}

// opJWTParseUnverified replaces a verifying parse by ParseUnverified: the
// token's claims are read without checking its signature, and the code
// after it trusts them (tok, err := jwt.Parse(s, keyFunc) →
// tok, _, err := (&jwt.Parser{}).ParseUnverified(s, jwt.MapClaims{}), its
// later tok.Valid read as true).
func opJWTParseUnverified(s *scan, op *operator, n ast.Node) {
	as, ok := n.(*ast.AssignStmt)
	if !ok || len(as.Lhs) != 2 || len(as.Rhs) != 1 {
		return
	}
	call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
	if !ok || call.Ellipsis.IsValid() {
		return
	}
	fn, ci, method, ok := jwtParseCall(s, call)
	if !ok {
		return
	}
	path := fn.Pkg().Path()
	if _, isType := fn.Pkg().Scope().Lookup("MapClaims").(*types.TypeName); !isType {
		return
	}
	name, need, _ := s.importName(path, "jwt")
	var imports []string
	claims := name + ".MapClaims{}"
	if ci >= 0 {
		claims = s.text(call.Args[ci])
	} else if need {
		imports = append(imports, path)
	}
	recv := "(&" + name + ".Parser{})"
	if method {
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok {
			return
		}
		recv = s.text(sel.X)
	} else if need {
		return // a package function called through its own name: imported
	}
	text := recv + ".ParseUnverified(" + s.text(call.Args[0]) + ", " + claims + ")"
	o := s.off(as.Lhs[0].End())
	edits := []edit{{o, o, ", _"}, s.replace(call, text)}
	// A token from ParseUnverified is never Valid: code that still checked
	// it would reject every token. The bug trusts the claims: its checks
	// of tok.Valid go too (read as true).
	if id, ok := as.Lhs[0].(*ast.Ident); ok && id.Name != "_" {
		tok := s.info().ObjectOf(id)
		_, body := s.innermostFunc()
		if body != nil && tok != nil {
			ast.Inspect(body, func(m ast.Node) bool {
				sel, ok := m.(*ast.SelectorExpr)
				if !ok || sel.Sel.Name != "Valid" {
					return true
				}
				if x, ok := ast.Unparen(sel.X).(*ast.Ident); ok && s.info().Uses[x] == tok && sel.Pos() > as.End() {
					if _, isField := s.info().Selections[sel]; isField && s.info().Selections[sel].Kind() == types.FieldVal {
						edits = append(edits, s.replace(sel, "true"))
					}
				}
				return true
			})
		}
	}
	s.add(op, call, edits, imports...)
}

// --- migration-lock

var (
	alterTable = regexp.MustCompile(`(?is)\bALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?([\w."]+)`)
	// addColumnDefault is an ADD COLUMN whose DEFAULT is a constant (or a
	// stable now() / current_timestamp): its type, and the default's span.
	addColumnDefault = regexp.MustCompile(`(?is)\bADD\s+COLUMN\s+(?:IF\s+NOT\s+EXISTS\s+)?([\w"]+)\s+([a-z][a-z0-9_ ]*?)(?:\s*\(\s*\d+(?:\s*,\s*\d+)?\s*\))?\s+(?:NOT\s+NULL\s+)?DEFAULT\s+('(?:[^']|'')*'(?:::[\w ]+?)?|-?\d+(?:\.\d+)?|true|false|now\(\)|current_timestamp)`)
)

// volatileDefault is a volatile default of the column type typ: every row
// gets its own value, so PostgreSQL rewrites the table under an exclusive
// lock to store them; "" for a type with no natural one.
func volatileDefault(typ, table, column string) string {
	t := strings.ToLower(strings.Join(strings.Fields(typ), " "))
	switch t {
	case "text", "varchar", "character varying", "char", "character", "citext":
		return "gen_random_uuid()::text"
	case "uuid":
		return "gen_random_uuid()"
	case "timestamp", "timestamptz", "timestamp with time zone", "timestamp without time zone", "date":
		return "clock_timestamp()"
	case "bigint", "int", "integer", "smallint", "int8", "int4", "int2":
		if strings.ContainsAny(table+column, "%.\"") {
			return ""
		}
		return "nextval('" + table + "_" + column + "_seq')"
	}
	return ""
}

// opAddColumnVolatile gives a column a migration adds with a constant
// default (stored once, no rewrite since PostgreSQL 11) a volatile default
// of its type instead: gen_random_uuid() for a text or uuid column,
// clock_timestamp() for a time, nextval() of a sequence for an integer.
// PostgreSQL only: SQLite packages (by path) are left alone.
func opAddColumnVolatile(s *scan, op *operator, n ast.Node) {
	call, _, lit, v, ok := queryText(s, n)
	if !ok || !isExecCall(s, call) || strings.Contains(strings.ToLower(s.c.Pkg.PkgPath), "sqlite") {
		return
	}
	tables := alterTable.FindAllStringSubmatchIndex(v, -1)
	for _, m := range addColumnDefault.FindAllStringSubmatchIndex(v, -1) {
		table := ""
		for _, t := range tables {
			if t[1] <= m[0] {
				table = strings.ToLower(v[t[2]:t[3]])
			}
		}
		if table == "" {
			continue
		}
		column := strings.ToLower(strings.Trim(v[m[2]:m[3]], `"`))
		def := volatileDefault(v[m[4]:m[5]], table, column)
		if def == "" {
			continue
		}
		nv := v[:m[6]] + def + v[m[7]:]
		s.add(op, call, []edit{s.replace(lit, requote(lit.Value, nv))})
		s.setVia(s.via(call, sqlAPIs...))
	}
}

// --- sql-in-loop

// opHelperIntoRowsLoop makes the per-row lookup of an N+1: in a
// `for rows.Next()` loop, right after the row is scanned, a call of a
// function of the package that runs a SELECT with a bound argument taken
// from one of its parameters (a store method: GetUser(ctx, id)), that
// parameter given a scanned value; its other parameters and a method's
// receiver are filled from the variables in scope of their types (a
// context, a transaction, the store).
func opHelperIntoRowsLoop(s *scan, op *operator, n ast.Node) {
	fd, ok := n.(*ast.FuncDecl)
	if !ok || fd.Body == nil || inMigrationCode(s, fd) {
		return
	}
	self, _ := s.info().Defs[fd.Name].(*types.Func)
	if self == nil {
		return
	}
	var loops []rowsLoop
	ast.Inspect(fd.Body, func(m ast.Node) bool {
		if _, ok := m.(*ast.FuncLit); ok {
			return false
		}
		if f, ok := m.(*ast.ForStmt); ok {
			if l, ok := rowsNextLoop(s, f); ok {
				loops = append(loops, l)
			}
		}
		return true
	})
	if len(loops) == 0 {
		return
	}
	helpers := selectHelperParams(s)
	for _, fn := range sortedFuncs(helpers) {
		if fn == self {
			continue
		}
		for _, l := range loops {
			call := helperCall(s, fn, helpers[fn], l.loop.Body, l.scan.End(), func(p *types.Var) string { return scannedOfType(s, l.targets, p) })
			if call == "" {
				continue
			}
			sig := fn.Type().(*types.Signature)
			stmt := call
			if k := sig.Results().Len(); k > 0 {
				stmt = strings.TrimSuffix(strings.Repeat("_, ", k), ", ") + " = " + call
			}
			o := s.off(l.scan.End())
			s.stack = append(s.stack, l.loop)
			s.add(op, l.scan, []edit{{o, o, "\n" + stmt + "\n"}})
			s.setVia("same-package")
			s.stack = s.stack[:len(s.stack)-1]
			break
		}
	}
}

// helperCall is the text of a call of fn at position at of a loop's body,
// with the bound parameters (bound[i]) given a value of the loop
// (fromLoop: a scanned column, the element) and the others, and the
// receiver of a method, filled from the variables in scope after the scan
// (the function's parameters and receiver, a transaction begun before the
// loop), or "" when one cannot be filled.
func helperCall(s *scan, fn *types.Func, bound []bool, body *ast.BlockStmt, at token.Pos, fromLoop func(p *types.Var) string) string {
	sig := fn.Type().(*types.Signature)
	if sig.Variadic() || sig.TypeParams().Len() > 0 || sig.RecvTypeParams().Len() > 0 {
		return ""
	}
	scope := s.info().Scopes[body]
	if scope == nil {
		return ""
	}
	// inScope is the innermost variable of the function (or package) in
	// scope at the insertion point for which ok holds.
	inScope := func(ok func(v *types.Var) bool) string {
		for sc := scope; sc != nil && sc != types.Universe; sc = sc.Parent() {
			for _, name := range sc.Names() {
				v, isVar := sc.Lookup(name).(*types.Var)
				if !isVar || name == "_" || (v.Pos() >= at && sc != s.c.Types.Scope()) || !ok(v) {
					continue
				}
				if _, found := scope.LookupParent(name, at); found != v {
					continue // shadowed there
				}
				return name
			}
		}
		return ""
	}
	recv := ""
	if sig.Recv() != nil {
		r := inScope(func(v *types.Var) bool { return sameBase(v.Type(), sig.Recv().Type()) })
		if r == "" {
			return ""
		}
		recv = r + "."
	}
	args := make([]string, sig.Params().Len())
	fromRow := false
	for i := range sig.Params().Len() {
		p := sig.Params().At(i)
		if bound[i] {
			if a := fromLoop(p); a != "" {
				args[i], fromRow = a, true
				continue
			}
		}
		args[i] = inScope(func(v *types.Var) bool { return types.Identical(v.Type(), p.Type()) })
		if args[i] == "" {
			return ""
		}
	}
	if !fromRow {
		return ""
	}
	return recv + fn.Name() + "(" + strings.Join(args, ", ") + ")"
}

// opHelperIntoLoop makes the per-item lookup of an N+1: at the top of a
// loop over a list from the data (isDataList), a call of a function of the
// package that runs a SELECT bound to one of its parameters, that
// parameter given the element (or its field of the parameter's name and
// type); the other parameters filled as helper-into-rows-loop does.
func opHelperIntoLoop(s *scan, op *operator, n ast.Node) {
	fd, ok := n.(*ast.FuncDecl)
	if !ok || fd.Body == nil || inMigrationCode(s, fd) {
		return
	}
	self, _ := s.info().Defs[fd.Name].(*types.Func)
	if self == nil {
		return
	}
	var loops []*ast.RangeStmt
	ast.Inspect(fd.Body, func(m ast.Node) bool {
		if _, ok := m.(*ast.FuncLit); ok {
			return false
		}
		if r, ok := m.(*ast.RangeStmt); ok && isDataList(s, r) {
			loops = append(loops, r)
		}
		return true
	})
	if len(loops) == 0 {
		return
	}
	helpers := selectHelperParams(s)
	for _, fn := range sortedFuncs(helpers) {
		if fn == self {
			continue
		}
		for _, l := range loops {
			at := l.Body.Lbrace + 1
			call := helperCall(s, fn, helpers[fn], l.Body, at, func(p *types.Var) string { return elementOfType(s, l, p) })
			if call == "" {
				continue
			}
			stmt := call
			if k := fn.Type().(*types.Signature).Results().Len(); k > 0 {
				stmt = strings.TrimSuffix(strings.Repeat("_, ", k), ", ") + " = " + call
			}
			o := s.off(at)
			s.stack = append(s.stack, l)
			s.add(op, l, []edit{{o, o, "\n" + stmt + "\n"}})
			s.setVia("same-package")
			s.stack = s.stack[:len(s.stack)-1]
			break
		}
	}
}

// elementOfType is the text of the loop's element (a map's key, the value,
// or the value's exported field of p's name) of p's type, or "".
func elementOfType(s *scan, l *ast.RangeStmt, p *types.Var) string {
	if b, ok := p.Type().Underlying().(*types.Basic); ok && b.Info()&types.IsBoolean != 0 {
		return ""
	}
	if _, isMap := s.typeOf(l.X).Underlying().(*types.Map); isMap {
		if k, ok := l.Key.(*ast.Ident); ok && k.Name != "_" && types.Identical(s.typeOf(k), p.Type()) {
			return k.Name
		}
	}
	v, ok := l.Value.(*ast.Ident)
	if !ok || v.Name == "_" || s.typeOf(v) == nil {
		return ""
	}
	vt := s.typeOf(v)
	if types.Identical(vt, p.Type()) {
		return v.Name
	}
	if ptr, ok := vt.Underlying().(*types.Pointer); ok {
		vt = ptr.Elem()
	}
	str, ok := vt.Underlying().(*types.Struct)
	if !ok {
		return ""
	}
	for i := 0; i < str.NumFields(); i++ {
		f := str.Field(i)
		if f.Exported() && strings.EqualFold(f.Name(), p.Name()) && types.Identical(f.Type(), p.Type()) {
			return v.Name + "." + f.Name()
		}
	}
	return ""
}

// scannedOfType is the text of a scanned target of p's type, of p's name
// if several have it.
func scannedOfType(s *scan, targets []ast.Expr, p *types.Var) string {
	if b, ok := p.Type().Underlying().(*types.Basic); ok && b.Info()&types.IsBoolean != 0 {
		return ""
	}
	var same []ast.Expr
	for _, t := range targets {
		if tt := s.typeOf(t); tt != nil && types.Identical(tt, p.Type()) {
			same = append(same, t)
		}
	}
	for _, t := range same {
		last := types.ExprString(t)
		if i := strings.LastIndexByte(last, '.'); i >= 0 {
			last = last[i+1:]
		}
		if strings.EqualFold(last, p.Name()) {
			return s.text(t)
		}
	}
	if len(same) > 0 {
		return s.text(same[0])
	}
	return ""
}

// sameBase: a and b are the same named type, through one pointer.
func sameBase(a, b types.Type) bool {
	base := func(t types.Type) types.Type {
		t = types.Unalias(t)
		if p, ok := t.(*types.Pointer); ok {
			return types.Unalias(p.Elem())
		}
		return t
	}
	return types.Identical(base(a), base(b))
}

// selectHelperParams are the functions of the package whose own body runs
// a SELECT through a query API with one of their parameters among the
// bound arguments: for each, which parameters are bound.
func selectHelperParams(s *scan) map[*types.Func][]bool {
	if s.c.selectParams != nil {
		return s.c.selectParams
	}
	s.c.selectParams = map[*types.Func][]bool{}
	for i, f := range s.c.Files {
		fs := &scan{c: s.c, fi: i, file: f, tf: s.c.Fset.File(f.Pos()), src: s.c.Sources[i].Src}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil || inMigrationCode(fs, fd) {
				continue
			}
			fn, _ := s.info().Defs[fd.Name].(*types.Func)
			if fn == nil {
				continue
			}
			sig := fn.Type().(*types.Signature)
			bound := make([]bool, sig.Params().Len())
			found := false
			ast.Inspect(fd.Body, func(m ast.Node) bool {
				if _, ok := m.(*ast.FuncLit); ok {
					return false
				}
				c, ok := m.(*ast.CallExpr)
				if !ok || c.Ellipsis.IsValid() {
					return true
				}
				q := queryArg(fs, c)
				if q < 0 || !isSelectText(fs, c.Args[q]) {
					return true
				}
				for _, a := range c.Args[q+1:] {
					id, ok := ast.Unparen(a).(*ast.Ident)
					if !ok {
						continue
					}
					for k := range sig.Params().Len() {
						if s.info().Uses[id] == sig.Params().At(k) {
							bound[k], found = true, true
						}
					}
				}
				return true
			})
			if found {
				s.c.selectParams[fn] = bound
			}
		}
	}
	return s.c.selectParams
}

// sortedFuncs is the keys of m in source order, so the sites do not depend
// on map order.
func sortedFuncs(m map[*types.Func][]bool) []*types.Func {
	out := make([]*types.Func, 0, len(m))
	for fn := range m {
		out = append(out, fn)
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].Pos() < out[j-1].Pos(); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// --- request-body-unbounded

// readsParamBody: fn is a function of the package being scanned whose
// parameter i is an *http.Request whose body it reads (its Body passed to
// a call, or a form parsed): a decode helper (decodeJSON(r, &v)).
func readsParamBody(s *scan, fn *types.Func, i int) bool {
	if fn == nil || fn.Pkg() != s.c.Types {
		return false
	}
	sig := fn.Type().(*types.Signature)
	if i >= sig.Params().Len() || !isType(sig.Params().At(i).Type(), httpPkg, "Request") {
		return false
	}
	param := sig.Params().At(i)
	for _, f := range s.c.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil || s.info().Defs[fd.Name] != fn {
				continue
			}
			isParam := func(e ast.Expr) bool {
				id, ok := ast.Unparen(e).(*ast.Ident)
				return ok && s.info().Uses[id] == param
			}
			return contains(fd.Body, false, func(m ast.Node) bool {
				call, ok := m.(*ast.CallExpr)
				if !ok {
					return false
				}
				if f, ok := call.Fun.(*ast.SelectorExpr); ok && isParam(f.X) {
					switch f.Sel.Name {
					case "ParseForm", "ParseMultipartForm", "FormValue", "PostFormValue", "FormFile", "MultipartReader":
						return true
					}
				}
				for _, a := range call.Args {
					if sel, ok := ast.Unparen(a).(*ast.SelectorExpr); ok && sel.Sel.Name == "Body" && isParam(sel.X) {
						return true
					}
				}
				return false
			})
		}
	}
	return false
}
