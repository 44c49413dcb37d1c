// Binds JsonApi to JavaScript (as PageApi: the same API with the texts kept as JS strings, see
// js_text_store.hpp) and nothing else. Types cross as
// std::u16string (document text and queries: UTF-16 like the page's strings, so offsets and
// lone surrogates survive) or std::string (ids, UTF-8 JSON results, file bytes from a Uint8Array).
#include <emscripten/bind.h>

#include "api/json_api.hpp"
#include "static_search_binding.hpp"
#include "js_text_store.hpp"

namespace {

using emscripten::val;

class PageApi : public mirsad::JsonApi {
 public:
  PageApi() : PageApi(new mirsad_bindings::JsTextStore) {}

  // Adds a document whose text is a JS string: analysed from a UTF-16 copy, stored as the string.
  std::string add_js_document(const std::string& id, const val& text, const std::string& title,
                              const std::string& date, const std::string& source) {
    if (!text.isString()) return add_document(id, u"", title, date, source);
    texts_->offer(text);
    std::string report = add_document(id, text.as<std::u16string>(), title, date, source);
    texts_->offer(val::undefined());  // refused (duplicate id): nothing was stored
    return report;
  }
  val js_text(const std::string& id) const {
    const auto ordinal = engine().find(id);
    return ordinal ? texts_->js_text(*ordinal) : val(std::string());
  }

 private:
  explicit PageApi(mirsad_bindings::JsTextStore* texts)
      : JsonApi(std::unique_ptr<mirsad::TextStore>(texts)), texts_(texts) {}
  mirsad_bindings::JsTextStore* texts_;  // owned by the engine
};

std::string load_file(mirsad::JsonApi& api, const std::string& name, const std::string& bytes) {
  return api.load_file(name, bytes);
}

using mirsad_bindings::bytes_of;

std::string load_mapped_file(mirsad::JsonApi& api, const std::string& name, const val& bytes, const std::string& mapping) {
  return api.load_file(name, bytes_of(bytes), mapping);
}
std::string begin_load_file(mirsad::JsonApi& api, const std::string& name, const val& bytes, const std::string& mapping) {
  return api.begin_load_file(name, bytes_of(bytes), mapping);
}
std::string peek_file(const std::string& name, const val& bytes, int samples) {
  return mirsad::JsonApi::peek_file(name, bytes_of(bytes), samples);
}

std::string load_index(mirsad::JsonApi& api, const val& bytes) { return api.load_index(bytes_of(bytes)); }
// The buffer reserved by beginLoadIndexOfSize, as a view the caller copies into (a view goes
// stale when wasm memory grows: take a new one for each piece).
val load_buffer(mirsad::JsonApi& api) {
  const std::string_view buffer = api.load_buffer();
  if (!buffer.data()) return val::null();
  return val(emscripten::typed_memory_view(buffer.size(), reinterpret_cast<const uint8_t*>(buffer.data())));
}

// The next piece of an index file streamed into the core (beginLoadIndexStream): copied from the
// JS Uint8Array straight into the loading's window, which holds only what is not read yet.
bool push_index_bytes(mirsad::JsonApi& api, const val& piece) {
  const std::size_t n = piece["length"].as<std::size_t>();
  char* room = api.load_room(n);
  if (!room) return false;
  if (n > 0) val(emscripten::typed_memory_view(n, reinterpret_cast<uint8_t*>(room))).call<void>("set", piece);
  return api.load_pushed(n);
}

// Binary out: a std::string return would be decoded as UTF-8 text. The file is copied into a new
// JS Uint8Array and its wasm buffer freed at once (it used to stay allocated until the next save:
// an index's worth of the worker's memory).
emscripten::val save_index(mirsad::JsonApi& api) {
  std::string bytes = api.save_index();
  val out = val::global("Uint8Array").new_(bytes.size());
  out.call<void>("set", val(emscripten::typed_memory_view(bytes.size(), reinterpret_cast<const uint8_t*>(bytes.data()))));
  return out;
}

std::string set_html_options(mirsad::JsonApi& api, const std::string& options) { return api.set_html_options(options); }

// The static index file the writer (or the merger) gave last, copied out as a Uint8Array (see save_index).
emscripten::val static_file_bytes(mirsad::JsonApi& api) {
  const std::string_view bytes = api.static_file_bytes();
  val out = val::global("Uint8Array").new_(bytes.size());
  out.call<void>("set", val(emscripten::typed_memory_view(bytes.size(), reinterpret_cast<const uint8_t*>(bytes.data()))));
  return out;
}

std::string provide_merge_file(mirsad::JsonApi& api, int segment, const std::string& name, const val& bytes) {
  return api.provide_merge_file(segment, name, bytes_of(bytes));
}

}  // namespace

