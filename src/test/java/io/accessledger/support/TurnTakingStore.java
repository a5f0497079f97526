package io.accessledger.support;

import io.accessledger.store.LedgerStore;
import io.accessledger.store.WriteTurn;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A store whose writers take turns through a lock the test shares between the nodes of one
 * database, as PostgreSQL's nodes do through an advisory lock: SQLite's own store hands out no
 * turns (one server per file), and nodes racing on the fence alone stay correct but are not fair
 * (the node that loses a race reloads and builds while the other commits again, and can lose many
 * times in a row). The lock is fair, and a turn not had within a few seconds is given up (the
 * fence still holds), as a real store's must be.
 */
public final class TurnTakingStore extends ForwardingLedgerStore {
  private final ReentrantLock turns;

  /** @param turns one fair lock per shared database */
  public TurnTakingStore(LedgerStore delegate, ReentrantLock turns) {
    super(delegate);
    this.turns = turns;
  }

  @Override
  public WriteTurn awaitWriteTurn() {
    try {
      if (!turns.tryLock(5, TimeUnit.SECONDS)) {
        return WriteTurn.NONE;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return WriteTurn.NONE;
    }
    return new WriteTurn() {
      @Override
      public boolean othersMayHaveAppended() {
        return true;
      }

      @Override
      public void close() {
        turns.unlock();
      }
    };
  }
}
