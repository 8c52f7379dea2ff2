// Runs first, before the app's scripts.
//
// Some browsers refuse local storage altogether (site data blocked, some
// private modes): merely reading window.localStorage throws. go-app reads
// it as it starts and would stop dead, leaving a blank page. So such a
// browser gets a stand-in that keeps nothing beyond this page, and the app
// is told (nasssStorageError), so that it says so and offers export rather
// than claiming to save. This runs before the app's scripts.
(function () {
  for (const name of ["localStorage", "sessionStorage"]) {
    try {
      window[name].length;
    } catch (err) {
      const items = new Map();
      const standIn = {
        get length() { return items.size; },
        key(i) { const keys = [...items.keys()]; return i < keys.length ? keys[i] : null; },
        getItem(k) { return items.has(String(k)) ? items.get(String(k)) : null; },
        setItem(k, v) { items.set(String(k), String(v)); },
        removeItem(k) { items.delete(String(k)); },
        clear() { items.clear(); },
      };
      Object.defineProperty(window, name, { value: standIn, configurable: true });
      if (name === "localStorage") {
        window.nasssStorageError = String((err && err.message) || err);
      }
    }
  }
})();

// While the app loads, the home page's words, sent as plain HTML, can be
// read at once: its loader shrinks to a bar at the foot (app.css). Any
// other address is served the same words by the service worker, so there
// the loader covers them until the app draws the right page.
document.documentElement.classList.toggle("boot-home", location.pathname === "/");
