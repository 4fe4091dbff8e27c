package config

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
)

// Error is a problem in a configuration file, located by line and key.
type Error struct {
	File string
	Line int    // 1-based; 0 when unknown
	Key  string // dotted key path, empty for syntax errors
	Msg  string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	b.WriteString(": ")
	if e.Key != "" {
		b.WriteString(e.Key)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// LoadFile reads and validates the configuration at path.
func LoadFile(path string, specs []RuleSpec) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &Error{File: path, Msg: err.Error()}
	}
	return Parse(path, data, specs)
}

// Parse validates data, the contents of the file named path, against specs
// and returns the configuration it describes on top of the defaults.
// Every problem is an *Error naming the file, line and key.
func Parse(path string, data []byte, specs []RuleSpec) (cfg *Config, err error) {
	p := &parser{path: path, data: data, specs: specs}
	defer func() {
		// The TOML library has no known panics, but a configuration
		// file must never take the linter down: surface it as an error.
		if r := recover(); r != nil {
			cfg, err = nil, &Error{File: path, Msg: fmt.Sprintf("cannot read configuration: %v", r)}
		}
	}()
	return p.parse()
}

type parser struct {
	path  string
	data  []byte
	specs []RuleSpec
	md    toml.MetaData
}

// TopKeys lists the keys allowed at the top level of a configuration (a
// rules.toml or the golangci-lint plugin's settings), in documentation
// order.
var TopKeys = []string{"exclude", "tests", "generated", "examples", "honor_nolint", "production", "rules"}

// productionKeys lists the keys of the production table.
var productionKeys = []string{"non_production", "also_non_production", "production"}

func (p *parser) parse() (*Config, error) {
	var top map[string]toml.Primitive
	md, err := toml.Decode(string(p.data), &top)
	if err != nil {
		return nil, p.syntaxError(err)
	}
	p.md = md
	cfg := Default(p.specs)
	cfg.Path = p.path

	for _, key := range sortedKeys(top) {
		prim := top[key]
		switch key {
		case "exclude":
			if err := p.decode(prim, &cfg.Exclude, key); err != nil {
				return nil, err
			}
			for _, g := range cfg.Exclude {
				if !validGlob(g) {
					return nil, p.errorAt([]string{key}, fmt.Sprintf("invalid glob %q", g))
				}
			}
		case "tests":
			if err := p.decode(prim, &cfg.Tests, key); err != nil {
				return nil, err
			}
		case "examples":
			if err := p.decode(prim, &cfg.Examples, key); err != nil {
				return nil, err
			}
		case "generated":
			if err := p.decode(prim, &cfg.Generated, key); err != nil {
				return nil, err
			}
		case "honor_nolint":
			if err := p.decode(prim, &cfg.HonorNolint, key); err != nil {
				return nil, err
			}
		case "production":
			if err := p.parseProduction(prim, cfg); err != nil {
				return nil, err
			}
		case "rules":
			if err := p.parseRules(prim, cfg); err != nil {
				return nil, err
			}
		default:
			return nil, p.errorAt([]string{key}, unknownKeyMsg(key, TopKeys))
		}
	}
	return cfg, nil
}

// parseProduction reads the production table: globs of directories that
// are not production code, and of those that are although they match.
func (p *parser) parseProduction(prim toml.Primitive, cfg *Config) error {
	if err := p.wantTable(prim, []string{"production"}); err != nil {
		return err
	}
	var table map[string]toml.Primitive
	if err := p.decode(prim, &table, "production"); err != nil {
		return err
	}
	var also []string
	for _, key := range sortedKeys(table) {
		path := []string{"production", key}
		var dst *[]string
		switch key {
		case "non_production":
			dst = &cfg.NonProduction
		case "also_non_production":
			dst = &also
		case "production":
			dst = &cfg.Production
		default:
			return p.errorAt(path, unknownKeyMsg(key, productionKeys))
		}
		*dst = nil
		if err := p.decode(table[key], dst, strings.Join(path, ".")); err != nil {
			return err
		}
		for _, g := range *dst {
			if !validGlob(g) {
				return p.errorAt(path, fmt.Sprintf("invalid glob %q", g))
			}
		}
	}
	// also_non_production adds to non_production, the default list or the
	// one given, so that marking one more tree needs no copy of the list.
	cfg.NonProduction = append(cfg.NonProduction, also...)
	return nil
}

