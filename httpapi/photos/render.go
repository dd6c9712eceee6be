package photos

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"html"
	"unicode/utf8"

	"sio"
)

// ContentType of the images.
const ContentType = "image/svg+xml"

// backgrounds are the pale tones of document photos.
var backgrounds = []string{"#e8eef4", "#eef0f2", "#e9f1ee", "#f3efe8", "#edeaf3", "#f1f1ec"}

// Render draws the placeholder of a photo, 3:4 like a 35×45 mm document
// photo: a silhouette on a pale background with the holder's initials, the
// document number and the date the photo was taken. The same photo record
// always gives the same bytes.
func Render(ph *sio.IdentityPhoto) []byte {
	h := fnv.New32a()
	fmt.Fprintf(h, "%d/%s", ph.ID, ph.IIN)
	v := h.Sum32()
	bg := backgrounds[v%uint32(len(backgrounds))]
	shade := 0x55 + int(v>>8)%0x30 // silhouette grey
	fill := fmt.Sprintf("#%02x%02x%02x", shade, shade, shade+8)
	var b bytes.Buffer
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" width="300" height="400" viewBox="0 0 300 400">`)
	fmt.Fprintf(&b, `<rect width="300" height="400" fill="%s"/>`, bg)
	if ph.Gender == sio.Female {
		// Hair falling to the shoulders behind the head.
		fmt.Fprintf(&b, `<path d="M88 190 Q80 70 150 62 Q220 70 212 190 Q196 236 150 236 Q104 236 88 190 Z" fill="%s" opacity="0.8"/>`, fill)
	}
	fmt.Fprintf(&b, `<ellipse cx="150" cy="150" rx="52" ry="64" fill="%s"/>`, fill)
	fmt.Fprintf(&b, `<path d="M40 400 Q44 268 150 252 Q256 268 260 400 Z" fill="%s"/>`, fill)
	fmt.Fprintf(&b, `<text x="150" y="168" font-family="sans-serif" font-size="44" font-weight="bold" fill="#ffffff" text-anchor="middle">%s</text>`,
		html.EscapeString(initials(ph)))
	fmt.Fprintf(&b, `<rect y="348" width="300" height="52" fill="#ffffff" opacity="0.85"/>`)
	fmt.Fprintf(&b, `<text x="150" y="370" font-family="monospace" font-size="18" fill="#222" text-anchor="middle">№ %s</text>`,
		html.EscapeString(ph.DocumentNumber))
	fmt.Fprintf(&b, `<text x="150" y="392" font-family="sans-serif" font-size="13" fill="#444" text-anchor="middle">снимок от %s</text>`,
		ph.TakenOn.Format("02.01.2006"))
	b.WriteString(`</svg>`)
	return b.Bytes()
}

// initials of the holder as on the document: "С.А." for Сейтова Айгүл.
func initials(ph *sio.IdentityPhoto) string {
	out := ""
	for _, s := range []string{ph.LastName, ph.FirstName} {
		if r, _ := utf8.DecodeRuneInString(s); r != utf8.RuneError {
			out += string(r) + "."
		}
	}
	return out
}
