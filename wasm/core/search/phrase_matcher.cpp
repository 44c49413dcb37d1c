#include "search/phrase_matcher.hpp"

#include <algorithm>

namespace mirsad {

std::vector<PhraseOccurrences> match_phrase(const InvertedIndex& index, MatchLevel level,
                                            const PhraseQuery& phrase) {
  std::vector<PhraseOccurrences> out;
  if (phrase.terms.empty()) return out;
  std::vector<const std::vector<Posting>*> lists;
  for (const std::u16string& term : phrase.terms) {
    const auto& list = index.postings(level, term);
    if (list.empty()) return out;
    lists.push_back(&list);
  }
  // Drive the intersection from the rarest term's documents.
  std::size_t rarest = 0;
  for (std::size_t i = 1; i < lists.size(); ++i) {
    if (lists[i]->size() < lists[rarest]->size()) rarest = i;
  }
  std::vector<std::size_t> cursor(lists.size(), 0);
  for (const Posting& anchor : *lists[rarest]) {
    const DocOrdinal doc = anchor.doc;
    std::vector<const Posting*> in_doc(lists.size(), nullptr);
    bool all = true;
    for (std::size_t i = 0; i < lists.size() && all; ++i) {
      const auto& list = *lists[i];
      auto it = std::lower_bound(list.begin() + static_cast<std::ptrdiff_t>(cursor[i]), list.end(), doc,
                                 [](const Posting& p, DocOrdinal d) { return p.doc < d; });
      cursor[i] = static_cast<std::size_t>(it - list.begin());
      if (it == list.end() || it->doc != doc) all = false;
      else in_doc[i] = &*it;
    }
    if (!all) continue;
    PhraseOccurrences occ{doc, {}};
    for (const uint32_t p : in_doc[0]->positions) {
      bool ok = true;
      for (std::size_t i = 1; i < in_doc.size() && ok; ++i) {
        ok = std::binary_search(in_doc[i]->positions.begin(), in_doc[i]->positions.end(), p + static_cast<uint32_t>(i));
      }
      if (ok) occ.starts.push_back(p);
    }
    if (!occ.starts.empty()) out.push_back(std::move(occ));
  }
  return out;
}

}  // namespace mirsad
