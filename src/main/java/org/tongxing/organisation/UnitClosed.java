package org.tongxing.organisation;

/**
 * A unit was closed; it takes no new sub-units, members or activities.
 */
public record UnitClosed(UnitId unit) {
}
