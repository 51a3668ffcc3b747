#include "extract/document.h"

#include <array>
#include <initializer_list>

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

// Empties v, and frees its memory when it is more than Document::kKeptBytes.
template <typename Container>
void ClearKeepingSmall(Container* v) {
  if (v->capacity() * sizeof(typename Container::value_type) > Document::kKeptBytes) {
    Container().swap(*v);
  } else {
    v->clear();
  }
}

}  // namespace

void Document::Clear() {
  for (std::string* field : {&id, &source, &text, &date, &title, &url}) ClearKeepingSmall(field);
  ClearKeepingSmall(&tokens);
  ClearKeepingSmall(&sentences);
  ClearKeepingSmall(&mentions);
  ClearKeepingSmall(&events);
}

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
