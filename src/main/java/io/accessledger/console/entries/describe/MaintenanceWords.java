package io.accessledger.console.entries.describe;

import io.accessledger.entries.Maintenance;
import io.accessledger.entries.Trigger;
import io.accessledger.report.Wording;
import java.util.Map;

/**
 * A {@code MAINTENANCE} entry in words: the ledger's own record of work done to its database at
 * start-up, and the append-only triggers it concerned.
 */
final class MaintenanceWords {
  private static final Map<String, String> ACTIONS = Map.of(
      "APPEND_ONLY_TRIGGERS_RECREATED", "start-up recreated the append-only triggers");
  private static final Map<String, String> FOUND = Map.of(
      "MISSING", "was missing",
      "ALTERED", "had been altered",
      "UNEXPECTED", "was not one of the ledger's and was dropped");

  private MaintenanceWords() {}

  static String of(Maintenance maintenance, Phrases phrases) {
    String action = maintenance.action() == null ? "an action not recorded"
        : ACTIONS.getOrDefault(maintenance.action(), Wording.words(maintenance.action()));
    StringBuilder s = new StringBuilder("The ledger recorded maintenance of its own database ")
        .append(phrases.when(maintenance.header())).append(": ").append(action);
    if (!maintenance.triggers().isEmpty()) {
      s.append(" (").append(Phrases.list(maintenance.triggers().stream()
          .map(MaintenanceWords::trigger).toList())).append(')');
    }
    return s.append('.').toString();
  }

  private static String trigger(Trigger trigger) {
    return "trigger " + Phrases.or(trigger.name(), "(not named)") + " "
        + (trigger.found() == null ? "was found wrong"
            : FOUND.getOrDefault(trigger.found(), "was found " + trigger.found()));
  }
}
