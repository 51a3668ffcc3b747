// EntityIndex: the gazetteer's entities by id, for loading packs of a million names quickly.
//
// An open-addressed hash table with linear probing, a power of two in size and at most half full. Each
// slot holds the id's hash beside the entity, so a probe reads the entity (and its id) only when the
// hashes agree: a lookup costs about one cache miss. (A std::unordered_map reads a heap node per probe;
// with 500k entities that was a tenth of the time to load a pack.) The index does not own the entities;
// an entity must not move or change its id while indexed.
//
// Not thread-safe to modify; Find is safe from many threads.
#ifndef EVENTGRAPH_EXTRACT_ENTITY_INDEX_H_
#define EVENTGRAPH_EXTRACT_ENTITY_INDEX_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "extract/document.h"

namespace eg {

class EntityIndex {
 public:
  struct Slot {
    size_t hash = 0;
    Entity* entity = nullptr;  // null: an empty slot
    uint32_t tag = 0;          // the caller's, e.g. which pack defined the entity
  };

  // The slot of id: the indexed entity's, or an empty one (entity null) reserved for id, which the
  // caller must fill at once with an entity whose id is id. The reference is valid until the next Claim.
  Slot& Claim(std::string_view id);

  // The entity with this id, or null.
  Entity* Find(std::string_view id) const;

  // Makes room for n more entities without rehashing.
  void Reserve(size_t n);

 private:
  // The index of id's slot, or of the empty slot where it would go.
  size_t Probe(std::string_view id, size_t hash) const;
  void Rehash(size_t size);

  std::vector<Slot> slots_ = std::vector<Slot>(16);
  size_t count_ = 0;
};

}  // namespace eg

#endif  // EVENTGRAPH_EXTRACT_ENTITY_INDEX_H_