func (p *parser) parseRules(prim toml.Primitive, cfg *Config) error {
	if err := p.wantTable(prim, []string{"rules"}); err != nil {
		return err
	}
	var rawTables map[string]toml.Primitive
	if err := p.decode(prim, &rawTables, "rules"); err != nil {
		return err
	}
	tables := map[string]map[string]toml.Primitive{}
	for id, raw := range rawTables {
		if err := p.wantTable(raw, []string{"rules", id}); err != nil {
			return err
		}
		var table map[string]toml.Primitive
		if err := p.decode(raw, &table, "rules."+id); err != nil {
			return err
		}
		tables[id] = table
	}
	known := make(map[string]RuleSpec, len(p.specs))
	ids := make([]string, 0, len(p.specs))
	for _, s := range p.specs {
		known[s.ID] = s
		ids = append(ids, s.ID)
	}
	for _, id := range sortedKeys(tables) {
		spec, ok := known[id]
		if !ok {
			return p.errorAt([]string{"rules", id}, "unknown rule id"+suggest(id, ids))
		}
		settings := cfg.rules[id]
		optKeys, fields := optionFields(settings.Options)
		minimums := optionMinimums(settings.Options)
		allowed := append([]string{"enabled", "severity"}, optKeys...)
		table := tables[id]
		for _, key := range sortedKeys(table) {
			path := []string{"rules", id, key}
			dotted := strings.Join(path, ".")
			switch key {
			case "enabled":
				if err := p.decode(table[key], &settings.Enabled, dotted); err != nil {
					return err
				}
			case "severity":
				var s string
				if err := p.decode(table[key], &s, dotted); err != nil {
					return err
				}
				if !Severity(s).valid() {
					return p.errorAt(path, fmt.Sprintf("severity must be \"error\", \"warning\" or \"info\", got %q", s))
				}
				settings.Severity = Severity(s)
			default:
				field, ok := fields[key]
				if !ok {
					return p.errorAt(path, unknownKeyMsg(key, allowed))
				}
				if err := p.decode(table[key], field.Addr().Interface(), dotted); err != nil {
					return err
				}
				if msg := checkMin(field, minimums[key]); msg != "" {
					return p.errorAt(path, msg)
				}
			}
		}
		_ = spec
		cfg.rules[id] = settings
	}
	return nil
}

// wantTable rejects a value that is not a table: the TOML library decodes
// a scalar into a map as an empty map, without an error.
func (p *parser) wantTable(prim toml.Primitive, path []string) error {
	var v any
	if err := p.md.PrimitiveDecode(prim, &v); err != nil {
		return p.errorAt(path, "wants a table")
	}
	if _, ok := v.(map[string]any); !ok {
		return p.errorAt(path, "wants a table")
	}
	return nil
}

// decode decodes one value and turns a type mismatch into an *Error at
// the key's line.
func (p *parser) decode(prim toml.Primitive, dst any, dotted string) error {
	if err := p.md.PrimitiveDecode(prim, dst); err != nil {
		return p.errorAt(strings.Split(dotted, "."), typeMsg(err, dst))
	}
	return nil
}

func (p *parser) errorAt(path []string, msg string) *Error {
	return &Error{File: p.path, Line: KeyLine(p.data, path), Key: strings.Join(path, "."), Msg: msg}
}

func (p *parser) syntaxError(err error) error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		line := pe.Position.Line
		if strings.Contains(pe.Message, `'\n'`) && line > 1 {
			line-- // the lexer has already counted the newline it choked on
		}
		return &Error{File: p.path, Line: line, Key: pe.LastKey, Msg: "invalid TOML: " + pe.Message}
	}
	return &Error{File: p.path, Msg: "invalid TOML: " + strings.TrimPrefix(err.Error(), "toml: ")}
}

