#include "analysis/analyzer.hpp"

namespace mirsad {

Analyzer::Analyzer(const Lexicon& lexicon)
    : exact_(NormalizationOptions::exact()),
      normalizer_(NormalizationOptions::full()),
      lexicon_(lexicon),
      clitics_(lexicon) {}

AnalyzedText Analyzer::analyze(std::u16string_view text) const {
  AnalyzedText out;
  out.normalized = normalizer_.normalize(text);
  const std::vector<Token> tokens = tokenizer_.tokenize(out.normalized);
  out.tokens.reserve(tokens.size());
  const std::u16string& norm = out.normalized.text;
  for (const Token& t : tokens) {
    AnalyzedToken a{t, {}, t.span};
    const Term normalized(norm.data() + t.norm_begin, t.norm_end - t.norm_begin);
    const std::u16string_view original = text.substr(t.span.start, t.span.length());
    if (exact_.is_unchanged(original)) {
      a.terms[size_t(MatchLevel::Exact)] = original;
    } else {
      out.owned.push_back(exact_.normalize_plain(original));
      a.terms[size_t(MatchLevel::Exact)] = out.owned.back();
    }
    a.terms[size_t(MatchLevel::Normalized)] = normalized;
    a.stop = lexicon_.is_stopword(normalized);
    if (t.kind == TokenKind::Word) {
      const CliticSplit split = clitics_.split(normalized);
      a.terms[size_t(MatchLevel::Word)] = split.base;
      a.terms[size_t(MatchLevel::Stem)] = stemmer_.stem(split.base);
      if (split.particle_length > 0) {
        a.name_span.start = out.normalized.origin[t.norm_begin + split.particle_length].start;
      }
    } else {
      a.terms[size_t(MatchLevel::Word)] = normalized;
      a.terms[size_t(MatchLevel::Stem)] = normalized;
    }
    out.tokens.push_back(a);
  }
  return out;
}

}  // namespace mirsad
