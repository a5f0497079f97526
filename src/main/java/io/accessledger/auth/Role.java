package io.accessledger.auth;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What an API client may do. Each client has exactly one role; the HTTP API checks it with
 * {@code @RolesAllowed} against the lowercase external name ({@link Roles}), which is also how the
 * role is written in {@code add-client --role}, in the clients database and in audit entries.
 */
public enum Role {
  INGEST(Roles.INGEST),
  AUDITOR(Roles.AUDITOR),
  INVESTIGATOR(Roles.INVESTIGATOR),
  ADMIN(Roles.ADMIN);

  private final String externalName;

  Role(String externalName) {
    this.externalName = externalName;
  }

  /** The lowercase name used outside the code: {@code ingest}, {@code auditor}, … */
  public String externalName() {
    return externalName;
  }

  /**
   * The role whose external name is exactly {@code name} (lowercase).
   *
   * @throws IllegalArgumentException naming the valid roles, if there is none
   */
  public static Role parse(String name) {
    for (Role role : values()) {
      if (role.externalName.equals(name)) {
        return role;
      }
    }
    throw new IllegalArgumentException("unknown role '" + name + "'; valid roles: " + validNames());
  }

  /** The external names, comma-separated, for messages and help text. */
  public static String validNames() {
    return Arrays.stream(values()).map(Role::externalName).collect(Collectors.joining(", "));
  }

  /** The external name. */
  @Override
  public String toString() {
    return externalName;
  }
}
