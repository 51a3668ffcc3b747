#include "graph/edge_list.h"

#include <stdexcept>
#include <utility>

namespace eg {

std::string_view EdgeModeName(EdgeMode mode) { return mode == EdgeMode::kEvents ? "events" : "aggregate"; }

bool ParseEdgeMode(std::string_view name, EdgeMode* mode) {
  if (name == "aggregate") {
    *mode = EdgeMode::kAggregate;
  } else if (name == "events") {
    *mode = EdgeMode::kEvents;
  } else {
    return false;
  }
  return true;
}

EdgeList::EdgeList(const EventGraph& graph, EdgeMode mode) : graph_(graph), mode_(mode) {
  if (mode_ != EdgeMode::kEvents) return;
  if (!graph.keeps_events()) throw std::logic_error("EdgeList: edges per event need a graph that keeps its events");
  const std::vector<EventRecord>& events = graph.events();
  for (size_t i = 0; i < events.size(); ++i) {
    const EventRecord& event = events[i];
    if (!event.object.entity) continue;
    const Rule& rule = *event.rule;
    RelationEdge edge;
    edge.source = static_cast<size_t>(graph.FindNode(event.subject.entity->id));
    edge.target = static_cast<size_t>(graph.FindNode(event.object.entity->id));
    if (rule.symmetric && event.object.entity->id < event.subject.entity->id) std::swap(edge.source, edge.target);
    edge.relation = rule.relation;
    edge.cameo = rule.cameo;
    edge.quad_class = rule.quad_class;
    edge.symmetric = rule.symmetric;
    edge.events.push_back(i);
    edge.event_count = 1;
    edge.first_event_date = event.date;
    edge.goldstein_sum = rule.goldstein;
    edge.first_date = event.date;
    edge.last_date = event.date;
    if (event.location.entity) edge.locations.push_back(event.location.entity);
    edge.documents.push_back(event.doc);
    edge.document_count = 1;
    edge.evidence = event.evidence;
    per_event_.push_back(std::move(edge));
  }
}

}  // namespace eg
