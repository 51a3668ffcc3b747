#include "extract/token_trie.h"

#include <cstring>

#include "extract/tokenizer.h"

namespace eg {

void TokenTrie::MakeKey(uint32_t parent, std::string_view token, std::string* key) {
  key->resize(sizeof parent);
  std::memcpy(key->data(), &parent, sizeof parent);
  key->append(token);
}

uint32_t TokenTrie::Child(uint32_t parent, std::string_view folded_token, std::string* key) const {
  MakeKey(parent, folded_token, key);
  auto it = edges_.find(std::string_view(*key));
  return it == edges_.end() ? 0 : it->second;
}

uint32_t TokenTrie::Insert(std::string_view text) {
  std::vector<Token> tokens;
  TokenizeText(text, &tokens);
  if (tokens.empty()) return kNoValue;
  uint32_t node = 0;
  std::string folded;
  std::string key;
  for (const Token& token : tokens) {
    folded.clear();
    AppendFolded(text.substr(token.span.begin, token.span.size()), &folded);
    uint32_t child = Child(node, folded, &key);
    if (child == 0) {
      child = static_cast<uint32_t>(values_.size());
      values_.push_back(kNoValue);
      edges_.emplace(key, child);
    }
    node = child;
  }
  if (values_[node] == kNoValue) values_[node] = static_cast<uint32_t>(value_count_++);
  return values_[node];
}

}  // namespace eg
