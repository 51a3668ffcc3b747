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
  // Everyone takes turns reading a record (under the lock: the files are read in order), then decodes and
  // processes it at the same time as the others: threads - 1 helpers, and the calling thread, which also
  // takes the documents in input order: it reports or throws the reader's errors, checks ids
  // (DocumentReader::Accept), commits and consumes. It consumes whatever is ready before it processes
  // another document, and sleeps only when it can do neither, so that exactly `threads` threads run (a
  // consumer of its own would be one more than the cores, woken at every document).
  const size_t window = threads * kWindowPerThread;
  std::vector<Slot> slots(window);
  std::mutex mutex;
  std::condition_variable can_read, can_consume;
  uint64_t next_read = 0, next_consume = 0;
  bool done_reading = false, stop = false, consumer_waiting = false;
  std::exception_ptr error;
  uint64_t error_at = UINT64_MAX;  // the first document whose processing failed

  auto fail = [&](uint64_t seq) {  // with mutex held
    if (seq < error_at) {
      error_at = seq;
      error = std::current_exception();
    }
    done_reading = true;
  };
  // With mutex held, when the window has room and reading has not ended: reads the next record into its
  // slot, or ends reading. Returns the slot, or nullptr at the end of the input.
  auto read = [&](uint64_t* seq) -> Slot* {
    *seq = next_read;
    Slot* slot = &slots[*seq % window];
    slot->input_error.reset();
    try {
      if (!reader->Read(&slot->record)) {
        done_reading = true;
        can_read.notify_all();
        return nullptr;
      }
      if (slot->record.skip) slot->input_error = slot->record.skip;
    } catch (const InputError& input_error) {
      slot->input_error = input_error;
      // Without skip_errors the run ends at this error: read no further.
      if (!reader->skip_errors()) done_reading = true;
    }
    ++next_read;
    return slot;
  };
  // Without mutex held: decodes and processes the record of slot, then marks it ready.
  auto process = [&](uint64_t seq, Slot* slot) {
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
    std::lock_guard<std::mutex> lock(mutex);
    slot->ready = ok;
    // Only the document the calling thread waits for (or a failure, or the end) can wake it.
    if (consumer_waiting && (seq == next_consume || !ok || done_reading)) can_consume.notify_one();
  };
  auto can_read_now = [&] { return !stop && !done_reading && next_read < next_consume + window; };
  auto help = [&] {
    for (;;) {
      uint64_t seq;
      Slot* slot;
      {
        std::unique_lock<std::mutex> lock(mutex);
        can_read.wait(lock, [&] { return stop || done_reading || next_read < next_consume + window; });
        if (stop || done_reading) return;
        slot = read(&seq);
        if (slot == nullptr) {
          if (consumer_waiting) can_consume.notify_one();
          return;
        }
      }
      process(seq, slot);
    }
  };

  std::vector<std::thread> helpers;
  auto join = [&] {
    {
      std::lock_guard<std::mutex> lock(mutex);
      stop = true;
    }
    can_read.notify_all();
    for (std::thread& helper : helpers) helper.join();
    helpers.clear();
  };
  for (unsigned t = 1; t < threads; ++t) helpers.emplace_back(help);
  try {
    for (;;) {
      Slot* slot = nullptr;
      {
        std::unique_lock<std::mutex> lock(mutex);
        for (;;) {
          Slot& next = slots[next_consume % window];
          if (next.ready) {
            slot = &next;
            break;
          }
          const bool finished = next_consume == error_at || (done_reading && next_consume >= next_read);
          if (finished) break;
          if (can_read_now()) {
            uint64_t seq;
            Slot* to_process = read(&seq);
            if (to_process != nullptr) {
              lock.unlock();
              process(seq, to_process);
              lock.lock();
            }
            continue;
          }
          consumer_waiting = true;
          can_consume.wait(lock);
          consumer_waiting = false;
        }
        if (slot == nullptr) break;  // the end, or the failed document
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
      can_read.notify_one();
    }
  } catch (...) {
    join();
    throw;
  }
  join();
  if (error) std::rethrow_exception(error);
}

}  // namespace eg
