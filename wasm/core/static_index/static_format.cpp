#include "static_index/static_format.hpp"

#include <cstring>

namespace mirsad::static_format {

uint64_t content_hash(std::string_view bytes) {
  // FNV-1a over bytes with a final avalanche (splitmix64's): names only need to change when the
  // content does, and be spread enough that two files of one index do not share one.
  uint64_t h = 14695981039346656037ull;
  for (const char c : bytes) h = (h ^ static_cast<uint8_t>(c)) * 1099511628211ull;
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ull;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebull;
  h ^= h >> 31;
  return h;
}

std::string hex64(uint64_t v) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string s(16, '0');
  for (int i = 15; i >= 0; --i, v >>= 4) s[static_cast<std::size_t>(i)] = kDigits[v & 15];
  return s;
}

std::string content_name(std::string_view prefix, std::string_view bytes, std::string_view extension) {
  std::string name(prefix);
  name += '-';
  name += hex64(content_hash(bytes));
  name += extension;
  return name;
}

bool content_matches(const std::string& name, std::string_view bytes) {
  const std::size_t dash = name.rfind('-'), dot = name.rfind('.');
  if (dash == std::string::npos || dot == std::string::npos || dot < dash) return false;
  return name == content_name(name.substr(0, dash), bytes, name.substr(dot));
}

void put_varint(std::string& out, uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>(v | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

void put_term(std::string& out, std::u16string_view term) {
  put_varint(out, term.size());
  for (const char16_t c : term) {
    out.push_back(static_cast<char>(c & 0xFF));
    out.push_back(static_cast<char>(c >> 8));
  }
}

void put_header(std::string& out, std::string_view kind) {
  out.append(kind);
  put_varint(out, kVersion);
}

uint64_t Cursor::varint() {
  uint64_t v = 0;
  for (int shift = 0; ok_; shift += 7) {
    if (pos_ >= bytes_.size() || shift > 63) {
      ok_ = false;
      return 0;
    }
    const auto b = static_cast<uint8_t>(bytes_[pos_++]);
    v |= static_cast<uint64_t>(b & 0x7F) << shift;
    if (!(b & 0x80)) return v;
  }
  return 0;
}

std::string_view Cursor::take(std::size_t n) {
  if (!ok_ || n > bytes_.size() - pos_) {
    ok_ = false;
    return {};
  }
  const std::string_view s = bytes_.substr(pos_, n);
  pos_ += n;
  return s;
}

std::u16string Cursor::term() {
  const uint64_t n = varint();
  if (!ok_ || n > (bytes_.size() - pos_) / 2) {
    ok_ = false;
    return {};
  }
  std::u16string t(static_cast<std::size_t>(n), u'\0');
  for (std::size_t i = 0; i < t.size(); ++i) {
    t[i] = static_cast<char16_t>(static_cast<uint8_t>(bytes_[pos_]) | (static_cast<uint8_t>(bytes_[pos_ + 1]) << 8));
    pos_ += 2;
  }
  return t;
}

bool Cursor::header(std::string_view kind) {
  if (take(kind.size()) != kind) return ok_ = false;
  return varint() == kVersion && ok_;
}

void put_postings(std::string& out, const DecodedPostings& postings) {
  put_varint(out, postings.size());
  DocOrdinal previous = 0;
  for (std::size_t i = 0; i < postings.size(); ++i) {
    put_varint(out, postings.docs[i] - previous);
    previous = postings.docs[i];
    put_varint(out, postings.starts[i + 1] - postings.starts[i]);
    uint32_t last = 0;
    for (const uint32_t* p = postings.positions_begin(i); p != postings.positions_end(i); ++p) {
      put_varint(out, *p - last);
      last = *p;
    }
  }
}

bool read_postings(std::string_view bytes, std::size_t document_count, DecodedPostings& out) {
  out = DecodedPostings{};
  Cursor c(bytes);
  const uint64_t docs = c.varint();
  if (!c.ok() || docs > document_count || docs > bytes.size()) return false;
  out.docs.reserve(docs);
  out.starts.reserve(docs + 1);
  uint64_t doc = 0;
  for (uint64_t i = 0; i < docs; ++i) {
    const uint64_t delta = c.varint();
    doc += delta;
    if ((i > 0 && delta == 0) || doc >= document_count) return false;
    const uint64_t count = c.varint();
    if (!c.ok() || count == 0 || count > bytes.size()) return false;
    uint64_t position = 0;
    for (uint64_t k = 0; k < count; ++k) {
      const uint64_t step = c.varint();
      position += step;
      if ((k > 0 && step == 0) || position > UINT32_MAX) return false;
      out.positions.push_back(static_cast<uint32_t>(position));
    }
    out.docs.push_back(static_cast<DocOrdinal>(doc));
    out.starts.push_back(static_cast<uint32_t>(out.positions.size()));
  }
  return c.ok() && c.at_end();
}

}  // namespace mirsad::static_format
