#include "extract/entity_index.h"

#include <functional>

namespace eg {
namespace {

size_t Hash(std::string_view id) { return std::hash<std::string_view>()(id); }

}  // namespace

size_t EntityIndex::Probe(std::string_view id, size_t hash) const {
  const size_t mask = slots_.size() - 1;
  size_t i = hash & mask;
  while (slots_[i].entity && !(slots_[i].hash == hash && slots_[i].entity->id == id)) i = (i + 1) & mask;
  return i;
}

EntityIndex::Slot& EntityIndex::Claim(std::string_view id) {
  if (2 * (count_ + 1) > slots_.size()) Rehash(slots_.size() * 2);
  const size_t hash = Hash(id);
  Slot& slot = slots_[Probe(id, hash)];
  if (!slot.entity) {
    slot.hash = hash;
    ++count_;
  }
  return slot;
}

Entity* EntityIndex::Find(std::string_view id) const { return slots_[Probe(id, Hash(id))].entity; }

void EntityIndex::Reserve(size_t n) {
  size_t size = slots_.size();
  while (size < 2 * (count_ + n)) size *= 2;
  if (size > slots_.size()) Rehash(size);
}

void EntityIndex::Rehash(size_t size) {
  std::vector<Slot> old(size);
  old.swap(slots_);
  const size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (!slot.entity) continue;
    size_t i = slot.hash & mask;
    while (slots_[i].entity) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

}  // namespace eg
