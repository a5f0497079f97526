package io.accessledger.entries;

/**
 * An append-only trigger a {@code MAINTENANCE} entry says was put right: its {@code name} and
 * what start-up {@code found} ({@code MISSING}, {@code ALTERED} or {@code UNEXPECTED}).
 */
public record Trigger(String name, String found) {
  static Trigger read(Fields trigger) {
    return new Trigger(trigger.text("name"), trigger.text("found"));
  }
}
