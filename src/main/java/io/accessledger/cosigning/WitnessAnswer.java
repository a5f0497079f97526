package io.accessledger.cosigning;

/**
 * What a witness answered to {@code add-checkpoint}, read but not trusted: the status and up to
 * {@link WitnessClient#MAX_BODY_BYTES} of the body, as text.
 *
 * @param status the HTTP status
 * @param contentType the {@code Content-Type} header, or empty
 * @param body the body as UTF-8 text (cut at the limit)
 */
record WitnessAnswer(int status, String contentType, String body) {}
