#include <iostream>
#include <map>
#include <vector>

#include "cli/commands.h"
#include "extract/extract.h"

namespace eg {

// What the loaded packs hold: the figures a user checks a knowledge pack by.
int RunPackStats(const PackOptions& packs) {
  try {
    const Extractor& extractor = Kept<const Extractor>(MakeExtractorOptions(packs));
    const Gazetteer& gazetteer = extractor.gazetteer();

    std::map<EntityType, size_t> by_type;
    size_t people_with_roles = 0, roles = 0, dated_roles = 0, stands_for = 0, combined = 0;
    for (const Entity& entity : gazetteer.entities()) {
      // Country-agent actors ("Russian military") are made, not written: count them apart.
      if (entity.id.find('.') != std::string::npos && !entity.country.empty() &&
          entity.id.starts_with(entity.country + ".")) {
        ++combined;
        continue;
      }
      ++by_type[entity.type];
      if (!entity.roles.empty()) ++people_with_roles;
      roles += entity.roles.size();
      for (const Role& role : entity.roles) dated_roles += !role.from.empty() || !role.to.empty();
      stands_for += entity.stands_for != nullptr;
    }
    std::cout << "gazetteer\n";
    const std::pair<EntityType, const char*> kRows[] = {
        {EntityType::kCountry, "countries"},     {EntityType::kCity, "cities"},
        {EntityType::kRegion, "regions"},        {EntityType::kLandmark, "landmarks"},
        {EntityType::kPlace, "other places"},    {EntityType::kOrganization, "organisations"},
        {EntityType::kGroup, "groups"},          {EntityType::kPerson, "people"}};
    for (const auto& [type, name] : kRows) std::cout << "  " << name << ": " << by_type[type] << "\n";
    std::cout << "  people with roles: " << people_with_roles << "\n"
              << "  roles: " << roles << " (" << dated_roles << " dated)\n"
              << "  places standing for an actor: " << stands_for << "\n"
              << "  agents: " << gazetteer.agent_count() << " (" << combined << " country-agent actors)\n"
              << "  titles: " << gazetteer.title_count() << "\n"
              << "  names (aliases and demonyms): " << gazetteer.alias_count() << "\n";

    const RulePack& rules = extractor.rules();
    std::map<std::string, size_t> per_root;
    for (int root = 1; root <= 20; ++root) per_root[(root < 10 ? "0" : "") + std::to_string(root)] = 0;
    size_t tests = 0;
    for (size_t r = 0; r < rules.rule_count(); ++r) {
      ++per_root[rules.rule(r).cameo.substr(0, 2)];
      tests += rules.rule(r).tests.size();
    }
    std::cout << "rules: " << rules.rule_count() << " (" << tests << " test sentences)\n";
    size_t roots_without = 0;
    for (const auto& [root, count] : per_root) {
      std::cout << "  CAMEO " << root << ": " << count << "\n";
      roots_without += count == 0;
    }
    if (roots_without > 0) std::cout << "  roots without rules: " << roots_without << "\n";
    // A rule that ignores case but cannot match the lowered sentence (a "(?-i:...)" section, a "\\pL")
    // keeps "(?i)", which doubles the cost of compiling it.
    std::vector<size_t> folding;
    size_t lowered = 0;
    for (size_t r = 0; r < rules.rule_count(); ++r) {
      lowered += rules.MatchesLoweredText(r);
      if (!rules.MatchesLoweredText(r) && !rules.rule(r).case_sensitive) folding.push_back(r);
    }
    std::cout << "case: " << lowered << " rules match the lowered sentence, "
              << rules.rule_count() - lowered - folding.size() << " are case-sensitive, " << folding.size()
              << " ignore case with \"(?i)\"\n";
    for (size_t r : folding) {
      const Rule& rule = rules.rule(r);
      std::cout << "  " << rule.id << " (" << rule.file << ":" << rules.LineOf(rule) << ")\n";
    }
    // Rules the prefilter cannot narrow run their regexp on every sentence: worth knowing for a pack.
    const AtomFilter& prefilter = rules.prefilter();
    // The filter's last entry is the negation (RulePack::prefilter()), not a rule.
    std::vector<int> unfiltered = prefilter.unfiltered();
    const bool negation_unfiltered =
        !unfiltered.empty() && static_cast<size_t>(unfiltered.back()) == rules.rule_count();
    if (negation_unfiltered) unfiltered.pop_back();
    std::cout << "prefilter: " << prefilter.looked_for_count() << " atoms; rules tried on every sentence: "
              << unfiltered.size() << "\n";
    for (int r : unfiltered) {
      const Rule& rule = rules.rule(static_cast<size_t>(r));
      std::cout << "  " << rule.id << " (" << rule.file << ":" << rules.LineOf(rule) << ")\n";
    }
    if (negation_unfiltered) std::cout << "negation: no words the prefilter looks for; tested at every event\n";
    return 0;
  } catch (const InputError& error) {
    std::cerr << "eventgraph: " << error.what() << "\n";
    return 1;
  }
}

}  // namespace eg
