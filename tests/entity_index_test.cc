// Tests for extract/entity_index: the gazetteer's entities by id.
#include "extract/entity_index.h"

#include <gtest/gtest.h>

#include <deque>
#include <string>

namespace eg {
namespace {

TEST(EntityIndexTest, ClaimFindsOrReservesTheSlotOfAnId) {
  EntityIndex index;
  std::deque<Entity> entities;
  EntityIndex::Slot& lavrov = index.Claim("person:lavrov");
  ASSERT_EQ(lavrov.entity, nullptr);
  lavrov.entity = &entities.emplace_back();
  lavrov.entity->id = "person:lavrov";
  lavrov.tag = 7;
  EXPECT_EQ(index.Find("person:lavrov"), &entities.back());
  EXPECT_EQ(index.Find("person:lavro"), nullptr);
  EXPECT_EQ(index.Find(""), nullptr);
  EntityIndex::Slot& again = index.Claim("person:lavrov");
  EXPECT_EQ(again.entity, &entities.back());
  EXPECT_EQ(again.tag, 7u);
}

TEST(EntityIndexTest, EntriesSurviveGrowth) {
  // Many more ids than the initial table holds, with and without Reserve: every one is found, with
  // its tag, after the table has been rehashed many times.
  for (bool reserve : {false, true}) {
    EntityIndex index;
    if (reserve) index.Reserve(20000);
    std::deque<Entity> entities;
    for (uint32_t i = 0; i < 20000; ++i) {
      const std::string id = "person:synthetic_" + std::to_string(i);
      EntityIndex::Slot& slot = index.Claim(id);
      ASSERT_EQ(slot.entity, nullptr) << id;
      slot.entity = &entities.emplace_back();
      slot.entity->id = id;
      slot.tag = i;
    }
    for (uint32_t i = 0; i < 20000; ++i) {
      const std::string id = "person:synthetic_" + std::to_string(i);
      const Entity* found = index.Find(id);
      ASSERT_NE(found, nullptr) << id;
      EXPECT_EQ(found->id, id);
      EXPECT_EQ(index.Claim(id).tag, i);
    }
    EXPECT_EQ(index.Find("person:synthetic_20000"), nullptr);
  }
}

}  // namespace
}  // namespace eg
