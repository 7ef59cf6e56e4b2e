package normalize

import "hash/maphash"

// keySeed seeds the hashes of folded keys. It is fixed for the life of the process, so a PhraseSet
// built at start-up and a Doc built later hash a key alike; hashes are never stored or compared
// across processes.
var keySeed = maphash.MakeSeed()

func keyHash(key string) uint64 { return maphash.String(keySeed, key) }
