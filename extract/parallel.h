// ProcessInOrder: an Extractor over a DocumentReader's documents on several threads, the results handed
// back in input order.
//
// One call reads every document of reader, processes each with extractor (extract.h) and calls consume on
// the calling thread for each processed document, in the order the reader yielded them. With threads > 1,
// that many threads (the calling thread and threads - 1 helpers) take turns reading (under a lock, so the
// reader and its warnings stay sequential) and process documents at the same time; the calling thread
// consumes what is ready between documents of its own. At most 16 documents per thread are read ahead of
// the one consume waits for, so memory is bounded by that window, not by the input. People discovered in the text are made
// shared entities in input order (Discovery::Commit), so the output is the same for every thread count.
//
// An InputError from the reader (or any exception from processing) is rethrown here after the documents
// before it were consumed; an exception from consume stops the workers and propagates.
#ifndef EVENTGRAPH_EXTRACT_PARALLEL_H_
#define EVENTGRAPH_EXTRACT_PARALLEL_H_

#include <functional>

#include "extract/document.h"
#include "extract/document_reader.h"
#include "extract/extract.h"

namespace eg {

// The number of threads "all cores" means here: std::thread::hardware_concurrency(), at least 1.
unsigned DefaultThreadCount();

void ProcessInOrder(const Extractor& extractor, DocumentReader* reader, unsigned threads,
                    const std::function<void(const Document&)>& consume);

}  // namespace eg

#endif  // EVENTGRAPH_EXTRACT_PARALLEL_H_
