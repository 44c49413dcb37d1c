// Keeps every WebAssembly instance the page creates, so that the runner can read the size of the
// linear memory (memory.buffer.byteLength) the way peers-bench.md did for Pagefind.
(function () {
  'use strict';
  const instances = [];
  const keep = (result) => {
    const instance = result instanceof WebAssembly.Instance ? result : result && result.instance;
    if (instance) instances.push(instance);
    return result;
  };
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = function (...args) { return instantiate.apply(this, args).then(keep); };
  if (WebAssembly.instantiateStreaming) {
    const streaming = WebAssembly.instantiateStreaming;
    WebAssembly.instantiateStreaming = function (...args) { return streaming.apply(this, args).then(keep); };
  }
  // Sum of the byte lengths of every exported memory (the export name may be minified).
  self.benchWasmBytes = function () {
    let bytes = 0;
    for (const inst of instances) {
      for (const v of Object.values(inst.exports)) if (v instanceof WebAssembly.Memory) bytes += v.buffer.byteLength;
    }
    return { bytes, instances: instances.length };
  };
})();
