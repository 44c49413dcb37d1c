// Emscripten --pre-js. With SINGLE_FILE the wasm bytes live in this script as a data: URI, but
// the 3.1.6 loader still fetch()es that URI in a browser, which a page's Content-Security-Policy
// (connect-src) may refuse. Decode the inline bytes and instantiate them directly instead:
// no fetch, no eval, and the same path in the page, in workers and in Node.
Module['instantiateWasm'] = function (imports, receiveInstance) {
  var bytes = tryParseAsDataURI(wasmBinaryFile);
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
