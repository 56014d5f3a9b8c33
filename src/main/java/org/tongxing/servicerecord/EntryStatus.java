package org.tongxing.servicerecord;

/** A service entry is pending until confirmed or rejected, and never changes after. */
public enum EntryStatus {

	PENDING, CONFIRMED, REJECTED

}
