#include "analysis/analyzer.hpp"

#include "text/utf.hpp"

namespace mirsad {

Analyzer::Analyzer(const Lexicon& lexicon)
    : exact_(NormalizationOptions::exact()), normalizer_(NormalizationOptions::full()), clitics_(lexicon) {}

AnalyzedText Analyzer::analyze(std::u16string_view text) const {
  AnalyzedText out;
  out.normalized = normalizer_.normalize(text);
  const std::vector<Token> tokens = tokenizer_.tokenize(out.normalized);
  out.tokens.reserve(tokens.size());
  const std::u16string& norm = out.normalized.text;
  for (const Token& t : tokens) {
    AnalyzedToken a{t, {}, t.span};
    const std::u16string_view normalized(norm.data() + t.norm_begin, t.norm_end - t.norm_begin);
    a.terms[size_t(MatchLevel::Exact)] =
        utf16_to_utf8(exact_.normalize_plain(text.substr(t.span.start, t.span.length())));
    a.terms[size_t(MatchLevel::Normalized)] = utf16_to_utf8(normalized);
    if (t.kind == TokenKind::Word) {
      const CliticSplit split = clitics_.split(normalized);
      a.terms[size_t(MatchLevel::Word)] = utf16_to_utf8(split.base);
      a.terms[size_t(MatchLevel::Stem)] = utf16_to_utf8(stemmer_.stem(split.base));
      if (split.particle_length > 0) {
        a.name_span.start = out.normalized.origin[t.norm_begin + split.particle_length].start;
      }
    } else {
      a.terms[size_t(MatchLevel::Word)] = a.terms[size_t(MatchLevel::Normalized)];
      a.terms[size_t(MatchLevel::Stem)] = a.terms[size_t(MatchLevel::Normalized)];
    }
    out.tokens.push_back(std::move(a));
  }
  return out;
}

}  // namespace mirsad
