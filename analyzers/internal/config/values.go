package config

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strings"
)

// FromValues validates a configuration given as Go values, as decoded from
// YAML or JSON (maps, slices, strings, bools and numbers: the
// golangci-lint plugin's settings), and returns the configuration it
// describes on top of the defaults. It checks what Parse checks, with the
// same messages; every problem is an *Error naming the key (there is no
// line). path names the configuration and anchors its exclude globs.
func FromValues(path string, doc map[string]any, specs []RuleSpec) (cfg *Config, err error) {
	defer func() {
		// Settings come from any YAML a user wrote: never panic on them.
		if r := recover(); r != nil {
			cfg, err = nil, &Error{File: path, Msg: fmt.Sprintf("cannot read configuration: %v", r)}
		}
	}()
	v := &valueParser{path: path, specs: specs}
	return v.parse(doc)
}

type valueParser struct {
	path  string
	specs []RuleSpec
}

func (v *valueParser) errorAt(path []string, msg string) *Error {
	return &Error{File: v.path, Key: strings.Join(path, "."), Msg: msg}
}

func (v *valueParser) parse(doc map[string]any) (*Config, error) {
	cfg := Default(v.specs)
	cfg.Path = v.path
	for _, key := range sortedKeys(doc) {
		val := doc[key]
		path := []string{key}
		var err error
		switch key {
		case "exclude":
			cfg.Exclude = nil
			if err = v.assign(reflect.ValueOf(&cfg.Exclude).Elem(), val, path); err == nil {
				err = v.checkGlobs(cfg.Exclude, path)
			}
		case "tests":
			err = v.assign(reflect.ValueOf(&cfg.Tests).Elem(), val, path)
		case "examples":
			err = v.assign(reflect.ValueOf(&cfg.Examples).Elem(), val, path)
		case "generated":
			err = v.assign(reflect.ValueOf(&cfg.Generated).Elem(), val, path)
		case "honor_nolint":
			err = v.assign(reflect.ValueOf(&cfg.HonorNolint).Elem(), val, path)
		case "production":
			err = v.parseProduction(val, cfg)
		case "rules":
			err = v.parseRules(val, cfg)
		default:
			err = v.errorAt(path, unknownKeyMsg(key, TopKeys))
		}
		if err != nil {
			return nil, err
		}
	}
	return cfg, nil
}

func (v *valueParser) checkGlobs(globs []string, path []string) error {
	for _, g := range globs {
		if !validGlob(g) {
			return v.errorAt(path, fmt.Sprintf("invalid glob %q", g))
		}
	}
	return nil
}

func (v *valueParser) parseProduction(val any, cfg *Config) error {
	table, ok := val.(map[string]any)
	if !ok {
		return v.errorAt([]string{"production"}, "wants a table")
	}
	for _, key := range sortedKeys(table) {
		path := []string{"production", key}
		var dst *[]string
		switch key {
		case "non_production":
			dst = &cfg.NonProduction
		case "production":
			dst = &cfg.Production
		default:
			return v.errorAt(path, unknownKeyMsg(key, productionKeys))
		}
		*dst = nil
		if err := v.assign(reflect.ValueOf(dst).Elem(), table[key], path); err != nil {
			return err
		}
		if err := v.checkGlobs(*dst, path); err != nil {
			return err
		}
	}
	return nil
}

