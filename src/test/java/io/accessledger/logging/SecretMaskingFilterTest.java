package io.accessledger.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.spi.FilterReply;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Marker;

/** The filter on a real Logback context: every way an event can carry a credential. */
class SecretMaskingFilterTest {
  static final String TOKEN = "alt_q8m1V0Zr3cYpN4xT2kLw9aBdEfGhIjKlMnOpQrStUvW";

  private final LoggerContext context = new LoggerContext();
  private final List<String> written = new CopyOnWriteArrayList<>();
  private Logger logger;

  @BeforeEach
  void logToAList() {
    AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
      @Override
      protected void append(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(String.valueOf(event.getFormattedMessage()));
        appendThrowable(text, event.getThrowableProxy());
        written.add(text.toString());
      }
    };
    appender.setContext(context);
    appender.start();
    logger = context.getLogger("test");
    logger.setLevel(Level.DEBUG);
    logger.addAppender(appender);
    context.start();
    SecretMaskingFilter filter = new SecretMaskingFilter();
    filter.setContext(context);
    filter.start();
    context.getTurboFilterList().add(filter);
  }

  @AfterEach
  void stop() {
    context.stop();
  }

  private static void appendThrowable(StringBuilder text, IThrowableProxy t) {
    if (t == null) {
      return;
    }
    text.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
    for (IThrowableProxy suppressed : t.getSuppressed()) {
      appendThrowable(text, suppressed);
    }
    appendThrowable(text, t.getCause());
  }

  private void assertNothingLeaked() {
    assertThat(written).isNotEmpty();
    assertThat(String.join("\n", written)).doesNotContain(TOKEN.substring(4)).contains("[masked]");
  }

  @Test
  void aParameterIsMasked() {
    logger.debug("parsedHeader({})", "Authorization: Bearer " + TOKEN);
    assertNothingLeaked();
  }

  @Test
  void anExceptionWithNoMessageIsMasked() {
    logger.warn(null, new IllegalStateException("token " + TOKEN));
    assertNothingLeaked();
  }

  @Test
  void aCauseAndASuppressedExceptionAreMasked() {
    Exception suppressed = new IllegalArgumentException("Cookie: session=" + TOKEN);
    Exception cause = new RuntimeException("cause", new IllegalStateException("Bearer " + TOKEN));
    cause.addSuppressed(suppressed);
    logger.error("failed", cause);
    assertNothingLeaked();
    assertThat(written.get(0)).contains("IllegalArgumentException").contains("IllegalStateException");
  }

  @Test
  void anEventBelowItsLevelIsNotWrittenAtAll() {
    logger.setLevel(Level.INFO);
    logger.debug("Authorization: Bearer {}", TOKEN);
    assertThat(written).isEmpty();
  }

  @Test
  void itRunsBeforeAFilterThatAccepts() {
    TurboFilter acceptAll = new TurboFilter() {
      @Override
      public FilterReply decide(Marker marker, Logger logger, Level level, String format,
          Object[] params, Throwable t) {
        return FilterReply.ACCEPT;
      }
    };
    acceptAll.start();
    context.getTurboFilterList().add(0, acceptAll);
    context.getTurboFilterList().removeIf(f -> f instanceof SecretMaskingFilter);
    // install() puts the filter first, ahead of one that would accept every event unmasked.
    SecretMaskingFilter.installInto(context);
    logger.info("Authorization: Bearer {}", TOKEN);
    assertNothingLeaked();
  }
}
