// Where the app keeps assessments: IndexedDB, the browser's database,
// which holds far more than local storage and writes off the page's
// thread. This script runs before the app and opens the database at once,
// while the app's WebAssembly is still loading, so the list of assessments
// is ready when the app asks.
//
// window.nasssStore is a promise of the store, or of the reason the
// browser refused it. Every record carries a revision, checked inside the
// write's own transaction: a tab that saves from an old revision is told,
// with what is stored now, instead of overwriting it. Each write is
// announced to the app's other tabs.
//
// Records kept in local storage by earlier versions are copied across on
// the first start, and each is removed from local storage only once its
// copy reads back the same.
(function () {
  "use strict";
  const dbName = "nasss";
  const legacyPrefix = "nasss.assessment.";
  const records = "records"; // {id, rev, data: Uint8Array of the compact JSON}
  const summaries = "summaries"; // {id, rev, summary: JSON the home page shows}
  const settings = "settings"; // key → string

  const request = (r) =>
    new Promise((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  const finished = (tx) =>
    new Promise((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onabort = tx.onerror = () => reject(tx.error || new DOMException("The write was abandoned.", "AbortError"));
    });
  const encoder = new TextEncoder();

  // A change is saved when a write started after it has finished. Until
  // then, leaving the page asks first: the database drops a write a page
  // leaves in the middle of, and text a field refused is only on screen.
  // (Where the browser refuses storage, nothing is ever saved, so leaving
  // after any change asks.)
  let pending = 0; // writes in flight
  let changedAt = -1; // when a field last changed
  let savedFrom = -1; // when the last finished write started
  // "input", not "change": a text box fires "change" when it loses focus,
  // long after its text was saved; radios, lists and dates fire both.
  addEventListener("input", (e) => {
    if (e.target && e.target.matches && e.target.matches("input, textarea, select")) changedAt = performance.now();
  }, true);
  window.nasssUnsaved = () => pending > 0 || changedAt > savedFrom;
  // The app calls this when what was typed needs no saving (a code found
  // to be here already, its form emptied).
  window.nasssForgetTyping = () => { changedAt = -1; };

  addEventListener("beforeunload", (e) => {
    if (window.nasssUnsaved()) {
      e.preventDefault();
      e.returnValue = "";
    }
  });
  const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

  function open() {
    return new Promise((resolve, reject) => {
      const r = indexedDB.open(dbName, 1);
      r.onupgradeneeded = () => {
        const db = r.result;
        db.createObjectStore(records, { keyPath: "id" });
        db.createObjectStore(summaries, { keyPath: "id" });
        db.createObjectStore(settings);
      };
      r.onsuccess = () => {
        const db = r.result;
        // A newer version of the app wants to change the database: let it.
        db.onversionchange = () => db.close();
        resolve(db);
      };
      r.onerror = () => reject(r.error);
      r.onblocked = () => reject(new DOMException("Another tab of this tool holds the storage open in an older version: close it and reload.", "InvalidStateError"));
    });
  }

  function legacyKeys() {
    const keys = [];
    try {
      for (let i = 0; i < localStorage.length; i++) {
        const k = localStorage.key(i);
        if (k && k.startsWith(legacyPrefix)) keys.push(k);
      }
    } catch (e) {
      // Local storage refused: nothing can be in it.
    }
    return keys;
  }

  // migrate copies local storage's records into the database, then
  // removes each original once its copy reads back the same. A record
  // whose ID is taken by a different one is kept under a new ID.
  async function migrate(db) {
    const keys = legacyKeys();
    if (keys.length === 0) return;
    const copies = [];
    for (const key of keys) {
      const text = localStorage.getItem(key);
      if (text === null) continue;
      let id = key.slice(legacyPrefix.length);
      if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) id = "damaged-" + copies.length;
      copies.push({ key, id, data: encoder.encode(text) });
    }
    // Requests and their callbacks only: an await would let the
    // transaction finish before its writes.
    const tx = db.transaction([records, summaries], "readwrite");
    const done = finished(tx);
    copies.forEach((c, i) => {
      const got = tx.objectStore(records).get(c.id);
      got.onsuccess = () => {
        if (got.result && same(got.result.data, c.data)) return; // copied before
        if (got.result) c.id = c.id.slice(0, 52) + "-older-" + i;
        tx.objectStore(records).put({ id: c.id, rev: 1, data: c.data });
        tx.objectStore(summaries).put({ id: c.id, rev: 1, summary: "" });
      };
    });
    await done;
    const check = db.transaction(records, "readonly").objectStore(records);
    for (const c of copies) {
      const got = await request(check.get(c.id));
      if (got && same(got.data, c.data)) localStorage.removeItem(c.key);
    }
  }

  function store(db) {
    const channel = typeof BroadcastChannel === "function" ? new BroadcastChannel("nasss-store") : null;
    const announce = (msg) => channel && channel.postMessage(msg);
    const read = (name) => db.transaction(name, "readonly").objectStore(name);
    return {
      // list gives every record's ID, revision and summary, not its data.
      async list() {
        return (await request(read(summaries).getAll())).map((s) => ({ id: s.id, rev: s.rev, summary: s.summary || "" }));
      },
      async rev(id) {
        const s = await request(read(summaries).get(id));
        return s ? s.rev : 0;
      },
      async get(id) {
        return (await request(read(records).get(id))) || null;
      },
      // put writes a record if the stored revision is still base (0: none
      // stored), all in one transaction; otherwise it writes nothing and
      // returns what is stored now.
      put(id, base, data, summary) {
        const started = performance.now();
        pending++;
        return new Promise((resolve, reject) => {
          const tx = db.transaction([records, summaries], "readwrite");
          let result, failure;
          tx.oncomplete = () => {
            pending--;
            if (!result.conflict) {
              savedFrom = Math.max(savedFrom, started);
              announce({ id, rev: result.rev });
            }
            resolve(result);
          };
          let failed = false; // error, then abort: once
          tx.onabort = tx.onerror = () => {
            if (failed) return;
            failed = true;
            pending--;
            reject(failure || tx.error || new DOMException("The write was abandoned.", "AbortError"));
          };
          const got = tx.objectStore(records).get(id);
          got.onsuccess = () => {
            const now = got.result;
            const rev = now ? now.rev : 0;
            if (rev !== base) {
              result = { conflict: true, rev, data: now ? now.data : null };
              return;
            }
            result = { rev: rev + 1 };
            try {
              tx.objectStore(records).put({ id, rev: rev + 1, data });
              tx.objectStore(summaries).put({ id, rev: rev + 1, summary });
            } catch (e) {
              // Say why, rather than that the transaction was aborted.
              failure = e;
              tx.abort();
            }
          };
        });
      },
      // setSummary stores a summary worked out later, if the record has
      // not changed meanwhile.
      setSummary(id, rev, summary) {
        const tx = db.transaction(summaries, "readwrite");
        const got = tx.objectStore(summaries).get(id);
        got.onsuccess = () => {
          if (got.result && got.result.rev === rev) tx.objectStore(summaries).put({ id, rev, summary });
        };
        return finished(tx);
      },
      async remove(id) {
        const tx = db.transaction([records, summaries], "readwrite");
        tx.objectStore(records).delete(id);
        tx.objectStore(summaries).delete(id);
        await finished(tx);
        announce({ id, rev: 0 });
      },
      async setting(key) {
        const v = await request(read(settings).get(key));
        return typeof v === "string" ? v : "";
      },
      async setSetting(key, value) {
        const tx = db.transaction(settings, "readwrite");
        tx.objectStore(settings).put(String(value), key);
        await finished(tx);
      },
      // watch calls f({id, rev}) when another tab has written or removed
      // a record (rev 0), and f({id: "*"}) when this tab is shown again:
      // a message may have been lost, or the browser may have none.
      watch(f) {
        if (channel) channel.onmessage = (e) => f(e.data);
        document.addEventListener("visibilitychange", () => {
          if (document.visibilityState === "visible") f({ id: "*", rev: 0 });
        });
      },
      async estimate() {
        const s = navigator.storage;
        if (!s || !s.estimate) return null;
        const e = await s.estimate();
        return { usage: e.usage || 0, quota: e.quota || 0 };
      },
      async persisted() {
        const s = navigator.storage;
        return !!(s && s.persisted && (await s.persisted()));
      },
      async persist() {
        const s = navigator.storage;
        return !!(s && s.persist && (await s.persist()));
      },
    };
  }

  window.nasssStore = (async () => {
    if (!window.indexedDB) throw new Error("this browser has no IndexedDB");
    const db = await open();
    try {
      await migrate(db);
    } catch (e) {
      // Records not copied stay in local storage, and are tried again on
      // the next start; the app still starts.
      console.error("copying assessments from local storage:", e);
    }
    return store(db);
  })();
  // Nobody may be waiting yet; the app reads the reason when it asks.
  window.nasssStore.catch(() => {
    window.nasssKept = false; // for tests: nothing here can ever be saved
  });
})();
