package org.tongxing.organisation;

/**
 * A unit was created.
 */
public record UnitCreated(UnitId unit, UnitId parent, String path) {
}
