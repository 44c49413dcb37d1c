// mirsad_word_clusters: learns word classes from unlabelled news text for the entity tagger
// (entities/word_clusters.hpp) and writes them as wasm/data/word_clusters.tsv. Native only;
// scripts/cluster-words gives it the text.
//
//   mirsad_word_clusters --texts TEXTS.jsonl [--min-count N] [--context N] [--fine K] [--coarse K]
//                        [--dimensions D] [--iterations N] [--header TEXT] --out FILE
//
// Input lines: {"text": …}. Every text is analyzed as the extractor analyzes it, and each word
// (the analyzer's Word-level term: clitics off, the article kept) seen at least --min-count times
// is described by the words just before and just after it (positive pointwise mutual information
// with the --context most frequent words on each side), projected to --dimensions by a fixed
// random projection, and grouped by spherical k-means into --fine classes; the fine classes'
// centres are grouped again into --coarse classes. Distributional classes like these are the
// classic unlabelled help for a tagger trained on few articles (Brown clusters in Ratinov & Roth
// 2009; Lucene-era NER systems use the same idea). Every random choice has a fixed seed: a run
// is repeatable on one machine.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/analyzer.hpp"
#include "api/lexicon_sources.hpp"
#include "text/utf.hpp"
#include "tool_arguments.hpp"

using namespace mirsad;

namespace {

struct Options {
  std::string texts, out, header;
  std::size_t min_count = 12, context = 1500, fine = 400, coarse = 60, dimensions = 128, iterations = 14;
};

Options parse_options(int argc, char** argv) {
  Options o;
  ToolArguments args(argc, argv);
  for (std::string a; args.next(a);) {
    const auto next = [&] { return args.value(); };
    if (a == "--texts") o.texts = next();
    else if (a == "--out") o.out = next();
    else if (a == "--header") o.header = next();
    else if (a == "--min-count") o.min_count = std::stoul(next());
    else if (a == "--context") o.context = std::stoul(next());
    else if (a == "--fine") o.fine = std::stoul(next());
    else if (a == "--coarse") o.coarse = std::stoul(next());
    else if (a == "--dimensions") o.dimensions = std::stoul(next());
    else if (a == "--iterations") o.iterations = std::stoul(next());
    else throw std::runtime_error("unknown argument " + a + " (see the head of word_clusters_main.cpp)");
  }
  if (o.texts.empty() || o.out.empty()) throw std::runtime_error("--texts and --out are required");
  if (o.coarse == 0 || o.fine < o.coarse) throw std::runtime_error("--coarse must be at least 1 and at most --fine");
  return o;
}

using Vector = std::vector<float>;

void normalize(float* v, std::size_t d) {
  double norm = 0;
  for (std::size_t k = 0; k < d; ++k) norm += static_cast<double>(v[k]) * v[k];
  if (norm <= 0) return;
  const float inv = static_cast<float>(1.0 / std::sqrt(norm));
  for (std::size_t k = 0; k < d; ++k) v[k] *= inv;
}

// Spherical k-means over `count` unit rows of `d` floats, `k` centres started on rows spread
// evenly over the input order. Returns each row's centre; `centres` gets the centres.
std::vector<uint16_t> kmeans(const Vector& rows, std::size_t count, std::size_t d, std::size_t k, std::size_t iterations,
                             Vector& centres) {
  k = std::min(k, count);
  centres.assign(k * d, 0);
  for (std::size_t c = 0; c < k; ++c) {
    const std::size_t from = c * count / k;
    std::copy(rows.begin() + from * d, rows.begin() + (from + 1) * d, centres.begin() + c * d);
  }
  std::vector<uint16_t> assigned(count, 0);
  for (std::size_t it = 0; it < iterations; ++it) {
    std::size_t moved = 0;
    for (std::size_t r = 0; r < count; ++r) {
      const float* v = rows.data() + r * d;
      float best = -2;
      uint16_t best_c = 0;
      for (std::size_t c = 0; c < k; ++c) {
        const float* m = centres.data() + c * d;
        float dot = 0;
        for (std::size_t x = 0; x < d; ++x) dot += v[x] * m[x];
        if (dot > best) best = dot, best_c = static_cast<uint16_t>(c);
      }
      if (assigned[r] != best_c || it == 0) ++moved;
      assigned[r] = best_c;
    }
    Vector sums(k * d, 0);
    std::vector<std::size_t> sizes(k, 0);
    for (std::size_t r = 0; r < count; ++r) {
      ++sizes[assigned[r]];
      for (std::size_t x = 0; x < d; ++x) sums[assigned[r] * d + x] += rows[r * d + x];
    }
    for (std::size_t c = 0; c < k; ++c) {
      if (sizes[c] == 0) continue;  // an empty class keeps its centre
      normalize(sums.data() + c * d, d);
      std::copy(sums.begin() + c * d, sums.begin() + (c + 1) * d, centres.begin() + c * d);
    }
    std::fprintf(stderr, "  k-means %zu/%zu: %zu of %zu rows moved\n", it + 1, iterations, moved, count);
  }
  return assigned;
}

}  // namespace

