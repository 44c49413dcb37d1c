// mirsad_entity_trainer: trains the entity sequence tagger (entities/sequence_tagger.hpp), an
// averaged structured perceptron over the extractor's own token features, and writes its weights
// as text for wasm/data/entity_tagger.txt. Native only; scripts/train-entities builds its input.
//
//   mirsad_entity_trainer --train TRAIN.jsonl [--dev DEV.jsonl] [--epochs N] [--runs K] [--buckets 2^k]
//                         [--scale S] [--header TEXT] [--out FILE] [--errors FILE] [--score SET.jsonl]…
//   mirsad_entity_trainer --model WEIGHTS --score SET.jsonl… [--errors FILE]
//                         (scores given weights end to end, no training; --errors appends the
//                         extractor's missed and spurious mentions with their context)
//
// Input lines: {"id":…, "text":…, "mentions":[{"type":"PERSON","start":…,"end":…}, …]} with UTF-16
// offsets. Examples are visited in a shuffled order fixed by a constant seed, so a run is
// repeatable. With --dev, the tagger's mention P/R/F1 on it is printed after every epoch (for
// choosing epochs; the dev articles are never trained on), and --errors writes the mentions the
// tagger missed or invented there, and the gold mentions that are not on token bounds. Each
// --score set is run through the whole extractor, rules alone and then with the new model, and
// its PERSON/LOCATION/ORGANIZATION mentions scored strictly (as scripts/score-entities does).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <iterator>
#include <optional>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/analyzer.hpp"
#include "api/lexicon_sources.hpp"
#include "entities/cldr_names.hpp"
#include "entities/entity_extractor.hpp"
#include "entities/resources.hpp"
#include "entities/sequence_tagger.hpp"
#include "text/utf.hpp"
#include "tool_arguments.hpp"

using namespace mirsad;

namespace {

struct Example {
  std::string id;
  std::u16string text;
  std::vector<Span> spans;
  std::vector<bool> after_particle;
  TokenFeatureRows features;
  std::vector<uint8_t> gold;
};

struct Options {
  std::string train, dev, out, header, errors;
  std::string model;  // --model FILE: score these weights end to end (--score), no training
  std::vector<std::string> score;  // JSONL sets scored end to end (extractor with the new model)
  int epochs = 16;
  int runs = 1;
  uint32_t buckets = 1u << 20;
  float scale = 4;
};

EntityType type_of(const std::string& name) {
  if (name == "PERSON") return EntityType::Person;
  if (name == "ORGANIZATION") return EntityType::Organization;
  return EntityType::Location;
}

// Reads a JSONL file into tagged examples; counts the mentions whose ends are not token ends.
std::vector<Example> read_examples(const std::string& path, const Analyzer& analyzer, const EntityExtractor& extractor,
                                   std::size_t& mentions, std::size_t& misaligned, std::ostream* errors) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<Example> examples;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const nlohmann::json doc = nlohmann::json::parse(line);
    const std::u16string text = utf8_to_utf16(doc["text"].get<std::string>());
    const AnalyzedText analyzed = analyzer.analyze(text);
    TaggerInput input = extractor.tagger_input(text, analyzed);
    std::map<uint32_t, std::size_t> by_start, by_end;
    for (std::size_t i = 0; i < input.spans.size(); ++i) {
      by_start.emplace(input.spans[i].start, i);
      by_end[input.spans[i].end] = i;
    }
    std::vector<TaggedSpan> spans;
    for (const auto& m : doc["mentions"]) {
      const std::string type = m["type"];
      if (type != "PERSON" && type != "LOCATION" && type != "ORGANIZATION") continue;
      ++mentions;
      const auto first = by_start.find(m["start"].get<uint32_t>());
      const auto last = by_end.find(m["end"].get<uint32_t>());
      if (first == by_start.end() || last == by_end.end() || last->second < first->second) {
        ++misaligned;
        if (errors) {
          *errors << "not on token bounds\t" << doc.value("id", "") << "\t" << type << "\t"
                  << utf16_to_utf8(std::u16string_view(text).substr(m["start"], m["end"].get<uint32_t>() - m["start"].get<uint32_t>()))
                  << "\n";
        }
        continue;
      }
      spans.push_back(TaggedSpan{first->second, last->second + 1, type_of(type)});
    }
    std::vector<uint8_t> gold = tags_from_spans(input.spans.size(), spans);
    examples.push_back(Example{doc.value("id", ""), text, std::move(input.spans), std::move(input.after_particle),
                               std::move(input.features), std::move(gold)});
  }
  return examples;
}

