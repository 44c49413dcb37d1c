// The one Emscripten file: binds JsonApi to JavaScript and nothing else. Types cross as
// std::u16string (document text and queries: UTF-16 like the page's strings, so offsets and
// lone surrogates survive) or std::string (ids, UTF-8 JSON results, file bytes from a Uint8Array).
#include <emscripten/bind.h>

#include "api/json_api.hpp"

namespace {

std::string load_file(mirsad::JsonApi& api, const std::string& name, const std::string& bytes) {
  return api.load_file(name, bytes);
}

std::string load_index(mirsad::JsonApi& api, const std::string& bytes) { return api.load_index(bytes); }

// Binary out: a std::string return would be decoded as UTF-8 text. The bytes stay in a buffer
// until the next call; the JS wrapper copies the view at once.
emscripten::val save_index(mirsad::JsonApi& api) {
  static std::string buffer;
  buffer = api.save_index();
  return emscripten::val(emscripten::typed_memory_view(buffer.size(), reinterpret_cast<const uint8_t*>(buffer.data())));
}

}  // namespace

EMSCRIPTEN_BINDINGS(mirsad) {
  emscripten::class_<mirsad::JsonApi>("JsonApi")
      .constructor<>()
      .function("loadFile", &load_file)
      .function("addDocument", &mirsad::JsonApi::add_document)
      .function("documents", &mirsad::JsonApi::documents)
      .function("text", &mirsad::JsonApi::text)
      .function("search", &mirsad::JsonApi::search)
      .function("entities", &mirsad::JsonApi::entities)
      .function("entitiesOfText", &mirsad::JsonApi::entities_of_text)
      .function("normalize", &mirsad::JsonApi::normalize)
      .function("countTokens", &mirsad::JsonApi::count_tokens)
      .function("stats", &mirsad::JsonApi::stats)
      .function("compact", &mirsad::JsonApi::compact)
      .function("saveIndex", &save_index)
      .function("loadIndex", &load_index);
}
