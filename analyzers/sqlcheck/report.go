package sqlcheck

import (
	"go/ast"
	"go/token"
)

// span is a range of source, for reporting on part of a node.
type span struct{ pos, end token.Pos }

func (s span) Pos() token.Pos { return s.pos }
func (s span) End() token.Pos { return s.end }

// loopHead returns the range of a for statement's header, from "for" to "{".
func loopHead(loop *ast.ForStmt) span {
	return span{loop.Pos(), loop.Body.Lbrace + 1}
}
