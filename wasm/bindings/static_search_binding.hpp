// The binding of StaticSearchApi, shared by the full module (embind.cpp) and the query-side
// module (query_embind.cpp), which differ only in how the API is constructed.
#pragma once
#include <string>

#include <emscripten/bind.h>

#include "api/static_search_api.hpp"

namespace mirsad_bindings {

// A Uint8Array copied once into the wasm heap (a std::string parameter copies it twice: to the
// wire, then into the string).
inline std::string bytes_of(const emscripten::val& array) {
  std::string bytes(array["length"].as<std::size_t>(), '\0');
  emscripten::val(emscripten::typed_memory_view(bytes.size(), reinterpret_cast<uint8_t*>(bytes.data())))
      .call<void>("set", array);
  return bytes;
}

inline std::string provide_static_file(mirsad::StaticSearchApi& api, const std::string& name, const emscripten::val& bytes) {
  return api.provide(name, bytes_of(bytes));
}

template <typename Binding>
void bind_static_search_api(const Binding& binding) {
  binding.function("open", &mirsad::StaticSearchApi::open)
      .function("provide", &provide_static_file)
      .function("fileUnavailable", &mirsad::StaticSearchApi::file_unavailable)
      .function("search", &mirsad::StaticSearchApi::search)
      .function("fragment", &mirsad::StaticSearchApi::fragment)
      .function("fragmentText", &mirsad::StaticSearchApi::fragment_text)
      .function("stats", &mirsad::StaticSearchApi::stats)
      .function("setMemoryBudget", &mirsad::StaticSearchApi::set_memory_budget_mb);
}

}  // namespace mirsad_bindings
