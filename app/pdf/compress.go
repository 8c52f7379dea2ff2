package pdf

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"sync"
)

// compressors are reused zlib writers. gofpdf makes a new one for every
// page, and each costs a megabyte of fresh tables: in the browser that was
// a fifth of a report's time.
var compressors = sync.Pool{New: func() any {
	w, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed)
	return w
}}

// compressStreams deflates the plain streams of a document gofpdf wrote
// without compression (pages and character maps) and rewrites its
// cross-reference table for the new offsets. Everything else is copied as
// it is, so the output depends only on the input.
func compressStreams(doc []byte) ([]byte, error) {
	objects, xref, err := objectOffsets(doc)
	if err != nil {
		return nil, err
	}
	// Objects in the order they appear in the file.
	order := make([]int, 0, len(objects))
	for n := range objects {
		if n > 0 {
			order = append(order, n)
		}
	}
	slices.SortFunc(order, func(a, b int) int { return objects[a] - objects[b] })
	if len(order) == 0 {
		return nil, errors.New("pdf: no objects to compress")
	}

	zw := compressors.Get().(*zlib.Writer)
	defer compressors.Put(zw)
	out := bytes.NewBuffer(make([]byte, 0, len(doc)/2))
	out.Write(doc[:objects[order[0]]])
	offsets := make([]int, len(objects))
	var scratch bytes.Buffer
	for i, n := range order {
		end := xref
		if i+1 < len(order) {
			end = objects[order[i+1]]
		}
		offsets[n] = out.Len()
		obj := doc[objects[n]:end]
		head, data, tail, ok := plainStream(obj)
		if !ok {
			out.Write(obj)
			continue
		}
		scratch.Reset()
		zw.Reset(&scratch)
		if _, err := zw.Write(data); err != nil {
			return nil, err
		}
		if err := zw.Close(); err != nil {
			return nil, err
		}
		out.Write(head)
		fmt.Fprintf(out, "<</Filter /FlateDecode /Length %d>>\nstream\n", scratch.Len())
		out.Write(scratch.Bytes())
		out.Write(tail)
	}
	start := out.Len()
	fmt.Fprintf(out, "xref\n0 %d\n0000000000 65535 f \n", len(objects))
	for _, off := range offsets[1:] {
		fmt.Fprintf(out, "%010d 00000 n \n", off)
	}
	trailer := bytes.Index(doc[xref:], []byte("trailer\n"))
	startxref := bytes.LastIndex(doc, []byte("startxref\n"))
	if trailer < 0 || startxref < 0 {
		return nil, errors.New("pdf: no trailer")
	}
	out.Write(doc[xref+trailer : startxref])
	fmt.Fprintf(out, "startxref\n%d\n%%%%EOF\n", start)
	return out.Bytes(), nil
}

// objectOffsets reads the cross-reference table gofpdf writes (one
// subsection from object 0): each object's offset, and the table's own.
func objectOffsets(doc []byte) (offsets []int, xref int, err error) {
	i := bytes.LastIndex(doc, []byte("startxref\n"))
	if i < 0 {
		return nil, 0, errors.New("pdf: no startxref")
	}
	rest := doc[i+len("startxref\n"):]
	if j := bytes.IndexByte(rest, '\n'); j >= 0 {
		rest = rest[:j]
	}
	if xref, err = strconv.Atoi(string(rest)); err != nil || xref < 0 || xref >= len(doc) {
		return nil, 0, fmt.Errorf("pdf: bad startxref %q", rest)
	}
	var count int
	if _, err := fmt.Sscanf(string(doc[xref:min(len(doc), xref+32)]), "xref\n0 %d\n", &count); err != nil || count < 1 {
		return nil, 0, fmt.Errorf("pdf: bad cross-reference table: %v", err)
	}
	table := doc[xref+bytes.Index(doc[xref:], []byte("0000000000 65535 f ")):]
	offsets = make([]int, count)
	for n := 1; n < count; n++ {
		line := table[20*n:]
		if len(line) < 20 {
			return nil, 0, errors.New("pdf: the cross-reference table is cut short")
		}
		off, err := strconv.Atoi(string(line[:10]))
		if err != nil || off >= xref || !bytes.HasPrefix(doc[off:], []byte(strconv.Itoa(n)+" 0 obj\n")) {
			return nil, 0, fmt.Errorf("pdf: object %d is not where the table says", n)
		}
		offsets[n] = off
	}
	return offsets, xref, nil
}

// plainStream splits an object holding a stream with nothing but a length
// in its dictionary, as gofpdf writes pages when not compressing.
func plainStream(obj []byte) (head, data, tail []byte, ok bool) {
	nl := bytes.IndexByte(obj, '\n')
	rest := obj[nl+1:]
	if nl < 0 || !bytes.HasPrefix(rest, []byte("<</Length ")) {
		return nil, nil, nil, false
	}
	end := bytes.Index(rest, []byte(">>\nstream\n"))
	if end < 0 {
		return nil, nil, nil, false
	}
	n, err := strconv.Atoi(string(rest[len("<</Length "):end]))
	body := rest[end+len(">>\nstream\n"):]
	if err != nil || n < 0 || n > len(body) || !bytes.HasPrefix(body[n:], []byte("\nendstream")) {
		return nil, nil, nil, false
	}
	return obj[:nl+1], body[:n], body[n:], true
}
