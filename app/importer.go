package app

import (
	"crypto/rand"
	"encoding/base32"
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	q "github.com/nasss-toolkit/nasss/questionnaire"
)

// pickedFile is a file the user chose to import, as the browser read it.
type pickedFile struct {
	Name    string
	Size    int
	Data    []byte
	Read    bool
	ReadErr string
}

// importProblem is why one file was not imported.
type importProblem struct{ File, Problem string }

// importPlan sorts chosen files into those to add at once, those whose ID
// is already on this device (the user chooses: keep both or replace), and
// those that cannot be imported. Deciding it changes nothing stored.
type importPlan struct {
	Ready     []*q.Assessment
	Conflicts []*q.Assessment
	Problems  []importProblem
}

func planImport(files []pickedFile, exists func(id string) bool) importPlan {
	var p importPlan
	seen := map[string]bool{}
	for _, f := range files {
		switch {
		case f.Size > q.MaxFileSize:
			p.Problems = append(p.Problems, importProblem{f.Name, fmt.Sprintf("the file is %s; an assessment file is at most %s", sizeText(f.Size), sizeText(q.MaxFileSize))})
			continue
		case f.ReadErr != "":
			p.Problems = append(p.Problems, importProblem{f.Name, f.ReadErr})
			continue
		}
		a, err := q.Decode(f.Data)
		if err != nil {
			p.Problems = append(p.Problems, importProblem{f.Name, q.Plain(err)})
			continue
		}
		if exists(a.ID) || seen[a.ID] {
			p.Conflicts = append(p.Conflicts, a)
		} else {
			p.Ready = append(p.Ready, a)
		}
		seen[a.ID] = true
	}
	return p
}

// sizeText writes a byte count as people read it.
func sizeText(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// newID makes a random assessment ID.
func newID() string {
	var b [10]byte
	rand.Read(b[:])
	return strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b[:]))
}

// newRespondentID names a person so that their ratings keep their identity
// when files from several devices are merged.
func newRespondentID() string { return "p-" + newID()[:10] }

// onFilesChosen reads the files chosen in a file input, hands them to use
// on the UI goroutine, clears the input so the same file can be chosen
// again, and moves focus to the message that reports what happened.
func onFilesChosen(ctx app.Context, inputID, messageID string, use func([]pickedFile)) {
	readFiles(inputID, q.MaxFileSize, func(files []pickedFile) {
		ctx.Dispatch(func(ctx app.Context) {
			clearFileInput(inputID)
			use(files)
			focusElement(messageID)
		})
	})
}