// Dense weights with the averaging trick: the average of w over all steps is w − u / steps.
struct Perceptron {
  uint32_t buckets;
  std::vector<float> w, trans_w;
  std::vector<double> u, trans_u;
  double steps = 1;

  explicit Perceptron(uint32_t b)
      : buckets(b), w(static_cast<std::size_t>(b) * kTagCount), trans_w((kTagCount + 1) * kTagCount),
        u(w.size()), trans_u(trans_w.size()) {}

  std::vector<uint8_t> decode(const TokenFeatureRows& f, const std::vector<bool>& after_particle) const {
    return viterbi<float>(
        f.size(),
        [&](std::size_t i, std::size_t t) {
          if (after_particle[i] && !tag_may_take_particle(t)) return -1e30f;
          float s = 0;
          for (const uint32_t* p = f.begin(i); p != f.end(i); ++p) s += w[static_cast<std::size_t>(*p & (buckets - 1)) * kTagCount + t];
          return s;
        },
        [&](std::size_t p, std::size_t t) { return trans_w[p * kTagCount + t]; });
  }

  void update(const Example& e, const std::vector<uint8_t>& guess) {
    for (std::size_t i = 0; i < guess.size(); ++i) {
      const std::size_t gp = i ? e.gold[i - 1] : kStartTag, pp = i ? guess[i - 1] : kStartTag;
      if (e.gold[i] != guess[i] || gp != pp) {
        bump_transition(gp, e.gold[i], 1);
        bump_transition(pp, guess[i], -1);
      }
      if (e.gold[i] == guess[i]) continue;
      for (const uint32_t* p = e.features.begin(i); p != e.features.end(i); ++p) {
        const std::size_t row = static_cast<std::size_t>(*p & (buckets - 1)) * kTagCount;
        bump(row + e.gold[i], 1);
        bump(row + guess[i], -1);
      }
    }
  }
  void bump(std::size_t k, float d) { w[k] += d, u[k] += steps * d; }
  void bump_transition(std::size_t p, std::size_t t, float d) {
    trans_w[p * kTagCount + t] += d, trans_u[p * kTagCount + t] += steps * d;
  }

  Perceptron averaged() const {
    Perceptron a = *this;
    for (std::size_t k = 0; k < w.size(); ++k) a.w[k] = static_cast<float>(w[k] - u[k] / steps);
    for (std::size_t k = 0; k < trans_w.size(); ++k) a.trans_w[k] = static_cast<float>(trans_w[k] - trans_u[k] / steps);
    return a;
  }
};

const char* const kTypeNames[] = {"PERSON", "LOCATION", "ORGANIZATION"};

// Mentions counted per type (PERSON, LOCATION, ORGANIZATION), printed as precision/recall/F1.
struct MentionCounts {
  std::size_t gold[3] = {}, found[3] = {}, right[3] = {};

  void print(const char* label, const std::string& after = "") const {
    const auto line = [](std::size_t g, std::size_t f, std::size_t r) {
      const double p = f ? double(r) / f : 0, c = g ? double(r) / g : 0;
      std::printf(" %.3f/%.3f/%.3f", p, c, p + c > 0 ? 2 * p * c / (p + c) : 0);
    };
    std::size_t tg = 0, tf = 0, tr = 0;
    std::printf("%-28s", label);
    for (int k = 0; k < 3; ++k) {
      std::printf("  %.3s", kTypeNames[k]);
      line(gold[k], found[k], right[k]);
      tg += gold[k], tf += found[k], tr += right[k];
    }
    std::printf("  ALL");
    line(tg, tf, tr);
    std::printf("%s\n", after.c_str());
  }
};

