package org.tongxing.organisation;

/**
 * A closed unit was opened again.
 */
public record UnitReopened(UnitId unit) {
}
