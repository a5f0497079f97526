package io.accessledger.events;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event ids being appended right now, so that two requests carrying the same {@code eventId}
 * from the same source never both reach the log: the second waits for the first to finish, then
 * finds its entry and is answered as a replay (or refused as a conflict).
 *
 * <p>A request claims all of its ids or none; when one is taken it releases what it holds before
 * waiting, so two batches that share ids cannot deadlock. It sees only this process: requests on
 * other nodes of a shared store are kept apart by the store, which refuses a recorded event key,
 * and by the writer, which then fails only the group holding it ({@code AlreadyRecordedException},
 * on which {@link EventIngest} looks the events up again).
 */
final class InFlightEvents {
  private final ConcurrentHashMap<Key, CompletableFuture<Void>> claims = new ConcurrentHashMap<>();

  record Key(String source, String eventId) {}

  /** Ids held by one request until it is closed. */
  final class Claim implements AutoCloseable {
    private final List<Key> keys;
    private final CompletableFuture<Void> released;

    private Claim(List<Key> keys, CompletableFuture<Void> released) {
      this.keys = keys;
      this.released = released;
    }

    @Override
    public void close() {
      for (Key key : keys) {
        claims.remove(key, released);
      }
      released.complete(null);
    }
  }

  /** Blocks until every id of {@code eventIds} from {@code source} is claimed by this caller. */
  Claim claimAll(String source, Collection<String> eventIds) {
    while (true) {
      CompletableFuture<Void> mine = new CompletableFuture<>();
      List<Key> taken = new ArrayList<>(eventIds.size());
      CompletableFuture<Void> holder = null;
      for (String eventId : eventIds) {
        Key key = new Key(source, eventId);
        CompletableFuture<Void> other = claims.putIfAbsent(key, mine);
        if (other != null) {
          holder = other;
          break;
        }
        taken.add(key);
      }
      Claim claim = new Claim(taken, mine);
      if (holder == null) {
        return claim;
      }
      claim.close();
      holder.join(); // completes when the other request has written (or failed) and let go
    }
  }

  /** How many ids are claimed now (for tests and metrics). */
  int size() {
    return claims.size();
  }
}
