#include "events/event_lexicon.hpp"

#include <cstdlib>

#include "embedded_data.hpp"
#include "text/utf.hpp"

namespace mirsad {
namespace {

std::vector<std::u16string> terms_at(const Analyzer& analyzer, std::string_view phrase, MatchLevel level) {
  const std::u16string text = utf8_to_utf16(phrase);
  const AnalyzedText analyzed = analyzer.analyze(text);
  std::vector<std::u16string> terms;
  for (const AnalyzedToken& t : analyzed.tokens) terms.emplace_back(t.term(level));
  return terms;
}

std::vector<std::string_view> split(std::string_view line, char sep) {
  std::vector<std::string_view> parts;
  std::size_t from = 0;
  for (std::size_t at; (at = line.find(sep, from)) != std::string_view::npos; from = at + 1) parts.push_back(line.substr(from, at - from));
  parts.push_back(line.substr(from));
  return parts;
}

}  // namespace

EventLexicon::EventLexicon(const Analyzer& analyzer, std::string_view tsv, std::vector<std::string>* problems) {
  const auto complain = [&](std::size_t line, const std::string& why) {
    if (problems) problems->push_back("event_triggers.tsv:" + std::to_string(line) + ": " + why);
  };
  std::size_t line_number = 0;
  for (std::string_view line : split(tsv, '\n')) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    const auto cells = split(line, '\t');
    if (cells.size() < 2 || cells[1].empty()) { complain(line_number, "needs kind<TAB>phrase"); continue; }
    const std::string_view kind = cells[0], phrase = cells[1], flags = cells.size() > 2 ? cells[2] : std::string_view();
    if (const auto type = parse_event_type(kind)) {
      TriggerWord word{*type};
      for (std::string_view flag : split(flags, ',')) {
        if (flag == "verb") word.verb = true;
        else if (flag == "noun") word.verb = false;
        else if (flag == "planned") word.planned = true;
        else if (flag == "weak") word.weak = true;
        else if (flag == "with") word.with = true;
        else if (flag == "object") word.object = true;
        else if (flag == "destination") word.destination = true;
        else if (flag == "patient") word.patient = true;
        else complain(line_number, "unknown flag " + std::string(flag));
      }
      const auto words = terms_at(analyzer, phrase, MatchLevel::Word);
      if (!words.empty()) word.last_word = words.back();
      word.with_article = phrase.substr(0, 4) == "ال";  // UTF-8: two letters, four bytes
      if (!word.verb && !words.empty()) listed_nouns_.insert(words.back());
      if (word.verb) verbs_.add(words, word);
      else nouns_.add(terms_at(analyzer, phrase, MatchLevel::Stem), word);
      continue;
    }
    EventCue cue{};
    if (kind == "planned") cue.kind = EventCueKind::Planned, cue.after = flags == "after";
    else if (kind == "negated") cue.kind = EventCueKind::Negated;
    else if (kind == "failed") cue.kind = EventCueKind::Failed;
    else if (kind == "place_prep") cue.kind = EventCueKind::PlacePrep;
    else if (kind == "place_noun") cue.kind = EventCueKind::PlaceNoun;
    else if (kind == "destination_prep") cue.kind = EventCueKind::DestinationPrep;
    else if (kind == "target_prep") cue.kind = EventCueKind::TargetPrep;
    else if (kind == "claim") cue.kind = EventCueKind::Claim;
    else if (kind == "with_prep") cue.kind = EventCueKind::WithPrep;
    else if (kind == "between_prep") cue.kind = EventCueKind::BetweenPrep;
    else if (kind == "other_prep") cue.kind = EventCueKind::OtherPrep;
    else if (kind == "counterpart") cue.kind = EventCueKind::Counterpart;
    else if (kind == "party_head") cue.kind = EventCueKind::PartyHead;
    else if (kind == "relative_day") cue.kind = EventCueKind::RelativeDay, cue.value = std::atoi(std::string(flags).c_str());
    else if (kind == "clause_break") cue.kind = EventCueKind::ClauseBreak;
    else { complain(line_number, "unknown kind " + std::string(kind)); continue; }
    cues_.add(terms_at(analyzer, phrase, MatchLevel::Word), cue);
  }
}

const EventLexicon& EventLexicon::embedded(const Analyzer& analyzer) {
  static const EventLexicon lexicon(analyzer, embedded_data::event_triggers_tsv());
  return lexicon;
}

}  // namespace mirsad
