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

// Adds the words that named entity to aliases unless they are its label or already there.
void AddAlias(const Entity& entity, std::string_view words, std::vector<std::string>* aliases) {
  if (aliases->size() >= EntityNode::kMaxAliases) return;
  std::string alias = CollapseSpaces(words);
  if (alias.empty() || alias == entity.label) return;
  if (std::find(aliases->begin(), aliases->end(), alias) == aliases->end()) aliases->push_back(std::move(alias));
}

}  // namespace

std::ptrdiff_t EventGraph::FindNode(std::string_view entity_id) const {
  auto it = node_by_id_.find(std::string(entity_id));
  return it == node_by_id_.end() ? -1 : static_cast<std::ptrdiff_t>(it->second);
}

EventGraph::Vertex EventGraph::NodeFor(const Entity* entity) {
  auto [it, inserted] = node_by_id_.try_emplace(entity->id, 0);
  if (inserted) {
    EntityNode node;
    node.entity = entity;
    auto mentions = mentions_by_id_.find(entity->id);
    if (mentions != mentions_by_id_.end()) node.mentions = mentions->second;
    auto aliases = aliases_by_id_.find(entity->id);
    if (aliases != aliases_by_id_.end()) node.aliases = aliases->second;
    node.discovered = discovered_ids_.count(entity->id) > 0;
    it->second = boost::add_vertex(std::move(node), graph_);
  }
  return it->second;
}

void EventGraph::Add(const Document& doc) {
  ++document_count_;
  if (keep_events_) documents_.push_back(DocumentInfo{doc.id, doc.title, doc.url, doc.date});
  // Mentions first: a node created by this document's events then starts with this document's count.
  for (const Mention& mention : doc.mentions) {
    ++mentions_by_id_[mention.entity->id];
    // Names only: a pronoun or a role phrase ("the minister") resolved to the entity is not an alias.
    const bool name = mention.source == MentionSource::kName || mention.source == MentionSource::kDiscovered;
    const std::string_view words = name ? doc.Text(mention.span) : std::string_view();
    if (mention.source == MentionSource::kDiscovered) discovered_ids_.insert(mention.entity->id);
    AddAlias(*mention.entity, words, &aliases_by_id_[mention.entity->id]);
    auto node = node_by_id_.find(mention.entity->id);
    if (node != node_by_id_.end()) {
      EntityNode& entity_node = graph_[node->second];
      ++entity_node.mentions;
      AddAlias(*mention.entity, words, &entity_node.aliases);
      if (mention.source == MentionSource::kDiscovered) entity_node.discovered = true;
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
