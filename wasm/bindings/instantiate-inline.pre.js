// Emscripten --pre-js. With SINGLE_FILE the wasm bytes live in this script as a data: URI, but
// the 3.1.6 loader still fetch()es that URI in a browser, which a page's Content-Security-Policy
// (connect-src) may refuse. Decode the inline bytes and instantiate them directly instead:
// no fetch, no eval, and the same path in the page, in workers and in Node.
// Emscripten's own decoder (atob, then a JS loop over 3.6 million characters) took ~45 ms of a
// page's start-up; the platform decoders do it in a few.
function decodeInlineWasm() {
  var comma = wasmBinaryFile.indexOf(',');
  if (wasmBinaryFile.slice(0, 5) !== 'data:' || comma < 0) return null;
  var base64 = wasmBinaryFile.slice(comma + 1);
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(base64);
  if (typeof Buffer === 'function' && typeof Buffer.from === 'function') {
    var b = Buffer.from(base64, 'base64');  // Node
    return new Uint8Array(b.buffer, b.byteOffset, b.length);
  }
  return tryParseAsDataURI(wasmBinaryFile);
}

Module['instantiateWasm'] = function (imports, receiveInstance) {
  var bytes = decodeInlineWasm();
  if (!bytes) throw new Error('mirsad-core.js: the inline wasm binary is missing');
  WebAssembly.instantiate(bytes, imports).then(function (output) {
    receiveInstance(output.instance, output.module);
  }, function (reason) {
    var message = 'mirsad-core.js: WebAssembly.instantiate failed: ' + reason;
    if (Module['onAbort']) Module['onAbort'](message);
    else throw new Error(message);
  });
  return {};  // exports arrive asynchronously through receiveInstance
};
