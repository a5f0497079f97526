package io.accessledger.audit;

import java.util.HashMap;
import java.util.Map;

/**
 * Keeps one instance of each distinct name (actor, team, subject ids) an audit holds, so that a
 * million views hold a few thousand strings rather than a million copies of them. Not thread-safe.
 */
final class Names {
  private final Map<String, String> kept = new HashMap<>();

  /** The one instance kept of {@code name}; null stays null. */
  String keep(String name) {
    return name == null ? null : kept.computeIfAbsent(name, k -> k);
  }
}
