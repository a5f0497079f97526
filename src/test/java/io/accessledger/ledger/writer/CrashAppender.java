package io.accessledger.ledger.writer;

import io.accessledger.ledger.writer.Sequencer;
import io.accessledger.store.LedgerStore;
import io.accessledger.support.TestLedger;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;

/**
 * A child process for {@link KilledProcessTest}: appends views as fast as it can from several
 * threads and prints {@code ack <seq> <leafHash>} for each acknowledgement, until it is killed.
 */
public final class CrashAppender {
  private CrashAppender() {}

  public static void main(String[] args) {
    Path db = Path.of(args[0]);
    LedgerStore store = TestLedger.openStore(db);
    Sequencer sequencer = TestLedger.sequencer(store, TestLedger.signer(0));
    System.out.println("ready");
    System.out.flush();
    Semaphore window = new Semaphore(256);
    for (int t = 0; t < 4; t++) {
      int thread = t;
      new Thread(() -> {
        for (long i = 0; ; i++) {
          window.acquireUninterruptibly();
          sequencer.append(TestLedger.prepared("t" + thread + "-" + i, "child-" + (i % 20), "w" + thread))
              .whenComplete((result, error) -> {
                window.release();
                if (result != null) {
                  synchronized (System.out) {
                    System.out.println("ack " + result.seq() + " " + result.leafHash());
                    System.out.flush();
                  }
                }
              });
        }
      }).start();
    }
  }
}
