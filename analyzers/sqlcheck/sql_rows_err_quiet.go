package sqlcheck

import "github.com/prodlint/prodlint/analyzers/internal/rule"

// rowsErrQuiet are the safe forms of rows iterated with for rows.Next(),
// a candidate of sql-rows-err.
var rowsErrQuiet = []rule.QuietForm[*rowsResult]{
	{
		Name:    "err-checked",
		Doc:     "The function calls rows.Err() anywhere: after the loop, in a deferred closure.",
		Applies: func(r *rowsResult) bool { return r.errChecked },
	},
	rowsHandedOn,
}
