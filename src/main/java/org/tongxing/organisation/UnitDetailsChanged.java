package org.tongxing.organisation;

/**
 * A unit's name or other details were changed.
 */
public record UnitDetailsChanged(UnitId unit) {
}