// typeMsg rewrites the TOML library's type error as what the key wants.
func typeMsg(err error, dst any) string {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return pe.Message // from an UnmarshalText, e.g. a bad duration
	}
	return "wants " + describeType(reflect.TypeOf(dst).Elem())
}

func describeType(t reflect.Type) string {
	switch {
	case t == reflect.TypeOf(Duration(0)):
		return "a duration string such as \"30s\""
	case t.Kind() == reflect.Bool:
		return "true or false"
	case t.Kind() == reflect.String:
		return "a string"
	case t.Kind() >= reflect.Int && t.Kind() <= reflect.Uint64:
		return "an integer"
	case t.Kind() == reflect.Float32 || t.Kind() == reflect.Float64:
		return "a number"
	case t.Kind() == reflect.Slice:
		return "an array of " + strings.TrimPrefix(describeType(t.Elem()), "a ")
	case t.Kind() == reflect.Map:
		return "a table"
	}
	return t.String()
}

// optionFields returns the toml keys of an options struct and the
// addressable field behind each.
func optionFields(opts any) ([]string, map[string]reflect.Value) {
	fields := map[string]reflect.Value{}
	if opts == nil {
		return nil, fields
	}
	v := reflect.ValueOf(opts).Elem()
	var keys []string
	for i := 0; i < v.NumField(); i++ {
		key := OptionKey(v.Type().Field(i))
		if key == "" {
			continue
		}
		keys = append(keys, key)
		fields[key] = v.Field(i)
	}
	return keys, fields
}

// optionMinimums returns the smallest value each numeric option accepts:
// the field's `min` tag, else 0. A negative pool size, limit or timeout
// means nothing, and a zero where the tag asks for 1 would make the fix
// insert the very failure the rule reports (Timeout: 0 is no timeout).
func optionMinimums(opts any) map[string]float64 {
	mins := map[string]float64{}
	if opts == nil {
		return mins
	}
	t := reflect.TypeOf(opts).Elem()
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		key := OptionKey(f)
		if key == "" {
			continue
		}
		if m, err := strconv.ParseFloat(f.Tag.Get("min"), 64); err == nil {
			mins[key] = m
		}
	}
	return mins
}

// checkMin rejects a numeric option below min, in the option's own
// syntax ("0s" for a duration).
func checkMin(v reflect.Value, min float64) string {
	var got float64
	switch v.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		got = float64(v.Int())
	case reflect.Float32, reflect.Float64:
		got = v.Float()
	default:
		return ""
	}
	if got >= min {
		return ""
	}
	if d, ok := v.Interface().(Duration); ok {
		if min == 0 {
			return fmt.Sprintf("must not be negative, got %s", d)
		}
		return fmt.Sprintf("must be positive, got %s", d)
	}
	if min == 0 {
		return fmt.Sprintf("must not be negative, got %v", v.Interface())
	}
	return fmt.Sprintf("must be at least %v, got %v", min, v.Interface())
}

// OptionKey returns the rules.toml key of an options struct field, or ""
// for a field that is not configurable.
func OptionKey(f reflect.StructField) string {
	if !f.IsExported() {
		return ""
	}
	tag := strings.Split(f.Tag.Get("toml"), ",")[0]
	if tag == "-" || tag == "" {
		return ""
	}
	return tag
}

func unknownKeyMsg(key string, allowed []string) string {
	return "unknown key" + suggest(key, allowed) + "; known keys: " + strings.Join(allowed, ", ")
}

// suggest returns ` (did you mean "x"?)` for the closest candidate within
// a small edit distance, or "".
func suggest(got string, candidates []string) string {
	best, bestDist := "", 3
	for _, c := range candidates {
		if d := editDistance(got, c); d < bestDist {
			best, bestDist = c, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
