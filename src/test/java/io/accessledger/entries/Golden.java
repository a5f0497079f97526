package io.accessledger.entries;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden text under {@code src/test/resources/golden/}: what the readers of the log printed and
 * built from {@link SampleEntries} before they shared one typed event model, kept so that the
 * model can never change what a reader shows.
 */
public final class Golden {
  private Golden() {}

  /**
   * Asserts that {@code actual} is exactly the golden text {@code name}. On a mismatch the actual
   * text is written to {@code target/golden-actual/} for a diff; a golden file is never written.
   */
  public static void assertMatches(String name, String actual) {
    String expected = read(name);
    if (!actual.equals(expected)) {
      try {
        Path out = Path.of("target", "golden-actual", name);
        Files.createDirectories(out.getParent());
        Files.writeString(out, actual);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    assertThat(actual).as("golden/" + name).isEqualTo(expected);
  }

  private static String read(String name) {
    try (InputStream in = Golden.class.getResourceAsStream("/golden/" + name)) {
      if (in == null) {
        return "(no golden file " + name + ")";
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
