package ballot

// ChunkData returns the records of a chunk, for the tests to compare.
func ChunkData(c Chunk) []byte { return c.data }
