package io.accessledger.console.registers;

/**
 * A child or member of staff a register names: the {@code id} as recorded (what the CSV holds),
 * the {@code text} the page shows (a display name with the id, when the event gives one) and the
 * console page it links to.
 */
record Link(String id, String text, String href) {}
