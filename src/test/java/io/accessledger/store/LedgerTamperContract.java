package io.accessledger.store;

import org.junit.jupiter.api.Nested;

/**
 * The tamper catalogue: every way someone holding a ledger's database could edit its rows behind
 * the service's back, each with the failure it must give, as {@code verify} (its problem and first
 * bad seq), start-up or a health check reports it. Written against {@link LedgerStore} and a
 * backend's {@link TamperHook}, so every backend is held to the same catalogue: its test extends
 * this class, and supplies a store and the hook that edits the store's database. A case whose
 * edit is only possible in one backend's own layout (SQLite's dynamic typing, say) stays in that
 * backend's test.
 *
 * <p>The cases are grouped by the ledger they start from, one nested class each; every case starts
 * from a fresh database.
 */
public abstract class LedgerTamperContract {

  /**
   * Opens a store over this test's own database, empty until the first case's ledger is written:
   * each call a new store over the same database (a closed one's writes all seen).
   */
  protected abstract LedgerStore openStore();

  /** The hands that edit the database {@link #openStore} opens. */
  protected abstract TamperHook tamperHook();

  @Nested
  class Leaves extends LeafTampers {
    Leaves() {
      super(LedgerTamperContract.this);
    }
  }

  @Nested
  class Stretches extends GapTampers {
    Stretches() {
      super(LedgerTamperContract.this);
    }
  }

  @Nested
  class SignedCheckpoints extends CheckpointTampers {
    SignedCheckpoints() {
      super(LedgerTamperContract.this);
    }
  }

  @Nested
  class LinkIndex extends LinkIndexTampers {
    LinkIndex() {
      super(LedgerTamperContract.this);
    }
  }

  @Nested
  class EventIds extends EventIdTampers {
    EventIds() {
      super(LedgerTamperContract.this);
    }
  }

  @Nested
  class Guards extends GuardTampers {
    Guards() {
      super(LedgerTamperContract.this);
    }
  }

  @Nested
  class RunningLedger extends WriterTampers {
    RunningLedger() {
      super(LedgerTamperContract.this);
    }
  }
}
