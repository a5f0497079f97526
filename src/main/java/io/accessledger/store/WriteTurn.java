package io.accessledger.store;

/**
 * A writer's turn at the tail of the log, handed out by {@link LedgerStore#awaitWriteTurn}: while
 * it holds one, the other nodes that ask for a turn wait, so that a node builds its next batch on
 * a tail no one else is extending and does not waste the build (leaf hashes, tree, signature) on
 * a batch the store will refuse.
 *
 * <p>A turn is an optimisation, never a guarantee: correctness MUST NOT depend on it. A turn may
 * lapse (a lost connection, a wait that timed out), and a process may append without asking for
 * one; the store's fence ({@link LedgerStore#append} refusing with {@link StaleTailException} a
 * batch that does not extend the stored log, in the same atomic step as the write) is what
 * guarantees no gap and no fork.
 */
public interface WriteTurn extends AutoCloseable {
  /**
   * No turn at all, for a store one server writes (SQLite: the data directory's lock keeps one
   * server per file): the writer builds on its tail at once and relies on the fence alone.
   */
  WriteTurn NONE = new WriteTurn() {
    @Override
    public boolean othersMayHaveAppended() {
      return false;
    }

    @Override
    public void close() {
    }
  };

  /**
   * Whether other processes take turns at this store, so the tail may have moved since this
   * writer's last batch: the writer then compares {@link LedgerStore#size} with its tail before
   * building (one cheap read per batch) and reloads the tail first when it moved. False: the
   * writer builds at once, and a moved tail costs one refused batch.
   */
  boolean othersMayHaveAppended();

  /** Ends the turn; MUST NOT throw (a turn that cannot be released lapses on its own). */
  @Override
  void close();
}
