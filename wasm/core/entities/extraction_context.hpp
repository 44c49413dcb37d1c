#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "analysis/analyzer.hpp"
#include "entities/entity.hpp"

namespace mirsad {

// Written with the article, after any particle: الوزير، والوزير، بالجزائر، للجزائر (ل + ال).
inline bool written_with_article(const AnalyzedToken& t) {
  const Term n = t.term(MatchLevel::Normalized), w = t.term(MatchLevel::Word);
  if (w.data() < n.data() || w.data() > n.data() + n.size()) return false;  // a filter built w elsewhere
  const std::size_t at = static_cast<std::size_t>(w.data() - n.data());
  return at >= 2 && (n.substr(at - 2, 2) == u"ال" || n.substr(at - 2, 2) == u"لل");
}

// A possible entity over tokens [first, last); the extractor keeps the best non-overlapping set.
struct EntityCandidate {
  std::size_t first;
  std::size_t last;
  EntityType type;
  std::string canonical;
  std::string label_en;
  std::string country;
  std::string value;
  int priority;  // breaks ties between candidates of equal length: higher wins
};

// What every recognizer reads: the text, its tokens, and whether neighbours may form one name.
struct ExtractionContext {
  std::u16string_view text;
  const std::vector<AnalyzedToken>& tokens;
  std::vector<bool> joined;  // joined[i]: only spaces between token i and i + 1

  ExtractionContext(std::u16string_view t, const std::vector<AnalyzedToken>& toks) : text(t), tokens(toks) {
    joined.resize(tokens.size(), false);
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
      bool only_spaces = true;
      for (uint32_t k = tokens[i].token.span.end; k < tokens[i + 1].token.span.start && only_spaces; ++k) {
        const char16_t c = text[k];
        only_spaces = c == u' ' || c == u'\u00A0' || c == u'\t' || c == u'\n' || c == u'\r';
      }
      joined[i] = only_spaces;
    }
  }
  std::size_t size() const { return tokens.size(); }
  Term word(std::size_t i) const { return tokens[i].term(MatchLevel::Word); }
  Term normalized(std::size_t i) const { return tokens[i].term(MatchLevel::Normalized); }
  bool has_particle(std::size_t i) const { return tokens[i].name_span.start != tokens[i].token.span.start; }
  bool is_number(std::size_t i) const { return tokens[i].token.kind == TokenKind::Number; }
  bool has_article(std::size_t i) const { return written_with_article(tokens[i]); }
  // The characters between token i and i + 1.
  std::u16string_view gap(std::size_t i) const {
    const uint32_t a = tokens[i].token.span.end, b = tokens[i + 1].token.span.start;
    return text.substr(a, b - a);
  }
};

}  // namespace mirsad
