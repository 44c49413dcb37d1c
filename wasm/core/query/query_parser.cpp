#include "query/query_parser.hpp"

#include <unicode/uchar.h>

#include "events/event.hpp"
#include "text/utf.hpp"

namespace mirsad {
namespace {

// One piece of query syntax before analysis.
struct Lexeme {
  std::u16string text;
  std::size_t offset = 0;  // where text starts in the query
  std::string filter;  // the field when this is field:value
  std::string unknown_field;  // written as field:value, but no filter has that name
  TermMatch last_term = TermMatch::Whole;  // from a trailing * or ~
  bool phrase = false;    // came from "…"
  bool excluded = false;  // prefixed by -
  bool is_or = false;     // the OR operator
};

bool is_space(char16_t c) { return u_isUWhiteSpace(c) || c == 0; }
bool is_quote(char16_t c) { return c == u'"' || c == u'\u201C' || c == u'\u201D' || c == u'\u00AB' || c == u'\u00BB'; }
bool is_ascii_letter(char16_t c) { return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z'); }

constexpr const char* kFilterFields[] = {"source", "date", "id", "entity", "event", "with"};

// "sorce:aawsat" looks like a filter with a misspelt field: its field, or "" (a URL's "http:"
// counts too; a time such as 10:30 or Arabic text before a colon does not).
std::string field_like(std::u16string_view word) {
  const std::size_t colon = word.find(u':');
  if (colon == 0 || colon == std::u16string_view::npos || colon + 1 >= word.size()) return "";
  for (std::size_t i = 0; i < colon; ++i) {
    if (!is_ascii_letter(word[i])) return "";
  }
  return utf16_to_utf8(word.substr(0, colon));
}

std::vector<Lexeme> lex(std::u16string_view q, std::vector<std::string>& warnings) {
  std::vector<Lexeme> out;
  std::size_t i = 0;
  while (i < q.size()) {
    if (is_space(q[i])) { ++i; continue; }
    Lexeme lx;
    if (q[i] == u'-' && i + 1 < q.size() && !is_space(q[i + 1])) { lx.excluded = true; ++i; }
    if (i < q.size() && is_quote(q[i])) {
      const std::size_t start = ++i;
      while (i < q.size() && !is_quote(q[i])) ++i;
      lx.text = std::u16string(q.substr(start, i - start));
      lx.offset = start;
      lx.phrase = true;
      if (i < q.size()) ++i;
      else warnings.push_back("unclosed quote: searched the rest as a phrase");
    } else {
      const std::size_t start = i;
      while (i < q.size() && !is_space(q[i]) && !is_quote(q[i])) ++i;
      lx.text = std::u16string(q.substr(start, i - start));
      lx.offset = start;
      lx.is_or = !lx.excluded && (lx.text == u"OR" || lx.text == u"|");
      for (const char* field : kFilterFields) {
        const std::u16string prefix = utf8_to_utf16(std::string(field) + ":");
        if (!lx.text.starts_with(prefix)) continue;
        lx.filter = field;
        lx.text.erase(0, prefix.size());
        if (lx.text.empty() && i < q.size() && is_quote(q[i])) {  // entity:"two words"
          const std::size_t value_start = ++i;
          while (i < q.size() && !is_quote(q[i])) ++i;
          lx.text = std::u16string(q.substr(value_start, i - value_start));
          if (i < q.size()) ++i;
        }
        break;
      }
      if (!lx.filter.empty()) {
        out.push_back(std::move(lx));
        continue;
      }
      lx.unknown_field = field_like(lx.text);
      if (lx.text.size() > 1 && (lx.text.back() == u'*' || lx.text.back() == u'~')) {
        lx.last_term = lx.text.back() == u'*' ? TermMatch::Prefix : TermMatch::Fuzzy;
        lx.text.pop_back();
      }
    }
    out.push_back(std::move(lx));
  }
  return out;
}

}  // namespace

Query QueryParser::parse(std::u16string_view text, MatchLevel level, bool any, bool live) const {
  Query query;
  query.level = level;
  if (text.size() > kMaxQueryUnits) {
    std::size_t cut = kMaxQueryUnits;
    if (is_low_surrogate(text[cut])) --cut;  // never split a pair
    text = text.substr(0, cut);
    query.warnings.push_back("query too long: only the first " + std::to_string(cut) + " characters were searched");
  }
  std::size_t term_count = 0;
  bool pending_or = false, truncated = false;
  std::vector<Lexeme> lexemes = lex(text, query.warnings);
  // Not at the exact level: it promises the word exactly as written, and a user checking one
  // spelling must not see its longer forms counted, even for a moment (ليبي* still asks for them).
  const Lexeme* typing = nullptr;
  if (live && level != MatchLevel::Exact && !lexemes.empty() && !text.empty() && !u_isUWhiteSpace(text.back()) &&
      !lexemes.back().phrase && lexemes.back().filter.empty() && !lexemes.back().is_or &&
      lexemes.back().last_term == TermMatch::Whole) {
    lexemes.back().last_term = TermMatch::Prefix;  // still being typed
    typing = &lexemes.back();
  }
  for (const Lexeme& lx : lexemes) {
    if (!lx.filter.empty()) {
      if (lx.text.empty()) {
        query.warnings.push_back(lx.filter + ": without a value was ignored");
      } else if (lx.filter == "event" && !parse_event_type(utf16_to_utf8(lx.text))) {
        query.warnings.push_back("event:" + utf16_to_utf8(lx.text) + " was ignored: event: takes MEET, VISIT, ATTACK or AGREEMENT");
      } else if (lx.filter == "date" && is_date_range(lx.text)) {
        if (auto range = parse_date_range(lx.text, query.warnings)) {
          query.filters.push_back(Filter{lx.filter, lx.text, lx.excluded, std::move(range)});
        }
      } else {
        query.filters.push_back(Filter{lx.filter, lx.text, lx.excluded});
      }
      continue;
    }
    if (lx.is_or) {
      if (query.required.empty()) query.warnings.push_back("OR at the start was ignored");
      else pending_or = true;
      continue;
    }
    if (!lx.unknown_field.empty()) {
      query.unknown_filters.push_back(lx.unknown_field);
      std::string known;
      for (const char* field : kFilterFields) known += (known.empty() ? "" : ", ") + std::string(field) + ":";
      query.warnings.push_back("unknown filter \"" + lx.unknown_field + ":\" was searched as words (filters: " + known + ")");
    }
    const AnalyzedText analyzed = analyzer_.analyze(lx.text);
    PhraseQuery phrase;
    phrase.text = utf16_to_utf8(lx.text);
    phrase.quoted = lx.phrase;
    phrase.stop = !analyzed.tokens.empty();
    for (const AnalyzedToken& token : analyzed.tokens) {
      phrase.stop = phrase.stop && token.stop;
      if (term_count >= kMaxTerms) { truncated = true; break; }
      const auto offset = static_cast<uint32_t>(lx.offset);
      phrase.terms.push_back(QueryTerm{std::u16string(token.term(level)), TermMatch::Whole,
                                       Span{offset + token.token.span.start, offset + token.token.span.end}});
      ++term_count;
    }
    if (!phrase.terms.empty() && lx.last_term != TermMatch::Whole) {
      phrase.terms.back().match = lx.last_term;  // * and ~ apply to the word they end
      phrase.stop = false;
      if (&lx == typing) query.live_prefix = phrase.text;
    }
    if (phrase.terms.empty()) {
      if (!truncated) query.warnings.push_back("ignored \"" + phrase.text + "\": no searchable word in it");
      pending_or = false;
      continue;
    }
    if (lx.excluded) {
      query.excluded.push_back(std::move(phrase));
    } else if (pending_or) {
      query.required.back().alternatives.push_back(std::move(phrase));
    } else {
      query.required.push_back(Clause{{std::move(phrase)}});
    }
    pending_or = false;
  }
  if (pending_or) query.warnings.push_back("OR at the end was ignored");
  if (query.exclusions_only()) {
    query.warnings.push_back("only exclusions: -word leaves documents out of a search, so add a word or a filter to search for");
  }
  if (any && query.required.size() > 1) {
    Clause all;
    for (Clause& c : query.required) {
      for (PhraseQuery& p : c.alternatives) all.alternatives.push_back(std::move(p));
    }
    query.required.assign(1, std::move(all));
  }
  if (truncated) query.warnings.push_back("too many words: only the first " + std::to_string(kMaxTerms) + " were searched");
  return query;
}

}  // namespace mirsad
