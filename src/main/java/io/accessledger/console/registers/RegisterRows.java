package io.accessledger.console.registers;

import io.accessledger.api.RegisterAnswer;
import io.accessledger.api.RegisterItem;
import io.accessledger.console.web.ConsoleDates;
import io.accessledger.entries.EventParser;
import io.accessledger.entries.ExtractRelease;
import io.accessledger.entries.LedgerEvent;
import io.accessledger.entries.ShareDecision;
import io.accessledger.ledger.leaf.LeafCodec;
import io.accessledger.ledger.leaf.LeafFormatException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A register answer's items as rows, each read from its own leaf (the exact text the API answers)
 * by the typed event model, so the page and the CSV show what the proven leaf holds.
 */
final class RegisterRows {
  private RegisterRows() {}

  static List<ShareRow> shares(RegisterAnswer answer, ConsoleDates dates) {
    return answer.items().stream().map(item -> {
      if (!(event(item) instanceof ShareDecision share)) {
        throw notOfItsRegister(item, "share decision");
      }
      return ShareRow.of(item, share, dates);
    }).toList();
  }

  static List<ExtractRow> extracts(RegisterAnswer answer, ConsoleDates dates) {
    return answer.items().stream().map(item -> {
      if (!(event(item) instanceof ExtractRelease release)) {
        throw notOfItsRegister(item, "extract release");
      }
      return ExtractRow.of(item, release, dates);
    }).toList();
  }

  /**
   * The item's event. The register read the same leaf a moment before, so a leaf that does not
   * decode here means the database changed under it: a failure to investigate, not a row to show.
   */
  private static LedgerEvent event(RegisterItem item) {
    try {
      return EventParser.parse(LeafCodec.decode(item.leaf().getBytes(StandardCharsets.UTF_8)));
    } catch (LeafFormatException e) {
      throw new IllegalStateException("register item " + item.seq() + " does not decode; run"
          + " verify: " + e.getMessage(), e);
    }
  }

  private static IllegalStateException notOfItsRegister(RegisterItem item, String kind) {
    return new IllegalStateException("register item " + item.seq() + " is not a " + kind
        + "; run verify");
  }
}
