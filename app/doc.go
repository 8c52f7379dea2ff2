// Package app is the NASSS toolkit's web app: go-app components, one file
// per page around a shared shell, and the adapters to the browser (local
// storage, downloads, file import). Components stay thin: what an
// assessment means lives in questionnaire and scoring.
//
// The same components render on the server (natively) for the first paint
// and in the browser (WebAssembly) once the app has loaded; the browser
// adapters have native stand-ins in files built without the wasm tag.
package app
