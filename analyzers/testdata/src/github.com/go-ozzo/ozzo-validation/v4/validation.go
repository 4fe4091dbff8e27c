// Package validation is a minimal stub of github.com/go-ozzo/ozzo-validation/v4.
package validation

import "context"

// Rule validates a value.
type Rule interface {
	Validate(value interface{}) error
}

// RuleWithContext validates a value with a context.
type RuleWithContext interface {
	ValidateWithContext(ctx context.Context, value interface{}) error
}

// FieldRules are the rules of a struct field.
type FieldRules struct{}

// Field returns the rules of the field fieldPtr points to.
func Field(fieldPtr interface{}, rules ...Rule) *FieldRules { return &FieldRules{} }

// ValidateStruct validates a struct.
func ValidateStruct(structPtr interface{}, fields ...*FieldRules) error {
	return ValidateStructWithContext(nil, structPtr, fields...)
}

// ValidateStructWithContext validates a struct with the given context.
func ValidateStructWithContext(ctx context.Context, structPtr interface{}, fields ...*FieldRules) error {
	return nil
}

// Validate validates a value.
func Validate(value interface{}, rules ...Rule) error { return nil }

// ValidateWithContext validates a value with the given context.
func ValidateWithContext(ctx context.Context, value interface{}, rules ...Rule) error { return nil }
