package io.accessledger.events;

import java.util.Objects;

/**
 * One problem with a posted event.
 *
 * @param field the JSON path of the offending value, e.g. {@code actor.id}, {@code legalBasis[2]},
 *     {@code subjects[5].id}, {@code extensions["la code"]}; the empty string for the event itself
 * @param message what is wrong, in words, e.g. {@code required} or {@code must be a string, got
 *     null}
 */
public record FieldError(String field, String message) {
  public FieldError {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }

  /** {@code field: message}, with {@code (event)} standing for the empty path. */
  @Override
  public String toString() {
    return (field.isEmpty() ? "(event)" : field) + ": " + message;
  }
}
