// Makes the PDF action plan off the page's thread. The renderer is a Go
// program of its own (pdf.wasm), loaded on the first request, so the app
// itself starts without it. The page sends
//   {id, wasm, fonts: [regularURL, boldURL], file: Uint8Array, date, options}
// where options is the report's choices as JSON.
// and gets back {id, pdf: Uint8Array, ms} (ms: the render's own time) or
// {id, error}. Everything is fetched
// from this origin; the service worker answers offline.
importScripts("/wasm_exec.js");

let ready = null;

// fetchOK fetches a file, failing in words a person can act on.
async function fetchOK(url, what) {
  let response;
  try {
    response = await fetch(url);
  } catch (err) {
    throw new Error("the " + what + " could not be loaded: there may be no connection, and this device has no copy yet");
  }
  if (!response.ok) {
    throw new Error("the " + what + " could not be loaded (HTTP " + response.status + ")");
  }
  return response;
}

async function fetchFont(url) {
  const response = await fetchOK(url, "font for the PDF");
  return new Uint8Array(await response.arrayBuffer());
}

async function start(wasm, fontURLs) {
  const fonts = Promise.all(fontURLs.map(fetchFont));
  fonts.catch(() => {}); // awaited below; this only keeps a failure from going unhandled meanwhile
  const go = new Go();
  const response = await fetchOK(wasm, "part of the tool that makes PDFs");
  const { instance } = await WebAssembly.instantiateStreaming(response, go.importObject);
  go.run(instance);
  if (typeof self.nasssRenderPDF !== "function") {
    throw new Error("the PDF renderer did not start");
  }
  const [regular, bold] = await fonts;
  self.nasssSetFonts(regular, bold);
  return self.nasssRenderPDF;
}

self.onmessage = async (event) => {
  const { id, wasm, fonts, file, date, options } = event.data;
  try {
    // A failed start is not kept: the next request tries again.
    ready = ready || start(wasm, fonts).catch((err) => {
      ready = null;
      throw err;
    });
    const render = await ready;
    const began = performance.now();
    const result = render(file, date, options || "");
    // How long the renderer itself took, for the benchmark.
    const ms = performance.now() - began;
    if (result.error) {
      self.postMessage({ id, error: result.error });
    } else {
      self.postMessage({ id, pdf: result.pdf, ms }, [result.pdf.buffer]);
    }
  } catch (err) {
    self.postMessage({ id, error: String(err && err.message ? err.message : err) });
  }
};
