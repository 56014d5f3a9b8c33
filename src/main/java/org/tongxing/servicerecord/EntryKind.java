package org.tongxing.servicerecord;

/** What a service entry records: a session attended, hours declared, or a correction. */
public enum EntryKind {

	SESSION, SELF_DECLARED, CORRECTION

}
