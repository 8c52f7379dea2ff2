package questionnaire

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"
)

// CSVHeader names the columns of the researchers' export.
var CSVHeader = []string{
	"bank_id", "bank_version", "assessment_id", "project", "mode",
	"respondent_id", "respondent_name", "respondent_role",
	"domain_id", "item_id", "item_title", "level", "level_score", "note", "agreed_level",
}

// WriteCSV writes one row per respondent and item the mode asks, for
// analysis in a spreadsheet or a statistics package. It starts with a
// byte-order mark and uses CRLF line ends, so spreadsheets read the UTF-8
// text correctly, and it neutralises cells a spreadsheet would run as a
// formula.
func WriteCSV(w io.Writer, b *Bank, a *Assessment) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	for _, r := range a.Respondents {
		for _, it := range b.Items(a.Mode) {
			ans := r.Answers[it.ID]
			score := ""
			if s := ans.Level.Score(); s > 0 {
				score = fmt.Sprint(s)
			}
			row := []string{
				a.Bank.ID, fmt.Sprint(a.Bank.Version), a.ID, a.Project.Name, string(a.Mode),
				r.ID, r.Name, r.Role,
				it.Domain, it.ID, it.Title, string(ans.Level), score, ans.Note, string(a.Team[it.ID].Level),
			}
			for i := range row {
				row[i] = SafeCell(row[i])
			}
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// SafeCell stops a spreadsheet reading a cell as a formula: text starting
// with =, +, -, @, a tab or a carriage return gets a leading apostrophe,
// which spreadsheets hide.
func SafeCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
