package io.accessledger.console.support;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

class ChromiumInstallTest {
  @TempDir Path dir;

  private ChromiumInstall missing() {
    return new ChromiumInstall(dir.resolve("chromium"), dir.resolve("chromedriver"));
  }

  @Test
  void aMissingBrowserFailsUnderCiNamingThePackages() {
    assertThatThrownBy(() -> missing().requirePresent(Map.of("CI", "true")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("chromium chromium-driver")
        .hasMessageContaining(dir.resolve("chromium").toString())
        .hasMessageContaining(dir.resolve("chromedriver").toString());
  }

  @Test
  void aMissingBrowserSkipsOutsideCiSayingWhatToInstall() {
    for (Map<String, String> environment : List.of(Map.<String, String>of(), Map.of("CI", "1"))) {
      assertThatThrownBy(() -> missing().requirePresent(environment))
          .isInstanceOf(TestAbortedException.class)
          .hasMessageContaining("apt-get install chromium chromium-driver");
    }
  }

  @Test
  void onlyAMissingBinaryCounts() {
    Path executable = Path.of("/bin/sh");
    ChromiumInstall present = new ChromiumInstall(executable, executable);
    assertThatCode(() -> present.requirePresent(Map.of("CI", "true"))).doesNotThrowAnyException();
    ChromiumInstall noDriver = new ChromiumInstall(executable, dir.resolve("chromedriver"));
    assertThatThrownBy(() -> noDriver.requirePresent(Map.of("CI", "true")))
        .isInstanceOf(AssertionError.class)
        .hasMessageNotContaining("/bin/sh");
  }
}
