package io.accessledger.resources.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.api.ErrorBody;
import io.accessledger.events.IngestRefusal;
import io.accessledger.ledger.writer.LedgerBusyException;
import io.accessledger.store.LedgerDiskFullException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every kind of ingest refusal answers the contract's status and error body; the ledger's
 * push-back answers exactly as {@link LedgerBusyMapper} and {@link LedgerDiskFullMapper} do.
 */
class IngestRefusalMapperTest {
  private final IngestRefusalMapper mapper = new IngestRefusalMapper();

  @Test
  void eachKindAnswersItsStatusWithTheMessage() {
    assertThat(status(IngestRefusal.malformed("malformed JSON: x"))).isEqualTo(400);
    assertThat(status(IngestRefusal.conflict("eventId e is already in the log"))).isEqualTo(409);
    assertThat(status(IngestRefusal.tooLarge("the batch holds 1001 events"))).isEqualTo(413);

    Response conflict = mapper.toResponse(IngestRefusal.conflict("already in the log"));
    assertThat(conflict.getMediaType()).isEqualTo(MediaType.APPLICATION_JSON_TYPE);
    assertThat(conflict.getEntity()).isEqualTo(new ErrorBody(409, "already in the log"));
    assertThat(conflict.getHeaderString("Retry-After")).isNull();
  }

  @Test
  void anInvalidRequestListsItsErrors() {
    Response invalid = mapper.toResponse(IngestRefusal.invalid("invalid event: actor.id: required",
        List.of("actor.id: required", "purpose: required")));
    assertThat(invalid.getStatus()).isEqualTo(422);
    assertThat(invalid.getEntity()).isEqualTo(new ErrorBody(422,
        "invalid event: actor.id: required", List.of("actor.id: required", "purpose: required")));
  }

  @Test
  void pushBackAnswersAsTheLedgersOwnMappersDo() {
    LedgerBusyException busy = new LedgerBusyException("the ledger's write queue is full");
    assertSameAnswer(mapper.toResponse(IngestRefusal.busy(busy)),
        new LedgerBusyMapper().toResponse(busy), "1");

    LedgerDiskFullException full = new LedgerDiskFullException("1.0 MiB free");
    assertSameAnswer(mapper.toResponse(IngestRefusal.diskFull(full)),
        new LedgerDiskFullMapper().toResponse(full), "30");
  }

  private static void assertSameAnswer(Response answer, Response expected, String retryAfter) {
    assertThat(answer.getStatus()).isEqualTo(503).isEqualTo(expected.getStatus());
    assertThat(answer.getHeaderString("Retry-After")).isEqualTo(retryAfter)
        .isEqualTo(expected.getHeaderString("Retry-After"));
    assertThat(answer.getMediaType()).isEqualTo(expected.getMediaType());
    assertThat(answer.getEntity()).isEqualTo(expected.getEntity());
  }

  private int status(IngestRefusal refusal) {
    return mapper.toResponse(refusal).getStatus();
  }
}
