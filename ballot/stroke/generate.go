package stroke

// The table is generated from the committed sources in testdata and overrides.txt. To rebuild it
// from the original files instead (and rewrite the Unihan extract), see the documentation of
// internal/gen/strokegen.
//go:generate go run ./internal/gen/strokegen -cnchar testdata/cnchar-order-3.2.6.tgz -unihan testdata/unihan-strokes.txt.gz -overrides overrides.txt -out table.go
