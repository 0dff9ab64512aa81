package count

// OnShares sets the function AddBatchParallel tells the number of shares it splits a batch into,
// and returns a function removing it. Not safe for tests running in parallel with other counting.
func OnShares(f func(n int)) (restore func()) {
	old := onShares
	onShares = f
	return func() { onShares = old }
}
