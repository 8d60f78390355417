#include "cli/interrupt_cancels.h"

#include <atomic>

namespace strata {

namespace {

// Read by the signal handler; Session::Cancel only stores to a lock-free atomic.
std::atomic<Session*> g_target{nullptr};
static_assert(std::atomic<Session*>::is_always_lock_free);

void OnInterrupt(int) {
  if (Session* s = g_target.load()) s->Cancel();
}

}  // namespace

InterruptCancels::InterruptCancels(Session* session) : previous_target_(g_target.load()) {
  g_target.store(session);
  struct sigaction action {};
  action.sa_handler = OnInterrupt;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;  // the waiting thread's sleeps and reads carry on
  sigaction(SIGINT, &action, &previous_);
}

InterruptCancels::~InterruptCancels() {
  sigaction(SIGINT, &previous_, nullptr);
  g_target.store(previous_target_);
}

}  // namespace strata
