#include "analysis/analyzer.hpp"

namespace mirsad {

Analyzer::Analyzer(const Lexicon& lexicon)
    : exact_(NormalizationOptions::exact()),
      normalizer_(NormalizationOptions::full()),
      lexicon_(lexicon),
      clitics_(lexicon) {}

namespace {

uint8_t offset_in(std::u16string_view outer, std::u16string_view inner) {
  return static_cast<uint8_t>(inner.data() - outer.data());
}

// Whether inner is a substring of outer by address (what the filters return), so it can be kept
// as offsets.
bool lies_within(std::u16string_view outer, std::u16string_view inner) {
  return inner.data() >= outer.data() && inner.data() + inner.size() <= outer.data() + outer.size();
}

}  // namespace

WordAnalysis Analyzer::analyze_word(std::u16string_view normalized) const {
  const uint32_t hash = WordMemo::hash(normalized);
  if (const WordAnalysis* known = memo_.find(normalized, hash)) return *known;
  const CliticSplit split = clitics_.split(normalized);
  const std::u16string_view stem = stemmer_.stem(split.base);
  WordAnalysis a;
  a.stop = lexicon_.is_stopword(normalized);
  a.particle_length = static_cast<uint8_t>(split.particle_length);
  if (normalized.size() <= WordMemo::kMaxLength && lies_within(normalized, split.base) && lies_within(normalized, stem)) {
    a.word_begin = offset_in(normalized, split.base);
    a.word_length = static_cast<uint8_t>(split.base.size());
    a.stem_begin = offset_in(normalized, stem);
    a.stem_length = static_cast<uint8_t>(stem.size());
    memo_.remember(normalized, hash, a);
    return a;
  }
  // A long word, or a filter that built its result elsewhere: not memoized, and the caller
  // recomputes the views (rare).
  a.word_length = a.stem_length = 0xFF;
  return a;
}

AnalyzedText Analyzer::analyze(std::u16string_view text, AnalysisDepth depth) const {
  AnalyzedText out;
  out.normalized = normalizer_.normalize(text);
  if (depth == AnalysisDepth::Surface) out.filters = this;
  const std::vector<Token> tokens = tokenizer_.tokenize(out.normalized);
  out.tokens.reserve(tokens.size());
  const std::u16string& norm = out.normalized.text;
  for (const Token& t : tokens) {
    AnalyzedToken a{t, {}, t.span};
    const std::u16string_view original = text.substr(t.span.start, t.span.length());
    if (exact_.is_unchanged(original)) {
      a.terms[size_t(MatchLevel::Exact)] = original;
    } else {
      out.owned.push_back(exact_.normalize_plain(original));
      a.terms[size_t(MatchLevel::Exact)] = out.owned.back();
    }
    a.terms[size_t(MatchLevel::Normalized)] = Term(norm.data() + t.norm_begin, t.norm_end - t.norm_begin);
    if (depth == AnalysisDepth::Full) filter(a, out.normalized);
    out.tokens.push_back(a);
  }
  return out;
}

void Analyzer::filter(AnalyzedToken& a, const NormalizedText& normalized_text) const {
  const Token& t = a.token;
  const Term normalized = a.term(MatchLevel::Normalized);
  if (t.kind != TokenKind::Word) {
    a.stop = lexicon_.is_stopword(normalized);
    a.terms[size_t(MatchLevel::Word)] = normalized;
    a.terms[size_t(MatchLevel::Stem)] = normalized;
    return;
  }
  const WordAnalysis w = analyze_word(normalized);
  a.stop = w.stop;
  if (w.word_length == 0xFF) {
    const CliticSplit split = clitics_.split(normalized);
    a.terms[size_t(MatchLevel::Word)] = split.base;
    a.terms[size_t(MatchLevel::Stem)] = stemmer_.stem(split.base);
  } else {
    a.terms[size_t(MatchLevel::Word)] = normalized.substr(w.word_begin, w.word_length);
    a.terms[size_t(MatchLevel::Stem)] = normalized.substr(w.stem_begin, w.stem_length);
  }
  if (w.particle_length > 0) {
    a.name_span.start = normalized_text.origin[t.norm_begin + w.particle_length].start;
  }
}

AnalyzedToken AnalyzedText::filtered_token(std::size_t i) const {
  AnalyzedToken t = tokens[i];
  if (filters) filters->filter(t, normalized);
  return t;
}

}  // namespace mirsad
