#include "extract/parallel.h"

#include <condition_variable>
#include <cstdint>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace eg {
namespace {

constexpr size_t kWindowPerThread = 16;

struct Slot {
  DocumentReader::Record record;
  Document doc;
  Discovery::Stage stage;
  std::optional<InputError> input_error;  // from the reader: reported or thrown in input order
  bool ready = false;
};

}  // namespace

unsigned DefaultThreadCount() {
  const unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : cores;
}

void ProcessInOrder(const Extractor& extractor, DocumentReader* reader, unsigned threads,
                    const std::function<void(const Document&)>& consume) {
  if (threads <= 1) {
    Slot slot;
    while (reader->Next(&slot.doc)) {
      extractor.ProcessStaged(&slot.doc, &slot.stage);
      extractor.Commit(&slot.doc, &slot.stage);
      consume(slot.doc);
    }
    return;
  }
  // Workers take turns reading a record (under the lock: the files are read in order), then decode and
  // process it at the same time as the others. The calling thread takes the documents in input order: it
  // reports or throws the reader's errors, checks ids (DocumentReader::Accept), commits and consumes.
  const size_t window = threads * kWindowPerThread;
  std::vector<Slot> slots(window);
  std::mutex mutex;
  std::condition_variable can_read, can_consume;
  uint64_t next_read = 0, next_consume = 0;
  bool done_reading = false, stop = false;
  std::exception_ptr error;
  uint64_t error_at = UINT64_MAX;  // the first document whose processing failed

  auto fail = [&](uint64_t seq) {  // with mutex held
    if (seq < error_at) {
      error_at = seq;
      error = std::current_exception();
    }
    done_reading = true;
  };
  auto work = [&] {
    for (;;) {
      uint64_t seq;
      Slot* slot;
      {
        std::unique_lock<std::mutex> lock(mutex);
        can_read.wait(lock, [&] { return stop || done_reading || next_read < next_consume + window; });
        if (stop || done_reading) return;
        seq = next_read;
        slot = &slots[seq % window];
        slot->input_error.reset();
        try {
          if (!reader->Read(&slot->record)) {
            done_reading = true;
            can_consume.notify_all();
            can_read.notify_all();
            return;
          }
          if (slot->record.skip) slot->input_error = slot->record.skip;
        } catch (const InputError& input_error) {
          slot->input_error = input_error;
          // Without skip_errors the run ends at this error: read no further.
          if (!reader->skip_errors()) done_reading = true;
        }
        ++next_read;
      }
      bool ok = true;
      if (!slot->input_error) {
        try {
          reader->Decode(&slot->record, &slot->doc);
          extractor.ProcessStaged(&slot->doc, &slot->stage);
        } catch (const InputError& input_error) {
          slot->input_error = input_error;
        } catch (...) {
          std::lock_guard<std::mutex> lock(mutex);
          fail(seq);
          ok = false;
        }
      }
      {
        std::lock_guard<std::mutex> lock(mutex);
        slot->ready = ok;
      }
      can_consume.notify_all();
    }
  };

  std::vector<std::thread> workers;
  auto join = [&] {
    {
      std::lock_guard<std::mutex> lock(mutex);
      stop = true;
    }
    can_read.notify_all();
    for (std::thread& worker : workers) worker.join();
    workers.clear();
  };
  for (unsigned t = 0; t < threads; ++t) workers.emplace_back(work);
  try {
    for (;;) {
      Slot* slot;
      {
        std::unique_lock<std::mutex> lock(mutex);
        can_consume.wait(lock, [&] {
          return slots[next_consume % window].ready || next_consume == error_at ||
                 (done_reading && next_consume >= next_read && error_at == UINT64_MAX);
        });
        if (!slots[next_consume % window].ready) break;  // the end, or the failed document
        slot = &slots[next_consume % window];
      }
      bool take = !slot->input_error;
      if (take) {
        try {
          reader->Accept(slot->doc, slot->record);
        } catch (const InputError& input_error) {
          slot->input_error = input_error;
          take = false;
        }
      }
      if (take) {
        extractor.Commit(&slot->doc, &slot->stage);
        consume(slot->doc);
      } else {
        // An InputError is skipped (reported in its turn) or ends the run; the reader's own "skip" always
        // is skipped (a document too large).
        if (!reader->skip_errors() && !slot->record.skip) throw *slot->input_error;
        reader->Skip(*slot->input_error);
        slot->stage.entities.clear();
        slot->stage.sightings.clear();
      }
      {
        std::lock_guard<std::mutex> lock(mutex);
        slot->ready = false;
        ++next_consume;
      }
      can_read.notify_all();
    }
  } catch (...) {
    join();
    throw;
  }
  join();
  if (error) std::rethrow_exception(error);
}

}  // namespace eg