int main(int argc, char** argv) {
  return run_tool("mirsad_word_clusters", [&] {
    const Options o = parse_options(argc, argv);
    const Lexicon lexicon = load_lexicon();  // the analyzer keeps a reference to it
    const Analyzer analyzer(lexicon);

    // Every text as a sequence of word ids; a number is one word of its own, other tokens none.
    std::unordered_map<std::u16string, uint32_t> ids;
    std::vector<std::u16string> words;
    std::vector<uint64_t> frequency;
    std::vector<std::vector<uint32_t>> documents;
    const auto id_of = [&](std::u16string_view w) {
      const auto [it, added] = ids.emplace(std::u16string(w), static_cast<uint32_t>(words.size()));
      if (added) words.emplace_back(w), frequency.push_back(0);
      ++frequency[it->second];
      return it->second;
    };
    {
      std::ifstream in(o.texts);
      if (!in) throw std::runtime_error("cannot read " + o.texts);
      std::string line;
      while (std::getline(in, line)) {
        if (line.empty()) continue;
        const std::u16string text = utf8_to_utf16(nlohmann::json::parse(line)["text"].get<std::string>());
        const AnalyzedText analyzed = analyzer.analyze(text);
        std::vector<uint32_t> doc;
        doc.reserve(analyzed.tokens.size());
        for (const AnalyzedToken& t : analyzed.tokens) {
          if (t.token.kind == TokenKind::Number) doc.push_back(id_of(u"<number>"));
          else doc.push_back(id_of(t.term(MatchLevel::Word)));
        }
        documents.push_back(std::move(doc));
      }
    }
    std::size_t tokens = 0;
    for (const auto& d : documents) tokens += d.size();
    std::fprintf(stderr, "%zu texts, %zu tokens, %zu distinct words\n", documents.size(), tokens, words.size());

    // The words to classify (frequent enough) and the context words (the most frequent), by rank.
    std::vector<uint32_t> by_frequency(words.size());
    for (uint32_t i = 0; i < by_frequency.size(); ++i) by_frequency[i] = i;
    std::stable_sort(by_frequency.begin(), by_frequency.end(), [&](uint32_t a, uint32_t b) { return frequency[a] > frequency[b]; });
    std::vector<int32_t> row_of(words.size(), -1), context_of(words.size(), -1);
    std::vector<uint32_t> vocabulary;
    for (const uint32_t w : by_frequency) {
      if (frequency[w] < o.min_count) break;
      row_of[w] = static_cast<int32_t>(vocabulary.size());
      vocabulary.push_back(w);
    }
    for (std::size_t r = 0; r < by_frequency.size() && r < o.context; ++r) context_of[by_frequency[r]] = static_cast<int32_t>(r);
    const std::size_t features = 2 * o.context + 2;  // left and right context words, plus "none" on each side
    const uint32_t left_edge = static_cast<uint32_t>(2 * o.context), right_edge = left_edge + 1;

    // Co-occurrence counts: row word × (side, context word).
    std::vector<std::unordered_map<uint32_t, uint32_t>> counts(vocabulary.size());
    std::vector<double> feature_total(features, 0);
    double total = 0;
    for (const auto& doc : documents) {
      for (std::size_t i = 0; i < doc.size(); ++i) {
        const int32_t row = row_of[doc[i]];
        if (row < 0) continue;
        const int32_t left = i > 0 ? context_of[doc[i - 1]] : -1;
        const int32_t right = i + 1 < doc.size() ? context_of[doc[i + 1]] : -1;
        const uint32_t fl = left >= 0 ? static_cast<uint32_t>(left) : left_edge;
        const uint32_t fr = right >= 0 ? static_cast<uint32_t>(o.context + right) : right_edge;
        ++counts[row][fl], ++counts[row][fr];
        feature_total[fl] += 1, feature_total[fr] += 1;
        total += 2;
      }
    }

    // PPMI rows, randomly projected to a few dimensions and made unit length.
    const std::size_t d = o.dimensions;
    std::mt19937 random(20261205);
    std::normal_distribution<float> gaussian(0.0f, 1.0f);
    Vector projection(features * d);
    for (float& x : projection) x = gaussian(random);
    Vector rows(vocabulary.size() * d, 0);
    for (std::size_t r = 0; r < vocabulary.size(); ++r) {
      double row_total = 0;
      for (const auto& [f, c] : counts[r]) row_total += c;
      float* v = rows.data() + r * d;
      for (const auto& [f, c] : counts[r]) {
        const double pmi = std::log(static_cast<double>(c) * total / (row_total * feature_total[f]));
        if (pmi <= 0) continue;
        const float* p = projection.data() + static_cast<std::size_t>(f) * d;
        for (std::size_t x = 0; x < d; ++x) v[x] += static_cast<float>(pmi) * p[x];
      }
      normalize(v, d);
    }
    counts.clear();

    Vector fine_centres, coarse_centres;
    const std::vector<uint16_t> fine = kmeans(rows, vocabulary.size(), d, o.fine, o.iterations, fine_centres);
    const std::size_t fine_count = fine_centres.size() / d;
    const std::vector<uint16_t> coarse_of_fine = kmeans(fine_centres, fine_count, d, o.coarse, o.iterations * 2, coarse_centres);

    std::ofstream out(o.out);
    if (!out) throw std::runtime_error("cannot write " + o.out);
    std::string header = o.header;
    for (std::size_t at = 0; !header.empty();) {
      const std::size_t eol = header.find('\n', at);
      out << "# " << header.substr(at, eol == std::string::npos ? std::string::npos : eol - at) << '\n';
      if (eol == std::string::npos) break;
      at = eol + 1;
    }
    out << "# " << vocabulary.size() << " words seen at least " << o.min_count << " times in " << documents.size()
        << " texts; " << fine_count << " fine classes in " << coarse_centres.size() / d << " coarse ones.\n"
        << "# word (the analyzer's Word-level term)\tcoarse class\tfine class\n";
    for (std::size_t r = 0; r < vocabulary.size(); ++r) {
      const std::u16string& w = words[vocabulary[r]];
      // A line of its own per word: a word that could break the format is left out.
      if (w.empty() || w[0] == u'#' || w.find_first_of(u"\t\n\r") != std::u16string::npos) continue;
      out << utf16_to_utf8(w) << '\t' << coarse_of_fine[fine[r]] << '\t' << fine[r] << '\n';
    }
    std::fprintf(stderr, "wrote %s: %zu words\n", o.out.c_str(), vocabulary.size());
  });
}