// Mention P/R/F1 per type of the tagger's spans against the gold ones.
void evaluate(const char* label, const std::vector<Example>& examples,
              const std::function<std::vector<uint8_t>(const Example&)>& tag, std::ostream* errors = nullptr) {
  const char* const* names = kTypeNames;
  MentionCounts counts;
  std::size_t* gold = counts.gold;
  std::size_t* found = counts.found;
  std::size_t* right = counts.right;
  const auto index = [](EntityType t) { return t == EntityType::Person ? 0 : t == EntityType::Location ? 1 : 2; };
  for (const Example& e : examples) {
    const auto g = spans_from_tags(e.gold), f = spans_from_tags(tag(e));
    std::set<std::tuple<std::size_t, std::size_t, int>> gs;
    for (const auto& s : g) gs.emplace(s.first, s.last, index(s.type)), ++gold[index(s.type)];
    std::set<std::tuple<std::size_t, std::size_t, int>> fs;
    for (const auto& s : f) {
      fs.emplace(s.first, s.last, index(s.type));
      ++found[index(s.type)];
      if (gs.count({s.first, s.last, index(s.type)})) ++right[index(s.type)];
    }
    if (!errors) continue;
    const auto show = [&](const char* what, const TaggedSpan& s) {
      const uint32_t a = e.spans[s.first].start, b = e.spans[s.last - 1].end;
      const uint32_t ca = a >= 30 ? a - 30 : 0, cb = std::min<uint32_t>(b + 30, e.text.size());
      *errors << what << "\t" << e.id << "\t" << names[index(s.type)] << "\t" << utf16_to_utf8(e.text.substr(a, b - a))
              << "\t… " << utf16_to_utf8(e.text.substr(ca, cb - ca)) << " …\n";
    };
    for (const auto& s : g) if (!fs.count({s.first, s.last, index(s.type)})) show("missed", s);
    for (const auto& s : f) if (!gs.count({s.first, s.last, index(s.type)})) show("spurious", s);
  }
  counts.print(label);
}

// Strict mention F1 per type of the extractor's PERSON/LOCATION/ORGANIZATION on a JSONL set.
void score_extractor(const char* label, const std::string& path, const Analyzer& analyzer, const EntityExtractor& extractor,
                     std::ostream* errors = nullptr) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  const char* const* names = kTypeNames;
  MentionCounts counts;
  std::size_t* gold = counts.gold;
  std::size_t* found = counts.found;
  std::size_t* right = counts.right;
  std::size_t documents = 0;
  double seconds = 0;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const nlohmann::json doc = nlohmann::json::parse(line);
    const std::u16string text = utf8_to_utf16(doc["text"].get<std::string>());
    ++documents;
    const auto start = std::chrono::steady_clock::now();
    const std::vector<Entity> entities = extractor.extract(text, analyzer.analyze(text));
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::set<std::tuple<uint32_t, uint32_t, std::string>> g;
    for (const auto& m : doc["mentions"]) {
      const std::string type = m["type"];
      for (int k = 0; k < 3; ++k) {
        if (type == names[k]) ++gold[k], g.emplace(m["start"], m["end"], type);
      }
    }
    std::set<std::tuple<uint32_t, uint32_t, std::string>> f;
    for (const Entity& e : entities) {
      const std::string type(entity_type_name(e.type));
      for (int k = 0; k < 3; ++k) {
        if (type != names[k]) continue;
        ++found[k];
        f.emplace(e.span.start, e.span.end, type);
        if (g.count({e.span.start, e.span.end, type})) ++right[k];
      }
    }
    if (!errors) continue;
    // Each error with its span in brackets and 30 units either side.
    const auto show = [&](const char* what, const std::tuple<uint32_t, uint32_t, std::string>& m) {
      const auto [a, b, type] = m;
      const uint32_t ca = a >= 30 ? a - 30 : 0, cb = std::min<uint32_t>(b + 30, text.size());
      *errors << what << "\t" << doc.value("id", "") << "\t" << type << "\t" << utf16_to_utf8(text.substr(a, b - a)) << "\t"
              << utf16_to_utf8(text.substr(ca, a - ca)) << "[" << utf16_to_utf8(text.substr(a, b - a)) << "]"
              << utf16_to_utf8(text.substr(b, cb - b)) << "\n";
    };
    for (const auto& m : g) if (!f.count(m)) show("missed", m);
    for (const auto& m : f) if (!g.count(m)) show("spurious", m);
  }
  counts.print(label, "  (" + std::to_string(static_cast<long>(seconds > 0 ? documents / seconds : 0)) + " articles/s)");
}

