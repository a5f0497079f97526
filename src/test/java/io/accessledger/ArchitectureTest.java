package io.accessledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps the layering of DESIGN.md true as the code grows. */
class ArchitectureTest {
  private static final Path MAIN = Path.of("src/main/java/io/accessledger");

  private static List<String> importsMatching(Path root, String... prefixes) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(p -> p.toString().endsWith(".java"))
          .flatMap(p -> {
            try {
              return Files.readAllLines(p).stream()
                  .filter(line -> line.startsWith("import "))
                  .filter(line -> Stream.of(prefixes).anyMatch(prefix ->
                      line.startsWith("import " + prefix) || line.startsWith("import static " + prefix)))
                  .map(line -> MAIN.relativize(p) + ": " + line);
            } catch (IOException e) {
              throw new IllegalStateException(e);
            }
          })
          .toList();
    }
  }

  @Test
  void theLedgerCoreImportsNoFrameworkOrStorageOrHttpTypes() throws IOException {
    assertThat(importsMatching(MAIN.resolve("ledger"),
            "io.dropwizard", "com.codahale", "com.fasterxml", "org.jdbi", "jakarta.", "javax.ws",
            "org.eclipse.jetty", "org.glassfish", "java.net.http", "org.bouncycastle",
            "io.accessledger.store.sqlite"))
        .isEmpty();
  }

  @Test
  void theRegisterRulesArePlainJava() throws IOException {
    assertThat(importsMatching(MAIN.resolve("registers"),
            "io.dropwizard", "com.codahale", "com.fasterxml", "org.jdbi", "jakarta.", "javax.",
            "org.eclipse.jetty", "org.glassfish", "java.sql", "io.accessledger.store",
            "io.accessledger.query", "io.accessledger.resources", "io.accessledger.api"))
        .isEmpty();
  }

  /** The need-to-know rules are a pure computation over entries handed to them. */
  @Test
  void theNeedToKnowRulesArePlainJava() throws IOException {
    assertThat(importsMatching(MAIN.resolve("audit"),
            "io.dropwizard", "com.codahale", "com.fasterxml", "org.jdbi", "jakarta.", "javax.",
            "org.eclipse.jetty", "org.glassfish", "java.sql", "java.net", "org.bouncycastle",
            "io.accessledger.store", "io.accessledger.query", "io.accessledger.resources",
            "io.accessledger.api", "io.accessledger.events"))
        .isEmpty();
  }

  /**
   * The typed event model is read by registers, audits, reports and queries alike, so it is plain
   * Java over the ledger's own values: no framework, no storage, and none of its readers.
   */
  @Test
  void theEventModelIsPlainJavaOverTheLedgersValues() throws IOException {
    assertThat(importsMatching(MAIN.resolve("entries"),
            "io.dropwizard", "com.codahale", "com.fasterxml", "org.jdbi", "jakarta.", "javax.",
            "org.eclipse.jetty", "org.glassfish", "java.sql", "java.net", "org.bouncycastle",
            "io.accessledger."))
        .allSatisfy(line -> assertThat(line).containsAnyOf(": import io.accessledger.ledger.leaf.",
            ": import io.accessledger.ledger.merkle.", ": import io.accessledger.ledger.json."));
  }

  @Test
  void onlyTheCryptoImplementationImportsBouncyCastle() throws IOException {
    assertThat(importsMatching(MAIN, "org.bouncycastle"))
        .isNotEmpty()
        .allSatisfy(line -> assertThat(line).startsWith("crypto/bc/"));
  }

  /** One service layer under every front end (DESIGN.md): no service knows HTTP or a resource. */
  @Test
  void theServicesImportNoHttpOrResourceTypes() throws IOException {
    for (String layer : List.of("services", "events", "query")) {
      assertThat(importsMatching(MAIN.resolve(layer),
              "jakarta.ws", "javax.ws", "jakarta.servlet", "org.eclipse.jetty", "org.glassfish",
              "io.dropwizard", "io.accessledger.resources", "io.accessledger.http"))
          .as(layer)
          .isEmpty();
    }
  }

  /** Ingest refuses in its own terms ({@code IngestRefusal}), never with an HTTP status. */
  @Test
  void ingestRefusesWithoutHttpStatuses() throws IOException {
    assertThat(importsMatching(MAIN.resolve("events"), "io.accessledger.api.ApiException")).isEmpty();
  }

  /**
   * Resources only read requests and answer them, over services built for them. The one store
   * type they may name is the failure a full disk raises, which its mapper turns into a 503.
   */
  @Test
  void theResourcesSeeServicesNotTheLedgerOrItsStore() throws IOException {
    assertThat(importsMatching(MAIN.resolve("resources"), "io.accessledger.config",
            "io.accessledger.store", "io.accessledger.ledger.writer.Sequencer",
            "io.accessledger.ledger.notes.CheckpointSigner"))
        .filteredOn(line -> !line.endsWith("import io.accessledger.store.LedgerDiskFullException;"))
        .isEmpty();
  }

  /**
   * The storage backend is named in one place, {@code LedgerFactory}, besides the backends
   * themselves: everything else sees {@code LedgerStore} and {@code ClientStore}.
   */
  @Test
  void onlyTheFactoryNamesAStorageBackend() throws IOException {
    assertThat(importsMatching(MAIN, "io.accessledger.store.sqlite", "io.accessledger.auth.sqlite"))
        .isNotEmpty()
        .allSatisfy(line ->
            assertThat(line).matches("(store/sqlite/|auth/sqlite/|config/LedgerFactory\\.java).*"));
    assertThat(importsMatching(MAIN, "io.accessledger.store.postgres",
            "io.accessledger.auth.postgres"))
        .allSatisfy(line -> assertThat(line)
            .matches("(store/postgres/|auth/postgres/"
                // The factory's ledger.database section, which builds the PostgreSQL pool.
                + "|config/(LedgerFactory|DatabaseSettings)\\.java).*"));
  }

  private static final Path REFILING_MIGRATION = Path.of("V3__link_index_spans.sql");

  /** The Java and SQL files under src/main whose upper-cased text {@code matches}, by path. */
  private static List<Path> mainSourcesWhere(BiPredicate<Path, String> matches) throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".sql"))
          .filter(p -> {
            try {
              return matches.test(p, Files.readString(p).toUpperCase(java.util.Locale.ROOT));
            } catch (IOException e) {
              throw new IllegalStateException(e);
            }
          })
          .toList();
    }
  }

  @Test
  void theSourceHasNoUpdateOrDeleteOfLedgerTables() throws IOException {
    List<Path> offenders = mainSourcesWhere((p, text) -> {
      if (p.endsWith(REFILING_MIGRATION)) {
        // Migration 3 copies the per-key index into a table filed by span, drops the old
        // one and renames the copy in its place: the one table drop the source may hold.
        text = text.replaceFirst("\\bDROP TABLE LINK_INDEX;", "");
      }
      // A duplicate cosignature (same checkpoint and witness key) is dropped, never replaces the
      // stored one: DO NOTHING is the one conflict clause allowed; DO UPDATE and REPLACE are not.
      text = text.replaceAll("(?m)^\\s*--.*$", "")
          .replaceAll("\\bON\\s+CONFLICT(\\s*\\([\\w\\s,]*\\))?\\s*DO\\s+NOTHING\\b", "");
      return text.matches("(?s).*(UPDATE|DELETE\\s+FROM|REPLACE\\s+INTO|INSERT\\s+OR\\s+"
          + "(REPLACE|IGNORE)\\s+INTO|DROP\\s+(TABLE|TRIGGER)(\\s+IF\\s+EXISTS)?)\\s+\"?"
          + "(LEAVES|MERKLE_NODES|LINK_KEYS|LINK_INDEX|CHECKPOINTS|EVENT_IDS|\\w+_NO_(UPDATE|DELETE))\\b.*")
          || text.matches("(?s).*\\bON\\s+CONFLICT\\b.*");
    });
    assertThat(offenders).isEmpty();
  }

  /**
   * Start-up, told to recreate the append-only triggers, replaces one that differs from the
   * migrations' with theirs in one transaction: the one drop of a trigger the source may hold,
   * once per backend.
   */
  @Test
  void onlyTheTriggerRecreationDropsATrigger() throws IOException {
    assertThat(mainSourcesWhere((p, text) -> text.matches("(?s).*DROP\\s+TRIGGER\\b.*")))
        .extracting(p -> p.getFileName().toString())
        .containsExactlyInAnyOrder("AppendOnlyTriggers.java", "PostgresGuards.java");
  }
}
