package io.accessledger.support.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The throwaway cluster is a real server, and the server's role is as narrow as the README's. */
class TestPostgresTest {
  @Test
  void aFreshDatabaseTakesTheOwnersTablesAndTheServerRoleOnlyReadsAndAdds() throws Exception {
    TestDatabase db = TestPostgres.shared().newDatabase();
    db.asOwner("CREATE TABLE t (n BIGINT PRIMARY KEY)");
    try (Connection c = DriverManager.getConnection(db.url(), db.app(), db.appPassword());
        Statement s = c.createStatement()) {
      s.execute("INSERT INTO t VALUES (1)");
      try (ResultSet rs = s.executeQuery("SELECT n, current_setting('server_version_num')::int"
          + " FROM t")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(1);
        assertThat(rs.getInt(2)).as("Debian's PostgreSQL 15").isBetween(150000, 159999);
      }
      assertThatThrownBy(() -> s.execute("UPDATE t SET n = 2")).hasMessageContaining("permission");
      assertThatThrownBy(() -> s.execute("DELETE FROM t")).hasMessageContaining("permission");
      assertThatThrownBy(() -> s.execute("CREATE TABLE u (n INT)"))
          .hasMessageContaining("permission");
    }
    assertThatThrownBy(() -> DriverManager.getConnection(db.url(), db.app(), "wrong"))
        .hasMessageContaining("password authentication failed");
  }
}
