package io.accessledger.ledger.merkle;

import java.util.Iterator;
import java.util.stream.Stream;

/** Walks one level of stored Merkle nodes in index order; {@link #next} returns null at the end. */
public final class NodeCursor implements AutoCloseable {
  private final Stream<StoredNode> stream;
  private final Iterator<StoredNode> iterator;

  public NodeCursor(Stream<StoredNode> stream) {
    this.stream = stream;
    this.iterator = stream.iterator();
  }

  public StoredNode next() {
    return iterator.hasNext() ? iterator.next() : null;
  }

  @Override
  public void close() {
    stream.close();
  }
}
