package org.tongxing.organisation;

/**
 * A unit and its subtree moved to a new parent; every path starting with {@code oldPath}
 * now starts with {@code newPath}.
 */
public record UnitMoved(UnitId unit, UnitId oldParent, UnitId newParent, String oldPath, String newPath) {
}
