#pragma once
// The page's TextStore: document texts stay JavaScript strings in a JS array, so the wasm heap
// holds the index and not a second copy of the corpus (which in the page would never be given
// back: linear memory only grows).
#include <emscripten/val.h>

#include "corpus/text_store.hpp"

namespace mirsad_bindings {

class JsTextStore final : public mirsad::TextStore {
 public:
  JsTextStore() : texts_(emscripten::val::array()) {}

  // The JS string the next append() stores as is, instead of a new string made from the UTF-16
  // copy the core analysed: a document added from JS is then held once, by the caller's string.
  void offer(emscripten::val text) { offered_ = std::move(text); }

  void append(std::u16string&& text) override {
    if (offered_.isString()) texts_.call<void>("push", offered_);
    else texts_.call<void>("push", emscripten::val(std::move(text)));
    offered_ = emscripten::val::undefined();
    ++size_;
  }
  // Each part becomes a JS string at once and the parts are joined by JS (a rope: no copy).
  void append_part(std::u16string_view part, bool last) override {
    const emscripten::val piece{std::u16string(part)};
    pending_ = pending_.isString() ? pending_.call<emscripten::val>("concat", piece) : piece;
    if (!last) return;
    texts_.call<void>("push", pending_);
    pending_ = emscripten::val::undefined();
    ++size_;
  }
  void clear() override {
    texts_ = emscripten::val::array();
    pending_ = emscripten::val::undefined();
    size_ = 0;
  }
  std::u16string text(uint32_t ordinal) const override { return texts_[ordinal].as<std::u16string>(); }
  // The stored JS string itself, for the page's reader (no round trip through the wasm heap).
  emscripten::val js_text(uint32_t ordinal) const { return texts_[ordinal]; }
  std::size_t size() const override { return size_; }
  std::size_t heap_bytes() const override { return 0; }
  std::size_t growth_bound(std::size_t) const override { return 0; }

 private:
  emscripten::val texts_;
  emscripten::val offered_ = emscripten::val::undefined();
  emscripten::val pending_ = emscripten::val::undefined();
  std::size_t size_ = 0;
};

}  // namespace mirsad_bindings
