package io.accessledger.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RoleTest {
  @Test
  void externalNamesAreLowercaseAndMatchTheAnnotationConstants() {
    assertThat(Role.INGEST.externalName()).isEqualTo(Roles.INGEST).isEqualTo("ingest");
    assertThat(Role.AUDITOR.externalName()).isEqualTo(Roles.AUDITOR).isEqualTo("auditor");
    assertThat(Role.INVESTIGATOR.externalName()).isEqualTo(Roles.INVESTIGATOR).isEqualTo("investigator");
    assertThat(Role.ADMIN.externalName()).isEqualTo(Roles.ADMIN).isEqualTo("admin");
    for (Role role : Role.values()) {
      assertThat(Role.parse(role.externalName())).isSameAs(role);
    }
  }

  @Test
  void parseRefusesOthersListingTheValidRoles() {
    for (String bad : new String[] {"AUDITOR", "reader", "", null}) {
      assertThatThrownBy(() -> Role.parse(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("valid roles: ingest, auditor, investigator, admin");
    }
  }
}
