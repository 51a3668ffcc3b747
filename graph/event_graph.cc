#include "graph/event_graph.h"

#include <algorithm>
#include <utility>

namespace eg {
namespace {

// Widens [first, last] to include date; empty dates are unknown and change nothing.
void ExtendDates(const std::string& date, std::string* first, std::string* last) {
  if (date.empty()) return;
  if (first->empty() || date < *first) *first = date;
  if (last->empty() || date > *last) *last = date;
}

// text with every run of whitespace made one space and the ends trimmed.
std::string CollapseSpaces(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

// True when text is as CollapseSpaces would leave it.
bool IsCollapsed(std::string_view text) {
  if (!text.empty() && (text.front() == ' ' || text.back() == ' ')) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return false;
    if (c == ' ' && text[i + 1] == ' ') return false;  // i + 1 < size: the last byte is not a space
  }
  return true;
}

// Adds the words that named entity to aliases unless they are its label or already there.
void AddAlias(const Entity& entity, std::string_view words, std::vector<std::string>* aliases) {
  if (aliases->size() >= EntityNode::kMaxAliases) return;
  std::string collapsed;  // only for words spread over lines or runs of spaces: most are not
  std::string_view alias = words;
  if (!IsCollapsed(words)) {
    collapsed = CollapseSpaces(words);
    alias = collapsed;
  }
  if (alias.empty() || alias == entity.label) return;
  if (std::find(aliases->begin(), aliases->end(), alias) == aliases->end()) aliases->emplace_back(alias);
}

}  // namespace

std::ptrdiff_t EventGraph::FindNode(std::string_view entity_id) const {
  auto it = seen_by_id_.find(std::string(entity_id));
  return it == seen_by_id_.end() ? -1 : it->second.vertex;
}

EventGraph::Seen& EventGraph::SeenOf(const Entity* entity) {
  auto cached = seen_by_entity_.find(entity);
  if (cached != seen_by_entity_.end() && cached->second->first == entity->id) return cached->second->second;
  SeenEntry& entry = *seen_by_id_.try_emplace(entity->id).first;
  seen_by_entity_[entity] = &entry;
  return entry.second;
}

EventGraph::Vertex EventGraph::NodeFor(const Entity* entity) {
  Seen& seen = SeenOf(entity);
  if (seen.vertex < 0) {
    EntityNode node;
    node.entity = entity;
    node.mentions = seen.mentions;
    node.aliases = seen.aliases;
    node.discovered = seen.discovered;
    seen.vertex = static_cast<std::ptrdiff_t>(boost::add_vertex(std::move(node), graph_));
  }
  return static_cast<Vertex>(seen.vertex);
}

void EventGraph::Add(const Document& doc) {
  ++document_count_;
  if (keep_events_) documents_.push_back(DocumentInfo{doc.id, doc.title, doc.url, doc.date});
  // Mentions first: a node created by this document's events then starts with this document's count.
  for (const Mention& mention : doc.mentions) {
    Seen& seen = SeenOf(mention.entity);
    // Names only: a pronoun or a role phrase ("the minister") resolved to the entity is not an alias.
    const bool name = mention.source == MentionSource::kName || mention.source == MentionSource::kDiscovered;
    const std::string_view words = name ? doc.Text(mention.span) : std::string_view();
    const bool discovered = mention.source == MentionSource::kDiscovered;
    if (seen.vertex >= 0) {
      EntityNode& entity_node = graph_[static_cast<Vertex>(seen.vertex)];
      ++entity_node.mentions;
      AddAlias(*mention.entity, words, &entity_node.aliases);
      entity_node.discovered = entity_node.discovered || discovered;
    } else {
      ++seen.mentions;
      AddAlias(*mention.entity, words, &seen.aliases);
      seen.discovered = seen.discovered || discovered;
    }
  }
  for (const Event& event : doc.events) AddEvent(MakeEventRecord(doc, event));
}

void EventGraph::AddEvent(EventRecord record) {
  const size_t index = event_count_++;
  const EventRecord& event = keep_events_ ? events_.emplace_back(std::move(record)) : record;

  const Vertex subject = NodeFor(event.subject.entity);
  EntityNode& subject_node = graph_[subject];
  ++subject_node.events;
  ExtendDates(event.date, &subject_node.first_seen, &subject_node.last_seen);

  if (event.location.entity && place_ids_.insert(event.location.entity->id).second) {
    places_.push_back(event.location.entity);
  }
  if (!event.object.entity) return;

  const Vertex object = NodeFor(event.object.entity);
  EntityNode& object_node = graph_[object];
  ++object_node.events;
  ExtendDates(event.date, &object_node.first_seen, &object_node.last_seen);

  Vertex source = subject;
  Vertex target = object;
  const Rule& rule = *event.rule;
  if (rule.symmetric && event.object.entity->id < event.subject.entity->id) std::swap(source, target);

  auto [it, inserted] =
      edge_by_key_.try_emplace(EdgeKey{source, rule.relation, target, rule.symmetric}, EdgeDescriptor());
  if (inserted) {
    RelationEdge props;
    props.source = source;
    props.target = target;
    props.relation = rule.relation;
    props.cameo = rule.cameo;
    props.quad_class = rule.quad_class;
    props.symmetric = rule.symmetric;
    props.evidence = event.evidence;
    it->second = boost::add_edge(source, target, std::move(props), graph_).first;
    edge_order_.push_back(it->second);
  }
  RelationEdge& edge = graph_[it->second];
  if (keep_events_) edge.events.push_back(index);
  if (edge.event_count++ == 0) edge.first_event_date = event.date;
  edge.goldstein_sum += rule.goldstein;
  ExtendDates(event.date, &edge.first_date, &edge.last_date);
  if (event.location.entity &&
      std::find(edge.locations.begin(), edge.locations.end(), event.location.entity) == edge.locations.end()) {
    edge.locations.push_back(event.location.entity);
  }
  // A document's events arrive together, so a repeated document can only be the last one.
  if (edge.document_count == 0 || edge.last_document != event.doc) {
    ++edge.document_count;
    edge.last_document = event.doc;
    if (edge.documents.size() < RelationEdge::kMaxDocuments) edge.documents.push_back(event.doc);
  }
}

}  // namespace eg
