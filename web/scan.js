// Reads a participant's QR code with this device's camera, for a
// facilitator whose laptop or tablet holds the workshop. Only browsers with
// a camera and a BarcodeDetector that knows QR codes get the offer: the
// app asks nasssScan.supported() first.
window.nasssScan = (function () {
  let stream = null;
  let timer = 0;
  // run counts starts and stops: a reading loop, or a camera arriving,
  // from an earlier run must not call that run's callbacks, which the app
  // has let go.
  let run = 0;

  async function supported() {
    if (!("BarcodeDetector" in window) || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      return false;
    }
    try {
      return (await BarcodeDetector.getSupportedFormats()).includes("qr_code");
    } catch (err) {
      return false;
    }
  }

  // start shows the camera in video and calls found(text) with each QR
  // code it reads, until stop(); failed(reason) if the camera cannot be used.
  async function start(video, found, failed) {
    stop();
    const mine = run;
    let camera;
    try {
      camera = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
    } catch (err) {
      if (mine !== run) {
        return;
      }
      const name = err && err.name;
      failed(name === "NotAllowedError" || name === "SecurityError" ? "denied" : name === "NotFoundError" || name === "OverconstrainedError" ? "none" : "other");
      return;
    }
    if (mine !== run) {
      camera.getTracks().forEach((t) => t.stop());
      return;
    }
    stream = camera;
    video.srcObject = stream;
    try {
      await video.play();
    } catch (err) {
      // Autoplay of a muted, inline camera view is allowed; carry on.
    }
    const detector = new BarcodeDetector({ formats: ["qr_code"] });
    const look = async () => {
      if (mine !== run) {
        return;
      }
      try {
        const codes = await detector.detect(video);
        if (mine === run && codes.length > 0) {
          found(codes[0].rawValue);
        }
      } catch (err) {
        // A frame that is not ready yet: try the next.
      }
      if (mine === run) {
        timer = setTimeout(look, 250);
      }
    };
    look();
  }

  function stop() {
    run++;
    clearTimeout(timer);
    if (stream) {
      stream.getTracks().forEach((t) => t.stop());
      stream = null;
    }
  }

  return { supported, start, stop };
})();
