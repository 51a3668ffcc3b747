#include "extract/document.h"

#include <array>

namespace eg {
namespace {

struct TypeInfo {
  EntityType type;
  std::string_view name;
  char letter;
};

constexpr std::array<TypeInfo, 8> kTypes = {{
    {EntityType::kPerson, "PERSON", 'P'},
    {EntityType::kOrganization, "ORGANIZATION", 'O'},
    {EntityType::kGroup, "GROUP", 'G'},
    {EntityType::kCountry, "COUNTRY", 'C'},
    {EntityType::kCity, "CITY", 'T'},
    {EntityType::kRegion, "REGION", 'R'},
    {EntityType::kLandmark, "LANDMARK", 'L'},
    {EntityType::kPlace, "PLACE", 'X'},
}};

}  // namespace

std::string_view EntityTypeName(EntityType type) { return kTypes[static_cast<size_t>(type)].name; }

char EntityTypeLetter(EntityType type) { return kTypes[static_cast<size_t>(type)].letter; }

bool ParseEntityType(std::string_view name, EntityType* type) {
  for (const TypeInfo& info : kTypes) {
    if (info.name == name) {
      *type = info.type;
      return true;
    }
  }
  return false;
}

}  // namespace eg
