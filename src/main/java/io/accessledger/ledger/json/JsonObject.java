package io.accessledger.ledger.json;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A JSON object as {@link CanonicalJson#parse} returns it: an unmodifiable map in input order over
 * a map that nothing else holds, so it can never change. Its own type lets code that must hold
 * immutable maps (such as a decoded ledger entry) keep it as it is instead of copying it: reading a
 * million leaves, those copies were a sixth of decoding.
 */
public final class JsonObject implements Map<String, Object> {
  private final Map<String, Object> members;

  /** Takes {@code owned}, which the caller MUST NOT keep. */
  JsonObject(LinkedHashMap<String, Object> owned) {
    this.members = Collections.unmodifiableMap(owned);
  }

  @Override
  public int size() {
    return members.size();
  }

  @Override
  public boolean isEmpty() {
    return members.isEmpty();
  }

  @Override
  public boolean containsKey(Object key) {
    return members.containsKey(key);
  }

  @Override
  public boolean containsValue(Object value) {
    return members.containsValue(value);
  }

  @Override
  public Object get(Object key) {
    return members.get(key);
  }

  @Override
  public Object put(String key, Object value) {
    throw new UnsupportedOperationException("a parsed JSON object cannot be changed");
  }

  @Override
  public Object remove(Object key) {
    throw new UnsupportedOperationException("a parsed JSON object cannot be changed");
  }

  @Override
  public void putAll(Map<? extends String, ?> m) {
    throw new UnsupportedOperationException("a parsed JSON object cannot be changed");
  }

  @Override
  public void clear() {
    throw new UnsupportedOperationException("a parsed JSON object cannot be changed");
  }

  @Override
  public Set<String> keySet() {
    return members.keySet();
  }

  @Override
  public Collection<Object> values() {
    return members.values();
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return members.entrySet();
  }

  @Override
  public boolean equals(Object other) {
    return other == this || members.equals(other);
  }

  @Override
  public int hashCode() {
    return members.hashCode();
  }

  @Override
  public String toString() {
    return members.toString();
  }
}
