package report

import "errors"

// ErrLang: ParseLang was given a language it does not know; match with errors.Is.
var ErrLang = errors.New("unknown language")