EMSCRIPTEN_BINDINGS(mirsad) {
  emscripten::class_<mirsad::JsonApi>("JsonApi")
      .function("loadFile", &load_file)
      .function("loadMappedFile", &load_mapped_file)
      .function("beginLoadFile", &begin_load_file)
      .function("continueLoadFile", &mirsad::JsonApi::continue_load_file)
      .function("setHtmlOptions", &set_html_options)
      .class_function("peekFile", &peek_file)
      .function("documents", &mirsad::JsonApi::documents)
      .function("documentsPage", &mirsad::JsonApi::documents_page)
      .function("search", &mirsad::JsonApi::search)
      .function("entities", &mirsad::JsonApi::entities)
      .function("entityOverview", &mirsad::JsonApi::entity_overview)
      .function("beginOverview", &mirsad::JsonApi::begin_overview)
      .function("continueOverview", &mirsad::JsonApi::continue_overview)
      .function("beginConcordanceExport", &mirsad::JsonApi::begin_concordance_export)
      .function("nextConcordanceLines", &mirsad::JsonApi::next_concordance_lines)
      .function("concordance", &mirsad::JsonApi::concordance)
      .function("suggest", &mirsad::JsonApi::suggest)
      .function("entitiesOfText", &mirsad::JsonApi::entities_of_text)
      .function("events", &mirsad::JsonApi::events)
      .function("eventsOfDocuments", &mirsad::JsonApi::events_of_documents)
      .function("eventsOfText", &mirsad::JsonApi::events_of_text)
      .function("eventPartyCandidates", &mirsad::JsonApi::event_party_candidates)
      .function("setEventPartyModel", &mirsad::JsonApi::set_event_party_model)
      .function("filtersPending", &mirsad::JsonApi::filters_pending)
      .function("prepareFilters", &mirsad::JsonApi::prepare_filters)
      .function("filterVerdicts", &mirsad::JsonApi::filter_verdicts)
      .function("adoptFilterVerdicts", &mirsad::JsonApi::adopt_filter_verdicts)
      .function("normalize", &mirsad::JsonApi::normalize)
      .function("countTokens", &mirsad::JsonApi::count_tokens)
      .function("stats", &mirsad::JsonApi::stats)
      .function("compact", &mirsad::JsonApi::compact)
      .function("setMemoryBudget", &mirsad::JsonApi::set_memory_budget_mb)
      .function("reserveForSaving", &mirsad::JsonApi::reserve_for_saving)
      .function("saveIndex", &save_index)
      .function("loadIndex", &load_index)
      .function("beginLoadIndexOfSize", &mirsad::JsonApi::begin_load_index_of_size)
      .function("loadBuffer", &load_buffer)
      .function("beginLoadIndexStream", &mirsad::JsonApi::begin_load_index_stream)
      .function("pushIndexBytes", &push_index_bytes)
      .function("continueLoadIndex", &mirsad::JsonApi::continue_load_index)
      .function("beginStaticIndex", &mirsad::JsonApi::begin_static_index)
      .function("nextStaticFile", &mirsad::JsonApi::next_static_file)
      .function("staticFileBytes", &static_file_bytes)
      .function("beginStaticMerge", &mirsad::JsonApi::begin_static_merge)
      .function("nextMergedFile", &mirsad::JsonApi::next_merged_file)
      .function("provideMergeFile", &provide_merge_file)
      .function("setTakenIds", &mirsad::JsonApi::set_taken_ids);
  emscripten::class_<mirsad::StaticSearchApi> static_search("StaticSearchApi");
  static_search.constructor<>();
  mirsad_bindings::bind_static_search_api(static_search);
  emscripten::class_<PageApi, emscripten::base<mirsad::JsonApi>>("PageApi")
      .constructor<>()
      .function("addDocument", &PageApi::add_js_document)
      .function("text", &PageApi::js_text);
}
