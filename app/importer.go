package app

import (
	"fmt"

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
	Ready     []importClash // with no Other: nothing to clash with
	Conflicts []importClash
	Problems  []importProblem
}

// importClash is a file whose assessment has the ID of one on this
// device, or of one in another file chosen with it (Other names that
// file). Each clash is its own choice.
type importClash struct {
	File, Other string
	A           *q.Assessment
}

func planImport(files []pickedFile, exists func(id string) bool) importPlan {
	var p importPlan
	seen := map[string]string{} // ID → the file it came in
	for _, f := range files {
		switch {
		case f.Size > q.MaxFileSize:
			p.Problems = append(p.Problems, importProblem{f.Name, fmt.Sprintf("the file is %s; an assessment file is at most %s", q.SizeText(f.Size), q.SizeText(q.MaxFileSize))})
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
		switch other, dup := seen[a.ID]; {
		case exists(a.ID):
			p.Conflicts = append(p.Conflicts, importClash{File: f.Name, A: a})
		case dup:
			p.Conflicts = append(p.Conflicts, importClash{File: f.Name, Other: other, A: a})
		default:
			p.Ready = append(p.Ready, importClash{File: f.Name, A: a})
			seen[a.ID] = f.Name
		}
	}
	return p
}

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
