module github.com/chae-go/chae

go 1.26.0

require (
	github.com/shopspring/decimal v1.4.0
	golang.org/x/text v0.44.0
	pgregory.net/rapid v1.2.0
)
