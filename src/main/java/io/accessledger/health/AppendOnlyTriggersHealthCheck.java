package io.accessledger.health;

import com.codahale.metrics.health.HealthCheck;
import io.accessledger.config.AppendOnlyGuardsAtStart;
import io.accessledger.store.GuardFault;
import io.accessledger.store.LedgerStore;
import java.util.List;

/**
 * Healthy when every append-only trigger the migrations create is in the database as they create
 * it, and no other trigger is on a ledger table. Unhealthy names each one missing or altered (the
 * entries stay tamper-evident without them, but the database no longer refuses UPDATE and DELETE)
 * and each one added (it runs on the service's own writes: {@code RAISE(IGNORE)} makes appends
 * store nothing). One small read of the schema, so it runs on every poll; it sees triggers dropped
 * or added while the server runs, which start-up cannot.
 */
public final class AppendOnlyTriggersHealthCheck extends HealthCheck {
  private final LedgerStore store;

  public AppendOnlyTriggersHealthCheck(LedgerStore store) {
    this.store = store;
  }

  @Override
  protected Result check() {
    List<GuardFault> faults = store.appendOnlyGuardFaults();
    if (!faults.isEmpty()) {
      return Result.unhealthy("append-only triggers not in place: " + GuardFault.describe(faults)
          + ". " + GuardFault.consequences(faults) + " Run `verify config.yml` to check the"
          + " entries. " + AppendOnlyGuardsAtStart.HOW_TO_RECREATE);
    }
    return Result.healthy("every append-only trigger is in place");
  }
}
