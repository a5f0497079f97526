package io.accessledger.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Report building and rendering stay pure: no web framework, JSON library, storage or query code,
 * so they can be tested on hand-made entries and reused outside the server.
 */
class ReportLayeringTest {
  private static final Path REPORT = Path.of("src/main/java/io/accessledger/report");

  @Test
  void theReportPackageImportsNoFrameworkStorageOrQueryTypes() throws IOException {
    List<String> forbidden = List.of("io.dropwizard", "com.codahale", "com.fasterxml", "org.jdbi",
        "jakarta.", "javax.ws", "org.glassfish", "org.eclipse.jetty", "io.accessledger.store",
        "io.accessledger.query", "io.accessledger.resources", "io.accessledger.auth");
    try (Stream<Path> files = Files.walk(REPORT)) {
      List<String> offenders = files.filter(p -> p.toString().endsWith(".java"))
          .flatMap(p -> {
            try {
              return Files.readAllLines(p).stream()
                  .filter(line -> line.startsWith("import "))
                  .filter(line -> forbidden.stream().anyMatch(f ->
                      line.startsWith("import " + f) || line.startsWith("import static " + f)))
                  .map(line -> p.getFileName() + ": " + line);
            } catch (IOException e) {
              throw new IllegalStateException(e);
            }
          })
          .toList();
      assertThat(offenders).isEmpty();
    }
    try (Stream<Path> files = Files.walk(REPORT)) {
      assertThat(files.filter(p -> p.toString().endsWith(".java"))).isNotEmpty();
    }
  }
}
