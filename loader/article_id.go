package loader

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// ArticleID returns the stable id of an article body: "sha256:" and the hex digest of the body in
// Unicode NFC with every run of white space made one space and the ends trimmed. Re-wrapped lines or
// a different Unicode composition of the same text give the same id.
func ArticleID(body string) string {
	h := sha256.New()
	var b strings.Builder
	b.Grow(len(body))
	space := false
	for _, r := range norm.NFC.String(body) {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	h.Write([]byte(b.String()))
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}
