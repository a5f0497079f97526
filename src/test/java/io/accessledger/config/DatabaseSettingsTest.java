package io.accessledger.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessledger.support.Configs;
import io.accessledger.support.postgres.TestDatabase;
import io.accessledger.support.postgres.TestPostgres;
import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.db.ManagedDataSource;
import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code ledger.database}, read as the server reads config.yml: unset it is SQLite as before; a
 * {@code jdbc:postgresql://} URL selects PostgreSQL; anything else stops the start naming the
 * variable; the password comes from the environment and is never shown.
 */
class DatabaseSettingsTest {
  @Test
  void unsetItIsSqliteInTheDataDirectory() throws Exception {
    LedgerFactory shipped = Configs.shipped(Map.of()).getLedger();
    assertThat(shipped.getDatabase().isPostgres()).isFalse();
    assertThat(shipped.ledgerLocation()).isEqualTo(shipped.databaseFile().toString());
    assertThat(Configs.shipped(Map.of("LEDGER_DATABASE_URL", "")).getLedger().getDatabase()
        .isPostgres()).isFalse();
    assertThat(Configs.yaml("ledger: {dataDir: x}\n").getLedger().getDatabase().isPostgres())
        .isFalse();
  }

  @Test
  void theVariablesSelectPostgresql() throws Exception {
    DatabaseSettings database = Configs.shipped(Map.of(
        "LEDGER_DATABASE_URL", "jdbc:postgresql://db.example:5432/ledger?sslmode=verify-full",
        "LEDGER_DATABASE_USER", "ledger_app")).getLedger().getDatabase();
    assertThat(database.isPostgres()).isTrue();
    assertThat(database.getUser()).isEqualTo("ledger_app");
    assertThat(database.describe())
        .isEqualTo("PostgreSQL jdbc:postgresql://db.example:5432/ledger as ledger_app");
  }

  @Test
  void aUrlOfAnotherKindStopsTheStartNamingTheVariableNotItsCredentials() {
    for (String bad : new String[] {"postgres://ledger:s3cret-pw@db/ledger",
        "jdbc:sqlite:/srv/ledger.db?password=s3cret-pw", "s3cret-pw"}) {
      assertThatThrownBy(() -> Configs.shipped(Map.of("LEDGER_DATABASE_URL", bad)))
          .as(bad).isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("LEDGER_DATABASE_URL")
          .hasMessageContaining("jdbc:postgresql://")
          .hasMessageNotContaining("s3cret-pw");
    }
  }

  @Test
  void thePasswordComesFromTheEnvironmentAndIsNeverShown() throws Exception {
    TestDatabase db = TestPostgres.shared().newDatabase();
    DatabaseSettings database = Configs.shipped(Map.of("LEDGER_DATABASE_URL", db.url(),
        "LEDGER_DATABASE_USER", db.app(),
        // Substituted by nothing: config.yml does not read it into the YAML.
        "LEDGER_DATABASE_PASSWORD", "ignored")).getLedger().getDatabase();
    database.setEnvironment(Map.of("LEDGER_DATABASE_PASSWORD", db.appPassword())::get);
    ManagedDataSource pool = database.buildPool(new MetricRegistry(), 2, "test");
    try (Connection c = pool.getConnection()) {
      assertThat(c.isValid(5)).isTrue();
    } finally {
      pool.stop();
    }
    assertThat(database.appliedVersion("ledger")).isZero();
    String shown = database + " " + database.describe() + " "
        + new ObjectMapper().writeValueAsString(database);
    assertThat(shown).doesNotContain(db.appPassword()).contains(db.app());

    database.setEnvironment(Map.of("LEDGER_DATABASE_PASSWORD", "wrong-" + db.appPassword())::get);
    assertThatThrownBy(() -> database.appliedVersion("ledger"))
        .hasMessageContaining("password authentication failed")
        .hasMessageNotContaining(db.appPassword());
  }

  @Test
  void aPasswordInTheFileItselfIsTakenAndNotShown() throws Exception {
    TestDatabase db = TestPostgres.shared().newDatabase();
    DatabaseSettings database = Configs.yaml("ledger:\n  database:\n    url: " + db.url()
        + "\n    user: " + db.owner() + "\n    password: " + db.ownerPassword() + "\n")
        .getLedger().getDatabase();
    database.setEnvironment(name -> null);
    assertThat(database.appliedVersion("clients")).isZero();
    assertThat(new ObjectMapper().writeValueAsString(database) + database)
        .doesNotContain(db.ownerPassword());
  }
}