Options parse_options(int argc, char** argv) {
  Options o;
  ToolArguments args(argc, argv);
  for (std::string a; args.next(a);) {
    const auto next = [&] { return args.value(); };
    if (a == "--train") o.train = next();
    else if (a == "--dev") o.dev = next();
    else if (a == "--out") o.out = next();
    else if (a == "--header") o.header = next();
    else if (a == "--errors") o.errors = next();
    else if (a == "--score") o.score.push_back(next());
    else if (a == "--epochs") o.epochs = std::stoi(next());
    else if (a == "--runs") o.runs = std::stoi(next());
    else if (a == "--model") o.model = next();
    else if (a == "--buckets") o.buckets = static_cast<uint32_t>(std::stoul(next()));
    else if (a == "--scale") o.scale = std::stof(next());
    else throw std::runtime_error("unknown argument " + a + " (see the head of entity_trainer_main.cpp)");
  }
  if (o.train.empty() && o.model.empty()) throw std::runtime_error("--train (or --model with --score) is required");
  if (o.buckets == 0 || (o.buckets & (o.buckets - 1))) throw std::runtime_error("--buckets must be a power of two");
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const Options o = parse_options(argc, argv);
    const Lexicon lexicon = load_lexicon();
    const Analyzer analyzer(lexicon);
    if (!o.model.empty()) {
      // A rule changed after the tagger reads its features: the same weights, scored again.
      std::ifstream in(o.model, std::ios::binary);
      if (!in) throw std::runtime_error("cannot read " + o.model);
      const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      std::string error;
      const std::optional<SequenceTagger> tagger = SequenceTagger::parse(text, &error);
      if (!tagger) throw std::runtime_error(o.model + ": " + error);
      const EntityExtractor with_model(analyzer, EntityResources::embedded(), CldrNames::load(), *tagger);
      std::ofstream error_file;
      if (!o.errors.empty()) error_file.open(o.errors, std::ios::app);
      for (const std::string& set : o.score) {
        score_extractor((set.substr(set.find_last_of('/') + 1) + " rules+model").c_str(), set, analyzer, with_model,
                        o.errors.empty() ? nullptr : &error_file);
      }
      return 0;
    }
    // Rules only: the features must not depend on whichever model is compiled in now.
    const SequenceTagger no_model;
    const EntityExtractor extractor(analyzer, EntityResources::embedded(), CldrNames::load(), no_model);

    std::size_t mentions = 0, misaligned = 0, dev_mentions = 0, dev_misaligned = 0;
    std::ofstream error_file;
    if (!o.errors.empty()) error_file.open(o.errors);
    std::ostream* errors = o.errors.empty() ? nullptr : &error_file;
    std::vector<Example> train = read_examples(o.train, analyzer, extractor, mentions, misaligned, errors);
    std::vector<Example> dev;
    if (!o.dev.empty()) dev = read_examples(o.dev, analyzer, extractor, dev_mentions, dev_misaligned, errors);
    std::size_t tokens = 0;
    for (const auto& e : train) tokens += e.gold.size();
    std::printf("train: %zu articles, %zu tokens, %zu mentions (%zu not on token bounds, skipped)\n", train.size(), tokens,
                mentions, misaligned);
    if (!dev.empty()) std::printf("dev: %zu articles, %zu mentions (%zu not on token bounds)\n", dev.size(), dev_mentions, dev_misaligned);

    // --runs K: K perceptrons, each visiting the examples in its own fixed order, averaged. One
    // order's model swings by a point or two on a small fixture (seeds); the mean does not.
    Perceptron avg(o.buckets);
    for (int run = 0; run < o.runs; ++run) {
      Perceptron model(o.buckets);
      std::vector<std::size_t> order(train.size());
      for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
      std::mt19937 random(20151 + run);  // fixed: the same data gives the same model
      for (int epoch = 1; epoch <= o.epochs; ++epoch) {
        for (std::size_t k = order.size(); k > 1; --k) std::swap(order[k - 1], order[random() % k]);
        std::size_t wrong = 0;
        for (const std::size_t k : order) {
          const Example& e = train[k];
          const auto guess = model.decode(e.features, e.after_particle);
          if (guess != e.gold) ++wrong, model.update(e, guess);
          model.steps += 1;
        }
        std::printf("run %d epoch %d: %zu of %zu articles had errors\n", run + 1, epoch, wrong, train.size());
        if (!dev.empty()) {
          const Perceptron averaged = model.averaged();
          evaluate("  dev", dev, [&](const Example& e) { return averaged.decode(e.features, e.after_particle); });
        }
      }
      const Perceptron averaged = model.averaged();
      for (std::size_t k = 0; k < avg.w.size(); ++k) avg.w[k] += averaged.w[k] / static_cast<float>(o.runs);
      for (std::size_t k = 0; k < avg.trans_w.size(); ++k) avg.trans_w[k] += averaged.trans_w[k] / static_cast<float>(o.runs);
    }
    if (!dev.empty() && o.runs > 1) evaluate("dev (mean of runs)", dev, [&](const Example& e) { return avg.decode(e.features, e.after_particle); });
    const SequenceTagger tagger = SequenceTagger::quantized(o.buckets, avg.w, avg.trans_w, o.scale);
    if (!dev.empty()) evaluate("dev (quantized)", dev, [&](const Example& e) { return tagger.tag(e.features, e.after_particle); }, errors);
    std::printf("weights: %zu rows of %u buckets\n", tagger.rows(), o.buckets);
    if (!o.score.empty()) {
      std::printf("end to end, P/R/F1 of PERSON, LOCATION, ORGANIZATION mentions:\n");
      const EntityExtractor with_model(analyzer, EntityResources::embedded(), CldrNames::load(), tagger);
      for (const std::string& set : o.score) {
        const std::string name = set.substr(set.find_last_of('/') + 1);
        score_extractor((name + " rules").c_str(), set, analyzer, extractor);
        score_extractor((name + " rules+model").c_str(), set, analyzer, with_model);
      }
    }
    if (!o.out.empty()) {
      std::ostringstream header;
      header << "Weights of the entity sequence tagger (wasm/core/entities/sequence_tagger.hpp), written by\n"
             << "mirsad_entity_trainer (wasm/tools/entity_trainer_main.cpp) through scripts/train-entities.\n"
             << "Averaged perceptron, " << o.epochs << " epochs, mean of " << o.runs << " runs with fixed seeds, " << o.buckets << " hashed buckets, weights x "
             << o.scale << " rounded.\n"
             << "Trained on " << train.size() << " articles, " << tokens << " tokens, " << mentions - misaligned
             << " mentions.\n";
      if (!o.header.empty()) header << o.header << "\n";
      std::ofstream out(o.out, std::ios::binary);
      out << tagger.serialize(header.str());
      if (!out) throw std::runtime_error("cannot write " + o.out);
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "mirsad_entity_trainer: %s\n", e.what());
    return 1;
  }
  return 0;
}
