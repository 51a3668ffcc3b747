#include "extract/rule_tests.h"

#include <algorithm>

namespace eg {
namespace {

std::string Describe(const std::string& subject, const std::string& relation, const std::string& object,
                     const std::string& location, const std::string& polarity) {
  std::string out = subject + " -" + relation + "-> " + (object.empty() ? "(none)" : object);
  if (!location.empty()) out += " @ " + location;
  if (!polarity.empty()) out += " [" + polarity + "]";
  return out;
}

bool Matches(const ExpectedEvent& expected, const Event& event) {
  auto id = [](const Argument& a) { return a ? a.entity->id : std::string(); };
  bool same_pair = expected.subject == id(event.subject) && expected.object == id(event.object);
  bool swapped = event.rule->symmetric && expected.subject == id(event.object) &&
                 expected.object == id(event.subject);
  if (!same_pair && !swapped) return false;
  if (expected.location != id(event.location)) return false;
  if (!expected.polarity.empty()) {
    bool negative = event.polarity == Polarity::kNegative;
    if ((expected.polarity == "negative") != negative) return false;
  }
  return true;
}

}  // namespace

RuleTestReport RunRuleTests(const Extractor& extractor, const std::vector<std::string>& files) {
  RuleTestReport report;
  const RulePack& rules = extractor.rules();
  rules.CompileEveryRule();  // a rule that cannot compile fails the run, tests or not
  for (size_t r = 0; r < rules.rule_count(); ++r) {
    const Rule& rule = rules.rule(r);
    if (!files.empty() && std::find(files.begin(), files.end(), rule.file) == files.end()) continue;
    for (size_t t = 0; t < rule.tests.size(); ++t) {
      const RuleTest& test = rule.tests[t];
      Document doc;
      doc.id = "test";
      doc.text = test.text;
      doc.date = test.date;
      extractor.Process(&doc, &rule);
      std::vector<const Event*> produced;
      for (const Event& event : doc.events) {
        if (event.rule == &rule) produced.push_back(&event);
      }
      // Every expected event must be matched by a distinct produced event, and nothing may be left over.
      std::vector<bool> used(produced.size(), false);
      bool ok = true;
      for (const ExpectedEvent& expected : test.events) {
        bool found = false;
        for (size_t p = 0; p < produced.size() && !found; ++p) {
          if (!used[p] && Matches(expected, *produced[p])) used[p] = found = true;
        }
        ok = ok && found;
      }
      ok = ok && std::all_of(used.begin(), used.end(), [](bool u) { return u; });
      if (ok) {
        ++report.passed;
        continue;
      }
      RuleTestFailure failure{&rule, &test, rules.LineOf(rule, "/tests/" + std::to_string(t)), {}, {}};
      for (const ExpectedEvent& e : test.events) {
        failure.expected.push_back(Describe(e.subject, rule.relation, e.object, e.location, e.polarity));
      }
      auto id = [](const Argument& a) { return a ? a.entity->id : std::string(); };
      for (const Event* e : produced) {
        failure.produced.push_back(Describe(id(e->subject), rule.relation, id(e->object), id(e->location),
                                            e->polarity == Polarity::kNegative ? "negative" : "positive"));
      }
      report.failures.push_back(std::move(failure));
    }
  }
  return report;
}

}  // namespace eg
