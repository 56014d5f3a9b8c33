package org.tongxing.volunteer.domain;

/**
 * A field of personal data kept encrypted. Its name is bound to each ciphertext (as
 * AES-GCM associated data) and to each keyed hash, so a value cannot be moved to another
 * field.
 */
public enum PersonalField {

	ID_NUMBER, PHONE, GUARDIAN_PHONE

}
