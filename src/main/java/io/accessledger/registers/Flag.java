package io.accessledger.registers;

import java.util.Objects;

/**
 * Something a DPO should look at in a register item: a stable {@code code} to filter and count by,
 * and a plain-English {@code explanation} naming what is wrong in this item (the values involved,
 * what was expected).
 */
public record Flag(String code, String explanation) {
  public Flag {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(explanation, "explanation");
  }
}
