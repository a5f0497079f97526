package io.accessledger.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.helpers.FormattingTuple;
import org.slf4j.helpers.MessageFormatter;

/**
 * A Logback turbo filter that keeps credentials out of every log at every level: an event whose
 * message or exception may hold one ({@link SecretMasking#mayHoldSecret}) is dropped and logged
 * again, by the same logger at the same level, with the credential masked.
 *
 * <p>Turbo filters run before any appender and apply to every logger, so this holds whatever a
 * log level is set to at run time (Jetty's {@code HttpParser} at DEBUG prints each parsed header,
 * {@code Authorization} included) and whatever appenders are configured. Events below their
 * logger's level cost one level comparison and are not formatted.
 */
public final class SecretMaskingFilter extends TurboFilter {
  private static final ThreadLocal<Boolean> RELOGGING = ThreadLocal.withInitial(() -> false);
  private static final String FQCN = Logger.class.getName();

  /** Adds the filter to the running Logback context, once. Call after logging is configured. */
  public static void install() {
    installInto((LoggerContext) LoggerFactory.getILoggerFactory());
  }

  static void installInto(LoggerContext context) {
    if (context.getTurboFilterList().stream().noneMatch(f -> f instanceof SecretMaskingFilter)) {
      SecretMaskingFilter filter = new SecretMaskingFilter();
      filter.setName("secret-masking");
      filter.setContext(context);
      filter.start();
      // First in the list: a turbo filter before it that answered ACCEPT would skip this one.
      context.getTurboFilterList().add(0, filter);
    }
  }

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format,
      Object[] params, Throwable t) {
    if ((format == null && t == null) || RELOGGING.get()
        || !level.isGreaterOrEqual(logger.getEffectiveLevel())) {
      return FilterReply.NEUTRAL; // a level check, or an event that will not be written
    }
    FormattingTuple formatted = MessageFormatter.arrayFormat(format, params, t);
    String message = formatted.getMessage();
    // Logback passes an explicit throwable beside the parameters; a trailing parameter that is a
    // throwable is one too (SLF4J's convention), which only the formatter finds.
    Throwable thrown = t != null ? t : formatted.getThrowable();
    boolean secretInMessage = SecretMasking.mayHoldSecret(message);
    boolean secretInThrown = MaskedThrowable.mayHoldSecret(thrown);
    if (!secretInMessage && !secretInThrown) {
      return FilterReply.NEUTRAL;
    }
    RELOGGING.set(true);
    try {
      logger.log(marker, FQCN, Level.toLocationAwareLoggerInteger(level),
          secretInMessage ? SecretMasking.mask(message) : message, null,
          secretInThrown ? MaskedThrowable.of(thrown) : thrown);
    } finally {
      RELOGGING.set(false);
    }
    return FilterReply.DENY;
  }
}
