#include "analysis/clitic_stripper.hpp"

#include <algorithm>
#include <array>

namespace mirsad {
namespace {

constexpr char16_t kWaw = u'\u0648', kFeh = u'\u0641', kBeh = u'\u0628', kKaf = u'\u0643', kLam = u'\u0644',
                   kAlef = u'\u0627';
constexpr uint32_t kMinBaseAfterArticle = 2;
constexpr uint32_t kMinBaseAfterParticle = 2;

bool is_conjunction(char16_t c) { return c == kWaw || c == kFeh; }
bool is_preposition(char16_t c) { return c == kBeh || c == kKaf || c == kLam; }

struct Candidate {
  uint32_t particles;
  uint32_t article;  // units of the article as written (2 for ال, 1 for the ل of لل)
};

}  // namespace

CliticSplit CliticStripper::split(std::u16string_view w) const {
  // Only words starting with a particle letter or the article's alef can carry proclitics.
  if (w.size() < 3 || !(is_conjunction(w[0]) || is_preposition(w[0]) || w[0] == kAlef)) return CliticSplit{0, 0, w};
  // Enumerate every reading of the first letters, longest stack first.
  std::array<Candidate, 8> candidates{};
  std::size_t count = 0;
  for (uint32_t conj = 0; conj <= 1; ++conj) {
    if (conj && !(w.size() > 1 && is_conjunction(w[0]))) continue;
    for (uint32_t prep = 0; prep <= 1; ++prep) {
      const uint32_t p = conj + prep;
      if (prep && !(w.size() > p && is_preposition(w[conj]))) continue;
      // Article: ال after nothing, و/ف, ب or ك; after ل it is written لل (alef elided).
      const bool after_lam = prep && w[conj] == kLam;
      if (after_lam) {
        if (w.size() > p && w[p] == kLam) candidates[count++] = {p, 1};
      } else if (w.size() > p + 1 && w[p] == kAlef && w[p + 1] == kLam) {
        candidates[count++] = {p, 2};
      }
      if (p > 0) candidates[count++] = {p, 0};
    }
  }
  // Longest cut first: the first reading the lexicon confirms is the best one, so most words
  // cost one or two lookups. Without a confirmed reading, the longest acceptable article cut
  // wins (ال needs no confirmation).
  std::sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(count),
            [](const Candidate& a, const Candidate& b) { return a.particles + a.article > b.particles + b.article; });
  const bool single_article_reading = count == 1 && candidates[0].article > 0;
  // Among the readings the lexicon confirms, the fewest particles win (ولجنة is و + لجنة, not
  // و + ل + جنة); with as many particles, the article (والجيش is و + ال + جيش), except that لل
  // before a word that starts with ل is ل + that word (للجنة is ل + لجنة: the article's lam
  // merges with it).
  const auto better = [&](const Candidate& c, const Candidate& than) {
    if (c.particles != than.particles) return c.particles < than.particles;
    if (than.article == 1 && c.article == 0) return true;
    return c.article > than.article;
  };
  CliticSplit best{0, 0, w};
  Candidate chosen{};
  bool found = false, best_known = false;
  for (std::size_t i = 0; i < count; ++i) {
    const Candidate& c = candidates[i];
    const uint32_t cut = c.particles + c.article;
    if (cut >= w.size()) continue;
    const std::u16string_view rest = w.substr(cut);
    bool acceptable, known;
    if (c.article) {
      acceptable = rest.size() >= kMinBaseAfterArticle && !lexicon_.is_stopword(rest);
      known = acceptable && !single_article_reading && lexicon_.knows(rest);
    } else {
      // و and ف join anything (وفي، فلا); a preposition before a function word is a word of its
      // own: كانت is not ك + أنت, بلا is not ب + لا.
      known = rest.size() >= kMinBaseAfterParticle && lexicon_.knows(rest);
      acceptable = known && !(is_preposition(w[c.particles - 1]) && lexicon_.is_stopword(rest));
    }
    if (!acceptable) continue;
    // Without a confirmed reading, the longest acceptable cut (an article: ال needs no
    // confirmation) is kept.
    if (!found || (known && !best_known) || (known && best_known && better(c, chosen))) {
      best = CliticSplit{c.particles, c.article, rest};
      chosen = c;
      found = true;
      best_known = known;
    }
  }
  const uint32_t best_cut = best.particle_length + best.article_length;
  // A word the lexicon knows as written is not cut into particle + word: والي is a governor
  // before it is و + إلى. So is its accusative with tanween alif: وفقا is وفق + ا, not و + فقا.
  // The article is different: the lexicon holds names with their article (الجيش الليبي), and ال
  // is never a radical.
  if (best_cut > 0 && best.article_length == 0 &&
      (lexicon_.contains(w) || (w.size() > 3 && w.back() == kAlef && lexicon_.contains(w.substr(0, w.size() - 1))))) {
    return CliticSplit{0, 0, w};
  }
  return best;
}

}  // namespace mirsad
