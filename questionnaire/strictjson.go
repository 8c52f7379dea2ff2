package questionnaire

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
	"sync"
)

// Error is a problem in a file or a bank, with the path of the field it is
// in, e.g. `respondents[1].answers["2Z"]: no such item in bank nasss-en-GB v1`.
type Error struct {
	Path string
	Msg  string
	// Err is the underlying problem, such as a *TextError or a
	// *SizeError, when there is one.
	Err error
}

func (e *Error) Error() string {
	if e.Path == "" {
		return e.Msg
	}
	return e.Path + ": " + e.Msg
}

// Unwrap gives the underlying problem, for errors.As.
func (e *Error) Unwrap() error { return e.Err }

func errAt(path, format string, args ...any) error {
	return &Error{Path: path, Msg: fmt.Sprintf(format, args...)}
}

// maxDepth bounds nesting; a real file is at most five levels deep.
const maxDepth = 32

// checkDepth rejects deep nesting before any decoder recurses into it.
func checkDepth(data []byte) error {
	depth, inString, escaped := 0, false, false
	for i, c := range data {
		switch {
		case escaped:
			escaped = false
		case inString:
			switch c {
			case '\\':
				escaped = true
			case '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == '{' || c == '[':
			if depth++; depth > maxDepth {
				return errAt("", "nested more than %d levels deep (at byte %d): this is not an assessment file", maxDepth, i)
			}
		case c == '}' || c == ']':
			depth--
		}
	}
	return nil
}

// syntaxError turns encoding/json's error into one that names the line and
// column, which is what a person can find in an editor.
func syntaxError(data []byte, err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		pos := max(int(se.Offset)-1, 0) // Offset counts the bad byte as read
		line := 1 + bytes.Count(data[:pos], []byte("\n"))
		col := pos - bytes.LastIndexByte(data[:pos], '\n')
		msg := strings.TrimPrefix(se.Error(), "json: ")
		if se.Error() == "unexpected end of JSON input" {
			return errAt("", "the file ends too early: it may have been cut off while saving or copying")
		}
		return errAt("", "not valid JSON at line %d, column %d: %s", line, col, msg)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || strings.Contains(err.Error(), "unexpected end of JSON input") {
		return errAt("", "the file ends too early: it may have been cut off while saving or copying")
	}
	return errAt("", "not valid JSON: %s", strings.TrimPrefix(err.Error(), "json: "))
}

// strictDecode fills v from data, which must already be valid JSON no
// deeper than maxDepth. Unlike encoding/json it rejects unknown fields,
// duplicate keys, wrong types and NUL characters, and every error names the
// field path.
func strictDecode(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	d := &strictDecoder{dec: dec}
	if err := d.value(reflect.ValueOf(v).Elem(), ""); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return errAt("", "more data after the end of the assessment")
	}
	return nil
}

type strictDecoder struct {
	dec *json.Decoder
}

var textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()

func (d *strictDecoder) token() (json.Token, error) {
	tok, err := d.dec.Token()
	if err != nil {
		return nil, errAt("", "not valid JSON: %s", strings.TrimPrefix(err.Error(), "json: "))
	}
	return tok, nil
}

func (d *strictDecoder) value(v reflect.Value, path string) error {
	tok, err := d.token()
	if err != nil {
		return err
	}
	if tok == nil {
		switch v.Kind() {
		case reflect.Map, reflect.Slice, reflect.Interface, reflect.Pointer:
			v.SetZero()
			return nil
		}
		return errAt(path, "should be %s, not null", describe(v.Type()))
	}
	if reflect.PointerTo(v.Type()).Implements(textUnmarshaler) {
		s, ok := tok.(string)
		if !ok {
			return errAt(path, "should be %s, not %s", describe(v.Type()), found(tok))
		}
		if err := v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(s)); err != nil {
			return errAt(path, "%q is not %s", clip(s), describe(v.Type()))
		}
		return nil
	}
	if s, ok := tok.(string); ok && strings.IndexByte(s, 0) >= 0 {
		return errAt(path, "contains a NUL character, which no text should")
	}
	switch v.Kind() {
	case reflect.Interface:
		g, err := d.generic(tok, path)
		if err == nil && g != nil {
			v.Set(reflect.ValueOf(g))
		}
		return err
	case reflect.String:
		s, ok := tok.(string)
		if !ok {
			return errAt(path, "should be text, not %s", found(tok))
		}
		v.SetString(s)
		return nil
	case reflect.Int:
		n, ok := tok.(json.Number)
		if !ok {
			return errAt(path, "should be a whole number, not %s", found(tok))
		}
		i, err := strconv.ParseInt(string(n), 10, 64)
		if err != nil || i != int64(int32(i)) {
			return errAt(path, "should be a whole number, not %s", n)
		}
		v.SetInt(i)
		return nil
	case reflect.Bool:
		b, ok := tok.(bool)
		if !ok {
			return errAt(path, "should be true or false, not %s", found(tok))
		}
		v.SetBool(b)
		return nil
	case reflect.Slice:
		if tok != json.Delim('[') {
			return errAt(path, "should be a list, not %s", found(tok))
		}
		v.Set(reflect.MakeSlice(v.Type(), 0, 0))
		for i := 0; d.dec.More(); i++ {
			elem := reflect.New(v.Type().Elem()).Elem()
			if err := d.value(elem, fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
			v.Set(reflect.Append(v, elem))
		}
		_, err := d.token()
		return err
	case reflect.Map:
		if tok != json.Delim('{') {
			return errAt(path, "should be an object, not %s", found(tok))
		}
		v.Set(reflect.MakeMap(v.Type()))
		return d.members(path, func(key, kpath string) error {
			elem := reflect.New(v.Type().Elem()).Elem()
			if err := d.value(elem, kpath); err != nil {
				return err
			}
			v.SetMapIndex(reflect.ValueOf(key).Convert(v.Type().Key()), elem)
			return nil
		}, true)
	case reflect.Struct:
		if tok != json.Delim('{') {
			return errAt(path, "should be an object, not %s", found(tok))
		}
		fields := fieldsOf(v.Type())
		return d.members(path, func(key, kpath string) error {
			idx, ok := fields[key]
			if !ok {
				return errAt(path, "unknown field %q: this version does not know it, so it cannot keep it", clip(key))
			}
			return d.value(v.Field(idx), kpath)
		}, false)
	}
	return errAt(path, "cannot read a value of type %s", v.Type())
}

// members reads an object's keys and values after its '{', rejecting
// duplicates, which encoding/json would silently drop.
func (d *strictDecoder) members(path string, each func(key, kpath string) error, mapKeys bool) error {
	seen := map[string]bool{}
	for d.dec.More() {
		tok, err := d.token()
		if err != nil {
			return err
		}
		key := tok.(string) // the decoder guarantees object keys are strings
		kpath := joinPath(path, key, mapKeys)
		if strings.IndexByte(key, 0) >= 0 {
			return errAt(path, "a key contains a NUL character")
		}
		if seen[key] {
			return errAt(kpath, "appears twice; a file must say each thing once")
		}
		seen[key] = true
		if err := each(key, kpath); err != nil {
			return err
		}
	}
	_, err := d.token()
	return err
}

// generic decodes a value of unknown shape, for migrations.
func (d *strictDecoder) generic(tok json.Token, path string) (any, error) {
	switch tok {
	case json.Delim('{'):
		m := map[string]any{}
		err := d.members(path, func(key, kpath string) error {
			t, err := d.token()
			if err != nil {
				return err
			}
			m[key], err = d.generic(t, kpath)
			return err
		}, false)
		return m, err
	case json.Delim('['):
		var s []any
		for i := 0; d.dec.More(); i++ {
			t, err := d.token()
			if err != nil {
				return nil, err
			}
			g, err := d.generic(t, fmt.Sprintf("%s[%d]", path, i))
			if err != nil {
				return nil, err
			}
			s = append(s, g)
		}
		_, err := d.token()
		return s, err
	}
	if s, ok := tok.(string); ok && strings.IndexByte(s, 0) >= 0 {
		return nil, errAt(path, "contains a NUL character, which no text should")
	}
	return tok, nil
}

func joinPath(path, key string, mapKey bool) string {
	if mapKey {
		return fmt.Sprintf("%s[%q]", path, clip(key))
	}
	if path == "" {
		return key
	}
	return path + "." + key
}

var fieldCache sync.Map // reflect.Type → map[string]int

// fieldsOf maps a struct's JSON names to field indexes.
func fieldsOf(t reflect.Type) map[string]int {
	if m, ok := fieldCache.Load(t); ok {
		return m.(map[string]int)
	}
	m := map[string]int{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		m[name] = i
	}
	fieldCache.Store(t, m)
	return m
}

func describe(t reflect.Type) string {
	if t.PkgPath() == "time" && t.Name() == "Time" {
		return "a date and time like 2026-11-23T14:05:00Z"
	}
	switch t.Kind() {
	case reflect.String:
		return "text"
	case reflect.Int:
		return "a whole number"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice:
		return "a list"
	case reflect.Map, reflect.Struct:
		return "an object"
	}
	return t.String()
}

func found(tok json.Token) string {
	switch t := tok.(type) {
	case json.Delim:
		if t == '{' {
			return "an object"
		}
		return "a list"
	case string:
		return fmt.Sprintf("text %q", clip(t))
	case json.Number:
		return "the number " + clip(string(t))
	case bool:
		return strconv.FormatBool(t)
	}
	return "null"
}

// clip keeps error messages short when the offending text is long.
func clip(s string) string {
	const most = 40
	r := []rune(s)
	if len(r) <= most {
		return s
	}
	return string(r[:most]) + "…"
}