func (v *valueParser) parseRules(val any, cfg *Config) error {
	tables, ok := val.(map[string]any)
	if !ok {
		return v.errorAt([]string{"rules"}, "wants a table")
	}
	ids := make([]string, 0, len(v.specs))
	known := map[string]bool{}
	for _, s := range v.specs {
		ids = append(ids, s.ID)
		known[s.ID] = true
	}
	for _, id := range sortedKeys(tables) {
		table, ok := tables[id].(map[string]any)
		if !ok {
			return v.errorAt([]string{"rules", id}, "wants a table")
		}
		if !known[id] {
			return v.errorAt([]string{"rules", id}, "unknown rule id"+suggest(id, ids))
		}
		settings := cfg.rules[id]
		optKeys, fields := optionFields(settings.Options)
		minimums := optionMinimums(settings.Options)
		allowed := append([]string{"enabled", "severity"}, optKeys...)
		for _, key := range sortedKeys(table) {
			path := []string{"rules", id, key}
			switch key {
			case "enabled":
				if err := v.assign(reflect.ValueOf(&settings.Enabled).Elem(), table[key], path); err != nil {
					return err
				}
			case "severity":
				var s string
				if err := v.assign(reflect.ValueOf(&s).Elem(), table[key], path); err != nil {
					return err
				}
				if !Severity(s).valid() {
					return v.errorAt(path, fmt.Sprintf("severity must be \"error\", \"warning\" or \"info\", got %q", s))
				}
				settings.Severity = Severity(s)
			default:
				field, ok := fields[key]
				if !ok {
					return v.errorAt(path, unknownKeyMsg(key, allowed))
				}
				if err := v.assign(field, table[key], path); err != nil {
					return err
				}
				if msg := checkMin(field, minimums[key]); msg != "" {
					return v.errorAt(path, msg)
				}
			}
		}
		cfg.rules[id] = settings
	}
	return nil
}

// errWrongType is assign's signal that val is not of the destination's
// kind; the caller words it as what the key wants.
var errWrongType = errors.New("wrong type")

// assign stores val in dst, converting between the kinds YAML and JSON
// decoders produce and the option's type, or returns an *Error at path.
func (v *valueParser) assign(dst reflect.Value, val any, path []string) error {
	err := assignValue(dst, val)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, errWrongType):
		return v.errorAt(path, "wants "+describeType(dst.Type()))
	}
	return v.errorAt(path, err.Error())
}

func assignValue(dst reflect.Value, val any) error {
	if u, ok := dst.Addr().Interface().(interface{ UnmarshalText([]byte) error }); ok {
		switch val.(type) {
		case string, int, int64, uint64, float64, json.Number:
			// A number reads as its text, as the TOML decoder does: the
			// type's own message then says what it wants.
			return u.UnmarshalText([]byte(fmt.Sprint(val)))
		}
		return errWrongType
	}
	switch dst.Kind() {
	case reflect.Bool:
		b, ok := val.(bool)
		if !ok {
			return errWrongType
		}
		dst.SetBool(b)
	case reflect.String:
		s, ok := val.(string)
		if !ok {
			return errWrongType
		}
		dst.SetString(s)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		f, ok := number(val)
		if !ok || f != math.Trunc(f) || f < math.MinInt64 || f >= math.MaxInt64 || dst.OverflowInt(int64(f)) {
			return errWrongType
		}
		dst.SetInt(int64(f))
	case reflect.Float32, reflect.Float64:
		f, ok := number(val)
		if !ok {
			return errWrongType
		}
		dst.SetFloat(f)
	case reflect.Slice:
		items, ok := val.([]any)
		if !ok {
			if ss, isStrings := val.([]string); isStrings {
				for _, s := range ss {
					items = append(items, s)
				}
			} else {
				return errWrongType
			}
		}
		out := reflect.MakeSlice(dst.Type(), len(items), len(items))
		for i, item := range items {
			if err := assignValue(out.Index(i), item); err != nil {
				return errWrongType
			}
		}
		dst.Set(out)
	default:
		return errWrongType
	}
	return nil
}

// number returns the numeric value of val, as YAML (int, float64) or JSON
// (float64, json.Number) decoders hand it over.
func number(val any) (float64, bool) {
	switch n := val.(type) {
	case int:
		return float64(n), true
	case int64:
		return float64(n), true
	case uint64:
		return float64(n), true
	case float64:
		return n, true
	case json.Number:
		f, err := n.Float64()
		return f, err == nil
	}
	return 0, false
}
